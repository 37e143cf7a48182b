"""MAP-2: every room on the responder map carries its number."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.map_common import map_citation, this_map
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType

RULE_ID = "MAP-2"
TITLE = "Responder map: rooms labelled"
CITATION = "Texas Education Code 37.351; Florida 1013.13; New Jersey 18A:41-7.1"
READS = frozenset({Part.PLAN, Part.SPACES, Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds: every room counts."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for each room, hallways aside (MAP-3), without a room number."""
    citation = map_citation(ctx, RULE_ID)
    if citation is None:
        return []
    results = []
    for room in this_map(ctx).rooms:
        if room.space_type is SpaceType.CORRIDOR or room.number:
            continue
        what = f"Room {room.name}" if room.name else "A room"
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{what} (grid {room.cell or '?'}) has no room number on the "
                "responder map; give the space its number in Properties.",
                ctx,
                room.anchor,
                (room.id,),
                citation,
            )
        )
    return results
