"""Which unit a drawing is drawn in, judged from what it draws (pure, no ezdxf).

A drawing's ``$INSUNITS`` is often missing, unitless or wrong: the corpus has a school
that says millimetres but is drawn in metres. Buildings are made of things of known
size: a door leaf is 0.7-1.3 m wide, a stair tread 0.2-0.45 m deep, a room 2-40 m
across, a floor plan 8-1500 m. Most rooms of a building are offices, stores, toilets
and bedrooms of 4-40 m², and most wall length is partitions 7-25 cm thick. Each
candidate unit is scored by how much of that evidence it makes plausible, plus weak
hints from the header (``$MEASUREMENT``, ``$DIMSCALE``, ``$LUNITS``). The door and
tread windows are narrower than the ratio of any two candidates (2.54 for inch/cm is
the closest pair), so a handful of doors or a flight of stairs tells the units apart;
room sizes, walls and the span only narrow them.

The unit the drawing states is kept unless doors and stairs rule it out (at least
:data:`MIN_TO_OVERRULE` measurements, of which the stated unit fits at most 20% and
another unit at least 60%), or, when no doors or stairs back the stated unit, room
areas and wall thicknesses together do: many rooms and walls, both of which fit
another unit far better. Either alone is not enough: a school wing of 70 m²
classrooms drawn in inches has rooms that would be plausible offices in centimetres,
but its 5-inch walls would be 5 cm. When the header states nothing, a span of at most
:data:`BUILDING_M` breaks ties among the units that make the drawing's extent
plausible (a house elevation 1,026 units wide is 10 m in cm, not 1 km in metres).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median

import numpy as np

from designreview.model.errors import DesignReviewError
from designreview.model.units import LengthUnit

__all__ = [
    "CANDIDATES",
    "UnitEvidence",
    "UnitProposal",
    "calibrated_scale",
    "propose_unit",
    "unit_name",
]

CANDIDATES = (
    LengthUnit.MILLIMETRE,
    LengthUnit.CENTIMETRE,
    LengthUnit.DECIMETRE,
    LengthUnit.METRE,
    LengthUnit.INCH,
    LengthUnit.FOOT,
)
DOOR_WIDTH_M = (0.7, 1.3)
TREAD_DEPTH_M = (0.2, 0.45)
ROOM_SIDE_M = (2.0, 40.0)
ROOM_AREA_M2 = (4.0, 40.0)
WALL_THICKNESS_M = (0.07, 0.25)
SPAN_M = (8.0, 1500.0)
BUILDING_M = 250.0
"""Most drawings show one building: at most this long (campus plans are longer)."""
MIN_TO_OVERRULE = 5
"""Door and stair measurements needed before the stated unit is overruled."""
MIN_ROOMS_TO_OVERRULE, MIN_WALLS_TO_OVERRULE = 10, 20
"""Room outlines and wall lines needed before they may overrule the stated unit."""
_STATED_FITS_AT_MOST, _OTHER_FITS_AT_LEAST = 0.2, 0.6
_GEOMETRY_STATED_AT_MOST, _WALLS_FAVOUR_BY = 0.25, 0.2
"""Walls vary more than doors (some are thick, some lines are no walls)."""
# Weights: (largest weight, count at which half of it is reached).
_DOORS, _TREADS, _ROOMS = (3.0, 2.0), (2.5, 2.0), (1.0, 2.0)
_ROOM_AREAS, _WALLS = (1.5, 5.0), (1.5, 20.0)
_SPAN, _STATED, _DIMSCALE, _LUNITS, _MEASUREMENT = 1.0, 1.0, 0.5, 0.5, 0.25
_BUILDING = 0.25
_COMMON = dict(zip(CANDIDATES, (0.06, 0.04, 0.01, 0.05, 0.03, 0.02), strict=True))
"""A tie-break only: how common each unit is in building drawings."""
# Drawings in inches at 1" = 1'-0" ... 1/16" = 1'-0"; drawings in mm at 1:20 ... 1:500.
_IMPERIAL_DIMSCALES = frozenset(
    {12.0, 16.0, 24.0, 32.0, 48.0, 64.0, 96.0, 128.0, 192.0, 384.0}
)
_METRIC_DIMSCALES = frozenset({20.0, 25.0, 50.0, 75.0, 100.0, 200.0, 250.0, 500.0})
_FEET_INCH_LUNITS = {3: "engineering", 4: "architectural"}


@dataclass(frozen=True, slots=True)
class UnitEvidence:
    """What a drawing shows about its unit; lengths are in drawing units."""

    door_widths: tuple[float, ...] = ()
    """Door leaves: block doors' widths and door-layer swing radii."""
    tread_depths: tuple[float, ...] = ()
    """One per stair flight: the spacing of its equal, parallel treads."""
    room_sides: tuple[float, ...] = ()
    """The longer side of each room outline's bounding box."""
    room_areas: tuple[float, ...] = ()
    """The area of each room outline (drawing units squared)."""
    wall_thicknesses: tuple[float, ...] = ()
    """The gap from each wall line to the parallel line alongside it."""
    span: float = 0.0
    """The drawing's larger side (1st to 99th percentile of its coordinates)."""
    insunits: int | None = None
    measurement: int | None = None
    dimscale: float | None = None
    lunits: int | None = None


@dataclass(frozen=True, slots=True)
class UnitProposal:
    """The unit to read a drawing in, how sure that is, and why."""

    unit: LengthUnit
    confidence: float
    """The unit's share of the evidence, 0 to 1 (a softmax over the candidates)."""
    reasons: tuple[str, ...]
    stated: LengthUnit | None
    """The unit ``$INSUNITS`` names; None when absent, unitless or not a unit."""
    disagrees: bool
    """The evidence favours another unit than the stated one (``suggested``)."""
    suggested: LengthUnit | None = None
    """The unit the evidence alone favours."""

    @property
    def overrules(self) -> bool:
        """Whether the proposal reads the drawing in another unit than it states.

        Example:
            >>> mm, m = LengthUnit.MILLIMETRE, LengthUnit.METRE
            >>> UnitProposal(m, 0.9, (), mm, True, m).overrules
            True
        """
        return self.stated is not None and self.unit is not self.stated


def propose_unit(evidence: UnitEvidence) -> UnitProposal:
    """The likely unit of a drawing, keeping the stated one unless it is ruled out.

    Example:
        >>> doors = UnitEvidence(door_widths=(0.9,) * 8, span=120.0, insunits=4)
        >>> proposal = propose_unit(doors)
        >>> proposal.unit.name, proposal.stated.name, proposal.disagrees
        ('METRE', 'MILLIMETRE', True)
        >>> propose_unit(UnitEvidence(door_widths=(36.0,) * 3)).unit.name
        'INCH'
        >>> propose_unit(UnitEvidence(span=60_000.0, insunits=0)).unit.name
        'MILLIMETRE'
    """
    stated = _stated(evidence.insunits)
    candidates: tuple[LengthUnit, ...] = CANDIDATES
    if stated is not None and stated not in CANDIDATES:
        candidates = (*CANDIDATES, stated)
    scores = {unit: _score(unit, evidence, stated) for unit in candidates}
    best = max(candidates, key=lambda unit: scores[unit])
    keep = stated is not None and not (
        _ruled_out(stated, best, evidence)
        or _ruled_out_by_geometry(stated, best, evidence)
    )
    unit = stated if keep and stated is not None else best
    peak = max(scores.values())
    weights = {u: math.exp(s - peak) for u, s in scores.items()}
    confidence = weights[unit] / sum(weights.values())
    reasons = _header_reasons(evidence) + _evidence_reasons(unit, evidence)
    if unit is not best:
        reasons += (f"the geometry fits {unit_name(best)} better:",)
        reasons += _evidence_reasons(best, evidence)
    return UnitProposal(
        unit=unit,
        confidence=round(confidence, 3),
        reasons=reasons,
        stated=stated,
        disagrees=stated is not None and best is not stated,
        suggested=best,
    )


def calibrated_scale(
    p1: tuple[float, float],
    p2: tuple[float, float],
    known_length_m: float,
    current_scale_to_m: float,
) -> float:
    """Metres per drawing unit that make the distance from p1 to p2 ``known_length_m``.

    ``p1`` and ``p2`` are points of the plan as it is read now, in metres at
    ``current_scale_to_m`` metres per drawing unit (two ends of a door, a grid
    dimension); the user says how long that distance really is.

    Raises:
        DesignReviewError: when the points coincide or a length is not positive.

    Example:
        >>> # Read as millimetres, a door measures 0.0009 m; it is 0.9 m wide.
        >>> round(calibrated_scale((0.0, 0.0), (0.0009, 0.0), 0.9, 0.001), 9)
        1.0
        >>> # Read as metres, a 36-unit door is 36 m; it is 3 ft (0.9144 m).
        >>> round(calibrated_scale((2.0, 1.0), (2.0, 37.0), 0.9144, 1.0), 9)
        0.0254
    """
    measured_m = math.dist(p1, p2)
    if not (math.isfinite(known_length_m) and known_length_m > 0):
        raise DesignReviewError("Enter the real length as a positive distance.")
    if not (math.isfinite(current_scale_to_m) and current_scale_to_m > 0):
        raise DesignReviewError("The plan's current scale is not a positive number.")
    if not math.isfinite(measured_m):
        raise DesignReviewError("A point is off the plan; pick two points on it.")
    if measured_m == 0:
        raise DesignReviewError(
            "The two points are the same; pick two points a known distance apart."
        )
    return known_length_m * current_scale_to_m / measured_m


def unit_name(unit: LengthUnit) -> str:
    """The unit's plural name, as messages use it.

    Example:
        >>> unit_name(LengthUnit.FOOT), unit_name(LengthUnit.MILLIMETRE)
        ('feet', 'millimetres')
    """
    special = {LengthUnit.INCH: "inches", LengthUnit.FOOT: "feet"}
    if unit in special:
        return special[unit]
    return unit.name.lower().replace("_", " ") + "s"


def _stated(code: int | None) -> LengthUnit | None:
    unit = LengthUnit.from_insunits(code)
    return None if unit is LengthUnit.UNITLESS else unit


def _score(unit: LengthUnit, ev: UnitEvidence, stated: LengthUnit | None) -> float:
    """The evidence weight that fits ``unit``."""
    score = _COMMON.get(unit, 0.0) + _STATED * (unit is stated)
    for values, window, weight, power in _measurements(ev):
        score += _weight(len(values), weight) * _fit(values, unit.metres**power, window)
    low, high = SPAN_M
    if ev.span > 0 and low <= ev.span * unit.metres <= high:
        score += _SPAN
        # A tie-break for drawings that state nothing: a building, not a town.
        building = stated is None and ev.span * unit.metres <= BUILDING_M
        score += _BUILDING * building
    return score + _hint_score(unit, ev)


_Measurement = tuple[tuple[float, ...], tuple[float, float], tuple[float, float], int]
"""Values in drawing units, their plausible window in metres (to the power), weight."""
_KINDS = ("door widths", "stair treads", "room outlines", "room areas", "wall gaps")


def _measurements(ev: UnitEvidence) -> tuple[_Measurement, ...]:
    return (
        (ev.door_widths, DOOR_WIDTH_M, _DOORS, 1),
        (ev.tread_depths, TREAD_DEPTH_M, _TREADS, 1),
        (ev.room_sides, ROOM_SIDE_M, _ROOMS, 1),
        (ev.room_areas, ROOM_AREA_M2, _ROOM_AREAS, 2),
        (ev.wall_thicknesses, WALL_THICKNESS_M, _WALLS, 1),
    )


def _hint_score(unit: LengthUnit, ev: UnitEvidence) -> float:
    score = 0.0
    if ev.measurement in (0, 1) and unit.is_imperial == (ev.measurement == 0):
        score += _MEASUREMENT
    if unit is LengthUnit.INCH:
        score += _DIMSCALE * (ev.dimscale in _IMPERIAL_DIMSCALES)
        score += _LUNITS * (ev.lunits in _FEET_INCH_LUNITS)
    if unit is LengthUnit.MILLIMETRE:
        score += _DIMSCALE * (ev.dimscale in _METRIC_DIMSCALES)
    return score


def _weight(count: int, weight: tuple[float, float]) -> float:
    """More measurements weigh more, up to a limit (they are rarely independent)."""
    largest, half_at = weight
    return largest * count / (count + half_at)


def _fit(values: tuple[float, ...], metres: float, window: tuple[float, ...]) -> float:
    """The share of ``values`` (drawing units) inside ``window`` (metres)."""
    if not values:
        return 0.0
    scaled = np.asarray(values, dtype=np.float64) * metres
    return float(np.mean((scaled >= window[0]) & (scaled <= window[1])))


def _ruled_out(stated: LengthUnit, best: LengthUnit, ev: UnitEvidence) -> bool:
    """Whether doors and stairs clearly say the stated unit is wrong."""
    decisive = [(ev.door_widths, DOOR_WIDTH_M), (ev.tread_depths, TREAD_DEPTH_M)]
    count = sum(len(values) for values, _ in decisive)
    if best is stated or count < MIN_TO_OVERRULE:
        return False

    def fit(unit: LengthUnit) -> float:
        hits = sum(len(v) * _fit(v, unit.metres, w) for v, w in decisive)
        return hits / count

    return fit(stated) <= _STATED_FITS_AT_MOST and fit(best) >= _OTHER_FITS_AT_LEAST


def _ruled_out_by_geometry(
    stated: LengthUnit, best: LengthUnit, ev: UnitEvidence
) -> bool:
    """Whether many rooms and walls, with no door or stair for it, rule it out.

    On average the stated unit makes at most a quarter of the rooms and walls
    plausible, ``best`` makes most of each plausible, and the walls alone favour
    ``best`` clearly (rooms alone cannot tell 12 m² offices from 77 m² classrooms).
    """
    enough = len(ev.room_areas) >= MIN_ROOMS_TO_OVERRULE
    enough &= len(ev.wall_thicknesses) >= MIN_WALLS_TO_OVERRULE
    if best is stated or not enough or _backed_by_doors_or_stairs(stated, ev):
        return False
    rooms = [_fit(ev.room_areas, u.metres**2, ROOM_AREA_M2) for u in (stated, best)]
    walls = [
        _fit(ev.wall_thicknesses, u.metres, WALL_THICKNESS_M) for u in (stated, best)
    ]
    if (rooms[0] + walls[0]) / 2 > _GEOMETRY_STATED_AT_MOST:
        return False
    if min(rooms[1], walls[1]) < _OTHER_FITS_AT_LEAST:
        return False
    if walls[1] - walls[0] < _WALLS_FAVOUR_BY:
        return False
    low, high = SPAN_M
    return ev.span <= 0 or low <= ev.span * best.metres <= high


def _backed_by_doors_or_stairs(stated: LengthUnit, ev: UnitEvidence) -> bool:
    """Whether a few doors or stairs fit the stated unit (enough to keep it)."""
    decisive = [(ev.door_widths, DOOR_WIDTH_M), (ev.tread_depths, TREAD_DEPTH_M)]
    hits = sum(len(v) * _fit(v, stated.metres, w) for v, w in decisive)
    return hits >= 2


_METRES, _UNITS = {1: "m", 2: "m²"}, {1: "units", 2: "square units"}


def _header_reasons(ev: UnitEvidence) -> tuple[str, ...]:
    unit = LengthUnit.from_insunits(ev.insunits)
    if ev.insunits is None:
        said = "the header has no $INSUNITS"
    elif unit is None:
        said = f"$INSUNITS {ev.insunits} is not a unit code"
    elif unit is LengthUnit.UNITLESS:
        said = "$INSUNITS is 0 (unitless)"
    else:
        said = f"$INSUNITS says {unit_name(unit)}"
    hints = [said]
    if ev.measurement in (0, 1):
        hints.append(f"$MEASUREMENT is {('imperial', 'metric')[ev.measurement]}")
    if ev.dimscale in _IMPERIAL_DIMSCALES | _METRIC_DIMSCALES:
        kind = "imperial" if ev.dimscale in _IMPERIAL_DIMSCALES else "metric"
        hints.append(f"$DIMSCALE {ev.dimscale:g} is a usual {kind} scale")
    if ev.lunits in _FEET_INCH_LUNITS:
        hints.append(f"$LUNITS is {_FEET_INCH_LUNITS[ev.lunits]} (feet and inches)")
    return tuple(hints)


def _evidence_reasons(unit: LengthUnit, ev: UnitEvidence) -> tuple[str, ...]:
    """What the geometry says about ``unit``, one sentence per kind of evidence."""
    m, name = unit.metres, unit_name(unit)
    reasons = []
    for kind, (values, window, _, power) in zip(_KINDS, _measurements(ev), strict=True):
        if values:
            middle, scale = median(values), m**power
            hits = round(len(values) * _fit(values, scale, window))
            reasons.append(
                f"{hits} of {len(values)} {kind} are {window[0]:g}-{window[1]:g} "
                f"{_METRES[power]} in {name} (median {middle:.3g} {_UNITS[power]} = "
                f"{middle * scale:.3g} {_METRES[power]})"
            )
    if ev.span > 0:
        reasons.append(
            f"the drawing spans {ev.span:,.4g} units = {ev.span * m:,.4g} m in {name}"
        )
    return tuple(reasons)
