"""Where model elements sit: IfcLocalPlacement chains as matrices, each link once.

An opening is placed in its wall, the wall in its storey, the storey in the building
and the building on the site; ifcopenshell's helper recomputes the whole chain for
each element with general numpy calls (some 0.7 ms an element). The links are few
and shared, so each is computed once here, in plain arithmetic.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]


class Placements:
    """World matrices (project units) of IfcLocalPlacements, remembered by id."""

    def __init__(self) -> None:
        """An empty memory: one per model read."""
        self._known: dict[int, Matrix] = {}

    def of(self, placement: Any) -> Matrix:
        """The 4 x 4 world matrix of an IfcObjectPlacement (identity for none)."""
        if placement is None:
            return np.eye(4)
        key = placement.id()
        found = self._known.get(key)
        if found is not None:
            return found
        parent = getattr(placement, "PlacementRelTo", None)
        relative = getattr(placement, "RelativePlacement", None)
        own = axis2_placement(relative) if relative is not None else np.eye(4)
        matrix = self.of(parent) @ own if parent is not None else own
        self._known[key] = matrix
        return matrix


def axis2_placement(position: Any) -> Matrix:
    """An IfcAxis2Placement3D (or 2D) as a 4 x 4 matrix.

    The x axis is RefDirection made square to Axis, as the IFC definition says.

    Example:
        >>> axis2_placement(None).tolist()[0]
        [1.0, 0.0, 0.0, 0.0]
    """
    matrix = np.eye(4)
    if position is None:
        return matrix
    location = [float(v) for v in position.Location.Coordinates] + [0.0, 0.0]
    matrix[:3, 3] = location[:3]
    axis = getattr(position, "Axis", None)
    ref = getattr(position, "RefDirection", None)
    z = _unit(
        [float(v) for v in axis.DirectionRatios] if axis is not None else [0, 0, 1]
    )
    x = _unit(
        [float(v) for v in ref.DirectionRatios] + [0.0] * (3 - len(ref.DirectionRatios))
        if ref is not None
        else ([1.0, 0.0, 0.0] if abs(z[0]) < 0.9 else [0.0, 0.0, 1.0])
    )
    dot = sum(a * b for a, b in zip(x, z, strict=True))
    x = _unit([a - dot * b for a, b in zip(x, z, strict=True)])
    y = [
        z[1] * x[2] - z[2] * x[1],
        z[2] * x[0] - z[0] * x[2],
        z[0] * x[1] - z[1] * x[0],
    ]
    matrix[:3, 0], matrix[:3, 1], matrix[:3, 2] = x, y, z
    return matrix


def _unit(vector: list[float]) -> list[float]:
    vector = [*vector, 0.0, 0.0, 0.0][:3]
    length = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / length for v in vector]
