"""Where halls and large spaces go in a lockdown: capacity by hand, flows by hand.

The cafeteria plans (tests/fixtures/plans.py): a 20 x 14 m cafeteria (280 m², 202
people at 1.39 m²) whose door 130A (centre x = 35.9 on the corridor's north wall
y = 0) opens onto a 60 x 3 m corridor, with 9 x 9 m classrooms north of it whose
doors are 0.9 m openings at x0 + 0.3 .. x0 + 1.2. An 81 m² classroom holds 175
standing by SAFE-1's count ((81 - 0.93) / 0.46 = 174.07 -> 174, plus one wheelchair
space) and keeps ceil(81 / 1.86) = 44 of its own: 131 places for others. The walk
from door 130A to a classroom door goes along the wall's clearance, a few
centimetres more than the straight distance between the door centres.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from tests.fixtures.plans import cafeteria_plan, long_corridor, review_of

from designreview.analysis.building_view import building_view
from designreview.analysis.rules.base import CheckContext
from designreview.analysis.rules.lockdown_plan import (
    occupant_load,
    plan_for,
    refuge_places,
)
from designreview.analysis.rules.lockdown_types import DEFAULTS, LockdownPlan
from designreview.model.review import CheckSetting
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

ALONE = replace(DEFAULTS, hall_m2_per_person=1000.0)
"""A corridor of 180 m² then holds one person (ceil(0.18)), at its first point."""


def plan_of(plan, params=DEFAULTS) -> tuple[CheckContext, LockdownPlan]:
    review = review_of()
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    return ctx, plan_for(ctx, params)


def moves(space):
    return [(m.refuge, m.people) for m in space.moves]


def test_capacity_and_loads_by_hand():
    ctx, _ = plan_of(cafeteria_plan())
    rooms = {r.id: r for r in ctx.building.rooms}
    assert refuge_places(rooms["room0"], DEFAULTS) == 131  # 175 - 44
    assert occupant_load(rooms["cafe"], DEFAULTS) == 202  # ceil(280 / 1.39)
    assert occupant_load(rooms["hall"], DEFAULTS) == 79  # ceil(180 / 2.3)
    # As a gym the room keeps ceil(81 / 0.65) = 125 of its own: 175 - 125 = 50.
    gym = replace(rooms["room0"], space_type=rooms["cafe"].space_type.GYM)
    assert refuge_places(gym, DEFAULTS) == 50


def test_cafeteria_beyond_the_near_refuge_is_sent_further():
    # Classrooms at x = 0 (door centre 0.75) and 20.5 (21.25), a 40 m walk allowed.
    # The nearer one, 35.9 - 21.25 = 14.65 m from door 130A, takes 131 of the 202;
    # the other 71 walk on to classroom 100, 35.15 m away. The hall's one person,
    # at x = 1, is 2 m from classroom 100 and takes one of its places: 130 left.
    params = replace(ALONE, large_walk_m=40.0)
    _, found = plan_of(cafeteria_plan(classrooms=(0.0, 20.5)), params)
    cafe = found.space("cafe")
    assert moves(cafe) == [("CLASSROOM 101", 131), ("CLASSROOM 100", 71)]
    assert cafe.left == 0
    near, far = cafe.moves
    assert near.walk_m == pytest.approx(14.65, abs=0.3)
    assert far.walk_m == pytest.approx(35.15, abs=0.3)
    assert moves(found.space("hall")) == [("CLASSROOM 100", 1)]
    # The one person stands at the corridor's first grid point, (1, -2).
    assert found.space("hall").moves[0].origin == pytest.approx((1.0, -2.0))
    # Within REFUGE-2's 30 m only the nearer classroom counts: 71 are left.
    _, near_only = plan_of(cafeteria_plan(classrooms=(0.0, 20.5)), ALONE)
    assert moves(near_only.space("cafe")) == [("CLASSROOM 101", 131)]
    assert near_only.space("cafe").left == 71
    assert "71 with no refuge within reach" in near_only.space("cafe").summary()


def test_a_refuge_is_never_counted_twice():
    # The corridor's 79 people (3 at each of x = 1 .. 37, 2 at x = 39 .. 59) and the
    # cafeteria's 202 want the two classrooms' 262 places. Points x = 53 .. 59 reach
    # no classroom within 30 m (8 people); of the 273 who can, 11 must stay out:
    # those with the longest walks, the corridor's from x = 51 down (2 each at 51,
    # 49, 47, 45, 43 and one at 41, all farther than the cafeteria's 14.65 m).
    _, found = plan_of(cafeteria_plan())
    uses = {name: (places, taken) for _id, name, places, taken in found.refuges}
    assert uses == {"CLASSROOM 100": (131, 131), "CLASSROOM 101": (131, 131)}
    cafe, hall = found.space("cafe"), found.space("hall")
    assert (cafe.placed, cafe.left) == (202, 0)
    assert (hall.placed, hall.left) == (60, 19)
    assert sorted(x for x, _ in hall.far) == pytest.approx(range(41, 60, 2), abs=1e-3)


def test_a_large_space_that_locks_keeps_its_people_and_takes_others():
    _, found = plan_of(cafeteria_plan("CLASSROOM SECURITY", (0.0,)), ALONE)
    cafe = found.space("cafe")
    assert cafe.stays
    assert cafe.moves == ()
    assert (
        cafe.summary()
        == "CAFETERIA 130, 202 people: all stay behind lockable doors 130A"
    )
    # 280 / 0.46 = 608.7 standing sets ceil(608.7 / 200) = 4 wheelchair spaces
    # aside: (280 - 4 * 0.93) / 0.46 = 600.6 -> 600 + 4 = 604, less its own 202.
    uses = {name: (places, taken) for _id, name, places, taken in found.refuges}
    assert uses["CAFETERIA 130"] == (402, 0)


def test_review_settings_of_the_other_rule_are_used():
    # REFUGE-2 reads the hall density REFUGE-1 offers from the review's settings.
    from designreview.analysis.rules import RULES

    review = replace(
        review_of(),
        check_settings=(CheckSetting("REFUGE-1", "hall_m2_per_person", 1000.0),),
    )
    ctx = CheckContext(
        review, building_view(review, review.sheets[0], cafeteria_plan())
    )
    RULES["REFUGE-2"].check(ctx, RULES["REFUGE-2"].Params())
    [(key, found)] = list(ctx.memo.items())
    assert key[1].hall_m2_per_person == 1000.0
    assert found.space("hall").people == 1


def test_a_hall_sends_its_people_to_the_nearest_refuge_with_room():
    # One classroom, 131 places; the 100 m corridor holds ceil(300 / 2.3) = 131 on
    # 50 points x = 1, 3, .., 99 (y = -2): 3 each up to x = 61, then 2. From (x, -2)
    # door 100 (0.75, 0) is sqrt((x - 0.75)² + 2²) away, within 30 m up to x = 30.7:
    # the 15 points x = 1 .. 29 send 45 people; the 35 points beyond hold 86.
    _, found = plan_of(long_corridor())
    hall = found.space("hall")
    assert (hall.people, hall.placed, hall.left) == (131, 45, 86)
    assert moves(hall) == [("CLASSROOM 100", 45)]
    assert hall.moves[0].walk_m == pytest.approx(math.hypot(28.25, 2.0), abs=0.05)
    assert sorted(x for x, _ in hall.far) == pytest.approx(range(31, 100, 2))


def test_sample_school_cafeteria_plan():
    review, plans = load_review_and_plans(sample_review_path())
    sheet = review.sheets[0]
    ctx = CheckContext(review, building_view(review, sheet, plans[sheet.id]))
    found = plan_for(ctx, DEFAULTS)
    [cafe] = [s for s in found.spaces if s.name == "CAFETERIA 130"]
    # 380.31 m² / 1.39 = 273.6 -> 274; doors 130A-C do not lock, so all must go.
    assert cafe.people == 274
    assert not cafe.stays
    assert cafe.placed == 274
    assert cafe.left == 0
    [gym] = [s for s in found.spaces if s.name == "GYMNASIUM 140"]
    assert gym.stays
    for _id, _name, places, taken in found.refuges:
        assert taken <= places


def test_each_hall_point_knows_its_walk_to_a_refuge_with_room():
    # The long corridor again: a point x <= 29 walks sqrt((x - 0.75)² + 2²) to door
    # 100; the points beyond have nowhere (None).
    _, found = plan_of(long_corridor())
    reach = dict(found.space("hall").reach)
    assert reach[(1.0, -2.0)] == pytest.approx(math.hypot(0.25, 2.0), abs=0.05)
    assert reach[(29.0, -2.0)] == pytest.approx(math.hypot(28.25, 2.0), abs=0.05)
    assert reach[(31.0, -2.0)] is None
    # With the hall at 1000 m² a person only x = 1 holds someone; the empty points
    # get the walk to the classroom that still has 130 places.
    _, alone = plan_of(long_corridor(), ALONE)
    reach = dict(alone.space("hall").reach)
    assert reach[(21.0, -2.0)] == pytest.approx(math.hypot(20.25, 2.0), abs=0.05)
    assert reach[(41.0, -2.0)] is None  # 40.3 m: beyond 30


def test_a_large_space_without_doors_has_nowhere_to_go():
    plan = cafeteria_plan()
    _, found = plan_of(replace(plan, doors=plan.doors[:-1]))  # door 130A gone
    cafe = found.space("cafe")
    assert (cafe.people, cafe.placed, cafe.left) == (202, 0, 202)
