"""Intruder arrival time: how soon someone who gets in reaches each room's door.

The model (LOCK-1, PRODUCT.md section 4):

* **Doors.** A door that locks (lockable from inside, or keyed or carded from
  outside) stands closed and locked for an intruder; a door that does not lock, or
  whose lock is unknown (taken as the worst case), stands open. A door marked propped
  or unlocked is open whatever its lock (Uvalde). A locked door the review marks as
  forced opens after the forcing time of its construction.
* **Entries.** Every exterior door an intruder can pass (open, propped or forced) and
  every breach point (glass shot out, a window broken) is an entry. The intruder
  starts just inside it, after the entry's delay (forcing, breaking through).
* **Walk.** The shortest walk over the walking graph
  (:mod:`~designreview.analysis.distances`) with the closed doors as walls, at an
  intruder speed; each forced door on the way adds its forcing time.

A forced door is a pair of targets of one distance field, one either side of it,
each seeded with the walk to the other side plus the forcing time (as metres at the
intruder's speed), repeated until no seed gets shorter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from shapely import Point

from designreview.analysis.distances import DistanceField, distance_field
from designreview.analysis.walk_graph import build_walk_index, locate, view
from designreview.model.geometry import Point2
from designreview.model.markups import BreachKind, DoorConstruction, LockFunction

if TYPE_CHECKING:
    from designreview.analysis.building_view import BuildingView, Door, Room
    from designreview.analysis.walk_graph import View, WalkIndex
    from designreview.model.plan import SegmentArray

__all__ = [
    "Arrival",
    "Entry",
    "IntruderParams",
    "approach_point",
    "arrival",
    "door_arrival_s",
    "forcing_s",
    "intruder_entries",
    "intruder_index",
    "intruder_walls",
    "stands_open",
    "starts_inside",
]

SIDE_M = 0.5
"""How far from a door's line an intruder stands to enter or to reach the door."""


@dataclass(frozen=True, slots=True)
class IntruderParams:
    """Forcing times by door construction and breaking-in times by breach kind."""

    forced_steel_s: float = 90.0
    forced_wood_s: float = 45.0
    forced_glass_s: float = 10.0
    breach_glazing_s: float = 10.0
    breach_window_s: float = 20.0


@dataclass(frozen=True, slots=True)
class Entry:
    """Where an intruder gets in: the point inside, the delay, and words for it."""

    id: str
    label: str
    start: Point2
    delay_s: float
    subjects: tuple[str, ...]


def stands_open(door: Door) -> bool:
    """Whether an intruder walks through ``door`` without forcing it."""
    return door.is_propped or door.lock in (LockFunction.NONE, LockFunction.UNKNOWN)


def forcing_s(door: Door, params: IntruderParams) -> float:
    """Seconds to force ``door``; an unknown construction counts as the weakest."""
    return {
        DoorConstruction.STEEL: params.forced_steel_s,
        DoorConstruction.WOOD: params.forced_wood_s,
    }.get(door.construction, params.forced_glass_s)


def intruder_walls(building: BuildingView) -> SegmentArray:
    """Walls, glazing and every door an intruder cannot walk through (forced too)."""
    shut = [[*d.hinge, *d.latch] for d in building.doors if not stands_open(d)]
    parts = [building.walls, building.glazing, np.reshape(shut, (-1, 4))]
    return np.concatenate([np.asarray(p, dtype=float) for p in parts if len(p)])


def intruder_index(building: BuildingView) -> WalkIndex:
    """The walking graph an intruder walks: :func:`intruder_walls` as walls."""
    return build_walk_index(intruder_walls(building))


def intruder_entries(building: BuildingView, params: IntruderParams) -> list[Entry]:
    """Every way in: exterior doors that open or are forced, and breach points."""
    entries = []
    for door in building.doors:
        if not building.is_exterior(door):
            continue
        if stands_open(door):
            how, delay = _open_words(door), 0.0
        elif door.is_forced:
            delay = forcing_s(door, params)
            how = f"forced, {delay:.0f} s"
        else:
            continue
        label = f"{door.label} ({how})"
        start = building.inside_of(door, SIDE_M)
        entries.append(Entry(door.id, label, start, delay, door.subjects))
    for breach in building.breaches:
        delay = (
            params.breach_window_s
            if breach.kind is BreachKind.WINDOW
            else params.breach_glazing_s
        )
        name = breach.label or breach.kind.value.replace("_", " ")
        label = f"breach point {name} ({delay:.0f} s to break in)"
        start = _inside_near(building, breach.position)
        entries.append(Entry(breach.id, label, start, delay, (breach.id,)))
    return entries


def _open_words(door: Door) -> str:
    if door.is_propped:
        return "propped open"
    return (
        "lock unknown, taken as unlocked"
        if door.lock is LockFunction.UNKNOWN
        else ("does not lock")
    )


def _inside_near(building: BuildingView, point: Point2) -> Point2:
    """Where a breach at ``point`` lets one in: 0.6 m from it, deepest in a room.

    Of 16 points round it, the one farthest inside a room's outline (a breach sits
    on an outer wall or its glass; the room side is where the intruder stands).
    """
    best, depth = point, 0.0
    for k in range(16):
        angle = math.pi * k / 8
        probe = (point[0] + 0.6 * math.cos(angle), point[1] + 0.6 * math.sin(angle))
        at = Point(probe)
        for room in building.rooms:
            if room.polygon.contains(at):
                inside = float(room.polygon.exterior.distance(at))
                if inside > depth:
                    best, depth = probe, inside
    return best


def approach_point(building: BuildingView, door: Door, room: Room) -> Point2:
    """Where someone stands at ``door`` on the side away from ``room``."""
    (hx, hy), (lx, ly) = door.hinge, door.latch
    length = math.hypot(lx - hx, ly - hy) or 1.0
    nx, ny = -(ly - hy) / length * SIDE_M, (lx - hx) / length * SIDE_M
    cx, cy = door.center
    sides = building.door_rooms.get(door.id, (None, None))
    return (cx - nx, cy - ny) if sides[0] == room.id else (cx + nx, cy + ny)


@dataclass(frozen=True, slots=True, eq=False)
class Arrival:
    """An intruder's walk from one entry at one speed, ready to ask from anywhere.

    Attributes:
        entry: Where the intruder gets in.
        speed_mps: How fast they walk.
        field: Walking distance (metres, forcing and entry delays turned into
            metres at ``speed_mps``) to the entry or a forced door's far side.
        sources: For each target of ``field``: -1 for the entry, else the
            target index of the point on the other side of its forced door.
        crossing_s: For each target: the forcing time spent there (0 at the entry).
    """

    entry: Entry
    speed_mps: float
    field: DistanceField
    sources: tuple[int, ...]
    crossing_s: tuple[float, ...] = ()

    def seconds_at(self, point: Point2) -> float | None:
        """Seconds from the intruder's getting in to their reaching ``point``."""
        metres = self.field.at(point)
        return None if metres is None else metres / self.speed_mps

    def seconds_seen(self, point: Point2, seen: View) -> float | None:
        """:meth:`seconds_at` for a located point whose view is known."""
        metres = self.field.seen_from(point, seen)
        return None if metres is None else metres / self.speed_mps

    def route(self, point: Point2) -> tuple[Point2, ...]:
        """The intruder's walk from the entry to ``point`` (empty if unreachable)."""
        walked: list[Point2] = []
        here = point
        for _ in range(len(self.sources)):
            path = self.field.path_from(here)
            if path is None:
                return ()
            walked += path.points
            k = self.field.targets.index(path.points[-1])
            if self.sources[k] < 0:
                return tuple(reversed(walked))
            here = self.field.targets[self.sources[k]]
        return ()


def arrival(
    index: WalkIndex,
    building: BuildingView,
    entry: Entry,
    speed_mps: float,
    params: IntruderParams,
) -> Arrival:
    """The intruder's walk from ``entry`` at ``speed_mps``, through forced doors.

    Example:
        A 2 m wall; from (-1, 0.5), round its end, to (1, 0.5) is 2.514 m: at
        2.5 m/s 1.006 s, after a 10 s entry delay 11.006 s.

        >>> import numpy as np
        >>> from designreview.analysis.building_view import BuildingView
        >>> from designreview.analysis.walk_graph import build_walk_index
        >>> index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25)
        >>> view = BuildingView("s", np.empty((0, 4)), np.empty((0, 4)))
        >>> entry = Entry("e", "a breach", (-1.0, 0.5), 10.0, ("e",))
        >>> walk = arrival(index, view, entry, 2.5, IntruderParams())
        >>> round(walk.seconds_at((1, 0.5)), 3)
        11.006
    """
    points, sources, delays = [entry.start], [-1], [0.0]
    for door in building.doors:
        if door.is_forced and not stands_open(door):
            first, second = _both_sides(door)
            n = len(points)
            points += [first, second]
            sources += [n + 1, n]
            delays += [forcing_s(door, params)] * 2
    offsets = [entry.delay_s * speed_mps] + [math.inf] * (len(points) - 1)
    for _ in range(len(points)):
        field, active = _field(index, points, offsets)
        changed = False
        for i in range(1, len(points)):
            before = _metres(field, points[sources[i]])
            if before is not None and before + delays[i] * speed_mps < offsets[i]:
                offsets[i] = before + delays[i] * speed_mps
                changed = True
        if not changed:
            break
    field, active = _field(index, points, offsets)
    where = {g: k for k, g in enumerate(active)}
    local = tuple(-1 if sources[g] < 0 else where.get(sources[g], -1) for g in active)
    return Arrival(entry, speed_mps, field, local, tuple(delays[g] for g in active))


def _field(
    index: WalkIndex, points: list[Point2], offsets: list[float]
) -> tuple[DistanceField, list[int]]:
    active = [i for i, o in enumerate(offsets) if math.isfinite(o)]
    field = distance_field(
        index, [points[i] for i in active], offsets_m=[offsets[i] for i in active]
    )
    return field, active


def _metres(field: DistanceField, point: Point2) -> float | None:
    try:
        return field.at(point)
    except ValueError:
        return None  # a door side inside a wall's clearance: nobody stands there


def _both_sides(door: Door) -> tuple[Point2, Point2]:
    (hx, hy), (lx, ly) = door.hinge, door.latch
    length = math.hypot(lx - hx, ly - hy) or 1.0
    nx, ny = -(ly - hy) / length * SIDE_M, (lx - hx) / length * SIDE_M
    cx, cy = door.center
    return (cx + nx, cy + ny), (cx - nx, cy - ny)


def door_arrival_s(
    walk: Arrival,
    building: BuildingView,
    door: Door,
    room: Room,
    views: dict[Point2, tuple[Point2, View] | None] | None = None,
) -> float | None:
    """When the intruder of ``walk`` reaches ``door`` of ``room`` from outside it.

    None when they never do. ``views`` keeps the isovists of the doors' approach
    points between entries and speeds (the walls are the same for all).
    """
    views = {} if views is None else views
    point = approach_point(building, door, room)
    if point not in views:
        views[point] = _located_view(walk.field.index, point)
    known = views[point]
    return None if known is None else walk.seconds_seen(*known)


def starts_inside(walk: Arrival, room: Room) -> bool:
    """Whether the intruder of ``walk`` gets in straight into ``room``."""
    return bool(room.polygon.covers(Point(walk.entry.start)))


def _located_view(index: WalkIndex, point: Point2) -> tuple[Point2, View] | None:
    try:
        located = locate(index, point)
    except ValueError:
        return None
    return located, view(index, located)
