"""Exact sight through slots, against areas worked out by hand."""

from __future__ import annotations

import pytest
from shapely.geometry import MultiPolygon, box

from designreview.analysis.apertures import Aperture, Gate, sight_through

THIN = Aperture((0.0, 0.0), (1.0, 0.0), (Gate(0.0, 0.0, 1.0),))
"""A 1 m slot in a wall on y = 0, looking up (+y)."""


def test_a_thick_slot_lets_through_the_lines_between_its_diagonals():
    # A 1 x 1 m slot (faces y = 0 and y = 1, x 0..1) seen from everywhere below:
    # beyond y = 1 the lines (0, 0)-(1, 1) and (1, 0)-(0, 1) bound the view, so at
    # height h above the slot it is 1 + 2h wide; up to h = 2 that is 2 + 4 = 6 m².
    slot = Aperture((0.0, 0.0), (1.0, 0.0), (Gate(0.0, 0.0, 1.0), Gate(1.0, 0.0, 1.0)))
    seen = sight_through(slot, box(-50, -50, 50, -1))
    assert seen.intersection(box(-5, 1, 6, 3)).area == pytest.approx(6.0)


def test_viewers_off_to_one_side_see_the_other_way():
    # Viewers in the box x 2..3, y -2..-1 looking through the thin slot: the
    # steepest line through its right end (1, 0) comes from (2, -2), direction
    # (-1, 2): x <= 1 - y / 2; the most oblique through its left end (0, 0) from
    # (3, -1), direction (-3, 1): x >= -3y. At height y the view is 1 + 2.5 y wide;
    # up to y = 2 that is 2 + 5 = 7 m².
    seen = sight_through(THIN, box(2, -2, 3, -1))
    assert seen.intersection(box(-10, 0, 10, 2)).area == pytest.approx(7.0)


def test_the_frame_is_the_same_in_any_orientation():
    # The slot of the test above turned a quarter turn: wall on x = 0, looking -x.
    turned = Aperture((0.0, 0.0), (0.0, 1.0), (Gate(0.0, 0.0, 1.0),))
    seen = sight_through(turned, box(1, 2, 2, 3))
    assert seen.intersection(box(-2, -10, 0, 10)).area == pytest.approx(7.0)


def test_viewers_in_two_parts_see_the_union_of_their_views():
    # Two viewer boxes mirrored about x = 0.5, each seeing a 7 m² wedge up to
    # y = 2 (above). The wedges overlap where x >= -3y and x <= 1 + 3y and also
    # x <= 1 - y/2 and x >= y/2: between y/2 and 1 - y/2 up to y = 1, 0.5 m²:
    # 7 + 7 - 0.5 = 13.5 m².
    viewers = MultiPolygon([box(2, -2, 3, -1), box(-2, -2, -1, -1)])
    seen = sight_through(THIN, viewers)
    assert seen.intersection(box(-10, 0, 10, 2)).area == pytest.approx(13.5)


@pytest.mark.parametrize(
    "viewers",
    [box(-1, 0, 2, 1), box(-1, -1, 2, 1).difference(box(-1, -1, 2, 0))],
    ids=["beyond the slot", "only on its face"],
)
def test_viewers_not_in_front_of_the_slot_see_nothing(viewers):
    assert sight_through(THIN, viewers).is_empty


def test_a_slot_narrower_at_depth_than_its_face_is_still_exact():
    # Gates x 0..1 at y = 0 and x 0.25..0.75 at y = 0.5, everyone below: the
    # bounding lines are (0, 0)-(0.75, 0.5) and (1, 0)-(0.25, 0.5), slope 2/3,
    # so at height h above y = 0.5 the view is 0.5 + 2 * 1.5 h wide; up to h = 1,
    # 0.5 + 1.5 = 2 m².
    slot = Aperture(
        (0.0, 0.0), (1.0, 0.0), (Gate(0.0, 0.0, 1.0), Gate(0.5, 0.25, 0.75))
    )
    seen = sight_through(slot, box(-50, -50, 50, -1))
    assert seen.intersection(box(-5, 0.5, 6, 1.5)).area == pytest.approx(2.0)
