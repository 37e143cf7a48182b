"""Horizontal sections of triangle meshes: what a plan cut at one height shows.

A plan is the building cut by a horizontal plane (1.2 m above the floor by
custom) and seen from above. Cutting each element's triangles with that plane is
plain arithmetic on arrays, far cheaper than the 3D booleans a full geometry pass
runs; the wall openings are then taken out in 2D (``readers.ifc.walls``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import shapely

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

Vertices = npt.NDArray[np.float64]
"""Shape (N, 3): x, y, z in metres, world coordinates."""
Faces = npt.NDArray[np.int64]
"""Shape (M, 3): vertex indices of each triangle."""
Segments = npt.NDArray[np.float64]
"""Shape (K, 4): x1, y1, x2, y2 in metres."""

_ON_PLANE_M = 1e-7
"""Vertices this close to the plane count as just above it, so that a triangle
with a vertex on the plane is cut once, not twice or never."""


def section_segments(verts: Vertices, faces: Faces, z: float) -> Segments:
    """The segments where the plane at height ``z`` cuts the triangles.

    Example:
        >>> import numpy as np
        >>> v = np.array([[0, 0, 0], [2, 0, 0], [0, 0, 2.0]])
        >>> section_segments(v, np.array([[0, 1, 2]]), 1.0).round(3).tolist()
        [[0.0, 0.0, 1.0, 0.0]]
    """
    if len(faces) == 0:
        return np.zeros((0, 4))
    height = verts[:, 2] - z
    height = np.where(np.abs(height) < _ON_PLANE_M, _ON_PLANE_M, height)
    above = height[faces] > 0
    crossing = above.any(axis=1) & ~above.all(axis=1)
    tri = faces[crossing]
    side = above[crossing]
    # The vertex alone on its side of the plane: the two cut edges start there.
    lone = np.where(
        side.sum(axis=1) == 1, np.argmax(side, axis=1), np.argmin(side, axis=1)
    )
    rows = np.arange(len(tri))
    a = tri[rows, lone]
    b = tri[rows, (lone + 1) % 3]
    c = tri[rows, (lone + 2) % 3]
    return np.hstack([_crossing(verts, height, a, b), _crossing(verts, height, a, c)])


def _crossing(
    verts: Vertices,
    height: npt.NDArray[np.float64],
    start: npt.NDArray[np.int64],
    end: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """Where each edge from ``start`` to ``end`` meets the plane (x, y)."""
    t = height[start] / (height[start] - height[end])
    return verts[start, :2] + (verts[end, :2] - verts[start, :2]) * t[:, None]


def section_area(verts: Vertices, faces: Faces, z: float) -> BaseGeometry:
    """The area the plane at ``z`` cuts out of a closed mesh (empty if none).

    Open or messy meshes give what their closed loops enclose; a mesh whose cut
    closes no loop gives an empty area, and its lines are still drawn by the
    caller from :func:`section_segments`.
    """
    segments = section_segments(verts, faces, z)
    return segments_area(segments)


def segments_area(segments: Segments) -> BaseGeometry:
    """The area enclosed by the closed loops among ``segments``."""
    if len(segments) < 3:
        return shapely.Polygon()
    lines = shapely.linestrings(segments.reshape(-1, 2, 2))
    merged = shapely.union_all(lines, grid_size=1e-6)
    polygons = shapely.get_parts(shapely.polygonize([merged]))
    if len(polygons) == 0:
        return shapely.Polygon()
    # Nested loops (a hollow column) alternate solid and hole: symmetric difference.
    area: BaseGeometry = shapely.Polygon()
    for polygon in sorted(polygons, key=lambda p: -p.area):
        area = area.symmetric_difference(polygon)
    return area


def footprint(verts: Vertices, faces: Faces) -> BaseGeometry:
    """Everything a mesh covers seen from above: its triangles' union.

    For stairs, whose flights climb through the cut plane: a plan draws the whole
    flight, not only the step the plane passes through.
    """
    if len(faces) == 0:
        return shapely.Polygon()
    rings = verts[faces][:, :, :2]
    closed = np.concatenate([rings, rings[:, :1]], axis=1)
    triangles = np.asarray(shapely.polygons(closed))
    triangles = triangles[shapely.area(triangles) > 1e-9]
    if len(triangles) == 0:
        return shapely.Polygon()
    return shapely.union_all(triangles, grid_size=1e-6)


def boundary_segments(area: BaseGeometry) -> Segments:
    """The outline of ``area`` (outer rings and holes) as segments."""
    if area.is_empty:
        return np.zeros((0, 4))
    # Cutting splits straight edges where triangles meet: one line each again.
    area = shapely.simplify(area, 1e-6)
    rings = shapely.get_rings(shapely.get_parts(area))
    out = []
    for ring in rings:
        xy = shapely.get_coordinates(ring)
        if len(xy) >= 2:
            out.append(np.hstack([xy[:-1], xy[1:]]))
    return np.vstack(out) if out else np.zeros((0, 4))
