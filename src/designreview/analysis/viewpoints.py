"""Whether a point can see: not inside a wall's or a column's solid.

Walls are drawn as their two faces, columns as small closed outlines. A point between
the faces of a wall has an isovist (the strip between them, e.g. 1.98 m² for a 0.2 m
wall 9.9 m long) but no meaning: nobody stands there. :func:`inside_wall` tells such
a point from one in a room by what it sees close by: inside a solid, nothing it sees
within ``LOCAL_M`` has room for a circle ``MAX_WALL_M`` across; in a room, even one in
a corner or right against a wall, something does. It needs no pairing of wall faces,
so it holds at wall corners and junctions and inside rectangular and round columns.

Walls thicker than ``MAX_WALL_M`` and columns wider than it both ways look like small
rooms, and a point within about one wall thickness of a wall's open end (a wall whose
end is not drawn) sees out of it; those are not reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely

from designreview.analysis.isovist import isovist
from designreview.model.errors import InsideWallError

if TYPE_CHECKING:
    from designreview.analysis.obstacles import VisibilityIndex
    from designreview.model.geometry import Point2

__all__ = ["LOCAL_M", "MAX_WALL_M", "check_viewpoint", "inside_wall"]

MAX_WALL_M = 0.6
"""The thickest wall (and widest column) recognised: thicker walls are rare, and
narrower gaps than this are no place to stand (a corridor is 0.9 m or more)."""
LOCAL_M = 1.0
"""How far round the point to look for open space (a point 5 cm from both walls of a
room's corner still sees a 0.6 m circle within 1 m)."""


def inside_wall(index: VisibilityIndex, point: Point2) -> bool:
    """Whether ``point`` lies inside a wall or a column (see the module docstring).

    A point on a wall, or outside the index's box, is not inside one here: the
    isovist reports those itself.

    Example:
        A room 4 m by 3 m whose south wall is 0.2 m thick (faces y = 0 and y = 0.2,
        the ends closed), and a 0.4 m column in the middle:

        >>> from designreview.analysis.obstacles import build_visibility_index
        >>> walls = [[0, 0, 4, 0], [0, 0.2, 4, 0.2], [0, 0, 0, 0.2], [4, 0, 4, 0.2],
        ...          [0, 0.2, 0, 3], [0, 3, 4, 3], [4, 3, 4, 0.2],
        ...          [1.8, 1.4, 2.2, 1.4], [2.2, 1.4, 2.2, 1.8], [2.2, 1.8, 1.8, 1.8],
        ...          [1.8, 1.8, 1.8, 1.4]]
        >>> index = build_visibility_index(walls, 1.0)
        >>> inside_wall(index, (2, 0.1)), inside_wall(index, (2, 1.6))
        (True, True)
        >>> inside_wall(index, (2, 0.25)), inside_wall(index, (0.05, 0.25))
        (False, False)
    """
    x, y = float(point[0]), float(point[1])
    here = shapely.Point(x, y)
    if not index.segment_tree.query(here, "dwithin", distance=MAX_WALL_M / 2).size:
        return False  # inside a solid, a face is at most half its thickness away
    try:
        near = isovist(index, (x, y), range_m=LOCAL_M).polygon
    except ValueError:
        return False  # on a wall or outside the box: not for this test to say
    return bool(shapely.buffer(near, -MAX_WALL_M / 2, quad_segs=4).is_empty)


def check_viewpoint(index: VisibilityIndex, point: Point2) -> None:
    """Raise when ``point`` lies inside a wall or a column.

    Raises:
        InsideWallError: When :func:`inside_wall` says so; the message names
            ``point`` and says to pick a point in a room or corridor.

    Example:
        >>> from designreview.analysis.obstacles import build_visibility_index
        >>> index = build_visibility_index([[0, 0, 4, 0], [0, 0.2, 4, 0.2]], 1.0)
        >>> try:
        ...     check_viewpoint(index, (2, 0.1))
        ... except InsideWallError as error:
        ...     print(error)
        the point (2, 0.1) lies inside a wall; pick a point in a room or corridor
    """
    if inside_wall(index, point):
        raise InsideWallError((float(point[0]), float(point[1])))
