"""The building the importer recognised in a drawing: doors and rooms.

These are guesses from the drawing (door blocks and swing arcs, room outlines and
their labels); reviewers correct them with markups (access points, spaces), which
always win over what was detected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from designreview.model.geometry import Point2
from designreview.model.markups import SpaceType


class DoorMethod(Enum):
    """How a detected door was drawn: what the importer recognised it by.

    The import report counts doors by it, and a reviewer can switch any method
    but the block off for a sheet when it finds things that are no doors.
    """

    BLOCK = "block"
    """A door block insert (its swing and leaf in the block)."""
    ARC = "arc"
    """A swing arc on a door layer, outside any block (one, or two for a
    double-acting door)."""
    MODEL = "model"
    """An IfcDoor of a BIM model: placed from its opening and attributes."""
    LINE = "line"
    """A door-layer line across an opening between two wall ends."""
    LEAF = "leaf"
    """A leaf line standing from one jamb of a wall opening, without an arc."""
    GAP = "gap"
    """A door-width gap in a wall between two jambs, with nothing drawn in it."""

    @property
    def label(self) -> str:
        """How the import report names doors found this way.

        Example:
            >>> DoorMethod.LEAF.label
            'leaf line'
        """
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    DoorMethod.BLOCK: "block",
    DoorMethod.ARC: "arc",
    DoorMethod.LINE: "line across opening",
    DoorMethod.LEAF: "leaf line",
    DoorMethod.GAP: "gap",
    DoorMethod.MODEL: "BIM model",
}


@dataclass(frozen=True, slots=True)
class DetectedDoor:
    """A door found in the drawing, in local metres.

    ``hinge`` and ``latch`` are the two ends of the opening in the wall; the leaf
    swings toward ``swing_to`` (a point on the side the door opens into). When the
    drawing does not show the swing (a line across the opening, a bare gap),
    ``hinge_known`` is False: ``hinge`` is then just one end of the opening and
    ``swing_to`` its middle, and nothing may rely on which end is which.
    """

    id: str
    hinge: Point2
    latch: Point2
    swing_to: Point2
    number: str = ""
    hardware: str = ""
    layer: str = ""
    block: str = ""
    method: DoorMethod = DoorMethod.BLOCK
    hinge_known: bool = True
    double_acting: bool = False
    """Swings both ways (two arcs from one hinge, to opposite sides)."""
    outside: bool | None = None
    """True when one side of the opening is outside the building's walls, False
    when both sides are within them, None when the walls were not traced."""
    guid: str = ""
    """The IFC GlobalId of the door when it was read from a BIM model, else ""."""
    operation: str = ""
    """How the model says the door operates (IFC OperationType, such as
    ``SINGLE_SWING_LEFT`` or ``DOUBLE_DOOR_SLIDING``); "" when unstated or drawn."""
    fire_exit: bool | None = None
    """Pset_DoorCommon.FireExit where the model gives a real value, else None."""
    security_rating: str = ""
    """Pset_DoorCommon.SecurityRating where the model gives a real value."""
    glazed: bool | None = None
    """Whether the leaf has glass (Pset_DoorCommon.GlazingAreaFraction above 0),
    where the model says; None when it does not."""
    opening_guid: str = ""
    """The GlobalId of the wall opening (IfcOpeningElement) the door fills."""

    @property
    def center(self) -> Point2:
        """The middle of the opening.

        Example:
            >>> DetectedDoor("d", (0.0, 0.0), (1.0, 0.0), (0.0, 1.0)).center
            (0.5, 0.0)
        """
        return (
            (self.hinge[0] + self.latch[0]) / 2,
            (self.hinge[1] + self.latch[1]) / 2,
        )

    @property
    def width_m(self) -> float:
        """The clear width of the opening."""
        dx, dy = self.latch[0] - self.hinge[0], self.latch[1] - self.hinge[1]
        return float((dx * dx + dy * dy) ** 0.5)


class SpaceSource(Enum):
    """Where a detected room's outline came from."""

    OUTLINE = "outline"
    """A closed outline drawn on a room layer."""
    WALLS = "walls"
    """A face enclosed by walls, with door openings and windows closed."""
    MODEL = "model"
    """An IfcSpace of a BIM model, cut at the plan's height."""


class TypeSource(Enum):
    """What a room's type was read from.

    Shown beside the type so that a reviewer can judge it: a name is strong
    evidence, a layer weaker, a room's shape only a hint.
    """

    NAME = "name"
    """A word of the room's name (``CLASSROOM``, ``Bad``, ``教室``)."""
    LAYER = "layer"
    """The name of the layer its outline is on (``Offices``)."""
    GEOMETRY = "geometry"
    """Its shape and doors (a long narrow room joining many doors is a corridor)."""
    FIXTURES = "fixtures"
    """The fixtures drawn in it (a toilet or shower block: a restroom)."""
    REVIEWER = "reviewer"
    """A reviewer chose it."""
    NONE = "none"
    """Nothing gave a type."""


@dataclass(frozen=True, slots=True)
class DetectedSpace:
    """A room found in the drawing: its outline, name, number and guessed type."""

    id: str
    outline: tuple[Point2, ...]
    name: str = ""
    number: str = ""
    space_type: SpaceType = SpaceType.UNKNOWN
    layer: str = ""
    source: SpaceSource = SpaceSource.OUTLINE
    type_source: TypeSource = TypeSource.NONE
    guid: str = ""
    """The IFC GlobalId of the space when it was read from a BIM model, else ""."""
    zones: tuple[str, ...] = ()
    """The model's zones (IfcZone) the space belongs to: a wing, a lockdown zone."""
