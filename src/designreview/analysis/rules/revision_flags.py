"""REV-1: markups whose door or room the revised drawing no longer has.

When a sheet's drawing is replaced (``analysis.revision``), a markup whose door or
room is gone is kept where it was and flagged, never dropped. This check lists
each one until a reviewer moves or deletes it, so nothing marked on the old
drawing silently points at nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import ALL_PARTS, Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.model.findings import Finding, Severity
from designreview.model.merge import markup_label

RULE_ID = "REV-1"
TITLE = "Markups left without their door or room by a revision"
CITATION = "Review practice: a revised drawing is checked against every markup"
READS = ALL_PARTS - {Part.SETTINGS}
"""A flagged markup may be of any kind; no threshold matters."""


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds: a markup has lost its anchor or it has not."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A warning per flagged markup still in the review, unchanged since."""
    sheet = next((s for s in ctx.review.sheets if s.id == ctx.sheet_id), None)
    if sheet is None or sheet.revision is None or not sheet.revision.flagged:
        return []
    revision = sheet.revision
    drawing = revision.previous_name
    results = []
    for markup in ctx.review.markups:
        if markup.sheet_id != sheet.id or not revision.still_flagged(markup):
            continue
        anchor = getattr(markup, "position", None)
        vertices = getattr(markup, "vertices", ())
        at = anchor if anchor is not None else (vertices[0] if vertices else (0.0, 0.0))
        results.append(
            finding(
                RULE_ID,
                Severity.WARNING,
                f"{markup_label(markup)} was on a door or room of {drawing} that the "
                "revised drawing does not have; move it to where it belongs, or "
                "delete it.",
                ctx,
                (float(at[0]), float(at[1])),
                (markup.id,),
                CITATION,
            )
        )
    return results
