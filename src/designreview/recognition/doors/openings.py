"""Doors drawn without a door block or a swing arc: openings in the walls.

Many plans draw a door as a gap in a wall: the wall's two faces stop, a short jamb
joins them at each side, and the opening between the jambs holds a line across it
on a door layer, a leaf line standing from one jamb, or nothing at all. Here those
openings become doors. The sizes come from doors, not from any one drawing:

- a clear opening is 0.6-2.5 m wide (a narrow single leaf to a wide double door;
  wider is a corridor or a hall opening, no door);
- a wall is 0.05-0.6 m thick, so a jamb is a wall segment of that length whose two
  ends each start a wall face running the same way, at right angles to it.

Two jambs facing each other across a door width, with no wall line between them,
make an opening. A window line or a window block in it makes it a window (counted,
not a door). Everything here works on (N, 4) segment arrays in local metres.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedDoor, DoorMethod

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from designreview.model.plan import SegmentArray

    FloatArray = npt.NDArray[np.float64]

__all__ = ["Openings", "find_openings", "line_doors"]

DOOR_WIDTH_M = (0.6, 2.5)
"""Clear widths of door openings: a narrow single leaf to a wide double door."""
WALL_THICKNESS_M = (0.05, 0.6)
"""Wall thicknesses, and so the lengths of the jambs that close a wall's end."""
SNAP_M = 0.02
"""Ends closer than this meet (CAD drawings join lines far more closely)."""
SQUARE_SIN = 0.09
"""Sine of the largest angle (about 5 degrees) between lines taken as parallel."""
LEAF_SHARE = (0.7, 1.15)
"""A leaf line's length as a share of the opening it closes (one leaf)."""
HALF_LEAF_SHARE = (0.35, 0.6)
"""The same share for each leaf of a double door."""
SILL_M = 0.15
"""Window lines this far outside a wall's faces (sills, frames drawn proud of the
wall) still close the opening they lie across."""
NEAR_DOOR_M = 0.15
"""Lines and openings this close to a door already found belong to it."""


@dataclass(frozen=True, slots=True)
class Openings:
    """Doors found in wall openings, and the openings that are windows."""

    doors: tuple[DetectedDoor, ...] = ()
    windows: int = 0
    """Openings between jambs bridged by a window line or a window block."""


@dataclass(frozen=True, slots=True)
class _Jambs:
    """Wall ends: each jamb's middle, length, along-jamb unit and facing unit."""

    mid: FloatArray
    length: FloatArray
    along: FloatArray
    facing: FloatArray
    segments: FloatArray


def find_openings(
    walls: SegmentArray,
    door_lines: SegmentArray,
    windows: SegmentArray,
    doors: Sequence[DetectedDoor] = (),
) -> Openings:
    """Doors in the gaps between facing jambs of the walls (local metres).

    Args:
        walls: wall-layer segments.
        door_lines: door-layer segments (lines across openings, leaf lines).
        windows: window-layer segments and the lines of window blocks.
        doors: doors found already (blocks, arcs): openings they fill are theirs.

    Example:
        A 0.2 m wall along y = 0 with a 0.9 m opening from x = 1 to x = 1.9, jambs
        at both sides, and nothing drawn in it: one door by gap, hinge unknown.

        >>> walls = np.array([
        ...     [0.0, 0.0, 1.0, 0.0], [0.0, 0.2, 1.0, 0.2], [1.0, 0.0, 1.0, 0.2],
        ...     [1.9, 0.0, 3.0, 0.0], [1.9, 0.2, 3.0, 0.2], [1.9, 0.0, 1.9, 0.2]])
        >>> [door] = find_openings(walls, np.empty((0, 4)), np.empty((0, 4))).doors
        >>> door.method.value, door.hinge_known, round(door.width_m, 3)
        ('gap', False, 0.9)
    """
    jambs = _jambs(walls)
    pairs = _facing_pairs(jambs)
    if not len(pairs):
        return Openings()
    boxes = _gap_boxes(jambs, pairs)
    pairs, boxes = _empty(pairs, boxes, walls)
    if not len(pairs):
        return Openings()
    taken = _near_doors(boxes, doors, NEAR_DOOR_M + SNAP_M)  # from the inside
    glazed = _touched(_gap_boxes(jambs, pairs, SILL_M), _line_tree(windows))
    door_tree = _line_tree(door_lines)  # asked twice: lines in gaps, lines at jambs
    bridged = _touched(boxes, door_tree)
    near = _lines_at(jambs, door_tree)
    found: list[DetectedDoor] = []
    for k, (i, j) in enumerate(pairs.tolist()):
        if taken[k] or glazed[k]:
            continue
        door = _opening_door(jambs, i, j, door_lines, near, bridged=bool(bridged[k]))
        found.append(door)
    return Openings(tuple(found), int((glazed & ~taken).sum()))


def line_doors(
    walls: SegmentArray,
    door_lines: SegmentArray,
    doors: Sequence[DetectedDoor] = (),
) -> list[DetectedDoor]:
    """Door-layer lines across an opening that no jambs frame (single-line walls).

    A line of door width whose two ends touch walls while its middle stays clear
    of them closes an opening; lines of doors found already (a block's frame, an
    arc's leaf) are left to them.

    Example:
        A single-line wall along y = 0 broken from x = 1 to 2, bridged by a door
        line: one door, 1 m wide, by line.

        >>> walls = np.array([[0.0, 0.0, 1.0, 0.0], [2.0, 0.0, 3.0, 0.0]])
        >>> [door] = line_doors(walls, np.array([[1.0, 0.0, 2.0, 0.0]]))
        >>> door.method.value, door.hinge, door.latch
        ('line', (1.0, 0.0), (2.0, 0.0))
    """
    if not len(walls) or not len(door_lines):
        return []
    length = np.hypot(*(door_lines[:, 2:] - door_lines[:, :2]).T)
    low, high = DOOR_WIDTH_M
    lines = door_lines[(length >= low) & (length <= high)]
    if not len(lines):
        return []
    tree = shapely.STRtree(np.asarray(shapely.linestrings(walls.reshape(-1, 2, 2))))
    ends = [shapely.points(lines[:, 2 * k : 2 * k + 2]) for k in (0, 1)]
    middle = shapely.points((lines[:, :2] + lines[:, 2:]) / 2)
    touch = [_any_within(tree, pts, SNAP_M * 2, len(lines)) for pts in ends]
    clear = ~_any_within(tree, middle, 4 * SNAP_M, len(lines))
    keep = touch[0] & touch[1] & clear
    keep &= ~_near_doors(shapely.linestrings(lines.reshape(-1, 2, 2)), doors)
    found = []
    for x0, y0, x1, y1 in _unique(lines[keep]).tolist():
        hinge, latch = (x0, y0), (x1, y1)
        found.append(
            DetectedDoor(
                _door_id(DoorMethod.LINE, ((x0 + x1) / 2, (y0 + y1) / 2)),
                hinge,
                latch,
                ((x0 + x1) / 2, (y0 + y1) / 2),
                method=DoorMethod.LINE,
                hinge_known=False,
            )
        )
    return found


def _jambs(walls: SegmentArray) -> _Jambs:
    """Wall segments of wall thickness whose both ends start faces on one side."""
    empty = np.empty((0, 2))
    none = _Jambs(empty, np.empty(0), empty, empty, np.empty((0, 4)))
    if len(walls) < 3:
        return none
    vec = walls[:, 2:] - walls[:, :2]
    length = np.hypot(vec[:, 0], vec[:, 1])
    low, high = WALL_THICKNESS_M
    short = np.flatnonzero((length >= low) & (length <= high))
    if not len(short):
        return none
    unit = vec / np.where(length > 0, length, 1.0)[:, None]
    points = np.asarray(shapely.points(walls.reshape(-1, 2)))  # 2 per segment
    tree = shapely.STRtree(points)
    side = np.zeros((len(short), 2))
    back = np.full((len(short), 2, 2), np.nan)  # a short face's far end, per end
    for k in (0, 1):  # each end of each candidate jamb
        at = walls[short, 2 * k : 2 * k + 2]
        cand, hit = tree.query(shapely.points(at), "dwithin", SNAP_M)
        seg, end = hit // 2, hit % 2
        other = seg != short[cand]
        cand, seg, end = cand[other], seg[other], end[other]
        jamb_unit = unit[short[cand]]
        square = np.abs((unit[seg] * jamb_unit).sum(axis=1)) <= SQUARE_SIN
        cand, seg, end = cand[square], seg[square], end[square]
        # The face runs away from the jamb's end: toward its other end.
        far = walls[seg, 2:] - walls[seg, :2]
        far = np.where(end[:, None] == 0, far, -far)
        normal = np.column_stack([-jamb_unit[square, 1], jamb_unit[square, 0]])
        sign = np.sign((far * normal).sum(axis=1))
        # +1 / -1 for faces on one side only; 2 marks faces on both sides.
        plus, minus = np.zeros(len(short)), np.zeros(len(short))
        np.add.at(plus, cand, sign == 1)
        np.add.at(minus, cand, sign == -1)
        side[:, k] = np.where(
            (plus > 0) & (minus > 0), 2.0, (plus > 0).astype(float) - (minus > 0)
        )
        stub = length[seg] <= high
        ends = np.where(end[:, None] == 0, walls[seg, 2:], walls[seg, :2])
        back[cand[stub], k] = ends[stub]
    ok = (side[:, 0] == side[:, 1]) & (np.abs(side[:, 0]) == 1)
    ok &= ~_closed_behind(back, walls, tree)
    rows = short[ok]
    along = unit[rows]
    normal = np.column_stack([-along[:, 1], along[:, 0]])
    facing = -normal * side[ok, :1]  # the open side: away from the faces
    mid = (walls[rows, :2] + walls[rows, 2:]) / 2
    return _Jambs(mid, length[rows], along, facing, walls[rows])


def _closed_behind(
    back: FloatArray, walls: SegmentArray, tree: shapely.STRtree
) -> npt.NDArray[np.bool_]:
    """Which jambs are one side of a small closed box: a column or a pier.

    Its two short faces end where one segment joins them again, so it ends no
    wall (two columns 2 m apart are no door).
    """
    closed = np.zeros(len(back), dtype=bool)
    known = np.flatnonzero(np.isfinite(back).all(axis=(1, 2)))
    if not len(known):
        return closed
    jamb, hit = tree.query(shapely.points(back[known, 0]), "dwithin", SNAP_M)
    seg, end = hit // 2, hit % 2
    other = np.where(end[:, None] == 0, walls[seg, 2:], walls[seg, :2])
    meets = np.hypot(*(other - back[known[jamb], 1]).T) <= SNAP_M
    closed[known[jamb[meets]]] = True
    return closed


def _facing_pairs(jambs: _Jambs) -> npt.NDArray[np.intp]:
    """Pairs of jambs facing each other across a door width, each jamb once."""
    if len(jambs.mid) < 2:
        return np.empty((0, 2), dtype=np.intp)
    low, high = DOOR_WIDTH_M
    tree = shapely.STRtree(np.asarray(shapely.points(jambs.mid)))
    first, second = tree.query(shapely.points(jambs.mid), "dwithin", high)
    keep = first < second
    first, second = first[keep], second[keep]
    gap = jambs.mid[second] - jambs.mid[first]
    across = (gap * jambs.facing[first]).sum(axis=1)
    lateral = np.abs(
        gap[:, 0] * jambs.facing[first, 1] - gap[:, 1] * jambs.facing[first, 0]
    )
    thin = np.minimum(jambs.length[first], jambs.length[second])
    thick = np.maximum(jambs.length[first], jambs.length[second])
    ok = (
        ((jambs.facing[first] * jambs.facing[second]).sum(axis=1) <= -1 + SQUARE_SIN)
        & (across >= low)
        & (across <= high)
        & (lateral <= 0.25 * thin + SNAP_M)
        & (thick - thin <= 0.25 * thick + SNAP_M)
    )
    first, second, across = first[ok], second[ok], across[ok]
    order = np.argsort(across, kind="stable")  # the nearest partner first
    used: set[int] = set()
    pairs = []
    for i, j in zip(first[order].tolist(), second[order].tolist(), strict=True):
        if i not in used and j not in used:
            used.update((i, j))
            pairs.append((i, j))
    return np.array(sorted(pairs), dtype=np.intp).reshape(-1, 2)


def _gap_boxes(
    jambs: _Jambs, pairs: npt.NDArray[np.intp], beyond: float = 0.0
) -> npt.NDArray[np.object_]:
    """The inside of the rectangle between the two jambs of each pair.

    The rectangle has both jambs as its ends; ``beyond`` widens it across the wall
    on both sides (not along it). Its inside keeps ``SNAP_M`` clear of every side,
    so that the jambs and the wall faces they meet do not count as lines in it:
    built so directly, a negative buffer of every box costs more than the rest of
    the search.
    """
    i, j = pairs[:, 0], pairs[:, 1]
    half = np.minimum(jambs.length[i], jambs.length[j]) / 2 + beyond - SNAP_M
    a, b = jambs.mid[i], jambs.mid[j]
    gap = b - a
    width = np.hypot(gap[:, 0], gap[:, 1])
    inset = gap * (SNAP_M / np.where(width > 0, width, 1.0))[:, None]
    a, b = a + inset, b - inset
    side = jambs.along[i] * half[:, None]
    rings = np.stack([a - side, b - side, b + side, a + side, a - side], axis=1)
    boxes: npt.NDArray[np.object_] = np.asarray(shapely.polygons(rings))
    boxes[(half <= 0) | (width <= 2 * SNAP_M)] = shapely.Polygon()
    return boxes


def _empty(
    pairs: npt.NDArray[np.intp], boxes: npt.NDArray[np.object_], walls: SegmentArray
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.object_]]:
    """The pairs with no wall line crossing the inside of the gap between them."""
    tree = shapely.STRtree(np.asarray(shapely.linestrings(walls.reshape(-1, 2, 2))))
    crossed = np.zeros(len(pairs), dtype=bool)
    box, _ = tree.query(boxes, "intersects")
    crossed[box] = True
    return pairs[~crossed], boxes[~crossed]


def _near_doors(
    shapes: npt.NDArray[np.object_],
    doors: Sequence[DetectedDoor],
    reach_m: float = NEAR_DOOR_M,
) -> npt.NDArray[np.bool_]:
    """Which shapes lie within ``reach_m`` of a door found already (opening, leaf)."""
    near = np.zeros(len(shapes), dtype=bool)
    if not doors or not len(shapes):
        return near
    marks = shapely.polygons([[d.hinge, d.latch, d.swing_to, d.hinge] for d in doors])
    tree = shapely.STRtree(np.asarray(marks))
    hit, _ = tree.query(shapes, "dwithin", reach_m)
    near[hit] = True
    return near


def _line_tree(lines: SegmentArray) -> shapely.STRtree | None:
    """A search tree of segments as line strings, None when there are none."""
    if not len(lines):
        return None
    return shapely.STRtree(np.asarray(shapely.linestrings(lines.reshape(-1, 2, 2))))


def _touched(
    boxes: npt.NDArray[np.object_], lines: shapely.STRtree | None
) -> npt.NDArray[np.bool_]:
    """Which gaps a line of ``lines`` lies in (a window across the opening)."""
    hit = np.zeros(len(boxes), dtype=bool)
    if lines is not None and len(boxes):
        box, _ = lines.query(boxes, "intersects")
        hit[box] = True
    return hit


def _opening_door(
    jambs: _Jambs,
    i: int,
    j: int,
    lines: SegmentArray,
    near: dict[int, npt.NDArray[np.intp]],
    bridged: bool,
) -> DetectedDoor:
    """The door in the opening between jambs ``i`` and ``j``: how is it drawn?"""
    a, b = jambs.mid[i], jambs.mid[j]
    width = float(np.hypot(*(b - a)))
    leaves = [_leaf(jambs, k, lines[near.get(k, _NO_LINES)], width) for k in (i, j)]
    if leaves[0] is not None and leaves[1] is not None:  # a double door, two leaves
        tip = (leaves[0] + leaves[1]) / 2
        return _door(a, b, tip, DoorMethod.LEAF, hinge_known=True)
    for k, (hinge, latch) in enumerate(((a, b), (b, a))):
        leaf = leaves[k]
        if leaf is not None:
            return _door(hinge, latch, leaf, DoorMethod.LEAF, hinge_known=True)
    method = DoorMethod.LINE if bridged else DoorMethod.GAP
    return _door(a, b, (a + b) / 2, method, hinge_known=False)


def _lines_at(
    jambs: _Jambs, tree: shapely.STRtree | None
) -> dict[int, npt.NDArray[np.intp]]:
    """For each jamb, the door lines that touch it (leaf lines may start there)."""
    if tree is None or not len(jambs.mid):
        return {}
    jamb_lines = shapely.linestrings(jambs.segments.reshape(-1, 2, 2))
    jamb, line = tree.query(jamb_lines, "dwithin", 2 * SNAP_M)
    order = np.argsort(jamb, kind="stable")
    jamb, line = jamb[order], line[order]
    keys, starts = np.unique(jamb, return_index=True)
    return dict(zip(keys.tolist(), np.split(line, starts[1:]), strict=True))


_NO_LINES = np.empty(0, dtype=np.intp)


def _leaf(
    jambs: _Jambs, k: int, lines: SegmentArray, width: float
) -> FloatArray | None:
    """The tip of a leaf line standing from jamb ``k`` at right angles to the wall.

    The leaf of a single door is about as long as the opening; each leaf of a
    double door about half of it. Returns None when no such line starts there.
    """
    if not len(lines):
        return None
    seg = jambs.segments[k]
    vec = lines[:, 2:] - lines[:, :2]
    length = np.hypot(vec[:, 0], vec[:, 1])
    share = length / width
    sized = ((share >= LEAF_SHARE[0]) & (share <= LEAF_SHARE[1])) | (
        (share >= HALF_LEAF_SHARE[0]) & (share <= HALF_LEAF_SHARE[1])
    )
    unit = vec / np.where(length > 0, length, 1.0)[:, None]
    square = np.abs((unit * jambs.along[k]).sum(axis=1)) >= 1 - SQUARE_SIN
    jamb = shapely.linestrings(seg.reshape(2, 2))
    for end in (0, 1):
        start = shapely.points(lines[:, 2 * end : 2 * end + 2])
        at = shapely.dwithin(start, jamb, 2 * SNAP_M) & sized & square
        if at.any():
            tip: FloatArray = lines[
                int(np.flatnonzero(at)[0]), 2 - 2 * end : 4 - 2 * end
            ]
            return tip
    return None


def _door(
    hinge: FloatArray,
    latch: FloatArray,
    swing_to: FloatArray,
    method: DoorMethod,
    hinge_known: bool,
) -> DetectedDoor:
    def point(xy: FloatArray) -> tuple[float, float]:
        return (float(xy[0]), float(xy[1]))

    return DetectedDoor(
        _door_id(method, point((hinge + latch) / 2)),
        point(hinge),
        point(latch),
        point(swing_to),
        method=method,
        hinge_known=hinge_known,
    )


def _door_id(method: DoorMethod, middle: Sequence[float]) -> str:
    """An id from the opening's place (cm), the same on every reading of the file.

    Example:
        >>> _door_id(DoorMethod.GAP, (1.455, -2.0))
        'door-gap-146--200'
    """
    return f"door-{method.value}-{round(middle[0] * 100)}-{round(middle[1] * 100)}"


def _any_within(
    tree: shapely.STRtree, points: npt.NDArray[np.object_], distance: float, n: int
) -> npt.NDArray[np.bool_]:
    hit = np.zeros(n, dtype=bool)
    found, _ = tree.query(points, "dwithin", distance)
    hit[found] = True
    return hit


def _unique(lines: SegmentArray) -> SegmentArray:
    """Each line once, whichever way it was drawn (copies stack in drawings)."""
    if not len(lines):
        return lines
    ordered = np.where(
        (lines[:, :1] > lines[:, 2:3])
        | ((lines[:, :1] == lines[:, 2:3]) & (lines[:, 1:2] > lines[:, 3:4])),
        lines[:, [2, 3, 0, 1]],
        lines,
    )
    _, first = np.unique(np.round(ordered, 3), axis=0, return_index=True)
    unique: SegmentArray = lines[np.sort(first)]
    return unique
