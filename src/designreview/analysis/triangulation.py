"""A constrained triangulation of a box in which wall segments are triangle edges.

The visibility queries in :mod:`designreview.analysis.isovist` walk this mesh. GEOS,
through shapely, does the heavy steps in C: noding the walls (``shapely.node``) and an
unconstrained Delaunay triangulation of their end points (``delaunay_triangles``).
The walls that are not yet triangle edges are then inserted here, in Python, by
retriangulating the triangles each one crosses (Anglada 1997, as in CGAL and
artem-ogre/CDT). ``shapely.constrained_delaunay_triangles`` cannot do this job: it
keeps only the edges of polygon rings and silently drops lines inside a polygon and
dangling "slit" edges (checked with GEOS 3.14), and free wall ends are everywhere.

Robustness: coordinates are first rounded to a ``SNAP_GRID_M`` grid (1 micrometre), so
end points that nearly meet do meet and slivers of walls vanish. Noding is tried fast
(``shapely.node``, floating point); if a wall then cannot be inserted (a rounding
artefact where walls cross at a shallow angle), everything is noded again with snap
rounding on the same grid (``shapely.union_all(..., grid_size=...)``, about four times
slower), which guarantees that noded walls meet only at end points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import shapely

__all__ = ["SNAP_GRID_M", "Mesh", "build_mesh", "clean_segments"]

SNAP_GRID_M = 1e-6
"""Grid of the fallback noding (1 micrometre): far below drawing accuracy."""

_NEXT = (1, 2, 0)
_PREV = (2, 0, 1)
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, eq=False)
class Mesh:
    """Triangles covering a box, with walls as edges, as flat tuples for fast walks.

    Triangle ``t`` has the counter-clockwise vertices ``tris[3t:3t+3]``. Its edge
    ``h = 3t+k`` (a half-edge) runs from ``tris[h]`` to the next vertex; ``twins[h]``
    is the same edge as seen from the triangle on the other side (``3u+j``), or -1
    where the edge is a wall or the box.
    """

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    tris: tuple[int, ...]
    twins: tuple[int, ...]
    walls: Floats
    """The noded wall segments the mesh respects, shape (M, 4)."""
    skipped: int
    """Wall pieces that could not be inserted (0 unless the input is pathological)."""


def clean_segments(segments: npt.ArrayLike) -> Floats:
    """Segments as an (N, 4) array on the ``SNAP_GRID_M`` grid, without degenerates.

    Rows that are not finite, or shorter than the grid once rounded, are dropped.

    Example:
        >>> clean_segments([[0, 0, 1, 0], [2, 2, 2, 2], [0, 0, float("nan"), 1]])
        array([[0., 0., 1., 0.]])
        >>> clean_segments([[0.1234567, 0, 1, 1e-7]]).tolist()
        [[0.123457, 0.0, 1.0, 0.0]]
    """
    scale = 1 / SNAP_GRID_M  # divide by an integer: 4.5 stays exactly 4.5
    with np.errstate(over="ignore", invalid="ignore"):
        arr = np.round(np.asarray(segments, dtype=np.float64).reshape(-1, 4) * scale)
    arr = (arr / scale) + 0.0  # + 0.0 turns -0.0 into 0.0
    ok = np.isfinite(arr).all(axis=1)
    ok &= (arr[:, 0] != arr[:, 2]) | (arr[:, 1] != arr[:, 3])
    return np.asarray(arr[ok], dtype=np.float64)


def build_mesh(segments: Floats, box: tuple[float, float, float, float]) -> Mesh:
    """Triangulate ``box`` so that every (clean) segment inside it is made of edges.

    Example:
        >>> mesh = build_mesh(clean_segments([[1, 1, 3, 1]]), (0, 0, 4, 2))
        >>> len(mesh.tris) // 3, mesh.walls.tolist(), mesh.skipped
        (6, [[1.0, 1.0, 3.0, 1.0]], 0)
    """
    mesh = _mesh_from(_noded(segments, snap=False), box)
    if mesh.skipped:
        mesh = _mesh_from(_noded(segments, snap=True), box)
    return mesh


def _noded(segments: Floats, *, snap: bool) -> Floats:
    """Segments split where they meet, overlaps merged, duplicates dropped."""
    if len(segments) == 0:
        return np.empty((0, 4))
    lines = np.asarray(shapely.linestrings(segments.reshape(-1, 2, 2)))
    try:
        if snap:
            noded: shapely.Geometry | npt.NDArray[np.object_] = shapely.union_all(
                lines, grid_size=SNAP_GRID_M
            )
        else:
            noded = shapely.node(shapely.multilinestrings(lines))
    except shapely.errors.GEOSException:
        if snap:
            raise
        return _noded(segments, snap=True)
    coords, which = shapely.get_coordinates(shapely.get_parts(noded), return_index=True)
    same = which[1:] == which[:-1]
    pieces = np.hstack([coords[:-1][same], coords[1:][same]])
    # Not rounded again: moving a crossing onto the grid could make walls cross.
    keep = (pieces[:, 0] != pieces[:, 2]) | (pieces[:, 1] != pieces[:, 3])
    return np.asarray(pieces[keep], dtype=np.float64)


def _mesh_from(noded: Floats, box: tuple[float, float, float, float]) -> Mesh:
    """Delaunay triangulation of all end points, then the walls forced in."""
    x0, y0, x1, y1 = box
    corners = np.array([x0 + 1j * y0, x1 + 1j * y0, x1 + 1j * y1, x0 + 1j * y1])
    ends_xy = noded[:, 0::2] + 1j * noded[:, 1::2]  # complex keys sort as (x, y)
    key = np.unique(np.concatenate([ends_xy.ravel(), corners]))
    points = np.column_stack([key.real, key.imag])
    ends = np.sort(np.searchsorted(key, ends_xy), axis=1)
    ends = np.unique(ends[ends[:, 0] != ends[:, 1]], axis=0)
    parts = shapely.get_parts(shapely.delaunay_triangles(shapely.multipoints(points)))
    ring = shapely.get_coordinates(parts).reshape(-1, 4, 2)[:, :3]
    ring_xy = ring[..., 0] + 1j * ring[..., 1]
    tris = np.searchsorted(key, ring_xy)
    if not np.array_equal(key[np.minimum(tris, len(key) - 1)], ring_xy):
        raise RuntimeError("Delaunay triangulation moved a vertex")  # never seen
    # GEOS's robust predicate: a float cross product misjudges near-flat triangles.
    cw = ~shapely.is_ccw(shapely.get_exterior_ring(parts))
    tris[cw] = tris[cw][:, ::-1]
    builder = _Builder(points, tris, ends)
    present = np.isin(_keys(ends, len(key)), _edge_keys(tris, len(key)))
    for start, end in ends[~present].tolist():
        builder.insert(start, end)
    return builder.mesh()


def _keys(pairs: Ints, n: int) -> Ints:
    """Undirected edge keys of (E, 2) vertex pairs."""
    return np.asarray(pairs.min(axis=1) * n + pairs.max(axis=1), dtype=np.int64)


def _edge_keys(tris: Ints, n: int) -> Ints:
    return _keys(np.stack([tris, np.roll(tris, -1, axis=1)], axis=2).reshape(-1, 2), n)


def _adjacency(tris: Ints) -> tuple[Ints, Ints]:
    """Neighbour triangle and its edge number across each edge (-1 on the hull)."""
    n = int(tris.max()) + 1
    here = tris.ravel() * n + np.roll(tris, -1, axis=1).ravel()
    there = np.roll(tris, -1, axis=1).ravel() * n + tris.ravel()
    order = np.argsort(here)
    pos = np.minimum(np.searchsorted(here[order], there), len(here) - 1)
    found = here[order][pos] == there
    edge = order[pos]
    return np.where(found, edge // 3, -1), np.where(found, edge % 3, -1)


class _Builder:
    """Mutable triangle lists while walls are forced in (internal to ``build_mesh``)."""

    def __init__(self, points: Floats, tris: Ints, walls: Ints) -> None:
        self.n = len(points)
        self.x: list[float] = points[:, 0].tolist()
        self.y: list[float] = points[:, 1].tolist()
        self.tv: list[int] = tris.ravel().tolist()
        self.nb: list[int] = _adjacency(tris)[0].tolist()
        self.vtri = [0] * self.n
        for i, v in enumerate(self.tv):
            self.vtri[v] = i // 3
        self.walls = walls
        self.fixed: set[int] = set(_keys(walls, self.n).tolist())
        self.skipped: set[int] = set()

    def orient(self, a: int, b: int, c: int) -> float:
        x, y = self.x, self.y
        return (x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a])

    def ahead(self, a: int, b: int, c: int) -> bool:
        """Whether c lies on the ray from a through b (given it is collinear)."""
        x, y = self.x, self.y
        return (x[b] - x[a]) * (x[c] - x[a]) + (y[b] - y[a]) * (y[c] - y[a]) > 0

    def key(self, a: int, b: int) -> int:
        return min(a, b) * self.n + max(a, b)

    def insert(self, a: int, b: int) -> None:
        """Make segment a-b a chain of edges (split where it passes vertices)."""
        wall = self.key(a, b)
        while a != b:
            t, i, through = self.around(a, b)
            end = through if t < 0 else self.dig(a, b, t, i)
            if end < 0:
                self.skipped.add(wall)
                return
            self.fixed.add(self.key(a, end))
            a = end

    def around(self, a: int, b: int) -> tuple[int, int, int]:
        """Turn around vertex a to find where segment a-b leaves it.

        Returns (triangle, index of a in it, -1) when a-b crosses the triangle's far
        edge; (-1, -1, v) when v is the next vertex on a-b (b when a-b is an edge);
        (-1, -1, -1) when neither is found.
        """
        tv, nb, t = self.tv, self.nb, self.vtri[a]
        first = t
        while True:
            i = tv.index(a, 3 * t, 3 * t + 3) - 3 * t
            p, r = tv[3 * t + _NEXT[i]], tv[3 * t + _PREV[i]]
            if b in (p, r):
                return -1, -1, b
            op, orr = self.orient(a, b, p), self.orient(a, b, r)
            for v, o in ((p, op), (r, orr)):
                if o == 0 and self.ahead(a, b, v):
                    return -1, -1, v
            if op < 0 < orr:
                return t, i, -1
            t = nb[3 * t + _PREV[i]]
            if t in (-1, first):  # a full turn: float predicates disagreed
                return -1, -1, -1

    def dig(self, a: int, b: int, t: int, i: int) -> int:
        """Replace the triangles a-b crosses; return where the new edge ends."""
        tv, nb = self.tv, self.nb
        cavity, left, right = [t], [tv[3 * t + _PREV[i]]], [tv[3 * t + _NEXT[i]]]
        k = _NEXT[i]
        while True:
            p, r = right[-1], left[-1]
            u = nb[3 * t + k]
            if u < 0 or self.key(p, r) in self.fixed or len(cavity) > len(tv):
                return -1  # a wall crosses a-b (noding failed), or lost the way
            j = tv.index(r, 3 * u, 3 * u + 3) - 3 * u
            c = tv[3 * u + _PREV[j]]
            cavity.append(u)
            t = u
            o = 0.0 if c == b else self.orient(a, b, c)
            if o == 0:
                break
            if o > 0:
                left.append(c)
                k = _NEXT[j]
            else:
                right.append(c)
                k = _PREV[j]
        new = self.fan([a, *left, c]) + self.fan([c, *reversed(right), a])
        if any(self.orient(*tri) <= 0 for tri in new):
            return -1
        self.replace(cavity, new)
        return c

    def replace(self, cavity: list[int], new: list[tuple[int, int, int]]) -> None:
        """Put the new triangles in the slots of the old ones and relink neighbours."""
        tv, nb = self.tv, self.nb
        inside = set(cavity)
        outside = {}
        for t in cavity:
            for k in range(3):
                n = nb[3 * t + k]
                if n not in inside:
                    outside[tv[3 * t + k], tv[3 * t + _NEXT[k]]] = n
        half = {}
        for t, tri in zip(cavity, new, strict=True):
            for k in range(3):
                tv[3 * t + k] = tri[k]
                self.vtri[tri[k]] = t
                half[tri[k], tri[_NEXT[k]]] = 3 * t + k
        for (u, v), h in half.items():
            twin = half.get((v, u))
            n = twin // 3 if twin is not None else outside[u, v]
            nb[h] = n
            if twin is None and n >= 0:
                nb[3 * n + tv.index(v, 3 * n, 3 * n + 3) - 3 * n] = h // 3

    def fan(self, chain: list[int]) -> list[tuple[int, int, int]]:
        """Triangulate a pseudo-polygon: ``chain`` lies left of its last-to-first base.

        Each step takes the vertex whose circle with the base holds no other vertex
        of the chain, which keeps every triangle inside (Anglada 1997).
        """
        out: list[tuple[int, int, int]] = []
        todo = [(0, len(chain) - 1)]
        while todo:
            lo, hi = todo.pop()
            if hi - lo < 2:
                continue
            mid = lo + 1
            for k in range(lo + 2, hi):
                if self.in_circle(chain[lo], chain[hi], chain[mid], chain[k]):
                    mid = k
            out.append((chain[lo], chain[hi], chain[mid]))
            todo += [(lo, mid), (mid, hi)]
        return out

    def in_circle(self, a: int, b: int, c: int, d: int) -> bool:
        """Whether d is inside the circle through the counter-clockwise a, b, c."""
        x, y = self.x, self.y
        ax, ay, bx, by = x[a] - x[d], y[a] - y[d], x[b] - x[d], y[b] - y[d]
        cx, cy = x[c] - x[d], y[c] - y[d]
        return (
            (ax * ax + ay * ay) * (bx * cy - cx * by)
            - (bx * bx + by * by) * (ax * cy - cx * ay)
            + (cx * cx + cy * cy) * (ax * by - bx * ay)
        ) > 0

    def mesh(self) -> Mesh:
        """The finished, immutable mesh: walls and the box made opaque."""
        tris = np.asarray(self.tv, dtype=np.int64).reshape(-1, 3)
        nb, entry = _adjacency(tris)
        twins = np.where(nb < 0, -1, 3 * nb + entry)
        twins[np.isin(_edge_keys(tris, self.n), np.fromiter(self.fixed, np.int64))] = -1
        ends = self.walls[~np.isin(_keys(self.walls, self.n), list(self.skipped))]
        xy = np.column_stack([self.x, self.y])
        return Mesh(
            tuple(self.x),
            tuple(self.y),
            tuple(self.tv),
            tuple(twins.tolist()),
            np.hstack([xy[ends[:, 0]], xy[ends[:, 1]]]),
            len(self.skipped),
        )
