"""Markups in words: what lists, tables and reports say about each one.

Pure functions over a markup and its review. The markups dock shows these texts, and
a CSV export or the packet's tables can print the same words. Door numbering lives
here too: a door number is the text responders read on a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from designreview.model.markups import (
    AccessPoint,
    Camera,
    Comment,
    Markup,
    Observer,
    Sightline,
    Space,
    Zone,
    ZoneKind,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from designreview.model.ids import MarkupId
    from designreview.model.review import Review

__all__ = [
    "NO_AUTHOR",
    "MarkupRow",
    "agency_of",
    "author_name",
    "describe",
    "door_numbers",
    "first_words",
    "local_time",
    "markup_label",
    "natural_key",
    "number_doors",
    "status_text",
    "type_name",
]

NO_AUTHOR = "\u2014"
"""Shown when a markup's author is not (or no longer) among the reviewers."""

_TYPE_NAMES: dict[type, str] = {
    AccessPoint: "Access point",
    Observer: "Observer",
    Camera: "Camera",
    Sightline: "Sightline",
    Space: "Space",
    Comment: "Comment",
}
_ZONE_NAMES = {
    ZoneKind.LOCKABLE_ZONE: "Lockable zone",
    ZoneKind.SAFE_ROOM: "Safe room",
    ZoneKind.HARD_CORNER: "Hard corner",
}


@dataclass(frozen=True, slots=True)
class MarkupRow:
    """One markup described in words, one field per column of a markups list."""

    type_name: str
    label: str
    author: str
    agency: str
    status: str
    modified: str
    sheet: str
    full_text: str
    """The whole label or comment text, for searching and tooltips."""


def type_name(markup: Markup) -> str:
    """What kind of markup this is, as a reviewer calls it.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> type_name(Zone("z", "s", made, made, (), ZoneKind.HARD_CORNER))
        'Hard corner'
        >>> type_name(AccessPoint("d", "s", made, made, (0.0, 0.0)))
        'Access point'
    """
    if isinstance(markup, Zone):
        return _ZONE_NAMES[markup.kind]
    return _TYPE_NAMES[type(markup)]


def first_words(text: str, limit: int = 40) -> str:
    """The start of ``text`` on one line, cut at a word boundary within ``limit``.

    Example:
        >>> first_words("Door 104 cannot lock from inside", 20)
        'Door 104 cannot…'
        >>> first_words("  Short  note ")
        'Short note'
        >>> first_words("Unbreakablewordthatgoesonandon", 10)
        'Unbreakab…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if flat[limit - 1] != " " and " " in cut:  # the last word was cut: drop it
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:\u2014-") + "\u2026"


def _full_label(markup: Markup) -> str:
    if isinstance(markup, AccessPoint):
        return markup.door_number
    if isinstance(markup, Comment):
        return markup.text
    if isinstance(markup, Zone | Space):
        return markup.name
    return markup.label


def markup_label(markup: Markup) -> str:
    """The door number, label or name, or the first words of a comment.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> markup_label(AccessPoint("d", "s", made, made, (0, 0), door_number="E1"))
        'E1'
        >>> markup_label(Comment("c", "s", made, made, (0, 0), "Glass " * 20))
        'Glass Glass Glass Glass Glass Glass…'
    """
    if isinstance(markup, Comment):
        return first_words(markup.text)
    return _full_label(markup)


def author_name(markup: Markup, review: Review) -> str:
    """The name of the reviewer who made the markup, or an em dash if unknown.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee", "Police"),))
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> author_name(Camera("c", "s", made, made, (0, 0)), review)
        'Ann Lee'
        >>> stranger = Stamp("r-9", "2026-11-20T09:00:00+00:00")
        >>> author_name(Camera("c", "s", stranger, stranger, (0, 0)), review)
        '—'
    """
    reviewer = review.reviewer(markup.created.reviewer_id)
    return reviewer.name if reviewer is not None and reviewer.name else NO_AUTHOR


def agency_of(markup: Markup, review: Review) -> str:
    """The comment's own agency, else the agency of the markup's author, else "".

    Example:
        >>> from designreview.model.markups import Stamp
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee", "Police"),))
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> agency_of(Camera("c", "s", made, made, (0, 0)), review)
        'Police'
        >>> agency_of(Comment("c", "s", made, made, (0, 0), "x", agency="Fire"), review)
        'Fire'
    """
    if isinstance(markup, Comment) and markup.agency:
        return markup.agency
    reviewer = review.reviewer(markup.created.reviewer_id)
    return reviewer.agency if reviewer is not None else ""


def status_text(markup: Markup) -> str:
    """A comment's status in words ("Open", "Answered", ...); "" for other markups.

    Example:
        >>> from designreview.model.markups import CommentStatus, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> status_text(Comment("c", "s", made, made, (0, 0), "x",
        ...                     status=CommentStatus.RESOLVED))
        'Resolved'
        >>> status_text(Camera("c", "s", made, made, (0, 0)))
        ''
    """
    if isinstance(markup, Comment):
        return markup.status.value.capitalize()
    return ""


def local_time(iso: str, zone: tzinfo | None = None) -> str:
    """An ISO 8601 time as "YYYY-MM-DD HH:MM" in ``zone`` (default: this computer's).

    Text that is not a time comes back unchanged; a time without an offset is taken
    as already local.

    Example:
        >>> from datetime import timedelta, timezone
        >>> local_time("2026-11-20T09:30:00+00:00", timezone(timedelta(hours=-5)))
        '2026-11-20 04:30'
        >>> local_time("2026-11-20T09:30:59", timezone.utc)
        '2026-11-20 09:30'
        >>> local_time("yesterday")
        'yesterday'
    """
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    return moment.strftime("%Y-%m-%d %H:%M")


def describe(markup: Markup, review: Review) -> MarkupRow:
    """Every column of a markups list for one markup.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> from designreview.model.review import Review, Reviewer, Sheet
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee", "Police"),),
        ...                 sheets=(Sheet("s", "Level 1", "l1.dxf", ""),))
        >>> made = Stamp("r-1", "2026-11-20T09:00")
        >>> describe(Observer("o", "s", made, made, (0, 0), label="Desk"), review)
        ... # doctest: +NORMALIZE_WHITESPACE
        MarkupRow(type_name='Observer', label='Desk', author='Ann Lee',
                  agency='Police', status='', modified='2026-11-20 09:00',
                  sheet='Level 1', full_text='Desk')
    """
    sheet = review.sheet(markup.sheet_id)
    return MarkupRow(
        type_name=type_name(markup),
        label=markup_label(markup),
        author=author_name(markup, review),
        agency=agency_of(markup, review),
        status=status_text(markup),
        modified=local_time(markup.modified.at),
        sheet=sheet.name if sheet is not None else "",
        full_text=_full_label(markup),
    )


def natural_key(text: str) -> str:
    """A key that sorts text as people expect: case-blind, "D-2" before "D-10".

    Digit runs are zero-padded, so plain string comparison (fast, and what Qt's
    sorting does) orders numbers by value.

    Example:
        >>> sorted(["D-10", "d-2", "D-1"], key=natural_key)
        ['D-1', 'd-2', 'D-10']
    """
    return re.sub(r"\d+", lambda m: m.group().zfill(12), text.casefold())


def door_numbers(
    count: int, prefix: str = "D-", taken: Iterable[str] = ()
) -> list[str]:
    """The first ``count`` free numbers of a sequence: prefix, then 01, 02, ...

    Numbers in ``taken`` (doors that keep theirs) are skipped, however they are
    padded, so the sequence never repeats a door's number. Numbers get at least two
    digits, and all of them the same width.

    Example:
        >>> door_numbers(3)
        ['D-01', 'D-02', 'D-03']
        >>> door_numbers(3, "E", taken=["E2", "D-1", "E-x"])
        ['E01', 'E03', 'E04']
        >>> door_numbers(2, taken=[f"D-{n}" for n in range(1, 99)])
        ['D-099', 'D-100']
    """
    used = {
        int(rest)
        for number in taken
        if number.startswith(prefix)
        and (rest := number[len(prefix) :]).isascii()
        and rest.isdigit()
    }
    picks: list[int] = []
    candidate = 0
    while len(picks) < count:
        candidate += 1
        if candidate not in used:
            picks.append(candidate)
    width = max(2, len(str(picks[-1]))) if picks else 2
    return [f"{prefix}{n:0{width}d}" for n in picks]


def number_doors(
    doors: Sequence[AccessPoint], prefix: str, others: Iterable[AccessPoint] = ()
) -> dict[MarkupId, str]:
    """New door numbers for ``doors`` in their given order; ``others`` keep theirs.

    Returns only the doors whose number changes.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> def door(i, n=""):
        ...     return AccessPoint(i, "s", made, made, (0, 0), door_number=n)
        >>> number_doors([door("a", "D-01"), door("b", "7")], "D-")
        {'b': 'D-02'}
        >>> number_doors([door("a"), door("b")], "D-", others=[door("c", "D-01")])
        {'a': 'D-02', 'b': 'D-03'}
    """
    taken = [d.door_number for d in others]
    numbers = door_numbers(len(doors), prefix, taken)
    return {
        door.id: number
        for door, number in zip(doors, numbers, strict=True)
        if door.door_number != number
    }
