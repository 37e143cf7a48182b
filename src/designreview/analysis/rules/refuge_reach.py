"""REFUGE-1: from anywhere in the halls and large rooms, refuge is a short walk away.

Halls, commons, cafeteria, gym, library and restrooms are checked; walks stay inside
(exterior doors are shut in a lockdown). Stairs do not join floors here: refuge counts
the lockable rooms of the same floor only, as a lockdown shelters people where they
are, and a stair is both an intruder's way between floors and an exit that must not
be locked against the people leaving by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.distances import distance_field
from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.analysis.rules.room_locks import OCCUPIED
from designreview.analysis.rules.sampling import grid_points, squares
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType
from designreview.model.units import format_feet

if TYPE_CHECKING:
    from designreview.analysis.building_view import Room
    from designreview.model.geometry import Point2

RULE_ID = "REFUGE-1"
TITLE = "Refuge within reach everywhere"
CITATION = (
    "NCES Digest of Education Statistics table 228.14: of K-12 shootings with a "
    "known location (2000-2020), about 11% were in classrooms; the 100 ft walk is a "
    "heuristic"
)
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})
EXPOSED = frozenset(
    {
        SpaceType.CORRIDOR,
        SpaceType.COMMONS,
        SpaceType.CAFETERIA,
        SpaceType.GYM,
        SpaceType.LIBRARY,
        SpaceType.RESTROOM,
    }
)
REFUGES = OCCUPIED  # rooms people can shelter in, if every door locks


@dataclass(frozen=True, slots=True)
class Params:
    """The walk to refuge, and how finely the rooms are sampled."""

    max_walk_m: float = 30.0  # 100 ft
    sample_spacing_m: float = 2.0


def lockable_refuges(ctx: CheckContext) -> list[Room]:
    """Rooms people can shelter in: occupiable, with every door securing them."""
    return [
        room
        for room in ctx.building.rooms
        if room.space_type in REFUGES and ctx.building.locks_down(room)
    ]


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """One fail per exposed room with points farther than the walk from refuge."""
    exposed = [r for r in ctx.building.rooms if r.space_type in EXPOSED]
    if not exposed or ctx.has_no_doors:
        return []  # no doors at all: DATA-1 asks for them
    refuges = lockable_refuges(ctx)
    doors = [d.center for r in refuges for d in ctx.building.doors_of(r)]
    field = distance_field(ctx.walking(exterior_doors_closed=True), doors)
    results = []
    for room in exposed:
        if room in refuges:
            continue  # a space that locks is its own refuge
        far = _far_points(field, room, params)
        if far:
            results.append(_finding(ctx, room, far, params))
    return results


def _far_points(field: object, room: Room, params: Params) -> list[Point2]:
    far = []
    for point in grid_points(room.polygon, params.sample_spacing_m):
        try:
            walk = field.at(point)  # type: ignore[attr-defined]
        except ValueError:
            continue  # inside a wall's clearance: nobody stands there
        if walk is None or walk > params.max_walk_m:
            far.append(point)
    return far


def _finding(
    ctx: CheckContext, room: Room, far: list[Point2], params: Params
) -> Finding:
    area = squares(far, params.sample_spacing_m).intersection(room.polygon)
    where = (
        area.representative_point()
        if not area.is_empty
        else (room.polygon.representative_point())
    )
    return finding(
        RULE_ID,
        Severity.FAIL,
        f"Parts of {room.label} (about {area.area:.0f} m²) are more than "
        f"{params.max_walk_m:.0f} m ({format_feet(params.max_walk_m)}) from a room "
        "that locks from inside. Add lockable refuge nearby or make a nearby room "
        "lockable.",
        ctx,
        (where.x, where.y),
        (room.id,),
        CITATION,
        polygon_rings(area),
    )
