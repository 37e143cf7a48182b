"""ROOM-3: a classroom door's vision panel or sidelite is out of reach of its lever."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, sentence
from designreview.analysis.rules.glass_reach import HINGE_UNKNOWN, glass_near_latch
from designreview.analysis.rules.room_locks import occupied_interior_doors
from designreview.model.findings import Finding, Severity

RULE_ID = "ROOM-3"
TITLE = "Door glass out of reach of the lever"
CITATION = "Red Lake (2005) lessons; door hardware guidance (40 in reach)"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})


@dataclass(frozen=True, slots=True)
class Params:
    """How far an arm reaches through broken glass to a lever."""

    reach_m: float = 1.02  # 40 in


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for each occupied room's door with glass beside its lever."""
    results = []
    for room, door in occupied_interior_doors(ctx):
        near = glass_near_latch(ctx, door, params.reach_m)
        if near and not door.hinge_known:
            results.append(
                finding(
                    RULE_ID,
                    Severity.NEEDS_INFORMATION,
                    f"{sentence(door.label)} of {room.label}: glass "
                    f"{min(near) * 39.37:.0f} in from one side of the opening, and "
                    + HINGE_UNKNOWN,
                    ctx,
                    door.center,
                    (*door.subjects, room.id),
                    CITATION,
                )
            )
        elif near:
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"{sentence(door.label)} of {room.label}: glass "
                    f"{min(near) * 39.37:.0f} in from the lever. Put sidelites on "
                    "the hinge side, or use security glazing.",
                    ctx,
                    door.latch,
                    (*door.subjects, room.id),
                    CITATION,
                )
            )
    return results
