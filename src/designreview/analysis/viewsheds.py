"""What an observer or a camera markup sees: its visibility polygon against the walls.

Reviewers often place an observer or a camera right on a wall (a window, a mount).
An origin on a wall has no single answer, so the origin is nudged a centimetre off the
wall, to the side from which it sees the most.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import shapely

from designreview.analysis.isovist import isovist
from designreview.model.markups import Camera, Observer

if TYPE_CHECKING:
    from shapely import Polygon

    from designreview.analysis.obstacles import VisibilityIndex
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup

__all__ = ["NUDGE_M", "markup_viewshed", "visible_from_segment"]

NUDGE_M = 0.01
_NUDGES: tuple[Point2, ...] = (
    (0.0, 0.0), (NUDGE_M, 0.0), (-NUDGE_M, 0.0), (0.0, NUDGE_M), (0.0, -NUDGE_M),
    (NUDGE_M, NUDGE_M), (-NUDGE_M, NUDGE_M), (NUDGE_M, -NUDGE_M), (-NUDGE_M, -NUDGE_M),
)  # fmt: skip


def markup_viewshed(index: VisibilityIndex, markup: Markup) -> Polygon | None:
    """The area ``markup`` sees, or None for markups that do not look.

    Observers see all around; cameras see their field of view up to their range.

    Example:
        >>> import numpy as np
        >>> from designreview.analysis.obstacles import build_visibility_index
        >>> from designreview.model.markups import Stamp
        >>> room = np.array([[0, 0, 10, 0], [10, 0, 10, 10], [10, 10, 0, 10],
        ...                  [0, 10, 0, 0]], dtype=float)
        >>> index = build_visibility_index(room, 1.0)
        >>> s = Stamp("r", "t")
        >>> round(markup_viewshed(index, Observer("o", "s", s, s, (5.0, 5.0))).area, 6)
        100.0
        >>> cam = Camera("c", "s", s, s, (5.0, 5.0), 0.0, 90.0, 100.0)
        >>> round(markup_viewshed(index, cam).area, 6)
        25.0
    """
    if isinstance(markup, Camera):
        options = {
            "direction_deg": markup.direction_deg,
            "fov_deg": markup.fov_deg,
            "range_m": markup.range_m,
        }
    elif isinstance(markup, Observer):
        options = {}
    else:
        return None
    best: Polygon | None = None
    x, y = markup.position
    for dx, dy in _NUDGES:
        try:
            polygon = isovist(index, (x + dx, y + dy), **options).polygon  # type: ignore[arg-type]
        except ValueError:
            continue  # on a wall, or outside the analysed area
        if dx == 0.0 and dy == 0.0:
            return polygon
        if best is None or polygon.area > best.area:
            best = polygon
    return best


def visible_from_segment(
    index: VisibilityIndex, a: Point2, b: Point2, spacing_m: float = 0.1
) -> Polygon:
    """Everything seen from some point of the segment a-b (a window, door glass).

    The union of exact visibility polygons from points spaced ``spacing_m`` along
    the segment, just off it on both sides (the segment itself may lie in a wall).

    Example:
        >>> import numpy as np
        >>> from designreview.analysis.obstacles import build_visibility_index
        >>> walls = np.array([[0, 0, 10, 0], [10, 0, 10, 4], [10, 4, 0, 4],
        ...                   [0, 4, 0, 0], [5, 0, 5, 1.5], [5, 2.5, 5, 4]], float)
        >>> index = build_visibility_index(walls, 1.0)
        >>> seen = visible_from_segment(index, (5.0, 1.5), (5.0, 2.5))
        >>> round(seen.area, 6)  # a window in the partition sees both whole rooms
        40.0
    """
    length = math.dist(a, b)
    steps = max(1, math.ceil(length / spacing_m))
    ux, uy = ((b[0] - a[0]) / length, (b[1] - a[1]) / length) if length else (0, 0)
    views = []
    for i in range(steps + 1):
        t = i / steps
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        for side in (1.0, -1.0):
            origin = (x - uy * NUDGE_M * side, y + ux * NUDGE_M * side)
            try:
                views.append(isovist(index, origin).polygon)
            except ValueError:
                continue
    union = shapely.union_all(views) if views else shapely.Polygon()
    return union if isinstance(union, shapely.Polygon) else union.buffer(0)
