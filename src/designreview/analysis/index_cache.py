"""Walking and sight indexes kept from one check run to the next, by what they index.

Building the walking graph of a sheet is the largest part of a check run (on the
sample school about a third of a door edit's checks, on a 300-room school 0.3 s
each), yet most edits leave the lines it is built from as they were: a camera
moved, a lock function changed, an interior door added that stands open. An
:class:`IndexCache` hands back the index built before for the same segments, so
only an edit that moves a wall, a door's opening or what is shut builds a new one.

It is not hidden state: whoever runs the checks again and again (the app) makes one
and passes it in, and so does a run over many sheets (the command line), where
sheets over the same lines share their indexes. The key is a digest
of the segments' bytes, so equal lines find the same index whatever object holds
them; an index is immutable once built, so sharing it between runs is safe.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from threading import Lock
from typing import TYPE_CHECKING, TypeVar

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt

__all__ = ["IndexCache"]

T = TypeVar("T")

_KEPT = 12
"""Indexes kept: three kinds per sheet (doors open, exterior doors shut, the
intruder's), the sight index and the table kept with the lockdown walk (its
isovists and refuge fields), for the sheet shown and the state before an undo. A
walking index of a 100k-entity plan holds tens of MB: a few only."""


class IndexCache:
    """Indexes built from segment arrays, found again by the segments' digest.

    Example:
        >>> cache, built = IndexCache(), []
        >>> def build(segments):
        ...     built.append(len(segments))
        ...     return len(segments)
        >>> walls = np.array([[0.0, 0.0, 1.0, 0.0]])
        >>> cache.get("walk", walls, build), cache.get("walk", walls.copy(), build)
        (1, 1)
        >>> built  # the second asked for equal lines: nothing built again
        [1]
        >>> cache.get("walk", np.array([[0.0, 0.0, 2.0, 0.0]]), build), built
        (1, [1, 1])
    """

    def __init__(self, kept: int = _KEPT) -> None:
        self._kept = kept
        self._items: OrderedDict[tuple[str, bytes], object] = OrderedDict()
        self._lock = Lock()  # the app's check worker and the GUI thread may both ask

    def get(
        self,
        kind: str,
        segments: npt.ArrayLike,
        build: Callable[[npt.NDArray[np.float64]], T],
    ) -> T:
        """The ``kind`` index of ``segments``: built before, else by ``build``."""
        lines = np.ascontiguousarray(segments, dtype=np.float64)
        digest = hashlib.blake2b(lines.tobytes(), digest_size=16)
        digest.update(repr(lines.shape).encode())
        key = (kind, digest.digest())
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[return-value]
        index = build(lines)
        with self._lock:
            self._items[key] = index
            while len(self._items) > self._kept:
                self._items.popitem(last=False)
        return index
