"""What an observer or a camera markup sees: its visibility polygon against the walls.

Reviewers often place an observer or a camera right on a wall (a window, a mount).
An origin on a wall has no single answer, so the origin is nudged a centimetre off the
wall, to the side from which it sees the most, and never into the wall's solid. An
origin deeper inside a wall or a column sees nothing (:func:`require_viewshed` says
so; :func:`markup_viewshed` gives None).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.analysis.isovist import isovist
from designreview.analysis.viewpoints import inside_wall
from designreview.model.errors import InsideWallError
from designreview.model.markups import Camera, Observer

if TYPE_CHECKING:
    from shapely import Polygon

    from designreview.analysis.obstacles import VisibilityIndex
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup

__all__ = ["NUDGE_M", "markup_viewshed", "require_viewshed"]

NUDGE_M = 0.01
_NUDGES: tuple[Point2, ...] = (
    (0.0, 0.0), (NUDGE_M, 0.0), (-NUDGE_M, 0.0), (0.0, NUDGE_M), (0.0, -NUDGE_M),
    (NUDGE_M, NUDGE_M), (-NUDGE_M, NUDGE_M), (NUDGE_M, -NUDGE_M), (-NUDGE_M, -NUDGE_M),
)  # fmt: skip


def markup_viewshed(index: VisibilityIndex, markup: Markup) -> Polygon | None:
    """The area ``markup`` sees, or None for markups that do not look.

    Observers see all around; cameras see their field of view up to their range. A
    markup inside a wall or a column, or outside the analysed area, sees nothing
    (None); :func:`require_viewshed` says why.

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
    try:
        return require_viewshed(index, markup)
    except ValueError:
        return None


def require_viewshed(index: VisibilityIndex, markup: Markup) -> Polygon | None:
    """The area ``markup`` sees (None for markups that do not look), or why not.

    Raises:
        InsideWallError: When the markup stands inside a wall or a column and no
            nudge of a centimetre takes it out (the message names its position,
            in the index's frame).
        ValueError: When it stands outside the analysed area.

    Example:
        >>> from designreview.analysis.obstacles import build_visibility_index
        >>> from designreview.model.markups import Stamp
        >>> wall = [[0, 0, 4, 0], [0, 0.2, 4, 0.2], [0, 0, 0, 0.2], [4, 0, 4, 0.2]]
        >>> s = Stamp("r", "t")
        >>> index = build_visibility_index(wall, 1.0)
        >>> require_viewshed(index, Observer("o", "s", s, s, (2.0, 0.1)))
        Traceback (most recent call last):
        ...
        designreview.model.errors.InsideWallError: the point (2, 0.1) lies inside a wall; pick a point in a room or corridor
    """  # noqa: E501
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
    first: ValueError | None = None
    x, y = markup.position
    for dx, dy in _NUDGES:
        origin = (x + dx, y + dy)
        try:
            if inside_wall(index, origin):
                raise InsideWallError(origin)
            polygon = isovist(index, origin, **options).polygon
        except ValueError as error:
            first = first or error
            continue  # on a wall, in one, or outside the analysed area
        if dx == 0.0 and dy == 0.0:
            return polygon
        if best is None or polygon.area > best.area:
            best = polygon
    if best is None and first is not None:
        raise first
    return best
