"""One storey of an IFC model cut into plan data: walls, windows, doors, spaces, stairs.

Everything here is in the model's world coordinates, metres, and plain enough to
cache (``readers.ifc.cache``); ``readers.ifc.read`` turns it into a Plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from designreview.model.bim import BimElement
from designreview.model.geometry import Point2
from designreview.readers.ifc.doors import (
    DoorFrame,
    DoorRecord,
    door_record,
    element_frame,
    filled_opening,
    needs_body,
)
from designreview.readers.ifc.section import (
    Segments,
    boundary_segments,
    footprint,
    section_area,
    section_segments,
)
from designreview.readers.ifc.storeys import Storey, StoreyElements

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from designreview.readers.ifc.meshes import Mesh
from designreview.readers.ifc.placements import Placements

DEFAULT_CUT_M = 1.2
"""The plan's cut height above the storey: above sills, below door heads."""
_SPACE_MARGIN_M = 0.05
_EMPTY = np.zeros((0, 4))


@dataclass(frozen=True, slots=True)
class SpaceRecord:
    """One IfcSpace: its outline in plan, number (Name) and name (LongName)."""

    guid: str
    number: str
    name: str
    outline: tuple[Point2, ...]
    zones: tuple[str, ...] = ()
    """Names of the IfcZones the space is grouped in."""


@dataclass(frozen=True, slots=True)
class StoreyCut:
    """What the plan of one storey shows, in world metres."""

    storey: Storey
    cut_height_m: float
    walls: Segments
    columns: Segments
    windows: Segments
    stairs: Segments
    doors: tuple[DoorRecord, ...]
    spaces: tuple[SpaceRecord, ...]
    elements: tuple[BimElement, ...]
    warnings: tuple[str, ...] = ()


def needed_elements(elements: StoreyElements) -> list[Any]:
    """The elements whose triangles the cut needs (never doors' or windows' bodies)."""
    openings = {o.id(): o for o in elements.openings}
    for element in (*elements.doors, *elements.windows):
        hole = filled_opening(element)
        if hole is not None:
            openings[hole.id()] = hole
        elif needs_body(element):
            openings[element.id()] = element
    return [
        *elements.walls,
        *elements.columns,
        *elements.curtain_members,
        *elements.glazing,
        *elements.spaces,
        *elements.stairs,
        *openings.values(),
    ]


def cut_storey(
    storey: Storey,
    elements: StoreyElements,
    meshes: dict[int, Mesh],
    metres_per_unit: float,
    cut_height_m: float = DEFAULT_CUT_M,
    placements: Placements | None = None,
) -> StoreyCut:
    """The plan data of ``storey`` cut ``cut_height_m`` above its elevation."""
    placements = placements or Placements()
    z = storey.elevation_m + cut_height_m
    warnings: list[str] = []
    holes = _union(
        [section_area(m.verts, m.faces, z) for m in _meshes(meshes, elements.openings)]
    )
    walls, solid = _solid_lines(
        _meshes(meshes, [*elements.walls, *elements.curtain_members]), z, holes
    )
    columns, _ = _solid_lines(_meshes(meshes, elements.columns), z, holes)
    glazing = [
        boundary_segments(section_area(m.verts, m.faces, z))
        for m in _meshes(meshes, elements.glazing)
    ]
    doors, unplaced = _doors(elements.doors, meshes, metres_per_unit, placements)
    if unplaced:
        warnings.append(
            f"{unplaced} doors of {storey.name} have no placement in the model and are "
            "not on the plan; mark them with the Door tool."
        )
    windows = [
        *glazing,
        *_windows(elements.windows, meshes, metres_per_unit, z, solid, placements),
    ]
    stairs = [
        boundary_segments(footprint(m.verts, m.faces))
        for m in _meshes(meshes, elements.stairs)
    ]
    spaces = tuple(
        record
        for record in (
            _space(space, meshes.get(space.id()), z) for space in elements.spaces
        )
        if record is not None
    )
    missing = len(elements.spaces) - len(spaces)
    if missing:
        warnings.append(
            f"{missing} spaces of {storey.name} have no outline in the model; draw "
            "them with the Space tool."
        )
    return StoreyCut(
        storey=storey,
        cut_height_m=cut_height_m,
        walls=walls,
        columns=columns,
        windows=_stack(windows),
        stairs=_stack(stairs),
        doors=doors,
        spaces=spaces,
        elements=_elements(elements),
        warnings=tuple(warnings),
    )


def _meshes(meshes: dict[int, Mesh], elements: list[Any]) -> list[Mesh]:
    return [meshes[e.id()] for e in elements if e.id() in meshes]


def _union(areas: list[BaseGeometry]) -> BaseGeometry:
    areas = [a for a in areas if not a.is_empty]
    return shapely.union_all(areas, grid_size=1e-6) if areas else shapely.Polygon()


def _solid_lines(
    meshes: list[Mesh], z: float, holes: BaseGeometry
) -> tuple[Segments, BaseGeometry]:
    """What the plane cuts out of solids: its outline with openings taken out.

    Also returned: the cut area before the openings were taken out.

    A solid whose cut closes no loop (an open mesh) keeps its cut lines, less the
    parts inside openings.
    """
    areas, loose = [], []
    for mesh in meshes:
        area = section_area(mesh.verts, mesh.faces, z)
        if area.is_empty:
            lines = section_segments(mesh.verts, mesh.faces, z)
            if len(lines):
                loose.append(lines)
        else:
            areas.append(area)
    whole = solid = _union(areas)
    if not holes.is_empty and not solid.is_empty:
        solid = shapely.difference(solid, holes, grid_size=1e-6)
    out = [boundary_segments(solid)]
    if loose:
        cut: BaseGeometry = shapely.multilinestrings(
            list(np.vstack(loose).reshape(-1, 2, 2))
        )
        if not holes.is_empty:
            cut = shapely.difference(cut, holes)
        out.append(_line_segments(cut))
    return _stack(out), whole


def _line_segments(lines: BaseGeometry) -> Segments:
    parts = []
    for line in shapely.get_parts(lines):
        xy = shapely.get_coordinates(line)
        if len(xy) >= 2:
            parts.append(np.hstack([xy[:-1], xy[1:]]))
    return _stack(parts)


def _stack(parts: list[Segments]) -> Segments:
    parts = [p for p in parts if len(p)]
    return np.vstack(parts) if parts else _EMPTY


def _doors(
    doors: list[Any],
    meshes: dict[int, Mesh],
    metres_per_unit: float,
    placements: Placements,
) -> tuple[tuple[DoorRecord, ...], int]:
    records, unplaced = [], 0
    for door in doors:
        hole = filled_opening(door)
        mesh = meshes.get((hole or door).id())
        record = door_record(door, mesh, metres_per_unit, placements)
        if record is None:
            unplaced += 1
        else:
            records.append(record)
    return tuple(records), unplaced


def _windows(
    windows: list[Any],
    meshes: dict[int, Mesh],
    metres_per_unit: float,
    z: float,
    walls: BaseGeometry,
    placements: Placements,
) -> list[Segments]:
    """Each window the plane cuts: its opening's outline and the glass line along it."""
    out = []
    for window in windows:
        hole = filled_opening(window)
        mesh = meshes.get((hole or window).id())
        if mesh is not None:
            zs = mesh.verts[:, 2]
            if not zs.min() < z < zs.max():
                continue  # a high or low window: not in the cut
        placed = element_frame(window, mesh, metres_per_unit, None, placements)
        if placed is None:
            continue
        out.append(_window_lines(_within_wall(placed[0], walls)))
    return out


def _within_wall(frame: DoorFrame, walls: BaseGeometry) -> DoorFrame:
    """The window's frame as deep as the wall it sits in, not as its opening.

    Openings are often cut deeper than their wall (to be sure they cut through):
    the window's lines belong on the wall's faces.
    """
    if walls.is_empty:
        return frame
    (sx, sy), (ex, ey), (nx, ny) = frame.start, frame.end, frame.swing
    mx, my = (sx + ex) / 2, (sy + ey) / 2
    jx, jy = mx, my  # the walls here are whole: openings not yet taken out
    probe = shapely.LineString([(jx - nx, jy - ny), (jx + nx, jy + ny)])
    inside = shapely.intersection(probe, walls)
    if inside.is_empty:
        return frame
    points = shapely.get_coordinates(inside)
    offsets = (points[:, 0] - jx) * nx + (points[:, 1] - jy) * ny
    near, far = float(offsets.min()), float(offsets.max())
    if far - near < 0.02:
        return frame
    # The middle line moves to the wall's middle; start and end follow it.
    shift = (near + far) / 2 - ((mx - jx) * nx + (my - jy) * ny)
    return DoorFrame(
        (sx + nx * shift, sy + ny * shift),
        (ex + nx * shift, ey + ny * shift),
        frame.swing,
        ((near - far) / 2, (far - near) / 2),
    )


def _window_lines(frame: DoorFrame) -> Segments:
    """Two wall-face lines and the glass line between them, as plans draw windows."""
    (sx, sy), (ex, ey), (nx, ny) = frame.start, frame.end, frame.swing
    lines = []
    near, far = frame.depth
    for offset in (near, 0.0, far):
        lines.append(
            [sx + nx * offset, sy + ny * offset, ex + nx * offset, ey + ny * offset]
        )
    return np.array(lines)


def _space(space: Any, mesh: Mesh | None, z: float) -> SpaceRecord | None:
    """The space's outline where the plan cuts it (or halfway up a low space)."""
    if mesh is None:
        return None
    low, high = float(mesh.verts[:, 2].min()), float(mesh.verts[:, 2].max())
    height = min(max(z, low + _SPACE_MARGIN_M), high - _SPACE_MARGIN_M)
    area = section_area(mesh.verts, mesh.faces, height)
    if area.is_empty:
        area = footprint(mesh.verts, mesh.faces)
    polygons = [p for p in shapely.get_parts(area) if p.area > 0.01]
    if not polygons:
        return None
    biggest = max(polygons, key=lambda p: p.area)
    ring = shapely.get_coordinates(biggest.exterior)[:-1]
    return SpaceRecord(
        guid=space.GlobalId,
        number=str(space.Name or "").strip(),
        name=str(space.LongName or "").strip(),
        outline=tuple((round(float(x), 6), round(float(y), 6)) for x, y in ring),
        zones=_zones(space),
    )


def _zones(space: Any) -> tuple[str, ...]:
    """The names of the zones (IfcZone) that group ``space``, in model order."""
    names = []
    for rel in getattr(space, "HasAssignments", ()) or ():
        group = getattr(rel, "RelatingGroup", None)
        if group is not None and group.is_a("IfcZone"):
            names.append(str(group.Name or group.LongName or "Zone").strip())
    return tuple(names)


def _elements(elements: StoreyElements) -> tuple[BimElement, ...]:
    shown = [
        *elements.walls,
        *elements.columns,
        *elements.curtain_members,
        *elements.glazing,
        *elements.doors,
        *elements.windows,
        *elements.spaces,
        *elements.stairs,
    ]
    return tuple(
        BimElement(e.GlobalId, e.is_a(), str(e.Name or "").strip()) for e in shown
    )
