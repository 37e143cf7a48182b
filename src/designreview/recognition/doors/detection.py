"""Doors from what the walk found: door block inserts and lone swing arcs.

The walk (``readers.dxf.walk``) reports door blocks already placed in the drawing and
door-layer arcs, in drawing units. Here they become
:class:`~designreview.model.building.DetectedDoor` values in local metres: block doors
as they are, lone arcs only when they look like a door swing (60-120 degrees, a
0.6-1.3 m radius), with their leaf found among the door layers' lines and two leaves
meeting at their latches joined into one double door. A double-acting door is two
arcs from one hinge that share the closed leaf's end and swing to opposite sides;
each may be as short as 30 degrees (lift lobbies draw them at 45).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedDoor, DoorMethod
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

__all__ = [
    "detect_doors",
    "double_acting_doors",
    "join_leaves",
    "lone_arc_doors",
    "narrow_pairs",
]

LONE_SPAN_DEG = (60.0, 120.0)
LONE_RADIUS_M = (0.6, 1.3)
PAIR_LEAF_M = (0.4, 1.3)
"""Each leaf of a double door: narrower than a single door may be."""
DOUBLE_ACTING_SPAN_DEG = (30.0, 120.0)
"""Each arc of a double-acting door: drawn open 45 degrees each way, or 90."""
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
    both_ways, used = double_acting_doors(arcs, scale, origin, taken)
    rest = [arc for i, arc in enumerate(arcs) if i not in used]
    taken += [p for door in both_ways for p in (door.hinge, door.latch)]
    pairs, used = narrow_pairs(rest, scale, origin, taken)
    rest = [arc for i, arc in enumerate(rest) if i not in used]
    taken += [p for door in pairs for p in (door.hinge, door.latch)]
    lone = lone_arc_doors(rest, leaves, scale, origin, taken)
    return (*doors, *both_ways, *pairs, *lone)


def narrow_pairs(
    arcs: Sequence[RawArc],
    scale: float,
    origin: Point2 = (0.0, 0.0),
    taken: Sequence[Point2] = (),
) -> tuple[list[DetectedDoor], set[int]]:
    """Double doors of two narrow or partly open leaves, their latches meeting.

    A pair of 0.4-0.6 m leaves, or leaves drawn open 30-60 degrees, is no door
    alone, but two arcs of one radius whose hinges lie two radii apart and whose
    ends meet half way between them are the two leaves of one double door.

    Example:
        Leaves of 0.59 m hinged at x = 0 and x = 1.18, each drawn open 53
        degrees toward -y; their closed ends meet at (0.59, 0):

        >>> left = RawArc("L", (0.0, 0.0), 0.59, ((0.35, -0.47), (0.59, 0.0)),
        ...               (0.5, -0.27), 53.0, "Doors")
        >>> right = RawArc("R", (1.18, 0.0), 0.59, ((0.59, 0.0), (0.83, -0.47)),
        ...                (0.68, -0.27), 53.0, "Doors")
        >>> [door], used = narrow_pairs([left, right], 1.0)
        >>> door.hinge, door.latch, round(door.width_m, 2), sorted(used)
        ((0.0, 0.0), (1.18, 0.0), 1.18, [0, 1])
    """
    low_deg, high_deg = DOUBLE_ACTING_SPAN_DEG
    low_m, high_m = PAIR_LEAF_M
    kept = [
        i
        for i, arc in enumerate(arcs)
        if low_deg <= arc.span_deg <= high_deg
        and low_m <= arc.radius * scale <= high_m
        and all(math.isfinite(v) and abs(v * scale) < _ABSURD_M for v in arc.center)
    ]
    if len(kept) < 2:
        return [], set()
    centers = np.array([arcs[i].center for i in kept]) * scale
    radii = np.array([arcs[i].radius for i in kept]) * scale
    tree = shapely.STRtree(np.asarray(shapely.points(centers)))
    first, second = tree.query(
        shapely.points(centers), "dwithin", 2.2 * float(radii.max())
    )
    found: list[DetectedDoor] = []
    used: set[int] = set()
    for a, b in zip(first.tolist(), second.tolist(), strict=True):
        i, j = kept[a], kept[b]
        if a >= b or i in used or j in used:
            continue
        door = _pair_of(arcs[i], arcs[j], scale, origin)
        if door is not None:
            found.append(door)
            used.update((i, j))
    return _away(found, taken), used


def _pair_of(
    first: RawArc, second: RawArc, scale: float, origin: Point2
) -> DetectedDoor | None:
    """The double door of two leaves closing on the point half way between hinges."""
    radius = first.radius
    if abs(second.radius - radius) > 0.05 * radius:
        return None
    (ax, ay), (bx, by) = first.center, second.center
    if abs(math.dist(first.center, second.center) - 2 * radius) > 0.1 * radius:
        return None
    middle = ((ax + bx) / 2, (ay + by) / 2)
    tips = []
    for arc in (first, second):
        near = [math.dist(end, middle) for end in arc.ends]
        closed = int(np.argmin(near))
        if near[closed] > 0.1 * radius:
            return None
        tips.append(arc.ends[1 - closed])
    tip = ((tips[0][0] + tips[1][0]) / 2, (tips[0][1] + tips[1][1]) / 2)
    hinge, latch, swing_to = _placed(
        Swing(first.center, second.center, tip), scale, origin
    )
    return DetectedDoor(
        f"door-{first.key}", hinge, latch, swing_to, layer=first.layer,
        method=DoorMethod.ARC,
    )  # fmt: skip


def double_acting_doors(
    arcs: Sequence[RawArc],
    scale: float,
    origin: Point2 = (0.0, 0.0),
    taken: Sequence[Point2] = (),
) -> tuple[list[DetectedDoor], set[int]]:
    """Double-acting doors: two arcs from one hinge swinging to opposite sides.

    The two arcs share the end where the leaf is closed (the latch); their other
    ends lie on either side of the wall. Two such leaves meeting at their latches
    are a double-acting double door. Returns the doors and the indexes of the arcs
    they used.

    Example:
        Two 45-degree arcs of 0.9 m about (0, 0), closed along +x:

        >>> up = RawArc("1", (0.0, 0.0), 0.9, ((0.9, 0.0), (0.64, 0.64)),
        ...             (0.83, 0.34), 45.0, "Doors")
        >>> down = RawArc("2", (0.0, 0.0), 0.9, ((0.64, -0.64), (0.9, 0.0)),
        ...               (0.83, -0.34), 45.0, "Doors")
        >>> [door], used = double_acting_doors([up, down], 1.0)
        >>> door.hinge, door.latch, door.double_acting, sorted(used)
        ((0.0, 0.0), (0.9, 0.0), True, [0, 1])
    """
    low_deg, high_deg = DOUBLE_ACTING_SPAN_DEG
    low_m, high_m = LONE_RADIUS_M
    by_hinge: dict[tuple[float, float], list[int]] = {}
    for i, arc in enumerate(arcs):
        if (
            low_deg <= arc.span_deg <= high_deg
            and low_m <= arc.radius * scale <= high_m
        ):
            key = (round(arc.center[0] * scale, 2), round(arc.center[1] * scale, 2))
            by_hinge.setdefault(key, []).append(i)
    found: list[DetectedDoor] = []
    used: set[int] = set()
    for group in by_hinge.values():
        for n, a in enumerate(group):
            for b in group[n + 1 :]:
                if a in used or b in used:
                    continue
                door = _both_ways(arcs[a], arcs[b], scale, origin)
                if door is not None:
                    found.append(door)
                    used.update((a, b))
    return join_leaves(_away(found, taken)), used


def _both_ways(
    first: RawArc, second: RawArc, scale: float, origin: Point2
) -> DetectedDoor | None:
    """The double-acting leaf of two arcs about one hinge, or None if they're not."""
    if abs(first.radius - second.radius) > 0.05 * first.radius:
        return None
    tol = 0.05 * first.radius
    for p in first.ends:
        for q in second.ends:
            if math.dist(p, q) > tol:
                continue
            tip_a = first.ends[1] if p == first.ends[0] else first.ends[0]
            tip_b = second.ends[1] if q == second.ends[0] else second.ends[0]
            hx, hy = first.center
            lx, ly = p[0] - hx, p[1] - hy
            side_a = lx * (tip_a[1] - hy) - ly * (tip_a[0] - hx)
            side_b = lx * (tip_b[1] - hy) - ly * (tip_b[0] - hx)
            if side_a * side_b >= 0:
                return None
            hinge, latch, tip = _placed(Swing(first.center, p, tip_a), scale, origin)
            return DetectedDoor(
                f"door-{first.key}",
                hinge,
                latch,
                tip,
                layer=first.layer,
                method=DoorMethod.ARC,
                double_acting=True,
            )
    return None


def _away(doors: list[DetectedDoor], taken: Sequence[Point2]) -> list[DetectedDoor]:
    """The doors whose hinge is not where a door block already is."""
    return [
        door
        for door in doors
        if all(math.dist(door.hinge, p) > SAME_PLACE_M for p in taken)
    ]


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
        doors.append(
            DetectedDoor(
                f"door-{arc.key}", *placed, layer=arc.layer, method=DoorMethod.ARC
            )
        )
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
