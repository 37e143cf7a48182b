"""Review markups: what reviewers place on a sheet (PRODUCT.md section 2).

Every markup is a frozen value with an id, the sheet it sits on, and who made and last
changed it. Positions are metres in the sheet's local coordinates (y up).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from designreview.model.geometry import Point2
from designreview.model.ids import MarkupId, ReviewerId, SheetId


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who did something and when (ISO 8601, UTC)."""

    reviewer_id: ReviewerId
    at: str


class AccessKind(Enum):
    """Where a door or gate leads."""

    EXTERIOR_DOOR = "exterior_door"
    INTERIOR_DOOR = "interior_door"
    GATE = "gate"


class Designation(Enum):
    """The role of an exterior door in entry control."""

    PRIMARY_VISITOR_ENTRY = "primary_visitor_entry"
    SECONDARY_STAFF_ENTRY = "secondary_staff_entry"
    EGRESS_ONLY = "egress_only"
    NONE = "none"


class LockFunction(Enum):
    """How (and whether) a door can be locked in a lockdown."""

    INSIDE_LOCKABLE = "inside_lockable"
    """Lockable from inside without opening the door."""
    KEY_OUTSIDE_ONLY = "key_outside_only"
    """Needs a key or credential on the outside (the door must be opened)."""
    NONE = "none"
    UNKNOWN = "unknown"


class DoorConstruction(Enum):
    """What a door leaf and frame are made of: how long forcing it takes."""

    STEEL = "steel"
    """Hollow-metal leaf in a steel frame."""
    WOOD = "wood"
    """Solid-core wood leaf."""
    GLASS = "glass"
    """Aluminium storefront or an all-glass leaf."""
    UNKNOWN = "unknown"


class BreachKind(Enum):
    """Where an intruder can get in other than through a door."""

    GLAZED_ENTRY = "glazed_entry"
    """Storefront glass or a sidelite beside an entry, shot out or broken."""
    WINDOW = "window"
    """A window broken and climbed through."""


class AccessControl(Enum):
    """Devices that control entry at a door."""

    CARD_READER = "card_reader"
    INTERCOM = "intercom"
    CAMERA_INTERCOM = "camera_intercom"
    REMOTE_RELEASE = "remote_release"


class ObserverKind(Enum):
    """A place from which people watch."""

    RECEPTION_DESK = "reception_desk"
    OFFICE_WINDOW = "office_window"
    STAFF_POST = "staff_post"


class ZoneKind(Enum):
    """What a drawn polygon means."""

    LOCKABLE_ZONE = "lockable_zone"
    SAFE_ROOM = "safe_room"
    HARD_CORNER = "hard_corner"


class SpaceType(Enum):
    """Room types that the review checks treat differently."""

    CLASSROOM = "classroom"
    LAB = "lab"
    OFFICE = "office"
    RECEPTION = "reception"
    VESTIBULE = "vestibule"
    CORRIDOR = "corridor"
    COMMONS = "commons"
    CAFETERIA = "cafeteria"
    GYM = "gym"
    AUDITORIUM = "auditorium"
    LIBRARY = "library"
    RESTROOM = "restroom"
    STORAGE = "storage"
    MECHANICAL = "mechanical"
    STAIR = "stair"
    SAFE_ROOM = "safe_room"
    EXTERIOR = "exterior"
    OTHER = "other"
    UNKNOWN = "unknown"


class CommentShape(Enum):
    """How a comment is drawn."""

    PIN = "pin"
    CALLOUT = "callout"
    CLOUD = "cloud"


class CommentStatus(Enum):
    """Where a comment stands in the conversation."""

    OPEN = "open"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    REJECTED = "rejected"


class Priority(Enum):
    """How urgent a comment is."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True, slots=True)
class AccessPoint:
    """A door or gate with its lock and control attributes."""

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    position: Point2
    kind: AccessKind = AccessKind.INTERIOR_DOOR
    designation: Designation = Designation.NONE
    lock: LockFunction = LockFunction.UNKNOWN
    access_control: tuple[AccessControl, ...] = ()
    has_vision_panel: bool = False
    has_sidelite: bool = False
    door_number: str = ""
    width_m: float = 0.91
    angle_deg: float = 0.0
    """The direction from the hinge end of the opening to the latch end."""
    hinge_known: bool = True
    """False while the hinge end is a guess (a door fitted to a bare wall gap, or
    placed without one): checks that need the hinge side then ask for it. A
    reviewer ticks it once the angle puts the hinge where it really is."""
    is_propped: bool = False
    """The door stands propped open or unlocked (as at Uvalde): an intruder passes
    it whatever its lock."""
    is_forced: bool = False
    """The review assumes an intruder forces this door: it is passable after the
    forcing time of its construction."""
    construction: DoorConstruction = DoorConstruction.UNKNOWN
    ifc_guid: str = ""
    """The GlobalId of the IFC door this access point was placed on, so findings
    about it go back to that door in the architect's BIM tool; "" otherwise."""


@dataclass(frozen=True, slots=True)
class Observer:
    """A place from which staff watch (reception desk, office window, post)."""

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    position: Point2
    kind: ObserverKind = ObserverKind.STAFF_POST
    label: str = ""


@dataclass(frozen=True, slots=True)
class Camera:
    """A surveillance camera and what its lens and sensor can resolve."""

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    position: Point2
    direction_deg: float = 0.0
    fov_deg: float = 90.0
    range_m: float = 30.0
    resolution_px: int = 1920
    mount_height_m: float = 3.0
    label: str = ""


@dataclass(frozen=True, slots=True)
class Sightline:
    """A line from A to B that the app reports as clear or blocked."""

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    start: Point2
    end: Point2
    label: str = ""


@dataclass(frozen=True, slots=True)
class Zone:
    """A polygon with a security meaning: lockable zone, safe room, hard corner."""

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    vertices: tuple[Point2, ...]
    kind: ZoneKind = ZoneKind.LOCKABLE_ZONE
    name: str = ""
    occupants: int | None = None


@dataclass(frozen=True, slots=True)
class Space:
    """A room drawn or corrected by hand, for when detection missed or misread it.

    A space that covers a detected room stands in for it in the checks (see
    ``model/space_overrides.py``): retyping, renaming, merging or splitting a
    detected room makes such a space.
    """

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    vertices: tuple[Point2, ...]
    name: str = ""
    space_type: SpaceType = SpaceType.UNKNOWN
    occupant_load: int | None = None
    number: str = ""
    """The room number, as written on the drawing (``104``, ``2.15``)."""


@dataclass(frozen=True, slots=True)
class Breach:
    """A place other than a door where an intruder can break in (glass, a window)."""

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    position: Point2
    kind: BreachKind = BreachKind.GLAZED_ENTRY
    label: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    """One answer in a comment thread."""

    author: Stamp
    text: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One entry of a comment's status history (only ever appended to)."""

    by: Stamp
    status: CommentStatus
    note: str = ""


@dataclass(frozen=True, slots=True)
class Comment:
    """A pin, callout or cloud with text, a thread of replies and a status history."""

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    position: Point2
    text: str
    shape: CommentShape = CommentShape.PIN
    cloud: tuple[Point2, ...] = ()
    agency: str = ""
    status: CommentStatus = CommentStatus.OPEN
    priority: Priority = Priority.NORMAL
    replies: tuple[Reply, ...] = ()
    history: tuple[StatusChange, ...] = ()
    leader_to: Point2 | None = None
    """For a callout: the point the comment's leader line points at."""


class AssetKind(Enum):
    """Which responder map item a mark is."""

    KEY_BOX = "key_box"
    AED = "aed"
    TRAUMA_KIT = "trauma_kit"
    FIRE_ALARM_PANEL = "fire_alarm_panel"
    PANIC_ALERT = "panic_alert"
    GAS_SHUTOFF = "gas_shutoff"
    ELECTRIC_SHUTOFF = "electric_shutoff"
    WATER_SHUTOFF = "water_shutoff"
    HAZMAT = "hazmat"
    STAIR_NUMBER = "stair_number"
    HALLWAY_NAME = "hallway_name"
    STAGING_AREA = "staging_area"
    REUNIFICATION = "reunification"
    PARKING = "parking"
    ROAD = "road"


@dataclass(frozen=True, slots=True)
class ResponderMark:
    """A responder map item at a point: an asset, a hallway's name, a stair number.

    ``label`` is what the map prints beside the symbol: the hallway's or the road's
    name, the stair's number, or a note ("Knox box, 3200 series").
    """

    id: MarkupId
    sheet_id: SheetId
    created: Stamp
    modified: Stamp
    position: Point2
    kind: AssetKind = AssetKind.KEY_BOX
    label: str = ""


Markup = (
    AccessPoint | Breach | Observer | Camera | Sightline | Zone | Space | Comment
    | ResponderMark
)  # fmt: skip
MARKUP_TYPES: tuple[type, ...] = (
    AccessPoint, Breach, Observer, Camera, Sightline, Zone, Space, Comment,
    ResponderMark,
)  # fmt: skip
