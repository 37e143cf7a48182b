"""A walking index as plain data, so that a command can keep it between runs.

Building a :class:`~designreview.analysis.walk_graph.WalkIndex` is mostly the walkable
area (buffering and subtracting every wall) and one isovist per corner; on a plan of
10k wall segments about 1.5 s of the 2 s. :func:`walk_parts` keeps exactly those two
results; :func:`walk_index_from_parts` rebuilds the rest (outline, sight triangulation,
adjacency) in about a sixth of the build's time (0.65 s of 4.2 s on that plan on a
loaded machine), to the same index: the same corners in the same order and
the same neighbours, so every distance is the same to the last bit. Storing the parts
is the caller's business (``cli/query_cache.py``); nothing here touches a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.analysis.triangulation import clean_segments
from designreview.analysis.walk_graph import Ints, assemble_walk_index

if TYPE_CHECKING:
    import numpy.typing as npt

    from designreview.analysis.walk_graph import WalkIndex

__all__ = ["WalkParts", "walk_index_from_parts", "walk_parts"]


@dataclass(frozen=True, slots=True, eq=False)
class WalkParts:
    """The costly part of a :class:`WalkIndex` as plain data, to keep between runs.

    Building an index is mostly the walkable area (buffering and subtracting every
    wall) and one isovist per corner; the rest is rebuilt from these in a fraction of
    the time by :func:`walk_index_from_parts`, to the same index.

    Attributes:
        bounds: As :attr:`WalkIndex.bounds`.
        clearance_m: As :attr:`WalkIndex.clearance_m`.
        walkable_wkb: The walkable area as WKB (exact: doubles bit for bit).
        edges: (E, 2) the visibility graph's edges, each pair of corners once.
        corner_count: How many corners the graph has, to tell parts that do not
            belong to the walkable area they came with.
    """

    bounds: tuple[float, float, float, float]
    clearance_m: float
    walkable_wkb: bytes
    edges: Ints
    corner_count: int


def walk_parts(index: WalkIndex) -> WalkParts:
    """What :func:`walk_index_from_parts` needs to rebuild ``index``.

    Example:
        >>> from designreview.analysis.walk_graph import build_walk_index
        >>> index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25, margin_m=2)
        >>> parts = walk_parts(index)
        >>> parts.corner_count, len(parts.edges) == sum(map(len, index.neighbours)) // 2
        (10, True)
    """
    edges = [(u, v) for u, near in enumerate(index.neighbours) for v in near if u < v]
    return WalkParts(
        index.bounds,
        index.clearance_m,
        shapely.to_wkb(index.walkable),
        np.array(edges, dtype=np.intp).reshape(-1, 2),
        len(index.corners),
    )


def walk_index_from_parts(
    walls: npt.ArrayLike, parts: WalkParts, *, snap_m: float = 0.5
) -> WalkIndex:
    """The index :func:`build_walk_index` built for ``walls``, from its saved parts.

    Args:
        walls: The same segments the parts were built from.
        parts: From :func:`walk_parts`.
        snap_m: As for :func:`build_walk_index`.

    Raises:
        ValueError: When the parts do not fit together (a damaged copy): the caller
            builds the index afresh instead.

    Example:
        >>> from designreview.analysis.walk_graph import build_walk_index
        >>> walls = [[0, -1, 0, 1]]
        >>> index = build_walk_index(walls, clearance_m=0.25)
        >>> again = walk_index_from_parts(walls, walk_parts(index))
        >>> again.neighbours == index.neighbours, again.bounds == index.bounds
        (True, True)
    """
    walkable = shapely.from_wkb(parts.walkable_wkb)
    if not isinstance(walkable, shapely.Polygon | shapely.MultiPolygon):
        raise ValueError("the saved walkable area is not an area")
    edges = np.asarray(parts.edges, dtype=np.intp).reshape(-1, 2)
    x0, y0, x1, y1 = (float(v) for v in parts.bounds)
    return assemble_walk_index(
        clean_segments(walls), (x0, y0, x1, y1), float(parts.clearance_m),
        float(snap_m), walkable, edges, parts.corner_count,
    )  # fmt: skip
