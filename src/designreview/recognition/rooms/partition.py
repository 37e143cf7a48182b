"""One partition of the floor: the faces of the walls, named and merged by outlines.

Architects often draw outlines for the rooms they schedule and none for halls,
corridors and lobbies. So the spaces are the faces the walls enclose (door openings
closed, ``rooms.wall_faces``), everywhere: a face mostly inside a drawn outline
belongs to it (the outline names it, and merges the faces it covers into one
room), and the faces no outline covers are spaces of their own, named by the
labels inside them. An outline holding two rooms' labels with a wall between them
is split along that wall, into its faces; two rooms' labels with no wall between
them are reported, for the reviewer to split by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedDoor, DetectedSpace
from designreview.model.markups import SpaceType
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.rooms.labels import is_room_number, room_labels
from designreview.recognition.rooms.outlines import SpaceShape, name_spaces
from designreview.recognition.rooms.types import guess_space_type
from designreview.recognition.rooms.wall_faces import face_shapes

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from designreview.model.plan import TextLabel

__all__ = ["COVERED_SHARE", "Partition", "partition_spaces", "two_labels_warning"]

COVERED_SHARE = 0.5
"""A face this much inside a drawn outline belongs to that outline."""
LABEL_GAP_M = 2.0
"""Room texts farther apart than this label different rooms (a name, its number
and its area are written within a metre or so of each other)."""
DOOR_REACH_M = 0.4
"""A door this near a face opens onto it (half a thick wall, and a little)."""
MIN_AREA_M2 = 2.0
MIN_WIDTH_M = 0.6
"""What is left of a face outside the outlines is a space when it is at least
this large and this wide (2 x area / perimeter); less is a sliver of wall."""


@dataclass(frozen=True, slots=True)
class Partition:
    """The floor's spaces, and what the reviewer must settle by hand."""

    spaces: tuple[DetectedSpace, ...]
    traced: int = 0
    """Spaces that are faces of the walls with no outline (halls, lobbies...)."""
    split: int = 0
    """Outlines split along the walls between the rooms they held."""
    warnings: tuple[str, ...] = ()


def partition_spaces(
    outlined: Sequence[DetectedSpace],
    faces: npt.NDArray[np.object_],
    labels: Sequence[TextLabel],
    roles: LayerRoles = DEFAULT_ROLES,
    doors: Sequence[DetectedDoor] | None = None,
) -> Partition:
    """The spaces of a floor from its drawn outlines and the faces of its walls.

    Args:
        outlined: spaces from drawn outlines, already named.
        faces: room-like faces of the walls (``wall_faces``), local metres.
        labels: the plan's texts, local metres.
        roles: which layers hold room labels.
        doors: the doors found, local metres. Where rooms are outlined, a face
            no outline covers is a space only when a door opens onto it or a
            room label names it: the lawns and paved areas between the paths of
            a site plan are faces too, reached by no door. None or none found
            (no door to go by): every face.

    Example:
        Two classrooms outlined above a corridor nobody outlined:

        >>> from designreview.model.building import DetectedDoor, DetectedSpace
        >>> from designreview.model.plan import TextLabel
        >>> rooms = [DetectedSpace("a", ((0, 3), (5, 3), (5, 9), (0, 9)), "CLASS"),
        ...          DetectedSpace("b", ((5, 3), (10, 3), (10, 9), (5, 9)), "LAB")]
        >>> faces = shapely.polygons([((0, 3), (5, 3), (5, 9), (0, 9)),
        ...                           ((5, 3), (10, 3), (10, 9), (5, 9)),
        ...                           ((0, 0), (10, 0), (10, 3), (0, 3))])
        >>> hall = TextLabel("CORRIDOR", (4.0, 1.5), 0.3, 0.0, "A-ANNO")
        >>> found = partition_spaces(rooms, faces, [hall])
        >>> [(s.name, round(shapely.Polygon(s.outline).area, 1)) for s in found.spaces]
        [('CLASS', 30.0), ('LAB', 30.0), ('CORRIDOR', 30.0)]
        >>> found.traced
        1
    """
    faces = np.asarray(faces, dtype=object)
    texts = _marks(labels, roles)
    if not len(faces):
        return Partition(tuple(outlined))
    rooms = np.asarray(
        [shapely.make_valid(shapely.Polygon(s.outline)) for s in outlined],
        dtype=object,
    )
    owner, share = _owners(faces, rooms)
    kept: list[DetectedSpace] = []
    warnings: list[str] = []
    split = 0
    for j, space in enumerate(outlined):
        mine = np.flatnonzero((owner == j) & (share >= COVERED_SHARE))
        pieces = _split(space, rooms[j], faces[mine], labels, texts, roles)
        if pieces:
            kept += pieces
            split += 1
            continue
        kept.append(space)
        marks = _marks_in(rooms[j], texts)
        if _rooms_in(marks) >= 2:
            warnings.append(two_labels_warning(space.name or space.number, marks))
    free = faces[share < COVERED_SHARE]
    rest = _outside_outlines(free, rooms)
    if len(outlined) and doors:
        rest = rest[_reached(rest, doors) | _labelled(rest, texts)]
    traced = list(name_spaces(face_shapes(rest), rest, labels, roles))
    for shape, space in zip(rest, traced, strict=True):
        marks = _marks_in(shape, texts)
        if _rooms_in(marks) >= 2:
            where = space.name or _where(shape)
            warnings.append(two_labels_warning(where, marks))
    return Partition(tuple(kept + traced), len(traced), split, tuple(warnings))


def two_labels_warning(where: str, marks: Sequence[TextLabel]) -> str:
    """The warning for a space that holds the labels of two rooms or more.

    Example:
        >>> from designreview.model.plan import TextLabel
        >>> marks = [TextLabel(t, (0, 0), 0.2, 0, "A") for t in ("101", "102")]
        >>> two_labels_warning("OPEN AREA", marks)[:44]
        'Space OPEN AREA holds the labels of 2 rooms '
    """
    names = ", ".join(dict.fromkeys(" ".join(t.text.split()) for t in marks))
    return (
        f"Space {where} holds the labels of {_rooms_in(marks)} rooms ({names}) with "
        "no wall between them: split it with the Split Space tool, or its occupant "
        "load counts them as one room."
    )


def _marks(labels: Sequence[TextLabel], roles: LayerRoles) -> list[TextLabel]:
    """The texts that mark a room: room numbers and names of a room type."""
    return [
        t
        for t in room_labels(labels, roles)
        if is_room_number(t.text) or guess_space_type(t.text) is not SpaceType.UNKNOWN
    ]


def _marks_in(polygon: shapely.Geometry, texts: Sequence[TextLabel]) -> list[TextLabel]:
    if not texts:
        return []
    points = shapely.points(np.asarray([t.position for t in texts], dtype=float))
    inside = shapely.contains_xy(polygon, shapely.get_coordinates(points))
    return [t for t, ok in zip(texts, inside.tolist(), strict=True) if ok]


def _rooms_in(marks: Sequence[TextLabel]) -> int:
    """How many rooms the marks name.

    Marks more than ``LABEL_GAP_M`` apart are different rooms, counted once per
    distinct room number when they carry numbers.

    Example:
        >>> from designreview.model.plan import TextLabel
        >>> t = lambda s, x: TextLabel(s, (x, 0.0), 0.2, 0.0, "A")
        >>> _rooms_in([t("CLASSROOM", 0), t("101", 0.5)])  # one label
        1
        >>> _rooms_in([t("CLASSROOM", 0), t("101", 0.5), t("STORAGE", 6)])
        2
        >>> _rooms_in([t("101", 0), t("101", 6)])  # the same number twice
        1
    """
    if len(marks) < 2:
        return len(marks)
    xy = np.asarray([t.position for t in marks], dtype=float)
    blobs = shapely.get_parts(
        shapely.union_all(shapely.buffer(shapely.points(xy), LABEL_GAP_M / 2))
    )
    which = shapely.STRtree(blobs).query(shapely.points(xy), predicate="within")
    cluster = np.empty(len(marks), dtype=np.intp)
    cluster[which[0]] = which[1]
    keys: set[str | int] = set()
    for k in range(len(blobs)):
        numbers = {
            " ".join(marks[i].text.split())
            for i in np.flatnonzero(cluster == k).tolist()
            if is_room_number(marks[i].text)
        }
        keys |= numbers if numbers else {k}
    return len(keys)


def _owners(
    faces: npt.NDArray[np.object_], rooms: npt.NDArray[np.object_]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    """For each face, the outline covering most of it, and its covered share."""
    owner = np.full(len(faces), -1, dtype=np.intp)
    share = np.zeros(len(faces), dtype=np.float64)
    if not len(rooms):
        return owner, share
    face, room = shapely.STRtree(rooms).query(faces, predicate="intersects")
    if not len(face):
        return owner, share
    shared = shapely.area(shapely.intersection(faces[face], rooms[room]))
    area = shapely.area(faces)
    np.add.at(share, face, shared)
    share /= np.where(area > 0, area, 1.0)
    order = np.lexsort((-shared, face))
    face, room = face[order], room[order]
    _, first = np.unique(face, return_index=True)
    owner[face[first]] = room[first]
    return owner, np.minimum(share, 1.0)


def _split(
    space: DetectedSpace,
    room: shapely.Geometry,
    faces: npt.NDArray[np.object_],
    labels: Sequence[TextLabel],
    texts: Sequence[TextLabel],
    roles: LayerRoles,
) -> list[DetectedSpace]:
    """The outline's faces as rooms of their own, or nothing.

    They are when the walls separate the rooms its labels name; else the outline
    stays one room.
    """
    if len(faces) < 2 or _rooms_in(_marks_in(room, texts)) < 2:
        return []
    counts = [_rooms_in(_marks_in(face, texts)) for face in faces]
    if max(counts) > 1 or sum(c > 0 for c in counts) < 2:
        return []
    pieces = shapely.intersection(faces, room)
    pieces = np.asarray(
        [_largest(p) for p in pieces if shapely.area(p) >= MIN_AREA_M2], dtype=object
    )
    shapes = [
        SpaceShape(f"{space.id}-{k + 1}", shape.outline, space.layer, space.source)
        for k, shape in enumerate(face_shapes(pieces))
    ]
    named = name_spaces(shapes, pieces, labels, roles)
    return [s if s.name or s.number else replace(s, name=space.name) for s in named]


def _outside_outlines(
    faces: npt.NDArray[np.object_], rooms: npt.NDArray[np.object_]
) -> npt.NDArray[np.object_]:
    """What of each face lies outside every outline, when it is room-sized."""
    if not len(faces):
        return faces
    rest = faces
    if len(rooms):
        face, room = shapely.STRtree(rooms).query(faces, predicate="intersects")
        rest = faces.copy()
        for i in np.unique(face).tolist():
            near = shapely.union_all(rooms[room[face == i]])
            rest[i] = _largest(shapely.difference(faces[i], near))
    area = shapely.area(rest)
    perimeter = shapely.length(rest)
    width = 2 * area / np.where(perimeter > 0, perimeter, 1.0)
    keep = (area >= MIN_AREA_M2) & (width >= MIN_WIDTH_M)
    return np.asarray(rest[keep], dtype=object)


def _reached(
    faces: npt.NDArray[np.object_], doors: Sequence[DetectedDoor]
) -> npt.NDArray[np.bool_]:
    """Whether a door opens onto each face (its opening within ``DOOR_REACH_M``)."""
    openings = [shapely.LineString((d.hinge, d.latch)) for d in doors]
    return _meets(faces, openings, "dwithin", DOOR_REACH_M)


def _labelled(
    faces: npt.NDArray[np.object_], texts: Sequence[TextLabel]
) -> npt.NDArray[np.bool_]:
    """Whether a room label lies in each face."""
    return _meets(faces, [shapely.Point(t.position) for t in texts], "contains")


def _meets(
    faces: npt.NDArray[np.object_],
    things: Sequence[shapely.Geometry],
    predicate: str,
    distance: float | None = None,
) -> npt.NDArray[np.bool_]:
    """Whether each face meets one of ``things`` by ``predicate``."""
    met = np.zeros(len(faces), dtype=bool)
    if not len(faces) or not things:
        return met
    tree = shapely.STRtree(np.asarray(things, dtype=object))
    face, _ = tree.query(faces, predicate=predicate, distance=distance)  # type: ignore[call-overload]
    met[face] = True
    return met


def _largest(geometry: shapely.Geometry) -> shapely.Geometry:
    """The largest polygon of a geometry (a difference may leave slivers).

    It keeps its holes that are rooms: a hall around a core keeps the core out.
    """
    parts = [p for p in shapely.get_parts(geometry) if isinstance(p, shapely.Polygon)]
    if not parts:
        return shapely.Polygon()
    largest = max(parts, key=lambda p: p.area)
    holes = [r for r in largest.interiors if shapely.Polygon(r).area >= MIN_AREA_M2]
    return shapely.Polygon(largest.exterior, holes)


def _where(shape: shapely.Geometry) -> str:
    x, y = shapely.get_coordinates(shapely.point_on_surface(shape))[0].tolist()
    return f"at ({x:.1f}, {y:.1f})"
