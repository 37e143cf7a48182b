"""Stairs across floors: the same stair on two sheets, and which stairs are exits.

The model, in one sentence: on each floor exit access ends at an exterior door or at
an exit stair, a space typed stair that leads down to another sheet of a lower level
(or any stair of a floor without exterior doors, which has no other way out); one stair
on two sheets is the same stair when their outlines overlap in plan (the sheets share
the drawing's coordinates) or when a reviewer gives both the same name or number.

IBC 1017.3 measures exit access to the entrance of an exit, so the walk ends at the
stair's door and does not go on down the flights. A stair that only leads up (from the
lowest floor it serves) is no exit: on that floor people leave by the exterior doors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import SpaceType

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.analysis.building_view import BuildingView, Room

__all__ = ["STAIR_OVERLAP", "exit_stairs", "same_stair", "stair_name"]

STAIR_OVERLAP = 0.5
"""Two stair outlines are one stair when they share this much of the smaller one:
flights are drawn a little differently on each floor (the top floor has no
flight going up), but a stair shaft stays where it is."""
_GENERIC = frozenset(
    {"stair", "stairs", "stairway", "stairwell", "escalera", "treppe", "楼梯"}
)
"""Names that say a space is a stair without saying which one: they join nothing."""


def stair_name(room: Room) -> str:
    """The name and number that tell one stair from another ('' when generic).

    Example:
        >>> from shapely.geometry import box
        >>> from designreview.analysis.building_view import Room
        >>> stair_name(Room("s", box(0, 0, 3, 6), "Stair", "S2"))
        'stair s2'
        >>> stair_name(Room("s", box(0, 0, 3, 6), "STAIR"))
        ''
    """
    words = " ".join(f"{room.name} {room.number}".casefold().split())
    return "" if words in _GENERIC else words


def same_stair(a: Room, b: Room) -> bool:
    """Whether stairs ``a`` and ``b`` (on two sheets) are one stair.

    Example:
        Outlines 3 x 6 m, shifted by 1 m: they share 2/3 of each.

        >>> from shapely.geometry import box
        >>> from designreview.analysis.building_view import Room
        >>> same_stair(Room("a", box(0, 0, 3, 6)), Room("b", box(1, 0, 4, 6)))
        True
        >>> same_stair(Room("a", box(0, 0, 3, 6)), Room("b", box(20, 0, 23, 6)))
        False
        >>> same_stair(Room("a", box(0, 0, 3, 6), "Stair 2"),
        ...            Room("b", box(20, 0, 23, 6), "STAIR 2"))
        True
    """
    name = stair_name(a)
    if name and name == stair_name(b):
        return True
    smaller = min(a.polygon.area, b.polygon.area)
    if smaller <= 0:
        return False
    return a.polygon.intersection(b.polygon).area >= STAIR_OVERLAP * smaller


def exit_stairs(
    view: BuildingView, level: int, floors: Sequence[tuple[int, BuildingView]]
) -> list[Room]:
    """The stairs of ``view`` (a floor at ``level``) that are exits on it.

    Args:
        view: The floor being checked.
        level: Its level (``Sheet.level``: higher is further up).
        floors: The other sheets of the review, with their levels.

    Example:
        >>> from shapely.geometry import box
        >>> import numpy as np
        >>> from designreview.analysis.building_view import BuildingView, Room
        >>> from designreview.model.markups import SpaceType
        >>> def floor(sheet):
        ...     stair = Room("s-" + sheet, box(0, 0, 3, 6), space_type=SpaceType.STAIR)
        ...     return BuildingView(sheet, np.empty((0, 4)), np.empty((0, 4)),
        ...                         rooms=[stair])
        >>> ground, upper = floor("g"), floor("u")
        >>> [r.id for r in exit_stairs(upper, 1, [(0, ground)])]
        ['s-u']
        >>> [r.id for r in exit_stairs(ground, 0, [(1, upper)])]  # no exterior door
        ['s-g']
    """
    stairs = [r for r in view.rooms if r.space_type is SpaceType.STAIR]
    if not stairs:
        return []
    if not any(view.is_exterior(d) for d in view.doors):
        return stairs  # no other way out: every stair is one
    below = [
        other
        for other_level, floor in floors
        if other_level < level
        for other in floor.rooms
        if other.space_type is SpaceType.STAIR
    ]
    return [s for s in stairs if any(same_stair(s, other) for other in below)]
