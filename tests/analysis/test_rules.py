"""The review checks on tiny plans whose answers can be worked out by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.fixtures.plans import (
    SHEET,
    cafeteria_plan,
    classroom,
    entry_suite,
    review_of,
)

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import RULES, room_locks
from designreview.analysis.rules.base import CheckContext
from designreview.analysis.run import run_checks
from designreview.model.findings import Severity
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Camera,
    Designation,
    LockFunction,
    Observer,
    ObserverKind,
    SpaceType,
    Stamp,
)
from designreview.model.review import CheckSetting

STAMP = Stamp("r", "2026-11-28T10:00:00+00:00")


def context(plan, markups=()):
    review = review_of(markups)
    return CheckContext(review, building_view(review, review.sheets[0], plan))


def run(rule_id, plan, markups=(), **params):
    rule = RULES[rule_id]
    return rule.check(context(plan, markups), replace(rule.Params(), **params))


@pytest.mark.parametrize(
    ("hardware", "severity"),
    [
        ("CLASSROOM SECURITY", None),
        ("PASSAGE", Severity.FAIL),
        ("Classroom", Severity.FAIL),
        ("", Severity.NEEDS_INFORMATION),
    ],
)
def test_room_1_classroom_door_lock(hardware, severity):
    results = run("ROOM-1", classroom(hardware=hardware))
    assert [f.severity for f in results] == ([severity] if severity else [])
    if results:
        assert results[0].location == (0.75, 0.0)  # the middle of the door
        # the room's name as the drawing writes it, never title-cased
        assert "Door 100 of CLASSROOM 101" in results[0].message


def test_room_1_reviewer_marking_wins_over_hardware():
    mark = AccessPoint(
        "ap", SHEET, STAMP, STAMP, (0.8, 0.05), lock=LockFunction.INSIDE_LOCKABLE
    )
    assert run("ROOM-1", classroom(hardware="PASSAGE"), [mark]) == []


def test_entry_1_counts_primary_entries():
    plan = classroom()
    doors = [
        AccessPoint(
            f"e{i}",
            SHEET,
            STAMP,
            STAMP,
            (x, -3.0),
            kind=AccessKind.EXTERIOR_DOOR,
            designation=Designation.PRIMARY_VISITOR_ENTRY,
        )
        for i, x in enumerate((2.0, 8.0))
    ]
    [two] = run("ENTRY-1", plan, doors)
    assert two.severity is Severity.FAIL
    assert run("ENTRY-1", plan, doors[:1]) == []
    none = [replace(d, designation=Designation.SECONDARY_STAFF_ENTRY) for d in doors]
    [missing] = run("ENTRY-1", plan, none)
    assert missing.severity is Severity.NEEDS_INFORMATION


def test_cam_1_identification_distance():
    plan = classroom()
    door = AccessPoint(
        "e1", SHEET, STAMP, STAMP, (5.0, -3.0), kind=AccessKind.EXTERIOR_DOOR
    )
    # 1920 px over a 90 degree view: 250 px/m up to 3.84 m away; a camera mounted
    # at 2.5 m sees nothing closer than 2.5 m. The door is 2.8 m from it.
    near = Camera("c1", SHEET, STAMP, STAMP, (5.0, -0.2), -90.0, 90.0, 30.0, 1920, 2.5)
    far = replace(near, position=(-2.5, -0.2), direction_deg=-10.0)

    def fails(markups):
        return [f for f in run("CAM-1", plan, markups) if f.severity is Severity.FAIL]

    assert fails([door, near]) == []
    [failure] = fails([door, far])
    assert "px/m" in failure.message
    away = replace(near, position=(4.5, 8.8), direction_deg=90.0)  # in the room
    [unseen] = fails([door, away])
    assert "no camera sees it" in unseen.message
    under = replace(near, mount_height_m=3.0)  # the door falls in the blind zone
    [blind] = fails([door, under])
    assert "no camera sees it" in blind.message
    [info] = [
        f for f in run("CAM-1", plan, [door, near]) if f.severity is Severity.INFO
    ]
    assert info.message.startswith("CORRIDOR 150:")  # as the plan writes it
    assert "covered by cameras at observation level" in info.message


def test_cam_1_measures_to_the_face_not_along_the_floor():
    plan = classroom()
    # An exterior door in the corridor's east wall, at (12, -1.5); a 2688 px camera
    # across 90 degrees, mounted at 3.6 m (2 m above a face at 1.6 m), looking east
    # along the corridor from 4.9 m or 5.2 m away (both beyond its 3.6 m blind zone).
    door = AccessPoint(
        "e1", SHEET, STAMP, STAMP, (12.0, -1.5), kind=AccessKind.EXTERIOR_DOOR
    )
    cam = Camera("c1", SHEET, STAMP, STAMP, (7.1, -1.5), 0.0, 90.0, 30.0, 2688, 3.6)

    def fails(markups):
        return [f for f in run("CAM-1", plan, markups) if f.severity is Severity.FAIL]

    # 4.9 m: slant sqrt(4.9^2 + 2^2) = 5.2925 m, 2688 / (2 * 5.2925) = 253.9 px/m.
    assert fails([door, cam]) == []
    # 5.2 m: slant sqrt(5.2^2 + 2^2) = 5.5714 m, 241.2 px/m, short of 250 (along
    # the floor alone it would be 2688 / 10.4 = 258.5 px/m and pass).
    [short] = fails([door, replace(cam, position=(6.8, -1.5))])
    assert "the best camera gives 241 px/m" in short.message


def test_surv_1_corridor_watched_by_a_post():
    plan = classroom()
    post = Observer("o", SHEET, STAMP, STAMP, (4.5, -1.5), ObserverKind.STAFF_POST)
    assert run("SURV-1", plan, [post]) == []
    # A camera facing north inside the classroom sees none of the corridor.
    away = Camera("c", SHEET, STAMP, STAMP, (4.5, 8.8), 90.0, 90.0, 30.0, 1920)
    [blind] = run("SURV-1", plan, [away])
    assert blind.severity is Severity.FAIL
    assert "0%" in blind.message


def test_thresholds_come_from_the_review_settings():
    review = replace(
        review_of(),
        check_settings=(CheckSetting("ROOM-2", "area_per_occupant_m2", 100.0),),
    )
    result = run_checks(review, {SHEET: classroom()})
    assert [f.rule for f in result.findings if f.rule == "ROOM-2"] == ["ROOM-2"]


def test_run_checks_sorts_and_keys_are_stable():
    plan = classroom(hardware="PASSAGE")
    first = run_checks(review_of(), {SHEET: plan})
    again = run_checks(review_of(), {SHEET: plan})
    assert [f.key for f in first.findings] == [f.key for f in again.findings]
    ranks = [f.severity.rank for f in first.findings]
    assert ranks == sorted(ranks)
    [room] = [r for r in first.rooms if r.id == "room"]
    assert room.area_m2 == 81.0
    # The leaf alone limits the view (see test_hard_corner.py): 2.35242 m².
    assert room.hard_corner_m2 == 2.35


def test_a_crashing_rule_becomes_a_needs_information_finding():
    class Broken:
        RULE_ID, TITLE, CITATION = "X-1", "broken", "none"
        Params = room_locks.Params

        @staticmethod
        def check(ctx, params):
            raise RuntimeError("boom")

    result = run_checks(review_of(), {SHEET: classroom()}, {"X-1": Broken})
    [f] = result.findings
    assert f.severity is Severity.NEEDS_INFORMATION
    assert "boom" in f.message


def primary_entry_mark():
    return AccessPoint(
        "ap-e1",
        SHEET,
        STAMP,
        STAMP,
        (2.0, 0.05),
        kind=AccessKind.EXTERIOR_DOOR,
        designation=Designation.PRIMARY_VISITOR_ENTRY,
    )


def test_entry_2_locked_inner_doors_hold_the_visitor():
    assert run("ENTRY-2", entry_suite(), [primary_entry_mark()]) == []


def test_entry_2_passage_inner_door_lets_the_visitor_in():
    [failure] = run(
        "ENTRY-2", entry_suite(inner_hardware="PASSAGE"), [primary_entry_mark()]
    )
    assert failure.severity is Severity.FAIL
    assert "LOBBY 100" in failure.message
    assert "lobby" in failure.subjects


def test_entry_2_reaching_the_office_is_allowed():
    plan = entry_suite(office_hardware="PASSAGE")
    assert run("ENTRY-2", plan, [primary_entry_mark()]) == []


def test_entry_4_exterior_door_numbers():
    plan = classroom()

    def door(i, x, number, primary=False):
        return AccessPoint(
            f"x{i}",
            SHEET,
            STAMP,
            STAMP,
            (x, -3.0),
            kind=AccessKind.EXTERIOR_DOOR,
            door_number=number,
            designation=Designation.PRIMARY_VISITOR_ENTRY
            if primary
            else Designation.EGRESS_ONLY,
        )

    # Around the building's middle (4.5, 3): seen from above, clockwise from the
    # entry at x = 5 on the south wall runs west along it: x = 2 next.
    good = [door(0, 5.0, "E1", True), door(1, 2.0, "E2"), door(2, 8.0, "E3")]
    assert run("ENTRY-4", plan, good) == []
    swapped = [door(0, 5.0, "E1", True), door(1, 2.0, "E3"), door(2, 8.0, "E2")]
    [order] = run("ENTRY-4", plan, swapped)
    assert "clockwise" in order.message
    twins = [door(0, 5.0, "E1", True), door(1, 2.0, "E2"), door(2, 8.0, "E2")]
    assert "2 exterior doors are numbered E2" in run("ENTRY-4", plan, twins)[0].message
    missing = [door(0, 5.0, "E1", True), door(1, 2.0, "")]
    assert "has no number" in run("ENTRY-4", plan, missing)[0].message


def test_room_3_glass_beside_the_lever_but_not_the_hinge():
    # Door 100 hinges at x = 0.3 and latches at x = 1.2; the sidelite sits just past
    # the latch (1.2..1.65), 0 m from it: within the 1.02 m reach.
    [near] = run("ROOM-3", classroom(sidelites=True))
    assert "0 in from the lever" in near.message
    # The same sidelite on the hinge side is out of reach.
    hinge_side = classroom(door_spans=((7.8, 8.7),), sidelites=True)
    assert run("ROOM-3", hinge_side) == []


def test_safe_1_capacity():
    from designreview.model.markups import Zone, ZoneKind

    small = Zone(
        "z",
        SHEET,
        STAMP,
        STAMP,
        ((0, 0), (4, 0), (4, 4), (0, 4)),
        ZoneKind.SAFE_ROOM,
        "Room 104",
        occupants=40,
    )
    # 16 m² / 0.46 = 34.8 -> one wheelchair space -> (16 - 0.93) / 0.46 = 32 + 1.
    [failure] = run("SAFE-1", classroom(), [small])
    assert "hold 33" in failure.message
    assert run("SAFE-1", classroom(), [replace(small, occupants=30)]) == []
    [unknown] = run("SAFE-1", classroom(), [replace(small, occupants=None)])
    assert unknown.severity is Severity.NEEDS_INFORMATION


def test_refuge_1_far_end_of_a_long_corridor():
    from tests.fixtures.plans import long_corridor

    # One lockable classroom, door at x = 0.75: the corridor beyond ~30 m is too far.
    [far] = run("REFUGE-1", long_corridor())
    assert far.subjects == ("hall",)
    xs = [x for ring in far.overlay for x, _ in ring]
    assert min(xs) == pytest.approx(30.0, abs=2.5)  # starts ~30 m from the door
    assert max(xs) == pytest.approx(100.0, abs=0.5)
    # Classrooms every 40 m: nowhere is more than 30 m from a lockable door.
    assert run("REFUGE-1", long_corridor(classroom_xs=(0.0, 40.0, 80.0))) == []


def test_refuge_1_ignores_rooms_that_do_not_lock():
    from tests.fixtures.plans import long_corridor

    plan = long_corridor(classroom_xs=(0.0, 40.0, 80.0))
    unlocked = replace(
        plan,
        doors=tuple(
            replace(d, hardware="PASSAGE") if d.id == "d1" else d for d in plan.doors
        ),
    )
    assert len(run("REFUGE-1", unlocked)) == 1


def test_egress_1_travel_distance_to_an_exit():
    from tests.fixtures.plans import long_corridor

    # One exit at the west end: from the far end of a 100 m corridor it is ~100 m.
    [far] = run("EGRESS-1", long_corridor(exits=("west",)))
    assert far.subjects == ("hall",)
    assert far.location[0] > 90
    [route] = far.overlay  # the walk that is too long, drawn to the west exit
    assert route[0] == pytest.approx(far.location)
    assert route[-1][0] < 1.0
    both = run("EGRESS-1", long_corridor(exits=("west", "east")))
    assert both == []
    sprinklered = run(
        "EGRESS-1", long_corridor(exits=("west",), length=70.0), sprinklered=1.0
    )
    assert sprinklered == []  # 70 m < 76.2 m (250 ft)


def test_refuge_2_cafeteria_that_cannot_lock_needs_room_nearby():
    # Two 81 m² classrooms near the cafeteria door (24.2 and 14.7 m away along the
    # corridor, within 30 m): each holds 175 standing (SAFE-1's count) minus its
    # own 44 = 131 places, 262 in all. The corridor's 79 people want them too; the
    # ones beyond x = 36 walk farther than the cafeteria's people and give way, so
    # the cafeteria's 202 all have a place (tests/analysis/test_lockdown_plan.py).
    assert run("REFUGE-2", cafeteria_plan()) == []
    # With only the far classroom (x = 0, its door ~35 m away) there is none.
    [failure] = run("REFUGE-2", cafeteria_plan(classrooms=(0.0,)))
    assert "holds 202 people" in failure.message
    assert "room for 0" in failure.message
    # A cafeteria that locks is its own refuge.
    assert run("REFUGE-2", cafeteria_plan("CLASSROOM SECURITY", (0.0,))) == []


def test_refuge_2_a_gym_taking_people_in_keeps_room_for_its_own():
    # The classroom at x = 20.5 becomes an 81 m² gym (its door locks, so it is a
    # refuge): 175 standing places minus its own 125 people at the gym density
    # (81 / 0.65 = 124.6) leaves 50, not the 131 a classroom's 44 would. The hall
    # is counted at 1000 m² a person, so one person (at x = 1, 11 m from classroom
    # 100) takes a place before the cafeteria's (24 m): 131 + 50 - 1 = 180 for the
    # cafeteria's 202.
    plan = cafeteria_plan()
    spaces = tuple(
        replace(s, space_type=SpaceType.GYM) if s.id == "room1" else s
        for s in plan.spaces
    )
    review = replace(
        review_of(),
        check_settings=(CheckSetting("REFUGE-1", "hall_m2_per_person", 1000.0),),
    )
    ctx = CheckContext(
        review, building_view(review, review.sheets[0], replace(plan, spaces=spaces))
    )
    rule = RULES["REFUGE-2"]
    [failure] = rule.check(ctx, rule.Params())
    assert "holds 202 people" in failure.message
    assert "room for 180" in failure.message


def test_data_1_walls_without_any_room_are_not_a_pass():
    from tests.fixtures.plans import plan_of, wall_line

    walls = wall_line([(0, 0), (10, 0), (10, 4), (0, 4), (0, 0)])
    [missing] = run("DATA-1", plan_of(walls))
    assert missing.severity is Severity.NEEDS_INFORMATION
    assert missing.location == (5.0, 2.0)
    assert "No rooms were found on Level 1" in missing.message
    assert run("DATA-1", classroom()) == []  # a typed room: nothing to say


def test_a_yard_is_outside_so_its_door_is_exterior():
    plan = classroom()
    room, hall = plan.spaces
    yard = replace(hall, name="SCHOOL YARD", space_type=SpaceType.EXTERIOR)
    view = context(replace(plan, spaces=(room, yard))).building
    assert [r.id for r in view.rooms] == ["room"]
    [door] = view.doors
    assert view.is_exterior(door)
    assert not context(plan).building.is_exterior(door)  # a corridor is inside


@pytest.mark.parametrize(
    ("steps", "length"),
    [
        # A straight stub 2 m wide, north off the through corridor's wall at y = 2.4:
        # its length runs from that wall line to its end wall, 6.0 / 6.2 / 6.5 m,
        # against 20 ft = 6.096 m.
        ([(0, 6.0)], None),
        ([(0, 6.2)], 6.2),
        ([(0, 6.5)], 6.5),
        # Bent: 2 m north, then east along a centreline at y = 4.4 to x = 18.9 or
        # 19.3: 2 + 3.9 = 5.9 m passes, 2 + 4.3 = 6.3 m fails.
        ([(0, 2.0), (3.9, 0)], None),
        ([(0, 2.0), (4.3, 0)], 6.3),
    ],
)
def test_egress_2_dead_end_measured_on_its_centreline(steps, length):
    from tests.fixtures.plans import dead_end

    results = run("EGRESS-2", dead_end(steps))
    if length is None:
        assert results == []
        return
    [failure] = results
    assert failure.subjects == ("stub",)
    assert failure.message.startswith(f"CORRIDOR 152 is a dead end {length:.1f} m")
    if len(steps) == 1:  # the middle of the end wall
        assert failure.location == pytest.approx((15.0, 2.4 + length))
