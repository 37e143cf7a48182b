"""Isochrones: where an intruder can be within 30, 60, 120 s of getting in.

Exact for the walking graph: a walk bends only at corners, so the points reached
within a distance R are those a corner c (reached after ``d(c)``) or a target sees
within ``R - d(c)``. The area is the union, over those corners and targets, of their
isovist cut by a disk of that radius (the disks are 64-gons inscribed in their
circles, so a boundary arc is up to 0.1 % short). Bands are the differences of
successive areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from designreview.analysis.isovist import isovist

if TYPE_CHECKING:
    from collections.abc import MutableMapping, Sequence

    from designreview.analysis.intruder import Arrival
    from designreview.analysis.walk_graph import Floats, WalkIndex

__all__ = ["BANDS_S", "Isochrone", "isochrones", "reached_within"]

BANDS_S = (30.0, 60.0, 120.0)
"""The default band limits, in seconds after the intruder gets in."""
_QUAD_SEGS = 16
_NUDGE_M = (1e-5, 1e-4)


@dataclass(frozen=True, slots=True, eq=False)
class Isochrone:
    """The area an intruder first reaches between ``from_s`` and ``to_s``."""

    from_s: float
    to_s: float
    area: shapely.Geometry


def isochrones(
    walk: Arrival,
    bands_s: Sequence[float] = BANDS_S,
    kept: MutableMapping[Any, Any] | None = None,
) -> tuple[Isochrone, ...]:
    """The bands of arrival time from ``walk``'s entry, nearest first.

    ``kept`` keeps the corners' isovists between calls (the caller's, for the
    walk's index only: they depend on nothing else).

    Example:
        An open floor (one wall far off); from (0, 0) at 1 m/s the first 5 s are
        a disk of radius 5: 78.5 m² by pi r², 32 r² sin(pi / 16) = 78.4 m² as a
        64-gon; up to 8 s 200.7 m², so the second band holds 122.3 m².

        >>> import numpy as np
        >>> from designreview.analysis.building_view import BuildingView
        >>> from designreview.analysis.intruder import Entry, IntruderParams, arrival
        >>> from designreview.analysis.walk_graph import build_walk_index
        >>> index = build_walk_index([[-10, -10, 10, -10]], margin_m=20)
        >>> view = BuildingView("s", np.empty((0, 4)), np.empty((0, 4)))
        >>> entry = Entry("e", "door", (0.0, 0.0), 0.0, ())
        >>> walk = arrival(index, view, entry, 1.0, IntruderParams())
        >>> [round(band.area.area, 1) for band in isochrones(walk, (5.0, 8.0))]
        [78.4, 122.3]
    """
    seen = _sources(walk, max(bands_s, default=0.0), kept)
    reached = [_reached(walk, seconds, seen) for seconds in bands_s]
    bands: list[Isochrone] = []
    inner: shapely.Geometry = shapely.Polygon()
    low = 0.0
    for high, area in zip(bands_s, reached, strict=True):
        bands.append(Isochrone(low, float(high), shapely.difference(area, inner)))
        inner, low = area, float(high)
    return tuple(bands)


def reached_within(walk: Arrival, seconds: float) -> shapely.Geometry:
    """The walkable area the intruder of ``walk`` reaches within ``seconds``."""
    return _reached(walk, seconds, _sources(walk, seconds))


_Sources = tuple["np.ndarray[tuple[int, ...], np.dtype[np.float64]]", list[Any], Any]


def _sources(
    walk: Arrival, seconds: float, kept: MutableMapping[Any, Any] | None = None
) -> _Sources:
    """Every corner and target reached within ``seconds``, and what each sees.

    Rows of (x, y, metres walked to it), their isovists (None where there is none)
    and the points as shapely points.
    """
    field, index = walk.field, walk.field.index
    reach = seconds * walk.speed_mps
    corners = np.flatnonzero(field.corner_m < reach)
    rows = [(*index.corners[c], field.corner_m[c]) for c in corners]
    kept = {} if kept is None else kept
    polygons: list[Any] = []
    for c in corners:
        if ("corner isovist", int(c)) not in kept:
            kept["corner isovist", int(c)] = _corner_isovist(index, int(c))
        polygons.append(kept["corner isovist", int(c)])
    for target, offset in zip(field.targets, field.target_offsets_m, strict=True):
        if offset < reach:
            rows.append((*target, offset))
            polygons.append(isovist(index.sight, target).polygon)
    table = np.array(rows, dtype=np.float64).reshape(-1, 3)
    return table, polygons, shapely.points(table[:, :2])


def _reached(walk: Arrival, seconds: float, sources: _Sources) -> shapely.Geometry:
    table, polygons, points = sources
    reach = seconds * walk.speed_mps
    keep = [i for i, p in enumerate(polygons) if p is not None and table[i, 2] < reach]
    if not keep:
        return shapely.Polygon()
    disks = shapely.buffer(points[keep], reach - table[keep, 2], quad_segs=_QUAD_SEGS)
    pieces = shapely.intersection(np.array([polygons[i] for i in keep]), disks)
    return shapely.intersection(shapely.union_all(pieces), walk.field.index.walkable)


def _corner_isovist(index: WalkIndex, corner: int) -> shapely.Polygon | None:
    """What a corner sees, from just off it (nothing is seen from a wall)."""
    inward = _inward(index.corners[corner], index.hinges[corner])
    for step in _NUDGE_M:
        x, y = (index.corners[corner] + step * inward).tolist()
        try:
            return isovist(index.sight, (x, y)).polygon
        except ValueError:
            continue
    return None


def _inward(corner: Floats, hinge: Floats) -> Floats:
    """The bisector into the walkable side at a reflex corner (as the index has it)."""
    e_in = corner - hinge[:2]
    e_out = hinge[2:] - corner
    e_in = e_in / max(float(np.hypot(*e_in)), 1e-300)
    e_out = e_out / max(float(np.hypot(*e_out)), 1e-300)
    both = e_in + e_out
    both = both / max(float(np.hypot(*both)), 1e-300)
    return np.array([-both[1], both[0]])
