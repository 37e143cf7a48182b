"""The frame a DXF export declares: the source's own units, and the drawn extents.

An export is attached to the architect's drawing as an XREF, and CAD scales an
XREF by the ratio of the two drawings' ``$INSUNITS``. So an export declares the
unit its source declares, whatever the importer or the user decided the drawing is
really drawn in: a drawing that says millimetres but is drawn in metres gets an
export that says millimetres too, with coordinates in the same numbers as the
drawing's, and attaches 1:1 (declaring metres, it would come in 1,000 times too
large). A source without ``$INSUNITS`` gets an export without a unit (0), attached
1:1 as well; a plan that is no DXF (an IFC model) declares the unit it was read in.
``$EXTMIN``/``$EXTMAX`` frame what the export drew, so "zoom extents" shows it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ezdxf import bbox

if TYPE_CHECKING:
    from designreview.model.plan import Plan

__all__ = ["declared_units", "set_extents"]

UNITLESS = 0
_UNSET = 1e19
"""ezdxf and AutoCAD write +-1e20 as the extents of an empty drawing."""


def declared_units(plan: Plan) -> int:
    """The ``$INSUNITS`` an export of ``plan`` declares (see the module's top).

    Example:
        >>> from designreview.model.geometry import Extents
        >>> from designreview.model.plan import Plan, UnitReport, UnitSource
        >>> from designreview.model.units import LengthUnit
        >>> m, mm = LengthUnit.METRE, LengthUnit.MILLIMETRE
        >>> said_mm = UnitReport(mm, m, UnitSource.USER, stated_code=4)
        >>> plan = Plan("p.dxf", "AC1027", m, 1.0, (0.0, 0.0), Extents(0, 0, 1, 1),
        ...             (), (), unit_report=said_mm)
        >>> declared_units(plan)
        4
    """
    report = plan.unit_report
    if report is None:
        return plan.units.code
    return report.stated_code if report.stated_code is not None else UNITLESS


def set_extents(layout: Any, layer_prefix: str = "REVIEW-") -> None:
    """Widen the layout's extents to hold what is on our layers.

    The layout keeps them; saving writes model space's as ``$EXTMIN``/``$EXTMAX``
    (paper space's as ``$PEXTMIN``/``$PEXTMAX``). Extents the drawing already
    states (a copy of the original) are kept and grown.
    """
    ours = [e for e in layout if e.dxf.get("layer", "").startswith(layer_prefix)]
    box = bbox.extents(ours, fast=True)
    if not box.has_data:
        return
    low, high = list(box.extmin), list(box.extmax)
    old_low, old_high = layout.dxf_layout.dxf.extmin, layout.dxf_layout.dxf.extmax
    if _stated(old_low) and _stated(old_high):
        low = [min(a, b) for a, b in zip(low, old_low, strict=True)]
        high = [max(a, b) for a, b in zip(high, old_high, strict=True)]
    layout.reset_extents(tuple(low), tuple(high))


def _stated(point: Any) -> bool:
    return all(math.isfinite(v) and abs(v) < _UNSET for v in point)
