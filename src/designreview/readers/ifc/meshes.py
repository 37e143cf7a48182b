"""Triangles of the few elements a plan needs, from ifcopenshell's geometry iterator.

A full geometry pass over a school model takes up to a minute (door and window
bodies with every frame and handle, walls with their openings cut in 3D). A plan
needs only walls, columns, curtain-wall parts, openings, spaces and stairs, and
their openings are taken out in 2D afterwards, so the 3D booleans are switched
off. Doors and windows are placed from their openings and attributes instead.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ifcopenshell.geom
import numpy as np

from designreview.model.errors import PlanReadError
from designreview.readers.dxf.walk import (
    CancelCheck,
    ImportCancelledError,
    ProgressReport,
)
from designreview.readers.ifc.section import Faces, Vertices

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True, slots=True)
class Mesh:
    """One element's triangles in world metres."""

    verts: Vertices
    faces: Faces


def element_meshes(
    model: Any,
    elements: Sequence[Any],
    *,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
    timeout_s: float = 120.0,
    name: str = "the model",
) -> dict[int, Mesh]:
    """Triangles of each of ``elements`` by entity id (those with none left out)."""
    if not elements:
        return {}
    geom: Any = ifcopenshell.geom
    settings = geom.settings()
    settings.set("disable-opening-subtractions", True)
    settings.set("use-world-coords", True)
    iterator = geom.iterator(
        settings, model, max(1, os.cpu_count() or 1), include=list(elements)
    )
    meshes: dict[int, Mesh] = {}
    start = time.monotonic()
    if not iterator.initialize():
        return meshes
    total = len(elements)
    while True:
        shape = iterator.get()
        geometry = shape.geometry
        verts = np.asarray(geometry.verts, dtype=np.float64).reshape(-1, 3)
        faces = np.asarray(geometry.faces, dtype=np.int64).reshape(-1, 3)
        if len(faces):
            meshes[int(shape.id)] = Mesh(verts, faces)
        if cancelled is not None and cancelled():
            raise ImportCancelledError("The import was cancelled.")
        if time.monotonic() - start > timeout_s:
            raise PlanReadError(
                f"Cutting the plans of {name} took over {timeout_s:.0f} s and was "
                "stopped. Export the building alone, or fewer storeys, from the BIM "
                "tool."
            )
        if progress is not None:
            progress(min(1.0, len(meshes) / total))
        if not iterator.next():
            break
    return meshes
