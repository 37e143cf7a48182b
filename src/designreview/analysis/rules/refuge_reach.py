"""REFUGE-1: from anywhere in the halls, a lockable room with a place left is near.

Corridors, commons, libraries and restrooms are sampled on a grid; their people are
assigned to lockable rooms within the walk, capacity respected, by the lockdown plan
(:mod:`~designreview.analysis.rules.lockdown_plan`), shared with REFUGE-2. A point
fails when some of its people have no place within the walk, whether because no
lockable room is that near or because nearer halls and large spaces filled them.
Cafeterias, gyms and auditoriums leave by their doors and are REFUGE-2's. Walks stay
inside (exterior doors are shut in a lockdown). Stairs do not join floors here:
refuge counts the lockable rooms of the same floor only, as a lockdown shelters
people where they are, and a stair is both an intruder's way between floors and an
exit that must not be locked against the people leaving by it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.analysis.rules.lockdown_plan import plan_for
from designreview.analysis.rules.lockdown_types import (
    DEFAULTS,
    EXPOSED,
    LARGE,
    REFUGES,
    SpacePlan,
    lockdown_params,
)
from designreview.analysis.rules.sampling import squares
from designreview.model.findings import Finding, Severity
from designreview.model.units import format_feet

if TYPE_CHECKING:
    from designreview.analysis.building_view import Room

RULE_ID = "REFUGE-1"
TITLE = "Refuge within reach everywhere"
CITATION = (
    "NCES Digest of Education Statistics table 228.14: of K-12 shootings with a "
    "known location (2000-2020), about 11% were in classrooms; the 100 ft walk is a "
    "heuristic"
)
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})


@dataclass(frozen=True, slots=True)
class Params:
    """The walk to refuge, and how finely the rooms are sampled."""

    max_walk_m: float = 30.0  # 100 ft
    sample_spacing_m: float = 2.0
    hall_m2_per_person: float = field(
        default=DEFAULTS.hall_m2_per_person,
        metadata={
            "source": "Fruin, Pedestrian Planning and Design (1971): walkway level "
            "of service C/D, 25 sq ft a person (a full passing period)"
        },
    )
    library_m2_per_person: float = field(
        default=DEFAULTS.library_m2_per_person,
        metadata={
            "source": "IBC 2021 Table 1004.5: library reading rooms, 50 sq ft net"
        },
    )


def lockable_refuges(ctx: CheckContext) -> list[Room]:
    """Rooms people can shelter in: occupiable, with every door securing them."""
    return [
        room
        for room in ctx.building.rooms
        if room.space_type in REFUGES and ctx.building.locks_down(room)
    ]


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """One fail per hall with points whose people no refuge within reach can take."""
    if ctx.has_no_doors:
        return []  # no doors at all: DATA-1 asks for them
    if not any(r.space_type in EXPOSED for r in ctx.building.rooms):
        return []
    settings = ctx.review.check_settings
    plan = plan_for(ctx, lockdown_params(settings, RULE_ID, params))
    results = []
    for space in plan.spaces:
        room = ctx.building.room(space.room_id)
        if room is None or room.space_type in LARGE or room.space_type not in EXPOSED:
            continue
        if space.far:
            results.append(_finding(ctx, room, space, params))
    return results


def _finding(
    ctx: CheckContext, room: Room, space: SpacePlan, params: Params
) -> Finding:
    area = squares(list(space.far), space.spacing_m).intersection(room.polygon)
    where = (
        area.representative_point()
        if not area.is_empty
        else (room.polygon.representative_point())
    )
    walk = f"{params.max_walk_m:.0f} m ({format_feet(params.max_walk_m)})"
    left = (
        f"; {space.left} of its {space.people} people have nowhere to go"
        if space.left
        else ""
    )
    return finding(
        RULE_ID,
        Severity.FAIL,
        f"Parts of {room.label} (about {area.area:.0f} m²) are more than {walk} "
        f"from a room that locks from inside and has a place left{left}. Add "
        "lockable refuge nearby or make a nearby room lockable.",
        ctx,
        (where.x, where.y),
        (room.id,),
        CITATION,
        polygon_rings(area),
    )
