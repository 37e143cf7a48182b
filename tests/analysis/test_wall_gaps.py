"""The opening at a click, on walls small enough to work out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from designreview.analysis.wall_gaps import GapVerdict, wall_gap

# A 0.2 m thick double-line wall along y = 0 .. 0.2, its faces stopping at x = 1 and
# starting again at x = 1.9, a jamb closing each side: a 0.9 m opening whose middle
# is (1.45, 0.1), halfway between the jambs' middles (1.0, 0.1) and (1.9, 0.1).
JAMBED = np.array(
    [
        [0.0, 0.0, 1.0, 0.0],
        [0.0, 0.2, 1.0, 0.2],
        [1.0, 0.0, 1.0, 0.2],
        [1.9, 0.0, 3.0, 0.0],
        [1.9, 0.2, 3.0, 0.2],
        [1.9, 0.0, 1.9, 0.2],
    ]
)


def test_a_click_off_the_middle_of_a_jambed_opening_fits_its_whole_width():
    # 0.2 m left of the middle: x = 1.25, nearer the jamb at x = 1.0 (0.25 m away)
    # than the one at x = 1.9 (0.65 m): that is the hinge side, so the door runs
    # from (1.0, 0.1) to (1.9, 0.1), angle 0 degrees.
    fit = wall_gap(JAMBED, (1.25, 0.1))
    assert fit is not None
    assert fit.verdict is GapVerdict.DOOR
    assert fit.gap.width_m == pytest.approx(0.9)
    assert fit.gap.middle == pytest.approx((1.45, 0.1))
    assert fit.gap.near == pytest.approx((1.0, 0.1))
    assert fit.gap.angle_deg == pytest.approx(0.0)


def test_the_hinge_goes_to_the_jamb_nearer_the_click():
    # 0.2 m right of the middle (x = 1.65): the jamb at x = 1.9 is 0.25 m away,
    # so the door runs from it toward x = 1.0, angle 180 degrees.
    fit = wall_gap(JAMBED, (1.65, 0.15))
    assert fit is not None
    assert fit.gap.near == pytest.approx((1.9, 0.1))
    assert fit.gap.angle_deg == pytest.approx(180.0)
    assert fit.gap.width_m == pytest.approx(0.9)


def test_a_click_beside_the_wall_still_finds_the_opening():
    # 0.4 m in front of the wall's face (y = -0.4, 0.5 m off the line y = 0.1
    # through the jambs' middles; the reach is 0.6 m).
    fit = wall_gap(JAMBED, (1.5, -0.4))
    assert fit is not None
    assert fit.gap.middle == pytest.approx((1.45, 0.1))


def test_a_click_in_the_room_is_no_opening():
    # 1.4 m from the line through the jambs: too far to mean this opening.
    assert wall_gap(JAMBED, (1.45, 1.5)) is None


def test_open_double_line_ends_without_jambs():
    # The same wall with no jambs drawn: the faces' ends (1.0, 0) and (1.0, 0.2)
    # make one wall end at (1.0, 0.1), and likewise at x = 1.9: a 0.9 m opening.
    faces = JAMBED[[0, 1, 3, 4]]
    fit = wall_gap(faces, (1.3, 0.05))
    assert fit is not None
    assert fit.verdict is GapVerdict.DOOR
    assert fit.gap.width_m == pytest.approx(0.9)
    assert fit.gap.middle == pytest.approx((1.45, 0.1))


def test_single_line_wall_with_a_gap():
    # Lines (0, 0)-(1, 0) and (1.9, 0)-(3, 0): the free ends 0.9 m apart. A click
    # 0.2 m left of the middle and 0.3 m off the wall, (1.25, 0.3).
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [1.9, 0.0, 3.0, 0.0]])
    fit = wall_gap(walls, (1.25, 0.3))
    assert fit is not None
    assert fit.gap.near == pytest.approx((1.0, 0.0))
    assert fit.gap.far == pytest.approx((1.9, 0.0))
    assert fit.gap.middle == pytest.approx((1.45, 0.0))


def test_an_opening_at_a_corner_ends_on_the_side_of_the_cross_wall():
    # A wall along y = 0 ends freely at x = 2; a cross wall runs along x = 3 from
    # y = -2 to 2. The opening is from (2, 0) to the cross wall's side at (3, 0):
    # 1.0 m wide, middle (2.5, 0).
    walls = np.array([[0.0, 0.0, 2.0, 0.0], [3.0, -2.0, 3.0, 2.0]])
    fit = wall_gap(walls, (2.6, 0.1))
    assert fit is not None
    assert fit.gap.width_m == pytest.approx(1.0)
    assert fit.gap.middle == pytest.approx((2.5, 0.0))


def test_a_three_metre_gap_is_too_wide_for_a_door():
    # Ends at x = 1 and x = 4: 3.0 m, more than a double door's 2.5 m.
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [4.0, 0.0, 5.0, 0.0]])
    fit = wall_gap(walls, (2.3, 0.1))
    assert fit is not None
    assert fit.gap.width_m == pytest.approx(3.0)
    assert fit.verdict is GapVerdict.TOO_WIDE


def test_a_forty_centimetre_gap_is_too_narrow_for_a_door():
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [1.4, 0.0, 2.4, 0.0]])
    fit = wall_gap(walls, (1.2, 0.0))
    assert fit is not None
    assert fit.gap.width_m == pytest.approx(0.4)
    assert fit.verdict is GapVerdict.TOO_NARROW


def test_a_closed_wall_has_no_opening():
    walls = np.array([[0.0, 0.0, 3.0, 0.0]])
    assert wall_gap(walls, (1.5, 0.1)) is None
    assert wall_gap(np.empty((0, 4)), (1.5, 0.1)) is None


def test_the_nearest_of_two_openings_is_chosen():
    # Openings x = 1 .. 1.9 and x = 3 .. 4 in one single-line wall; a click at
    # x = 3.4 lies beside the second only.
    walls = np.array([[0.0, 0.0, 1.0, 0.0], [1.9, 0.0, 3.0, 0.0], [4.0, 0.0, 5.0, 0.0]])
    fit = wall_gap(walls, (3.4, 0.1))
    assert fit is not None
    assert fit.gap.middle == pytest.approx((3.5, 0.0))
    assert fit.gap.width_m == pytest.approx(1.0)
