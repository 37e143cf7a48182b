"""MAP-1: every exterior door is numbered and designated on the responder map."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.map_common import map_citation, this_map
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Designation

RULE_ID = "MAP-1"
TITLE = "Responder map: exterior doors numbered and designated"
CITATION = "Texas 19 TAC 61.1031 and 61.1040; Florida 1013.13; New Jersey 18A:41-7.1"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES, Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds: every exterior door counts."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for each exterior door without a number or without a designation.

    A door's designation is primary (visitor entry), secondary (staff entry) or
    non-designated (egress only); a door still marked "none" has not been decided.
    """
    citation = map_citation(ctx, RULE_ID)
    if citation is None:
        return []
    results = []
    for door in this_map(ctx).doors:
        missing = []
        if not door.number:
            missing.append("no number")
        if door.designation is Designation.NONE:
            missing.append("no designation")
        if not missing:
            continue
        name = f"Exterior door {door.number}" if door.number else "An exterior door"
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{name} (grid {door.cell or '?'}) has {' and '.join(missing)} on "
                "the responder map: number it clockwise from the main entry and "
                "mark it primary, secondary or egress only in Properties.",
                ctx,
                door.position,
                (door.id,),
                citation,
            )
        )
    return results
