"""Every threshold of every check changes a verdict when it crosses its boundary.

Check Settings offers each field of each rule's Params and the packet prints it, so
each one must matter: for every field, a tiny plan is worked out by hand where the
value on one side of the boundary passes and on the other fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
import pytest
from tests.fixtures.plans import (
    SHEET,
    cafeteria_plan,
    classroom,
    dead_end,
    entry_suite,
    long_corridor,
    review_of,
    thick_classroom,
)

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import RULES
from designreview.analysis.rules.base import CheckContext
from designreview.model.findings import Severity
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Breach,
    BreachKind,
    Camera,
    Designation,
    DoorConstruction,
    LockFunction,
    Observer,
    ObserverKind,
    SpaceType,
    Stamp,
    Zone,
    ZoneKind,
)
from designreview.model.plan import LayerCategory, LayerInfo, Linework

STAMP = Stamp("r", "2026-12-07T10:00:00+00:00")


@dataclass(frozen=True)
class Case:
    """One threshold, a plan, and a value either side of where the verdict turns."""

    rule: str
    name: str
    plan: Callable[[], Any]
    passes: float
    fails: float
    markups: Callable[[], list[Any]] = list
    others: tuple[tuple[str, float], ...] = ()


def with_glass(plan, panes):
    lines = (*plan.linework, Linework("A-GLAZ", np.array(panes, dtype=float)))
    layers = (*plan.layers, LayerInfo("A-GLAZ", LayerCategory.WINDOW, len(panes)))
    return replace(plan, linework=lines, layers=layers)


def exterior(i, x, number="", primary=False):
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


def glass_half_a_metre_past_the_latch():
    # Door 100 latches at (1.2, 0); the pane 1.7..2.2 along the same wall starts
    # 0.5 m from the latch, on the latch side (its middle 1.95 is nearer the latch
    # than the hinge at 0.3).
    return with_glass(classroom(), [[1.7, 0.0, 2.2, 0.0]])


def one_lockable_door_of_two():
    plan = classroom(door_spans=((0.3, 1.2), (7.8, 8.7)))
    first, second = plan.doors
    return replace(plan, doors=(first, replace(second, hardware="PASSAGE")))


def safe_room_for_33():
    # 4 x 4 = 16 m²: 16 / 0.46 = 34.8 people, so ceil(34.8 / 200) = 1 wheelchair
    # space; (16 - 0.93) / 0.46 = 32.76 -> 32 standing + 1 = 33.
    # standing 0.47: 15.07 / 0.47 = 32.06 -> 33 holds; 0.48: 31.4 -> 32 fails.
    # wheelchair 1.2: 14.8 / 0.46 = 32.2 -> 33; 1.4: 14.6 / 0.46 = 31.7 -> 32.
    # one space per 40: ceil(34.8 / 40) = 1 -> 33; per 30: ceil(1.16) = 2 spaces,
    # (16 - 1.86) / 0.46 = 30.7 -> 30 + 2 = 32.
    square = ((0, 0), (4, 0), (4, 4), (0, 4))
    return [Zone("z", SHEET, STAMP, STAMP, square, ZoneKind.SAFE_ROOM, "Room", 33)]


def gym_plan():
    plan = cafeteria_plan()
    spaces = tuple(
        replace(s, space_type=SpaceType.GYM) if s.id == "cafe" else s
        for s in plan.spaces
    )
    return replace(plan, spaces=spaces)


def corridor_as_open_library():
    plan = long_corridor(length=40.0)
    spaces = tuple(
        replace(s, space_type=SpaceType.LIBRARY) if s.id == "hall" else s
        for s in plan.spaces
    )
    doors = tuple(
        replace(d, hardware="PASSAGE") if d.id == "west" else d for d in plan.doors
    )
    return replace(plan, spaces=spaces, doors=doors)


def untyped_classroom():
    room, hall = classroom().spaces
    return replace(
        classroom(), spaces=(replace(room, space_type=SpaceType.UNKNOWN), hall)
    )


def post_looking_through_door_100():
    # From (0.75, 4.5) in the classroom, through the opening x 0.3..1.2 at y = 0:
    # slopes +-0.45 / 4.5 = +-0.1, so at the corridor's far wall (y = -3, 7.5 m
    # down) x runs 0..1.5. Seen: (0.9 + 1.5) / 2 * 3 = 3.6 m² of the 15 x 3 = 45 m²
    # corridor (8%); blind: 3 * 3 + 0.15 * 3 = 9.45 m² west, 45 - 3.6 - 9.45 =
    # 31.95 m² east.
    return [Observer("o", SHEET, STAMP, STAMP, (0.75, 4.5), ObserverKind.STAFF_POST)]


def desk_looking_through_door_101b():
    # From (6, 1.5) in the office through 101B (x = 4, y 1..2): slopes +-0.5 / 2,
    # so at the vestibule's far wall x = 0 the view spans y 0..3. Seen: (1 + 3) / 2
    # * 4 = 8 m² of the 12 m² vestibule (67%); unseen 4 m².
    return [Observer("d", SHEET, STAMP, STAMP, (6.0, 1.5), ObserverKind.RECEPTION_DESK)]


def camera_2_8_m_from_the_door():
    # 1920 px across a 90 degree view; the door is 2.8 m away in plan and the lens
    # 0.9 m above a face at 1.6 m: slant sqrt(2.8^2 + 0.9^2) = 2.9411 m, so
    # 1920 / (2 * 2.9411) = 326.4 px/m.
    door = AccessPoint(
        "e1", SHEET, STAMP, STAMP, (5.0, -3.0), kind=AccessKind.EXTERIOR_DOOR
    )
    cam = Camera("c", SHEET, STAMP, STAMP, (5.0, -0.2), -90.0, 90.0, 30.0, 1920, 2.5)
    return [door, cam]


def west_exit(**changes):
    """The west exit of ``long_corridor`` (0, -2)..(0, -1), as a reviewer marks it."""
    return AccessPoint(
        "west-mark",
        SHEET,
        STAMP,
        STAMP,
        (0.0, -1.5),
        kind=AccessKind.EXTERIOR_DOOR,
        **changes,
    )


def propped_exit_and(*more):
    return lambda: [west_exit(is_propped=True), *more]


def forced_exit(construction):
    return lambda: [west_exit(is_forced=True, construction=construction)]


def breach_at_the_east_end(kind):
    return lambda: [Breach("b", SHEET, STAMP, STAMP, (60.0, -1.5), kind)]


def room_at(x0):
    """A 60 m corridor with one push-button classroom from ``x0``."""
    return lambda: long_corridor((x0,), 60.0)


KEYED_ROOM_AT_50 = AccessPoint(
    "k", SHEET, STAMP, STAMP, (50.75, 0.0), lock=LockFunction.KEY_OUTSIDE_ONLY
)

# LOCK-1 (tests/analysis/test_lockdown_race.py): from the propped west exit at
# (0.5, -1.5) to a door of the room from x0 at (x0 + 0.75, -0.5); the room secures in
# push + hall / walk = 5 + 5 / 1.4 = 8.571 s.
# x0 = 50: 50.2599 m, hurried 20.104 s: 11.53 s spare. x0 = 20: 20.2747 m, walking
# 14.482 s, hurried 8.110 s. From the east-end breach (59.4, -1.5) to x0 = 20:
# 38.6629 m, hurried 15.465 s.
LOCK_CASES = [
    Case("LOCK-1", "margin_s", room_at(50.0), 11.0, 12.0, propped_exit_and()),
    # 50.2599 / v >= 18.571 s while v <= 2.706 m/s.
    Case("LOCK-1", "hurried_speed_mps", room_at(50.0), 2.6, 2.8, propped_exit_and()),
    # Walking spare (20.2747 - 5) / v - 5 >= 10 while v <= 1.018 m/s (hall 5 / v);
    # a slow "hurried" 0.5 m/s keeps the runner out of it.
    Case(
        "LOCK-1",
        "walk_speed_mps",
        room_at(20.0),
        1.0,
        1.1,
        propped_exit_and(),
        (("hurried_speed_mps", 0.5),),
    ),
    # Hurried spare 20.104 - p - 3.571 >= 10 while p <= 6.53 s.
    Case("LOCK-1", "push_button_lock_s", room_at(50.0), 6.0, 7.0, propped_exit_and()),
    Case(
        "LOCK-1",
        "keyed_lock_s",
        room_at(50.0),
        6.0,
        7.0,
        propped_exit_and(KEYED_ROOM_AT_50),
    ),
    # 20.104 - 5 - h / 1.4 >= 10 while h <= 7.15 m.
    Case("LOCK-1", "hall_reach_m", room_at(50.0), 7.0, 7.5, propped_exit_and()),
    # Forced exit, room at 20: hurried f + 8.110 - 8.571 >= 10 while f >= 10.46 s.
    Case(
        "LOCK-1",
        "forced_steel_s",
        room_at(20.0),
        11.0,
        10.0,
        forced_exit(DoorConstruction.STEEL),
    ),
    Case(
        "LOCK-1",
        "forced_wood_s",
        room_at(20.0),
        11.0,
        10.0,
        forced_exit(DoorConstruction.WOOD),
    ),
    Case(
        "LOCK-1",
        "forced_glass_s",
        room_at(20.0),
        11.0,
        10.0,
        forced_exit(DoorConstruction.GLASS),
    ),
    # Breach, room at 20: hurried b + 15.465 - 8.571 >= 10 while b >= 3.11 s.
    Case(
        "LOCK-1",
        "breach_glazing_s",
        room_at(20.0),
        3.5,
        2.5,
        breach_at_the_east_end(BreachKind.GLAZED_ENTRY),
    ),
    Case(
        "LOCK-1",
        "breach_window_s",
        room_at(20.0),
        3.5,
        2.5,
        breach_at_the_east_end(BreachKind.WINDOW),
    ),
]

CASES = [
    # Two doors marked primary visitor entry: one allowed fails, two pass.
    Case(
        "ENTRY-1",
        "primary_entries",
        classroom,
        2,
        1,
        lambda: [exterior(0, 2.0, primary=True), exterior(1, 8.0, primary=True)],
    ),
    Case(
        "ENTRY-3",
        "visible_fraction",
        entry_suite,
        0.6,
        0.75,
        desk_looking_through_door_101b,
    ),
    Case(
        "ENTRY-3",
        "tolerance_m2",
        entry_suite,
        4.5,
        3.5,
        desk_looking_through_door_101b,
    ),
    # Three exterior doors, two numbered: 2/3 = 0.67 of them.
    Case(
        "ENTRY-4",
        "required_fraction",
        classroom,
        0.6,
        0.7,
        lambda: [
            exterior(0, 5.0, "E1", True),
            exterior(1, 2.0, "E2"),
            exterior(2, 8.0),
        ],
    ),
    # Glass 0.5 m from the latch of door 100, made an exterior door by a mark.
    Case(
        "ENTRY-5",
        "reach_m",
        glass_half_a_metre_past_the_latch,
        0.4,
        0.6,
        lambda: [
            AccessPoint(
                "ap", SHEET, STAMP, STAMP, (0.8, 0.05), kind=AccessKind.EXTERIOR_DOOR
            )
        ],
    ),
    # Door 100 locks from inside, door 101 (PASSAGE) does not: half of them lock.
    Case("ROOM-1", "required_fraction", one_lockable_door_of_two, 0.5, 0.6),
    # The same pane 0.5 m from the lever of classroom door 100.
    Case("ROOM-3", "reach_m", glass_half_a_metre_past_the_latch, 0.4, 0.6),
    Case("SAFE-1", "standing_m2", classroom, 0.47, 0.48, safe_room_for_33),
    Case("SAFE-1", "wheelchair_m2", classroom, 1.2, 1.4, safe_room_for_33),
    Case("SAFE-1", "wheelchair_per_occupants", classroom, 40, 30, safe_room_for_33),
    # A 40 m corridor with one lockable classroom door at x = 0.75: the farthest
    # sample of the 2 m grid, (39, -2), is sqrt(38.25² + 2²) = 38.3 m away.
    Case("REFUGE-1", "max_walk_m", lambda: long_corridor(length=40.0), 40.0, 37.0),
    # With a 37.5 m walk allowed: a 3 m grid's farthest sample is (37.5, -1.5),
    # sqrt(36.75² + 1.5²) = 36.8 m; the 2 m grid's (39, -2) is 38.3 m.
    Case(
        "REFUGE-1",
        "sample_spacing_m",
        lambda: long_corridor(length=40.0),
        3.0,
        2.0,
        others=(("max_walk_m", 37.5),),
    ),
    # REFUGE-1's own people: a 40 x 3 m corridor with one lockable classroom, all
    # within a 40 m walk; the classroom takes 175 - 44 = 131 (SAFE-1's count of 81 m²
    # at 0.46 m², one wheelchair space, less ceil(81 / 1.86) of its own). At 1.0 m²
    # a person the hall holds 120, at 0.9 ceil(133.3) = 134: 3 have nowhere to go.
    Case(
        "REFUGE-1",
        "hall_m2_per_person",
        lambda: long_corridor(length=40.0),
        1.0,
        0.9,
        others=(("max_walk_m", 40.0),),
    ),
    # The same corridor as a library reading room whose exit does not lock.
    Case(
        "REFUGE-1",
        "library_m2_per_person",
        corridor_as_open_library,
        1.0,
        0.9,
        others=(("max_walk_m", 40.0),),
    ),
    # A 280 m² cafeteria (door centre x = 35.9) and a 60 x 3 m corridor (79 people
    # at 2.3 m², on 30 sample points x = 1, 3, .., 59: 3 each up to x = 37, then 2)
    # share two classrooms of 131 places, doors at x = 11.75 and 21.25, 24.2 and 14.7
    # m walk from the cafeteria's. The corridor's points past x = 51 reach neither
    # (8 people); those from x = 37 on walk farther than the cafeteria's people
    # (sqrt(15.75² + 2²) = 15.9 m > 14.7) and give way first; those up to x = 35
    # (54 people) walk less and keep their places. So the cafeteria is placed in
    # full while it holds at most 2 * 131 - 54 = 208. At 1.39 m² a person it holds
    # 202, at 1.3 ceil(215.4) = 216.
    Case("REFUGE-2", "cafeteria_m2_per_person", cafeteria_plan, 1.39, 1.3),
    # The same room as a gym (0.65 m² each by default: 431 people); at 1.4 200.
    Case("REFUGE-2", "assembly_m2_per_person", gym_plan, 1.4, 1.3),
    # Each classroom's places: 175 - ceil(81 / d). At 1.8 m² its own are 45, so
    # 2 * 130 - 54 = 206 >= 202; at 1.7 they are 48: 2 * 127 - 54 = 200 < 202.
    Case("REFUGE-2", "classroom_m2_per_person", cafeteria_plan, 1.8, 1.7),
    # At 0.46 m² a classroom holds 175 (131 places); at 0.48 (81 - 0.93) / 0.48 =
    # 166.8, so 166 + 1 = 167 (123 places): 2 * 123 - 54 = 192 < 202.
    Case("REFUGE-2", "refuge_m2_per_person", cafeteria_plan, 0.46, 0.48),
    Case("REFUGE-2", "max_walk_m", cafeteria_plan, 30.0, 20.0),
    # A 70 m corridor, exit at the west end (target 0.5 m inside it): the 3 m grid's
    # farthest sample (67.5, -1.5) walks 67.0 m.
    Case(
        "EGRESS-1",
        "unsprinklered_m",
        lambda: long_corridor(exits=("west",), length=70.0),
        68.0,
        66.0,
    ),
    Case(
        "EGRESS-1",
        "sprinklered_m",
        lambda: long_corridor(exits=("west",), length=70.0),
        68.0,
        66.0,
        others=(("sprinklered", 1.0),),
    ),
    # 67.0 m: over 200 ft (60.96 m), under 250 ft (76.2 m).
    Case(
        "EGRESS-1",
        "sprinklered",
        lambda: long_corridor(exits=("west",), length=70.0),
        1.0,
        0.0,
    ),
    # Against 66.5 m: a 4 m grid's farthest sample (66, -1) walks
    # sqrt(65.5² + 0.5²) = 65.5 m, the 3 m grid's 67.0 m.
    Case(
        "EGRESS-1",
        "sample_spacing_m",
        lambda: long_corridor(exits=("west",), length=70.0),
        4.0,
        3.0,
        others=(("unsprinklered_m", 66.5),),
    ),
    # A 6.2 m dead end.
    Case("EGRESS-2", "unsprinklered_m", lambda: dead_end([(0, 6.2)]), 6.3, 6.1),
    Case(
        "EGRESS-2",
        "sprinklered_m",
        lambda: dead_end([(0, 6.2)]),
        6.3,
        6.1,
        others=(("sprinklered", 1.0),),
    ),
    Case("EGRESS-2", "sprinklered", lambda: dead_end([(0, 6.2)]), 1.0, 0.0),
    # 8% of the corridor seen; its largest blind spot is 31.95 m².
    Case(
        "SURV-1",
        "min_visible_fraction",
        classroom,
        0.05,
        0.1,
        post_looking_through_door_100,
        (("max_blind_spot_m2", 1000.0),),
    ),
    Case(
        "SURV-1",
        "max_blind_spot_m2",
        classroom,
        33.0,
        31.0,
        post_looking_through_door_100,
        (("min_visible_fraction", 0.0),),
    ),
    Case(
        "CAM-1",
        "identification_px_per_m",
        classroom,
        320.0,
        330.0,
        camera_2_8_m_from_the_door,
    ),
    # ROOM-2 (tests/analysis/test_hard_corner.py derives the wedges): behind the
    # 0.15 m frame one corner door hides 0.5 * 6.1² * (0.15 / 0.575) = 4.8535 m² of
    # the usable 53.46 m²; 37 occupants (ceil(67.5 / 1.86)) at 0.13 m² need 4.81,
    # at 0.14 they need 5.18.
    Case("ROOM-2", "area_per_occupant_m2", thick_classroom, 0.13, 0.14),
    # At 7 m² a person ceil(67.5 / 7) = 10 need 4.6 m² of the 4.85; at 6, 12 need
    # 5.52.
    Case("ROOM-2", "classroom_m2_per_occupant", thick_classroom, 7.0, 6.0),
    # With nobody at the glass the whole 53.46 m² is hidden; from 3 m, 4.85 m².
    Case("ROOM-2", "viewer_reach_m", thick_classroom, 0.0, 3.0),
    # 37 at 0.2 m² need 7.4 m². 0.1 m from the walls the usable floor is
    # x 0.1..8.9, y 0.1..7.4; the door's line y = 0.26087 (x - 0.725) leaves
    # y = 0.1 at x = 1.1083 and reaches 2.1326 at x = 8.9: hidden
    # 0.5 * 7.7917 * 2.0326 = 7.92 m². At 0.45 m it is 4.85.
    Case(
        "ROOM-2",
        "wall_clearance_m",
        thick_classroom,
        0.1,
        0.45,
        others=(("area_per_occupant_m2", 0.2),),
    ),
    # Single-line walls: the leaf alone is the slot. 44 occupants (ceil(81 / 1.86))
    # need 20.24 m². A 0.225 m leaf passes slope k = 0.225 / 0.25 = 0.9 from the
    # panel's end (0.875, 0): it leaves y = 0.45 at x = 1.375, hiding
    # 0.5 * 7.175² * 0.9 = 23.17 m²; a 0.15 m leaf (k = 0.6) hides
    # 0.5 * 6.925² * 0.6 = 14.39 m².
    Case("ROOM-2", "leaf_thickness_m", classroom, 0.225, 0.15),
    # An untyped 9 x 9 = 81 m² room.
    Case("DATA-1", "min_area_m2", untyped_classroom, 82.0, 80.0),
    *LOCK_CASES,
]


def verdict(case: Case, value: float) -> bool:
    """Whether the check passes (no fail, warning or question) at the threshold value.

    A warning counts: SURV-1 judges staff observers alone with a warning until
    cameras are planned, and crossing its thresholds turns that warning on and off.
    """
    review = review_of(case.markups())
    ctx = CheckContext(review, building_view(review, review.sheets[0], case.plan()))
    rule = RULES[case.rule]
    params = replace(rule.Params(), **dict(case.others), **{case.name: value})
    asked = (Severity.FAIL, Severity.WARNING, Severity.NEEDS_INFORMATION)
    return not [f for f in rule.check(ctx, params) if f.severity in asked]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{c.name}" for c in CASES])
def test_crossing_the_threshold_changes_the_verdict(case):
    assert verdict(case, case.passes)
    assert not verdict(case, case.fails)


def test_every_threshold_of_every_check_has_a_case():
    tested = {(c.rule, c.name) for c in CASES}
    offered = {
        (rule_id, f.name)
        for rule_id, rule in RULES.items()
        for f in fields(rule.Params())
    }
    assert tested == offered


def test_entry_2_offers_no_threshold():
    # It compares the rooms a visitor reaches with a fixed list; its old "strict"
    # field was read by nothing.
    assert fields(RULES["ENTRY-2"].Params()) == ()
