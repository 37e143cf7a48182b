"""ROOM-2 on classrooms whose hard corners are worked out by hand.

The plan (tests/fixtures/plans.py ``thick_classroom``): a 9 x 7.5 m classroom above a
corridor, behind a 0.15 m double-line wall (room face y = 0, corridor face y = -0.15,
jambs drawn across it). Doors are 0.9 m, drawn on the room face; an unmarked door has
a 0.25 m vision panel centred in its 1 3/4 in (0.04445 m) leaf, which lies on the door
line on the corridor side (y from -0.04445 to 0) because the frame is deeper there.
Usable floor after the 0.45 m clearance: x 0.45..8.55, y 0.45..7.05, 8.1 x 6.6 =
53.46 m². Occupants: ceil(67.5 / 1.86) = 37, who need 37 x 0.46 = 17.02 m².

The steepest sight line through a door at x = a..a+0.9 runs from the frame's corridor
corner (a, -0.15) to the far end of the panel on the room face (a + 0.575, 0): slope
0.15 / 0.575 = 0.26087, i.e. 75.4 degrees off square. Every line through the panel
and the frame is at least that steep (the panel alone would allow 0.04445 / 0.25 =
0.178, the frame's own diagonal 0.15 / 0.9 = 0.167, both shallower but blocked by the
other), and the viewers in the corridor are no limit: that line runs on into the
corridor right past the frame's corner, well within 3 m of the glass.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.fixtures.plans import SHEET, classroom, review_of, thick_classroom

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import hard_corner
from designreview.analysis.rules.base import CheckContext
from designreview.model.findings import Severity
from designreview.model.markups import AccessPoint, Stamp

STAMP = Stamp("r", "2026-11-28T10:00:00+00:00")
SLOPE = 0.15 / 0.575  # the steepest line through panel and frame, above


def context(plan, markups=()):
    review = review_of(markups)
    return CheckContext(review, building_view(review, review.sheets[0], plan))


def corner_area(plan, markups=(), **params):
    ctx = context(plan, markups)
    room = ctx.building.room("room")
    corner = hard_corner.hard_corner(ctx, room, replace(hard_corner.Params(), **params))
    return corner, hard_corner.check(ctx, replace(hard_corner.Params(), **params))


def test_one_door_in_a_corner_leaves_a_thin_wedge_along_its_wall():
    corner, findings = corner_area(thick_classroom())
    # Door at x 0.15..1.05: the line y = SLOPE (x - 0.725) leaves y = 0.45 at
    # x = 0.725 + 0.45 / SLOPE = 2.45 and reaches y = SLOPE * 7.825 = 2.0413 at
    # x = 8.55. Below it lies the hidden triangle 0.5 * 6.1 * (6.1 * SLOPE) =
    # 4.8535 m². Toward the corner the mirror line y = SLOPE (0.475 - x) stays below
    # the clearance (0.0065 m at x = 0.45), so the corner by the door is seen.
    # (The fan model reported 33.9 m², and 31.5 with its sign fixed.)
    assert corner.area == pytest.approx(0.5 * 6.1 * 6.1 * SLOPE, abs=1e-6)
    assert corner.bounds == pytest.approx((2.45, 0.45, 8.55, 0.45 + 6.1 * SLOPE))
    [failure] = findings  # 4.85 m² for 37 occupants who need 17.02 m²
    assert failure.severity is Severity.FAIL
    assert "4.9 m²" in failure.message
    assert "37 occupants need 17.0 m²" in failure.message


def test_two_doors_in_opposite_corners_fail():
    corner, [failure] = corner_area(
        thick_classroom(door_spans=((0.15, 1.05), (7.95, 8.85)))
    )
    # The second door's wedge mirrors the first: y = SLOPE (8.275 - x). Unseen by
    # both is the triangle under both lines, from x 2.45 to 6.55 on y = 0.45, apex
    # where they cross at x = 4.5, y = SLOPE * 3.775 = 0.98478:
    # 0.5 * 4.1 * (0.98478 - 0.45) = 1.0963 m².
    assert corner.area == pytest.approx(0.5 * 4.1 * (SLOPE * 3.775 - 0.45), abs=1e-6)
    assert failure.severity is Severity.FAIL
    assert failure.subjects == ("room",)
    assert failure.overlay  # the (too small) corner is drawn
    assert "37 occupants need 17.0 m²" in failure.message


def test_a_door_without_glass_hides_the_whole_usable_room():
    solid = AccessPoint("ap", SHEET, STAMP, STAMP, (0.6, 0.0), has_vision_panel=False)
    corner, findings = corner_area(thick_classroom(), [solid])
    # Nothing to see through: the corner is all of 8.1 x 6.6 = 53.46 m².
    assert corner.area == pytest.approx(53.46)
    assert findings == []


def test_an_18_in_sidelite_beside_the_latch_narrows_the_wedge():
    corner, _ = corner_area(thick_classroom(sidelite_spans=((1.2, 1.6572),)))
    # The 0.4572 m sidelite (x 1.2..1.6572, glass on both faces, 0.15 m reveal)
    # lets through at most the slope k = 0.15 / 0.4572 = 0.328084, from its end:
    # y = k (x - 1.6572), which leaves y = 0.45 at x0 = 1.6572 + 0.45 / k = 3.0288.
    # It lies below the door's line y = SLOPE (x - 0.725) until they cross at
    # xc = (1.6572 k - 0.725 SLOPE) / (k - SLOPE) = 5.275212, where both are
    # 1.187012. Hidden: the triangle under the sidelite's line from x0 to xc,
    # 0.5 * 2.246412 * 0.737012 = 0.827816, and the trapezoid under the door's line
    # from xc to 8.55, 3.274788 * (0.737012 + 1.591304) / 2 = 3.812371: 4.640187 m².
    k = 0.15 / 0.4572
    xc = (1.6572 * k - 0.725 * SLOPE) / (k - SLOPE)
    x0 = 1.6572 + 0.45 / k
    triangle = 0.5 * (xc - x0) * (k * (xc - 1.6572) - 0.45)
    top = SLOPE * (8.55 - 0.725) - 0.45
    trapezoid = (8.55 - xc) * (k * (xc - 1.6572) - 0.45 + top) / 2
    assert triangle + trapezoid == pytest.approx(4.640187, abs=1e-6)
    assert corner.area == pytest.approx(triangle + trapezoid, abs=1e-6)
    assert corner.bounds[0] == pytest.approx(x0)


def test_the_corridor_width_does_not_change_what_the_frame_lets_through():
    narrow, _ = corner_area(thick_classroom(corridor_m=1.5))
    wide, _ = corner_area(thick_classroom(corridor_m=3.0))
    # The steepest line through the frame passes the frame's corridor corner and
    # runs into the corridor from there, so a viewer stands on it just outside the
    # door in any corridor: 1.5 m and 3 m wide give the same 4.8535 m².
    assert narrow.area == pytest.approx(0.5 * 6.1 * 6.1 * SLOPE, abs=1e-6)
    assert wide.area == pytest.approx(narrow.area, abs=1e-9)


def test_a_short_reach_keeps_viewers_off_the_oblique_lines():
    corner, _ = corner_area(thick_classroom(), viewer_reach_m=0.2)
    # Eyes within 0.2 m of the glass (the panel's corridor face, y = -0.04445, x
    # 0.475..0.725) reach the corridor face y = -0.15 no farther left than
    # x = 0.475 - sqrt(0.2² - 0.10555²) = 0.305120. The steepest line from there
    # through the panel's far end (0.725, 0) has slope k = 0.15 / 0.419880 =
    # 0.357245, steeper than the frame's 0.26087; it leaves y = 0.45 at
    # x = 0.725 + 0.45 / k = 1.984640, so the hidden triangle is
    # 0.5 * 6.565360² * k = 7.6993 m² (the reach's circle is drawn as a 128-gon
    # inside it, which moves this by 0.002).
    k = 0.15 / (0.725 - (0.475 - (0.2**2 - (0.15 - 0.04445) ** 2) ** 0.5))
    length = 8.55 - (0.725 + 0.45 / k)
    assert corner.area == pytest.approx(0.5 * length * length * k, abs=0.003)
    assert corner.area > 0.5 * 6.1 * 6.1 * SLOPE  # more hidden than with 3 m


def test_no_reach_means_no_viewers():
    # A reach of 0 leaves nobody at the glass: the whole usable room is hidden.
    corner, findings = corner_area(thick_classroom(), viewer_reach_m=0.0)
    assert corner.area == pytest.approx(53.46)
    assert findings == []


def test_single_line_walls_leave_only_the_leaf_to_limit_the_view():
    ctx = context(classroom())
    corner = hard_corner.hard_corner(
        ctx, ctx.building.room("room"), hard_corner.Params()
    )
    # classroom(): 9 x 9 m, walls drawn as single lines, door x 0.3..1.2, panel
    # 0.625..0.875. With no frame drawn, the leaf (0.04445 m) is the slot: slope
    # k = 0.04445 / 0.25 = 0.1778 from (0.875, 0), leaving y = 0.45 at
    # x = 0.875 + 0.45 / k = 3.405934; hidden 0.5 * 5.144066² * k = 2.35242 m².
    k = 0.04445 / 0.25
    length = 8.55 - (0.875 + 0.45 / k)
    assert corner.area == pytest.approx(0.5 * length * length * k, abs=1e-6)
