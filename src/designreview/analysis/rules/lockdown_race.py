"""LOCK-1: every occupied room locks before an intruder can reach it.

For each way in (:func:`~designreview.analysis.intruder.intruder_entries`) the
intruder's arrival at each room's doors is raced against the room's time to secure
(:func:`~designreview.analysis.secure_time.secure_time`). A room whose slack (arrival
minus time to secure) is below the margin fails when a walking intruder wins, and is
a warning when only a hurried one does. A room with a door whose lock function is
unknown is asked about (DATA-1 style), never passed. One finding per room names the
entry with the least slack and carries the route as its overlay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designreview.analysis.building_view import Door, Room
from designreview.analysis.intruder import (
    SIDE_M,
    Arrival,
    Entry,
    IntruderParams,
    approach_point,
    arrival,
    door_arrival_s,
    intruder_entries,
    intruder_walls,
    starts_inside,
)
from designreview.analysis.parts import Part
from designreview.analysis.rules.base import (
    CheckContext,
    finding,
    params_with,
    sentence,
)
from designreview.analysis.rules.room_locks import OCCUPIED
from designreview.analysis.secure_time import (
    SecureParams,
    SecureTime,
    door_lock_s,
    secure_time,
)
from designreview.analysis.walk_graph import build_walk_index
from designreview.model.findings import Finding, Severity

if TYPE_CHECKING:
    from designreview.analysis.walk_graph import WalkIndex
    from designreview.model.review import Review

RULE_ID = "LOCK-1"
TITLE = "Rooms lock before an intruder arrives"
CITATION = (
    "FBI, Active shooter incidents in the United States 2000-2013 (69% of timed "
    "incidents over within 5 minutes); door-lock trials (push-button vs keyed)"
)
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES, Part.BREACHES})
ASSUMPTIONS = (
    "Doors that lock stand locked for an intruder; doors that do not lock, or whose "
    "lock is unknown, stand open; a door marked propped is open whatever its lock; "
    "a door marked forced opens after its forcing time.",
    "The intruder gets in at every exterior door that is open, propped or forced and "
    "at every breach point, and walks the shortest way at walking or hurried speed.",
    "The lockdown starts when the intruder gets in. One person locks the room's "
    "doors in turn, after letting in the people of the corridor within the hall "
    "reach of the door.",
)
_TRIALS = "Classroom door-lock trials (push-button against keyed)"
_FORCE = (
    "Heuristic forced-entry times for unrated doors; use the assembly's timed rating "
    "(ASTM F3038) where it has one"
)


@dataclass(frozen=True, slots=True)
class Params:
    """The race's margin, the intruder's speeds and the times to lock and force."""

    margin_s: float = field(
        default=10.0,
        metadata={
            "source": "Planning margin; FBI, A Study of Active Shooter Incidents "
            "2000-2013 (69% of timed incidents over within 5 minutes)"
        },
    )
    walk_speed_mps: float = field(
        default=1.4,
        metadata={
            "source": "Free walking speed, about 1.4 m/s (Fruin, Pedestrian "
            "Planning and Design)"
        },
    )
    hurried_speed_mps: float = field(
        default=2.5,
        metadata={
            "source": "A jog, about 2.5 m/s (9 km/h): a planning default "
            "between brisk walking and running, not from one study"
        },
    )
    push_button_lock_s: float = field(
        default=5.0,
        metadata={"source": f"{_TRIALS}: push-button or thumb-turn, a few seconds"},
    )
    keyed_lock_s: float = field(
        default=30.0,
        metadata={"source": f"{_TRIALS}: keyed, the door opened, tens of seconds"},
    )
    hall_reach_m: float = field(
        default=5.0,
        metadata={
            "source": "Heuristic: a teacher clears the hall by the door before "
            "locking (Standard Response Protocol, lockdown)"
        },
    )
    forced_steel_s: float = field(default=90.0, metadata={"source": _FORCE})
    forced_wood_s: float = field(default=45.0, metadata={"source": _FORCE})
    forced_glass_s: float = field(
        default=10.0,
        metadata={"source": f"{_FORCE}; also doors of unknown construction"},
    )
    breach_glazing_s: float = field(
        default=10.0,
        metadata={
            "source": "Sandy Hook Advisory Commission (2015): the attacker shot "
            "through the glass beside the locked entry and stepped in"
        },
    )
    breach_window_s: float = field(
        default=20.0, metadata={"source": "Heuristic: break a window, climb through"}
    )

    def intruder(self) -> IntruderParams:
        """The forcing and breaking-in times."""
        return IntruderParams(
            self.forced_steel_s, self.forced_wood_s, self.forced_glass_s,
            self.breach_glazing_s, self.breach_window_s,
        )  # fmt: skip

    def securing(self) -> SecureParams:
        """The locking times, the hall let in and the speed people walk at."""
        return SecureParams(
            self.push_button_lock_s,
            self.keyed_lock_s,
            self.hall_reach_m,
            self.walk_speed_mps,
        )


@dataclass(frozen=True, slots=True)
class Race:
    """One room against one entry at one speed."""

    room: Room
    entry: Entry
    speed_mps: float
    arrival_s: float
    door: Door | None
    secure: SecureTime
    walk: Arrival

    @property
    def slack_s(self) -> float:
        """Arrival minus time to secure (-inf when the room cannot be locked)."""
        return self.arrival_s - self.secure.seconds


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A finding per occupied room that loses the race from some entry."""
    if ctx.has_no_doors:
        return []  # DATA-1 asks for the doors
    building = ctx.building
    rooms = [
        r for r in building.rooms if r.space_type in OCCUPIED and building.doors_of(r)
    ]
    results = []
    for room in rooms:
        secure = secure_time(building, room, params.securing())
        if secure.unknown:
            results.append(_unknown(ctx, room, secure))
    worst: dict[str, list[Race | None]] = {}
    for race in races(ctx, params, contested_only=True):
        slot = worst.setdefault(race.room.id, [None, None])
        at = 0 if race.speed_mps == params.walk_speed_mps else 1
        held = slot[at]
        if held is None or race.slack_s < held.slack_s:
            slot[at] = race
    for room in rooms:
        walking, hurried = worst.get(room.id, [None, None])
        lost = _lost(ctx, walking, hurried, params)
        if lost is not None:
            results.append(lost)
    return results


def races(
    ctx: CheckContext, params: Params, *, contested_only: bool = False
) -> list[Race]:
    """Every race of every occupied room whose locks are known, with every entry.

    A room races only by the doors an intruder can reach that are not locked
    already (an exterior door locked from outside admits nobody); a room with none
    is out of reach. Its time to secure counts only those doors. With
    ``contested_only``, rooms too far from every entry to lose (by the straight
    line) are left out without walking there: the findings are the same.
    """
    entries = intruder_entries(ctx.building, params.intruder())
    if not entries:
        return []
    return races_of(ctx, params, walks_of(ctx, params, entries), contested_only)


def walks_of(ctx: CheckContext, params: Params, entries: list[Entry]) -> list[Arrival]:
    """The intruder's walks from ``entries``, each at walking then hurried speed."""
    index = walking_graph(ctx)
    return [
        arrival(index, ctx.building, entry, speed, params.intruder())
        for entry in entries
        for speed in (params.walk_speed_mps, params.hurried_speed_mps)
    ]


def races_of(
    ctx: CheckContext,
    params: Params,
    walks: list[Arrival],
    contested_only: bool = False,
) -> list[Race]:
    """:func:`races` against the given walks only (e.g. one entry's two)."""
    building = ctx.building
    # The approach points' isovists, kept with the intruder's graph across runs.
    views = ctx.kept_with("intruder walk", intruder_walls(building))
    views = {} if views is None else views
    found = []
    for room in building.rooms:
        if room.space_type not in OCCUPIED or not building.doors_of(room):
            continue
        if secure_time(building, room, params.securing()).unknown:
            continue
        if contested_only and _cannot_lose(ctx, room, walks, params):
            continue
        found += _room_races(ctx, room, walks, views, params)
    return found


def _cannot_lose(
    ctx: CheckContext, room: Room, walks: list[Arrival], params: Params
) -> bool:
    """Whether every walk reaches ``room`` later than it can secure, with margin.

    Each arrival is at least the entry's delay plus the straight line at the
    walk's speed (less 1 m for the points moved out of walls, and 2 m across each
    forced door); the time to secure is at most every door locked, the hall let
    in, and each step between doors as long as the widest span of them.
    """
    building, secure_params = ctx.building, params.securing()
    doors = [
        d
        for d in building.doors_of(room)
        if door_lock_s(building, d, secure_params) != 0.0
    ]
    upper = secure_time(building, room, secure_params, doors)
    if not math.isfinite(upper.seconds) or any(starts_inside(w, room) for w in walks):
        return False
    centres = [d.center for d in doors]
    span = max((math.dist(a, b) for a in centres for b in centres), default=0.0)
    most = upper.lock_s + upper.hall_s
    most += max(len(doors) - 1, 0) * span / params.walk_speed_mps
    # Each point moved out of a wall moves at most snap_m (0.5 m); a forced door's
    # two sides are 2 * SIDE_M apart, each moved as well.
    slack_m = 1.0 + (2 * SIDE_M + 1.0) * sum(1 for d in building.doors if d.is_forced)
    for walk in walks:
        for door in doors:
            line = math.dist(walk.entry.start, approach_point(building, door, room))
            least = walk.entry.delay_s + max(line - slack_m, 0.0) / walk.speed_mps
            if least - most < params.margin_s:
                return False
    return True


def _room_races(
    ctx: CheckContext,
    room: Room,
    walks: list[Arrival],
    views: dict[Any, Any],
    params: Params,
) -> list[Race]:
    building = ctx.building
    doors = [
        d
        for d in building.doors_of(room)
        if door_lock_s(building, d, params.securing()) != 0.0
    ]
    reached = {
        (k, d.id): door_arrival_s(walk, building, d, room, views)
        for k, walk in enumerate(walks)
        for d in doors
    }
    exposed = [
        d for d in doors if any(reached[k, d.id] is not None for k in range(len(walks)))
    ]
    inside = [starts_inside(walk, room) for walk in walks]
    if not exposed and not any(inside):
        return []
    secure = secure_time(building, room, params.securing(), exposed)
    found = []
    for k, walk in enumerate(walks):
        times = [
            (seconds, d) for d in exposed if (seconds := reached[k, d.id]) is not None
        ]
        if inside[k]:
            found.append(
                Race(room, walk.entry, walk.speed_mps, 0.0, None, secure, walk)
            )
        elif times:
            seconds, door = min(times, key=lambda pair: pair[0])
            found.append(
                Race(room, walk.entry, walk.speed_mps, seconds, door, secure, walk)
            )
    return found


def params_of(review: Review) -> Params:
    """LOCK-1's thresholds with this review's changes applied."""
    params: Params = params_with(Params(), RULE_ID, review.check_settings)
    return params


def _graph_key(ctx: CheckContext) -> tuple[str, tuple[Door, ...]]:
    return ("LOCK-1 index", tuple(ctx.building.doors))


def walking_graph(ctx: CheckContext) -> WalkIndex:
    """The intruder's walking graph of this sheet, built once per check run."""
    key = _graph_key(ctx)
    if key not in ctx.memo:
        walls = intruder_walls(ctx.building)
        ctx.memo[key] = ctx.index("intruder walk", walls, build_walk_index)
    index: WalkIndex = ctx.memo[key]
    return index


def _lost(
    ctx: CheckContext,
    walking: Race | None,
    hurried: Race | None,
    params: Params,
) -> Finding | None:
    if walking is not None and walking.slack_s < params.margin_s:
        return _finding(ctx, walking, Severity.FAIL, "walking", params)
    if hurried is not None and hurried.slack_s < params.margin_s:
        return _finding(ctx, hurried, Severity.WARNING, "hurried", params)
    return None


def _finding(
    ctx: CheckContext, race: Race, severity: Severity, pace: str, params: Params
) -> Finding:
    room, door, secure = race.room, race.door, race.secure
    where = "is inside it" if door is None else f"reaches {door.label}"
    how = (
        f"at once: the way in is in {room.label}"
        if door is None
        else f"in {race.arrival_s:.0f} s"
    )
    if math.isinf(secure.seconds):
        locks = ", ".join(d.label for d in secure.never)
        verb = "does" if len(secure.never) == 1 else "do"
        outcome = f"and the room cannot be locked ({locks} {verb} not lock)"
        advice = "Fit locks that lock from inside without opening the door."
    else:
        outcome = (
            f"but the room takes {secure.seconds:.0f} s to secure ("
            f"{_parts(secure)}): {race.slack_s:.0f} s to spare, less than the "
            f"{params.margin_s:.0f} s margin"
        )
        advice = (
            "Fit push-button or thumb-turn locks, or keep the entry locked or "
            "controlled."
        )
    message = (
        f"{sentence(room.label)} loses the lockdown race from "
        f"{race.entry.label}: a {pace} intruder ({race.speed_mps:g} m/s) {where} "
        f"{how}, {outcome}. {advice}"
    )
    location = room.polygon.representative_point()
    route = race.walk.route(door_point(ctx, race)) if door is not None else ()
    subjects = (room.id, *race.entry.subjects, *(door.subjects if door else ()))
    return finding(
        RULE_ID,
        severity,
        message,
        ctx,
        (location.x, location.y),
        tuple(dict.fromkeys(subjects)),
        CITATION,
        (route,) if len(route) >= 2 else (),
    )


def door_point(ctx: CheckContext, race: Race) -> tuple[float, float]:
    """Where the intruder of ``race`` stands at the room's door (or the entry)."""
    if race.door is None:
        return race.entry.start
    return approach_point(ctx.building, race.door, race.room)


def _parts(secure: SecureTime) -> str:
    parts = [f"locking {secure.lock_s:.0f} s"]
    if secure.hall_s:
        parts.append(f"letting the hall in {secure.hall_s:.0f} s")
    if secure.between_s:
        parts.append(f"walking between doors {secure.between_s:.0f} s")
    return ", ".join(parts)


def _unknown(ctx: CheckContext, room: Room, secure: SecureTime) -> Finding:
    doors = ", ".join(d.label for d in secure.unknown)
    first = secure.unknown[0]
    return finding(
        RULE_ID,
        Severity.NEEDS_INFORMATION,
        f"{sentence(room.label)}: how {doors} locks is unknown, so whether the room "
        "can lock before an intruder arrives cannot be told. Record its lock "
        "function (hardware set).",
        ctx,
        first.center,
        (room.id, *(s for d in secure.unknown for s in d.subjects)),
        CITATION,
    )
