"""Walkable space for walking distances: its corners and their visibility graph.

A walker keeps a body clearance from walls: the walkable space is the analysed box
minus every wall buffered by ``clearance_m``, so an opening of width w leaves a passage
of w - 2 * clearance and a narrower crack is closed. The buffer has ``ARC_SEGMENTS``
chords per quarter circle, inscribed in the circle: round a wall end a path comes to
92 % of the clearance, and a 90-degree turn there is up to 8 mm short.

A shortest path in a polygonal region bends only at reflex corners (the clearance
round a door jamb, a wall end, a column), wrapping round them (Lozano-Perez & Wesley
1979). The index holds those corners and their *visibility graph*: an edge for every
pair that see each other along a line tangent to the walls at both ends. Visibility
comes from exact isovists (:mod:`designreview.analysis.isovist`) with the walkable
boundary as walls: one per corner when the index is built, one per query point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import shapely

from designreview.analysis.isovist import isovist
from designreview.analysis.obstacles import VisibilityIndex, build_visibility_index
from designreview.analysis.triangulation import SNAP_GRID_M, clean_segments
from designreview.model.errors import InsideWallError

if TYPE_CHECKING:
    from designreview.model.geometry import Extents, Point2

__all__ = [
    "ARC_SEGMENTS",
    "View",
    "WalkIndex",
    "assemble_walk_index",
    "build_walk_index",
    "locate",
    "view",
]

ARC_SEGMENTS = 2
"""Chords per quarter circle of the clearance round wall ends (GEOS ``quad_segs``)."""
_NUDGE_M = (1e-5, 1e-4)
"""A corner's isovist is taken this far off it, as nothing is seen from a wall."""
_OFF_EDGE_M = 2e-6
"""Query points closer than this to the walkable boundary are moved off it."""

Floats = np.ndarray[tuple[int, ...], np.dtype[np.float64]]
Ints = np.ndarray[tuple[int, ...], np.dtype[np.intp]]


@dataclass(frozen=True, slots=True, eq=False)
class WalkIndex:
    """Walls prepared for walking distances; build it once per plan.

    Attributes:
        bounds: The analysed box ``(min_x, min_y, max_x, max_y)``, the walls' box
            grown by the margin: paths may leave the building through exits.
        clearance_m: How far a walker keeps from walls.
        snap_m: How far a point inside a wall's clearance is moved out of it.
        walkable: The walkable area, prepared; its holes are walls with clearance.
        sight: Visibility with the walkable boundary as walls.
        corners: (N, 2) reflex corners of the walkable area, where paths bend.
        hinges: (N, 4) the boundary vertices before and after each corner.
        corner_keys: The corners as sorted complex numbers x + iy.
        corner_order: Which corner each key is.
        neighbours: For each corner, the corners it sees along a tangent line.
        lengths: For each corner, the distances to those neighbours, in metres.
        wall_tree: The walls as drawn (cleaned), to tell a point in a wall's
            clearance from one inside the wall (see :func:`locate`).
    """

    bounds: tuple[float, float, float, float]
    clearance_m: float
    snap_m: float
    walkable: shapely.Geometry
    sight: VisibilityIndex
    corners: Floats
    hinges: Floats
    corner_keys: npt.NDArray[np.complex128]
    corner_order: Ints
    neighbours: tuple[tuple[int, ...], ...]
    lengths: tuple[tuple[float, ...], ...]
    wall_tree: shapely.STRtree


@dataclass(frozen=True, slots=True, eq=False)
class View:
    """What a point sees: its isovist and the corners where a path from it may bend."""

    polygon: shapely.Polygon
    corners: Ints
    lengths: Floats


def build_walk_index(
    walls: npt.ArrayLike,
    clearance_m: float = 0.2,
    *,
    extents: Extents | None = None,
    margin_m: float = 5.0,
    snap_m: float = 0.5,
) -> WalkIndex:
    """Prepare walls for walking distances: walkable area, corners, visibility graph.

    Args:
        walls: (N, 4) segments ``[x1, y1, x2, y2]`` in metres that nobody walks
            through (see :func:`designreview.analysis.distances.walking_obstacles`).
        clearance_m: Body clearance kept from walls, > 0.
        extents: An area that must lie inside the analysed box as well.
        margin_m: Walkable space kept round everything, > 0 (outside the building).
        snap_m: Points at most this far inside a wall's clearance are moved out.

    Returns:
        The index. A 300-room school (2.5k segments, 3.9k corners) takes about
        0.8 s, mostly one isovist per corner (``benchmarks/bench_distances.py``).

    Raises:
        ValueError: When there is nothing to bound or nowhere to walk, or a size is
            out of range.

    Example:
        A 2 m wall; the clearance round each end is half an octagon, 5 corners:

        >>> index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25, margin_m=2)
        >>> index.bounds, len(index.corners)
        ((-2.0, -3.0, 2.0, 3.0), 10)
    """
    if not (clearance_m > 0 and margin_m > 0 and snap_m >= 0):
        raise ValueError(
            "clearance_m and margin_m must be positive and snap_m not negative, not "
            f"{clearance_m}, {margin_m} and {snap_m}"
        )
    segments = clean_segments(walls)
    bounds = _box(segments, extents, float(margin_m))
    walkable = _walkable(segments, bounds, float(clearance_m))
    return assemble_walk_index(
        segments, bounds, float(clearance_m), float(snap_m), walkable
    )


def assemble_walk_index(
    segments: Floats,
    bounds: tuple[float, float, float, float],
    clearance_m: float,
    snap_m: float,
    walkable: shapely.Geometry,
    edges: Ints | None = None,
    corner_count: int | None = None,
) -> WalkIndex:
    """The index round ``walkable``; its visibility graph found, unless given.

    The second half of :func:`build_walk_index`, public for
    :mod:`~designreview.analysis.walk_parts`, which saves the costly first half and
    the graph. ``edges`` (each pair of corners once, sorted) and ``corner_count``
    come from a saved index; a mismatch with ``walkable`` raises ValueError.
    """
    boundary, corners, hinges, inward = _outline(walkable)
    if corner_count is not None and corner_count != len(corners):
        raise ValueError(
            f"the saved graph has {corner_count} corners, the area {len(corners)}"
        )
    if (
        edges is not None
        and edges.size
        and not (edges.min() >= 0 and edges.max() < len(corners))
    ):
        raise ValueError("the saved graph names corners the area does not have")
    sight = build_visibility_index(boundary, bounds_margin_m=1.0)
    keys = corners[:, 0] + 1j * corners[:, 1]
    order = np.argsort(keys)
    if edges is None:
        pairs = _corner_pairs(sight, corners, inward, keys[order], order)
        pairs = pairs[_tangent(corners[pairs[:, 1]], pairs[:, 0], corners, hinges)]
        pairs = pairs[_tangent(corners[pairs[:, 0]], pairs[:, 1], corners, hinges)]
        edges = np.unique(np.sort(pairs, axis=1), axis=0)
    neighbours, lengths = _adjacency(edges, corners)
    shapely.prepare(walkable)
    return WalkIndex(
        bounds, clearance_m, snap_m, walkable, sight, corners, hinges, keys[order],
        order, neighbours, lengths,
        shapely.STRtree(np.asarray(shapely.linestrings(segments.reshape(-1, 2, 2)))),
    )  # fmt: skip


def _box(
    segments: Floats, extents: Extents | None, margin: float
) -> tuple[float, float, float, float]:
    """The segments' and the extents' bounding box, grown by ``margin``."""
    xy = segments.reshape(-1, 2)
    if extents is not None:
        xy = np.vstack(
            [xy, [[extents.min_x, extents.min_y], [extents.max_x, extents.max_y]]]
        )
    if not len(xy):
        raise ValueError("no walls and no extents: nothing to bound the walking area")
    (x0, y0), (x1, y1) = xy.min(axis=0) - margin, xy.max(axis=0) + margin
    return (float(x0), float(y0), float(x1), float(y1))


def _walkable(
    segments: Floats, bounds: tuple[float, float, float, float], clearance: float
) -> shapely.Geometry:
    """The box minus the buffered walls (to 1 um), the walkable side on the left."""
    lines = shapely.linestrings(segments.reshape(-1, 2, 2))
    buffers = shapely.buffer(lines, clearance, quad_segs=ARC_SEGMENTS)
    blocked = shapely.union_all(buffers)
    free = shapely.set_precision(
        shapely.difference(shapely.box(*bounds), blocked), SNAP_GRID_M
    )
    if free.is_empty:
        raise ValueError("the walls and their clearance leave nowhere to walk")
    return shapely.orient_polygons(free)


def _outline(walkable: shapely.Geometry) -> tuple[Floats, Floats, Floats, Floats]:
    """Boundary segments; reflex corners, their neighbours and inward bisectors."""
    rings = shapely.get_rings(shapely.get_parts(walkable))
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    keep = np.r_[ring[1:] == ring[:-1], False]  # drop each ring's closing vertex
    scale = 1 / SNAP_GRID_M  # rounded exactly as clean_segments rounds
    xy = np.round(xy[keep] * scale) / scale + 0.0
    _, ring, counts = np.unique(ring[keep], return_inverse=True, return_counts=True)
    starts = np.r_[0, np.cumsum(counts)[:-1]][ring]
    at = np.arange(len(xy)) - starts
    after = xy[starts + (at + 1) % counts[ring]]
    before = xy[starts + (at - 1) % counts[ring]]
    e_in, e_out = _unit(xy - before), _unit(after - xy)
    turn = e_in[:, 0] * e_out[:, 1] - e_in[:, 1] * e_out[:, 0]
    reflex = turn < -1e-9  # a right turn, with the walkable space on the left
    inward = _unit(e_in + e_out)[reflex][:, ::-1] * [-1, 1]  # turned to the left
    hinges = np.hstack([before, after])[reflex]
    return np.hstack([xy, after]), xy[reflex], hinges, inward


def _unit(v: Floats) -> Floats:
    return v / np.maximum(np.hypot(v[:, 0], v[:, 1]), 1e-300)[:, None]


def _corner_pairs(
    sight: VisibilityIndex,
    corners: Floats,
    inward: Floats,
    keys: npt.NDArray[np.complex128],
    order: Ints,
) -> Ints:
    """(i, j) for every corner j seen from just off corner i, i != j."""
    found = [np.empty((0, 2), dtype=np.intp)]
    for i in range(len(corners)):
        polygon = _isovist_near(sight, corners[i], inward[i])
        if polygon is None:
            continue  # nothing seen from any nudge: a corner in a sliver
        seen = _corners_of(polygon, keys, order)
        found.append(np.column_stack([np.full(len(seen), i), seen]))
    pairs = np.vstack(found)
    return np.asarray(pairs[pairs[:, 0] != pairs[:, 1]], dtype=np.intp)


def _corners_of(
    polygon: shapely.Polygon, keys: npt.NDArray[np.complex128], order: Ints
) -> Ints:
    """The corners among an isovist's vertices.

    Every wall vertex an isovist sees is one of its vertices, bit for bit as the
    corners are rounded; 4x faster than ``dwithin`` and, on the benchmark school,
    the same 35k corners.
    """
    xy = shapely.get_coordinates(polygon)
    found = xy[:, 0] + 1j * xy[:, 1]
    at = np.minimum(np.searchsorted(keys, found), len(keys) - 1)
    return np.unique(order[at[keys[at] == found]]) if len(keys) else order[:0]


def _isovist_near(
    sight: VisibilityIndex, corner: Floats, inward: Floats
) -> shapely.Polygon | None:
    for step in _NUDGE_M:
        x, y = (corner + step * inward).tolist()
        try:
            return isovist(sight, (x, y)).polygon
        except ValueError:
            continue
    return None


def _tangent(origins: Floats, ids: Ints, corners: Floats, hinges: Floats) -> Ints:
    """Which lines from ``origins`` to corners ``ids`` touch the walls there."""
    c = corners[ids]
    d = c - origins
    b, a = hinges[ids, :2] - c, hinges[ids, 2:] - c
    side_b = d[:, 0] * b[:, 1] - d[:, 1] * b[:, 0]
    side_a = d[:, 0] * a[:, 1] - d[:, 1] * a[:, 0]
    scale = (d**2).sum(axis=1) * np.hypot(*a.T) * np.hypot(*b.T) + 1e-300
    return np.asarray(side_b * side_a >= -1e-12 * scale)


def _adjacency(
    pairs: Ints, corners: Floats
) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[float, ...], ...]]:
    """Neighbour lists and edge lengths of the undirected edges ``pairs``."""
    both = np.vstack([pairs, pairs[:, ::-1]])
    both = both[np.argsort(both[:, 0], kind="stable")]
    d = corners[both[:, 1]] - corners[both[:, 0]]
    length = np.hypot(d[:, 0], d[:, 1])
    cuts = np.searchsorted(both[:, 0], np.arange(1, len(corners)))
    ids = np.split(both[:, 1], cuts)
    return (
        tuple(tuple(part.tolist()) for part in ids),
        tuple(tuple(part.tolist()) for part in np.split(length, cuts)),
    )


def locate(index: WalkIndex, point: Point2, *, in_wall_ok: bool = True) -> Point2:
    """``point`` if a walker can stand there, else the nearest such point.

    Args:
        index: The prepared walls.
        point: Where someone is, in metres.
        in_wall_ok: Whether a point inside a wall may be moved out of it. A point in
            a wall's clearance is always moved out (a door mark on the wall line, a
            room's sample point by a wall). A point inside the wall itself would
            move across one of its faces, into the next room or out of the
            building: when someone asks for a walk from there, that is an error
            (False); a check's door targets keep the old, lenient way (True).

    Returns:
        ``point`` itself when it is walkable; when it lies in a wall or its clearance
        at most ``index.snap_m`` deep, the nearest walkable point (0.1 mm inside).

    Raises:
        InsideWallError: With ``in_wall_ok`` False, when the way to the nearest
            walkable point crosses a wall line: the point is inside a wall.
        ValueError: When the point is not finite, lies outside the analysed box, or
            lies deeper inside a wall than ``index.snap_m``; the message names it.

    Example:
        >>> index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25)
        >>> locate(index, (1.0, 0.0))
        (1.0, 0.0)
        >>> x, y = locate(index, (0.1, 0.0))
        >>> round(x, 6), y
        (0.2501, 0.0)

        Between the faces of a 0.2 m wall, the nearest place to stand is in the room
        beyond a face:

        >>> wall = build_walk_index([[0, -1, 0, 1], [0.2, -1, 0.2, 1]])
        >>> x, y = locate(wall, (0.15, 0.0))
        >>> round(x, 4), y
        (0.4001, 0.0)
        >>> locate(wall, (0.15, 0.0), in_wall_ok=False)
        Traceback (most recent call last):
        ...
        designreview.model.errors.InsideWallError: the point (0.15, 0) lies inside a wall; pick a point in a room or corridor
    """  # noqa: E501
    x, y = float(point[0]), float(point[1])
    x0, y0, x1, y1 = index.bounds
    if not (x0 < x < x1 and y0 < y < y1):  # also false for nan
        raise ValueError(
            f"point ({x:g}, {y:g}) is outside the walking area "
            f"({x0:g}, {y0:g}) to ({x1:g}, {y1:g})"
        )
    if _clear_of_walls(index, x, y):
        return (x, y)
    moved = _snapped(index, x, y)
    if not in_wall_ok and _crosses_a_wall(index, (x, y), moved):
        raise InsideWallError((x, y))
    return moved


def _clear_of_walls(index: WalkIndex, x: float, y: float) -> bool:
    if not shapely.contains_xy(index.walkable, x, y):
        return False
    near = index.sight.segment_tree.query(shapely.Point(x, y), "dwithin", _OFF_EDGE_M)
    return not near.size


def _crosses_a_wall(index: WalkIndex, a: Point2, b: Point2) -> bool:
    """Whether the way from ``a`` to ``b`` meets a wall, not counting ``a`` itself.

    It starts ``_OFF_EDGE_M`` along, so that a point on a wall line moved to that
    wall's free side does not count; it meets a wall end or a corner as well.
    """
    gap = math.dist(a, b)
    if gap <= _OFF_EDGE_M:
        return False
    f = _OFF_EDGE_M / gap
    start = (a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]))
    way = shapely.LineString([start, b])
    return bool(index.wall_tree.query(way, predicate="intersects").size)


def _snapped(index: WalkIndex, x: float, y: float) -> Point2:
    """The nearest walkable point, just off the boundary (the point is not on it)."""
    edge = shapely.shortest_line(shapely.boundary(index.walkable), shapely.Point(x, y))
    (bx, by), _ = edge.coords
    gap = math.hypot(x - bx, y - by)
    if gap > index.snap_m and not shapely.contains_xy(index.walkable, x, y):
        raise ValueError(
            f"point ({x:g}, {y:g}) lies {gap:.2f} m inside a wall or its "
            f"{index.clearance_m:g} m clearance: only points up to "
            f"{index.snap_m:g} m inside are moved out to where a walker can stand"
        )
    ways = [(math.cos(k * math.pi / 8), math.sin(k * math.pi / 8)) for k in range(16)]
    if gap > 1e-9:  # straight on across the boundary, or back
        ways = [((bx - x) / gap, (by - y) / gap), ((x - bx) / gap, (y - by) / gap)]
    for step in (1e-4, 1e-3):
        for ux, uy in ways:
            if _clear_of_walls(index, bx + step * ux, by + step * uy):
                return (bx + step * ux, by + step * uy)
    raise ValueError(f"point ({x:g}, {y:g}) lies in a gap too narrow to stand in")


def view(index: WalkIndex, point: Point2) -> View:
    """The isovist of a walkable point and the corners a path from it may bend at.

    Args:
        index: The prepared walls.
        point: A walkable point, as :func:`locate` returns it.

    Example:
        >>> index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25)
        >>> seen = view(index, (1.0, 0.5))
        >>> seen.lengths.round(3).tolist()
        [1.066, 1.868]
    """
    polygon = isovist(index.sight, point).polygon
    seen = _corners_of(polygon, index.corner_keys, index.corner_order)
    origin = np.array([point], dtype=np.float64)
    seen = seen[_tangent(origin, seen, index.corners, index.hinges)]
    d = index.corners[seen] - origin
    return View(polygon, seen, np.hypot(d[:, 0], d[:, 1]))
