"""EGRESS-2: dead-end corridors no longer than the code allows.

A corridor space that joins the rest of the circulation at one place only, and has no
exit of its own, is a dead end. IBC 1020.5 (1020.4 before 2021) limits its length;
the commentary measures it from the point where occupants have a choice of two
directions to the far end of the dead end. We measure along the dead end's
centreline, from the line where it opens onto the other corridor (the through
corridor's side wall, continued across the opening) to its end wall: one step past
that line, a person stands in the through corridor and can turn either way, so
nothing of the through corridor's width belongs to the dead end. A 6.0 m stub off a
corridor's side is 6.0 m long, under the 20 ft (6.096 m) limit; 6.2 m is over.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType
from designreview.model.units import format_feet

if TYPE_CHECKING:
    from shapely.geometry import Polygon

    from designreview.analysis.building_view import Room
    from designreview.model.geometry import Point2

RULE_ID = "EGRESS-2"
TITLE = "Dead-end corridors"
CITATION = "IBC 2021 1020.5 (20 ft; 50 ft in sprinklered buildings)"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})
CIRCULATION = frozenset(
    {SpaceType.CORRIDOR, SpaceType.COMMONS, SpaceType.VESTIBULE, SpaceType.STAIR}
)
JOIN_M = 1.0
"""Spaces sharing at least this much edge are open to each other."""
STRAIGHT = 0.9
"""A corridor filling this share of its smallest enclosing rectangle runs straight."""


@dataclass(frozen=True, slots=True)
class Params:
    """Dead-end limits; ``sprinklered`` is 1 for a sprinklered building."""

    unsprinklered_m: float = 6.096  # 20 ft
    sprinklered_m: float = 15.24  # 50 ft
    sprinklered: float = field(default=0.0, metadata={"flag": "Building sprinklered"})
    """1 (yes) or 0 (no): which of the two limits holds."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per corridor that is a dead end longer than the limit."""
    limit = params.sprinklered_m if params.sprinklered else params.unsprinklered_m
    halls = [r for r in ctx.building.rooms if r.space_type is SpaceType.CORRIDOR]
    results = []
    for hall in halls:
        if _has_exit(ctx, hall):
            continue
        joins = _junctions(ctx, hall)
        if len(joins) != 1:
            continue
        length, far = dead_end_length(hall.polygon, joins[0])
        if length > limit:
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"{hall.label} is a dead end {length:.1f} m "
                    f"({format_feet(length)}) long; the limit is {limit:.1f} m "
                    f"({format_feet(limit)}). Extend it to another corridor or an "
                    "exit, or shorten it.",
                    ctx,
                    far,
                    (hall.id,),
                    CITATION,
                    polygon_rings(hall.polygon),
                )
            )
    return results


def _has_exit(ctx: CheckContext, hall: Room) -> bool:
    return any(ctx.building.is_exterior(d) for d in ctx.building.doors_of(hall))


def _junctions(ctx: CheckContext, hall: Room) -> list[Point2]:
    """Where the hall opens onto other circulation (shared edges, shared doors)."""
    points = []
    edge = hall.polygon.boundary
    for other in ctx.building.rooms:
        if other is hall or other.space_type not in CIRCULATION:
            continue
        shared = edge.intersection(other.polygon.buffer(0.05))
        if shared.length >= JOIN_M:
            middle = shared.interpolate(0.5, normalized=True)
            points.append((middle.x, middle.y))
    for door in ctx.building.doors_of(hall):
        sides = ctx.building.door_rooms.get(door.id, (None, None))
        beyond = ctx.building.room(sides[1] if sides[0] == hall.id else sides[0])
        if beyond is not None and beyond.space_type in CIRCULATION:
            points.append(door.center)
    return points


def dead_end_length(outline: Polygon, junction: Point2) -> tuple[float, Point2]:
    """How long a dead end is along its centreline from ``junction``, and its far end.

    A straight corridor (it fills most of its ``minimum_rotated_rectangle``) is
    measured along the rectangle's long axis, from ``junction`` to the farthest point
    of the outline; the far end given is the middle of that end wall. A bent one is
    taken as a strip of even width ``w`` around a centreline of length ``L``: its area
    is ``L * w`` and its perimeter ``2 * (L + w)``, so ``L`` is the larger root of
    ``x**2 - (perimeter / 2) * x + area`` (exact for an L or a U of one width; the far
    end given is the outline's point farthest from ``junction``).

    Example:
        >>> from shapely.geometry import box
        >>> dead_end_length(box(0, 0, 2, 6.2), (1.0, 0.0))  # a stub north, 2 m wide
        (6.2, (1.0, 6.2))
        >>> ell = box(0, 0, 2, 8).union(box(0, 6, 10, 8))  # 8 m north, then 10 m east
        >>> dead_end_length(ell, (1.0, 0.0))[0]  # area 32, perimeter 36: 7 + 9 m
        16.0
    """
    rectangle = outline.minimum_rotated_rectangle
    if rectangle.geom_type != "Polygon" or outline.area < STRAIGHT * rectangle.area:
        return _strip_length(outline, junction)
    corners = shapely.get_coordinates(rectangle)[:4]
    sides = np.diff(np.vstack([corners, corners[:1]]), axis=0)[:2]
    lengths = np.hypot(sides[:, 0], sides[:, 1])
    axis = sides[int(np.argmax(lengths))] / lengths.max()
    start = np.array(junction)
    along = (shapely.get_coordinates(outline) - start) @ axis
    reach = float(along[np.argmax(np.abs(along))])
    centre = np.array(rectangle.centroid.coords[0])
    end = centre + axis * ((start - centre) @ axis + reach)
    return abs(reach), (round(float(end[0]), 9), round(float(end[1]), 9))


def _strip_length(outline: Polygon, junction: Point2) -> tuple[float, Point2]:
    """The centreline of a bent strip of even width, from its area and perimeter."""
    half = outline.length / 4  # L + w is half the perimeter, 2 * half
    length = half + math.sqrt(max(half * half - outline.area, 0.0))
    far = max(
        shapely.get_coordinates(outline).tolist(),
        key=lambda p: math.dist(p, junction),
    )
    return length, (far[0], far[1])
