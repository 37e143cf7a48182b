"""Which doors lead outside: doors in the building's outer walls.

A door is exterior when one side of it lies outside every face the walls enclose
and the other inside one, whatever rooms were recognised: a door onto a hall nobody
outlined is no exterior door. Two probes on each side, 0.6 and 1.2 m from the
opening, step over a thick outer wall (its cavity is a face, only a wall wide).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.recognition.rooms.wall_faces import around_the_building

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from designreview.model.building import DetectedDoor

__all__ = ["PROBES_M", "mark_outside"]

PROBES_M = (0.6, 1.2)
"""How far either side of a door its sides are looked at."""
WALL_WIDTH_M = 0.6
"""A face narrower than this (2 x area / perimeter) is the inside of a wall."""
PASSAGE_M = 3.0
"""Open ground reaches a door through passages at least this wide: wider than a
double door left unclosed (a hall's leak), narrower than a courtyard's mouth."""
_NO_FACES: npt.NDArray[np.object_] = np.empty(0, dtype=object)
SEAM_M = 0.02
"""Faces are grown by this much so the shared edges of neighbours leave no slit."""
ROOM_M2 = 2.0
"""Faces this large (and wider than a wall) are rooms, halls or yards."""
MAX_CELL_M2 = 5000.0
"""A larger face is the ground around the building (a site wall), not inside it."""


def mark_outside(
    doors: Sequence[DetectedDoor],
    cells: npt.NDArray[np.object_],
    outdoors: Sequence[shapely.Geometry] = (),
    ground: shapely.Geometry | None = None,
) -> tuple[DetectedDoor, ...]:
    """The doors, each marked with whether it leads outside the walls' faces.

    Args:
        doors: the doors found, local metres.
        cells: every face the walls enclose (``TracedFaces.cells``).
        outdoors: spaces that are outside though walls enclose them (a yard, a
            courtyard, a terrace): a door onto one leads outside.
        ground: what lies around the faces (``TracedFaces.ground``): the outside,
            and the halls left open to it. Without it, all but the faces.

    A side in no face is outside only when open ground reaches it
    (``PASSAGE_M``): a hall whose walls leave an opening unclosed is no face, yet
    no outside.

    Example:
        A 6 x 4 m building with a door in its outer wall, and one between its two
        rooms:

        >>> from designreview.model.building import DetectedDoor
        >>> cells = shapely.polygons([((0, 0), (3, 0), (3, 4), (0, 4)),
        ...                           ((3, 0), (6, 0), (6, 4), (3, 4))])
        >>> out = DetectedDoor("e", (1, 0), (2, 0), (1, 0.9))
        >>> inner = DetectedDoor("i", (3, 1), (3, 2), (3.9, 1))
        >>> [d.outside for d in mark_outside([out, inner], cells)]
        [True, False]
    """
    if not doors:
        return ()
    every = np.asarray(cells, dtype=object)
    is_inside = _inside_cells(every, outdoors)
    inside, around = every[is_inside], every[~is_inside]
    if not len(inside):
        return tuple(doors)
    centre = np.asarray([d.center for d in doors], dtype=float)
    along = np.asarray(
        [(d.latch[0] - d.hinge[0], d.latch[1] - d.hinge[1]) for d in doors],
        dtype=float,
    )
    length = np.hypot(along[:, 0], along[:, 1])
    normal = (
        np.column_stack([-along[:, 1], along[:, 0]])
        / np.where(length > 0, length, 1.0)[:, None]
    )
    tree = shapely.STRtree(inside)
    widths = _widths(inside)
    out = []
    for sign in (1.0, -1.0):
        near = _cell_width(tree, widths, centre + sign * PROBES_M[0] * normal)
        far = _cell_width(tree, widths, centre + sign * PROBES_M[1] * normal)
        side = (far < 0) & (near < WALL_WIDTH_M)
        probes = centre + sign * PROBES_M[1] * normal
        yard = _within(probes, outdoors)
        unsure = side & ~yard
        if unsure.any():
            side[unsure] = _reaches_open_ground(probes[unsure], inside, around, ground)
        out.append(side)
    one, other = out
    marked = []
    for door, a, b, ok in zip(doors, one, other, (length > 0).tolist(), strict=True):
        verdict: bool | None = bool(a != b) if ok and not (a and b) else None
        marked.append(replace(door, outside=verdict))
    return tuple(marked)


def _within(
    points: npt.NDArray[np.float64], areas: Sequence[shapely.Geometry]
) -> npt.NDArray[np.bool_]:
    """Whether each point lies in one of ``areas``."""
    if not len(areas):
        return np.zeros(len(points), dtype=bool)
    inside: npt.NDArray[np.bool_] = shapely.contains_xy(
        shapely.union_all(np.asarray(areas, dtype=object)), points[:, 0], points[:, 1]
    )
    return inside


def _reaches_open_ground(
    points: npt.NDArray[np.float64],
    inside: npt.NDArray[np.object_],
    around: npt.NDArray[np.object_] = _NO_FACES,
    ground: shapely.Geometry | None = None,
) -> npt.NDArray[np.bool_]:
    """Whether each point lies in ground open to the far outside.

    Open ground is what a disk of ``PASSAGE_M`` across reaches from beyond the
    building without crossing a face or a wall: a courtyard open on one side is
    reached through its mouth, a hall whose walls leave a door-wide opening
    unclosed is not (the disk does not pass the opening), so its doors stay
    inside doors.

    Args:
        points: where to look, local metres.
        inside: the building's faces.
        around: faces that are outside though walls bound them (the yard within a
            site wall, a frame's inside): open ground.
        ground: what lies around the faces, bounded by every wall
            (``TracedFaces.ground``); without it, a frame beyond the faces
            with the faces cut out.

    Example:
        A 10 x 10 m hall not closed (a 1 m opening west), with rooms all round
        it, and a point in the hall and one west of the building:

        >>> ring = shapely.Polygon([(-3, -3), (13, -3), (13, 13), (-3, 13)],
        ...                        [[(0, 0), (10, 0), (10, 10), (0, 10), (0, 6),
        ...                          (-3, 6), (-3, 5), (0, 5)]])
        >>> _reaches_open_ground(np.array([[5.0, 5.0], [-4.0, 5.0]]),
        ...                      np.array([ring], dtype=object)).tolist()
        [False, True]
    """
    radius = PASSAGE_M / 2
    if ground is None:
        built = shapely.union_all(shapely.buffer(inside, SEAM_M))
        xmin, ymin, xmax, ymax = shapely.bounds(built).tolist()
        margin = 2 * PASSAGE_M + 1.0
        frame = shapely.box(xmin - margin, ymin - margin, xmax + margin, ymax + margin)
        ground = shapely.difference(frame, built)
    seamless = shapely.buffer(around, SEAM_M, quad_segs=1)  # to their neighbours
    region = shapely.union_all(np.append(seamless, np.array([ground], dtype=object)))
    rim = shapely.get_exterior_ring(shapely.envelope(region))
    parts = shapely.get_parts(shapely.buffer(region, -radius))
    far = shapely.distance(parts, rim) < radius + 0.5
    if len(around):  # a yard walled all round is open ground too
        far |= shapely.intersects(parts, shapely.union_all(around))
    if not far.any():
        return np.zeros(len(points), dtype=bool)
    reached = shapely.buffer(shapely.union_all(parts[far]), radius + SEAM_M)
    found: npt.NDArray[np.bool_] = shapely.contains_xy(
        reached, points[:, 0], points[:, 1]
    )
    return found


def _inside_cells(
    cells: npt.NDArray[np.object_], outdoors: Sequence[shapely.Geometry]
) -> npt.NDArray[np.bool_]:
    """Which faces are inside the building: not the ground around it.

    A face larger than any building's room, drawn around most of the building
    (a site wall, a sheet frame on a wall layer), or in an outdoor space is left
    out. A hall around a core of rooms or a room around its columns stays.
    """
    inside = np.ones(len(cells), dtype=bool)
    if not len(cells):
        return inside
    inside &= shapely.area(cells) <= MAX_CELL_M2
    sized = np.flatnonzero(inside)
    inside[sized[around_the_building(cells[sized], ROOM_M2, WALL_WIDTH_M)]] = False
    if len(outdoors) and inside.any():
        yard = shapely.union_all(np.asarray(outdoors, dtype=object))
        kept = np.flatnonzero(inside)
        inside[kept[shapely.within(shapely.point_on_surface(cells[kept]), yard)]] = (
            False
        )
    return inside


def _widths(cells: npt.NDArray[np.object_]) -> npt.NDArray[np.float64]:
    perimeter = shapely.length(cells)
    width: npt.NDArray[np.float64] = (
        2 * shapely.area(cells) / np.where(perimeter > 0, perimeter, 1.0)
    )
    return width


def _cell_width(
    tree: shapely.STRtree,
    widths: npt.NDArray[np.float64],
    points: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """The width of the face each point is in; -1 where it is in none."""
    found = np.full(len(points), -1.0)
    which, cell = tree.query(shapely.points(points), predicate="within")
    np.maximum.at(found, which, widths[cell])
    return found
