"""Doors drawn without a door block: wall openings, lines across them, leaf lines,
bare gaps, and double-acting swing arcs.

Every plan is a few segments in metres. The wall runs along y = 0 (outer face) and
y = 0.2 (inner face): 0.2 m thick. An opening from x = a to x = b has a jamb at each
side, (a, 0)-(a, 0.2) and (b, 0)-(b, 0.2); the opening's line is the wall's centre
line from (a, 0.1) to (b, 0.1), so its width is b - a.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from designreview.model.building import DetectedDoor, DoorMethod
from designreview.recognition.doors.detection import detect_doors, double_acting_doors
from designreview.recognition.doors.openings import find_openings, line_doors
from designreview.recognition.found import RawArc

NONE = np.empty((0, 4))


def wall_with_opening(a: float, b: float, thickness: float = 0.2) -> np.ndarray:
    """A wall from x = a - 2 to b + 2 with an opening between a and b."""
    t = thickness
    return np.array(
        [
            [a - 2, 0.0, a, 0.0], [a - 2, t, a, t], [a, 0.0, a, t],
            [b, 0.0, b + 2, 0.0], [b, t, b + 2, t], [b, 0.0, b, t],
        ]
    )  # fmt: skip


def test_a_bare_gap_between_jambs_is_a_door_with_unknown_hinge():
    # 0.9 m opening from x = 1 to 1.9: one door, 1.9 - 1.0 = 0.9 m wide, on the
    # wall's centre line y = 0.1; nothing shows the swing.
    [door] = find_openings(wall_with_opening(1.0, 1.9), NONE, NONE).doors
    assert door.method is DoorMethod.GAP
    assert door.hinge_known is False
    assert door.width_m == pytest.approx(0.9)
    assert {door.hinge, door.latch} == {(1.0, 0.1), (1.9, 0.1)}
    assert door.center == pytest.approx((1.45, 0.1))


def test_a_door_layer_line_across_the_opening_is_a_door_by_line():
    line = np.array([[1.0, 0.1, 1.9, 0.1]])  # across the opening, jamb to jamb
    [door] = find_openings(wall_with_opening(1.0, 1.9), line, NONE).doors
    assert door.method is DoorMethod.LINE
    assert door.hinge_known is False
    assert door.width_m == pytest.approx(0.9)


def test_a_leaf_line_standing_from_one_jamb_gives_the_hinge():
    # The leaf stands at x = 1.0 from the inner face (y = 0.2) up to y = 1.1:
    # 0.9 m long, the opening's width. The hinge is the jamb at x = 1.0, the latch
    # the other jamb, and the door opens toward the leaf's tip (1.0, 1.1).
    leaf = np.array([[1.0, 0.2, 1.0, 1.1]])
    [door] = find_openings(wall_with_opening(1.0, 1.9), leaf, NONE).doors
    assert door.method is DoorMethod.LEAF
    assert door.hinge_known is True
    assert door.hinge == (1.0, 0.1)
    assert door.latch == (1.9, 0.1)
    assert door.swing_to == (1.0, 1.1)


def test_the_leaf_at_the_far_jamb_puts_the_hinge_there():
    leaf = np.array([[1.9, 1.1, 1.9, 0.2]])  # drawn tip first, from the x = 1.9 jamb
    [door] = find_openings(wall_with_opening(1.0, 1.9), leaf, NONE).doors
    assert (door.hinge, door.latch, door.swing_to) == (
        (1.9, 0.1),
        (1.0, 0.1),
        (1.9, 1.1),
    )


def test_two_half_leaves_are_one_double_door():
    # A 1.8 m opening (x = 1 to 2.8) with a 0.9 m leaf at each jamb: 0.9 / 1.8 is
    # half the opening, so each is one leaf of a double door 1.8 m wide. It opens
    # toward the middle of the two tips, ((1 + 2.8) / 2, 1.1) = (1.9, 1.1).
    leaves = np.array([[1.0, 0.2, 1.0, 1.1], [2.8, 0.2, 2.8, 1.1]])
    [door] = find_openings(wall_with_opening(1.0, 2.8), leaves, NONE).doors
    assert door.method is DoorMethod.LEAF
    assert door.width_m == pytest.approx(1.8)
    assert door.swing_to == pytest.approx((1.9, 1.1))


def test_an_opening_with_a_window_line_is_a_window_not_a_door():
    glass = np.array([[1.0, 0.1, 1.9, 0.1]])
    found = find_openings(wall_with_opening(1.0, 1.9), NONE, glass)
    assert found.doors == ()
    assert found.windows == 1


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        (1.0, 1.4, "0.4 m: narrower than the narrowest door (0.6 m)"),
        (1.0, 4.0, "3.0 m: wider than a double door (2.5 m), a corridor opening"),
    ],
)
def test_openings_not_of_door_width_are_no_doors(a, b, why):
    assert find_openings(wall_with_opening(a, b), NONE, NONE).doors == (), why


def test_the_widest_and_narrowest_door_openings_are_doors():
    for a, b in ((1.0, 1.65), (1.0, 3.45)):  # 0.65 m and 2.45 m
        [door] = find_openings(wall_with_opening(a, b), NONE, NONE).doors
        assert door.width_m == pytest.approx(b - a)


def test_a_thin_wall_line_crossing_the_gap_closes_it():
    # A partition running into the opening at x = 1.45, across its whole depth.
    walls = np.vstack([wall_with_opening(1.0, 1.9), [[1.45, -1.0, 1.45, 1.0]]])
    assert find_openings(walls, NONE, NONE).doors == ()


def test_two_columns_two_metres_apart_are_no_door():
    # 0.3 m square columns at x = 0-0.3 and 2.3-2.6: their facing sides are 2.0 m
    # apart and look like jambs, but each closes on itself: no wall ends there.
    def square(x):
        return [[x, 0, x + 0.3, 0], [x + 0.3, 0, x + 0.3, 0.3],
                [x + 0.3, 0.3, x, 0.3], [x, 0.3, x, 0]]  # fmt: skip

    walls = np.array(square(0.0) + square(2.3), dtype=float)
    assert find_openings(walls, NONE, NONE).doors == ()


def test_an_opening_a_door_block_fills_is_not_found_twice():
    block = DetectedDoor("door-1", (1.0, 0.2), (1.9, 0.2), (1.0, 1.1))
    assert find_openings(wall_with_opening(1.0, 1.9), NONE, NONE, [block]).doors == ()


def test_two_openings_in_one_wall_pair_their_own_jambs():
    # Openings 1.0-1.9 and 3.9-4.8 in one wall (the pieces between are 2 m long):
    # the jambs at 1.9 and 3.9 face away from each other, so two doors, not three.
    t = 0.2
    walls = np.array(
        [
            [-1, 0, 1, 0], [-1, t, 1, t], [1, 0, 1, t],
            [1.9, 0, 3.9, 0], [1.9, t, 3.9, t], [1.9, 0, 1.9, t], [3.9, 0, 3.9, t],
            [4.8, 0, 6, 0], [4.8, t, 6, t], [4.8, 0, 4.8, t],
        ],
        dtype=float,
    )  # fmt: skip
    doors = find_openings(walls, NONE, NONE).doors
    assert sorted(round(d.center[0], 2) for d in doors) == [1.45, 4.35]


def test_a_door_line_across_a_single_line_wall_is_a_door():
    # Single-line walls (no faces, no jambs) along y = 0, broken from x = 1 to 2;
    # the door layer bridges the break: one door, 1 m wide, hinge unknown.
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [2.0, 0.0, 3.0, 0.0]])
    [door] = line_doors(walls, np.array([[2.0, 0.0, 1.0, 0.0]]))
    assert door.method is DoorMethod.LINE
    assert door.hinge_known is False
    assert door.width_m == pytest.approx(1.0)


def test_door_lines_that_do_not_bridge_walls_are_no_doors():
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [2.0, 0.0, 3.0, 0.0]])
    lines = np.array(
        [
            [1.0, 0.0, 1.0, 0.9],  # a leaf: its tip touches no wall
            [0.2, 0.0, 0.9, 0.0],  # along the wall: its middle lies on it
            [1.0, 0.0, 3.0, 0.0],  # 2 m but along the wall again
            [1.0, 0.0, 1.4, 0.0],  # 0.4 m: no door is that narrow
        ]
    )
    assert line_doors(walls, lines) == []


def test_a_door_lines_copy_is_one_door():
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [2.0, 0.0, 3.0, 0.0]])
    lines = np.array([[1.0, 0.0, 2.0, 0.0], [2.0, 0.0, 1.0, 0.0]])
    assert len(line_doors(walls, lines)) == 1


def test_the_leaf_line_of_an_arc_door_makes_no_second_door():
    # An arc door at x = 1..1.9 whose leaf (1, 0)-(1, 0.9) ends on a wall at the
    # top: the leaf is the arc door's, not a door across an opening.
    arc_door = DetectedDoor("door-a", (1.0, 0.0), (1.9, 0.0), (1.0, 0.9))
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [0.0, 0.9, 3.0, 0.9]])
    leaf = np.array([[1.0, 0.0, 1.0, 0.9]])
    assert line_doors(walls, leaf, [arc_door]) == []


def arc(key, center, radius, start_deg, end_deg):
    """A RawArc drawn counter-clockwise from ``start_deg`` to ``end_deg``."""
    cx, cy = center

    def at(deg):
        return (cx + radius * math.cos(math.radians(deg)),
                cy + radius * math.sin(math.radians(deg)))  # fmt: skip

    return RawArc(
        key, center, radius, (at(start_deg), at(end_deg)),
        at((start_deg + end_deg) / 2), end_deg - start_deg, "Doors",
    )  # fmt: skip


@pytest.mark.parametrize("span", [45.0, 90.0])
def test_two_arcs_from_one_hinge_to_opposite_sides_are_one_double_acting_door(span):
    # Hinge (0, 0), leaf closed along +x to (0.9, 0); one arc opens up to +span,
    # the other down to -span: one door 0.9 m wide that swings both ways.
    arcs = [
        arc("up", (0.0, 0.0), 0.9, 0.0, span),
        arc("dn", (0.0, 0.0), 0.9, -span, 0.0),
    ]
    doors = detect_doors([], arcs, NONE, 1.0)
    [door] = doors
    assert door.double_acting is True
    assert door.method is DoorMethod.ARC
    assert door.hinge == (0.0, 0.0)
    assert door.latch == pytest.approx((0.9, 0.0))
    assert door.hinge_known is True


def test_a_double_acting_pair_of_leaves_is_one_double_door():
    # Leaves hinged at x = 0 and x = 1.8 meeting at x = 0.9, each swinging 45
    # degrees both ways (4 arcs): one double-acting door 1.8 m wide.
    arcs = [
        arc("1", (0.0, 0.0), 0.9, 0.0, 45.0),
        arc("2", (0.0, 0.0), 0.9, -45.0, 0.0),
        arc("3", (1.8, 0.0), 0.9, 135.0, 180.0),
        arc("4", (1.8, 0.0), 0.9, 180.0, 225.0),
    ]
    [door] = detect_doors([], arcs, NONE, 1.0)
    assert door.double_acting
    assert door.width_m == pytest.approx(1.8)


def test_two_arcs_to_the_same_side_are_not_double_acting():
    # Both arcs open upward from the hinge: copies of one swing, not both ways.
    arcs = [arc("a", (0.0, 0.0), 0.9, 0.0, 45.0), arc("b", (0.0, 0.0), 0.9, 0.0, 45.0)]
    doors, used = double_acting_doors(arcs, 1.0)
    assert doors == []
    assert used == set()


def test_a_single_45_degree_arc_is_no_door():
    # Lone arcs must look like a door swing (60-120 degrees) to be a door.
    assert detect_doors([], [arc("a", (0.0, 0.0), 0.9, 0.0, 45.0)], NONE, 1.0) == ()
