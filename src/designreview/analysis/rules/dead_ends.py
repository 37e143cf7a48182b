"""EGRESS-2: dead-end corridors no longer than the code allows.

A corridor space that joins the rest of the circulation at one place only, and has no
exit of its own, is a dead end; its length is the walk from that junction to its far
end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely

from designreview.analysis.distances import distance_field
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.analysis.rules.sampling import grid_points
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType
from designreview.model.units import format_feet

if TYPE_CHECKING:
    from designreview.analysis.building_view import Room
    from designreview.model.geometry import Point2

RULE_ID = "EGRESS-2"
TITLE = "Dead-end corridors"
CITATION = "IBC 2021 1020.5 (20 ft; 50 ft in sprinklered buildings)"
CIRCULATION = frozenset(
    {SpaceType.CORRIDOR, SpaceType.COMMONS, SpaceType.VESTIBULE, SpaceType.STAIR}
)
JOIN_M = 1.0
"""Spaces sharing at least this much edge are open to each other."""


@dataclass(frozen=True, slots=True)
class Params:
    """Dead-end limits; ``sprinklered`` is 1 for a sprinklered building."""

    unsprinklered_m: float = 6.1  # 20 ft
    sprinklered_m: float = 15.24  # 50 ft
    sprinklered: float = 0.0


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
        length, far = _depth(ctx, hall, joins[0])
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


def _depth(ctx: CheckContext, hall: Room, junction: Point2) -> tuple[float, Point2]:
    field = distance_field(ctx.walking(exterior_doors_closed=True), [junction])
    worst, where = 0.0, junction
    corners = [(x, y) for x, y, *_ in shapely.get_coordinates(hall.polygon)]
    for point in [*grid_points(hall.polygon, 1.0, limit=200), *corners]:
        try:
            walk = field.at(point)
        except ValueError:
            continue
        if walk is not None and walk > worst:
            worst, where = walk, point
    return worst, where
