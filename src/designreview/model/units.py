"""Length units of drawings, and lengths written and read the way a plan's users do.

Everything in the model is metres; a plan remembers the unit it was drawn in so the
interface can speak feet and inches to an American architect and metres to others.
Every conversion factor the product uses is here, so a message, a table and a page
agree on what 30 m is in feet.

Past 300 lines, mostly runnable examples: lengths written out and lengths read back in
(what a reviewer types) are the two halves of one conversation.
"""

from __future__ import annotations

import re
from enum import Enum

from designreview.model.errors import FieldError

M_PER_INCH = 0.0254
"""Exact, by the international yard and pound agreement (1959)."""
M_PER_FT = 0.3048  # 12 inches; written out, as 12 * 0.0254 is 0.30479999999999996
M2_PER_SQ_FT = M_PER_FT * M_PER_FT
POINTS_PER_INCH = 72.0
"""PostScript (and PDF) points."""
POINTS_PER_M = POINTS_PER_INCH / M_PER_INCH


class LengthUnit(Enum):
    """A drawing unit, with its DXF ``$INSUNITS`` code and its length in metres."""

    UNITLESS = (0, 1.0, "")
    INCH = (1, 0.0254, "in")
    FOOT = (2, 0.3048, "ft")
    MILE = (3, 1609.344, "mi")
    MILLIMETRE = (4, 0.001, "mm")
    CENTIMETRE = (5, 0.01, "cm")
    METRE = (6, 1.0, "m")
    KILOMETRE = (7, 1000.0, "km")
    MICROINCH = (8, 2.54e-8, "µin")
    MIL = (9, 2.54e-5, "mil")
    YARD = (10, 0.9144, "yd")
    DECIMETRE = (14, 0.1, "dm")
    US_SURVEY_FOOT = (21, 1200.0 / 3937.0, "ft")

    def __init__(self, code: int, metres: float, symbol: str) -> None:
        self.code = code
        self.metres = metres
        self.symbol = symbol

    @property
    def is_imperial(self) -> bool:
        """Whether users of this unit expect feet and inches.

        Example:
            >>> LengthUnit.INCH.is_imperial, LengthUnit.METRE.is_imperial
            (True, False)
        """
        return self in _IMPERIAL

    @classmethod
    def from_insunits(cls, code: int | None) -> LengthUnit | None:
        """The unit for a DXF ``$INSUNITS`` code, or None for an unknown code.

        Example:
            >>> LengthUnit.from_insunits(4)
            <LengthUnit.MILLIMETRE: (4, 0.001, 'mm')>
        """
        if code is None:
            return None
        return _BY_CODE.get(code)


_IMPERIAL = frozenset(
    {
        LengthUnit.INCH,
        LengthUnit.FOOT,
        LengthUnit.MILE,
        LengthUnit.MICROINCH,
        LengthUnit.MIL,
        LengthUnit.YARD,
        LengthUnit.US_SURVEY_FOOT,
    }
)
_BY_CODE = {unit.code: unit for unit in LengthUnit}


def format_length(metres: float, imperial: bool) -> str:
    """Write a length as a plan's users read it: feet-inches or metres.

    Example:
        >>> format_length(3.0, imperial=False)
        '3.00 m'
        >>> print(format_length(3.2004, imperial=True))
        10'-6"
        >>> print(format_length(-0.0254, imperial=True))
        -0'-1"
    """
    if not imperial:
        return f"{metres:.2f} m"
    sign = "-" if metres < 0 else ""
    total_inches = int(abs(metres) / M_PER_INCH + 0.5)  # half an inch rounds up
    feet, inches = divmod(total_inches, 12)
    return f"{sign}{feet}'-{inches}\""


def format_feet(metres: float) -> str:
    """A length in whole feet, as a message gives it beside the metres.

    Example:
        >>> format_feet(30.0), format_feet(76.2)
        ('98 ft', '250 ft')
    """
    return f"{metres / M_PER_FT:.0f} ft"


def format_square_feet(square_metres: float) -> str:
    """An area in whole square feet, as a message gives it beside the square metres.

    Example:
        >>> format_square_feet(9.290304), format_square_feet(0.46)
        ('100 sq ft', '5 sq ft')
    """
    return f"{square_metres / M2_PER_SQ_FT:.0f} sq ft"


def format_scale(metres_per_unit: float, imperial: bool = False) -> str:
    """How long one drawing unit is, as a calibration shows it.

    Millimetres below a metre, metres above; imperial plans also get inches.

    Example:
        >>> format_scale(0.0254 * 1.5), format_scale(0.0015), format_scale(2.5)
        ('38.1 mm', '1.5 mm', '2.5 m')
        >>> format_scale(0.0381, imperial=True)
        '38.1 mm (1.5 in)'
    """
    if metres_per_unit < 1.0:
        text = f"{metres_per_unit * 1000:.4g} mm"
    else:
        text = f"{metres_per_unit:.4g} m"
    if imperial:
        text += f" ({metres_per_unit / M_PER_INCH:.4g} in)"
    return text


_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)"
_INCHES = rf"(?:{_NUMBER}(?:\s+\d+/\d+)?|\d+/\d+)"
_METRIC = re.compile(rf"({_NUMBER})\s*(mm|cm|m|metres?|meters?)")
_INCH_ONLY = re.compile(rf"({_INCHES})\s*(?:\"|in|inch|inches)")
_FEET = re.compile(rf"({_NUMBER})\s*(?:'|ft|foot|feet)(?:\s*-?\s*({_INCHES})\s*"
                   r"(?:\"|in|inch|inches)?)?")  # fmt: skip
_METRES_PER = {"mm": 0.001, "cm": 0.01}
# Primes and curly quotes from a word processor, the minus sign, and two apostrophes
# typed for inches.
_PLAIN_MARKS = (
    ("\u2032", "'"), ("\u2019", "'"), ("\u2033", '"'), ("\u201d", '"'),
    ("\u2212", "-"), ("''", '"'),
)  # fmt: skip


def _normalised(text: str) -> str:
    """Lower case, straight quotes, "." decimals, one space between parts."""
    for fancy, plain in _PLAIN_MARKS:
        text = text.replace(fancy, plain)
    text = text.strip().lower()
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # 0,91 m as written in much of Europe
    return " ".join(text.split())


def _inches(text: str) -> float:
    whole, _, fraction = text.rpartition(" ") if " " in text else ("", "", text)
    if "/" not in fraction:
        return float(fraction)
    numerator, denominator = fraction.split("/")
    if float(denominator) == 0:
        raise FieldError("A fraction cannot have 0 below the line.")
    return (float(whole) if whole else 0.0) + float(numerator) / float(denominator)


def parse_length(text: str, imperial: bool) -> float:
    r"""Metres from a length as typed: feet-inches, inches, metres, cm or mm.

    A bare number is in the plan's unit: feet on imperial plans, metres otherwise.

    Example:
        >>> parse_length("36 in", imperial=True), parse_length("3'", imperial=True)
        (0.9144, 0.9144)
        >>> parse_length("3'-6 1/2\"", imperial=True)
        1.0795
        >>> parse_length("0.91 m", imperial=True), parse_length("91 cm", False)
        (0.91, 0.91)
        >>> parse_length("3", imperial=True), parse_length("3", imperial=False)
        (0.9144, 3.0)
        >>> parse_length("-2 m", imperial=False)
        Traceback (most recent call last):
        ...
        designreview.model.errors.FieldError: A length cannot be negative.
    """
    flat = _normalised(text)
    if not flat:
        raise FieldError("A length is needed.")
    if flat.startswith("-"):
        raise FieldError("A length cannot be negative.")
    if match := _METRIC.fullmatch(flat):
        factor = _METRES_PER.get(match[2], 1.0)
        return round(float(match[1]) * factor, 9)
    if match := _INCH_ONLY.fullmatch(flat):
        return round(_inches(match[1]) * M_PER_INCH, 9)
    if match := _FEET.fullmatch(flat):
        inches = _inches(match[2]) if match[2] else 0.0
        return round((float(match[1]) * 12 + inches) * M_PER_INCH, 9)
    if re.fullmatch(_NUMBER, flat):
        return round(float(flat) * (12 * M_PER_INCH if imperial else 1.0), 9)
    raise FieldError(f"“{text.strip()}” is not a length.")


def parse_angle(text: str) -> float:
    """Degrees from an angle as typed ("90", "90°", "-45 deg").

    Example:
        >>> parse_angle("92.5°"), parse_angle(" -45 deg ")
        (92.5, -45.0)
        >>> parse_angle("north")
        Traceback (most recent call last):
        ...
        designreview.model.errors.FieldError: “north” is not an angle.
    """
    flat = _normalised(text)
    match = re.fullmatch(rf"(-?{_NUMBER})\s*(?:°|deg|degrees?)?", flat)
    if match is None:
        raise FieldError(f"“{text.strip()}” is not an angle.")
    return float(match[1])
