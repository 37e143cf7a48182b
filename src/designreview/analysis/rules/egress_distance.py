"""EGRESS-1: exit-access travel distance from every room to an exterior door."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.distances import DistanceField, distance_field
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.sampling import grid_points
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType
from designreview.model.units import format_feet

if TYPE_CHECKING:
    from collections.abc import Iterable

    from designreview.analysis.building_view import Room
    from designreview.model.geometry import Point2

RULE_ID = "EGRESS-1"
TITLE = "Exit-access travel distance"
CITATION = (
    "IBC 2021 Table 1017.2 (200 ft unsprinklered, 250 ft sprinklered, E occupancy)"
)


_CIRCULATION = frozenset(
    {
        SpaceType.CORRIDOR,
        SpaceType.COMMONS,
        SpaceType.STAIR,
        SpaceType.UNKNOWN,
        SpaceType.GYM,
        SpaceType.CAFETERIA,
        SpaceType.AUDITORIUM,
        SpaceType.LIBRARY,
    }
)


@dataclass(frozen=True, slots=True)
class Params:
    """Travel distance limits; ``sprinklered`` is 1 for a sprinklered building."""

    unsprinklered_m: float = 60.96  # 200 ft
    sprinklered_m: float = 76.2  # 250 ft
    sprinklered: float = 0.0
    sample_spacing_m: float = 3.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per room whose farthest point is too far from every exterior door."""
    exits = [
        ctx.building.inside_of(d)
        for d in ctx.building.doors
        if ctx.building.is_exterior(d)
    ]
    if not exits or not ctx.building.rooms:
        return []
    limit = params.sprinklered_m if params.sprinklered else params.unsprinklered_m
    # Exit access is travel inside the building to an exit door: with the exterior
    # doors shut in the walking graph, routes cannot leave and come back in, and
    # each exit's target (the middle of its door) is reached at the door's face.
    field = distance_field(ctx.walking(exterior_doors_closed=True), exits)
    results = []
    for room in ctx.building.rooms:
        worst, where = _farthest(ctx, field, room, params)
        if where is not None and math.isinf(worst):
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"From {room.label} no walking route reaches an exterior door.",
                    ctx,
                    where,
                    (room.id,),
                    CITATION,
                )
            )
        elif where is not None and worst > limit:
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"From {room.label} the walk to the nearest exit is {worst:.0f} m "
                    f"({format_feet(worst)}), over {limit:.0f} m "
                    f"({format_feet(limit)}). Add an exit or shorten the route.",
                    ctx,
                    where,
                    (room.id,),
                    CITATION,
                    _route(field, where),
                )
            )
    return results


def _route(field: DistanceField, start: Point2) -> tuple[tuple[Point2, ...], ...]:
    """The walk that is too long, as an overlay polyline (empty if not found)."""
    try:
        path = field.path_from(start)
    except ValueError:
        return ()
    return (tuple(path.points),) if path is not None else ()


def _farthest(
    ctx: CheckContext, field: DistanceField, room: Room, params: Params
) -> tuple[float, Point2 | None]:
    """The longest walk to an exit from any point of ``room``, and that point.

    In an ordinary room (not circulation) people leave through its doors and cross the
    room in a straight line, so the walk to a corner is the walk from the best door
    plus the straight distance: one query per door instead of a grid of them.
    """
    doors = ctx.building.doors_of(room)
    if room.space_type in _CIRCULATION or not doors:
        points = grid_points(room.polygon, params.sample_spacing_m, limit=100)
        return _worst((_walk(field, p), p) for p in points)
    starts = [(field.at(d.center), d.center) for d in doors]
    reach = [(w, c) for w, c in starts if w is not None]
    if not reach:
        where = room.polygon.representative_point()
        return math.inf, (where.x, where.y)  # no way out at all
    corners = [(float(x), float(y)) for x, y in room.polygon.exterior.coords[:-1]]
    return _worst((min(w + math.dist(c, v) for w, c in reach), v) for v in corners)


def _walk(field: DistanceField, point: Point2) -> float | None:
    try:
        return field.at(point)
    except ValueError:
        return None  # inside a wall's clearance


def _worst(walks: Iterable[tuple[float | None, Point2]]) -> tuple[float, Point2 | None]:
    worst, where = 0.0, None
    for walk, point in walks:
        if walk is not None and walk > worst:
            worst, where = walk, point
    return worst, where
