"""Doors and windows of an IFC model placed in plan, without tessellating them.

A door's body (frame, leaf, handles) is the costliest geometry in a model (30 s for
70 Revit doors) and says less than its attributes. The opening it fills gives its
place in the wall, its placement gives the directions, OverallWidth its width, and
OperationType (on the door, its IfcDoorType, or IFC2X3's IfcDoorStyle) its hinge
side. By the IFC definition a leaf swings toward the door's local +y, and a LEFT
door is hinged at the end on the left as seen looking along +y, which is local -x.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ifcopenshell.util.element
import numpy as np
import numpy.typing as npt

from designreview.model.geometry import Point2
from designreview.readers.ifc.body_points import body_points

if TYPE_CHECKING:
    from designreview.readers.ifc.meshes import Mesh
    from designreview.readers.ifc.placements import Placements

_SWING_ONE = {"SINGLE_SWING_LEFT": -1, "SINGLE_SWING_RIGHT": 1}
_DOUBLE_ACTING = {"DOUBLE_SWING_LEFT": -1, "DOUBLE_SWING_RIGHT": 1}
_DOUBLE_LEAF = frozenset(
    {
        "DOUBLE_DOOR_SINGLE_SWING",
        "DOUBLE_DOOR_SINGLE_SWING_OPPOSITE_LEFT",
        "DOUBLE_DOOR_SINGLE_SWING_OPPOSITE_RIGHT",
        "DOUBLE_DOOR_DOUBLE_SWING",
    }
)
NOT_HINGED = frozenset(
    {
        "SLIDING_TO_LEFT",
        "SLIDING_TO_RIGHT",
        "DOUBLE_DOOR_SLIDING",
        "FOLDING_TO_LEFT",
        "FOLDING_TO_RIGHT",
        "DOUBLE_DOOR_FOLDING",
        "REVOLVING",
        "ROLLINGUP",
    }
)
"""Doors with no leaf on a hinge: a plan draws them as a line across the opening."""
_NO_SWING = NOT_HINGED | {"SWING_FIXED_LEFT", "SWING_FIXED_RIGHT"}
"""Doors that do not swing on a hinge at one end (their operation says how)."""
DOOR_WIDTH_M = (0.4, 6.0)
"""Widths outside this are no door's (a unit mistake, a placeholder): the opening's
own width is used instead."""


@dataclass(frozen=True, slots=True)
class DoorFrame:
    """Where a door or window sits: its opening's ends and its swing direction."""

    start: Point2
    """The end of the opening at the element's local -x."""
    end: Point2
    """The end at local +x."""
    swing: Point2
    """Unit vector of local +y in plan: the side a leaf opens into."""
    depth: tuple[float, float]
    """The opening's extent across the wall, along ``swing`` from the middle."""

    @property
    def width_m(self) -> float:
        """The opening's width."""
        return float(np.hypot(self.end[0] - self.start[0], self.end[1] - self.start[1]))


@dataclass(frozen=True, slots=True)
class DoorRecord:
    """One IfcDoor as the plan needs it."""

    guid: str
    name: str
    frame: DoorFrame
    operation: str
    """OperationType as the model states it; "" when it states none."""
    number: str = ""
    is_external: bool | None = None
    fire_exit: bool | None = None
    security_rating: str = ""
    glazed: bool | None = None
    opening_guid: str = ""
    placed_from: str = "opening"
    """``opening``, ``box``, ``body`` or ``placement``: what gave the door its
    place (the opening it fills, its Box, its own body, or its placement alone)."""

    @property
    def hinge_end(self) -> int:
        """-1 hinged at ``start``, 1 at ``end``, 0 when not one end (or unknown)."""
        return _SWING_ONE.get(self.operation, _DOUBLE_ACTING.get(self.operation, 0))

    @property
    def is_double_leaf(self) -> bool:
        """Two leaves meeting in the middle."""
        return self.operation in _DOUBLE_LEAF

    @property
    def is_double_acting(self) -> bool:
        """Leaves that swing both ways."""
        return (
            self.operation in _DOUBLE_ACTING
            or self.operation == "DOUBLE_DOOR_DOUBLE_SWING"
        )

    @property
    def swings(self) -> bool:
        """Whether the model says how its leaves swing (known hinge sides)."""
        return self.hinge_end != 0 or self.is_double_leaf or self.operation in _NO_SWING


def operation_type(element: Any) -> str:
    """OperationType from the occurrence, its type, or its IFC2X3 style; "" if none."""
    own = getattr(element, "OperationType", None)
    if own and own not in ("NOTDEFINED", "USERDEFINED"):
        return str(own)
    kind = ifcopenshell.util.element.get_type(element)
    found = getattr(kind, "OperationType", None) if kind is not None else None
    if found and found not in ("NOTDEFINED", "USERDEFINED"):
        return str(found)
    return ""


def element_frame(
    element: Any,
    opening: Mesh | None,
    metres_per_unit: float,
    width_m: float | None,
    placements: Placements,
) -> tuple[DoorFrame, str] | None:
    """The opening of a door or window in plan, and what gave it; None if no place."""
    if element.ObjectPlacement is None:
        return None
    matrix = placements.of(element.ObjectPlacement)
    origin = matrix[:3, 3] * metres_per_unit
    x_axis, y_axis = _unit(matrix[:2, 0]), _unit(matrix[:2, 1])
    if x_axis is None or y_axis is None:
        return None
    extent = None
    source = "placement"
    if opening is not None and len(opening.verts):
        extent = _extent(opening.verts[:, :2] - origin[:2], x_axis, y_axis)
        source = "opening" if filled_opening(element) is not None else "body"
    if extent is None:
        extent = _box_extent(element, metres_per_unit)
        source = "box" if extent is not None else source
    if extent is None and (corners := body_points(element)) is not None:
        extent = _local_extent(corners * metres_per_unit)
        source = "body" if extent is not None else source
    if extent is None:
        if width_m is None:
            return None
        extent = (0.0, width_m, 0.0, 0.0)
    x0, x1, y0, y1 = extent
    width = width_m if width_m is not None else x1 - x0
    if source == "opening" and width_m is not None and width_m > (x1 - x0) * 1.5:
        width = x1 - x0  # the door is wider than its hole: the hole is right
    middle_x, middle_y = (x0 + x1) / 2, (y0 + y1) / 2
    base = origin[:2] + y_axis * middle_y
    start = base + x_axis * (middle_x - width / 2)
    end = base + x_axis * (middle_x + width / 2)
    return (
        DoorFrame(
            (float(start[0]), float(start[1])),
            (float(end[0]), float(end[1])),
            (float(y_axis[0]), float(y_axis[1])),
            (float(y0 - middle_y), float(y1 - middle_y)),
        ),
        source,
    )


def _unit(vector: npt.NDArray[np.float64]) -> npt.NDArray[np.float64] | None:
    length = float(np.hypot(*vector))
    return None if length < 1e-6 else vector / length


def _extent(
    points: npt.NDArray[np.float64],
    x_axis: npt.NDArray[np.float64],
    y_axis: npt.NDArray[np.float64],
) -> tuple[float, float, float, float] | None:
    along, across = points @ x_axis, points @ y_axis
    if float(along.max() - along.min()) < 0.05:
        return None
    return (
        float(along.min()),
        float(along.max()),
        float(across.min()),
        float(across.max()),
    )


def _local_extent(
    points: npt.NDArray[np.float64],
) -> tuple[float, float, float, float] | None:
    """The extent of points given in the element's own axes (x along the wall)."""
    if float(points[:, 0].max() - points[:, 0].min()) < 0.05:
        return None
    return (
        float(points[:, 0].min()),
        float(points[:, 0].max()),
        float(points[:, 1].min()),
        float(points[:, 1].max()),
    )


def _box_extent(
    element: Any, metres_per_unit: float
) -> tuple[float, float, float, float] | None:
    """The element's own BoundingBox representation ("Box"), in its local axes."""
    shape = element.Representation
    for rep in getattr(shape, "Representations", ()) or ():
        for item in rep.Items or ():
            if item.is_a("IfcBoundingBox"):
                x, y = (float(v) * metres_per_unit for v in item.Corner.Coordinates[:2])
                dx, dy = (
                    float(item.XDim) * metres_per_unit,
                    float(item.YDim) * metres_per_unit,
                )
                return (x, x + dx, y, y + dy)
    return None


def door_width(element: Any, metres_per_unit: float) -> float | None:
    """OverallWidth in metres when it is a door's width; None otherwise."""
    value = getattr(element, "OverallWidth", None)
    if not isinstance(value, int | float):
        return None
    width = float(value) * metres_per_unit
    low, high = DOOR_WIDTH_M
    return width if low <= width <= high else None


def door_number(element: Any) -> str:
    """The door's Tag when it reads as a door number (not a database id or a GUID)."""
    tag = str(getattr(element, "Tag", "") or "").strip()
    if not tag or len(tag) > 8 or (tag.isdigit() and len(tag) >= 5):
        return ""
    return tag


def common_properties(
    element: Any,
) -> tuple[bool | None, bool | None, str, bool | None]:
    """IsExternal, FireExit, SecurityRating and glazing from Pset_DoorCommon.

    Exporters fill these with placeholders: the property's own name as its value,
    booleans written as text, empty strings. Those count as unknown, never as values.
    """
    psets = ifcopenshell.util.element.get_psets(element)
    common = psets.get("Pset_DoorCommon", {})
    external = common.get("IsExternal")
    fire = common.get("FireExit", common.get("IsFireExit"))
    rating = common.get("SecurityRating")
    glazing = common.get("GlazingAreaFraction")
    glazed = (
        float(glazing) > 0
        if isinstance(glazing, int | float) and not isinstance(glazing, bool)
        else None
    )
    return (
        external if isinstance(external, bool) else None,
        fire if isinstance(fire, bool) else None,
        rating.strip()
        if isinstance(rating, str) and _real_text(rating, "SecurityRating")
        else "",
        glazed,
    )


def _real_text(value: str, name: str) -> bool:
    """Whether ``value`` says something (not empty, not the property's own name)."""
    squeezed = "".join(ch for ch in value.lower() if ch.isalnum())
    return bool(squeezed) and squeezed not in (
        name.lower(),
        "none",
        "na",
        "unknown",
        "default",
    )


def door_record(
    element: Any, opening: Mesh | None, metres_per_unit: float, placements: Placements
) -> DoorRecord | None:
    """One door as the plan needs it; None when the model gives it no place at all."""
    width = door_width(element, metres_per_unit)
    placed = element_frame(element, opening, metres_per_unit, width, placements)
    if placed is None:
        return None
    frame, source = placed
    external, fire, rating, glazed = common_properties(element)
    return DoorRecord(
        guid=element.GlobalId,
        name=str(element.Name or "").strip(),
        frame=frame,
        operation=operation_type(element),
        number=door_number(element),
        is_external=external,
        fire_exit=fire,
        security_rating=rating,
        glazed=glazed,
        opening_guid=hole.GlobalId if (hole := filled_opening(element)) else "",
        placed_from=source,
    )


def needs_body(element: Any) -> bool:
    """Whether only the element's own body can place it: no opening, no Box.

    Curtain-wall doors fill no opening, and where a door's placement sits (one
    end, or its middle) differs between exporters; its body settles it. Most
    bodies name their corners (``readers.ifc.body_points``); only the others
    are tessellated.
    """
    return (
        element.Representation is not None
        and _box_extent(element, 1.0) is None
        and body_points(element) is None
    )


def filled_opening(element: Any) -> Any | None:
    """The IfcOpeningElement ``element`` fills, if any."""
    for rel in getattr(element, "FillsVoids", ()) or ():
        return rel.RelatingOpeningElement
    return None
