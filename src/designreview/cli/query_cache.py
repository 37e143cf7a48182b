"""What ``distance`` and ``visibility`` build from a drawing, kept between runs.

Reading a 10k-segment drawing takes about 0.7 s and building its walking graph about
2 s, while the question asked of them takes milliseconds; a script that asks many
questions of one drawing would pay the build every time. So the commands keep what
they built in the user's cache folder, keyed by the drawing's bytes (SHA-256):

* ``<key>.plan.npz``: the drawing's origin, extents and the segments that block
  walking and sight (what the commands read from the plan);
* ``<key>.walk.npz``: the walkable area and the corner graph
  (:mod:`designreview.analysis.walk_parts`), which rebuild the same index.

An entry is used only by the same designreview version with the same code (the key
includes the version and a stamp of the package's files, so an edited checkout never
reads entries of another build); one that cannot be read, or does not fit, is ignored
and written again. Entries are plain numpy arrays, never pickles. The folder is
readable by the user only (0700, files 0600): a plan is confidential. A folder that
cannot be written only means nothing is kept. Drawings with XREFs are not kept, since
the files they refer to may change without the drawing changing.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from designreview import __version__
from designreview.analysis.distances import build_walk_index, walking_obstacles
from designreview.analysis.obstacles import obstacle_segments
from designreview.analysis.walk_parts import (
    WalkParts,
    walk_index_from_parts,
    walk_parts,
)
from designreview.model.geometry import Extents, Point2
from designreview.model.plan import SegmentArray
from designreview.readers.cache_folder import CACHE_ENV, cache_folder
from designreview.review_file.atomic_write import write_atomic

if TYPE_CHECKING:
    from designreview.analysis.walk_graph import WalkIndex

__all__ = [
    "CACHE_ENV",
    "CACHE_FORMAT",
    "PlanGeometry",
    "QueryCache",
    "cache_folder",
    "cached_walk_index",
    "drawing_cache",
    "plan_geometry",
]

CACHE_FORMAT = 1
"""Raise when what an entry holds changes; older entries are then ignored."""
MAX_CACHED_BYTES = 256 * 2**20
"""Larger drawings are not hashed: a hostile one must be refused as fast as before."""
_PACKAGE = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True, eq=False)
class PlanGeometry:
    """What the commands need of a plan: its frame and the segments that block.

    Attributes:
        origin_m: The local origin in drawing metres, as ``Plan.origin_m``.
        extents: The drawing's extents in local metres, as ``Plan.extents``.
        walk_segments: Segments nobody walks through (walls, columns, glazing).
        sight_segments: Segments that block sight (walls, columns).
    """

    origin_m: Point2
    extents: Extents
    walk_segments: SegmentArray
    sight_segments: SegmentArray

    def to_local(self, drawing_m: Point2) -> Point2:
        """A point in drawing metres in local coordinates (as ``Plan.to_local``)."""
        return (drawing_m[0] - self.origin_m[0], drawing_m[1] - self.origin_m[1])

    def to_drawing_m(self, local: Point2) -> Point2:
        """A local point in drawing metres (as ``Plan.to_drawing_m``)."""
        return (local[0] + self.origin_m[0], local[1] + self.origin_m[1])


@dataclass(frozen=True, slots=True)
class QueryCache:
    """The cache entries of one drawing: ``<key>.<name>.npz`` in ``folder``."""

    folder: Path
    key: str

    @classmethod
    def for_drawing(cls, path: Path, folder: Path | None = None) -> QueryCache:
        """The entries of the drawing at ``path`` (read in full to hash it)."""
        digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|".encode())
        digest.update(_code_stamp().encode())
        with path.open("rb") as file:
            digest.update(hashlib.file_digest(file, "sha256").digest())
        return cls(folder or cache_folder(), digest.hexdigest()[:32])

    def load(self, name: str) -> dict[str, np.ndarray] | None:
        """The arrays of entry ``name``, or None when it is missing or unreadable."""
        try:
            with np.load(self._path(name), allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except Exception:  # a damaged entry is rebuilt, never trusted
            return None
        if str(arrays.get("key", "")) != self.key:
            return None
        return arrays

    def save(self, name: str, arrays: dict[str, np.ndarray]) -> bool:
        """Write entry ``name``; False when the folder cannot be written."""
        buffer = io.BytesIO()
        np.savez(buffer, allow_pickle=False, key=np.array(self.key), **arrays)
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.folder.chmod(0o700)
            write_atomic(
                self._path(name), buffer.getvalue(), keep_backup=False, new_mode=0o600
            )
        except Exception:  # no cache is slower, not wrong
            return False
        return True

    def _path(self, name: str) -> Path:
        return self.folder / f"{self.key}.{name}.npz"


def drawing_cache(path: Path) -> QueryCache | None:
    """The drawing's cache entries; None for no cache (``read_dxf`` says what is wrong).

    Example:
        >>> drawing_cache(Path("no such drawing.dxf")) is None
        True
    """
    try:
        if path.stat().st_size > MAX_CACHED_BYTES:
            return None
        return QueryCache.for_drawing(path)
    except OSError:
        return None


def plan_geometry(path: Path, cache: QueryCache | None) -> PlanGeometry:
    """The drawing's frame and blocking segments, from the cache or by reading it.

    Raises:
        PlanReadError: As ``read_dxf`` when the drawing cannot be read.
    """
    if cache is not None and (found := _geometry_from(cache.load("plan"))):
        return found
    # Imported only when the drawing must be read: the reader brings ezdxf (0.15 s).
    from designreview.readers.any_plan import read_plan

    plan = read_plan(path)
    geometry = PlanGeometry(
        plan.origin_m, plan.extents, walking_obstacles(plan), obstacle_segments(plan)
    )
    if cache is not None and not plan.xrefs:
        e = geometry.extents
        cache.save(
            "plan",
            {
                "origin_m": np.array(geometry.origin_m, dtype=np.float64),
                "extents": np.array([e.min_x, e.min_y, e.max_x, e.max_y]),
                "walk_segments": geometry.walk_segments,
                "sight_segments": geometry.sight_segments,
            },
        )
    return geometry


def _geometry_from(arrays: dict[str, np.ndarray] | None) -> PlanGeometry | None:
    if arrays is None:
        return None
    try:
        ox, oy = arrays["origin_m"].astype(np.float64).tolist()
        x0, y0, x1, y1 = arrays["extents"].astype(np.float64).tolist()
        walk, sight = (
            np.asarray(arrays[k], dtype=np.float64).reshape(-1, 4)
            for k in ("walk_segments", "sight_segments")
        )
    except (KeyError, ValueError, TypeError):  # misshapen: read the drawing
        return None
    return PlanGeometry((ox, oy), Extents(x0, y0, x1, y1), walk, sight)


def cached_walk_index(geometry: PlanGeometry, cache: QueryCache | None) -> WalkIndex:
    """The walking index of the plan, rebuilt from the cache when it holds one.

    The same index as ``build_walk_index(geometry.walk_segments,
    extents=geometry.extents)``; a cached one that does not fit is built afresh.
    """
    arrays = cache.load("walk") if cache is not None else None
    if arrays is not None:
        with contextlib.suppress(Exception):  # a saved graph that does not fit
            x0, y0, x1, y1 = arrays["bounds"].astype(np.float64).tolist()
            parts = WalkParts(
                (x0, y0, x1, y1),
                float(arrays["clearance_m"]),
                arrays["walkable_wkb"].tobytes(),
                arrays["edges"].astype(np.intp).reshape(-1, 2),
                int(arrays["corner_count"]),
            )
            return walk_index_from_parts(geometry.walk_segments, parts)
    index = build_walk_index(geometry.walk_segments, extents=geometry.extents)
    if cache is not None:
        parts = walk_parts(index)
        cache.save(
            "walk",
            {
                "bounds": np.array(parts.bounds, dtype=np.float64),
                "clearance_m": np.array(parts.clearance_m),
                "walkable_wkb": np.frombuffer(parts.walkable_wkb, dtype=np.uint8),
                "edges": parts.edges,
                "corner_count": np.array(parts.corner_count),
            },
        )
    return index


def _code_stamp() -> str:
    """Names, sizes and times of the package's modules: another build, another key.

    A released version is one build, but a checkout changes under the same version
    number; a change in how drawings are read or graphs built must not find old
    entries.
    """
    parts = []
    for folder in ("analysis", "model", "readers", "recognition"):
        for file in sorted((_PACKAGE / folder).rglob("*.py")):
            info = file.stat()
            parts.append(
                f"{file.relative_to(_PACKAGE)}:{info.st_size}:{info.st_mtime_ns}"
            )
    return "|".join(parts)
