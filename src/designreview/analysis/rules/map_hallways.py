"""MAP-3: every hallway on the responder map has a name."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.map_common import map_citation, this_map
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType

RULE_ID = "MAP-3"
TITLE = "Responder map: hallways named"
CITATION = "Texas Education Code 37.351; Florida 1013.13; New Jersey 18A:41-7.1"
READS = frozenset({Part.PLAN, Part.SPACES, Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds: every corridor counts."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for each corridor without a hallway name mark inside it."""
    citation = map_citation(ctx, RULE_ID)
    if citation is None:
        return []
    return [
        finding(
            RULE_ID,
            Severity.FAIL,
            f"Corridor {room.number or ''} (grid {room.cell or '?'}) has no "
            "hallway name on the responder map; place a Hallway name mark in it "
            "(Responder mark tool) with the name responders will use.",
            ctx,
            room.anchor,
            (room.id,),
            citation,
        )
        for room in this_map(ctx).rooms
        if room.space_type is SpaceType.CORRIDOR and not room.hallway
    ]
