"""Markups in words: what lists, tables and reports say about each one.

Pure functions over a markup and its review. The markups dock shows these texts, and
the CSV and DXF exports and the packet print the same words. What each kind is called
and which of its attributes are its label and details come from its declaration
(``render/kinds/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from designreview.model.words import first_words
from designreview.render.fields import FieldKind, format_value
from designreview.render.kinds import kind_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.markups import Markup
    from designreview.model.review import Review

__all__ = [
    "NO_AUTHOR",
    "MarkupRow",
    "agency_of",
    "author_name",
    "describe",
    "details",
    "first_words",
    "full_label",
    "local_time",
    "markup_label",
    "natural_key",
    "priority_text",
    "status_text",
    "type_name",
]

NO_AUTHOR = "\u2014"
"""Shown when a markup's author is not (or no longer) among the reviewers."""

_WORDS_IN_OTHER_COLUMNS = (FieldKind.TEXT, FieldKind.LONG_TEXT)


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
        >>> from designreview.model.markups import AccessPoint, Stamp, Zone, ZoneKind
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> type_name(Zone("z", "s", made, made, (), ZoneKind.HARD_CORNER))
        'Hard corner'
        >>> type_name(AccessPoint("d", "s", made, made, (0.0, 0.0)))
        'Access point'
    """
    spec = kind_of(markup)
    return spec.name_of(markup) if spec.name_of is not None else spec.name


def full_label(markup: Markup) -> str:
    """The whole door number, label, name or comment text, for search and tooltips.

    Example:
        >>> from designreview.model.markups import Comment, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> full_label(Comment("c", "s", made, made, (0, 0), "Glass " * 20)) == (
        ...     "Glass " * 20)
        True
    """
    text: str = getattr(markup, kind_of(markup).label_field)
    return text


def _is_long(markup: Markup) -> bool:
    spec = kind_of(markup)
    label = next((f for f in spec.fields if f.name == spec.label_field), None)
    return label is not None and label.kind is FieldKind.LONG_TEXT


def markup_label(markup: Markup) -> str:
    """The door number, label or name, or the first words of a comment.

    Example:
        >>> from designreview.model.markups import AccessPoint, Comment, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> markup_label(AccessPoint("d", "s", made, made, (0, 0), door_number="E1"))
        'E1'
        >>> markup_label(Comment("c", "s", made, made, (0, 0), "Glass " * 20))
        'Glass Glass Glass Glass Glass Glass…'
    """
    if _is_long(markup):
        return first_words(full_label(markup))
    return full_label(markup)


def author_name(markup: Markup, review: Review) -> str:
    """The name of the reviewer who made the markup, or an em dash if unknown.

    Example:
        >>> from designreview.model.markups import Camera, Stamp
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
        >>> from designreview.model.markups import Camera, Comment, Stamp
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee", "Police"),))
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> agency_of(Camera("c", "s", made, made, (0, 0)), review)
        'Police'
        >>> agency_of(Comment("c", "s", made, made, (0, 0), "x", agency="Fire"), review)
        'Fire'
    """
    if any(f.name == "agency" for f in kind_of(markup).fields):  # a comment's own
        own = str(getattr(markup, "agency", ""))
        if own:
            return own
    reviewer = review.reviewer(markup.created.reviewer_id)
    return reviewer.agency if reviewer is not None else ""


def status_text(markup: Markup) -> str:
    """A comment's status in words ("Open", "Answered", ...); "" for other markups.

    Example:
        >>> from designreview.model.markups import Camera, Comment, CommentStatus, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> status_text(Comment("c", "s", made, made, (0, 0), "x",
        ...                     status=CommentStatus.RESOLVED))
        'Resolved'
        >>> status_text(Camera("c", "s", made, made, (0, 0)))
        ''
    """
    return _shown_value(markup, "status")


def _shown_value(markup: Markup, name: str) -> str:
    """The value of field ``name`` as the panel shows it; "" if the kind has none."""
    field = next((f for f in kind_of(markup).fields if f.name == name), None)
    if field is None:
        return ""
    return format_value(field, getattr(markup, name), imperial=False)


def priority_text(markup: Markup) -> str:
    """A comment's priority in words ("Normal", "High", ...); "" for other markups.

    Example:
        >>> from designreview.model.markups import Comment, Priority, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> priority_text(Comment("c", "s", made, made, (0, 0), "x",
        ...                       priority=Priority.CRITICAL))
        'Critical'
    """
    return _shown_value(markup, "priority")


def details(
    markup: Markup, imperial: bool, leave_out: Sequence[str] = ()
) -> tuple[str, ...]:
    """Every attribute of a markup in words, one "Field: value" each, then its facts.

    Texts (labels, names, a comment's text) are left to the columns or lines that show
    them, as are the fields named in ``leave_out``; blank values are dropped. Lengths
    follow the plan's units, as in the properties panel.

    Example:
        >>> from designreview.model.markups import Stamp, Zone
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> room = Zone("z", "s", made, made, ((0, 0), (6, 0), (6, 5), (0, 5)),
        ...             name="Aula 3", occupants=28)
        >>> details(room, imperial=True)  # 30 m² is 322.9 sq ft
        ('Type: Lockable zone', 'Occupants: 28', 'Area: 30.0 m² (323 sq ft)')
        >>> details(room, imperial=False, leave_out=("kind", "occupants"))
        ('Area: 30.0 m²',)
    """
    spec = kind_of(markup)
    parts = [
        f"{field.label}: {format_value(field, getattr(markup, field.name), imperial)}"
        for field in spec.fields
        if field.kind not in _WORDS_IN_OTHER_COLUMNS and field.name not in leave_out
    ]
    parts += spec.facts(markup, imperial)
    return tuple(p for p in parts if not p.endswith(": "))


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
        >>> from designreview.model.markups import Observer, Stamp
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
        full_text=full_label(markup),
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
