"""What a walk found, kept to one region of the drawing (one floor among several).

A sheet for one of several floors drawn side by side reads only what lies in its
region; cutting the walk's primitives before doors, rooms and walls are recognised
gives each floor its own building, while the file itself is read once for all.
"""

from __future__ import annotations

from array import array
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from designreview.recognition.found import WalkResult

if TYPE_CHECKING:
    from designreview.model.geometry import Extents, Point2

__all__ = ["within_region"]


def within_region(found: WalkResult, region: Extents) -> WalkResult:
    """The primitives of ``found`` that lie in ``region`` (both in drawing units).

    A line belongs to the region its middle lies in, so a line is never cut in two
    (floors' regions stop at the middle of the empty band between them, where no
    line lies); a text by its insertion point, a door by its hinge, an arc by its
    centre, an outline by the middle of its box. Counts per layer (entities,
    inserts) stay those of the whole drawing.

    Example:
        >>> from designreview.model.geometry import Extents
        >>> lines = array("d", [0, 0, 4, 0, 50, 0, 54, 0])  # two, 46 apart
        >>> found = WalkResult(segments={"WALL": lines})
        >>> list(within_region(found, Extents(-1, -1, 10, 10)).segments["WALL"])
        [0.0, 0.0, 4.0, 0.0]
    """
    kept = WalkResult(
        segments={},
        texts=[t for t in found.texts if _inside(region, (t.x, t.y))],
        top_level_counts=Counter(found.top_level_counts),
        inserts_by_layer=Counter(found.inserts_by_layer),
        block_inserts=Counter(found.block_inserts),
        skipped=Counter(found.skipped),
        visited=found.visited,
        largest_curve=found.largest_curve,
        doors=[d for d in found.doors if _inside(region, d.swing.hinge)],
        door_arcs=[a for a in found.door_arcs if _inside(region, a.center)],
        outlines=[o for o in found.outlines if _inside(region, _middle(o.points))],
        fixtures=[f for f in found.fixtures if _inside(region, f.at)],
        window_segments=_segments_within(found.window_segments, region),
    )
    for layer, buf in found.segments.items():
        segments = _segments_within(buf, region)
        if len(segments):
            kept.segments[layer] = segments
    # Closed polylines are counted per layer, not placed: a layer keeps its count
    # where it still has lines (a layer per room lies in one floor).
    kept.closed_outlines = Counter(
        {k: n for k, n in found.closed_outlines.items() if k in kept.segments}
    )
    kept.segment_count = sum(len(buf) // 4 for buf in kept.segments.values())
    return kept


def _segments_within(buf: array[float], region: Extents) -> array[float]:
    segs = np.frombuffer(buf, dtype=np.float64).reshape(-1, 4)
    mx = (segs[:, 0] + segs[:, 2]) / 2.0
    my = (segs[:, 1] + segs[:, 3]) / 2.0
    inside = (
        (mx >= region.min_x)
        & (mx <= region.max_x)
        & (my >= region.min_y)
        & (my <= region.max_y)
    )
    return array("d", segs[inside].ravel().tobytes())


def _inside(box: Extents, point: Point2) -> bool:
    return box.min_x <= point[0] <= box.max_x and box.min_y <= point[1] <= box.max_y


def _middle(points: tuple[Point2, ...]) -> Point2:
    if not points:
        return (float("nan"), float("nan"))
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return ((min(xs) + max(xs)) / 2.0, (min(ys) + max(ys)) / 2.0)
