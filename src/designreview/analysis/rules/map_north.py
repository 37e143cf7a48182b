"""MAP-4: the responder map is oriented to true north, so each floor needs it."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.map_common import map_citation, somewhere
from designreview.model.findings import Finding, Severity

RULE_ID = "MAP-4"
TITLE = "Responder map: true north set"
CITATION = "Florida 1013.13; New Jersey 18A:41-7.1; Texas Education Code 37.351"
READS = frozenset({Part.PLAN, Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail when neither the reviewer nor the IFC model says where north is."""
    citation = map_citation(ctx, RULE_ID)
    if citation is None or ctx.building.true_north_deg is not None:
        return []
    return [
        finding(
            RULE_ID,
            Severity.FAIL,
            "True north is not set for this floor, so the responder map cannot be "
            "turned north-up; set it with Sheet > True North... (degrees clockwise "
            "from the plan's up).",
            ctx,
            somewhere(ctx),
            (),
            citation,
        )
    ]
