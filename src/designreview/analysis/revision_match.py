"""Which doors and rooms of a revised drawing are the old ones, and what changed.

A revised drawing is a new import: its doors and rooms get new ids. They are paired
with the old ones by what identifies them best: the IFC GlobalId, then the door or
room number, then, for what is left, by place (a door's middle within 1.5 m and a
similar width; a room whose outline overlaps the old one by half or more). What
pairs with nothing was added or removed; a pair may have moved, been resized,
renamed, or got another lock.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

import shapely

from designreview.analysis.building_view import lock_from_hardware
from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from shapely.geometry.base import BaseGeometry

    from designreview.model.building import DetectedDoor, DetectedSpace
    from designreview.model.plan import Plan

NEAR_DOOR_M = 1.5
"""A door of the new drawing this close to an old one, unpaired, may be it."""
DOOR_WIDTH_SHARE = 0.3
"""...if its width differs by no more than this share."""
ROOM_OVERLAP = 0.5
"""Rooms pair by place when their overlap is this share of the larger one."""
MOVED_M = 0.05
"""A door whose ends moved more than this has moved."""
RESIZED_SHARE = 0.02
"""A room whose outline changed by more than this share of its area was resized."""


class ChangeKind(Enum):
    """What happened to a door or a room between two drawings."""

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    RELOCKED = "lock changed"
    RESIZED = "resized"
    RENAMED = "renamed"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the old and the new drawing."""

    what: str
    """``door`` or ``room``."""
    kind: ChangeKind
    label: str
    """How people name it: ``door 7``, ``room 118 CLASSROOM``."""
    at: Point2
    """Where to look: the new one's middle, or the old one's when it is gone."""
    old_id: str = ""
    new_id: str = ""
    detail: str = ""

    @property
    def text(self) -> str:
        """``Door 7 moved 1.20 m``: the change in words, for lists and the packet."""
        words = f"{self.label[:1].upper()}{self.label[1:]} {self.kind.value}"
        return f"{words} {self.detail}".strip()


@dataclass(frozen=True, slots=True)
class PlanMatch:
    """Old ids to new ids, and every difference found."""

    doors: dict[str, str] = field(default_factory=dict)
    rooms: dict[str, str] = field(default_factory=dict)
    changes: tuple[Change, ...] = ()

    @property
    def ids(self) -> dict[str, str]:
        """Every pairing, doors and rooms, old id to new id."""
        return {**self.doors, **self.rooms}


def match_plans(old: Plan, new: Plan) -> PlanMatch:
    """Pair the doors and rooms of ``old`` with those of ``new`` and list changes."""
    doors = _pair(
        old.doors,
        new.doors,
        [lambda d: d.guid, lambda d: d.number],
        _door_near,
    )
    rooms = _pair(
        old.spaces,
        new.spaces,
        [lambda r: r.guid, lambda r: r.number, lambda r: r.name],
        _room_overlap,
    )
    changes = _door_changes(old.doors, new.doors, doors) + _room_changes(
        old.spaces, new.spaces, rooms
    )
    return PlanMatch(doors, rooms, tuple(changes))


def _pair(
    old: Sequence[Any],
    new: Sequence[Any],
    keys: Sequence[Callable[[Any], str]],
    closeness: Callable[[Any, Any], float | None],
) -> dict[str, str]:
    """Pairs by each key in turn (unique on both sides), then by closeness."""
    paired: dict[str, str] = {}
    for key in keys:
        left = [o for o in old if o.id not in paired]
        taken = set(paired.values())
        right = [n for n in new if n.id not in taken]
        olds = Counter(key(o) for o in left)
        news = Counter(key(n) for n in right)
        by_key = {key(n): n for n in right if key(n) and news[key(n)] == 1}
        for item in left:
            value = key(item)
            if value and olds[value] == 1 and value in by_key:
                paired[item.id] = by_key[value].id
    left = [o for o in old if o.id not in paired]
    taken = set(paired.values())
    right = [n for n in new if n.id not in taken]
    candidates = []
    for a in left:
        for b in right:
            score = closeness(a, b)
            if score is not None:
                candidates.append((score, a.id, b.id))
    used: set[str] = set()
    for _score, a_id, b_id in sorted(candidates):
        if a_id not in paired and b_id not in used:
            paired[a_id] = b_id
            used.add(b_id)
    return paired


def _door_near(a: DetectedDoor, b: DetectedDoor) -> float | None:
    """How far apart two doors are, when near enough and alike enough to pair."""
    distance = math.dist(a.center, b.center)
    wide = max(a.width_m, b.width_m) or 1.0
    if distance > NEAR_DOOR_M or abs(a.width_m - b.width_m) / wide > DOOR_WIDTH_SHARE:
        return None
    return distance


def _room_overlap(a: DetectedSpace, b: DetectedSpace) -> float | None:
    """1 - the share two rooms overlap (smaller is closer), when they overlap enough."""
    pa, pb = _polygon(a), _polygon(b)
    if pa.is_empty or pb.is_empty or not pa.intersects(pb):
        return None
    share = pa.intersection(pb).area / max(pa.area, pb.area)
    return None if share < ROOM_OVERLAP else 1.0 - share


def _polygon(space: DetectedSpace) -> BaseGeometry:
    if len(space.outline) < 3:
        return shapely.Polygon()
    polygon = shapely.Polygon(space.outline)
    return polygon if polygon.is_valid else shapely.make_valid(polygon)


def _door_label(door: DetectedDoor) -> str:
    return f"door {door.number}" if door.number else "an unnumbered door"


def _room_label(room: DetectedSpace) -> str:
    words = " ".join(part for part in (room.number, room.name) if part)
    return f"room {words}" if words else "an unnamed room"


def _door_changes(
    old: Sequence[DetectedDoor], new: Sequence[DetectedDoor], pairs: dict[str, str]
) -> list[Change]:
    by_id = {d.id: d for d in new}
    changes = []
    for door in old:
        if door.id not in pairs:
            changes.append(
                Change(
                    "door",
                    ChangeKind.REMOVED,
                    _door_label(door),
                    door.center,
                    old_id=door.id,
                )
            )
            continue
        after = by_id[pairs[door.id]]
        label = _door_label(after if after.number or not door.number else door)
        shift = max(
            math.dist(door.hinge, after.hinge), math.dist(door.latch, after.latch)
        )
        shift = min(
            shift,
            max(math.dist(door.hinge, after.latch), math.dist(door.latch, after.hinge)),
        )
        if shift > MOVED_M:
            moved = math.dist(door.center, after.center)
            detail = (
                f"{moved:.2f} m" if moved > MOVED_M else "(turned or resized in place)"
            )
            changes.append(
                Change(
                    "door",
                    ChangeKind.MOVED,
                    label,
                    after.center,
                    door.id,
                    after.id,
                    detail,
                )
            )
        before_lock, after_lock = (
            lock_from_hardware(door.hardware),
            lock_from_hardware(after.hardware),
        )
        if before_lock is not after_lock:
            changes.append(
                Change(
                    "door",
                    ChangeKind.RELOCKED,
                    label,
                    after.center,
                    door.id,
                    after.id,
                    f"from {before_lock.value} to {after_lock.value}",
                )
            )
    paired_new = set(pairs.values())
    changes += [
        Change("door", ChangeKind.ADDED, _door_label(d), d.center, new_id=d.id)
        for d in new
        if d.id not in paired_new
    ]
    return changes


def _room_changes(
    old: Sequence[DetectedSpace], new: Sequence[DetectedSpace], pairs: dict[str, str]
) -> list[Change]:
    by_id = {r.id: r for r in new}
    changes = []
    for room in old:
        polygon = _polygon(room)
        middle = _middle(polygon)
        if room.id not in pairs:
            changes.append(
                Change(
                    "room",
                    ChangeKind.REMOVED,
                    _room_label(room),
                    middle,
                    old_id=room.id,
                )
            )
            continue
        after = by_id[pairs[room.id]]
        after_polygon = _polygon(after)
        where = _middle(after_polygon)
        if (room.name, room.number) != (after.name, after.number):
            changes.append(
                Change(
                    "room",
                    ChangeKind.RENAMED,
                    _room_label(room),
                    where,
                    room.id,
                    after.id,
                    f"to {_room_label(after).removeprefix('room ')}",
                )
            )
        differs = polygon.symmetric_difference(after_polygon).area
        if differs > RESIZED_SHARE * max(polygon.area, 1e-9):
            changes.append(
                Change(
                    "room",
                    ChangeKind.RESIZED,
                    _room_label(after),
                    where,
                    room.id,
                    after.id,
                    f"from {polygon.area:.1f} m² to {after_polygon.area:.1f} m²",
                )
            )
    paired_new = set(pairs.values())
    changes += [
        Change(
            "room", ChangeKind.ADDED, _room_label(r), _middle(_polygon(r)), new_id=r.id
        )
        for r in new
        if r.id not in paired_new
    ]
    return changes


def _middle(polygon: BaseGeometry) -> Point2:
    if polygon.is_empty:
        return (0.0, 0.0)
    point = polygon.point_on_surface()
    return (round(float(point.x), 3), round(float(point.y), 3))
