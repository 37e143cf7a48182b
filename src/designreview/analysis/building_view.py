"""The building as the checks see it: detected doors and rooms merged with markups.

What reviewers marked always wins over what the importer guessed: an access point near
a detected door gives that door its lock and role; a hand-drawn space covering a
detected room replaces it. Lock functions not given by a reviewer come from the door's
hardware set (``resources/hardware_locks.json`` in the package).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point, Polygon

from designreview.analysis.obstacles import obstacle_segments
from designreview.model.building import TypeSource
from designreview.model.geometry import Point2
from designreview.model.markups import (
    AccessControl,
    AccessKind,
    AccessPoint,
    Breach,
    Camera,
    Designation,
    DoorConstruction,
    LockFunction,
    Observer,
    Space,
    SpaceType,
    Zone,
    ZoneKind,
)
from designreview.model.plan import LayerCategory, SegmentArray
from designreview.model.responder import true_north_of

if TYPE_CHECKING:
    from designreview.model.building import DetectedDoor
    from designreview.model.plan import Plan
    from designreview.model.review import Review, Sheet

__all__ = ["BuildingView", "Door", "Room", "building_view", "lock_from_hardware"]

MATCH_DOOR_M = 1.0
"""An access point this close to a detected door describes that door."""
SIDE_PROBE_M = 0.6
"""How far either side of a door to look for the rooms it joins."""


@dataclass(frozen=True, slots=True)
class Door:
    """A door as the checks see it."""

    id: str
    hinge: Point2
    latch: Point2
    number: str = ""
    lock: LockFunction = LockFunction.UNKNOWN
    kind: AccessKind | None = None
    designation: Designation = Designation.NONE
    access_control: tuple[AccessControl, ...] = ()
    has_vision_panel: bool | None = None
    has_sidelite: bool = False
    subjects: tuple[str, ...] = ()
    hinge_known: bool = True
    """False when the drawing does not show the swing (a line across the opening
    or a bare gap): ``hinge`` is then only one end, and a check that needs the
    hinge side asks for it instead of guessing."""
    outside: bool | None = None
    """Whether the door is in the building's outer walls, as the walls show it
    (``recognition.doors.outside``); None when they were not traced."""
    is_propped: bool = False
    """Marked as standing propped open or unlocked: passable whatever its lock."""
    is_forced: bool = False
    """Marked as forced by an intruder: passable after its forcing time."""
    construction: DoorConstruction = DoorConstruction.UNKNOWN

    @property
    def center(self) -> Point2:
        """The middle of the opening."""
        return (
            (self.hinge[0] + self.latch[0]) / 2,
            (self.hinge[1] + self.latch[1]) / 2,
        )

    @property
    def label(self) -> str:
        """How a person names this door in a message."""
        return f"door {self.number}" if self.number else "an unnumbered door"


@dataclass(frozen=True, slots=True)
class Room:
    """A room (space) as the checks see it."""

    id: str
    polygon: Polygon
    name: str = ""
    number: str = ""
    space_type: SpaceType = SpaceType.UNKNOWN
    occupant_load: int | None = None
    type_source: TypeSource = TypeSource.NONE
    """What the type was read from (a reviewer's choice for a drawn space)."""

    @property
    def label(self) -> str:
        """How a person names this room in a message: its name as written.

        Example:
            >>> Room("r", Polygon(), "ERP实验室", "204").label
            'ERP实验室 204'
        """
        words = " ".join(part for part in (self.name, self.number) if part)
        return words or "an unnamed room"


@dataclass(slots=True)
class BuildingView:
    """One sheet's doors, rooms, walls and watchers, ready for the checks."""

    sheet_id: str
    walls: SegmentArray
    glazing: SegmentArray
    doors: list[Door] = field(default_factory=list)
    rooms: list[Room] = field(default_factory=list)
    observers: list[Observer] = field(default_factory=list)
    cameras: list[Camera] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    breaches: list[Breach] = field(default_factory=list)
    door_rooms: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    true_north_deg: float | None = None
    """Where true north points, clockwise from the plan's up (the sheet's, else the
    IFC model's); None when unknown."""
    is_imperial: bool = False
    """Whether the drawing is in feet and inches (the map's grid follows)."""
    """For each door, the room on each side of it (None: outside or unknown)."""
    _index: tuple[object, dict[str | None, Room], dict[str, list[Door]]] | None = None
    """Rooms by id and doors by room, built once for the lists above (the checks
    ask thousands of times per run)."""

    def room(self, room_id: str | None) -> Room | None:
        """The room with this id."""
        return self._indexes()[0].get(room_id)

    def doors_of(self, room: Room) -> list[Door]:
        """The doors in the outline of ``room``."""
        return list(self._indexes()[1].get(room.id, ()))

    def _indexes(self) -> tuple[dict[str | None, Room], dict[str, list[Door]]]:
        stamp = (id(self.rooms), len(self.rooms), id(self.doors), len(self.doors),
                 id(self.door_rooms), len(self.door_rooms))  # fmt: skip
        if self._index is None or self._index[0] != stamp:
            rooms: dict[str | None, Room] = {}
            for room in self.rooms:
                rooms.setdefault(room.id, room)  # the first, as a scan would find
            doors: dict[str, list[Door]] = {}
            for door in self.doors:
                for side in dict.fromkeys(self.door_rooms.get(door.id, ())):
                    if side is not None:
                        doors.setdefault(side, []).append(door)
            self._index = (stamp, rooms, doors)
        return self._index[1], self._index[2]

    def is_exterior(self, door: Door) -> bool:
        """Whether ``door`` leads outside.

        Marked so by the reviewer, else in the building's outer walls, else (walls
        not traced) with a room on one side only.

        Outdoor spaces (a yard, typed EXTERIOR) are no rooms, so a door onto one
        is exterior.
        """
        if door.kind is not None:
            return door.kind is AccessKind.EXTERIOR_DOOR
        sides = self.door_rooms.get(door.id, (None, None))
        if door.outside is not None:
            return door.outside
        return (sides[0] is None) != (sides[1] is None)

    def inside_of(self, door: Door, offset_m: float = 0.5) -> Point2:
        """A point just inside the room of ``door`` (in front of an exit door)."""
        (hx, hy), (lx, ly) = door.hinge, door.latch
        length = math.hypot(lx - hx, ly - hy) or 1.0
        nx, ny = -(ly - hy) / length * offset_m, (lx - hx) / length * offset_m
        cx, cy = door.center
        sides = self.door_rooms.get(door.id, (None, None))
        return (cx + nx, cy + ny) if sides[0] is not None else (cx - nx, cy - ny)

    def secures(self, door: Door) -> bool:
        """Whether ``door`` keeps an attacker out in a lockdown.

        Interior doors must lock from inside; exterior doors may also be locked from
        outside (exit devices without outside trim, key or card only).
        """
        if door.lock is LockFunction.INSIDE_LOCKABLE:
            return True
        return self.is_exterior(door) and door.lock is LockFunction.KEY_OUTSIDE_ONLY

    def locks_down(self, room: Room) -> bool:
        """Whether every door of ``room`` secures it."""
        doors = self.doors_of(room)
        return bool(doors) and all(self.secures(d) for d in doors)

    def safe_rooms(self) -> list[Zone]:
        """Zones marked as refuges."""
        return [z for z in self.zones if z.kind is ZoneKind.SAFE_ROOM]


def building_view(review: Review, sheet: Sheet, plan: Plan) -> BuildingView:
    """Merge what was detected in ``plan`` with the markups of ``sheet``.

    Markups a drawing revision left without their door or room are left out: an
    access point whose door was walled up must not stand for a door in a wall
    (REV-1 lists them until a reviewer moves or deletes them).
    """
    revision = sheet.revision
    markups = [
        m
        for m in review.markups
        if m.sheet_id == sheet.id
        and (revision is None or not revision.still_flagged(m))
    ]
    view = BuildingView(
        sheet_id=sheet.id,
        walls=obstacle_segments(plan),
        glazing=obstacle_segments(plan, frozenset({LayerCategory.WINDOW})),
        doors=_doors(plan.doors, [m for m in markups if isinstance(m, AccessPoint)]),
        rooms=_rooms(plan, [m for m in markups if isinstance(m, Space)]),
        observers=[m for m in markups if isinstance(m, Observer)],
        cameras=[m for m in markups if isinstance(m, Camera)],
        zones=[m for m in markups if isinstance(m, Zone)],
        breaches=[m for m in markups if isinstance(m, Breach)],
        true_north_deg=true_north_of(sheet, plan),
        is_imperial=plan.is_imperial,
    )
    view.door_rooms = {door.id: _sides(door, view.rooms) for door in view.doors}
    return view


@cache
def _hardware_rules() -> tuple[tuple[re.Pattern[str], LockFunction], ...]:
    text = resources.files("designreview").joinpath("resources", "hardware_locks.json")
    data = json.loads(text.read_text(encoding="utf-8"))
    return tuple(
        (re.compile(p, re.IGNORECASE), LockFunction(rule["lock"]))
        for rule in data["rules"]
        for p in rule["patterns"]
    )


def lock_from_hardware(hardware: str) -> LockFunction:
    """The lock function a door hardware set name implies.

    Example:
        >>> for name in ("CLASSROOM SECURITY", "Classroom", "PASSAGE", "", "OFFICE"):
        ...     print(lock_from_hardware(name).value)
        inside_lockable
        key_outside_only
        none
        unknown
        inside_lockable
    """
    name = " ".join(hardware.split())
    for pattern, lock in _hardware_rules():
        if name and pattern.search(name):
            return lock
    return LockFunction.UNKNOWN


def _doors(detected: tuple[DetectedDoor, ...], marks: list[AccessPoint]) -> list[Door]:
    doors: list[Door] = []
    used: set[str] = set()
    for found in detected:
        mark = _nearest_mark(found.center, marks, used)
        doors.append(_merged(found, mark))
    for mark in marks:
        if mark.id not in used:
            doors.append(_from_mark(mark))
    return doors


def _nearest_mark(
    point: Point2, marks: list[AccessPoint], used: set[str]
) -> AccessPoint | None:
    free = [
        m
        for m in marks
        if m.id not in used and math.dist(m.position, point) <= MATCH_DOOR_M
    ]
    if not free:
        return None
    best = min(free, key=lambda m: math.dist(m.position, point))
    used.add(best.id)
    return best


def _merged(found: DetectedDoor, mark: AccessPoint | None) -> Door:
    door = Door(
        found.id,
        found.hinge,
        found.latch,
        found.number,
        lock_from_hardware(found.hardware),
        subjects=(found.id,),
        hinge_known=found.hinge_known,
        outside=found.outside,
        has_vision_panel=found.glazed,
    )
    if mark is None:
        return door
    # A reviewer who confirmed the hinge of a door the drawing shows without its
    # swing (a gap, a line across) knows more than the drawing: their ends win.
    hinge, latch, hinge_known = door.hinge, door.latch, door.hinge_known
    if mark.hinge_known and not found.hinge_known:
        hinge, latch = _mark_ends(mark)
        hinge_known = True
    return Door(
        door.id,
        hinge,
        latch,
        mark.door_number or door.number,
        mark.lock if mark.lock is not LockFunction.UNKNOWN else door.lock,
        mark.kind,
        mark.designation,
        mark.access_control,
        mark.has_vision_panel,
        mark.has_sidelite,
        (found.id, mark.id),
        hinge_known,
        door.outside,
        mark.is_propped,
        mark.is_forced,
        mark.construction,
    )


def _mark_ends(mark: AccessPoint) -> tuple[Point2, Point2]:
    """The hinge and latch ends of a marked door: its width along its angle."""
    half = mark.width_m / 2
    angle = math.radians(mark.angle_deg)
    dx, dy = half * math.cos(angle), half * math.sin(angle)
    x, y = mark.position
    return (x - dx, y - dy), (x + dx, y + dy)


def _from_mark(mark: AccessPoint) -> Door:
    hinge, latch = _mark_ends(mark)
    return Door(
        mark.id,
        hinge,
        latch,
        mark.door_number,
        mark.lock,
        mark.kind,
        mark.designation,
        mark.access_control,
        mark.has_vision_panel,
        mark.has_sidelite,
        (mark.id,),
        mark.hinge_known,
        is_propped=mark.is_propped,
        is_forced=mark.is_forced,
        construction=mark.construction,
    )


def _rooms(plan: Plan, drawn: list[Space]) -> list[Room]:
    rooms = [
        Room(
            s.id,
            _polygon(s.vertices),
            s.name,
            s.number,
            s.space_type,
            s.occupant_load,
            TypeSource.NONE
            if s.space_type is SpaceType.UNKNOWN
            else TypeSource.REVIEWER,
        )
        for s in drawn
        if len(s.vertices) >= 3
    ]
    for found in plan.spaces:
        polygon = _polygon(found.outline)
        centre = polygon.representative_point()
        if not any(room.polygon.covers(centre) for room in rooms[: len(drawn)]):
            rooms.append(
                Room(
                    found.id,
                    polygon,
                    found.name,
                    found.number,
                    found.space_type,
                    type_source=found.type_source,
                )
            )
    # A yard or terrace is outside: a door onto it is an exterior door, and no
    # room check (locks, egress, refuge) applies to it.
    return [
        room
        for room in rooms
        if room.polygon.area > 0 and room.space_type is not SpaceType.EXTERIOR
    ]


def _polygon(points: tuple[Point2, ...]) -> Polygon:
    polygon = shapely.make_valid(Polygon(points)) if len(points) >= 3 else Polygon()
    if isinstance(polygon, Polygon):
        return polygon
    parts = [g for g in getattr(polygon, "geoms", []) if isinstance(g, Polygon)]
    return max(parts, key=lambda g: g.area) if parts else Polygon()


def _sides(door: Door, rooms: list[Room]) -> tuple[str | None, str | None]:
    (hx, hy), (lx, ly) = door.hinge, door.latch
    length = math.hypot(lx - hx, ly - hy) or 1.0
    nx, ny = -(ly - hy) / length * SIDE_PROBE_M, (lx - hx) / length * SIDE_PROBE_M
    cx, cy = door.center
    found: list[str | None] = []
    for px, py in ((cx + nx, cy + ny), (cx - nx, cy - ny)):
        probe = Point(px, py)
        room = next((r for r in rooms if r.polygon.covers(probe)), None)
        found.append(room.id if room else None)
    return found[0], found[1]
