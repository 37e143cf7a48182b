"""MAP-7: the map was checked on a walk-through within the state's period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules import map_common
from designreview.analysis.rules.base import CheckContext, finding
from designreview.model.findings import Finding, Severity

RULE_ID = "MAP-7"
TITLE = "Responder map: recent walk-through"
CITATION = "Texas Education Code 37.351; Florida 1013.13; New Jersey 18A:41-7.1"
READS = frozenset({Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds: the profile gives the period."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail when the last walk-through is missing, unreadable or too old."""
    citation = map_common.map_citation(ctx, RULE_ID)
    if citation is None or not map_common.is_first_sheet(ctx):
        return []
    text = ctx.review.responder.walkthrough_date.strip()
    days = map_common.profile_of(ctx).walkthrough_days
    message = ""
    if not text:
        message = "The responder map gives no date of the last walk-through."
    else:
        try:
            walked = dt.date.fromisoformat(text)
        except ValueError:
            message = f"The walk-through date {text!r} is not a date (YYYY-MM-DD)."
        else:
            age = (map_common.today() - walked).days
            if age > days:
                message = (
                    f"The last walk-through ({text}) was {age} days ago, more than "
                    f"the {days} days allowed."
                )
    if not message:
        return []
    return [
        finding(
            RULE_ID,
            Severity.FAIL,
            f"{message} Walk the building with responders and enter the date in "
            "File > Responder Map.",
            ctx,
            map_common.somewhere(ctx),
            ("walkthrough",),
            citation,
        )
    ]
