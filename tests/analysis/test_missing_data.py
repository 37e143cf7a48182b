"""Missing data is asked for once, never reported as a flood of fails.

A review with no cameras yet, or a sheet whose doors were not found, gets one
needs-information finding; the checks that need the missing data say nothing else.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely.geometry import Polygon
from tests.fixtures.plans import SHEET, classroom, long_corridor, review_of

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import RULES
from designreview.analysis.rules.base import CheckContext
from designreview.analysis.run import run_checks
from designreview.model.findings import Severity
from designreview.model.ids import SheetId
from designreview.model.markups import Camera, Observer, ObserverKind, Stamp
from designreview.model.review import Sheet

STAMP = Stamp("r", "2026-11-28T10:00:00+00:00")
UPPER = SheetId("sheet-2")


def run(rule_id, plan, markups=()):
    review = review_of(markups)
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    return RULES[rule_id].check(ctx, RULES[rule_id].Params())


def two_floors(markups=()):
    review = review_of(markups)
    upper = Sheet(UPPER, "Level 2", "test.dxf", "x", level=1)
    return replace(review, sheets=(*review.sheets, upper))


def test_no_cameras_planned_is_one_needs_information_for_the_review():
    plan = long_corridor(exits=("west", "east"))
    rules = {"CAM-1": RULES["CAM-1"], "SURV-1": RULES["SURV-1"]}
    # Two floors, two exterior doors each, no camera and no observer anywhere:
    # one finding on the first floor, not a CAM-1 fail per door and a SURV-1 fail.
    result = run_checks(two_floors(), {SHEET: plan, UPPER: plan}, rules)
    [unknown] = result.findings
    assert unknown.rule == "CAM-1"
    assert unknown.severity is Severity.NEEDS_INFORMATION
    assert unknown.sheet_id == SHEET
    assert unknown.message.startswith(
        "No cameras are planned in this review, so CAM-1 (identification at the 4 "
        "exterior doors) and the camera part of SURV-1 cannot be assessed."
    )
    # One camera on the first floor, watching neither exit: the design has cameras
    # now, so every exterior door on both floors fails CAM-1 (2 + 2).
    camera = Camera("c", SHEET, STAMP, STAMP, (50.0, -1.5), 90.0, 60.0, 20.0, 1920)
    result = run_checks(two_floors([camera]), {SHEET: plan, UPPER: plan}, rules)
    cam = [f for f in result.findings if f.rule == "CAM-1"]
    assert (
        sorted(f.severity.value for f in cam if f.severity is not Severity.INFO)
        == ["fail"] * 4
    )


def test_surv_1_judges_staff_alone_before_cameras_are_planned():
    plan = classroom()
    # The teacher at the middle of the 9 x 9 m classroom sees the corridor through
    # the door (x 0.3 to 1.2 on y = 0) only. Rays from (4.5, 4.5) through the
    # jambs reach y = -3 at x = 4.5 - 4.2 * 7.5 / 4.5 = -2.5 and
    # x = 4.5 - 3.3 * 7.5 / 4.5 = -1.0: a trapezoid of (0.9 + 1.5) / 2 * 3 = 3.6 m²
    # of the 15 x 3 = 45 m² corridor, 8%. The blind part east of it is
    # 45 - 3.6 - (3.3 + 0.5) / 2 * 3 = 35.7 m² (384 sq ft), over 100 sq ft; the
    # part west of it, 5.7 m², is not.
    teacher = Observer("o", SHEET, STAMP, STAMP, (4.5, 4.5), ObserverKind.STAFF_POST)
    [staff] = run("SURV-1", plan, [teacher])
    assert staff.severity is Severity.WARNING
    assert staff.message.startswith(
        "Staff observers alone see 8% of corridors and commons; 1 blind spot is "
        "larger than 100 sq ft. No cameras are planned yet"
    )
    [spot] = staff.overlay
    assert Polygon(spot).area == pytest.approx(35.7, abs=0.05)
    # Once a camera is planned (here one facing away, inside the classroom), the
    # same view is a fail.
    away = Camera("c", SHEET, STAMP, STAMP, (4.5, 8.8), 90.0, 90.0, 30.0, 1920)
    [fail] = run("SURV-1", plan, [teacher, away])
    assert fail.severity is Severity.FAIL
    assert fail.message.startswith("Staff and cameras see 8%")
    # Neither staff nor cameras: CAM-1 asks for the cameras; SURV-1 says nothing.
    assert run("SURV-1", plan) == []


def test_a_sheet_without_doors_asks_for_them_once():
    # Two 9 x 9 m classrooms on a 100 m corridor, but the door layer was not read.
    plan = replace(long_corridor(classroom_xs=(0.0, 40.0)), doors=())
    [doors] = run("DATA-1", plan)
    assert doors.severity is Severity.NEEDS_INFORMATION
    assert doors.message.startswith("No doors were found on Level 1 (3 rooms)")
    assert "Review > Layer Roles" in doors.message
    assert doors.key == "DATA-1:sheet-1:doors"
    # The door checks skip the sheet instead of failing every room for want of a
    # way in: before, REFUGE-1 failed the whole corridor ("no room that locks").
    for rule in ("REFUGE-1", "REFUGE-2", "EGRESS-1", "ROOM-1", "ENTRY-1"):
        assert run(rule, plan) == [], rule
