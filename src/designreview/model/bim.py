"""What a plan read from a BIM model (IFC) knows beyond its lines: the model's ids.

A DXF export loses which element is which; an IFC model names every wall, door and
space by a GlobalId that the architect's BIM tool knows too. Keeping those ids lets
findings go back to the very element they are about (BCF topics and selections).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BimElement:
    """One model element shown on a plan: its GlobalId, IFC class and name."""

    guid: str
    """The IFC GlobalId (22 characters), as the BIM tool knows the element."""
    ifc_class: str
    """``IfcWall``, ``IfcDoor``, ``IfcSpace``...: what the model says it is."""
    name: str = ""


@dataclass(frozen=True, slots=True)
class BimStorey:
    """A storey of the model, as offered when its storeys become sheets."""

    guid: str
    name: str
    elevation_m: float
    is_floor: bool
    """False for a pseudo-storey (a foundation or roof level with no doors)."""
    summary: str = ""
    """What it holds, in words (``29 walls, 18 doors, 54 windows, 18 spaces``)."""


@dataclass(frozen=True, slots=True)
class BimSource:
    """The IFC model and storey a plan was cut from.

    Drawing coordinates of such a plan (``Plan.to_drawing_m``) are the model's own
    world coordinates in metres, so a BCF camera or a selection placed from them
    lands where the BIM tool shows the element.
    """

    schema: str
    """``IFC2X3``, ``IFC4``..."""
    project_guid: str
    """The IfcProject's GlobalId: the project BCF topics belong to."""
    project_name: str = ""
    storey_guid: str = ""
    storey_name: str = ""
    elevation_m: float = 0.0
    """The storey's elevation in the model, metres."""
    cut_height_m: float = 1.2
    """Where the plan cuts the storey, metres above its elevation."""
    true_north_deg: float | None = None
    """Where true north points, clockwise from the plan's up (+y), in degrees;
    None when the model does not say."""
    application: str = ""
    """The authoring tool that wrote the model (``ARCHICAD``, ``Revit``)."""
    elements: tuple[BimElement, ...] = ()
    """Every wall, door, window, space and stair cut into the plan."""
    storeys: tuple[BimStorey, ...] = ()
    """Every storey of the model, in elevation order (this one among them)."""

    def element(self, guid: str) -> BimElement | None:
        """The element with GlobalId ``guid``, if the plan shows it."""
        return next((e for e in self.elements if e.guid == guid), None)
