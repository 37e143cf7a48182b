"""Straight extrusions turned into triangles by arithmetic, without the geometry kernel.

Wall openings are nearly always a rectangle or a polygon pushed along a direction
(IfcExtrudedAreaSolid); the kernel spends some 4 ms on each, and a school has
hundreds. The sides of the prism are all a horizontal cut needs, so they are built
here directly; anything else (a Brep, a curved profile) goes to the kernel.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import shapely

from designreview.readers.ifc.meshes import Mesh
from designreview.readers.ifc.placements import Placements, axis2_placement

Matrix = npt.NDArray[np.float64]


def analytic_meshes(
    elements: list[Any], metres_per_unit: float, placements: Placements
) -> tuple[dict[int, Mesh], list[Any]]:
    """Meshes of the openings that are plain extrusions; the rest for the kernel."""
    found: dict[int, Mesh] = {}
    rest = []
    for element in elements:
        mesh = (
            extrusion_mesh(element, metres_per_unit, placements)
            if element.is_a("IfcOpeningElement")
            else None
        )
        if mesh is None:
            rest.append(element)
        else:
            found[element.id()] = mesh
    return found, rest


def extrusion_mesh(
    element: Any, metres_per_unit: float, placements: Placements
) -> Mesh | None:
    """The triangles of a body made only of straight extrusions of polygons.

    None when it is anything else: the kernel must tessellate it.
    """
    if element.ObjectPlacement is None or element.Representation is None:
        return None
    place = placements.of(element.ObjectPlacement)
    bodies = [
        rep
        for rep in element.Representation.Representations
        if rep.RepresentationIdentifier in ("Body", None)
    ]
    if len(bodies) != 1 or not bodies[0].Items:
        return None
    parts = []
    for item in bodies[0].Items:
        mesh = _prism(item, place)
        if mesh is None:
            return None
        parts.append(mesh)
    verts = np.vstack([p[0] for p in parts]) * metres_per_unit
    offsets = np.cumsum([0] + [len(p[0]) for p in parts[:-1]])
    faces = np.vstack([p[1] + o for p, o in zip(parts, offsets, strict=True)])
    return Mesh(verts, faces)


def _prism(item: Any, place: Matrix) -> tuple[Matrix, npt.NDArray[np.int64]] | None:
    """Vertices (project units) and side triangles of one extruded polygon."""
    if not item.is_a("IfcExtrudedAreaSolid"):
        return None
    outline = _profile(item.SweptArea)
    if outline is None or len(outline) < 3:
        return None
    position = axis2_placement(item.Position)
    direction = np.asarray(item.ExtrudedDirection.DirectionRatios, dtype=np.float64)
    step = direction / np.linalg.norm(direction) * float(item.Depth)
    count = len(outline)
    base = np.column_stack([outline, np.zeros(count), np.ones(count)])
    top = base.copy()
    top[:, :3] += step
    local = np.vstack([base, top])
    world = (place @ position @ local.T).T[:, :3]
    i = np.arange(count)
    j = (i + 1) % count
    cap = _cap_triangles(outline)
    if cap is None:
        return None
    faces = np.vstack(
        [
            np.column_stack([i, j, j + count]),
            np.column_stack([i, j + count, i + count]),
            cap,
            cap[:, ::-1] + count,
        ]
    )
    return world, faces.astype(np.int64)


def _cap_triangles(outline: npt.NDArray[np.float64]) -> npt.NDArray[np.int64] | None:
    """The end faces: a fan for a convex polygon, else a constrained triangulation.

    An extrusion along the wall's normal (as Revit writes openings) stands on its
    end, so the cut plane passes through its end faces, not only its sides.
    """
    count = len(outline)
    edges = np.roll(outline, -1, axis=0) - outline
    turns = edges[:, 0] * np.roll(edges[:, 1], -1) - edges[:, 1] * np.roll(
        edges[:, 0], -1
    )
    if (turns >= -1e-12).all() or (turns <= 1e-12).all():
        rest = np.arange(1, count - 1)
        return np.column_stack([np.zeros(count - 2, dtype=np.int64), rest, rest + 1])
    polygon = shapely.Polygon(outline)
    if not polygon.is_valid:
        return None
    triangles = shapely.get_parts(shapely.constrained_delaunay_triangles(polygon))
    index = {tuple(np.round(p, 9)): n for n, p in enumerate(outline)}
    faces = []
    for triangle in triangles:
        corners = shapely.get_coordinates(triangle)[:3]
        keys = [tuple(np.round(c, 9)) for c in corners]
        if any(k not in index for k in keys):
            return None
        faces.append([index[k] for k in keys])
    return np.array(faces, dtype=np.int64) if faces else None


def _profile(profile: Any) -> npt.NDArray[np.float64] | None:
    """The profile's polygon in its own plane (x, y), or None for a curved one."""
    corners: npt.NDArray[np.float64] | None
    if profile.is_a("IfcRectangleProfileDef"):
        half_x, half_y = float(profile.XDim) / 2, float(profile.YDim) / 2
        corners = np.array(
            [[-half_x, -half_y], [half_x, -half_y], [half_x, half_y], [-half_x, half_y]]
        )
    elif profile.is_a("IfcArbitraryClosedProfileDef") and not profile.is_a(
        "IfcArbitraryProfileDefWithVoids"
    ):
        corners = _polyline(profile.OuterCurve)
        if corners is None:
            return None
    else:
        return None
    if getattr(profile, "Position", None) is not None:
        corners = _placed_2d(profile.Position, corners)
    return corners


def _placed_2d(
    position: Any, points: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """``points`` moved by an IfcAxis2Placement2D (origin and x direction)."""
    origin = np.asarray(position.Location.Coordinates[:2], dtype=np.float64)
    ref = getattr(position, "RefDirection", None)
    x_axis = np.array([1.0, 0.0])
    if ref is not None:
        x_axis = np.asarray(ref.DirectionRatios[:2], dtype=np.float64)
        x_axis /= np.linalg.norm(x_axis)
    rotation = np.array([[x_axis[0], -x_axis[1]], [x_axis[1], x_axis[0]]])
    moved: npt.NDArray[np.float64] = points @ rotation.T + origin
    return moved


def _polyline(curve: Any) -> npt.NDArray[np.float64] | None:
    """An IfcPolyline's points, or an IfcIndexedPolyCurve's with no arcs."""
    if curve.is_a("IfcPolyline"):
        points = np.array([p.Coordinates[:2] for p in curve.Points], dtype=np.float64)
    elif curve.is_a("IfcIndexedPolyCurve"):
        if curve.Segments and any(s.is_a("IfcArcIndex") for s in curve.Segments):
            return None
        points = np.array([p[:2] for p in curve.Points.CoordList], dtype=np.float64)
    else:
        return None
    if len(points) > 1 and np.allclose(points[0], points[-1]):
        points = points[:-1]
    return points
