"""Drawn outlines judged by the walls around them: sheet frames and legend swatches.

A room's outline follows its walls. An outline drawn around a lot of wall is a
sheet frame or a floor outline; the container rule (an outline around other
rooms) misses it when the floor inside has no room outlines of its own, as in a
sheet that repeats one floor as a security or circulation diagram. An outline far
from every wall and not walled in on all four sides lies outside the building:
a legend swatch, or a mark on a site. Such strays are only dropped when most
outlines of the drawing do lie along walls; a site plan whose outlines are all
away from walls is left as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

if TYPE_CHECKING:
    import numpy.typing as npt

    from designreview.model.plan import SegmentArray

__all__ = ["AROUND_WALLS", "NEAR_WALL_M", "misplaced_outlines"]

AROUND_WALLS = 3.0
"""An outline with more wall inside it than this many times its own length is a
frame. Corpus: frames hold 4.6-5 times their length; stair rooms, whose railings
are drawn on the wall layer, at most 1.8."""
INSIDE_M = 1.0
"""Wall this far inside the outline counts as inside (not the room's own walls)."""
NEAR_WALL_M = 1.0
"""An outline with no wall this close is away from the walls. Corpus: room
outlines touch their walls (0 m); legend swatches are 2.7-5.7 m away."""


def misplaced_outlines(
    polygons: npt.NDArray[np.object_], walls: SegmentArray
) -> npt.NDArray[np.bool_]:
    """True for outlines that are no rooms by their walls: frames and strays.

    Args:
        polygons: the outlines as shapely polygons, in local metres.
        walls: wall segments (N x 4) in the same coordinates.

    Example:
        >>> box = shapely.box  # a 20 x 10 m floor of 2 x 2 m rooms
        >>> walls = np.array([[x, 0, x, 10] for x in range(0, 21, 2)]
        ...                  + [[0, y, 20, y] for y in range(0, 11, 2)], dtype=float)
        >>> rooms = [box(0, 0, 2, 2), box(2, 0, 4, 2), box(0, 2, 2, 4)]
        >>> frame, swatch = box(-1.5, -1.5, 21.5, 11.5), box(3, -4, 5, -3)
        >>> misplaced_outlines(np.array([*rooms, frame, swatch]), walls).tolist()
        [False, False, False, True, True]
    """
    found: npt.NDArray[np.bool_] = np.zeros(len(polygons), dtype=bool)
    seg = np.asarray(walls, dtype=np.float64).reshape(-1, 4)
    seg = seg[np.isfinite(seg).all(axis=1)]
    if len(polygons) == 0 or len(seg) == 0:
        return found
    lines = np.asarray(shapely.linestrings(seg.reshape(-1, 2, 2)))
    tree = shapely.STRtree(lines)
    found |= _around_walls(polygons, lines, tree)
    return found | _strays(polygons, seg, tree)


def _around_walls(
    polygons: npt.NDArray[np.object_],
    lines: npt.NDArray[np.object_],
    tree: shapely.STRtree,
) -> npt.NDArray[np.bool_]:
    """True for outlines with much more wall inside than their own length."""
    inner = np.asarray(shapely.buffer(polygons, -INSIDE_M))
    which, hit = tree.query(inner, predicate="intersects")
    inside = shapely.length(shapely.intersection(lines[hit], inner[which]))
    wall = np.bincount(which, weights=inside, minlength=len(polygons))
    around: npt.NDArray[np.bool_] = wall > AROUND_WALLS * shapely.length(polygons)
    return around


def _strays(
    polygons: npt.NDArray[np.object_], seg: SegmentArray, tree: shapely.STRtree
) -> npt.NDArray[np.bool_]:
    """True for outlines away from every wall and not walled in on all sides.

    Only when most outlines are near walls: otherwise the drawing draws no rooms
    along walls (a site plan) and there is nothing to stray from.
    """
    touching, _ = tree.query(polygons, predicate="intersects")  # most: quick
    away = np.ones(len(polygons), dtype=bool)
    away[touching] = False
    rest = np.flatnonzero(away)
    near, _ = tree.query(polygons[rest], predicate="dwithin", distance=NEAR_WALL_M)
    away[rest[near]] = False
    stray: npt.NDArray[np.bool_] = np.zeros(len(polygons), dtype=bool)
    if not away.any() or np.count_nonzero(away) * 2 >= len(polygons):
        return stray
    candidates = np.flatnonzero(away)  # rays only from these: they cross the plan
    stray[candidates] = ~_walled_in(polygons[candidates], seg, tree)
    return stray


def _walled_in(
    polygons: npt.NDArray[np.object_], seg: SegmentArray, tree: shapely.STRtree
) -> npt.NDArray[np.bool_]:
    """Whether a wall lies ahead of each outline in all four directions."""
    xy = shapely.get_coordinates(shapely.point_on_surface(polygons))
    reach = float(np.ptp(seg[:, [0, 2]]) + np.ptp(seg[:, [1, 3]])) + 1.0
    ahead = np.array([(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)]) * reach
    ends = xy[:, None, :] + ahead[None, :, :]  # outline x direction x (x, y)
    starts = np.broadcast_to(xy[:, None, :], ends.shape)
    rays = shapely.linestrings(np.stack([starts, ends], axis=2).reshape(-1, 2, 2))
    hit_rays = np.unique(tree.query(rays, predicate="intersects")[0])
    directions = np.bincount(hit_rays // 4, minlength=len(polygons))
    walled: npt.NDArray[np.bool_] = directions == len(ahead)
    return walled
