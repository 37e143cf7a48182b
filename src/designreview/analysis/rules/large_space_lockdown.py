"""REFUGE-2: everyone in a cafeteria, gym or auditorium has a lockable place to go.

Either the large space itself locks (every door lockable from inside), or lockable
rooms within reach of its doors have room to spare for its whole occupant load.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.distances import distance_field
from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.refuge_reach import lockable_refuges
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType

if TYPE_CHECKING:
    from designreview.analysis.building_view import Room

RULE_ID = "REFUGE-2"
TITLE = "Lockdown capacity for large spaces"
CITATION = "IBC 2021 Table 1004.5 occupant load; FEMA P-361 refuge density"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})
LARGE = frozenset({SpaceType.CAFETERIA, SpaceType.GYM, SpaceType.AUDITORIUM})


@dataclass(frozen=True, slots=True)
class Params:
    """Occupant densities, refuge density and the walk to refuge."""

    cafeteria_m2_per_person: float = 1.39  # 15 sq ft net
    assembly_m2_per_person: float = 0.65  # 7 sq ft (gym, auditorium)
    classroom_m2_per_person: float = 1.86  # the refuge's own occupants
    refuge_m2_per_person: float = 0.46  # 5 sq ft standing
    max_walk_m: float = 30.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per large space whose people cannot all lock themselves in nearby."""
    if ctx.has_no_doors:
        return []  # no doors at all: DATA-1 asks for them, not "room for 0"
    results = []
    for room in ctx.building.rooms:
        if room.space_type not in LARGE:
            continue
        if ctx.building.locks_down(room):
            continue
        load = room.occupant_load or math.ceil(
            room.polygon.area / _density(room, params)
        )
        spare = _spare_nearby(ctx, room, params)
        if spare >= load:
            continue
        where = room.polygon.representative_point()
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{room.label} holds {load} people but cannot be locked, and lockable "
                f"rooms within {params.max_walk_m:.0f} m have room for {spare}. Make "
                "its "
                "doors lockable from inside or add refuge nearby.",
                ctx,
                (where.x, where.y),
                (room.id,),
                CITATION,
            )
        )
    return results


def _density(room: Room, params: Params) -> float:
    if room.space_type is SpaceType.CAFETERIA:
        return params.cafeteria_m2_per_person
    return params.assembly_m2_per_person


def _spare_nearby(ctx: CheckContext, room: Room, params: Params) -> int:
    starts = [d.center for d in ctx.building.doors_of(room)]
    if not starts:
        return 0
    field = distance_field(ctx.walking(exterior_doors_closed=True), starts)
    spare = 0
    for refuge in lockable_refuges(ctx):
        walks = [field.at(d.center) for d in ctx.building.doors_of(refuge)]
        near = [w for w in walks if w is not None and w <= params.max_walk_m]
        if near:
            area = refuge.polygon.area
            # A gym that takes people in still holds its own class at its density.
            density = (
                _density(refuge, params)
                if refuge.space_type in LARGE
                else params.classroom_m2_per_person
            )
            own = math.ceil(area / density)
            spare += max(int(area / params.refuge_m2_per_person) - own, 0)
    return spare
