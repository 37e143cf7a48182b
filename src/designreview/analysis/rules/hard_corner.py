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
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType

if TYPE_CHECKING:
    from designreview.analysis.building_view import Door, Room

RULE_ID = "ROOM-2"
TITLE = "Hard corner for every occupant"
CITATION = "MSD Public Safety Commission (2019); FEMA P-361 occupant density"
ROOMS = frozenset({SpaceType.CLASSROOM, SpaceType.LAB})
_RINGS = (0.6, 1.5, 3.0)
_STEP_DEG = 15.0


@dataclass(frozen=True, slots=True)
class Params:
    """Thresholds of ROOM-2 (metres and square metres)."""

    area_per_occupant_m2: float = 0.46  # 5 sq ft
    wall_clearance_m: float = 0.45
    viewer_reach_m: float = 3.0
    classroom_m2_per_occupant: float = 1.86  # IBC 20 sq ft net, when no load is given


def hard_corner(ctx: CheckContext, room: Room, params: Params) -> Polygon:
    """The largest part of ``room`` unseen from its door glass, less the clearance."""
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
                f"{corner.area:.1f} m² ({corner.area * 10.764:.0f} sq ft); "
                f"{occupants} occupants need {needed:.1f} m² "
                f"({needed * 10.764:.0f} sq ft). Move or narrow the door glass, or "
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
    views = []
    cx, cy = door.center
    for radius in _RINGS:
        if radius > params.viewer_reach_m:
            continue
        for step in range(int(360 / _STEP_DEG)):
            angle = math.radians(step * _STEP_DEG)
            viewer = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
            if room.polygon.buffer(0.05).covers(Point(viewer)):
                continue  # attackers stand outside the room
            try:
                views.append(isovist(ctx.lockdown(), viewer).polygon)
            except ValueError:
                continue  # on a wall or outside the analysed area
    if not views:
        return Polygon()
    seen = shapely.union_all(views).intersection(room.polygon)
    return seen if isinstance(seen, Polygon) else shapely.union_all([seen]).buffer(0)
