"""The storeys of an IFC model and the elements a plan of each needs.

Each storey becomes a sheet. Storeys are listed in elevation order (models do not
keep them in order); one with no doors, and no spaces that a stair below leads to,
is a pseudo-storey (a foundation or roof level) that is offered, not imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ifcopenshell.util.placement

WALL_CLASSES = ("IfcWall", "IfcColumn")
"""Cut as walls: IfcWall covers IfcWallStandardCase (ArchiCAD) and plain IfcWall
(Revit IFC4 exports have no IfcWallStandardCase)."""


@dataclass(slots=True)
class StoreyElements:
    """One storey's elements, by what the plan does with them."""

    walls: list[Any] = field(default_factory=list)
    columns: list[Any] = field(default_factory=list)
    curtain_members: list[Any] = field(default_factory=list)
    """Mullions and frames of curtain walls: drawn and walked around as walls."""
    glazing: list[Any] = field(default_factory=list)
    """Curtain wall panels: glass, drawn as windows."""
    doors: list[Any] = field(default_factory=list)
    windows: list[Any] = field(default_factory=list)
    spaces: list[Any] = field(default_factory=list)
    stairs: list[Any] = field(default_factory=list)
    """Stair flights (or stairs with no flights of their own)."""
    openings: list[Any] = field(default_factory=list)
    """Openings in the storey's walls (doors and windows fill most)."""
    stair_count: int = 0
    """Stairs (IfcStair, or a flight that belongs to none)."""


@dataclass(frozen=True, slots=True)
class Storey:
    """One IfcBuildingStorey: where it is and how much of a floor it holds."""

    guid: str
    name: str
    elevation_m: float
    walls: int
    doors: int
    windows: int
    spaces: int
    stairs: int
    is_floor: bool
    """False for a pseudo-storey (no doors, no spaces a stair leads to)."""

    @property
    def summary(self) -> str:
        """``Erdgeschoss (0.00 m): 29 walls, 18 doors, 54 windows, 18 spaces``."""
        return (
            f"{self.name} ({self.elevation_m:+.2f} m): {self.walls} walls, "
            f"{self.doors} doors, {self.windows} windows, {self.spaces} spaces"
        )


def storey_elevation(storey: Any, metres_per_unit: float) -> float:
    """The storey's height in the model: its placement, else its Elevation."""
    if storey.ObjectPlacement is not None:
        matrix = ifcopenshell.util.placement.get_local_placement(storey.ObjectPlacement)
        return round(float(matrix[2][3]) * metres_per_unit, 6)
    return round(float(storey.Elevation or 0.0) * metres_per_unit, 6)


def storey_elements(storey: Any) -> StoreyElements:
    """Everything contained in ``storey`` (and in its spaces), parts included."""
    found = StoreyElements()
    seen: set[int] = set()
    pending: list[Any] = []
    for rel in getattr(storey, "ContainsElements", ()) or ():
        pending.extend(rel.RelatedElements)
    for space in _spaces_of(storey):
        found.spaces.append(space)
        for rel in getattr(space, "ContainsElements", ()) or ():
            pending.extend(rel.RelatedElements)
    while pending:
        element = pending.pop()
        if element.id() in seen:
            continue
        seen.add(element.id())
        parts = _parts_of(element)
        _sort(element, found, has_parts=bool(parts))
        for part in parts:
            if part.id() in seen:
                continue
            seen.add(part.id())
            _sort(
                part,
                found,
                in_curtain=element.is_a("IfcCurtainWall"),
                in_stair=element.is_a("IfcStair"),
                has_parts=bool(_parts_of(part)),
            )
            pending.extend(_parts_of(part))
    for wall in found.walls:
        for rel in getattr(wall, "HasOpenings", ()) or ():
            found.openings.append(rel.RelatedOpeningElement)
    return found


def _sort(
    element: Any,
    found: StoreyElements,
    *,
    in_curtain: bool = False,
    in_stair: bool = False,
    has_parts: bool = False,
) -> None:
    """File ``element`` under what the plan does with it."""
    if element.is_a("IfcDoor"):
        found.doors.append(element)
    elif element.is_a("IfcWindow"):
        found.windows.append(element)
    elif element.is_a("IfcWall"):
        found.walls.append(element)
    elif element.is_a("IfcColumn"):
        found.columns.append(element)
    elif element.is_a("IfcPlate") and in_curtain:
        found.glazing.append(element)
    elif element.is_a("IfcMember") and in_curtain:
        found.curtain_members.append(element)
    elif element.is_a("IfcStair") or element.is_a("IfcStairFlight"):
        if not has_parts:
            found.stairs.append(element)
        if element.is_a("IfcStair") or not in_stair:
            found.stair_count += 1
    elif element.is_a("IfcSpace"):
        found.spaces.append(element)


def _parts_of(element: Any) -> list[Any]:
    """The parts ``element`` is made of (a curtain wall's panels, a stair's flights)."""
    parts: list[Any] = []
    for rel in getattr(element, "IsDecomposedBy", ()) or ():
        parts.extend(rel.RelatedObjects)
    return parts


def _spaces_of(storey: Any) -> list[Any]:
    """The spaces aggregated under ``storey``, nested spaces too."""
    spaces: list[Any] = []
    pending = list(_parts_of(storey))
    while pending:
        item = pending.pop(0)
        if item.is_a("IfcSpace"):
            spaces.append(item)
            pending.extend(_parts_of(item))
    return spaces


def list_storeys(
    model: Any, metres_per_unit: float
) -> tuple[tuple[Storey, StoreyElements], ...]:
    """Every storey of ``model`` in elevation order, with its elements."""
    rows = []
    for storey in model.by_type("IfcBuildingStorey"):
        elements = storey_elements(storey)
        rows.append((storey, elements, storey_elevation(storey, metres_per_unit)))
    rows.sort(key=lambda row: row[2])
    result = []
    stair_below = False
    for storey, elements, elevation in rows:
        is_floor = bool(elements.doors) or (bool(elements.spaces) and stair_below)
        result.append(
            (
                Storey(
                    guid=storey.GlobalId,
                    name=str(storey.Name or storey.LongName or "Storey").strip(),
                    elevation_m=elevation,
                    walls=len(elements.walls),
                    doors=len(elements.doors),
                    windows=len(elements.windows),
                    spaces=len(elements.spaces),
                    stairs=elements.stair_count,
                    is_floor=is_floor,
                ),
                elements,
            )
        )
        stair_below = bool(elements.stairs)
    return tuple(result)
