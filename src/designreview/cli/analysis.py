"""``designreview check``: the review checks on a plan or a review, as findings.

Coordinates in and out are metres in the drawing's own frame (DXF coordinates times
``scale_to_m``, without the local-origin shift), as PRODUCT.md section 7 promises.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from designreview.analysis.index_cache import IndexCache
from designreview.analysis.run import run_checks
from designreview.cli.deadline import time_budget
from designreview.cli.queries import drawing_point
from designreview.model.bim_links import subject_guids
from designreview.model.findings import Severity
from designreview.model.ids import ReviewId
from designreview.model.review import Review
from designreview.review_file.inputs import load_review_and_plans

if TYPE_CHECKING:
    import argparse

    from designreview.analysis.run import CheckResult
    from designreview.model.plan import Plan

EXIT_OK, EXIT_STRICT_FAIL = 0, 1


def run_check_command(options: argparse.Namespace) -> int:
    """``designreview check FILE [--json] [--strict]``."""
    with time_budget(options.time_limit, f"Checking {options.file.name}"):
        review, plans = load_review_and_plans(options.file)
        # Sheets over the same lines (copies of one floor) share their indexes.
        result = run_checks(review, plans, indexes=IndexCache())
    origins = dict(plans.items())
    if options.json:
        report = check_report(result, origins, review)
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(_check_text(result, origins))
    failed = result.count(Severity.FAIL) > 0
    return EXIT_STRICT_FAIL if options.strict and failed else EXIT_OK


def check_report(
    result: CheckResult, plans: dict[str, Plan], review: Review | None = None
) -> dict[str, Any]:
    """The ``check --json`` contract of PRODUCT.md section 7.

    Each finding also names the IFC GlobalIds of its subjects (``ifc_guids``; empty
    for a DXF plan), so scripts can find the element in the BIM model.
    """
    known = review if review is not None else Review(ReviewId(""))
    return {
        "spaces": [
            {
                "id": r.id,
                "name": r.name,
                "type": r.space_type,
                "type_source": r.type_source,
                "area_m2": r.area_m2,
                "hard_corner_m2": r.hard_corner_m2,
                "sheet": r.sheet_id,
            }
            for r in result.rooms
        ],
        "findings": [
            {
                "id": f.key,
                "rule": f.rule,
                "severity": f.severity.value,
                "message": f.message,
                "location": drawing_point(plans.get(f.sheet_id), f.location),
                "subjects": list(f.subjects),
                "ifc_guids": list(
                    subject_guids(f.subjects, known, plans.get(f.sheet_id))
                ),
                "sheet": f.sheet_id,
                "citation": f.citation,
            }
            for f in result.findings
        ],
        "counts": {s.value: result.count(s) for s in Severity},
    }


def _check_text(result: CheckResult, plans: dict[str, Plan]) -> str:
    counts = ", ".join(f"{result.count(s)} {s.value}" for s in Severity)
    lines = [f"{len(result.findings)} findings: {counts}"]
    for f in result.findings:
        x, y = drawing_point(plans.get(f.sheet_id), f.location)
        lines.append(
            f"[{f.severity.value}] {f.rule} at ({x:.2f}, {y:.2f}): {f.message}"
        )
    return "\n".join(lines)
