"""Short walks from many places to many groups of targets at once (refuges and doors).

Asking :func:`~designreview.analysis.distances.distance_field` once per group and then
``field.at`` from every origin would take one isovist per origin *and* group. Here
each group's field is limited to the walk asked about (``within_m``), each origin's
isovist is taken once, and the walk to every group is read off the corners that
origin sees: the same sums :meth:`DistanceField.at` makes, for all groups together.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from designreview.analysis.distances import distance_field
from designreview.analysis.walk_graph import locate, view

if TYPE_CHECKING:
    from collections.abc import MutableMapping, Sequence

    from designreview.analysis.distances import DistanceField
    from designreview.analysis.walk_graph import Floats, WalkIndex
    from designreview.model.geometry import Point2

__all__ = ["walks_to_groups"]

_ON_M = 1e-7  # a target this close to an isovist is seen (it may lie on its edge)


def walks_to_groups(
    index: WalkIndex,
    origins: Sequence[Point2],
    groups: Sequence[Sequence[Point2]],
    within_m: float,
    kept: MutableMapping[Any, Any] | None = None,
) -> Floats:
    """Walking distance from each origin to the nearest target of each group.

    ``kept`` (the caller's, for this ``index`` only) keeps each origin's isovist
    and each group's field between calls: after an edit that changes one refuge's
    doors or locks, only that refuge's field is walked again.

    Args:
        index: The prepared walls.
        origins: Where people stand; each must be walkable or near it
            (:func:`~designreview.analysis.walk_graph.locate` moves it).
        groups: Targets by group (the doors of each refuge).
        within_m: The longest walk of interest.
        kept: Isovists and fields kept for ``index`` between calls, or None.

    Returns:
        An (origins, groups) array of metres; inf where the walk is longer than
        ``within_m`` or impossible.

    Raises:
        ValueError: As :func:`~designreview.analysis.distances.walking_path` for a
            point outside the walking area or deep in a wall.

    Example:
        A 2 m wall at x = 0; group 0 behind it, group 1 in the open:

        >>> from designreview.analysis.distances import build_walk_index
        >>> index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25)
        >>> walks = walks_to_groups(index, [(1, 0.5)], [[(-1, 0.5)], [(4, 0.5)]], 5)
        >>> walks.round(3).tolist()
        [[2.514, 3.0]]
        >>> walks_to_groups(index, [(1, 0.5)], [[(-1, 0.5)], [(4, 0.5)]], 2.6).round(3)
        array([[2.514,   inf]])
    """
    walks = np.full((len(origins), len(groups)), math.inf)
    if not len(origins) or not len(groups):
        return walks
    kept = {} if kept is None else kept
    fields = [_field(index, group, within_m, kept) for group in groups]
    corner_m = np.vstack([f.corner_m for f in fields])  # (groups, corners)
    owner = np.concatenate([np.full(len(f.targets), g) for g, f in enumerate(fields)])
    targets = np.concatenate([np.reshape(f.targets, (-1, 2)) for f in fields])
    points = np.asarray(shapely.points(targets))
    tree = shapely.STRtree(points)
    for i, origin in enumerate(origins):
        if ("view", origin) not in kept:
            located = locate(index, origin)
            kept["view", origin] = (located, view(index, located))
        point, seen = kept["view", origin]
        if seen.corners.size:
            via = corner_m[:, seen.corners] + seen.lengths
            walks[i] = via.min(axis=1)
        near = tree.query(seen.polygon)
        near = near[shapely.dwithin(seen.polygon, points[near], _ON_M)]
        if near.size:
            straight = np.hypot(*(targets[near] - point).T)
            np.minimum.at(walks[i], owner[near], straight)
    walks[walks > within_m] = math.inf
    return walks


def _field(
    index: WalkIndex,
    group: Sequence[Point2],
    within_m: float,
    kept: MutableMapping[Any, Any],
) -> DistanceField:
    key = ("field", tuple(group), within_m)
    if key not in kept:
        kept[key] = distance_field(index, group, within_m)
    found: DistanceField = kept[key]
    return found
