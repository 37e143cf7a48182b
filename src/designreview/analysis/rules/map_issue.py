"""MAP-8: the issued responder map still shows the review as it is (re-issue)."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.responder_map import map_fingerprint
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.map_common import (
    floor_maps,
    is_first_sheet,
    map_citation,
    somewhere,
)
from designreview.model.findings import Finding, Severity

RULE_ID = "MAP-8"
TITLE = "Responder map: issued and up to date"
CITATION = "Texas Education Code 37.351; Florida 1013.13; New Jersey 18A:41-7.1"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES, Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A warning before the first issue; a fail once an edit changed what it shows."""
    citation = map_citation(ctx, RULE_ID)
    if citation is None or not is_first_sheet(ctx):
        return []
    issued = ctx.review.responder.issued
    if issued is None:
        severity = Severity.WARNING
        message = (
            "The responder map has not been issued yet: issue revision 1 in "
            "File > Responder Map (or designreview map --issue)."
        )
    elif issued.fingerprint != map_fingerprint(ctx.review, floor_maps(ctx)):
        severity = Severity.FAIL
        message = (
            f"The responder map is out of date: revision {issued.revision} "
            f"({issued.date}) no longer shows the review as it is. Re-issue it as "
            f"revision {issued.revision + 1} and send it to the responders."
        )
    else:
        return []
    return [
        finding(RULE_ID, severity, message, ctx, somewhere(ctx), ("issue",), citation)
    ]
