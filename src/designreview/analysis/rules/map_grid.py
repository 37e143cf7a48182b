"""MAP-5: the responder map carries a grid responders can call squares by."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.map_common import map_citation, somewhere, this_map
from designreview.model.findings import Finding, Severity

RULE_ID = "MAP-5"
TITLE = "Responder map: grid present"
CITATION = "Florida 1013.13; New Jersey 18A:41-7.1; CRG practice"
READS = frozenset({Part.PLAN, Part.SPACES, Part.MAP})


@dataclass(frozen=True, slots=True)
class Params:
    """No thresholds: the limits are the grid's labels."""


MAX_COLUMNS, MAX_ROWS = 26, 99
"""Beyond Z a column needs double letters (AA), too easily misheard by radio."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail when there is nothing to grid, or squares too small for A-Z, 1-99."""
    citation = map_citation(ctx, RULE_ID)
    if citation is None:
        return []
    sheet_map = this_map(ctx)
    grid = sheet_map.grid
    if not sheet_map.rooms:
        message = (
            "The responder map has no rooms to lay its grid over; "
            "find or draw the floor's rooms first."
        )
    elif grid.columns > MAX_COLUMNS or grid.rows > MAX_ROWS:
        message = (
            f"The responder map's grid of {grid.label} squares needs {grid.columns} "
            f"columns and {grid.rows} rows (at most {MAX_COLUMNS} x "
            f"{MAX_ROWS}); choose larger squares in File > Responder Map."
        )
    else:
        return []
    return [finding(RULE_ID, Severity.FAIL, message, ctx, somewhere(ctx), (), citation)]
