"""Reading a door's opening from its swing arc and leaf (pure numpy and shapely).

A door is drawn open: a swing arc around the hinge and the leaf from the hinge to the
arc's end. The arc's *other* end is where the leaf closes, the latch side of the
opening. The same geometry serves door blocks (in block coordinates, before the insert
transforms them) and lone arcs (in metres), so it works on plain arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.intp]

__all__ = ["Swing", "combine_pair", "open_ends", "pair_swings", "swings_of_arcs"]

LEAF_OFFSET = 0.12
"""Largest distance of a leaf line from the arc's radius, as a fraction of it."""
LEAF_COVER = 0.6
"""Smallest share of the radius a leaf line must run along."""
_DECISIVE = 0.25
PAIR_SHARE = 0.1
"""Latches closer than this share of the leaf width meet (a double door)."""


@dataclass(frozen=True, slots=True)
class Swing:
    """One leaf: the hinge, the closed leaf's far end and the open leaf's tip."""

    hinge: Point2
    latch: Point2
    swing_to: Point2

    @property
    def width(self) -> float:
        """The leaf's width (the arc's radius).

        Example:
            >>> Swing((0.0, 0.0), (0.9, 0.0), (0.0, 0.9)).width
            0.9
        """
        return float(
            np.hypot(self.latch[0] - self.hinge[0], self.latch[1] - self.hinge[1])
        )


def open_ends(centers: FloatArray, ends: FloatArray, segments: FloatArray) -> IntArray:
    """Which end of each arc the open leaf reaches: 0, 1, or -1 when unclear.

    A leaf is a straight segment along the radius to that end, within
    ``LEAF_OFFSET`` of it and covering at least ``LEAF_COVER`` of its length.

    Args:
        centers: (N, 2) arc centres.
        ends: (N, 2, 2) the two end points of each arc.
        segments: (M, 4) straight lines that may be leaves.

    Example:
        >>> arcs = np.array([[0.0, 0.0]]), np.array([[[1.0, 0.0], [0.0, 1.0]]])
        >>> open_ends(*arcs, np.array([[0.0, 0.0, 0.0, 1.0]])).tolist()
        [1]
    """
    found: IntArray = np.full(len(centers), -1, dtype=np.intp)
    if len(centers) == 0 or len(segments) == 0:
        return found
    radii = np.hypot(*(ends[:, 0] - centers).T)
    tree = shapely.STRtree(np.asarray(shapely.linestrings(segments.reshape(-1, 2, 2))))
    low, high = centers - radii[:, None], centers + radii[:, None]
    arc, seg = tree.query(shapely.box(low[:, 0], low[:, 1], high[:, 0], high[:, 1]))
    scores = np.zeros((len(centers), 2))
    for k in (0, 1):
        cover = _cover(centers[arc], ends[arc, k], radii[arc], segments[seg])
        np.maximum.at(scores[:, k], arc, cover)
    best = scores.max(axis=1)
    decisive = (best >= LEAF_COVER * radii) & (
        np.abs(scores[:, 0] - scores[:, 1]) >= _DECISIVE * radii
    )
    found[decisive] = scores[decisive].argmax(axis=1)
    return found


def _cover(
    center: FloatArray, end: FloatArray, radius: FloatArray, segs: FloatArray
) -> FloatArray:
    """How much of each radius (center to end) each segment runs along."""
    unit = (end - center) / radius[:, None]
    p, q = segs[:, :2] - center, segs[:, 2:] - center
    off_p = np.abs(p[:, 0] * unit[:, 1] - p[:, 1] * unit[:, 0])
    off_q = np.abs(q[:, 0] * unit[:, 1] - q[:, 1] * unit[:, 0])
    t_p, t_q = (p * unit).sum(axis=1), (q * unit).sum(axis=1)
    low = np.clip(np.minimum(t_p, t_q), 0.0, radius)
    high = np.clip(np.maximum(t_p, t_q), 0.0, radius)
    near = np.maximum(off_p, off_q) <= LEAF_OFFSET * radius
    cover: FloatArray = np.where(near, high - low, 0.0)
    return cover


def swings_of_arcs(
    centers: FloatArray, ends: FloatArray, mids: FloatArray, segments: FloatArray
) -> list[Swing]:
    """One swing per arc; the leaf among ``segments`` tells which end is open.

    Without a leaf the swing points to the arc's middle and the latch is taken at
    the arc's first end (a guess: nothing in the drawing says which end it is).

    Example:
        >>> arcs = np.array([[0.0, 0.0]]), np.array([[[1.0, 0.0], [0.0, 1.0]]])
        >>> mid = np.array([[0.7, 0.7]])
        >>> swings_of_arcs(*arcs, mid, np.array([[0.0, 0.0, 1.0, 0.0]]))[0].latch
        (0.0, 1.0)
    """
    which = open_ends(centers, ends, segments)
    swings = []
    for center, pair, mid, k in zip(centers, ends, mids, which, strict=True):
        tip, latch = (mid, pair[0]) if k < 0 else (pair[k], pair[1 - k])
        swings.append(Swing(_point(center), _point(latch), _point(tip)))
    return swings


def pair_swings(swings: Sequence[Swing]) -> list[tuple[int, ...]]:
    """Group leaves into doors: two leaves whose latches meet are one double door.

    The latches must lie within ``PAIR_SHARE`` of the narrower leaf's width of each
    other (relative, so that it holds in any unit) and the leaves must close toward
    each other. Returns index groups in the order of each group's first leaf;
    every leaf is in exactly one group.

    Example:
        >>> left = Swing((0.0, 0.0), (0.9, 0.0), (0.0, 0.9))
        >>> right = Swing((1.8, 0.0), (0.9, 0.0), (1.8, 0.9))
        >>> alone = Swing((5.0, 0.0), (5.9, 0.0), (5.0, 0.9))
        >>> pair_swings([left, alone, right])
        [(0, 2), (1,)]
    """
    if not swings:
        return []
    hinges = np.array([s.hinge for s in swings])
    latches = np.array([s.latch for s in swings])
    along = latches - hinges
    widths = np.hypot(along[:, 0], along[:, 1])
    points = np.asarray(shapely.points(latches))
    first, second = shapely.STRtree(points).query(
        points, predicate="dwithin", distance=PAIR_SHARE * float(widths.max())
    )
    gap = np.hypot(*(latches[first] - latches[second]).T)
    meets = gap <= PAIR_SHARE * np.minimum(widths[first], widths[second])
    facing = (along[first] * along[second]).sum(axis=1) < 0  # they close head on
    partner: dict[int, int] = {}
    both = meets & facing
    for i, j in zip(first[both].tolist(), second[both].tolist(), strict=True):
        if i < j and i not in partner and j not in partner:
            partner[i], partner[j] = j, i
    return [
        (i,) if i not in partner else (i, partner[i])
        for i in range(len(swings))
        if i not in partner or i < partner[i]
    ]


def combine_pair(first: Swing, second: Swing) -> Swing:
    """A double door: the opening runs from one hinge to the other.

    Example:
        >>> left = Swing((0.0, 0.0), (0.9, 0.0), (0.0, 0.9))
        >>> combine_pair(left, Swing((1.8, 0.0), (0.9, 0.0), (1.8, 0.9)))
        Swing(hinge=(0.0, 0.0), latch=(1.8, 0.0), swing_to=(0.9, 0.9))
    """
    tip = (
        (first.swing_to[0] + second.swing_to[0]) / 2,
        (first.swing_to[1] + second.swing_to[1]) / 2,
    )
    return Swing(first.hinge, second.hinge, tip)


def _point(xy: FloatArray) -> Point2:
    return (float(xy[0]), float(xy[1]))
