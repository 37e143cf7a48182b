"""ENTRY-5 and ROOM-3: no glass within reach of door hardware.

Glass near an exterior door's latch lets someone break it and open the door from
inside (ENTRY-5); a vision panel or sidelite near a classroom door's lever lets an
attacker reach in and open it (ROOM-3, the Red Lake lesson). Hinge-side glass is fine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, sentence
from designreview.model.findings import Finding, Severity

if TYPE_CHECKING:
    from designreview.analysis.building_view import Door

RULE_ID = "ENTRY-5"
TITLE = "No glass within reach of exterior door hardware"
CITATION = "Sheriff guidance; Texas 19 TAC 61.1031 (40 in reach)"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})


@dataclass(frozen=True, slots=True)
class Params:
    """How far an arm reaches from the glass to the hardware."""

    reach_m: float = 1.02  # 40 in


def glass_near_latch(ctx: CheckContext, door: Door, reach_m: float) -> list[float]:
    """Distances from the latch to glazing within ``reach_m``, not hinge-side.

    When the drawing does not show the hinge, either end may be the latch: glass
    within reach of either is returned, and the checks ask which side it is.
    """
    (hx, hy), (lx, ly) = door.hinge, door.latch
    found = []
    for pane in ctx.building.glazing:
        ends = ((pane[0], pane[1]), (pane[2], pane[3]))
        near = min(_distance(door.latch, end) for end in ends)
        if not door.hinge_known:
            near = min(near, *(_distance(door.hinge, end) for end in ends))
        if near >= reach_m:
            continue
        middle = ((pane[0] + pane[2]) / 2, (pane[1] + pane[3]) / 2)
        beside_hinge = math.dist(middle, (hx, hy)) < math.dist(middle, (lx, ly))
        if beside_hinge and door.hinge_known:
            continue  # beside the hinge: out of reach of the lever
        found.append(near)
    return found


HINGE_UNKNOWN = (
    "the drawing does not show which side its hinge is on. Check the door: glass "
    "on the hinge side is fine, on the lever side it needs security glazing."
)
"""What a check says when it needs the hinge side and the drawing hides it."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for each exterior door with glass near its latch."""
    results = []
    for door in ctx.building.doors:
        if not ctx.building.is_exterior(door):
            continue
        near = glass_near_latch(ctx, door, params.reach_m)
        if near and not door.hinge_known:
            results.append(
                finding(
                    RULE_ID,
                    Severity.NEEDS_INFORMATION,
                    f"{sentence(door.label)} (exterior): glass "
                    f"{min(near) * 39.37:.0f} in from one side of the opening, and "
                    + HINGE_UNKNOWN,
                    ctx,
                    door.center,
                    door.subjects,
                    CITATION,
                )
            )
        elif near:
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"{sentence(door.label)} (exterior): glass "
                    f"{min(near) * 39.37:.0f} in "
                    "from the latch; someone could break it and reach the hardware. "
                    "Use "
                    "security glazing or move the glass to the hinge side.",
                    ctx,
                    door.latch,
                    door.subjects,
                    CITATION,
                )
            )
    return results


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.dist(a, b)
