"""Check thresholds as people read them: the plan's units first, the other second.

A threshold's unit is in its name (``_m`` metres, ``_m2`` square metres,
``_px_per_m``, ``_fraction``). On a plan drawn in feet a reader thinks in feet:
30 m reads ``98'-5" (30 m)`` there and ``30 m`` on a metric plan. Check Settings
and the packet's thresholds page both write them so, and read back what is typed.
"""

from __future__ import annotations

import math

from designreview.model.errors import FieldError
from designreview.model.units import M2_PER_SQ_FT, format_length, parse_length

__all__ = [
    "format_threshold",
    "imperial_length",
    "parse_threshold",
    "threshold_label",
    "threshold_text",
]


def format_threshold(name: str, value: float, imperial: bool) -> str:
    r"""A threshold's value with its unit, the plan's units first.

    Example:
        >>> format_threshold("max_walk_m", 30.0, imperial=True)
        '98\'-5" (30 m)'
        >>> format_threshold("max_walk_m", 30.0, imperial=False)
        '30 m'
        >>> format_threshold("area_per_occupant_m2", 0.46, imperial=True)
        '4.95 sq ft (0.46 m²)'
        >>> format_threshold("visible_fraction", 0.9, imperial=False)
        '90 %'
        >>> format_threshold("identification_px_per_m", 250.0, imperial=False)
        '250 px/m'
    """
    if name.endswith("px_per_m"):
        return f"{value:g} px/m"
    if name.endswith("fraction"):
        return f"{value * 100:g} %"
    if "m2" in name:
        if imperial:
            return f"{value / M2_PER_SQ_FT:.3g} sq ft ({value:g} m²)"
        return f"{value:g} m²"
    if name.endswith("_m"):
        return f"{imperial_length(value)} ({value:g} m)" if imperial else f"{value:g} m"
    return f"{value:g}"


def threshold_text(name: str, value: float, imperial: bool) -> str:
    r"""What an editable cell shows: the plain value in the plan's unit.

    Example:
        >>> threshold_text("max_walk_m", 30.0, imperial=True)
        '98\'-5"'
        >>> threshold_text("area_per_occupant_m2", 0.46, imperial=True)
        '4.95'
        >>> threshold_text("max_walk_m", 30.0, imperial=False)
        '30'
    """
    if imperial and name.endswith("_m") and not name.endswith("px_per_m"):
        return imperial_length(value)
    if imperial and "m2" in name:
        return f"{value / M2_PER_SQ_FT:.3g}"
    return f"{value:g}"


def parse_threshold(name: str, text: str, imperial: bool) -> float:
    r"""The threshold's value (metres, square metres...) from what was typed.

    Lengths take feet-inches or metres as ``parse_length`` does (a bare number is
    in the plan's unit); areas on imperial plans are square feet unless "m2" or
    "m²" is written.

    Example:
        >>> parse_threshold("max_walk_m", "98'-5\"", imperial=True)
        29.9974
        >>> parse_threshold("max_walk_m", "30 m", imperial=True)
        30.0
        >>> parse_threshold("area_per_occupant_m2", "10", imperial=True)
        0.929
        >>> parse_threshold("visible_fraction", "0.9", imperial=True)
        0.9
    """
    if name.endswith("_m") and not name.endswith("px_per_m"):
        return round(parse_length(text, imperial), 4)
    flat = text.strip().lower().replace("m²", "m2")
    in_metres = flat.endswith("m2")
    number = flat.removesuffix("m2").removesuffix("sq ft").strip()
    try:
        value = float(number)
    except ValueError:
        raise FieldError(f"“{text.strip()}” is not a number.") from None
    if value < 0:
        raise FieldError("A threshold cannot be negative.")
    if imperial and "m2" in name and not in_metres:
        return round(value * M2_PER_SQ_FT, 4)
    return value


def imperial_length(metres: float) -> str:
    """Feet-inches, or under a foot inches to the eighth (a door leaf's 1 3/4 in).

    Example:
        >>> print(imperial_length(0.04445), imperial_length(0.45))
        1 3/4" 1'-6"
    """
    if abs(metres) >= 0.3048:
        return format_length(metres, True)
    eighths = round(metres / 0.0254 * 8)
    whole, rest = divmod(eighths, 8)
    if not rest:
        return f'{whole}"'
    common = math.gcd(rest, 8)
    fraction = f"{rest // common}/{8 // common}"
    return f'{whole} {fraction}"' if whole else f'{fraction}"'


def threshold_label(name: str) -> str:
    """A threshold's name as a reader says it; the unit goes with the value.

    Example:
        >>> threshold_label("area_per_occupant_m2"), threshold_label("max_walk_m")
        ('Area per occupant', 'Max walk')
        >>> threshold_label("identification_px_per_m")
        'Identification'
        >>> threshold_label("classroom_m2_per_occupant")
        'Classroom area per occupant'
    """
    for suffix in ("_px_per_m", "_m2", "_m"):
        name = name.removesuffix(suffix)
    words = ["area" if word == "m2" else word for word in name.split("_")]
    return " ".join(words).capitalize()
