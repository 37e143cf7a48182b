"""Choosing the unit of a drawing whose header does not say (or says wrongly).

First version: the size of the drawn building. A school or office floor is tens to a
few hundred metres across; among the units architects use, the one that puts the
drawing's larger side in that range is the likely one.
"""

from __future__ import annotations

from designreview.model.units import LengthUnit

_PLAUSIBLE_SPAN_M = (8.0, 1500.0)
_CANDIDATES = (
    LengthUnit.MILLIMETRE,
    LengthUnit.METRE,
    LengthUnit.CENTIMETRE,
    LengthUnit.INCH,
    LengthUnit.FOOT,
)


def guess_unit_from_span(span: float) -> LengthUnit:
    """The likely unit of a drawing whose larger side measures ``span`` units.

    Example:
        >>> guess_unit_from_span(85_000).name, guess_unit_from_span(120).name
        ('MILLIMETRE', 'METRE')
    """
    low, high = _PLAUSIBLE_SPAN_M
    for unit in _CANDIDATES:
        if low <= span * unit.metres <= high:
            return unit
    return LengthUnit.METRE
