"""EGRESS-1: exit-access travel distance from every room to an exit.

Exit access on a floor ends at an exterior door or at the door of an exit stair (a
space typed stair that leads down to a lower sheet, or any stair of a floor without
exterior doors; see :mod:`designreview.analysis.stairs`), as IBC 1017.3 measures it to
the entrance of the exit, so an upper floor is judged by the walk to its stairs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from designreview.analysis.distances import DistanceField, distance_field
from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.sampling import grid_points
from designreview.analysis.walk_graph import locate
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType
from designreview.model.units import format_feet

if TYPE_CHECKING:
    from collections.abc import Iterable

    from designreview.analysis.building_view import Room
    from designreview.analysis.distances import WalkIndex
    from designreview.model.geometry import Point2

RULE_ID = "EGRESS-1"
TITLE = "Exit-access travel distance"
CITATION = (
    "IBC 2021 Table 1017.2 (200 ft unsprinklered, 250 ft sprinklered, E occupancy)"
)
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})


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
    sprinklered: float = field(default=0.0, metadata={"flag": "Building sprinklered"})
    """1 (yes) or 0 (no): which of the two limits holds."""
    sample_spacing_m: float = 3.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per room whose farthest point is too far from every exit.

    A floor with rooms but no exit at all (no exterior door, no exit stair) gets one
    fail for the floor instead of one per room.
    """
    if not ctx.building.rooms or ctx.has_no_doors:
        return []  # no doors at all: DATA-1 asks for them
    walks = ctx.walking(exterior_doors_closed=True)
    stairs = ctx.exit_stairs()
    exits = [
        ctx.building.inside_of(d)
        for d in ctx.building.doors
        if ctx.building.is_exterior(d)
    ] + [p for stair in stairs for p in _stair_entrances(ctx, walks, stair)]
    if not exits:
        return [_no_exit(ctx)]
    limit = params.sprinklered_m if params.sprinklered else params.unsprinklered_m
    # Exit access is travel inside the building to an exit door: with the exterior
    # doors shut in the walking graph, routes cannot leave and come back in, and
    # each exit's target (the middle of its door) is reached at the door's face.
    field = distance_field(walks, exits)
    results = []
    for room in ctx.building.rooms:
        if room in stairs:
            continue  # inside the exit already
        worst, where = _farthest(ctx, field, room, params)
        if where is not None and math.isinf(worst):
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"From {room.label} no walking route reaches an exit (an "
                    "exterior door or an exit stair).",
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


def _stair_entrances(ctx: CheckContext, walks: WalkIndex, stair: Room) -> list[Point2]:
    """Where exit access ends at ``stair``: its doors, or its edge if it has none.

    An open stair (no doors drawn) is entered anywhere along its outline; points of
    the outline every metre stand in for it, those a walker can reach at all.
    """
    doors = ctx.building.doors_of(stair)
    if doors:
        return [d.center for d in doors]
    edge = stair.polygon.exterior.segmentize(1.0)
    found = []
    for x, y in edge.coords[:-1]:
        try:
            found.append(locate(walks, (float(x), float(y))))
        except ValueError:
            continue  # deep in a thick wall
    return found


def _no_exit(ctx: CheckContext) -> Finding:
    name = next((s.name for s in ctx.review.sheets if s.id == ctx.sheet_id), "")
    where = ctx.building.rooms[0].polygon.representative_point()
    return finding(
        RULE_ID,
        Severity.FAIL,
        f"{name or 'This sheet'} has no exit: no exterior door and no exit stair "
        "were found, so no room has a way out. Mark the exterior doors (Access "
        "Point tool), type the stair spaces as stair, or add the floor below with "
        "the same stair.",
        ctx,
        (where.x, where.y),
        (),
        CITATION,
    )


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
