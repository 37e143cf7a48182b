"""Time to secure a room in a lockdown: lock each door, after letting the hall in.

The model (LOCK-1, PRODUCT.md section 4): one person locks the room's doors in turn.
Each door takes the time its lock function gives: a door lockable from inside without
opening it (push-button or thumb-turn) a few seconds; a door that must be opened and
keyed from the corridor tens of seconds; a door that does not lock never secures the
room. An exterior door that locks from outside is locked already and takes nothing,
unless it stands propped, when it must be pulled shut (a push-button time). Between
doors the person walks the straight line at walking speed. Before locking a door
onto a corridor or commons, they let in the people in that hall within reach of it
(``hall_reach_m`` at walking speed). A door whose lock is unknown leaves the time
unknown: the check asks for it rather than guessing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.building_view import Door
from designreview.model.markups import LockFunction, SpaceType

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.analysis.building_view import BuildingView, Room

__all__ = ["HALLS", "SecureParams", "SecureTime", "door_lock_s", "secure_time"]

HALLS = frozenset({SpaceType.CORRIDOR, SpaceType.COMMONS})
"""Spaces whose people a room lets in before it locks."""


@dataclass(frozen=True, slots=True)
class SecureParams:
    """How long locking takes, by lock function, and the hall let in first."""

    push_button_lock_s: float = 5.0
    keyed_lock_s: float = 30.0
    hall_reach_m: float = 5.0
    walk_speed_mps: float = 1.4


@dataclass(frozen=True, slots=True)
class SecureTime:
    """How long a room takes to secure, and what that time is made of.

    Attributes:
        seconds: The whole time; inf when a door cannot be locked, nan when a
            door's lock function is unknown.
        lock_s: The doors' lock times added up (inf, nan as above).
        hall_s: Letting in the people of the halls beside it.
        between_s: Walking from door to door.
        never: The doors that cannot be locked.
        unknown: The doors whose lock function is unknown.
    """

    seconds: float
    lock_s: float
    hall_s: float
    between_s: float
    never: tuple[Door, ...] = ()
    unknown: tuple[Door, ...] = ()

    @property
    def is_known(self) -> bool:
        """Whether every door's lock function is known."""
        return not self.unknown


def door_lock_s(
    building: BuildingView, door: Door, params: SecureParams
) -> float | None:
    """Seconds to lock ``door`` from inside; inf if it cannot be, None if unknown.

    Example:
        >>> from designreview.analysis.building_view import BuildingView, Door
        >>> import numpy as np
        >>> view = BuildingView("s", np.empty((0, 4)), np.empty((0, 4)))
        >>> keyed = Door("d", (0, 0), (1, 0), lock=LockFunction.KEY_OUTSIDE_ONLY)
        >>> door_lock_s(view, keyed, SecureParams())
        30.0
        >>> door_lock_s(view, Door("d", (0, 0), (1, 0)), SecureParams()) is None
        True
    """
    if door.lock is LockFunction.UNKNOWN:
        return None
    if door.lock is LockFunction.NONE:
        return math.inf
    if building.is_exterior(door) and building.secures(door):
        return params.push_button_lock_s if door.is_propped else 0.0
    if door.lock is LockFunction.INSIDE_LOCKABLE:
        return params.push_button_lock_s
    return params.keyed_lock_s


def secure_time(
    building: BuildingView,
    room: Room,
    params: SecureParams,
    doors: Sequence[Door] | None = None,
) -> SecureTime:
    """The time ``room`` takes to secure: its halls let in, each door locked in turn.

    ``doors`` are the doors to lock (all of the room's unless given: an intruder
    who can only come in by some of them makes locking the others needless).

    Example:
        A room with one push-button door onto a corridor: 5 m of hall at 1.4 m/s
        (3.571 s), then 5 s to lock.

        >>> import numpy as np
        >>> from shapely.geometry import box
        >>> from designreview.analysis.building_view import BuildingView, Door, Room
        >>> room = Room("r", box(0, 0, 9, 9))
        >>> hall = Room("h", box(0, -3, 9, 0), space_type=SpaceType.CORRIDOR)
        >>> door = Door("d", (0.3, 0), (1.2, 0), lock=LockFunction.INSIDE_LOCKABLE)
        >>> view = BuildingView("s", np.empty((0, 4)), np.empty((0, 4)), [door],
        ...                     [room, hall], door_rooms={"d": ("r", "h")})
        >>> taken = secure_time(view, room, SecureParams())
        >>> round(taken.hall_s, 3), taken.lock_s, round(taken.seconds, 3)
        (3.571, 5.0, 8.571)
    """
    doors = list(building.doors_of(room) if doors is None else doors)
    times = [door_lock_s(building, d, params) for d in doors]
    unknown = tuple(d for d, t in zip(doors, times, strict=True) if t is None)
    never = tuple(d for d, t in zip(doors, times, strict=True) if t == math.inf)
    known = [t for t in times if t is not None]
    lock_s = math.nan if unknown else float(sum(known))
    acting = [d for d, t in zip(doors, times, strict=True) if t is None or t > 0]
    hall_s = 0.0
    if any(_opens_onto_hall(building, room, d) for d in acting):
        hall_s = params.hall_reach_m / params.walk_speed_mps
    between_s = _chain_m(acting) / params.walk_speed_mps
    return SecureTime(
        lock_s + hall_s + between_s, lock_s, hall_s, between_s, never, unknown
    )


def _opens_onto_hall(building: BuildingView, room: Room, door: Door) -> bool:
    sides = building.door_rooms.get(door.id, (None, None))
    others = [building.room(s) for s in sides if s != room.id]
    return any(other is not None and other.space_type in HALLS for other in others)


def _chain_m(doors: list[Door]) -> float:
    """The straight walk from the first door to the nearest unvisited one, in turn."""
    if len(doors) < 2:
        return 0.0
    here, left, total = doors[0].center, [d.center for d in doors[1:]], 0.0
    while left:
        step = min(left, key=lambda p: math.dist(here, p))
        total += math.dist(here, step)
        left.remove(step)
        here = step
    return total
