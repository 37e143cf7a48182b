"""Doors from what the walk found: door block inserts and lone swing arcs.

The walk (``readers.dxf.walk``) reports door blocks already placed in the drawing and
door-layer arcs, in drawing units. Here they become
:class:`~designreview.model.building.DetectedDoor` values in local metres: block doors
as they are, lone arcs only when they look like a door swing (60-120 degrees, a
0.6-1.3 m radius), with their leaf found among the door layers' lines and two leaves
meeting at their latches joined into one double door.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedDoor
from designreview.recognition.doors.swings import (
    Swing,
    combine_pair,
    pair_swings,
    swings_of_arcs,
)
from designreview.recognition.found import (  # noqa: TC001 (the doctests build them)
    RawArc,
    RawDoor,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.geometry import Point2
    from designreview.model.plan import SegmentArray

__all__ = ["detect_doors", "join_leaves", "lone_arc_doors"]

LONE_SPAN_DEG = (60.0, 120.0)
LONE_RADIUS_M = (0.6, 1.3)
SAME_PLACE_M = 0.05
_ABSURD_M = 1.0e7


def detect_doors(
    blocks: Sequence[RawDoor],
    arcs: Sequence[RawArc],
    leaves: SegmentArray,
    scale: float,
    origin: Point2 = (0.0, 0.0),
) -> tuple[DetectedDoor, ...]:
    """Doors in local metres: every door block, then lone arcs that are doors.

    Args:
        blocks: door inserts found by the walk.
        arcs: door-layer arcs outside door blocks.
        leaves: (N, 4) door-layer lines in metres (not shifted), to find leaves.
        scale: drawing units to metres.
        origin: the plan's local origin in metres.

    Example:
        >>> leaf = Swing((0.0, 0.0), (0.9, 0.0), (0.0, 0.9))
        >>> raw = RawDoor("1F", leaf, "101", "PASSAGE", "A-DOOR", "DOOR-36")
        >>> [door] = detect_doors([raw], [], np.empty((0, 4)), 2.0, (0.0, 1.0))
        >>> door.id, door.hinge, door.latch, door.width_m
        ('door-1F', (0.0, -1.0), (1.8, -1.0), 1.8)
    """
    doors = join_leaves(
        [
            DetectedDoor(
                f"door-{raw.key}",
                *_placed(raw.swing, scale, origin),
                number=raw.number,
                hardware=raw.hardware,
                layer=raw.layer,
                block=raw.block,
            )
            for raw in blocks
            if _is_sane(raw.swing, scale)
        ]
    )
    taken = [p for door in doors for p in (door.hinge, door.latch)]
    return (*doors, *lone_arc_doors(arcs, leaves, scale, origin, taken))


def join_leaves(doors: Sequence[DetectedDoor]) -> list[DetectedDoor]:
    """Two single-leaf doors meeting at their latches become one double door.

    Drawings often place a pair as two mirrored single-leaf blocks. The pair keeps
    the first leaf's id, and a number or hardware set either leaf has; leaves with
    two different numbers stay separate doors.

    Example:
        >>> left = DetectedDoor("door-1", (0.0, 0.0), (0.9, 0.0), (0.0, 0.9), "7")
        >>> right = DetectedDoor("door-2", (1.8, 0.0), (0.9, 0.0), (1.8, 0.9))
        >>> [(d.id, d.number, d.width_m) for d in join_leaves([left, right])]
        [('door-1', '7', 1.8)]
    """
    swings = [Swing(d.hinge, d.latch, d.swing_to) for d in doors]
    joined: list[DetectedDoor] = []
    for group in pair_swings(swings):
        leaves = [doors[i] for i in group]
        numbers = {door.number for door in leaves} - {""}
        if len(leaves) == 1 or len(numbers) > 1:
            joined += leaves
            continue
        pair = combine_pair(swings[group[0]], swings[group[1]])
        joined.append(
            replace(
                leaves[0],
                hinge=pair.hinge,
                latch=pair.latch,
                swing_to=pair.swing_to,
                number=next(iter(numbers), ""),
                hardware=leaves[0].hardware or leaves[1].hardware,
            )
        )
    return joined


def lone_arc_doors(
    arcs: Sequence[RawArc],
    leaves: SegmentArray,
    scale: float,
    origin: Point2 = (0.0, 0.0),
    taken: Sequence[Point2] = (),
) -> list[DetectedDoor]:
    """Doors drawn as a bare arc (and usually a leaf line) on a door layer.

    Arcs centred where a door already is (``taken``, local metres) are skipped, as
    are repeated copies of the same arc.

    Example:
        >>> arc = RawArc("2A", (0.0, 0.0), 0.9, ((0.9, 0.0), (0.0, 0.9)), (0.64, 0.64),
        ...              90.0, "Doors")
        >>> leaf = np.array([[0.0, 0.0, 0.0, 0.9]])
        >>> [door] = lone_arc_doors([arc], leaf, 1.0)
        >>> door.id, door.hinge, door.latch, door.swing_to
        ('door-2A', (0.0, 0.0), (0.9, 0.0), (0.0, 0.9))
    """
    kept = _door_like(arcs, scale, origin, taken)
    if not kept:
        return []
    centers = np.array([arc.center for arc in kept]) * scale
    ends = np.array([arc.ends for arc in kept]) * scale
    mids = np.array([arc.mid for arc in kept]) * scale
    swings = swings_of_arcs(centers, ends, mids, leaves)
    doors = []
    for group in pair_swings(swings):
        swing = swings[group[0]]
        if len(group) == 2:
            swing = combine_pair(swing, swings[group[1]])
        arc = kept[group[0]]
        placed = _placed(swing, 1.0, origin)
        doors.append(DetectedDoor(f"door-{arc.key}", *placed, layer=arc.layer))
    return doors


def _door_like(
    arcs: Sequence[RawArc], scale: float, origin: Point2, taken: Sequence[Point2]
) -> list[RawArc]:
    """The arcs shaped like a door swing, each place once, not where doors are."""
    low_deg, high_deg = LONE_SPAN_DEG
    low_m, high_m = LONE_RADIUS_M
    seen: set[tuple[float, ...]] = set()
    kept = []
    for arc in arcs:
        key = tuple(round(v * scale, 3) for v in (*arc.center, *arc.ends[0]))
        if (
            low_deg <= arc.span_deg <= high_deg
            and low_m <= arc.radius * scale <= high_m
            and key not in seen
            and all(math.isfinite(v) and abs(v) < _ABSURD_M for v in key)
        ):
            seen.add(key)
            kept.append(arc)
    return _away_from(kept, scale, origin, taken)


def _away_from(
    arcs: list[RawArc], scale: float, origin: Point2, taken: Sequence[Point2]
) -> list[RawArc]:
    """The arcs not centred on a ``taken`` point (a door block's jamb)."""
    if not arcs or not taken:
        return arcs
    hinges = shapely.points(np.array([a.center for a in arcs]) * scale - origin)
    tree = shapely.STRtree(np.asarray(shapely.points(np.array(taken))))
    near = tree.query(hinges, predicate="dwithin", distance=SAME_PLACE_M)[0]
    skip = set(near.tolist())
    return [arc for i, arc in enumerate(arcs) if i not in skip]


def _placed(
    swing: Swing, scale: float, origin: Point2
) -> tuple[Point2, Point2, Point2]:
    def local(p: Point2) -> Point2:
        return (p[0] * scale - origin[0], p[1] * scale - origin[1])

    return local(swing.hinge), local(swing.latch), local(swing.swing_to)


def _is_sane(swing: Swing, scale: float) -> bool:
    values = [v * scale for p in (swing.hinge, swing.latch, swing.swing_to) for v in p]
    return all(math.isfinite(v) and abs(v) < _ABSURD_M for v in values)
