"""``designreview visibility`` and ``distance``: geometric questions of one drawing.

Coordinates in and out are metres in the drawing's own frame (DXF coordinates times
``scale_to_m``, without the local-origin shift), as PRODUCT.md section 7 promises.
What the questions are asked of (the blocking segments, the walking graph) comes from
:mod:`~designreview.cli.query_cache` when an earlier run built it for the same drawing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from designreview.analysis.distances import walking_path
from designreview.analysis.isovist import isovist
from designreview.analysis.obstacles import build_visibility_index
from designreview.analysis.viewpoints import check_viewpoint
from designreview.cli.query_cache import (
    PlanGeometry,
    cached_walk_index,
    drawing_cache,
    plan_geometry,
)
from designreview.model.errors import DesignReviewError, InsideWallError

if TYPE_CHECKING:
    import argparse

    from designreview.model.plan import Plan

EXIT_OK = 0


def run_visibility_command(options: argparse.Namespace) -> int:
    """``designreview visibility PLAN --from X,Y [--fov --dir --range] [--json]``."""
    plan = plan_geometry(options.plan, drawing_cache(options.plan))
    index = build_visibility_index(plan.sight_segments, extents=plan.extents)
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
    polygon = [drawing_point(plan, (x, y)) for x, y in view.polygon.exterior.coords]
    report = {"area_m2": round(view.area_m2, 4), "polygon": polygon}
    if options.json:
        print(json.dumps(report))
    else:
        print(f"visible area {report['area_m2']} m² ({len(polygon) - 1} corners)")
    return EXIT_OK


def run_distance_command(options: argparse.Namespace) -> int:
    """``designreview distance PLAN --from X,Y --to X,Y [--json]``."""
    cache = drawing_cache(options.plan)
    plan = plan_geometry(options.plan, cache)
    index = cached_walk_index(plan, cache)
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
            "path": [drawing_point(plan, p) for p in path.points],
        }
    if options.json:
        print(json.dumps(report))
    elif path is None:
        print("unreachable: no walking path between the two points")
    else:
        print(f"walking distance {report['walking_m']} m")
    return EXIT_OK


def drawing_point(
    plan: Plan | PlanGeometry | None, local: tuple[float, float]
) -> list[float]:
    """A local point as the command line writes it: drawing metres, to 0.1 mm."""
    if plan is None:
        return [round(local[0], 4), round(local[1], 4)]
    x, y = plan.to_drawing_m(local)
    return [round(x, 4), round(y, 4)]
