"""MAP-6: the responder assets the state requires are on the map or marked absent."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.map_common import (
    is_first_sheet,
    map_citation,
    profile_of,
    somewhere,
)
from designreview.model.findings import Finding, Severity
from designreview.model.markups import ResponderMark
from designreview.model.responder import ASSET_NAMES

RULE_ID = "MAP-6"
TITLE = "Responder map: required assets present"
CITATION = "Texas 19 TAC 61.1040; Florida 1013.13; New Jersey 18A:41-7.1"
READS = frozenset({Part.PLAN, Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds: the profile lists the assets."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per required asset found on no floor and not marked "none on site".

    The whole review counts (a gas shut-off on the lower floor serves the school),
    so the findings are reported once, on the first floor.
    """
    citation = map_citation(ctx, RULE_ID)
    if citation is None or not is_first_sheet(ctx):
        return []
    review = ctx.review
    placed = {m.kind for m in review.markups if isinstance(m, ResponderMark)}
    absent = set(review.responder.none_on_site)
    missing = [
        kind
        for kind in profile_of(ctx).required_assets
        if kind not in placed and kind not in absent
    ]
    return [
        finding(
            RULE_ID,
            Severity.FAIL,
            f"The responder map shows no {_lower(ASSET_NAMES[kind])}: place one "
            "with the Responder mark tool, or tick it as none on site in File > "
            "Responder Map.",
            ctx,
            somewhere(ctx),
            (f"asset:{kind.value}",),
            citation,
        )
        for kind in missing
    ]


def _lower(name: str) -> str:
    """A name inside a sentence: "key box (Knox box)", but "AED" stays."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]
