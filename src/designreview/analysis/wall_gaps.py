"""The opening in the walls a reviewer clicked: a door the import did not find.

Recognition finds most doors; where it missed one, the reviewer clicks in the gap
with the door tool and the door is fitted to it. Only the walls near the click are
read, so the rules can be looser than the import's (which must not invent doors
over a whole drawing): the reviewer's click says a door is there.

A wall end is one of three things, in local metres:

- a jamb: a short segment (a wall's thickness) closing two parallel faces, the
  opening on the side away from the faces;
- an open end of a double-line wall: two parallel faces stopping side by side,
  a wall's thickness apart, with no jamb drawn between them;
- the free end of a single-line wall.

From each end near the click a probe runs across the opening, the way the wall
runs out, to the first wall it meets (the opposite jamb, a wall end, or the side
of a wall at a corner). The probe whose line passes nearest the click is the gap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import numpy as np

from designreview.model.geometry import Point2

if TYPE_CHECKING:
    import numpy.typing as npt

    from designreview.model.plan import SegmentArray

    FloatArray = npt.NDArray[np.float64]

__all__ = ["GapFit", "GapParams", "GapVerdict", "WallGap", "wall_gap"]


@dataclass(frozen=True, slots=True)
class GapParams:
    """How far to look for an opening around a click, and what a door can be."""

    search_m: float = 2.0
    """Wall ends this far from the click may be a side of its opening."""
    reach_m: float = 0.6
    """The click may be this far off the line across the opening."""
    probe_m: float = 4.0
    """How far across an opening to look for its other side."""
    door_width_m: tuple[float, float] = (0.5, 2.5)
    """A narrow single leaf to a wide double door; outside it, no door."""
    wall_thickness_m: tuple[float, float] = (0.05, 0.6)
    """The lengths of a jamb, and the spacing of a double-line wall's faces."""
    snap_m: float = 0.02
    """Ends closer than this meet."""
    square_sin: float = 0.09
    """Sine of the largest angle (about 5 degrees) taken as square or parallel."""


class GapVerdict(Enum):
    """Whether the opening found can hold a door."""

    DOOR = "door"
    TOO_NARROW = "too_narrow"
    TOO_WIDE = "too_wide"


@dataclass(frozen=True, slots=True)
class WallGap:
    """An opening between two wall ends: ``near`` is the end nearer the click."""

    near: Point2
    far: Point2

    @property
    def width_m(self) -> float:
        """The clear width between the two ends."""
        return math.dist(self.near, self.far)

    @property
    def middle(self) -> Point2:
        """The middle of the opening, where its door symbol goes."""
        return ((self.near[0] + self.far[0]) / 2, (self.near[1] + self.far[1]) / 2)

    @property
    def angle_deg(self) -> float:
        """The direction from ``near`` to ``far``, counter-clockwise from +x."""
        dx, dy = self.far[0] - self.near[0], self.far[1] - self.near[1]
        return math.degrees(math.atan2(dy, dx))


@dataclass(frozen=True, slots=True)
class GapFit:
    """The opening at a click and whether a door fits it."""

    gap: WallGap
    verdict: GapVerdict


@dataclass(frozen=True, slots=True)
class _End:
    at: FloatArray
    facing: FloatArray
    own: tuple[int, ...]
    """Rows of the local segments this end is made of (the probe ignores them)."""


def wall_gap(
    walls: SegmentArray, click: Point2, params: GapParams | None = None
) -> GapFit | None:
    """The opening in ``walls`` (N x 4, local metres) nearest ``click``, if any.

    Example:
        A 0.2 m thick wall along y = 0 to 0.2 with jambs at x = 1 and x = 1.9; a
        click 0.2 m off the middle (1.45, 0.1) of the 0.9 m opening:

        >>> walls = np.array([
        ...     [0.0, 0.0, 1.0, 0.0], [0.0, 0.2, 1.0, 0.2], [1.0, 0.0, 1.0, 0.2],
        ...     [1.9, 0.0, 3.0, 0.0], [1.9, 0.2, 3.0, 0.2], [1.9, 0.0, 1.9, 0.2]])
        >>> fit = wall_gap(walls, (1.65, 0.1))
        >>> fit.verdict.value, round(fit.gap.width_m, 3), fit.gap.middle
        ('door', 0.9, (1.45, 0.1))
        >>> fit.gap.near, fit.gap.angle_deg  # the jamb at x = 1.9 is nearer
        ((1.9, 0.1), 180.0)
    """
    p = params or GapParams()
    local = _local(np.asarray(walls, dtype=float).reshape(-1, 4), click, p)
    if not len(local):
        return None
    point = np.asarray(click, dtype=float)
    ends, virtual = _ends(local, p)
    obstacles = np.vstack([local, *virtual]) if virtual else local
    best: tuple[float, float, WallGap] | None = None
    for end in ends:
        if np.hypot(*(end.at - point)) > p.search_m:
            continue
        t = _probe(obstacles, end, p)
        if t is None:
            continue
        other = end.at + end.facing * t
        off = _off_line(point, end.at, other)
        if off is None or off > p.reach_m:
            continue
        near, far = (
            (end.at, other)
            if np.hypot(*(end.at - point)) <= np.hypot(*(other - point))
            else (other, end.at)
        )
        gap = WallGap(_point(near), _point(far))
        key = (round(off, 6), round(t, 6))
        if best is None or key < best[:2]:
            best = (key[0], key[1], gap)
    if best is None:
        return None
    return GapFit(best[2], _verdict(best[2].width_m, p))


def _verdict(width: float, p: GapParams) -> GapVerdict:
    low, high = p.door_width_m
    if width < low:
        return GapVerdict.TOO_NARROW
    if width > high:
        return GapVerdict.TOO_WIDE
    return GapVerdict.DOOR


def _point(xy: FloatArray) -> Point2:
    return (round(float(xy[0]), 6) + 0.0, round(float(xy[1]), 6) + 0.0)


def _local(walls: SegmentArray, click: Point2, p: GapParams) -> FloatArray:
    """The segments that can bound an opening at ``click``."""
    if not len(walls):
        return np.empty((0, 4))
    distance = _point_segment_distance(np.asarray(click, dtype=float), walls)
    keep = np.isfinite(walls).all(axis=1) & (distance <= p.search_m + p.probe_m)
    local: FloatArray = walls[keep]
    return local


def _point_segment_distance(point: FloatArray, segs: FloatArray) -> FloatArray:
    a, b = segs[:, :2], segs[:, 2:]
    ab = b - a
    length2 = (ab * ab).sum(axis=1)
    t = np.clip(
        ((point - a) * ab).sum(axis=1) / np.where(length2 > 0, length2, 1), 0, 1
    )
    nearest = a + ab * t[:, None]
    distance: FloatArray = np.hypot(*(point - nearest).T)
    return distance


def _ends(segs: FloatArray, p: GapParams) -> tuple[list[_End], list[FloatArray]]:
    """Every wall end among ``segs``, and the virtual jambs of open double lines."""
    vec = segs[:, 2:] - segs[:, :2]
    length = np.hypot(vec[:, 0], vec[:, 1])
    unit = vec / np.where(length > 0, length, 1.0)[:, None]
    touching = [
        [_touching(segs, row, k, p.snap_m) for k in (0, 1)] for row in range(len(segs))
    ]
    ends = _jamb_ends(segs, length, unit, touching, p)
    free = [
        _End(segs[row, 2 * k : 2 * k + 2], unit[row] * (1 if k else -1), (row,))
        for row in range(len(segs))
        if length[row] > p.snap_m
        for k in (0, 1)
        if not touching[row][k]
    ]
    paired, virtual = _open_double_ends(free, p)
    return [*ends, *paired], virtual


def _touching(segs: FloatArray, row: int, k: int, snap: float) -> list[int]:
    """The other segments that end ``k`` of segment ``row`` touches."""
    point = segs[row, 2 * k : 2 * k + 2]
    near = np.flatnonzero(_point_segment_distance(point, segs) <= snap)
    return [int(i) for i in near if i != row]


def _jamb_ends(
    segs: FloatArray,
    length: FloatArray,
    unit: FloatArray,
    touching: list[list[list[int]]],
    p: GapParams,
) -> list[_End]:
    """Jambs: short segments whose both ends start faces running to one side."""
    low, high = p.wall_thickness_m
    found = []
    for row in np.flatnonzero((length >= low) & (length <= high)).tolist():
        normal = np.array([-unit[row, 1], unit[row, 0]])
        sides: list[float] = []
        faces: list[int] = []
        for k in (0, 1):
            at = segs[row, 2 * k : 2 * k + 2]
            for face in touching[row][k]:
                if abs(float(unit[face] @ unit[row])) > p.square_sin:
                    continue
                start, stop = segs[face, :2], segs[face, 2:]
                if np.hypot(*(start - at)) <= p.snap_m:
                    away = stop - start
                elif np.hypot(*(stop - at)) <= p.snap_m:
                    away = start - stop
                else:
                    continue  # the jamb meets this line's side, not its end
                sides.append(float(np.sign(away @ normal)))
                faces.append(face)
        ends_faced = {k for k in (0, 1) for f in touching[row][k] if f in faces}
        if ends_faced != {0, 1} or len(set(sides)) != 1 or sides[0] == 0:
            continue
        mid = (segs[row, :2] + segs[row, 2:]) / 2
        found.append(_End(mid, -normal * sides[0], (row, *faces)))
    return found


def _open_double_ends(
    free: list[_End], p: GapParams
) -> tuple[list[_End], list[FloatArray]]:
    """Free ends, with the two faces of an open double-line wall end made one."""
    low, high = p.wall_thickness_m
    used: set[int] = set()
    ends: list[_End] = []
    virtual: list[FloatArray] = []
    for i, a in enumerate(free):
        for j in range(i + 1, len(free)):
            b = free[j]
            if i in used or j in used:
                continue
            across = b.at - a.at
            spacing = float(np.hypot(*across))
            parallel = float(a.facing @ b.facing) >= 1 - p.square_sin
            square = abs(float(across @ a.facing)) <= p.square_sin * spacing + p.snap_m
            if parallel and square and low <= spacing <= high:
                used.update((i, j))
                facing = a.facing + b.facing
                ends.append(
                    _End(
                        (a.at + b.at) / 2,
                        facing / np.hypot(*facing),
                        (*a.own, *b.own),
                    )
                )
                virtual.append(np.concatenate([a.at, b.at])[None, :])
    ends.extend(end for k, end in enumerate(free) if k not in used)
    return ends, virtual


def _probe(obstacles: FloatArray, end: _End, p: GapParams) -> float | None:
    """How far from ``end``, the way it faces, the first other wall lies."""
    others = np.ones(len(obstacles), dtype=bool)
    others[list(end.own)] = False
    segs = obstacles[others]
    if not len(segs):
        return None
    a, b = segs[:, :2], segs[:, 2:]
    d, origin = end.facing, end.at
    e = b - a
    w = a - origin
    denom = d[0] * e[:, 1] - d[1] * e[:, 0]
    crossing = np.abs(denom) > 1e-12
    safe = np.where(crossing, denom, 1.0)
    t = (w[:, 0] * e[:, 1] - w[:, 1] * e[:, 0]) / safe
    s = (w[:, 0] * d[1] - w[:, 1] * d[0]) / safe
    hit = crossing & (s >= -1e-9) & (s <= 1 + 1e-9)
    # A segment on the probe's own line (a single-line wall going on after the
    # gap) meets it at its nearer end.
    inline = ~crossing & (np.abs(w[:, 0] * d[1] - w[:, 1] * d[0]) <= p.snap_m)
    t_inline = np.minimum(w @ d, (b - origin) @ d)
    t = np.where(inline, t_inline, t)
    t = np.where((hit | inline) & (t > p.snap_m) & (t <= p.probe_m), t, np.inf)
    nearest = float(t.min())
    return nearest if math.isfinite(nearest) else None


def _off_line(point: FloatArray, a: FloatArray, b: FloatArray) -> float | None:
    """How far ``point`` is from the line a-b, if it lies beside the segment."""
    ab = b - a
    length2 = float(ab @ ab)
    if length2 == 0:
        return None
    s = float((point - a) @ ab) / length2
    if s < 0 or s > 1:
        return None
    return float(np.hypot(*(point - (a + ab * s))))
