"""Adding a run's quiet records (:mod:`.bulk`) to a walk's result in drawing order.

The walk reads the other records one by one; before each it asks the cursor to add
the quiet records that come before it, so every layer's segments, every counter's
key order and every limit error come out as if all records had been read one by one.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import TYPE_CHECKING

import numpy as np

from designreview.readers.dxf.document import limit_error

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Callable

    from designreview.readers.dxf.document import WalkLimits
    from designreview.readers.dxf.fast.bulk import Quiet
    from designreview.recognition.found import WalkResult

__all__ = ["QuietCursor"]


class QuietCursor:
    """Adds the quiet records of one run (record starts ``[begin, end)``)."""

    def __init__(
        self,
        quiet: Quiet,
        content: WalkResult,
        span: tuple[int, int],
        straight: list[float] | None,
        limits: WalkLimits | None,
        tick: Callable[[int], None],
    ) -> None:
        """Start at the run's first quiet record.

        ``straight``: a block's door-leaf candidates, which lines and polylines
        extend; ``limits``: model space, where limits are checked after each record.
        """
        self.quiet, self.content = quiet, content
        self.next = bisect_left(quiet.starts, span[0])
        self.stop = bisect_left(quiet.starts, span[1])
        self.straight, self.limits, self.tick = straight, limits, tick

    def until(self, start: int) -> None:
        """Add the quiet records that start before tag ``start``."""
        last = bisect_left(self.quiet.starts, start, self.next, self.stop)
        if last > self.next:
            self._add(self.next, last)
            self.next = last

    def _add(self, first: int, last: int) -> None:
        quiet, content = self.quiet, self.content
        self.tick(last - first)
        ids = quiet.layer_ids[first:last]
        row_first, row_last = int(quiet.offsets[first]), int(quiet.offsets[last])
        rows = quiet.segments[row_first:row_last]
        visited, segment_count = content.visited, content.segment_count
        names = quiet.layers
        if self.limits is not None:
            _count(content.top_level_counts, names, ids)
        content.visited += last - first
        if (ids == ids[0]).all():
            _extend(content.segments, names[int(ids[0])], rows)
        else:
            row_layers = quiet.row_layers[row_first:row_last]
            for layer in _in_order(ids):
                _extend(content.segments, names[layer], rows[row_layers == layer])
        content.segment_count += row_last - row_first
        closed = quiet.closed[first:last]
        if closed.any():
            _count(content.closed_outlines, names, ids[closed])
        content.largest_curve = max(
            content.largest_curve, float(quiet.curve[first:last].max())
        )
        if self.straight is not None:
            straight = quiet.straight[row_first:row_last]
            self.straight.extend(rows[straight].ravel().tolist())
        if self.limits is not None:
            self._check(first, last, visited, segment_count)

    def _check(self, first: int, last: int, visited: int, segment_count: int) -> None:
        """The limit error the one-by-one walk would raise, at the same record."""
        limits, content = self.limits, self.content
        assert limits is not None
        if (
            content.visited <= limits.max_entities
            and content.segment_count <= limits.max_segments
        ):
            return
        offsets = self.quiet.offsets
        entities = visited + np.arange(1, last - first + 1)
        segments = segment_count + (offsets[first + 1 : last + 1] - offsets[first])
        over = (entities > limits.max_entities) | (segments > limits.max_segments)
        at = int(np.argmax(over))
        if entities[at] > limits.max_entities:
            raise limit_error("entities", limits.max_entities)
        raise limit_error("line segments", limits.max_segments)


def _in_order(ids: np.ndarray) -> list[int]:
    """The distinct ids in order of first appearance."""
    return list(dict.fromkeys(ids.tolist()))


def _count(counter: Counter[str], names: list[str], ids: np.ndarray) -> None:
    for layer in ids.tolist():
        counter[names[layer]] += 1


def _extend(segments: dict[str, array[float]], layer: str, rows: np.ndarray) -> None:
    segments.setdefault(layer, array("d")).frombytes(rows.tobytes())
