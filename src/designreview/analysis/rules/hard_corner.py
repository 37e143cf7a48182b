"""ROOM-2: every classroom keeps a hard corner out of sight of its door glass.

In a lockdown the doors are closed; an attacker in the corridor looks through the
vision panels and sidelites. The hard corner is the part of the room that no point of
the corridor within reach of the door glass can see, less a clearance along the walls,
and it must hold every occupant.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point, Polygon

from designreview.analysis.isovist import isovist
from designreview.analysis.rules.base import (
    GLASS_DEPTH_M,
    CheckContext,
    finding,
    polygon_rings,
)
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType
from designreview.model.units import format_square_feet

if TYPE_CHECKING:
    from designreview.analysis.building_view import Door, Room

RULE_ID = "ROOM-2"
TITLE = "Hard corner for every occupant"
CITATION = "MSD Public Safety Commission (2019); FEMA P-361 occupant density"
ROOMS = frozenset({SpaceType.CLASSROOM, SpaceType.LAB})


@dataclass(frozen=True, slots=True)
class Params:
    """Thresholds of ROOM-2 (metres and square metres)."""

    area_per_occupant_m2: float = 0.46  # 5 sq ft
    wall_clearance_m: float = 0.45
    viewer_reach_m: float = 3.0
    classroom_m2_per_occupant: float = 1.86  # IBC 20 sq ft net, when no load is given


def hard_corner(ctx: CheckContext, room: Room, params: Params) -> Polygon:
    """The largest part of ``room`` unseen from its door glass, less the clearance."""
    key = ("hard_corner", room.id, params)
    if key not in ctx.memo:
        ctx.memo[key] = _hard_corner(ctx, room, params)
    result: Polygon = ctx.memo[key]
    return result


def _hard_corner(ctx: CheckContext, room: Room, params: Params) -> Polygon:
    seen = [
        _seen_through(ctx, room, door, params) for door in ctx.building.doors_of(room)
    ]
    usable = room.polygon.buffer(-params.wall_clearance_m, join_style="mitre")
    hidden = usable.difference(shapely.union_all(seen)) if seen else usable
    parts = [g for g in getattr(hidden, "geoms", [hidden]) if isinstance(g, Polygon)]
    return max(parts, key=lambda g: g.area) if parts else Polygon()


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for each classroom whose hard corner is too small for its occupants."""
    results = []
    for room in ctx.building.rooms:
        if room.space_type not in ROOMS or not ctx.building.doors_of(room):
            continue
        corner = hard_corner(ctx, room, params)
        occupants = room.occupant_load or math.ceil(
            room.polygon.area / params.classroom_m2_per_occupant
        )
        needed = occupants * params.area_per_occupant_m2
        if corner.area >= needed:
            continue
        where = (
            corner.representative_point()
            if not corner.is_empty
            else (room.polygon.representative_point())
        )
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{room.label}: the corner out of sight of the door glass is "
                f"{corner.area:.1f} m² ({format_square_feet(corner.area)}); "
                f"{occupants} occupants need {needed:.1f} m² "
                f"({format_square_feet(needed)}). Move or narrow the door glass, or "
                "drop the sidelite.",
                ctx,
                (where.x, where.y),
                (room.id,),
                CITATION,
                polygon_rings(corner) if not corner.is_empty else (),
            )
        )
    return results


def _seen_through(ctx: CheckContext, room: Room, door: Door, params: Params) -> Polygon:
    """What eyes outside can see of ``room`` through the glass of ``door``."""
    views = []
    for pane in ctx.panes_of(door):
        views += _pane_fans(ctx, room, pane)
    if not views:
        return Polygon()
    seen = shapely.union_all(views).intersection(room.polygon)
    return seen if isinstance(seen, Polygon) else shapely.union_all([seen]).buffer(0)


def _pane_fans(ctx: CheckContext, room: Room, pane: tuple[float, ...]) -> list[Polygon]:
    """Every ray through a pane set in a frame ``2 * GLASS_DEPTH_M`` deep.

    From a point just inside the room, at offset ``x`` across a pane of width ``w``,
    a ray that came through the whole frame leaves the outer face within the pane:
    its angle off square lies between atan((x - w/2) / L) and atan((x + w/2) / L),
    with L the depth from the outer face. Fans from a few such points cover every
    ray, exactly at their edges.
    """
    x1, y1, x2, y2 = pane[:4]
    width = math.hypot(x2 - x1, y2 - y1)
    if width == 0:
        return []
    ux, uy = (x2 - x1) / width, (y2 - y1) / width
    nx, ny = -uy, ux
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    if not room.polygon.covers(Point(mx + nx * 0.5, my + ny * 0.5)):
        nx, ny = -nx, -ny  # face the room
    depth = GLASS_DEPTH_M + 0.01
    outer = depth + GLASS_DEPTH_M
    normal = math.degrees(math.atan2(ny, nx))
    fans = []
    steps = max(2, math.ceil(width / 0.1))
    for i in range(steps + 1):
        x = -width / 2 + width * i / steps
        low = math.degrees(math.atan((x - width / 2) / outer))
        high = math.degrees(math.atan((x + width / 2) / outer))
        origin = (mx + ux * x + nx * depth, my + uy * x + ny * depth)
        # Angles are measured toward +u (counter-clockwise when u is left of n).
        sign = 1.0 if (nx * uy - ny * ux) < 0 else -1.0
        centre = normal + sign * (low + high) / 2
        try:
            view = isovist(
                ctx.lockdown(),
                origin,
                direction_deg=centre,
                fov_deg=max(high - low, 0.1),
            )
        except ValueError:
            continue
        fans.append(view.polygon)
    return fans
