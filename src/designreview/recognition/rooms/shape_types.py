"""A type for unnamed rooms that no layer types, from their shape and doors.

Only a tiebreaker: a name or a use-named layer always wins, a named room is never
typed by its shape (a name we cannot read may still say what the room is: an
apartment's "TYPE A3"), and a room that fits no shape rule stays untyped. One
rule for now: a long narrow room that joins many doors is a corridor. The
thresholds:

- narrow: the room is less than ``CORRIDOR_MAX_WIDTH_M`` (3.5 m) wide; school
  corridors are 1.8-3 m, and a classroom is 6 m or more across;
- long: it is more than ``CORRIDOR_MIN_ASPECT`` (4) times as long as it is wide;
  a narrow store or toilet row is 1.5 x 4 m (aspect 2.7);
- joining doors: at least ``CORRIDOR_MIN_DOORS`` (3) doors open on it; a long
  narrow store has one, a room with a back door two, a corridor serves many.

Width and length are those of the rectangle with the room's area and perimeter
(``length + width = perimeter / 2``, ``length x width = area``): exact for a
rectangle, and close for a bent or L-shaped corridor, where the rotated bounding
box would be square-ish.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedSpace, TypeSource
from designreview.model.markups import SpaceType

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.building import DetectedDoor

__all__ = [
    "CORRIDOR_MAX_WIDTH_M",
    "CORRIDOR_MIN_ASPECT",
    "CORRIDOR_MIN_DOORS",
    "DOOR_REACH_M",
    "equivalent_rectangle",
    "type_by_shape",
]

CORRIDOR_MAX_WIDTH_M = 3.5
CORRIDOR_MIN_ASPECT = 4.0
CORRIDOR_MIN_DOORS = 3
DOOR_REACH_M = 0.5
"""A door opens on a room when the middle of its opening is this near the outline:
the opening lies in the wall, and outlines are drawn on a wall's face or centre
(half a 0.3 m wall, with room to spare for thicker ones)."""


def equivalent_rectangle(area: float, perimeter: float) -> tuple[float, float]:
    """Length and width of the rectangle with this area and perimeter.

    A shape too compact for any rectangle (a circle) is its own square.

    Example:
        >>> equivalent_rectangle(2 * 10, 2 * (2 + 10))  # a 10 x 2 m corridor
        (10.0, 2.0)
    """
    half = perimeter / 2
    root = math.sqrt(max(half * half - 4 * area, 0.0))
    return (half + root) / 2, (half - root) / 2


def type_by_shape(
    spaces: Sequence[DetectedSpace], doors: Sequence[DetectedDoor]
) -> tuple[DetectedSpace, ...]:
    """``spaces``, with the unnamed untyped ones that a shape rule fits typed by it.

    Example:
        >>> from designreview.model.building import DetectedDoor
        >>> hall = DetectedSpace("s", ((0, 0), (20, 0), (20, 2), (0, 2)))
        >>> doors = [DetectedDoor(f"d{x}", (x, 0), (x + 1, 0), (x, -1))
        ...          for x in (2, 8, 14)]
        >>> [space] = type_by_shape([hall], doors)
        >>> space.space_type.value, space.type_source.value
        ('corridor', 'geometry')
        >>> type_by_shape([hall], doors[:2])[0].space_type.value
        'unknown'
        >>> named = DetectedSpace("s", hall.outline, "TYPE A3")
        >>> type_by_shape([named], doors)[0].space_type.value
        'unknown'
    """
    untyped = [
        i
        for i, s in enumerate(spaces)
        if s.space_type is SpaceType.UNKNOWN and not s.name
    ]
    if not untyped or not doors:
        return tuple(spaces)
    polygons = np.array([shapely.Polygon(spaces[i].outline) for i in untyped])
    middles = np.asarray(shapely.points(np.asarray([door.center for door in doors])))
    which, _ = shapely.STRtree(middles).query(
        shapely.boundary(polygons), predicate="dwithin", distance=DOOR_REACH_M
    )
    door_counts = np.bincount(which, minlength=len(untyped))
    areas, perimeters = shapely.area(polygons), shapely.length(polygons)
    typed = list(spaces)
    for k, i in enumerate(untyped):
        length, width = equivalent_rectangle(float(areas[k]), float(perimeters[k]))
        if (
            door_counts[k] >= CORRIDOR_MIN_DOORS
            and 0 < width < CORRIDOR_MAX_WIDTH_M
            and length > CORRIDOR_MIN_ASPECT * width
        ):
            typed[i] = replace(
                spaces[i],
                space_type=SpaceType.CORRIDOR,
                type_source=TypeSource.GEOMETRY,
            )
    return tuple(typed)
