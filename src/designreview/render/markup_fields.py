"""The fields of each markup type in a properties panel: labels, kinds and validation.

Qt-free. The properties dock asks this module which fields a selection shares, what
to call each choice, how to read what a reviewer typed and which edit a change makes.
Lengths are metres in the model and feet-inches or metres on screen (PRODUCT.md
section 4: units follow the plan).

Past 500 lines, mostly runnable examples: the field table, what each kind of field
accepts and the edit a change makes are read together. When a second user of the
length and angle parsers appears (a measure tool, a settings dialog), they are the
first part to move to a module of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, Final

from designreview.model.edits import Batch, ReplaceMarkup
from designreview.model.errors import FieldError
from designreview.model.markups import (
    AccessControl,
    AccessKind,
    AccessPoint,
    Camera,
    Comment,
    CommentStatus,
    Designation,
    LockFunction,
    Markup,
    Observer,
    ObserverKind,
    Priority,
    Reply,
    Sightline,
    Space,
    SpaceType,
    Stamp,
    StatusChange,
    Zone,
    ZoneKind,
)
from designreview.model.units import format_length, parse_angle, parse_length
from designreview.render.markup_text import local_time, type_name

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from designreview.model.edits import Edit
    from designreview.model.review import Review

__all__ = [
    "FIELDS",
    "MIXED",
    "ChoiceToggle",
    "Field",
    "FieldError",
    "FieldKind",
    "ThreadEntry",
    "choice_label",
    "choice_states",
    "field_edit",
    "field_named",
    "format_value",
    "hint",
    "parse_angle",
    "parse_length",
    "parse_value",
    "reply_edit",
    "selection_title",
    "shared_fields",
    "shared_value",
    "stamp_text",
    "thread",
]


class FieldKind(Enum):
    """How a field is edited."""

    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    TEXT = "text"
    LONG_TEXT = "long_text"
    LENGTH = "length"
    ANGLE = "angle"
    INTEGER = "integer"
    BOOL = "bool"


@dataclass(frozen=True, slots=True)
class Field:
    """One editable attribute of a markup type, with its limits."""

    name: str
    label: str
    kind: FieldKind
    choices: tuple[Enum, ...] = ()
    minimum: float | None = None
    """Metres for lengths, degrees for angles."""
    maximum: float | None = None
    optional: bool = False
    """Blank means None (unknown)."""
    wraps: bool = False
    """An angle taken modulo 360 (a direction) rather than checked against limits."""
    records_history: bool = False
    """A change also appends a StatusChange to the comment's history."""


class _Mixed(Enum):
    MIXED = "mixed"


MIXED: Final = _Mixed.MIXED
"""The value of a field whose selected markups disagree."""


@dataclass(frozen=True, slots=True)
class ChoiceToggle:
    """Turn one choice of a multi-choice field on or off, keeping the others."""

    choice: Enum
    on: bool


@dataclass(frozen=True, slots=True)
class ThreadEntry:
    """One line of a comment thread: a reply or a status change."""

    author: str
    at: str
    text: str
    is_status: bool = False


def _choice(name: str, label: str, enum: type[Enum]) -> Field:
    return Field(name, label, FieldKind.CHOICE, tuple(enum))


_LABEL = Field("label", "Label", FieldKind.TEXT)
_NAME = Field("name", "Name", FieldKind.TEXT)
FIELDS: Final[dict[type, tuple[Field, ...]]] = {
    AccessPoint: (
        Field("door_number", "Door number", FieldKind.TEXT),
        _choice("kind", "Type", AccessKind),
        _choice("designation", "Designation", Designation),
        _choice("lock", "Lock function", LockFunction),
        Field("access_control", "Access control", FieldKind.MULTI_CHOICE,
              tuple(AccessControl)),
        Field("has_vision_panel", "Vision panel", FieldKind.BOOL),
        Field("has_sidelite", "Sidelite", FieldKind.BOOL),
        Field("width_m", "Width", FieldKind.LENGTH, minimum=0.1, maximum=30.0),
        Field("angle_deg", "Angle", FieldKind.ANGLE, wraps=True),
    ),
    Observer: (_choice("kind", "Type", ObserverKind), _LABEL),
    Camera: (
        _LABEL,
        Field("direction_deg", "Direction", FieldKind.ANGLE, wraps=True),
        Field("fov_deg", "Field of view", FieldKind.ANGLE, minimum=1, maximum=360),
        Field("range_m", "Range", FieldKind.LENGTH, minimum=0.5, maximum=1000.0),
        Field("resolution_px", "Resolution (px)", FieldKind.INTEGER,
              minimum=160, maximum=16384),
        Field("mount_height_m", "Mount height", FieldKind.LENGTH,
              minimum=0.0, maximum=50.0),
    ),
    Sightline: (_LABEL,),
    Zone: (
        _NAME,
        _choice("kind", "Type", ZoneKind),
        Field("occupants", "Occupants", FieldKind.INTEGER, minimum=0,
              maximum=10000, optional=True),
    ),
    Space: (
        _NAME,
        _choice("space_type", "Space type", SpaceType),
        Field("occupant_load", "Occupant load", FieldKind.INTEGER, minimum=0,
              maximum=10000, optional=True),
    ),
    Comment: (
        Field("text", "Text", FieldKind.LONG_TEXT),
        Field("status", "Status", FieldKind.CHOICE, tuple(CommentStatus),
              records_history=True),
        _choice("priority", "Priority", Priority),
        Field("agency", "Agency", FieldKind.TEXT),
    ),
}  # fmt: skip
"""The fields each markup type shows, in display order."""

_CHOICE_LABELS: dict[Enum, str] = {
    LockFunction.INSIDE_LOCKABLE: "Lockable from inside",
    LockFunction.KEY_OUTSIDE_ONLY: "Key or credential outside only",
    Designation.SECONDARY_STAFF_ENTRY: "Secondary (staff) entry",
    AccessControl.CAMERA_INTERCOM: "Video intercom",
    AccessControl.REMOTE_RELEASE: "Remote door release",
}


def choice_label(value: Enum) -> str:
    """How a choice reads in a list.

    Example:
        >>> choice_label(LockFunction.KEY_OUTSIDE_ONLY)
        'Key or credential outside only'
        >>> choice_label(Designation.PRIMARY_VISITOR_ENTRY)
        'Primary visitor entry'
        >>> choice_label(LockFunction.NONE), choice_label(SpaceType.SAFE_ROOM)
        ('None', 'Safe room')
    """
    return _CHOICE_LABELS.get(value) or str(value.value).replace("_", " ").capitalize()


def field_named(markup_type: type, name: str) -> Field:
    """The field ``name`` of a markup type (KeyError if it has none).

    Example:
        >>> field_named(AccessPoint, "lock").label
        'Lock function'
    """
    found = next((f for f in FIELDS.get(markup_type, ()) if f.name == name), None)
    if found is None:
        raise KeyError(f"{markup_type.__name__} has no field {name!r}")
    return found


def shared_fields(types: Iterable[type]) -> tuple[Field, ...]:
    """The fields every one of ``types`` has (same name, same kind and choices).

    Example:
        >>> [f.name for f in shared_fields([Observer, Camera, Sightline])]
        ['label']
        >>> shared_fields([AccessPoint, Observer])  # "kind", but other choices
        ()
        >>> len(shared_fields([AccessPoint, AccessPoint]))
        9
    """
    unique = list(dict.fromkeys(types))
    if not unique:
        return ()
    first, *others = (FIELDS.get(t, ()) for t in unique)
    return tuple(f for f in first if all(f in fields for fields in others))


def shared_value(markups: Sequence[Markup], field: Field) -> Any:
    """The field's value if all markups agree, else :data:`MIXED`.

    Example:
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> doors = [AccessPoint(i, "s", made, made, (0, 0), width_m=w)
        ...          for i, w in (("a", 0.9), ("b", 0.9))]
        >>> width = field_named(AccessPoint, "width_m")
        >>> shared_value(doors, width)
        0.9
        >>> shared_value([*doors, replace(doors[0], width_m=1.2)], width)
        <_Mixed.MIXED: 'mixed'>
    """
    values = [getattr(m, field.name) for m in markups]
    if not values or any(v != values[0] for v in values[1:]):
        return MIXED
    return values[0]


def choice_states(
    markups: Sequence[Markup], field: Field
) -> tuple[tuple[Enum, bool | None], ...]:
    """Each choice of a multi-choice field: on for all, off for all, or None (mixed).

    Example:
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> a = AccessPoint("a", "s", made, made, (0, 0),
        ...                 access_control=(AccessControl.CARD_READER,))
        >>> b = replace(a, id="b", access_control=())
        >>> states = choice_states([a, b], field_named(AccessPoint, "access_control"))
        >>> [(choice.value, state) for choice, state in states[:2]]
        [('card_reader', None), ('intercom', False)]
    """
    held = [set(getattr(m, field.name)) for m in markups]
    states: list[tuple[Enum, bool | None]] = []
    for choice in field.choices:
        count = sum(choice in h for h in held)
        states.append((choice, None if 0 < count < len(held) else count > 0))
    return tuple(states)


def _check_range(field: Field, value: float, shown: str) -> None:
    too_low = field.minimum is not None and value < field.minimum
    if too_low or (field.maximum is not None and value > field.maximum):
        raise FieldError(f"{shown} is out of range.")


def parse_value(field: Field, text: str, imperial: bool) -> Any:
    """The value a reviewer typed into a text-like field; FieldError if not allowed.

    Example:
        >>> fields = {f.name: f for f in FIELDS[Camera] + FIELDS[Zone]}
        >>> parse_value(fields["direction_deg"], "-90", imperial=False)
        270.0
        >>> parse_value(fields["occupants"], " ", imperial=False) is None
        True
        >>> parse_value(fields["resolution_px"], "1920 px", imperial=False)
        1920
        >>> parse_value(fields["range_m"], "0 m", imperial=False)
        Traceback (most recent call last):
        ...
        designreview.model.errors.FieldError: 0.00 m is out of range.
    """
    parse = _PARSERS.get(field.kind)
    if parse is None:
        raise TypeError(f"{field.kind} fields are not typed in")
    return parse(field, text, imperial)


def _parse_text(field: Field, text: str, imperial: bool) -> str:
    if field.kind is FieldKind.LONG_TEXT and not text.strip():
        raise FieldError("The text cannot be empty.")
    return text.strip()


def _parse_length(field: Field, text: str, imperial: bool) -> float:
    metres = parse_length(text, imperial)
    _check_range(field, metres, format_length(metres, imperial))
    return metres


def _parse_angle(field: Field, text: str, imperial: bool) -> float:
    degrees = parse_angle(text)
    if field.wraps:
        return degrees % 360.0
    _check_range(field, degrees, f"{degrees:g}°")
    return degrees


def _parse_integer(field: Field, text: str, imperial: bool) -> int | None:
    flat = text.strip()
    if not flat and field.optional:
        return None
    digits = re.fullmatch(r"(\d[\d,]*)\s*(?:px)?", flat)
    if digits is None:
        raise FieldError(f"“{flat}” is not a whole number.")
    number = int(digits[1].replace(",", ""))
    _check_range(field, number, str(number))
    return number


_PARSERS: dict[FieldKind, Callable[[Field, str, bool], Any]] = {
    FieldKind.TEXT: _parse_text,
    FieldKind.LONG_TEXT: _parse_text,
    FieldKind.LENGTH: _parse_length,
    FieldKind.ANGLE: _parse_angle,
    FieldKind.INTEGER: _parse_integer,
}


def hint(field: Field, imperial: bool) -> str:
    """What a field accepts, in the plan's units: the tooltip of its editor.

    Example:
        >>> width = field_named(AccessPoint, "width_m")
        >>> print(hint(width, imperial=True).split(", e.g.")[0])
        A length from 0'-4" to 98'-5"
        >>> print(hint(field_named(Zone, "occupants"), imperial=False))
        A whole number from 0 to 10000; leave blank if unknown.
    """
    low, high = field.minimum, field.maximum
    if field.kind is FieldKind.LENGTH and low is not None and high is not None:
        span = f"from {format_length(low, imperial)} to {format_length(high, imperial)}"
        if imperial:
            examples = "e.g. 3'-0\", 36 in, 0.91 m or 91 cm. A bare number is feet."
        else:
            examples = "e.g. 0.91 m, 91 cm or 36 in. A bare number is metres."
        return f"A length {span}, {examples}"
    if field.kind is FieldKind.ANGLE:
        if field.wraps:
            return "An angle in degrees, e.g. 90 or 90°."
        return f"An angle from {low:g}° to {high:g}°."
    if field.kind is FieldKind.INTEGER:
        blank = "; leave blank if unknown" if field.optional else ""
        return f"A whole number from {low:g} to {high:g}{blank}."
    if field.kind is FieldKind.LONG_TEXT:
        return "Any text; it cannot be empty."
    return ""


def format_value(field: Field, value: Any, imperial: bool) -> str:
    """A value as its editor shows it ("" for mixed or unknown).

    Example:
        >>> width = field_named(AccessPoint, "width_m")
        >>> angle = field_named(AccessPoint, "angle_deg")
        >>> print(format_value(width, 0.9144, imperial=True))
        3'-0"
        >>> format_value(width, 0.9144, False), format_value(angle, 92.5, False)
        ('0.91 m', '92.5°')
        >>> format_value(width, MIXED, imperial=False)
        ''
    """
    if value is MIXED or value is None:
        return ""
    if field.kind is FieldKind.LENGTH:
        return format_length(value, imperial)
    if field.kind is FieldKind.ANGLE:
        return f"{round(value, 2):g}°"
    if field.kind is FieldKind.CHOICE:
        return choice_label(value)
    if field.kind is FieldKind.MULTI_CHOICE:
        return ", ".join(choice_label(c) for c in value) or "None"
    if field.kind is FieldKind.BOOL:
        return "Yes" if value else "No"
    return str(value)


def _new_value(field: Field, old: Any, entered: Any) -> Any:
    if not isinstance(entered, ChoiceToggle):
        return entered
    keep = {c for c in old if c != entered.choice}
    if entered.on:
        keep.add(entered.choice)
    return tuple(c for c in field.choices if c in keep)


def _with_value(markup: Markup, field: Field, entered: Any, stamp: Stamp) -> Markup:
    old = getattr(markup, field.name)
    new = _new_value(field, old, entered)
    if new == old:
        return markup
    changes: dict[str, Any] = {field.name: new, "modified": stamp}
    if field.records_history and isinstance(markup, Comment):
        changes["history"] = (*markup.history, StatusChange(stamp, new))
    return replace(markup, **changes)


def field_edit(
    markups: Sequence[Markup], field: Field, entered: Any, stamp: Stamp
) -> Edit | None:
    """One undoable edit setting ``field`` on every markup, or None if nothing changes.

    ``entered`` is the new value, or a :class:`ChoiceToggle` for a multi-choice field.
    Each changed markup gets ``stamp`` as its ``modified``; a status change is also
    appended to the comment's history. Several markups make one ``Batch``.

    Example:
        >>> made, now = Stamp("r-1", "09:00"), Stamp("r-2", "10:00")
        >>> doors = [AccessPoint(i, "s", made, made, (0, 0)) for i in "ab"]
        >>> lock = field_named(AccessPoint, "lock")
        >>> edit = field_edit(doors, lock, LockFunction.INSIDE_LOCKABLE, now)
        >>> edit.label, [e.after.lock.value for e in edit.edits]
        ('Set lock function', ['inside_lockable', 'inside_lockable'])
        >>> field_edit(doors, lock, LockFunction.UNKNOWN, now) is None
        True
    """
    label = f"Set {field.label.lower()}"
    replaced = [
        ReplaceMarkup(m, after, label)
        for m in markups
        if (after := _with_value(m, field, entered, stamp)) is not m
    ]
    if not replaced:
        return None
    if len(replaced) == 1:
        return replaced[0]
    return Batch(tuple(replaced), label)


def reply_edit(comment: Comment, text: str, stamp: Stamp) -> ReplaceMarkup | None:
    """Append a reply to a comment's thread (None for blank text).

    Example:
        >>> made = Stamp("r-1", "09:00")
        >>> note = Comment("c", "s", made, made, (0, 0), "Door 104?")
        >>> edit = reply_edit(note, " Fixed. ", Stamp("r-2", "10:00"))
        >>> edit.after.replies, edit.after.modified.reviewer_id
        ((Reply(author=Stamp(reviewer_id='r-2', at='10:00'), text='Fixed.'),), 'r-2')
        >>> reply_edit(note, "  ", made) is None
        True
    """
    if not text.strip():
        return None
    replies = (*comment.replies, Reply(stamp, text.strip()))
    after = replace(comment, replies=replies, modified=stamp)
    return ReplaceMarkup(comment, after, "Reply to comment")


def _reviewer_text(review: Review, stamp: Stamp) -> str:
    reviewer = review.reviewer(stamp.reviewer_id)
    if reviewer is None or not reviewer.name:
        return "Unknown reviewer"
    return f"{reviewer.name} ({reviewer.agency})" if reviewer.agency else reviewer.name


def stamp_text(stamps: Sequence[Stamp], review: Review, separator: str = ", ") -> str:
    """Who and when, from the review's roster; "(mixed)" when the stamps differ.

    Example:
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee", "Police"),))
        >>> stamp_text([Stamp("r-1", "2026-11-20T09:00")], review)
        'Ann Lee (Police), 2026-11-20 09:00'
        >>> stamp_text([Stamp("r-1", "x"), Stamp("r-9", "x")], review)
        '(mixed)'
    """
    if not stamps:
        return ""
    if any(s != stamps[0] for s in stamps[1:]):
        return "(mixed)"
    when = local_time(stamps[0].at)
    return f"{_reviewer_text(review, stamps[0])}{separator}{when}"


def thread(comment: Comment, review: Review) -> tuple[ThreadEntry, ...]:
    """A comment's replies and status changes, in the order they were recorded.

    Example:
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee"),))
        >>> t0, t1 = Stamp("r-1", "2026-11-20T09:00"), Stamp("r-9", "2026-11-20T09:30")
        >>> note = Comment("c", "s", t0, t1, (0, 0), "Lock?",
        ...                replies=(Reply(t1, "Done."),),
        ...                history=(StatusChange(t0, CommentStatus.OPEN),
        ...                         StatusChange(t1, CommentStatus.RESOLVED, "ok")))
        >>> for entry in thread(note, review):
        ...     print(entry.author, "|", entry.at, "|", entry.text)
        Ann Lee | 2026-11-20 09:00 | Status: Open
        Unknown reviewer | 2026-11-20 09:30 | Done.
        Unknown reviewer | 2026-11-20 09:30 | Status: Resolved (ok)
    """
    timed = [(r.author.at, _entry(review, r.author, r.text)) for r in comment.replies]
    for change in comment.history:
        note = f" ({change.note})" if change.note else ""
        text = f"Status: {choice_label(change.status)}{note}"
        timed.append((change.by.at, _entry(review, change.by, text, True)))
    # Stamps come from one clock in UTC, so their ISO text sorts by time; the sort is
    # stable, so a reply and the status change it prompted keep that order.
    return tuple(entry for _, entry in sorted(timed, key=lambda pair: pair[0]))


def _entry(
    review: Review, stamp: Stamp, text: str, is_status: bool = False
) -> ThreadEntry:
    author = _reviewer_text(review, stamp)
    return ThreadEntry(author, local_time(stamp.at), text, is_status)


def selection_title(markups: Sequence[Markup]) -> str:
    """The heading of a properties panel for these markups.

    Example:
        >>> made = Stamp("r-1", "09:00")
        >>> door = AccessPoint("a", "s", made, made, (0, 0))
        >>> selection_title([]), selection_title([door]), selection_title([door] * 2)
        ('Nothing selected', 'Access point', '2 access points')
        >>> selection_title([door, Sightline("l", "s", made, made, (0, 0), (1, 1))])
        '2 markups'
    """
    names = {type_name(m) for m in markups}
    if not markups:
        return "Nothing selected"
    if len(markups) == 1:
        return type_name(markups[0])
    if len(names) == 1:
        return f"{len(markups)} {names.pop().lower()}s"
    return f"{len(markups)} markups"
