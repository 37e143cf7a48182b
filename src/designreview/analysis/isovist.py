"""Exact visibility polygons (isovists): what can be seen from a point.

Build a :class:`~designreview.analysis.obstacles.VisibilityIndex` once per plan from the
segments that block sight (glazing is no obstacle and is simply not passed in; see
:mod:`designreview.analysis.obstacles`, whose index, builder and sightlines this module
re-exports). Every query walks its triangulation of the free space, in which walls are
triangle edges: triangular expansion (Bungiu et al. 2014, arXiv 1403.3905) follows the
view through see-through triangle edges only, narrowing an angular window at each step.
It touches only the triangles that are seen, so a room costs the same in a 50-room plan
and in a 5000-room plan, and the result is exact: no rays are sampled. Walls are
zero-thick lines: a wall seen exactly edge-on hides nothing, and an origin on a wall is
an error (it would see nothing; see :func:`isovist`).

Angles are degrees counter-clockwise from the +x axis (model y points up).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.analysis.obstacles import (
    DEFAULT_MARGIN_M,
    Sightline,
    VisibilityIndex,
    build_visibility_index,
    sightline,
)
from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from designreview.analysis.triangulation import Mesh

__all__ = [
    "CIRCLE_QUAD_SEGS",
    "DEFAULT_MARGIN_M",
    "ON_WALL_M",
    "Isovist",
    "Sightline",
    "VisibilityIndex",
    "build_visibility_index",
    "isovist",
    "sightline",
]

ON_WALL_M = 1e-9
"""An origin closer than this to a wall (or the box) counts as on it."""
_NEAR_EDGE_M = 1e-10
"""Closer than this to a triangle edge, an origin is taken to lie on it."""
CIRCLE_QUAD_SEGS = 32
"""A range disk is a 128-gon inscribed in the circle (area 0.04 % short)."""

_ALIGNED = 1e-12
"""Angles (radians) this close count as equal where a view-cone edge meets a vertex."""
_NEXT = (1, 2, 0)
_PREV = (2, 0, 1)
_STEP = (1, 1, -2)  # from half-edge 3t+k to the next one of the same triangle
# One step of the expansion: half-edge h (edge k of triangle t is h = 3t+k), seen
# through the angular window from ray r (clockwise side) to ray l, both as vectors from
# the origin, and the vertex each ray passes through (-1 for a view-cone ray).
_Window = tuple[int, float, float, float, float, int, int]


@dataclass(frozen=True, slots=True)
class Isovist:
    """What can be seen from one point: an exact polygon (star-shaped from origin)."""

    origin: Point2
    polygon: shapely.Polygon
    area_m2: float


def isovist(
    index: VisibilityIndex,
    origin: Point2,
    *,
    direction_deg: float | None = None,
    fov_deg: float = 360.0,
    range_m: float | None = None,
) -> Isovist:
    """The exact area visible from ``origin``, optionally within a view cone and range.

    Args:
        index: The prepared walls.
        origin: Where the observer or camera stands, in metres.
        direction_deg: Centre of the view cone; needed when ``fov_deg`` < 360.
        fov_deg: Width of the view cone, in (0, 360].
        range_m: How far the observer sees; the disk is a 128-gon. None: unlimited.

    Returns:
        The visibility polygon, counter-clockwise, exact for the walls as indexed
        (rounded to a micrometre). The origin lies inside it, or on its boundary
        when the view cone is narrower than 360 degrees (empty if the cone is too
        narrow to hold any area, below about 1e-10 degrees).

    Raises:
        ValueError: When the origin lies on a wall, within ``ON_WALL_M`` (it would see
            nothing: move it off the wall, e.g. a camera 1 cm into the room), on or
            outside the index's box, or when an argument is out of range.

    Example:
        >>> room = [[0, 0, 10, 0], [10, 0, 10, 10], [10, 10, 0, 10], [0, 10, 0, 0]]
        >>> index = build_visibility_index(room)
        >>> isovist(index, (5, 5)).area_m2
        100.0
        >>> isovist(index, (5, 5), direction_deg=0, fov_deg=90).area_m2
        25.0
    """
    _check_view(direction_deg, fov_deg, range_m)
    qx, qy = float(origin[0]), float(origin[1])
    mesh = index.mesh
    windows = _first_windows(mesh, _start(index, qx, qy), qx, qy)
    coords: list[float] = []
    if fov_deg < 360.0:
        windows = _narrowed(windows, math.radians(direction_deg or 0.0), fov_deg)
        coords += [qx, qy]
    x0, y0, x1, y1 = index.bounds
    if range_m is not None and range_m >= math.hypot(x1 - x0, y1 - y0):
        range_m = None  # the disk holds the whole box
    reach2 = float(range_m) * float(range_m) if range_m is not None else 0.0
    for window in windows:
        coords += _expand(mesh, qx, qy, window, reach2)
    ring = np.reshape(coords, (-1, 2))
    polygon = shapely.Polygon(ring) if len(ring) > 2 else shapely.Polygon()
    if not polygon.is_valid:
        # A wall seen exactly edge-on (the origin on its line, within rounding)
        # casts a shadow of no width: its two sides touch, a spike of no area.
        polygon = _largest_polygon(shapely.make_valid(polygon))
    if range_m is not None:
        disk = shapely.Point(qx, qy).buffer(range_m, quad_segs=CIRCLE_QUAD_SEGS)
        polygon = _largest_polygon(shapely.intersection(polygon, disk))
    return Isovist((qx, qy), polygon, float(polygon.area))


def _check_view(
    direction_deg: float | None, fov_deg: float, range_m: float | None
) -> None:
    if not 0.0 < fov_deg <= 360.0:
        raise ValueError(f"fov_deg must be in (0, 360], not {fov_deg}")
    if fov_deg < 360.0 and (direction_deg is None or not math.isfinite(direction_deg)):
        raise ValueError("a view cone narrower than 360 degrees needs direction_deg")
    if range_m is not None and not 0.0 < range_m < math.inf:
        raise ValueError(f"range_m must be positive and finite, not {range_m}")


def _start(index: VisibilityIndex, x: float, y: float) -> list[int]:
    """The half-edges around (x, y), counter-clockwise.

    They are the three of its triangle, or four when it lies on (or within rounding of)
    an edge between two triangles: windows from a point on an edge would be 180 degrees
    wide and, after rounding, could overlap.
    """
    x0, y0, x1, y1 = index.bounds
    if not (
        x0 + ON_WALL_M < x < x1 - ON_WALL_M and y0 + ON_WALL_M < y < y1 - ON_WALL_M
    ):
        raise ValueError(f"origin ({x:g}, {y:g}) is outside the analysed area")
    point = shapely.Point(x, y)
    if index.segment_tree.query(point, "dwithin", distance=ON_WALL_M).size:
        raise ValueError(f"origin ({x:g}, {y:g}) lies on a wall")
    best, edge = -math.inf, -1
    for t in index.triangle_tree.query(point).tolist():
        inside, h = min(
            (_inside_by(index.mesh, 3 * t + k, x, y), 3 * t + k) for k in range(3)
        )
        if inside > best:
            best, edge = inside, h
    twin = index.mesh.twins[edge] if edge >= 0 else -1
    if best >= _NEAR_EDGE_M:
        return [edge - edge % 3 + k for k in range(3)]
    if best < -_NEAR_EDGE_M:  # never seen: the triangles tile the box
        raise ValueError(f"origin ({x:g}, {y:g}) could not be located")
    if twin < 0:  # on a wall as noded (a micrometre from the drawn one at most)
        raise ValueError(f"origin ({x:g}, {y:g}) lies on a wall")
    return [_next(twin), _prev(twin), _next(edge), _prev(edge)]


def _inside_by(mesh: Mesh, h: int, x: float, y: float) -> float:
    """Signed distance of (x, y) from half-edge h, positive on its triangle's side."""
    a, b = mesh.tris[h], mesh.tris[_next(h)]
    ex, ey = mesh.xs[b] - mesh.xs[a], mesh.ys[b] - mesh.ys[a]
    return (ex * (y - mesh.ys[a]) - ey * (x - mesh.xs[a])) / math.hypot(ex, ey)


def _next(h: int) -> int:
    return h + _STEP[h % 3]


def _prev(h: int) -> int:
    return h - _STEP[(h + 2) % 3]


def _first_windows(mesh: Mesh, edges: list[int], qx: float, qy: float) -> list[_Window]:
    """The edges around the origin as windows, each from its first vertex's ray."""
    xs, ys, tv = mesh.xs, mesh.ys, mesh.tris
    out: list[_Window] = []
    for h in edges:
        a, b = tv[h], tv[_next(h)]
        rx, ry, lx, ly = xs[a] - qx, ys[a] - qy, xs[b] - qx, ys[b] - qy
        # Windows must turn less than half a turn counter-clockwise; every later one
        # is cut from these, so the expansion only moves away from the origin and
        # ends. A degenerate one (the origin within rounding of a sliver) holds no area.
        if rx * ly - ry * lx > 0:
            out.append((h, rx, ry, lx, ly, a, b))
    return out


def _narrowed(
    windows: list[_Window], direction: float, fov_deg: float
) -> list[_Window]:
    """The windows cut to the view cone, in order from its clockwise edge."""
    start, span = direction - math.radians(fov_deg) / 2, math.radians(fov_deg)
    r_ray = (math.cos(start), math.sin(start))
    l_ray = (math.cos(start + span), math.sin(start + span), -1)
    pieces: list[tuple[float, _Window]] = []
    for h, rx, ry, lx, ly, ri, li in windows:
        s = (math.atan2(ry, rx) - start) % math.tau
        end = s + (math.atan2(ly, lx) - math.atan2(ry, rx)) % math.tau
        if min(end, span) - s > _ALIGNED:
            ex, ey, ei = (lx, ly, li) if end <= span else l_ray
            pieces.append((s, (h, rx, ry, ex, ey, ri, ei)))
        if min(end - math.tau, span) > _ALIGNED:  # also round past the cone's start
            ex, ey, ei = (lx, ly, li) if end - math.tau <= span else l_ray
            pieces.append((0.0, (h, r_ray[0], r_ray[1], ex, ey, -1, ei)))
    pieces.sort(key=lambda piece: piece[0])
    return [window for _, window in pieces]


def _expand(
    mesh: Mesh, qx: float, qy: float, first: _Window, reach2: float
) -> list[float]:
    """Boundary points (x, y, x, y, ...) seen through one window, counter-clockwise.

    The hot loop: plain floats and tuple look-ups, no shapely. Edges farther than
    ``reach2`` (squared range, 0 for none) are treated as opaque; the disk cuts there.
    """
    xs, ys, tv, twins = mesh.xs, mesh.ys, mesh.tris, mesh.twins
    out: list[float] = []
    stack = [first]
    while stack:
        h, rx, ry, lx, ly, ri, li = stack.pop()
        g = twins[h]
        if (
            g >= 0
            and reach2
            and _far(xs, ys, tv[h], tv[h + _STEP[h % 3]], qx, qy, reach2)
        ):
            g = -1
        if g < 0:
            a, b = tv[h], tv[h + _STEP[h % 3]]
            if ri != a:
                out += _hit(xs, ys, a, b, qx, qy, rx, ry)
            elif not out or out[-1] != ys[a] or out[-2] != xs[a]:
                out += (xs[a], ys[a])
            out += _hit(xs, ys, a, b, qx, qy, lx, ly) if li != b else (xs[b], ys[b])
            continue
        j = g % 3
        left = g - j + _PREV[j]  # edges w-u0 and u1-w of the next triangle
        right = g - j + _NEXT[j]
        w = tv[left]
        wx, wy = xs[w] - qx, ys[w] - qy
        cr, cl = rx * wy - ry * wx, lx * wy - ly * wx
        if ri < 0 and abs(cr) <= _ALIGNED * (abs(wx) + abs(wy)):
            cr = 0.0  # a view-cone edge through a vertex: no sliver past it
        if li < 0 and abs(cl) <= _ALIGNED * (abs(wx) + abs(wy)):
            cl = 0.0
        if cr <= 0:  # w on or clockwise of r: all through edge w-u0
            stack.append((left, rx, ry, lx, ly, ri, li))
        elif cl >= 0:  # w on or anticlockwise of l: all through edge u1-w
            stack.append((right, rx, ry, lx, ly, ri, li))
        else:  # w splits the window; the clockwise half goes first
            stack.append((left, wx, wy, lx, ly, w, li))
            stack.append((right, rx, ry, wx, wy, ri, w))
    return out


def _hit(
    xs: tuple[float, ...],
    ys: tuple[float, ...],
    a: int,
    b: int,
    qx: float,
    qy: float,
    dx: float,
    dy: float,
) -> tuple[float, float]:
    """Where the ray from (qx, qy) along (dx, dy) meets the line through a and b."""
    ax, ay = xs[a], ys[a]
    ex, ey = xs[b] - ax, ys[b] - ay
    den = dx * ey - dy * ex
    if den == 0:  # grazing: the window is a single ray along the edge
        return ax, ay
    s = ((ax - qx) * ey - (ay - qy) * ex) / den
    return qx + s * dx, qy + s * dy


def _far(
    xs: tuple[float, ...],
    ys: tuple[float, ...],
    a: int,
    b: int,
    qx: float,
    qy: float,
    reach2: float,
) -> bool:
    """Whether every point of segment a-b is farther than sqrt(reach2) from q."""
    ax, ay = xs[a] - qx, ys[a] - qy
    ex, ey = xs[b] - xs[a], ys[b] - ys[a]
    f = -(ax * ex + ay * ey) / (ex * ex + ey * ey)
    f = min(max(f, 0.0), 1.0)
    dx, dy = ax + f * ex, ay + f * ey
    return dx * dx + dy * dy > reach2


def _largest_polygon(geometry: shapely.Geometry) -> shapely.Polygon:
    """The geometry if it is a polygon, else its largest polygon part (or empty)."""
    if isinstance(geometry, shapely.Polygon):
        return geometry
    parts = [p for p in shapely.get_parts(geometry) if isinstance(p, shapely.Polygon)]
    return max(parts, key=lambda p: p.area, default=shapely.Polygon())
