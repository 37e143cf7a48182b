"""The analysis subcommands of the command line: ``check`` and ``visibility``.

Coordinates in and out are metres in the drawing's own frame (DXF coordinates times
``scale_to_m``, without the local-origin shift), as PRODUCT.md section 7 promises.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from designreview.analysis.distances import (
    build_walk_index,
    walking_obstacles,
    walking_path,
)
from designreview.analysis.isovist import isovist
from designreview.analysis.obstacles import build_visibility_index, obstacle_segments
from designreview.analysis.run import run_checks
from designreview.analysis.viewpoints import check_viewpoint
from designreview.cli.deadline import time_budget
from designreview.model.errors import DesignReviewError, InsideWallError
from designreview.model.findings import Severity
from designreview.readers.dxf.read import read_dxf
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
        result = run_checks(review, plans)
    origins = dict(plans.items())
    if options.json:
        print(json.dumps(check_report(result, origins), indent=2, ensure_ascii=False))
    else:
        print(_check_text(result, origins))
    failed = result.count(Severity.FAIL) > 0
    return EXIT_STRICT_FAIL if options.strict and failed else EXIT_OK


def check_report(result: CheckResult, plans: dict[str, Plan]) -> dict[str, Any]:
    """The ``check --json`` contract of PRODUCT.md section 7."""
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
                "location": _drawing_point(plans.get(f.sheet_id), f.location),
                "subjects": list(f.subjects),
                "sheet": f.sheet_id,
                "citation": f.citation,
            }
            for f in result.findings
        ],
        "counts": {s.value: result.count(s) for s in Severity},
    }


def run_visibility_command(options: argparse.Namespace) -> int:
    """``designreview visibility PLAN --from X,Y [--fov --dir --range] [--json]``."""
    plan = read_dxf(options.plan)
    index = build_visibility_index(obstacle_segments(plan), extents=plan.extents)
    origin = plan.to_local(options.origin)
    try:
        check_viewpoint(index, origin)
        view = isovist(
            index,
            origin,
            direction_deg=options.dir,
            fov_deg=options.fov,
            range_m=options.range,
        )
    except InsideWallError:
        raise InsideWallError(options.origin) from None  # named as the user wrote it
    except ValueError as exc:
        raise DesignReviewError(f"No visibility from {options.origin}: {exc}") from exc
    polygon = [_drawing_point(plan, (x, y)) for x, y in view.polygon.exterior.coords]
    report = {"area_m2": round(view.area_m2, 4), "polygon": polygon}
    if options.json:
        print(json.dumps(report))
    else:
        print(f"visible area {report['area_m2']} m² ({len(polygon) - 1} corners)")
    return EXIT_OK


def run_distance_command(options: argparse.Namespace) -> int:
    """``designreview distance PLAN --from X,Y --to X,Y [--json]``."""
    plan = read_dxf(options.plan)
    index = build_walk_index(walking_obstacles(plan), extents=plan.extents)
    try:
        path = walking_path(
            index, plan.to_local(options.start), plan.to_local(options.end)
        )
    except InsideWallError as exc:
        raise InsideWallError(plan.to_drawing_m(exc.point)) from None
    except ValueError as exc:
        raise DesignReviewError(f"No walking path: {exc}") from exc
    report: dict[str, Any] = {"walking_m": None, "path": None}
    if path is not None:
        report = {
            "walking_m": round(path.length_m, 4),
            "path": [_drawing_point(plan, p) for p in path.points],
        }
    if options.json:
        print(json.dumps(report))
    elif path is None:
        print("unreachable: no walking path between the two points")
    else:
        print(f"walking distance {report['walking_m']} m")
    return EXIT_OK


def _drawing_point(plan: Plan | None, local: tuple[float, float]) -> list[float]:
    if plan is None:
        return [round(local[0], 4), round(local[1], 4)]
    x, y = plan.to_drawing_m(local)
    return [round(x, 4), round(y, 4)]


def _check_text(result: CheckResult, plans: dict[str, Plan]) -> str:
    counts = ", ".join(f"{result.count(s)} {s.value}" for s in Severity)
    lines = [f"{len(result.findings)} findings: {counts}"]
    for f in result.findings:
        x, y = _drawing_point(plans.get(f.sheet_id), f.location)
        lines.append(
            f"[{f.severity.value}] {f.rule} at ({x:.2f}, {y:.2f}): {f.message}"
        )
    return "\n".join(lines)
