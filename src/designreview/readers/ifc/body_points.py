"""The corners of an element's body read straight from its representation.

A door that fills no opening (a curtain-wall door) can only be placed by its body,
and tessellating one Revit door body takes the kernel most of a second. Its B-rep
names its corners (IfcVertexPoint) and an extrusion its profile and depth; their
extent along the door's axes is all the plan needs. Bodies made otherwise return
None and go to the kernel.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from designreview.readers.ifc.placements import axis2_placement

Points = npt.NDArray[np.float64]
_BREPS = ("IfcFacetedBrep", "IfcAdvancedBrep", "IfcFacetedBrepWithVoids")
MAX_POINTS = 100_000


def body_points(element: Any) -> Points | None:
    """The body's corners in the element's own axes (project units), or None."""
    shape = element.Representation
    if shape is None:
        return None
    bodies = [r for r in shape.Representations if r.RepresentationIdentifier == "Body"]
    if len(bodies) != 1:
        return None
    found = _items(bodies[0].Items, np.eye(4))
    if found is None or not found:
        return None
    return np.vstack(found)


def _items(items: Any, matrix: Any) -> list[Points] | None:
    out: list[Points] = []
    for item in items or ():
        if item.is_a("IfcMappedItem"):
            inner = _mapping(item)
            if inner is None:
                return None
            nested = _items(
                item.MappingSource.MappedRepresentation.Items, matrix @ inner
            )
            if nested is None:
                return None
            out += nested
        elif item.is_a() in _BREPS:
            corners = _brep_corners(item)
            if not corners or len(corners) > MAX_POINTS:
                return None
            out.append(_moved(np.asarray(corners, dtype=np.float64), matrix))
        else:
            return None
    return out


def _brep_corners(brep: Any) -> list[Any]:
    """Every corner of a B-rep's faces: polygon loops' points, edge loops' ends."""
    shells = [brep.Outer, *(getattr(brep, "Voids", None) or ())]
    corners: list[Any] = []
    for shell in shells:
        for face in shell.CfsFaces:
            for bound in face.Bounds:
                loop = bound.Bound
                if loop.is_a("IfcPolyLoop"):
                    corners += [p.Coordinates for p in loop.Polygon]
                elif loop.is_a("IfcEdgeLoop"):
                    for oriented in loop.EdgeList:
                        edge = oriented.EdgeElement
                        for vertex in (edge.EdgeStart, edge.EdgeEnd):
                            if vertex.is_a("IfcVertexPoint"):
                                corners.append(vertex.VertexGeometry.Coordinates)
                if len(corners) > MAX_POINTS:
                    return corners
    return corners


def _mapping(item: Any) -> Any | None:
    """A mapped item's transform: its target (a plain move only) after its origin."""
    target = item.MappingTarget
    if any(getattr(target, a, None) is not None for a in ("Axis1", "Axis2", "Axis3")):
        return None
    scale = getattr(target, "Scale", None)
    if scale not in (None, 1.0):
        return None
    move = np.eye(4)
    move[:3, 3] = [float(v) for v in [*target.LocalOrigin.Coordinates, 0.0][:3]]
    return move @ axis2_placement(item.MappingSource.MappingOrigin)


def _moved(points: Points, matrix: Any) -> Points:
    full = np.column_stack([points[:, :3], np.ones(len(points))])
    moved: Points = (matrix @ full.T).T[:, :3]
    return moved
