"""The responder map's content on a box worked out by hand, and on the sample school."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.fixtures.plans import SHEET, plan_of, review_of, wall_line

from designreview.analysis.building_view import building_view
from designreview.analysis.responder_map import (
    map_fingerprint,
    next_issue,
    responder_maps,
    sheet_map,
)
from designreview.model.building import DetectedSpace
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Comment,
    Designation,
    SpaceType,
    Stamp,
)
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

STAMP = Stamp("r", "2026-12-08T10:00:00+00:00")


def box_plan():
    """One 20 x 10 m room, 101, with its corners at (0, 0) and (20, 10)."""
    walls = wall_line([(0, 0), (20, 0), (20, 10), (0, 10), (0, 0)])
    room = DetectedSpace(
        "room", ((0, 0), (20, 0), (20, 10), (0, 10)), "CLASSROOM", "101",
        SpaceType.CLASSROOM,
    )  # fmt: skip
    return plan_of(walls, spaces=(room,))


def door(number, at, designation=Designation.EGRESS_ONLY):
    return AccessPoint(
        f"d{number}", SHEET, STAMP, STAMP, at, kind=AccessKind.EXTERIOR_DOOR,
        designation=designation, door_number=number,
    )  # fmt: skip


def box_review(true_north=None):
    doors = [
        door("1", (10.0, 0.0), Designation.PRIMARY_VISITOR_ENTRY),  # south middle
        door("4", (20.0, 5.0)),  # east
        door("2", (0.0, 5.0)),  # west
        door("3", (10.0, 10.0)),  # north
    ]
    review = review_of(doors)
    sheet = replace(review.sheets[0], true_north_deg=true_north)
    return replace(review, sheets=(sheet,))


def box_map(true_north=None):
    review = box_review(true_north)
    return sheet_map(review, building_view(review, review.sheets[0], box_plan()))


def test_doors_run_clockwise_from_the_main_entry():
    # Clockwise from the south door seen from above (y up): west, north, east.
    m = box_map()
    assert [(d.number, d.order) for d in m.doors] == [
        ("1", 1), ("2", 2), ("3", 3), ("4", 4),
    ]  # fmt: skip
    # The south door's outside is -y: its tag goes south of it.
    assert m.doors[0].outward == pytest.approx((0.0, -1.0))


def test_a_plan_turned_so_that_true_north_is_up_gets_its_grid_in_the_turned_frame():
    # True north 90 degrees clockwise from the plan's up (the plan's +x is north):
    # the map turns the plan 90 degrees counter-clockwise, (x, y) -> (-y, x). The
    # doors land at (0, 10), (-5, 0), (-10, 10), (-5, 20); with the 1 m margin x
    # spans -11..1 and y -1..21, 22 m, so the squares are 5 m (22 / 5 = 4.4 <= 15).
    # The grid runs x -15..5 (4 columns A-D) and y -5..25 (6 rows from the top).
    m = box_map(true_north=90.0)
    assert m.rotation_deg == 90.0
    grid = m.grid
    assert (grid.x0, grid.y_top, grid.spacing_m) == (-15.0, 25.0, 5.0)
    assert (grid.columns, grid.rows, grid.label) == (4, 6, "5 m (16.4 ft)")
    cells = {d.number: d.cell for d in m.doors}
    # South door (0, 10): column (0 + 15) / 5 = 3 -> D, row (25 - 10) / 5 = 3 -> 4.
    # West (-5, 0): C6; north (-10, 10): B4; east (-5, 20): C2.
    assert cells == {"1": "D4", "2": "C6", "3": "B4", "4": "C2"}
    # The room's label goes at its middle (10, 5) -> (-5, 10): C4.
    assert [(r.number, r.cell) for r in m.rooms] == [("101", "C4")]


def test_without_true_north_the_plan_keeps_its_up():
    m = box_map()
    assert m.rotation_deg == 0.0
    assert m.true_north_deg is None
    # x -1..21, y -1..11: 5 m squares from x -5 and y 15, so door 1 at (10, 0)
    # is in column (10 + 5) / 5 = 3 -> D and row (15 - 0) / 5 = 3 -> 4.
    assert m.doors[0].cell == "D4"


def test_the_fingerprint_follows_what_the_map_shows_and_nothing_else():
    review = box_review(12.0)
    plan = box_plan()
    base = [sheet_map(review, building_view(review, review.sheets[0], plan))]

    def fingerprint(changed):
        view = building_view(changed, changed.sheets[0], plan)
        return map_fingerprint(changed, [sheet_map(changed, view)])

    assert fingerprint(review) == map_fingerprint(review, base)
    renumbered = replace(
        review, markups=(replace(review.markups[0], door_number="E1"),
                         *review.markups[1:]),
    )  # fmt: skip
    assert fingerprint(renumbered) != map_fingerprint(review, base)
    turned = replace(review, sheets=(replace(review.sheets[0], true_north_deg=13.0),))
    assert fingerprint(turned) != map_fingerprint(review, base)
    comment = Comment("c", SHEET, STAMP, STAMP, (5.0, 5.0), "A comment")
    commented = replace(review, markups=(*review.markups, comment))
    assert fingerprint(commented) == map_fingerprint(review, base)
    issue = next_issue(review, base, "2026-12-08")
    assert (issue.revision, issue.date) == (1, "2026-12-08")
    again = replace(review, responder=replace(review.responder, issued=issue))
    assert next_issue(again, base, "2026-12-09").revision == 2


@pytest.fixture(scope="module")
def sample():
    return load_review_and_plans(sample_review_path())


def test_the_sample_school_map(sample):
    review, plans = sample
    ((_, m),) = responder_maps(review, plans)
    assert m.true_north_deg == 12.0
    assert m.grid.label == "25 ft (7.62 m)"
    assert [d.number for d in m.doors] == [f"E{n}" for n in range(1, 10)]
    assert m.doors[0].designation is Designation.PRIMARY_VISITOR_ENTRY
    rooms = {r.number: r for r in m.rooms}
    assert len(rooms) == 31
    # Room 118's middle (53.454, 74.676) m turned 12 degrees counter-clockwise:
    # x = 53.454 cos 12 - 74.676 sin 12 = 36.760, y = 53.454 sin 12 + 74.676 cos 12
    # = 84.158; the grid starts at x0 and y_top below, 7.62 m squares.
    assert rooms["118"].anchor == pytest.approx((53.454, 74.676), abs=1e-3)
    x0, top = m.grid.x0, m.grid.y_top
    col = int((36.760 - x0) // 7.62)
    row = int((top - 84.158) // 7.62)
    assert rooms["118"].cell == f"{'ABCDEFGHIJKLMN'[col]}{row + 1}"
    assert rooms["151"].hallway == "Classroom Wing"
    assert len(m.marks) == 17
