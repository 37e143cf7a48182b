"""Two drawings of one floor side by side in one picture: what went, what came.

The old plan's lines and the new plan's are brought into the new plan's local
frame (their local origins may differ), each line written the same way round and
rounded to the centimetre, and sorted into three sets: only in the old drawing
(removed), only in the new one (added), and in both (unchanged). That is what a
CAD overlay compare shows, as Bluebeam's overlay does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from designreview.model.plan import LayerCategory, SegmentArray

if TYPE_CHECKING:
    from designreview.model.plan import Plan

GRID_M = 0.01
"""Lines whose ends agree to the centimetre are the same line."""
_SKIPPED = frozenset({LayerCategory.LABEL, LayerCategory.ANNOTATION})


@dataclass(frozen=True, slots=True, eq=False)
class DrawingDifference:
    """Segments (new plan's local metres) in the old drawing only, new only, both."""

    removed: SegmentArray
    added: SegmentArray
    same: SegmentArray


def drawing_difference(old: Plan, new: Plan) -> DrawingDifference:
    """The lines ``new`` took away from ``old``, those it added, and the rest.

    Example:
        >>> from designreview.model.geometry import Extents
        >>> from designreview.model.plan import LayerInfo, Linework, Plan
        >>> from designreview.model.units import LengthUnit
        >>> def plan(rows, origin=(0.0, 0.0)):
        ...     work = Linework("W", np.array(rows, dtype=float))
        ...     return Plan("p", "", LengthUnit.METRE, 1.0, origin, Extents(0, 0, 1, 1),
        ...                 (LayerInfo("W", LayerCategory.WALL, 1),), (work,))
        >>> a = plan([[0, 0, 5, 0], [0, 0, 0, 4]])
        >>> b = plan([[4, 0, -1, 0], [9, 0, 9, 4]], origin=(1.0, 0.0))  # shifted 1 m
        >>> d = drawing_difference(a, b)
        >>> d.same.tolist(), d.removed.tolist(), d.added.tolist()
        ([[-1.0, 0.0, 4.0, 0.0]], [[-1.0, 0.0, -1.0, 4.0]], [[9.0, 0.0, 9.0, 4.0]])
    """
    shift = np.array([*old.origin_m, *old.origin_m]) - np.array(
        [*new.origin_m, *new.origin_m]
    )
    before = _canonical(_segments(old) + shift)
    after = _canonical(_segments(new))
    keys_before, keys_after = _keys(before), _keys(after)
    in_after = np.isin(keys_before, keys_after)
    in_before = np.isin(keys_after, keys_before)
    return DrawingDifference(
        removed=before[~in_after],
        added=after[~in_before],
        same=after[in_before],
    )


def _segments(plan: Plan) -> SegmentArray:
    skipped = {info.name for info in plan.layers if info.category in _SKIPPED}
    parts = [
        w.segments for w in plan.linework if w.layer not in skipped and len(w.segments)
    ]
    return np.vstack(parts) if parts else np.zeros((0, 4))


def _canonical(segments: SegmentArray) -> SegmentArray:
    """Each segment from its lower-left end, rounded to the grid."""
    rounded = np.round(segments / GRID_M) * GRID_M
    flip = (rounded[:, 0] > rounded[:, 2]) | (
        (rounded[:, 0] == rounded[:, 2]) & (rounded[:, 1] > rounded[:, 3])
    )
    rounded[flip] = rounded[flip][:, [2, 3, 0, 1]]
    return rounded + 0.0  # no negative zeros


def _keys(segments: SegmentArray) -> np.ndarray:
    """One integer tuple per segment, as a single comparable row (void view)."""
    grid = np.round(segments / GRID_M).astype(np.int64)
    grid = np.ascontiguousarray(grid)
    return grid.view(np.dtype((np.void, grid.dtype.itemsize * 4))).ravel()
