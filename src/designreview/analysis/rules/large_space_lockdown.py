"""REFUGE-2: everyone in a cafeteria, gym or auditorium has a lockable place to go.

Either the large space itself locks (every door lockable from inside), or lockable
rooms within the walk of its doors take its whole occupant load in. Who goes where
is the lockdown plan (:mod:`~designreview.analysis.rules.lockdown_plan`): the halls
and large spaces of the floor share the refuges' places, each place given once, by
a minimum-cost flow, so a classroom the corridor fills is no place for the
cafeteria.
"""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.analysis.rules.lockdown_plan import plan_for
from designreview.analysis.rules.lockdown_types import (
    DEFAULTS,
    LARGE,
    lockdown_params,
)
from designreview.model.findings import Finding, Severity

RULE_ID = "REFUGE-2"
TITLE = "Lockdown capacity for large spaces"
CITATION = "IBC 2021 Table 1004.5 occupant load; FEMA P-361 refuge density"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})


@dataclass(frozen=True, slots=True)
class Params:
    """Occupant densities, refuge density and the walk to refuge."""

    cafeteria_m2_per_person: float = DEFAULTS.cafeteria_m2_per_person  # 15 sq ft
    assembly_m2_per_person: float = DEFAULTS.assembly_m2_per_person  # 7 sq ft
    classroom_m2_per_person: float = DEFAULTS.classroom_m2_per_person  # own people
    refuge_m2_per_person: float = DEFAULTS.refuge_m2_per_person  # 5 sq ft standing
    max_walk_m: float = DEFAULTS.large_walk_m


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per large space whose people cannot all lock themselves in nearby."""
    if ctx.has_no_doors:
        return []  # no doors at all: DATA-1 asks for them, not "room for 0"
    if not any(r.space_type in LARGE for r in ctx.building.rooms):
        return []
    settings = ctx.review.check_settings
    plan = plan_for(ctx, lockdown_params(settings, RULE_ID, params))
    results = []
    for space in plan.spaces:
        room = ctx.building.room(space.room_id)
        if room is None or room.space_type not in LARGE or space.stays:
            continue
        if not space.left:
            continue
        where = room.polygon.representative_point()
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{room.label} holds {space.people} people but cannot be locked, and "
                f"lockable rooms within {params.max_walk_m:.0f} m have room for "
                f"{space.placed} of them once the halls' people have their places "
                f"({space.where()}). Make its doors lockable from inside or add "
                "refuge nearby.",
                ctx,
                (where.x, where.y),
                (room.id,),
                CITATION,
                polygon_rings(room.polygon),
            )
        )
    return results
