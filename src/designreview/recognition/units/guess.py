"""Choosing the unit a drawing is read in: its header, its geometry, or the user.

The walk (``readers.dxf.walk``) finds doors, stairs, room outlines and the drawing's
extent in drawing units; here they become :class:`UnitEvidence`, and
:func:`~designreview.recognition.units.evidence.propose_unit` weighs them against the
header. The result is a :class:`UnitDecision`: the unit and scale to use, the
:class:`~designreview.model.plan.UnitReport` the plan keeps (so the interface can show
what the drawing said, what was used and why) and a warning when the user should check.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from statistics import median
from typing import TYPE_CHECKING

import numpy as np

from designreview.model.plan import LayerCategory, UnitReport, UnitSource
from designreview.model.units import LengthUnit, format_scale
from designreview.recognition.doors.detection import LONE_SPAN_DEG
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.units.evidence import (
    CANDIDATES,
    UnitEvidence,
    UnitProposal,
    propose_unit,
    unit_name,
)
from designreview.recognition.units.measures import (
    outline_area,
    room_layer_areas,
    stair_tread_depths,
    wall_thicknesses,
)

if TYPE_CHECKING:
    from array import array
    from collections.abc import Iterable, Mapping

    from designreview.model.plan import SegmentArray
    from designreview.recognition.found import WalkResult

__all__ = [
    "UnitDecision",
    "decide_unit",
    "drawing_span",
    "first_scale",
    "unit_evidence",
]

_SPAN_SAMPLE = 200_000
_CHECK = "Check a known dimension; change the units if this is wrong."


@dataclass(frozen=True, slots=True)
class UnitDecision:
    """The unit to read a drawing in, and what to tell the user about it."""

    unit: LengthUnit
    scale_to_m: float
    report: UnitReport
    warning: str = ""


def unit_evidence(
    found: WalkResult,
    header: Mapping[str, object],
    roles: LayerRoles = DEFAULT_ROLES,
) -> UnitEvidence:
    """What the walk and the header show about the drawing's unit.

    ``roles`` say which layers are walls and stairs (wall spacing, tread depths).

    Example:
        >>> from designreview.recognition.found import WalkResult
        >>> evidence = unit_evidence(WalkResult(), {"$INSUNITS": 4, "$DIMSCALE": 96})
        >>> evidence.insunits, evidence.dimscale, evidence.door_widths
        (4, 96.0, ())
    """
    doors = [door.swing.width for door in found.doors]
    low, high = LONE_SPAN_DEG
    doors += [arc.radius for arc in found.door_arcs if low <= arc.span_deg <= high]
    treads: list[float] = []
    walls: list[SegmentArray] = []
    for layer, buf in found.segments.items():
        category = roles.category(layer)
        if category in (LayerCategory.STAIR, LayerCategory.WALL):
            segments = np.frombuffer(buf, dtype=np.float64).reshape(-1, 4)
            if category is LayerCategory.STAIR:
                treads += stair_tread_depths(segments)
            else:
                walls.append(segments)
    rooms, areas = [], []
    for outline in found.outlines:
        xy = np.asarray(outline.points, dtype=np.float64)
        rooms.append(float(np.max(np.ptp(xy, axis=0))) if len(xy) else 0.0)
        areas.append(outline_area(outline.points))
    thick = wall_thicknesses(np.concatenate(walls)) if walls else []
    return UnitEvidence(
        door_widths=_positive(doors),
        tread_depths=_positive(treads),
        room_sides=_positive(rooms),
        room_areas=_positive(areas + room_layer_areas(found, roles)),
        wall_thicknesses=_positive(thick),
        span=drawing_span(found.segments.values()),
        insunits=_integer(header.get("$INSUNITS")),
        measurement=_integer(header.get("$MEASUREMENT")),
        dimscale=_real(header.get("$DIMSCALE")),
        lunits=_integer(header.get("$LUNITS")),
    )


def drawing_span(buffers: Iterable[array[float]]) -> float:
    """The larger side of the box holding 98% of the segment ends (drawing units).

    Example:
        >>> from array import array
        >>> drawing_span([array("d", [0, 0, 120, 0, 0, 0, 0, 30] * 50)])
        120.0
    """
    parts = [np.frombuffer(buf, dtype=np.float64) for buf in buffers]
    if not parts:
        return 0.0
    points = np.concatenate(parts).reshape(-1, 2)
    if len(points) > _SPAN_SAMPLE:  # the percentiles of a sample are as good
        points = points[:: len(points) // _SPAN_SAMPLE]
    points = points[np.isfinite(points).all(axis=1)]
    if len(points) == 0:
        return 0.0
    low, high = len(points) // 100, len(points) - 1 - len(points) // 100
    ends = np.partition(points, [low, high], axis=0)  # np.percentile is slower
    span = float(np.max(ends[high] - ends[low]))
    return span if math.isfinite(span) else 0.0


def decide_unit(
    evidence: UnitEvidence,
    override: LengthUnit | None = None,
    scale_to_m: float | None = None,
) -> UnitDecision:
    """The unit to read the drawing in: the user's, the header's or the evidence's.

    Example:
        >>> from designreview.recognition.units.evidence import UnitEvidence
        >>> escaldes = UnitEvidence(door_widths=(0.9,) * 20, span=490.0, insunits=4)
        >>> decision = decide_unit(escaldes)
        >>> decision.unit.name, decision.report.stated.name, decision.report.source
        ('METRE', 'MILLIMETRE', <UnitSource.EVIDENCE: 'evidence'>)
        >>> print(decision.warning)  # doctest: +NORMALIZE_WHITESPACE
        The drawing says millimetres but its doors are 0.9 units wide: read as
        metres. Check a known dimension; change the units if this is wrong.

        A scale calibrated by two points wins over a named unit:

        >>> calibrated = decide_unit(escaldes, LengthUnit.INCH, scale_to_m=0.0381)
        >>> calibrated.scale_to_m, calibrated.unit.name, calibrated.report.is_calibrated
        (0.0381, 'INCH', True)
        >>> calibrated.report.reasons[0]
        'calibrated by the user: 1 drawing unit = 38.1 mm'
    """
    proposal = propose_unit(evidence)
    if scale_to_m:
        # A calibrated scale wins over a named unit; the unit only writes lengths.
        unit = override or _nearest_unit(scale_to_m)
        said = f"calibrated by the user: 1 drawing unit = {format_scale(scale_to_m)}"
        reasons = (said, *proposal.reasons)
        report = _report(proposal, evidence, unit, UnitSource.USER, reasons)
        return UnitDecision(unit, scale_to_m, replace(report, is_calibrated=True))
    if override is not None:
        reasons = ("chosen by the user", *proposal.reasons)
        report = _report(proposal, evidence, override, UnitSource.USER, reasons)
        return UnitDecision(override, override.metres, report)
    source = UnitSource.EVIDENCE if proposal.stated is None else UnitSource.HEADER
    if proposal.overrules:
        source = UnitSource.EVIDENCE
    report = _report(proposal, evidence, proposal.unit, source, proposal.reasons)
    return UnitDecision(
        proposal.unit, proposal.unit.metres, report, _warning(proposal, evidence)
    )


def first_scale(
    unit: LengthUnit | None, scale_to_m: float | None, insunits: object
) -> float:
    """The scale to flatten curves at before the geometry has decided the unit.

    Example:
        >>> first_scale(None, None, 4), first_scale(LengthUnit.INCH, None, 4)
        (0.001, 0.0254)
    """
    if scale_to_m:
        return scale_to_m
    if unit is not None:
        return unit.metres
    stated = LengthUnit.from_insunits(_integer(insunits))
    return 1.0 if stated in (None, LengthUnit.UNITLESS) else stated.metres


def _report(
    proposal: UnitProposal,
    evidence: UnitEvidence,
    unit: LengthUnit,
    source: UnitSource,
    reasons: tuple[str, ...],
) -> UnitReport:
    confidence = 1.0 if source is UnitSource.USER else proposal.confidence
    return UnitReport(
        stated=proposal.stated,
        used=unit,
        source=source,
        confidence=confidence,
        reasons=reasons,
        proposed=proposal.suggested,
        stated_code=evidence.insunits,
    )


def _warning(proposal: UnitProposal, evidence: UnitEvidence) -> str:
    used, stated = unit_name(proposal.unit), proposal.stated
    if stated is None:
        because = _telling(evidence) or "nothing in it shows the unit"
        said = "does not state its units"
        if evidence.insunits not in (None, 0):
            said = f"names no known unit ($INSUNITS {evidence.insunits})"
        return f"The drawing {said}; it was read in {used} because {because}. {_CHECK}"
    if proposal.overrules and _by_rooms_and_walls(evidence):
        return (
            f"The drawing says {unit_name(stated)}, but "
            f"{_contrast(evidence, stated, proposal.unit)}. Read as {used}. {_CHECK}"
        )
    if proposal.overrules:
        return (
            f"The drawing says {unit_name(stated)} but {_telling(evidence)}: read as "
            f"{used}. {_CHECK}"
        )
    if proposal.disagrees and proposal.suggested is not None:
        return (
            f"The drawing says {unit_name(stated)}, but {_telling(evidence)}, which "
            f"suggests {unit_name(proposal.suggested)}; it was read in {used}. {_CHECK}"
        )
    return ""


def _telling(evidence: UnitEvidence) -> str:
    """The strongest evidence in words: "its doors are 0.9 units wide"."""
    if evidence.door_widths:
        return f"its doors are {_median(evidence.door_widths)} units wide"
    if evidence.tread_depths:
        return f"its stair treads are {_median(evidence.tread_depths)} units deep"
    if evidence.room_areas and evidence.wall_thicknesses:
        return (
            f"its rooms are about {_median(evidence.room_areas)} square units and its "
            f"walls {_median(evidence.wall_thicknesses)} units thick"
        )
    if evidence.room_sides:
        return f"its rooms are about {_median(evidence.room_sides)} units across"
    if evidence.span > 0:
        return f"it is {evidence.span:,.0f} units across"
    return ""


def _by_rooms_and_walls(evidence: UnitEvidence) -> bool:
    """Whether rooms and walls, not doors or stairs, are what tells the unit."""
    measured = evidence.room_areas and evidence.wall_thicknesses
    return bool(measured and not (evidence.door_widths or evidence.tread_depths))


def _contrast(evidence: UnitEvidence, stated: LengthUnit, used: LengthUnit) -> str:
    """Rooms, walls and extent read in the stated unit and in the one used."""
    area, thick = median(evidence.room_areas), median(evidence.wall_thicknesses)

    def sized(unit: LengthUnit) -> tuple[str, str, str]:
        m = unit.metres
        across = f"{evidence.span * m:,.0f} m" if evidence.span > 0 else ""
        return f"{area * m * m:.3g} m²", f"{thick * m * 100:.3g} cm", across

    room, wall, across = sized(stated)
    said = (
        f"read in {unit_name(stated)} its {len(evidence.room_areas)} rooms would be "
        f"{room} and its walls {wall} thick (medians)"
    )
    room, wall, span = sized(used)
    if across:
        said += f", the whole {across} across"
        return f"{said}; in {unit_name(used)}: {room}, {wall} and {span}"
    return f"{said}; in {unit_name(used)}: {room} and {wall}"


def _median(values: tuple[float, ...]) -> str:
    return f"{median(values):.3g}"


def _positive(values: list[float]) -> tuple[float, ...]:
    return tuple(v for v in values if math.isfinite(v) and v > 0)


def _real(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _integer(value: object) -> int | None:
    number = _real(value)
    return None if number is None or number != int(number) else int(number)


def _nearest_unit(scale_to_m: float) -> LengthUnit:
    """The common unit nearest to a calibrated scale (to show lengths in)."""
    return min(CANDIDATES, key=lambda unit: abs(math.log(unit.metres / scale_to_m)))
