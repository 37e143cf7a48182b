"""Rooms traced from walls, for drawings without room outlines.

The rooms are the faces the wall lines enclose once door openings and windows are
closed (both are lines here too). CAD wall lines rarely meet exactly, so each
line end is joined by a short line to the nearest lines within ``snap_m`` it
does not touch, and a free end near nothing is extended up to ``reach_m``
straight ahead to the first line in its way. The noded lines are polygonised
(GEOS), and a face is a room when it is room-sized, wider than a wall cavity
(twice its area over its perimeter: the width of a long strip) and not drawn
around other rooms (a floor outline apart from its interior walls, a frame).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt
import shapely

from designreview.model.building import SpaceSource
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.rooms.outlines import (
    MIN_AREA_M2,
    SpaceShape,
    name_spaces,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.building import DetectedSpace
    from designreview.model.plan import SegmentArray, TextLabel

__all__ = [
    "TracedFaces",
    "WallFaceParams",
    "around_the_building",
    "face_shapes",
    "trace_faces",
    "wall_faces",
    "wall_spaces",
]

_TOUCH_M = 1.0e-3
"""Line ends closer than this to another line already meet it."""


@dataclass(frozen=True, slots=True)
class WallFaceParams:
    """How far to close gaps, and what face counts as a room (metres)."""

    snap_m: float = 0.1
    """A line end this close to a line it does not touch is joined to it (wall
    lines in the corpus stop 2-8 cm short of each other and of door frames)."""
    reach_m: float = 0.3
    """A free end is extended this far straight ahead to meet a line."""
    joins_per_end: int = 2
    """An end is joined to at most this many of the nearest lines (hatch-dense
    drawings would otherwise get a join for every nearby stroke)."""
    min_area_m2: float = MIN_AREA_M2
    max_area_m2: float = 5000.0
    """Larger faces are sites or sheet frames (a sports hall is about 1,500 m²)."""
    min_width_m: float = 0.6
    """Narrower faces (2 x area / perimeter) are wall cavities, not rooms."""
    simplify_m: float = 0.01
    """Collinear vertices left by noding are dropped within this distance."""
    max_lines: int = 100_000
    """More lines are not traced (``benchmarks/bench_wall_faces.py``: 50k take
    about 3.5 s, 100k about 9 s on a busy 2-core machine)."""


def wall_spaces(
    segments: SegmentArray,
    labels: Sequence[TextLabel],
    params: WallFaceParams = WallFaceParams(),
    roles: LayerRoles = DEFAULT_ROLES,
) -> tuple[DetectedSpace, ...]:
    """Rooms enclosed by wall, door-opening and window segments, named by labels.

    Args:
        segments: N x 4 segments (x0, y0, x1, y1) in local metres.
        labels: the plan's texts, in local metres.
        params: gap closing and room size limits.
        roles: which layers hold room labels.

    Example:
        >>> from designreview.model.plan import TextLabel
        >>> ring = [(0, 0), (4, 0), (4, 3), (0, 3), (0, 0)]
        >>> segs = np.array([a + b for a, b in zip(ring, ring[1:])], dtype=float)
        >>> [room] = wall_spaces(segs, [TextLabel("OFFICE", (2, 1), 0.2, 0, "T")])
        >>> room.id, room.name, room.space_type.value, room.source.value
        ('space-wall-2.0,1.5', 'OFFICE', 'office', 'walls')
    """
    faces = wall_faces(segments, params)
    return name_spaces(face_shapes(faces), faces, labels, roles)


def face_shapes(faces: npt.NDArray[np.object_]) -> list[SpaceShape]:
    """Unnamed room shapes for faces traced from the walls.

    Their ids come from where they lie, stable while a face stays put.
    """
    return [
        SpaceShape(face_id, outline, "", SpaceSource.WALLS)
        for face_id, outline in zip(_ids(faces), _outlines(faces), strict=True)
    ]


@dataclass(frozen=True, slots=True)
class TracedFaces:
    """What the walls enclose: the room-like faces, and every face.

    ``cells`` are all the faces the noded lines bound (rooms, wall cavities,
    shafts), so a point in none of them is outside the building's walls.
    ``ground`` is what lies around them inside a frame ``FRAME_M`` beyond the
    lines: the outside, and every hall whose walls leave it open to the outside
    (its walls bound the ground, though they bound no cell).
    ``traced`` is False when there were no lines or too many to trace.
    """

    rooms: npt.NDArray[np.object_]
    cells: npt.NDArray[np.object_]
    traced: bool = True
    ground: shapely.Geometry | None = None


FRAME_M = 10.0
"""How far beyond the lines the ground around the building is traced."""
STANDING_WALL_M = 0.02
"""Half the width a wall standing in the ground is given when cut into it."""


def trace_faces(
    segments: SegmentArray,
    params: WallFaceParams = WallFaceParams(),
) -> TracedFaces:
    """The faces enclosed by segments: the room-like ones, and all of them.

    Example:
        >>> # A 4 x 3 m room beside a 0.2 m wall cavity.
        >>> segs = np.array([[0, 0, 4.2, 0], [4.2, 0, 4.2, 3], [4.2, 3, 0, 3],
        ...                  [0, 3, 0, 0], [4, 0, 4, 3]])
        >>> found = trace_faces(segs)
        >>> len(found.rooms), sorted(shapely.area(found.cells).round(2).tolist())
        (1, [0.6, 12.0])
    """
    empty = np.empty(0, dtype=object)
    lines = _lines(segments)
    if not 0 < len(lines) <= params.max_lines:
        return TracedFaces(empty, empty, traced=False)
    noded = shapely.get_parts(shapely.unary_union(_closed(lines, params)))
    xmin, ymin, xmax, ymax = shapely.total_bounds(noded).tolist()
    frame = shapely.box(
        xmin - FRAME_M, ymin - FRAME_M, xmax + FRAME_M, ymax + FRAME_M
    ).exterior
    polygons, cuts, dangles, _ = shapely.polygonize_full(np.append(noded, frame))
    found = shapely.get_parts(polygons)
    outer = shapely.intersects(found, frame)
    faces = found[~outer]
    return TracedFaces(
        _rooms(faces, params),
        np.asarray(faces),
        ground=_ground(found[outer], cuts, dangles),  # type: ignore[arg-type]
    )


def _ground(
    outer: npt.NDArray[np.object_],
    cuts: shapely.GeometryCollection,
    dangles: shapely.GeometryCollection,
) -> shapely.Geometry | None:
    """The faces around the building, with the walls that stand in them.

    Walls that bound no face (those of a hall left open, a free-standing wall)
    have the ground on both sides; polygonising drops them, so they are cut back
    in as slits a few centimetres wide.
    """
    if not len(outer):
        return None
    ground = shapely.union_all(outer)
    standing = np.concatenate([shapely.get_parts(cuts), shapely.get_parts(dangles)])
    if len(standing):
        slits = shapely.buffer(shapely.multilinestrings(standing), STANDING_WALL_M)
        return cast("shapely.Geometry", shapely.difference(ground, slits))
    return ground


def wall_faces(
    segments: SegmentArray,
    params: WallFaceParams = WallFaceParams(),
) -> npt.NDArray[np.object_]:
    """The room-like faces enclosed by segments, as polygons without holes.

    Example:
        >>> # Two 4 x 3 m rooms; the shared wall stops 3 cm short of the top.
        >>> segs = np.array([[0, 0, 8, 0], [8, 0, 8, 3], [8, 3, 0, 3],
        ...                  [0, 3, 0, 0], [4, 0, 4, 2.97]])
        >>> sorted(shapely.area(wall_faces(segs)).round(3).tolist())
        [12.0, 12.0]
    """
    return trace_faces(segments, params).rooms


def _lines(segments: SegmentArray) -> npt.NDArray[np.object_]:
    """Finite segments of some length as shapely lines."""
    segs = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
    length = np.hypot(segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1])
    segs = segs[np.isfinite(segs).all(axis=1) & (length > _TOUCH_M)]
    return np.asarray(shapely.linestrings(segs.reshape(-1, 2, 2)))


def _closed(
    lines: npt.NDArray[np.object_], params: WallFaceParams
) -> npt.NDArray[np.object_]:
    """The lines, and short lines closing the small gaps at their ends.

    Each end is joined to its nearest lines within ``snap_m`` that it does not
    touch, corners of closed shapes too (walls drawn as closed polylines and
    glazing drawn as thin boxes stop short of each other). A free end (touching
    no line) near nothing is carried ahead to the first line within ``reach_m``.
    """
    tree = shapely.STRtree(lines)
    ends = np.stack([shapely.get_point(lines, 0), shapely.get_point(lines, -1)], 1)
    ends = ends.ravel()  # end k belongs to line k // 2
    which, hit = tree.query(ends, predicate="dwithin", distance=params.snap_m)
    which, hit = which[hit != which // 2], hit[hit != which // 2]
    gap = shapely.distance(ends[which], lines[hit])
    near = np.flatnonzero(gap > _TOUCH_M)
    near = near[_rank(which[near], gap[near]) < params.joins_per_end]
    rest = np.setdiff1d(np.arange(len(ends)), which)  # free ends near nothing
    return np.concatenate(
        [
            lines,
            shapely.shortest_line(ends[which[near]], lines[hit[near]]),
            _extensions(tree, lines, ends, rest, params),
        ]
    )


def _extensions(
    tree: shapely.STRtree,
    lines: npt.NDArray[np.object_],
    ends: npt.NDArray[np.object_],
    rest: npt.NDArray[np.intp],
    params: WallFaceParams,
) -> npt.NDArray[np.object_]:
    """Free ends carried straight ahead to the first line they meet within reach."""
    xy = shapely.get_coordinates(ends[rest])
    ahead = xy - shapely.get_coordinates(ends[rest ^ 1])  # away from the other end
    ahead *= params.reach_m / np.hypot(ahead[:, 0], ahead[:, 1])[:, None]
    rays = np.asarray(shapely.linestrings(np.stack([xy, xy + ahead], 1)))
    which, hit = tree.query(rays, predicate="intersects")
    mine = rest[which] // 2
    which, hit = which[hit != mine], hit[hit != mine]
    meets = np.asarray(shapely.intersection(rays[which], lines[hit]))
    gap = shapely.distance(ends[rest][which], meets)
    which, first = _first_per(which, np.arange(len(which)), gap)
    return np.asarray(shapely.shortest_line(ends[rest][which], meets[first]))


def _rank(
    which: npt.NDArray[np.intp], key: npt.NDArray[np.float64]
) -> npt.NDArray[np.intp]:
    """Each item's rank by ``key`` among the items with the same ``which``."""
    order = np.lexsort((key, which))
    _, first, counts = np.unique(which[order], return_index=True, return_counts=True)
    rank = np.empty(len(which), dtype=np.intp)
    rank[order] = np.arange(len(which)) - np.repeat(first, counts)
    return rank


def _first_per(
    which: npt.NDArray[np.intp], hit: npt.NDArray[np.intp], key: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """For each distinct ``which``, the ``hit`` with the smallest ``key``."""
    order = np.lexsort((key, which))
    which, hit = which[order], hit[order]
    _, first = np.unique(which, return_index=True)
    return which[first], hit[first]


def _rooms(
    faces: npt.NDArray[np.object_], params: WallFaceParams
) -> npt.NDArray[np.object_]:
    """The faces that are rooms: room-sized, wider than a wall, inside the building.

    A frame or a site wall drawn around the building is no room. A hall around a
    core of rooms keeps the core as a hole; holes smaller than a room (columns,
    shafts drawn closed) are filled.
    """
    if len(faces) == 0:
        return np.empty(0, dtype=object)
    faces = faces[~around_the_building(faces, params.min_area_m2, params.min_width_m)]
    area = shapely.area(faces)
    width = 2 * area / np.maximum(shapely.length(faces), 1e-9)
    sized = (area >= params.min_area_m2) & (area <= params.max_area_m2)
    rooms = [
        _fill_small_holes(f, params.min_area_m2)
        for f in faces[sized & (width >= params.min_width_m)]
    ]
    kept = np.asarray(rooms, dtype=object)
    return np.asarray(shapely.simplify(kept, params.simplify_m)) if len(kept) else kept


def around_the_building(
    faces: npt.NDArray[np.object_],
    min_area_m2: float = MIN_AREA_M2,
    min_width_m: float = 0.6,
) -> npt.NDArray[np.bool_]:
    """True for faces whose holes hold most of the other room-sized faces' area.

    Such a face is the ground inside a site wall or a sheet frame drawn on a wall
    layer; a hall around a core of rooms holds a small share of the building.

    Example:
        >>> frame = shapely.box(0, 0, 30, 30).difference(shapely.box(5, 5, 25, 25))
        >>> rooms = [shapely.box(5, 5, 15, 25), shapely.box(15, 5, 25, 25)]
        >>> around_the_building(np.array([frame, *rooms])).tolist()
        [True, False, False]
        >>> hall = shapely.box(5, 5, 15, 25).difference(shapely.box(9, 9, 11, 11))
        >>> core = shapely.box(9, 9, 11, 11)
        >>> around_the_building(np.array([hall, core, rooms[1]])).tolist()
        [False, False, False]
    """
    around = np.zeros(len(faces), dtype=bool)
    if len(faces) < 3:
        return around
    area = shapely.area(faces)
    width = 2 * area / np.maximum(shapely.length(faces), 1e-9)
    sized = np.flatnonzero((area >= min_area_m2) & (width >= min_width_m))
    if len(sized) < 2:
        return around
    holed = np.flatnonzero(shapely.get_num_interior_rings(faces) > 0)
    if not len(holed):
        return around
    filled = np.asarray(shapely.polygons(shapely.get_exterior_ring(faces[holed])))
    inner = shapely.point_on_surface(faces[sized])
    which, outer = shapely.STRtree(filled).query(inner, predicate="within")
    outer = holed[outer]
    others = sized[which] != outer
    which, outer = which[others], outer[others]
    held = np.bincount(outer, area[sized[which]], len(faces))
    count = np.bincount(outer, minlength=len(faces))
    own = np.zeros(len(faces))
    own[sized] = area[sized]
    around[(count >= 2) & (held >= 0.5 * (area[sized].sum() - own))] = True
    return around


def _fill_small_holes(face: shapely.Polygon, min_area_m2: float) -> shapely.Polygon:
    """The face with its holes smaller than a room filled in."""
    holes = [r for r in face.interiors if shapely.Polygon(r).area >= min_area_m2]
    if len(holes) == len(face.interiors):
        return face
    return shapely.Polygon(face.exterior, holes)


def _outlines(faces: npt.NDArray[np.object_]) -> list[tuple[tuple[float, float], ...]]:
    """Each face's outline points without the closing repeat.

    A face with holes (a hall around a core) is one ring that runs into each hole
    and back along a bridge of no width, which ``shapely.make_valid`` reads back as
    the face with its holes.

    Example:
        >>> ring = shapely.box(0, 0, 10, 10).difference(shapely.box(3, 3, 7, 7))
        >>> [outline] = _outlines(np.array([ring]))
        >>> polygon = shapely.make_valid(shapely.Polygon(outline))
        >>> round(max(shapely.get_parts(polygon), key=shapely.area).area, 6)
        84.0
    """
    return [_points(_keyhole(face)) for face in faces]


def _keyhole(face: shapely.Polygon) -> npt.NDArray[np.float64]:
    """One ring for a polygon: its exterior, bridged into each hole in turn."""
    face = shapely.geometry.polygon.orient(face, 1.0)
    ring = np.asarray(face.exterior.coords)[:-1]
    for hole in face.interiors:
        inner = np.asarray(hole.coords)[:-1]
        gaps = np.hypot(
            ring[:, None, 0] - inner[None, :, 0], ring[:, None, 1] - inner[None, :, 1]
        )
        i, j = np.unravel_index(np.argmin(gaps), gaps.shape)
        loop = np.concatenate([inner[j:], inner[: j + 1]])
        ring = np.concatenate([ring[: i + 1], loop, ring[i:]])
    return ring


def _points(xy: npt.NDArray[np.float64]) -> tuple[tuple[float, float], ...]:
    return tuple((float(x), float(y)) for x, y in xy.tolist())


def _ids(faces: npt.NDArray[np.object_]) -> list[str]:
    """Ids from each face's centroid (decimetres), stable while it stays put.

    The centroid, not a point on the surface: it moves by a hair when a reader
    flattens a curve with one vertex more, where a point on the surface jumps.
    """
    ids: list[str] = []
    taken: set[str] = set()
    for x, y in shapely.get_coordinates(shapely.centroid(faces)):
        base = f"space-wall-{x:.1f},{y:.1f}"
        face_id, n = base, 1
        while face_id in taken:
            n += 1
            face_id = f"{base}-{n}"
        taken.add(face_id)
        ids.append(face_id)
    return ids
