"""ENTRY-1: exactly one primary visitor entry; other exterior doors are not entries."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Designation

RULE_ID = "ENTRY-1"
TITLE = "One primary visitor entry"
CITATION = "Sandy Hook Advisory Commission (2015) p.51; Texas 19 TAC 61.1040"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})


@dataclass(frozen=True, slots=True)
class Params:
    """How many primary visitor entries a building should have."""

    primary_entries: int = 1


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for too many or no primary entries; needs-information for the rest."""
    exterior = [d for d in ctx.building.doors if ctx.building.is_exterior(d)]
    if not exterior:
        return []
    primary = [
        d for d in exterior if d.designation is Designation.PRIMARY_VISITOR_ENTRY
    ]
    if len(primary) > params.primary_entries:
        names = ", ".join(d.label for d in primary)
        return [
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{len(primary)} doors are marked primary visitor entry ({names}); "
                "visitors must be funnelled through one controlled entry.",
                ctx,
                primary[0].center,
                tuple(s for d in primary for s in d.subjects),
                CITATION,
            )
        ]
    if not primary:
        return [
            finding(
                RULE_ID,
                Severity.NEEDS_INFORMATION,
                f"None of the {len(exterior)} exterior doors is marked as the "
                "primary visitor entry. Mark it with an access point "
                "(designation: primary visitor entry).",
                ctx,
                exterior[0].center,
                (),
                CITATION,
            )
        ]
    return []
