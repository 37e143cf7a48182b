"""Stairs join floors: an upper floor's exit access ends at its stairs (EGRESS-1),
while refuge in a lockdown stays on the floor (REFUGE-1).

Both floors below are the same plan, drawn in one coordinate system:

    room (office) x -9..0, y -3..3 | corridor x 0..20, y -3..0 | stair x 20..24
             door in x = 0, y -2..-1      door in x = 20, y -2..-1

The ground floor also has an exterior door in the room's west wall (x = -9, y 0..1).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from tests.fixtures.plans import plan_of, wall_line

from designreview.analysis.rules import egress_distance, refuge_reach
from designreview.analysis.run import run_checks
from designreview.model.building import DetectedDoor, DetectedSpace
from designreview.model.findings import Severity
from designreview.model.ids import ReviewId, SheetId
from designreview.model.markups import SpaceType
from designreview.model.review import CheckSetting, Review, Sheet

GROUND, UPPER = SheetId("ground"), SheetId("upper")
EGRESS = {"EGRESS-1": egress_distance}
REFUGE = {"REFUGE-1": refuge_reach}


def floor(
    exterior_door=False, stair_type=SpaceType.STAIR, hardware="OFFICE", open_stair=False
):
    walls = [
        *wall_line([(0, -2), (0, -3), (-9, -3)]),
        *wall_line([(-9, 1), (-9, 3), (0, 3), (0, -1)]),
        [-9, -3, -9, 0] if exterior_door else [-9, -3, -9, 1],
        *wall_line([(0, 0), (24, 0), (24, -3), (0, -3)]),
    ]
    doors = [DetectedDoor("d-room", (0, -2), (0, -1), (-0.9, -2), "101", hardware)]
    if not open_stair:
        walls += [[20, 0, 20, -1], [20, -2, 20, -3]]
        doors.append(
            DetectedDoor("d-stair", (20, -2), (20, -1), (20.9, -2), "S1", "PASSAGE")
        )
    if exterior_door:
        doors.append(
            DetectedDoor("d-out", (-9, 0), (-9, 1), (-9.9, 0), "E1", "EXIT DEVICE")
        )
    spaces = [
        DetectedSpace(
            "room", ((-9, -3), (0, -3), (0, 3), (-9, 3)), "OFFICE", "101",
            SpaceType.OFFICE,
        ),
        DetectedSpace(
            "hall", ((0, -3), (20, -3), (20, 0), (0, 0)), "CORRIDOR", "150",
            SpaceType.CORRIDOR,
        ),
        DetectedSpace(
            "stair", ((20, -3), (24, -3), (24, 0), (20, 0)), "STAIR", "", stair_type,
        ),
    ]  # fmt: skip
    return plan_of(walls, doors, spaces)


def review(*sheet_ids, settings=()):
    names = {GROUND: ("Ground floor", 0), UPPER: ("Upper floor", 1)}
    sheets = tuple(
        Sheet(s, names[s][0], f"{s}.dxf", s, level=names[s][1]) for s in sheet_ids
    )
    return Review(ReviewId("r"), sheets=sheets, check_settings=settings)


def limit(metres):
    return (CheckSetting("EGRESS-1", "unsprinklered_m", metres),)


def test_an_upper_floor_room_walks_to_its_stair():
    plans = {GROUND: floor(exterior_door=True), UPPER: floor()}
    # Upper floor: from the room's door (0, -1.5) straight along y = -1.5 to the
    # stair door (20, -1.5) is 20 m (0.5 m clear of each jamb, more than the 0.2 m
    # body clearance), then across the room from its door to the far corner
    # (-9, 3): sqrt(9² + 4.5²) = sqrt(101.25) = 10.062 m. Farthest walk 30.062 m.
    far = math.hypot(9, 4.5)
    assert 20 + far == pytest.approx(30.062, abs=1e-3)
    passed = run_checks(review(GROUND, UPPER), plans, EGRESS)
    assert passed.findings == ()  # within 200 ft, not "no walking route"
    over = run_checks(review(GROUND, UPPER, settings=limit(30.0)), plans, EGRESS)
    [room] = [f for f in over.findings if f.sheet_id == UPPER]
    assert room.subjects == ("room",)
    assert "OFFICE 101 the walk to the nearest exit is 30 m" in room.message
    under = run_checks(review(GROUND, UPPER, settings=limit(30.1)), plans, EGRESS)
    assert [f for f in under.findings if f.sheet_id == UPPER] == []


def test_an_open_stair_is_entered_along_its_edge():
    # No wall and no door at x = 20: the stair is entered anywhere along its
    # edge, stood in for by points a metre apart, (20, -2) and (20, -1) nearest:
    # sqrt(20² + 0.5²) = 20.006 m from the room's door, 30.068 m in all.
    plans = {GROUND: floor(exterior_door=True), UPPER: floor(open_stair=True)}
    assert 20.006 + math.hypot(9, 4.5) == pytest.approx(30.068, abs=1e-3)
    over = run_checks(review(GROUND, UPPER, settings=limit(30.0)), plans, EGRESS)
    assert [f.subjects for f in over.findings if f.sheet_id == UPPER] == [("room",)]
    under = run_checks(review(GROUND, UPPER, settings=limit(30.1)), plans, EGRESS)
    assert [f for f in under.findings if f.sheet_id == UPPER] == []


def test_a_stair_that_only_leads_up_is_no_exit_on_the_ground_floor():
    plans = {GROUND: floor(exterior_door=True), UPPER: floor()}
    # Ground floor: the hall's east end (x ~ 19) is 1 m from the stair, but the
    # stair leads only up; its exit is E1, through the room: about 19 m along the
    # hall to the room's door and 9 m across the room, ~27 m, over a 25 m limit;
    # the stair itself is exit access there too, farther still.
    result = run_checks(review(GROUND, UPPER, settings=limit(25.0)), plans, EGRESS)
    ground = [f.subjects for f in result.findings if f.sheet_id == GROUND]
    assert ground == [("hall",), ("stair",)]
    # The upper floor's hall ends 20 m at most from its stair: only the room fails.
    upper = [f.subjects for f in result.findings if f.sheet_id == UPPER]
    assert upper == [("room",)]


def test_an_upper_floor_reviewed_alone_leaves_by_its_stair():
    # Without the floor below, a floor with no exterior door has no other way out.
    result = run_checks(review(UPPER), {UPPER: floor()}, EGRESS)
    assert result.findings == ()


def test_a_floor_without_stair_or_exterior_door_fails_once():
    plans = {UPPER: floor(stair_type=SpaceType.STORAGE)}
    [no_exit] = run_checks(review(UPPER), plans, EGRESS).findings
    assert no_exit.severity is Severity.FAIL
    assert no_exit.message.startswith("Upper floor has no exit: no exterior door")
    assert "type the stair spaces as stair" in no_exit.message


def test_stairs_do_not_join_floors_for_refuge():
    # Upper floor: its only room does not lock (passage set), so the hall has no
    # refuge on its floor. The ground floor's lockable office is 20 m from the
    # upper hall's far end by way of the stair (x = 20 to the office door at x = 0),
    # but people shelter on their own floor: the upper hall fails REFUGE-1.
    plans = {GROUND: floor(exterior_door=True), UPPER: floor(hardware="PASSAGE")}
    result = run_checks(review(GROUND, UPPER), plans, REFUGE)
    assert [(f.sheet_id, f.subjects) for f in result.findings] == [(UPPER, ("hall",))]


def shifted(plan, dx, stair_number):
    """``plan`` drawn ``dx`` metres east (floors side by side in one drawing), its
    stair numbered ``stair_number``."""

    def move(point):
        return (point[0] + dx, point[1])

    lines = tuple(
        replace(w, segments=w.segments + np.array([dx, 0.0, dx, 0.0]))
        for w in plan.linework
    )
    doors = tuple(
        replace(d, hinge=move(d.hinge), latch=move(d.latch), swing_to=move(d.swing_to))
        for d in plan.doors
    )
    spaces = tuple(
        replace(
            s,
            outline=tuple(move(p) for p in s.outline),
            number=stair_number if s.id == "stair" else s.number,
        )
        for s in plan.spaces
    )
    return replace(plan, linework=lines, doors=doors, spaces=spaces)


@pytest.mark.parametrize(("number", "leads_down"), [("S1", True), ("", False)])
def test_floors_side_by_side_join_by_the_stair_number(number, leads_down):
    # The upper floor is drawn 100 m east of the ground floor, so their stairs do
    # not overlap, and it has an exterior door of its own (a bridge), so its stair
    # is an exit only if it leads down. Named "Stair S1" on both, it does: the
    # hall's far end is ~1 m from it. A bare "STAIR" joins nothing, and the hall's
    # east end is then ~27 m from E1 (as on the ground floor), over 25 m.
    ground = shifted(floor(exterior_door=True), 0.0, number)
    upper = shifted(floor(exterior_door=True), 100.0, number)
    result = run_checks(
        review(GROUND, UPPER, settings=limit(25.0)),
        {GROUND: ground, UPPER: upper},
        EGRESS,
    )
    upper_fails = [f.subjects for f in result.findings if f.sheet_id == UPPER]
    assert upper_fails == ([] if leads_down else [("hall",), ("stair",)])
