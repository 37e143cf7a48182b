"""Which closed curves may be room outlines, decided once for both DXF readers.

Rooms are drawn with any closed curve: polylines (bulged or not), closed SPLINEs,
full ELLIPSEs and the boundaries of HATCHes on room layers. Both readers flatten
the curve and ask :func:`closes`; for a hatch they ask :func:`outer_rings` which
of its boundaries bound the filled area. A hatch with an island (a column inside
a room) has an outer boundary and an inner one: only the outer is a room.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

__all__ = ["MIN_RING_POINTS", "chained", "closes", "hatch_key", "outer_rings"]

MIN_RING_POINTS = 4
"""A closed ring repeats its first point: a triangle has four."""


def closes(points: npt.ArrayLike) -> bool:
    """Whether a flattened curve ends where it starts (floating-point noise aside).

    The tolerance is the one of ezdxf's ``Vec3.isclose`` (1e-9 relative, 1e-12
    absolute), which the readers used for polylines already.

    Example:
        >>> closes([(0, 0), (4, 0), (4, 3), (1e-13, 0)]), closes([(0, 0), (4, 0)])
        (True, False)
    """
    xy = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if len(xy) < MIN_RING_POINTS or not np.isfinite(xy).all():
        return False
    first, last = xy[0], xy[-1]
    bound = np.maximum(1e-9 * np.maximum(np.abs(first), np.abs(last)), 1e-12)
    return bool((np.abs(first - last) <= bound).all())


def chained(pieces: Sequence[npt.ArrayLike]) -> npt.NDArray[np.float64] | None:
    """The edges of a hatch boundary joined into one ring, None if they do not join.

    Hatch edges are stored one by one and need not run end to start, nor all in
    one direction: each edge may be turned round to go on from the last. Edges
    that leave a gap (stored out of order) make no ring: both readers then take
    no outline from them, though ezdxf draws its joining lines.

    Example:
        >>> edges = [[(0, 0), (4, 0)], [(4, 3), (4, 0)], [(4, 3), (0, 3)]]
        >>> edges.append([(0, 3), (0, 0)])  # the second edge runs backwards
        >>> chained(edges).tolist()
        [[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [0.0, 3.0], [0.0, 0.0]]
        >>> chained([[(0, 0), (4, 0)], [(0, 3), (0, 0)], [(4, 0), (4, 3)]]) is None
        True
    """
    arrays = [np.asarray(p, dtype=np.float64).reshape(-1, 2) for p in pieces]
    arrays = [a for a in arrays if len(a)]
    if not arrays:
        return None
    ring = [arrays[0]]
    for piece in arrays[1:]:
        end = ring[-1][-1]
        if _near(piece[0], end):
            ring.append(piece[1:])
        elif _near(piece[-1], end):
            ring.append(piece[::-1][1:])
        elif len(ring) == 1 and _near(piece[0], ring[0][0]):
            ring[0] = ring[0][::-1]  # the first edge was stored the other way
            ring.append(piece[1:])
        elif len(ring) == 1 and _near(piece[-1], ring[0][0]):
            ring[0] = ring[0][::-1]
            ring.append(piece[::-1][1:])
        else:
            return None
    joined = np.concatenate(ring)
    if len(joined) >= MIN_RING_POINTS and _near(joined[0], joined[-1]):
        joined[-1] = joined[0]
        return joined
    return None


def _near(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> bool:
    """Equal within what flattening arcs from their angles leaves (1e-9 relative)."""
    scale = max(1.0, float(np.abs(a).max()), float(np.abs(b).max()))
    return bool((np.abs(a - b) <= 1e-9 * scale).all())


def outer_rings(rings: Sequence[npt.ArrayLike]) -> list[int]:
    """The closed rings of one hatch that bound its filled area, in order.

    A ring inside an odd number of the others is an island's edge (a hole in the
    fill); inside an even number (none, or an island within an island) it is an
    outer boundary. Rings that do not close are never outlines.

    Example:
        >>> room = [(0, 0), (10, 0), (10, 8), (0, 8), (0, 0)]
        >>> column = [(4, 4), (5, 4), (5, 5), (4, 5), (4, 4)]
        >>> other = [(20, 0), (24, 0), (24, 3), (20, 0)]
        >>> outer_rings([room, column, other])
        [0, 2]
    """
    closed = [i for i, ring in enumerate(rings) if closes(ring)]
    if len(closed) < 2:  # one ring has no islands
        return closed
    polygons = np.array(
        [shapely.Polygon(np.asarray(rings[i], dtype=np.float64)) for i in closed]
    )
    inside, around = shapely.STRtree(polygons).query(polygons, predicate="within")
    depth = np.bincount(inside[inside != around], minlength=len(closed))
    return [i for i, d in zip(closed, depth.tolist(), strict=True) if d % 2 == 0]


def hatch_key(key: str, position: int) -> str:
    """The key of a hatch's ``position``-th outer ring: the hatch's own, then ``#2``.

    Example:
        >>> hatch_key("2F", 0), hatch_key("2F", 1)
        ('2F', '2F#2')
    """
    return key if position == 0 else f"{key}#{position + 1}"
