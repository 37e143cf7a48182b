"""Rooms from closed outlines, named by the labels that fall inside them.

``name_spaces`` names any room-sized shapes, so rooms traced from walls
(``rooms.wall_faces``) are named exactly as drawn outlines are.

Outlines become shapely polygons in bulk; labels are matched to them with one
STRtree query (a label inside nested outlines belongs to the smallest). Outlines
smaller than a closet, repeated or drawn around other rooms (sheet frames, floor
outlines) are not rooms, nor, given the walls, those around much wall or outside
the walls (``rooms.outline_walls``). A label that
is only a room number (``104``, ``1.12``, ``A-204``) gives the number, the others the
name, and the name gives the type (``rooms.types``). A number well inside a room wins
over one on its outline, which may be the neighbour's, and a code written in many
rooms (an extinguisher tag) names none of them (``rooms.labels.repeated_tags``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedSpace, SpaceSource, TypeSource
from designreview.model.geometry import Point2
from designreview.model.markups import SpaceType
from designreview.recognition.found import RawOutline  # noqa: TC001 (doctests)
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.rooms.labels import (
    RoomLabel,
    is_room_number,
    read_room_label,
    repeated_tags,
    room_labels,
)
from designreview.recognition.rooms.outline_walls import misplaced_outlines
from designreview.recognition.rooms.types import layer_space_type

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from designreview.model.plan import SegmentArray, TextLabel

__all__ = [
    "MIN_AREA_M2",
    "SpaceShape",
    "containers",
    "detect_spaces",
    "name_spaces",
]

MIN_AREA_M2 = 2.0
SAME_ROOM_IOU = 0.95
"""Two outlines sharing this much (overlap over union) are one room drawn twice:
a room's polyline and the hatch that fills it, drawn a few centimetres inside
(0.99-0.998 on the corpus factory plan); neighbours share only their edges."""
CONTAINER_ROOMS = 2
"""An outline around this many others is not a room itself."""
_ABSURD_M = 1.0e7


@dataclass(frozen=True, slots=True)
class SpaceShape:
    """A room-sized closed shape before it is named (local metres)."""

    id: str
    outline: tuple[Point2, ...]
    layer: str = ""
    source: SpaceSource = SpaceSource.OUTLINE


def detect_spaces(
    outlines: Sequence[RawOutline],
    labels: Sequence[TextLabel],
    scale: float,
    origin: Point2 = (0.0, 0.0),
    min_area_m2: float = MIN_AREA_M2,
    walls: SegmentArray | None = None,
    roles: LayerRoles = DEFAULT_ROLES,
) -> tuple[DetectedSpace, ...]:
    """Spaces in local metres from room outlines and the labels inside them.

    With ``walls`` (local metres), outlines around much wall (a sheet frame) or
    away from all walls and outside them (a legend swatch) are not rooms
    (``rooms.outline_walls``).

    Example:
        >>> from designreview.model.plan import TextLabel
        >>> room = RawOutline("2B", ((0, 0), (4, 0), (4, 3), (0, 3)), "A-AREA-BNDY")
        >>> texts = [TextLabel(t, p, 0.2, 0.0, "A-ANNO-ROOM")
        ...          for t, p in (("OFFICE", (1.0, 2.0)), ("104", (1.0, 1.0)))]
        >>> [space] = detect_spaces([room], texts, 1.0)
        >>> space.id, space.name, space.number, space.space_type.value
        ('space-2B', 'OFFICE', '104', 'office')
    """
    rooms, polygons = _polygons(outlines, scale, origin, min_area_m2, walls)
    shapes = [
        SpaceShape(f"space-{outline.key}", points, outline.layer)
        for outline, points in rooms
    ]
    return name_spaces(shapes, polygons, labels, roles)


def name_spaces(
    shapes: Sequence[SpaceShape],
    polygons: npt.NDArray[np.object_],
    labels: Sequence[TextLabel],
    roles: LayerRoles = DEFAULT_ROLES,
) -> tuple[DetectedSpace, ...]:
    """Spaces for room shapes, named by the room labels inside them.

    ``polygons`` are the shapes as shapely polygons, in the same order. A label
    inside nested shapes belongs to the smallest; the name gives the type, else
    a layer named for a use (``Toilets``) does: a name always wins over its layer.
    ``roles`` say which layers hold room labels.

    Example:
        >>> from designreview.model.plan import TextLabel
        >>> square = ((0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (0.0, 3.0))
        >>> shape = SpaceShape("space-1", square, "", SpaceSource.WALLS)
        >>> [space] = name_spaces([shape], shapely.polygons([square]),
        ...                       [TextLabel("WC", (1.0, 1.0), 0.2, 0.0, "TEXT")])
        >>> space.name, space.space_type.value, space.source.value
        ('WC', 'restroom', 'walls')
        >>> space.type_source.value
        'name'
    """
    texts = room_labels(labels, roles)
    owners = _owners(polygons, [text.position for text in texts])
    edge = _on_edge(polygons, texts, owners)
    inside: list[list[tuple[bool, TextLabel]]] = [[] for _ in shapes]
    for text, owner, on_edge in zip(texts, owners.tolist(), edge, strict=True):
        if owner >= 0:
            inside[owner].append((on_edge and is_room_number(text.text), text))
    tags = repeated_tags([text.text for _, text in found] for found in inside)
    spaces = []
    for shape, found in zip(shapes, inside, strict=True):
        label = _read_label(found, tags)
        space_type, source = label.space_type, TypeSource.NAME
        if space_type is SpaceType.UNKNOWN:
            space_type, source = layer_space_type(shape.layer), TypeSource.LAYER
        if space_type is SpaceType.UNKNOWN:
            source = TypeSource.NONE
        spaces.append(
            DetectedSpace(
                shape.id,
                shape.outline,
                label.name,
                label.number,
                space_type,
                shape.layer,
                shape.source,
                source,
            )
        )
    return tuple(spaces)


def _polygons(
    outlines: Sequence[RawOutline],
    scale: float,
    origin: Point2,
    min_area_m2: float,
    walls: SegmentArray | None,
) -> tuple[list[tuple[RawOutline, tuple[Point2, ...]]], npt.NDArray[np.object_]]:
    """The outlines large enough to be rooms, in local metres, and their polygons."""
    placed = [(o, _local(o.points, scale, origin)) for o in outlines]
    usable = [(o, xy) for o, xy in placed if xy is not None]
    if not usable:
        return [], np.empty(0, dtype=object)
    counts = [len(xy) for _, xy in usable]
    index = np.repeat(np.arange(len(usable)), counts)
    rings = shapely.linearrings(np.concatenate([xy for _, xy in usable]), indices=index)
    polygons = np.asarray(shapely.polygons(rings))
    broken = ~shapely.is_valid(polygons)
    polygons[broken] = shapely.make_valid(polygons[broken])
    kept = np.flatnonzero(
        (shapely.area(polygons) >= min_area_m2) & _first_copies(polygons)
    )
    kept = kept[~repeated(polygons[kept])]
    kept = kept[~containers(polygons[kept])]
    if walls is not None:
        kept = kept[~misplaced_outlines(polygons[kept], walls)]
    rooms = [(usable[i][0], _points(usable[i][1])) for i in kept]
    return rooms, polygons[kept]


def _local(
    points: Sequence[Point2], scale: float, origin: Point2
) -> npt.NDArray[np.float64] | None:
    """Outline points in local metres without the closing repeat; None if unusable."""
    xy = np.asarray(points, dtype=np.float64).reshape(-1, 2) * scale - origin
    if len(xy) > 3 and _same_point(xy[0].tolist(), xy[-1].tolist()):
        xy = xy[:-1]
    if len(xy) < 3 or not (np.isfinite(xy).all() and np.abs(xy).max() < _ABSURD_M):
        return None
    return xy


def _first_copies(polygons: npt.NDArray[np.object_]) -> npt.NDArray[np.bool_]:
    """False for outlines drawn again on top of an earlier one (same box and area)."""
    keys = np.column_stack([shapely.bounds(polygons), shapely.area(polygons)])
    _, first = np.unique(np.round(keys, 2), axis=0, return_index=True)
    mask: npt.NDArray[np.bool_] = np.zeros(len(polygons), dtype=bool)
    mask[first] = True
    return mask


def repeated(polygons: npt.NDArray[np.object_]) -> npt.NDArray[np.bool_]:
    """True for outlines that draw an earlier one again, nearly (``SAME_ROOM_IOU``).

    Example:
        >>> room = shapely.box(0, 0, 8, 6)  # 48 m2
        >>> fill = shapely.box(0.05, 0.05, 7.95, 5.95)  # 7.9 x 5.9 = 46.61 m2
        >>> half = shapely.box(0, 0, 4, 6)  # the room's west half
        >>> repeated(np.array([room, fill, half])).tolist()  # 46.61 / 48 = 0.971
        [False, True, False]
    """
    mask: npt.NDArray[np.bool_] = np.zeros(len(polygons), dtype=bool)
    if len(polygons) < 2:
        return mask
    later, earlier = shapely.STRtree(polygons).query(polygons, predicate="intersects")
    pairs = later > earlier
    later, earlier = later[pairs], earlier[pairs]
    areas = shapely.area(polygons)
    small, large = (
        np.minimum(areas[later], areas[earlier]),
        np.maximum(areas[later], areas[earlier]),
    )
    alike = small >= SAME_ROOM_IOU * large  # else the overlap cannot reach it
    later, earlier = later[alike], earlier[alike]
    if len(later):
        shared = shapely.area(shapely.intersection(polygons[later], polygons[earlier]))
        union = areas[later] + areas[earlier] - shared
        mask[later[shared >= SAME_ROOM_IOU * union]] = True
    return mask


def containers(polygons: npt.NDArray[np.object_]) -> npt.NDArray[np.bool_]:
    """True for outlines around several others: a sheet frame or a floor, not a room.

    Example:
        >>> frame = shapely.box(0, 0, 10, 10)
        >>> rooms = [shapely.box(1, 1, 3, 3), shapely.box(5, 5, 7, 7)]
        >>> containers(np.array([frame, *rooms])).tolist()
        [True, False, False]
    """
    inner = shapely.point_on_surface(polygons)
    which, around = shapely.STRtree(polygons).query(inner, predicate="within")
    others = around[which != around]
    counts = np.bincount(others, minlength=len(polygons))
    return counts >= CONTAINER_ROOMS


def _same_point(a: list[float], b: list[float]) -> bool:
    """``np.allclose(a, b)`` for two points, without its overhead (once a room)."""
    return all(abs(p - q) <= 1e-8 + 1e-5 * abs(q) for p, q in zip(a, b, strict=True))


def _points(xy: npt.NDArray[np.float64]) -> tuple[Point2, ...]:
    return tuple((x, y) for x, y in xy.tolist())


def _read_label(found: list[tuple[bool, TextLabel]], tags: frozenset[str]) -> RoomLabel:
    """A room's label from its texts, flagged when they are numbers on its edge."""
    # Reading order, but a number on the outline comes after one well inside.
    found.sort(key=lambda e: (e[0], -e[1].position[1], e[1].position[0]))
    return read_room_label([t.text for _, t in found if _clean(t.text) not in tags])


def _on_edge(
    polygons: npt.NDArray[np.object_],
    texts: Sequence[TextLabel],
    owners: npt.NDArray[np.intp],
) -> list[bool]:
    """Whether each text sits on its room's outline: nearer to it than its height.

    Such a text straddles the wall, so it may be the next room's; the insertion
    point is all we know of where the text lies.
    """
    edge = [False] * len(texts)
    placed = np.flatnonzero(owners >= 0)
    if len(placed) == 0:
        return edge
    indices: list[int] = placed.tolist()
    points = shapely.points(np.asarray([texts[i].position for i in indices]))
    gaps = shapely.distance(shapely.boundary(polygons[owners[placed]]), points)
    for i, gap in zip(indices, gaps.tolist(), strict=True):
        edge[i] = gap < texts[i].height_m
    return edge


def _clean(text: str) -> str:
    return " ".join(text.split())


def _owners(
    polygons: npt.NDArray[np.object_], points: Sequence[Point2]
) -> npt.NDArray[np.intp]:
    """The index of the smallest polygon containing each point, or -1."""
    owners: npt.NDArray[np.intp] = np.full(len(points), -1, dtype=np.intp)
    if len(polygons) == 0 or not points:
        return owners
    tree = shapely.STRtree(polygons)
    which, hit = tree.query(shapely.points(np.asarray(points)), predicate="within")
    areas = shapely.area(polygons)
    order = np.lexsort((areas[hit], which))
    which, hit = which[order], hit[order]
    _, first = np.unique(which, return_index=True)
    owners[which[first]] = hit[first]
    return owners
