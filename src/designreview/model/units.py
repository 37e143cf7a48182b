"""Length units of drawings, and lengths written the way the plan's users read them.

Everything in the model is metres; a plan remembers the unit it was drawn in so the
interface can speak feet and inches to an American architect and metres to others.
"""

from __future__ import annotations

from enum import Enum


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
_M_PER_INCH = 0.0254


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
    total_inches = int(abs(metres) / _M_PER_INCH + 0.5)  # half an inch rounds up
    feet, inches = divmod(total_inches, 12)
    return f"{sign}{feet}'-{inches}\""


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
        text += f" ({metres_per_unit / _M_PER_INCH:.4g} in)"
    return text
