"""What blocks sight: obstacle segments, prepared once per plan, and sightlines.

Walls and columns block sight. Glazing (windows, sidelites, vision panels) does not:
its layers are simply left out, so a window is a gap in the obstacles. Doors are left
out as well, because a drawn door leaf and swing arc say nothing about whether the door
stands open; checks that need closed doors add them as obstacles themselves.

:func:`build_visibility_index` prepares the segments for many queries: the
triangulation that :func:`designreview.analysis.isovist.isovist` walks, and an STRtree
for :func:`sightline`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.analysis.triangulation import Floats, Mesh, build_mesh, clean_segments
from designreview.model.geometry import Point2
from designreview.model.plan import LayerCategory

if TYPE_CHECKING:
    import numpy.typing as npt

    from designreview.model.geometry import Extents
    from designreview.model.plan import Plan, SegmentArray

__all__ = [
    "DEFAULT_MARGIN_M",
    "SIGHT_BLOCKING",
    "Sightline",
    "VisibilityIndex",
    "build_visibility_index",
    "obstacle_segments",
    "sightline",
]

SIGHT_BLOCKING = frozenset({LayerCategory.WALL, LayerCategory.COLUMN})
"""Layer categories whose lines block sight by default."""
DEFAULT_MARGIN_M = 10.0
"""Free space kept around the walls: what an observer outside the building sees."""


def obstacle_segments(
    plan: Plan, categories: frozenset[LayerCategory] = SIGHT_BLOCKING
) -> SegmentArray:
    """All segments on the plan's layers of the given categories, as one array.

    Args:
        plan: The imported drawing.
        categories: Layer categories that block sight (walls and columns by default).

    Returns:
        An (N, 4) array ``[x1, y1, x2, y2]`` in local metres, in layer order.

    Example:
        >>> from designreview.model.geometry import Extents
        >>> from designreview.model.plan import LayerInfo, Linework, Plan
        >>> from designreview.model.units import LengthUnit
        >>> walls = Linework("A-WALL", np.array([[0.0, 0.0, 4.0, 0.0]]))
        >>> glass = Linework("A-GLAZ", np.array([[4.0, 0.0, 6.0, 0.0]]))
        >>> layers = (LayerInfo("A-WALL", LayerCategory.WALL, 1),
        ...           LayerInfo("A-GLAZ", LayerCategory.WINDOW, 1))
        >>> plan = Plan("p", "AC1027", LengthUnit.METRE, 1.0, (0.0, 0.0),
        ...             Extents(0, 0, 6, 0), layers, (walls, glass))
        >>> obstacle_segments(plan).tolist()
        [[0.0, 0.0, 4.0, 0.0]]
    """
    wanted = {info.name for info in plan.layers if info.category in categories}
    parts = [lw.segments for lw in plan.linework if lw.layer in wanted]
    if not parts:
        return np.empty((0, 4), dtype=np.float64)
    return np.vstack(parts).astype(np.float64, copy=False)


@dataclass(frozen=True, slots=True, eq=False)
class VisibilityIndex:
    """Walls prepared for visibility queries; build it once per plan.

    Attributes:
        mesh: Triangles of the box with walls as opaque edges.
        bounds: The box ``(min_x, min_y, max_x, max_y)``; nothing is seen beyond it.
        segments: The input segments, cleaned and rounded to the 1 micrometre grid;
            sightlines test and report these.
        triangle_tree: Locates the triangle that holds an origin.
        segment_tree: Finds the segments a sightline may meet.
    """

    mesh: Mesh
    bounds: tuple[float, float, float, float]
    segments: Floats
    triangle_tree: shapely.STRtree
    segment_tree: shapely.STRtree

    @property
    def walls(self) -> Floats:
        """The noded wall segments the isovists respect, shape (M, 4)."""
        return self.mesh.walls


@dataclass(frozen=True, slots=True)
class Sightline:
    """A line of sight from ``start`` to ``end`` and the first wall that blocks it."""

    start: Point2
    end: Point2
    blocked_at: Point2 | None = None
    blocking_segment: tuple[Point2, Point2] | None = None

    @property
    def is_clear(self) -> bool:
        """Whether nothing blocks the view from start to end."""
        return self.blocked_at is None


def build_visibility_index(
    segments: npt.ArrayLike,
    bounds_margin_m: float = DEFAULT_MARGIN_M,
    *,
    extents: Extents | None = None,
) -> VisibilityIndex:
    """Prepare wall segments for isovists and sightlines.

    Coordinates are rounded to a 1 micrometre grid (end points that nearly meet then
    meet); segments that are not finite or shorter than that are dropped. The rest are
    split where they cross or touch, merged where they overlap, and triangulated inside
    a box around them (and ``extents``) grown by ``bounds_margin_m``.

    Args:
        segments: (N, 4) ``[x1, y1, x2, y2]`` in metres that block sight.
        bounds_margin_m: Free space around everything, > 0.
        extents: An area that must lie inside the box as well (e.g. the plan's).

    Returns:
        The index. Building it takes about 0.2 s for 10k segments and 1.3 s for 50k
        (see ``benchmarks/bench_isovist.py``).

    Raises:
        ValueError: When there is nothing to bound, or the margin is not positive.

    Example:
        >>> index = build_visibility_index([[0, 0, 4, 0]], bounds_margin_m=1.0)
        >>> index.bounds
        (-1.0, -1.0, 5.0, 1.0)
    """
    if not bounds_margin_m > 0:
        raise ValueError(f"bounds_margin_m must be positive, not {bounds_margin_m}")
    clean = clean_segments(segments)
    box = _box(clean, extents, float(bounds_margin_m))
    mesh = build_mesh(clean, box)
    corners = np.column_stack([mesh.xs, mesh.ys])[np.reshape(mesh.tris, (-1, 3))]
    triangles = np.asarray(shapely.polygons(corners))
    lines = np.asarray(shapely.linestrings(clean.reshape(-1, 2, 2)))
    return VisibilityIndex(
        mesh, box, clean, shapely.STRtree(triangles), shapely.STRtree(lines)
    )


def _box(
    segments: Floats, extents: Extents | None, margin: float
) -> tuple[float, float, float, float]:
    """The segments' and the extents' bounding box, grown by ``margin``."""
    xs = segments[:, 0::2].ravel().tolist()
    ys = segments[:, 1::2].ravel().tolist()
    if extents is not None:
        xs += [extents.min_x, extents.max_x]
        ys += [extents.min_y, extents.max_y]
    if not xs:
        raise ValueError("no walls and no extents: nothing to bound the analysis")
    return (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)


def sightline(index: VisibilityIndex, a: Point2, b: Point2) -> Sightline:
    """Whether ``b`` can be seen from ``a``, and if not, the first wall in the way.

    A wall blocks when the open segment a-b crosses it, or passes through a corner
    where walls leave on both sides of the line. Grazing a wall end, running along a
    wall, and touching a wall at ``a`` or ``b`` do not block (as in the isovists).
    Unlike isovists, sightlines do not end at the index's box.

    Raises:
        ValueError: When a coordinate is not finite.

    Example:
        >>> index = build_visibility_index([[2, -1, 2, 1]])
        >>> sightline(index, (0, 0), (4, 0)).blocked_at
        (2.0, 0.0)
        >>> sightline(index, (0, 0), (4, 0)).blocking_segment
        ((2.0, -1.0), (2.0, 1.0))
        >>> sightline(index, (0, 2), (4, 2)).is_clear
        True
    """
    start, end = (float(a[0]), float(a[1])), (float(b[0]), float(b[1]))
    if not all(map(math.isfinite, (*start, *end))):
        raise ValueError(f"sightline from {start} to {end} is not finite")
    if start == end:
        return Sightline(start, end)
    line = shapely.LineString([start, end])
    near = index.segment_tree.query(line, predicate="intersects").tolist()
    blocks = _blocks(start, end, index.segments[near])
    if not blocks:
        return Sightline(start, end)
    t, i = min(blocks)
    x1, y1, x2, y2 = index.segments[near[i]].tolist()
    dx, dy = end[0] - start[0], end[1] - start[1]
    at = (start[0] + t * dx, start[1] + t * dy)
    return Sightline(start, end, at, ((x1, y1), (x2, y2)))


def _blocks(a: Point2, b: Point2, segments: Floats) -> list[tuple[float, int]]:
    """(t along a-b, segment row) of every place where the segments block a-b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    dd = dx * dx + dy * dy
    blocks: list[tuple[float, int]] = []
    contacts: list[tuple[float, float, int, int]] = []  # t from, t to, side, row
    for i, (x1, y1, x2, y2) in enumerate(segments.tolist()):
        o1 = dx * (y1 - a[1]) - dy * (x1 - a[0])  # sides of the wall's ends
        o2 = dx * (y2 - a[1]) - dy * (x2 - a[0])
        t1 = ((x1 - a[0]) * dx + (y1 - a[1]) * dy) / dd
        t2 = ((x2 - a[0]) * dx + (y2 - a[1]) * dy) / dd
        if o1 == 0 and o2 == 0:  # along the line
            lo, hi, side = min(t1, t2), max(t1, t2), 0
        elif o1 == 0 or o2 == 0:  # one end on the line
            lo = hi = t1 if o1 == 0 else t2
            side = 1 if o1 + o2 > 0 else -1
        elif (o1 > 0) != (o2 > 0):  # crosses the line: where?
            ex, ey = x2 - x1, y2 - y1
            t = ((x1 - a[0]) * ey - (y1 - a[1]) * ex) / (dx * ey - dy * ex)
            if 0 < t < 1:
                blocks.append((t, i))
            continue
        else:
            continue
        if hi > 0 and lo < 1:
            contacts.append((max(lo, 0.0), min(hi, 1.0), side, i))
    return blocks + _corner_blocks(contacts)


def _corner_blocks(
    contacts: list[tuple[float, float, int, int]],
) -> list[tuple[float, int]]:
    """Places where walls touching the line leave it on both sides."""
    blocks: list[tuple[float, int]] = []
    contacts.sort()
    group: list[tuple[float, float, int, int]] = []
    reach = -math.inf
    for contact in [*contacts, (math.inf, math.inf, 0, -1)]:
        if group and contact[0] > reach:
            sides = {c[2] for c in group}
            if {1, -1} <= sides:
                blocks.append((group[0][0], next(c[3] for c in group if c[2])))
            group, reach = [], -math.inf
        group.append(contact)
        reach = max(reach, contact[1])
    return blocks
