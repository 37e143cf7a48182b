"""Lengths and areas in a drawing that show its unit: treads, walls and rooms.

Pure numpy over segment arrays (drawing units, N x 4). A wall drawn as two parallel
lines is as thick as the gap between them, a closed outline on a room layer is as
large as a room, and a stair's treads are evenly spaced. None of them knows the
unit: :mod:`~designreview.recognition.units.evidence` weighs which unit makes them
plausible.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

import numpy as np

from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.rooms.layers import one_room_layers

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from designreview.model.plan import SegmentArray
    from designreview.recognition.found import WalkResult

__all__ = [
    "outline_area",
    "room_layer_areas",
    "stair_tread_depths",
    "wall_thicknesses",
]

_MIN_TREADS = 5
_WIDTH_PER_DEPTH = (2.5, 20.0)
"""A flight is 2.5 to 20 treads' depth wide (0.75-6 m for 0.3 m treads)."""
_REGULAR = 0.05
_NEIGHBOURS = 24
"""Parallel lines compared with each line: the next ones across, in offset order."""
_OVERLAP_PER_GAP = 3.0
"""Two faces of a wall run side by side for at least three times their gap."""
_MAX_WALL_LINES = 50_000
"""Beyond this, an even sample of wall lines: the thicknesses are as typical."""


def wall_thicknesses(segments: SegmentArray) -> list[float]:
    """The gap from each wall line to the nearest parallel line beside it.

    A line's partner is the closest parallel line that runs alongside it for at
    least three times the gap (so a room's far wall is not a partner, but a
    corridor's may be when the wall is drawn with one line). Lines without a
    partner give nothing.

    Example:
        >>> wall = np.array([[0.0, 0.0, 5.0, 0.0], [0.0, 0.15, 5.0, 0.15]])
        >>> [round(gap, 3) for gap in wall_thicknesses(wall)]
        [0.15, 0.15]
        >>> wall_thicknesses(np.array([[0.0, 0.0, 1.0, 0.0], [0.0, 2.0, 1.0, 2.0]]))
        []
    """
    seg = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
    if len(seg) > _MAX_WALL_LINES:
        seg = seg[:: len(seg) // _MAX_WALL_LINES + 1]
    x1, y1, x2, y2 = seg.T
    usable = np.isfinite(seg).all(axis=1) & ((x1 != x2) | (y1 != y2))
    x1, y1, x2, y2 = x1[usable], y1[usable], x2[usable], y2[usable]
    angle = np.round(np.degrees(np.arctan2(y2 - y1, x2 - x1))).astype(np.int64) % 180
    # All directions at once: sorted by direction, then by offset across it.
    theta = np.radians(angle.astype(np.float64))
    cos, sin = np.cos(theta), np.sin(theta)
    offset = x1 * -sin + y1 * cos
    a, b = x1 * cos + y1 * sin, x2 * cos + y2 * sin
    order = np.lexsort((offset, angle))
    low, high = np.minimum(a, b)[order], np.maximum(a, b)[order]
    return _nearest_partners(offset[order], low, high, angle[order])


def _nearest_partners(
    offset: SegmentArray,
    low: SegmentArray,
    high: SegmentArray,
    direction: npt.NDArray[np.int64],
) -> list[float]:
    """For lines sorted by direction and offset, the gap to the nearest line alongside.

    Only lines of the same direction (whole degrees) are partners.
    """
    nearest = np.full(len(offset), np.inf)
    for shift in range(1, min(_NEIGHBOURS, len(offset) - 1) + 1):
        gap = offset[shift:] - offset[:-shift]
        overlap = np.minimum(high[shift:], high[:-shift])
        overlap -= np.maximum(low[shift:], low[:-shift])
        partner = (
            (direction[shift:] == direction[:-shift])
            & (gap > 1e-9 * np.maximum(1.0, np.abs(offset[shift:])))
            & (overlap >= _OVERLAP_PER_GAP * gap)
        )
        candidate = np.where(partner, gap, np.inf)
        nearest[:-shift] = np.minimum(nearest[:-shift], candidate)
        nearest[shift:] = np.minimum(nearest[shift:], candidate)
    found: list[float] = nearest[np.isfinite(nearest)].tolist()
    return found


def outline_area(points: Sequence[tuple[float, float]]) -> float:
    """The area inside a closed outline (shoelace formula), in drawing units².

    Example:
        >>> outline_area([(0, 0), (4, 0), (4, 3), (0, 3)])
        12.0
    """
    if len(points) < 3:
        return 0.0
    xy = np.asarray(points, dtype=np.float64)
    x, y = xy[:, 0], xy[:, 1]
    # The shoelace sum with the closing edge apart (np.roll costs more than the sum).
    twice = np.dot(x[:-1], y[1:]) - np.dot(y[:-1], x[1:]) + x[-1] * y[0] - y[-1] * x[0]
    return abs(float(twice)) / 2


def stair_tread_depths(segments: SegmentArray) -> list[float]:
    """The tread depth of each flight drawn among ``segments`` (one per flight).

    A flight is at least five equal, parallel lines at an even spacing, and much
    longer than that spacing (treads are wider than deep).

    Example:
        >>> treads = np.array([[0.0, y * 0.3, 1.2, y * 0.3] for y in range(8)])
        >>> [round(depth, 3) for depth in stair_tread_depths(treads)]
        [0.3]
    """
    x1, y1, x2, y2 = np.asarray(segments, dtype=np.float64).reshape(-1, 4).T
    length = np.hypot(x2 - x1, y2 - y1)
    usable = np.isfinite(length) & (length > 0)
    angle = np.round(np.degrees(np.arctan2(y2 - y1, x2 - x1)[usable])) % 180
    x1, y1, length = x1[usable], y1[usable], length[usable]
    size = np.round(np.log(length) / 0.02)  # lengths equal within 2%
    depths = []
    for key in np.unique(np.column_stack([angle, size]), axis=0):
        same = (angle == key[0]) & (size == key[1])
        if np.count_nonzero(same) < _MIN_TREADS:
            continue
        theta = np.radians(key[0])
        offsets = np.unique(-np.sin(theta) * x1[same] + np.cos(theta) * y1[same])
        depth = _even_spacing(offsets, median(length[same].tolist()))
        if depth:
            depths.append(depth)
    return depths


def _even_spacing(offsets: SegmentArray, length: float) -> float:
    """The common gap between sorted ``offsets``, if most gaps share it, else 0."""
    gaps = np.diff(offsets)
    gaps = gaps[gaps > 1e-9 * max(length, 1.0)]
    if len(gaps) < _MIN_TREADS - 1:
        return 0.0
    depth = float(median(gaps.tolist()))
    regular = np.count_nonzero(np.abs(gaps - depth) <= _REGULAR * depth)
    low, high = _WIDTH_PER_DEPTH
    if regular < _MIN_TREADS - 1 or not low <= length / depth <= high:
        return 0.0
    return depth


def room_layer_areas(
    found: WalkResult, roles: LayerRoles = DEFAULT_ROLES
) -> list[float]:
    """The areas of rooms drawn one per layer (``E14-433A``, ``E15-412`` ...).

    The layers are found by
    :func:`~designreview.recognition.rooms.layers.one_room_layers` (one closed
    outline and nothing else, on at least five layers).

    Example:
        >>> from array import array
        >>> from designreview.recognition.found import WalkResult
        >>> square = [0, 0, 4, 0, 4, 0, 4, 3, 4, 3, 0, 3, 0, 3, 0, 0]
        >>> found = WalkResult()
        >>> for n in range(5):
        ...     found.segments[f"R-{n}"] = array("d", square)
        ...     found.closed_outlines[f"R-{n}"] = 1
        >>> room_layer_areas(found)
        [12.0, 12.0, 12.0, 12.0, 12.0]
    """
    return [outline_area(outline.points) for outline in one_room_layers(found, roles)]
