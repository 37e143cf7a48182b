"""Fields of a properties panel: what each kind of field holds, reads and shows.

Qt-free. A :class:`Field` says how one attribute of a markup is edited; the kinds'
declarations (``render/kinds/``) list their fields, and the properties panel, the
CSV and DXF exports show values through :func:`format_value`. Lengths are metres in
the model and feet-inches or metres on screen (PRODUCT.md section 4: units follow the
plan); ``model.units`` reads and writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Final

from designreview.model.errors import FieldError
from designreview.model.markups import AccessControl, Designation, LockFunction
from designreview.model.responder import ASSET_NAMES
from designreview.model.units import format_length, parse_angle, parse_length

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "MIXED",
    "ChoiceToggle",
    "Field",
    "FieldError",
    "FieldKind",
    "choice_field",
    "choice_label",
    "compass_bearing",
    "format_value",
    "hint",
    "model_direction",
    "parse_value",
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


def choice_field(name: str, label: str, enum: type[Enum]) -> Field:
    """A field chosen from every member of ``enum``.

    Example:
        >>> [c.value for c in choice_field("lock", "Lock", LockFunction).choices][:2]
        ['inside_lockable', 'key_outside_only']
    """
    return Field(name, label, FieldKind.CHOICE, tuple(enum))


_CHOICE_LABELS: dict[Enum, str] = {
    LockFunction.INSIDE_LOCKABLE: "Lockable from inside",
    LockFunction.KEY_OUTSIDE_ONLY: "Key or credential outside only",
    Designation.SECONDARY_STAFF_ENTRY: "Secondary (staff) entry",
    AccessControl.CAMERA_INTERCOM: "Video intercom",
    AccessControl.REMOTE_RELEASE: "Remote door release",
}
for _kind, _name in ASSET_NAMES.items():  # responder items by their own names
    _CHOICE_LABELS[_kind] = _name


def choice_label(value: Enum) -> str:
    """How a choice reads in a list.

    Example:
        >>> choice_label(LockFunction.KEY_OUTSIDE_ONLY)
        'Key or credential outside only'
        >>> choice_label(Designation.PRIMARY_VISITOR_ENTRY)
        'Primary visitor entry'
        >>> from designreview.model.markups import SpaceType
        >>> choice_label(LockFunction.NONE), choice_label(SpaceType.SAFE_ROOM)
        ('None', 'Safe room')
    """
    return _CHOICE_LABELS.get(value) or str(value.value).replace("_", " ").capitalize()


def _check_range(field: Field, value: float, shown: str) -> None:
    too_low = field.minimum is not None and value < field.minimum
    if too_low or (field.maximum is not None and value > field.maximum):
        raise FieldError(f"{shown} is out of range.")


def parse_value(field: Field, text: str, imperial: bool) -> Any:
    """The value a reviewer typed into a text-like field; FieldError if not allowed.

    Example:
        >>> direction = Field("direction_deg", "Direction", FieldKind.ANGLE, wraps=True)
        >>> parse_value(direction, "-90", imperial=False)  # west, as a bearing
        180.0
        >>> count = Field("occupants", "Occupants", FieldKind.INTEGER, minimum=0,
        ...               maximum=10000, optional=True)
        >>> parse_value(count, " ", imperial=False) is None
        True
        >>> pixels = Field("resolution_px", "Resolution (px)", FieldKind.INTEGER,
        ...                minimum=160, maximum=16384)
        >>> parse_value(pixels, "1920 px", imperial=False)
        1920
        >>> reach = Field("range_m", "Range", FieldKind.LENGTH, minimum=0.5)
        >>> parse_value(reach, "0 m", imperial=False)
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
    if field.wraps:  # a direction, typed as a compass bearing
        return model_direction(degrees)
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
        >>> width = Field("width_m", "Width", FieldKind.LENGTH, minimum=0.1, maximum=30)
        >>> print(hint(width, imperial=True).split(", e.g.")[0])
        A length from 0'-4" to 98'-5"
        >>> count = Field("occupants", "Occupants", FieldKind.INTEGER, minimum=0,
        ...               maximum=10000, optional=True)
        >>> print(hint(count, imperial=False))
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
            return (
                "A compass bearing in degrees, clockwise from north (up the plan): "
                "0 north, 90 east, 180 south, 270 west."
            )
        return f"An angle from {low:g}° to {high:g}°."
    if field.kind is FieldKind.INTEGER:
        blank = "; leave blank if unknown" if field.optional else ""
        return f"A whole number from {low:g} to {high:g}{blank}."
    if field.kind is FieldKind.LONG_TEXT:
        return "Any text; it cannot be empty."
    return ""


def compass_bearing(direction_deg: float) -> float:
    """A model direction (counter-clockwise from east) as a compass bearing.

    Bearings run clockwise from north, which is up the plan, from 0 to under 360.

    Example:
        >>> [compass_bearing(d) for d in (90.0, 0.0, -73.61, 180.0)]
        [0.0, 90.0, 163.61, 270.0]
    """
    return round((90.0 - direction_deg) % 360.0, 9) % 360.0


def model_direction(bearing_deg: float) -> float:
    """A compass bearing as the model's direction (counter-clockwise from east).

    Example:
        >>> [model_direction(b) for b in (0.0, 90.0, 270.0, -90.0)]
        [90.0, 0.0, 180.0, 180.0]
    """
    return round((90.0 - bearing_deg) % 360.0, 9) % 360.0


def format_value(field: Field, value: Any, imperial: bool) -> str:
    """A value as its editor shows it ("" for mixed or unknown).

    Example:
        >>> width = Field("width_m", "Width", FieldKind.LENGTH)
        >>> angle = Field("angle_deg", "Angle", FieldKind.ANGLE, wraps=True)
        >>> print(format_value(width, 0.9144, imperial=True))
        3'-0"
        >>> format_value(width, 0.9144, False), format_value(angle, 92.5, False)
        ('0.91 m', '357.5°')
        >>> format_value(width, MIXED, imperial=False)
        ''
    """
    if value is MIXED or value is None:
        return ""
    if field.kind is FieldKind.LENGTH:
        return format_length(value, imperial)
    if field.kind is FieldKind.ANGLE:
        shown = compass_bearing(value) if field.wraps else value
        return f"{round(shown, 2):g}°"
    if field.kind is FieldKind.CHOICE:
        return choice_label(value)
    if field.kind is FieldKind.MULTI_CHOICE:
        return ", ".join(choice_label(c) for c in value) or "None"
    if field.kind is FieldKind.BOOL:
        return "Yes" if value else "No"
    return str(value)
