"""A type for unnamed rooms that no layer types, from their shape and doors.

Only a tiebreaker: a name or a use-named layer always wins, a named room is never
typed by its shape (a name we cannot read may still say what the room is: an
apartment's "TYPE A3"), and a room that fits no shape rule stays untyped. The
rules, in order:

- **Corridor**: a long narrow room that joins many doors. Narrow: less than
  ``CORRIDOR_MAX_WIDTH_M`` (3.5 m) wide; school corridors are 1.8-3 m, and a
  classroom is 6 m or more across. Long: more than ``CORRIDOR_MIN_ASPECT`` (4)
  times as long as it is wide; a narrow store or toilet row is 1.5 x 4 m (aspect
  2.7). Joining doors: at least ``CORRIDOR_MIN_DOORS`` (3) open on it; a long
  narrow store has one, a room with a back door two, a corridor serves many.
- **Wide hall**: the same, up to ``HALL_MAX_WIDTH_M`` (6 m) wide when at least
  ``HALL_MIN_DOORS`` (6) doors open on it: the main halls of a school and the
  circulation that runs round a block are 4-5 m wide, and a room that long and
  narrow with six doors is circulation, not a classroom (a 9 x 7 m classroom has
  aspect 1.3).
- **Auditorium**: a room of at least ``AUDITORIUM_MIN_AREA_M2`` (80 m²) beside a
  room named as a stage (``stage_terms`` of ``space_types.json``: Stage,
  Escenario, Bühne, 舞台, ...) is the hall the stage faces. Beside means their
  outlines come within ``BESIDE_M`` (0.6 m, a thick wall) of each other along at
  least ``BESIDE_MIN_LENGTH_M`` (2 m), so a stage seen across a corner does not
  count.

Width and length are those of the rectangle with the room's area and perimeter
(``length + width = perimeter / 2``, ``length x width = area``): exact for a
rectangle, and close for a bent, L-shaped or ring corridor, where the rotated
bounding box would be square-ish.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedSpace, TypeSource
from designreview.model.markups import SpaceType
from designreview.recognition.rooms.types import names_a_stage

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.building import DetectedDoor

__all__ = [
    "AUDITORIUM_MIN_AREA_M2",
    "BESIDE_M",
    "BESIDE_MIN_LENGTH_M",
    "CORRIDOR_MAX_WIDTH_M",
    "CORRIDOR_MIN_ASPECT",
    "CORRIDOR_MIN_DOORS",
    "DOOR_REACH_M",
    "HALL_MAX_WIDTH_M",
    "HALL_MIN_DOORS",
    "equivalent_rectangle",
    "type_by_shape",
]

CORRIDOR_MAX_WIDTH_M = 3.5
CORRIDOR_MIN_ASPECT = 4.0
CORRIDOR_MIN_DOORS = 3
HALL_MAX_WIDTH_M = 6.0
HALL_MIN_DOORS = 6
AUDITORIUM_MIN_AREA_M2 = 80.0
BESIDE_M = 0.6
BESIDE_MIN_LENGTH_M = 2.0
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
        >>> stage = DetectedSpace("t", ((0, 2.3), (20, 2.3), (20, 8), (0, 8)), "Stage")
        >>> big = DetectedSpace("u", ((0, 8.3), (20, 8.3), (20, 28), (0, 28)))
        >>> type_by_shape([stage, big], [])[1].space_type.value
        'auditorium'
    """
    untyped = [
        i
        for i, s in enumerate(spaces)
        if s.space_type is SpaceType.UNKNOWN and not s.name
    ]
    if not untyped:
        return tuple(spaces)
    polygons = np.array([shapely.Polygon(spaces[i].outline) for i in untyped])
    door_counts = _doors_on(polygons, doors)
    beside_stage = _beside_stage(polygons, spaces)
    areas, perimeters = shapely.area(polygons), shapely.length(polygons)
    typed = list(spaces)
    for k, i in enumerate(untyped):
        length, width = equivalent_rectangle(float(areas[k]), float(perimeters[k]))
        kind = _shape_type(int(door_counts[k]), length, width)
        if kind is None and beside_stage[k] and areas[k] >= AUDITORIUM_MIN_AREA_M2:
            kind = SpaceType.AUDITORIUM
        if kind is not None:
            typed[i] = replace(
                spaces[i], space_type=kind, type_source=TypeSource.GEOMETRY
            )
    return tuple(typed)


def _shape_type(doors: int, length: float, width: float) -> SpaceType | None:
    """CORRIDOR for a long narrow room joining enough doors for its width."""
    if width <= 0 or length <= CORRIDOR_MIN_ASPECT * width:
        return None
    if doors >= CORRIDOR_MIN_DOORS and width < CORRIDOR_MAX_WIDTH_M:
        return SpaceType.CORRIDOR
    if doors >= HALL_MIN_DOORS and width < HALL_MAX_WIDTH_M:
        return SpaceType.CORRIDOR
    return None


def _doors_on(polygons: np.ndarray, doors: Sequence[DetectedDoor]) -> np.ndarray:
    """How many door openings lie on each polygon's outline."""
    if not doors:
        return np.zeros(len(polygons), dtype=int)
    middles = np.asarray(shapely.points(np.asarray([door.center for door in doors])))
    which, _ = shapely.STRtree(middles).query(
        shapely.boundary(polygons), predicate="dwithin", distance=DOOR_REACH_M
    )
    return np.bincount(which, minlength=len(polygons))


def _beside_stage(polygons: np.ndarray, spaces: Sequence[DetectedSpace]) -> np.ndarray:
    """Whether each polygon runs along a room named as a stage for 2 m or more."""
    beside = np.zeros(len(polygons), dtype=bool)
    stages = [shapely.Polygon(s.outline) for s in spaces if names_a_stage(s.name)]
    if not stages:
        return beside
    band = shapely.buffer(np.array(stages), BESIDE_M)
    which, stage_of = shapely.STRtree(band).query(polygons, predicate="intersects")
    for k, j in zip(which, stage_of, strict=True):
        shared = shapely.intersection(shapely.boundary(polygons[k]), band[j])
        beside[k] |= shared.length >= BESIDE_MIN_LENGTH_M
    return beside
