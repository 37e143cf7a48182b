"""Intruder arrival: hand-measured walks from entries, through propped and forced doors.

The corridor (``long_corridor``) runs y -3..0; its west exit door spans (0, -2) to
(0, -1), so an intruder who gets in there starts 0.5 m inside it, at (0.5, -1.5).
A classroom from x0 has its door at x0 + 0.3..1.2 on y = 0; the intruder reaches it
0.5 m into the corridor, at (x0 + 0.75, -0.5). In the straight corridor the walk is
the straight line.
"""

from __future__ import annotations

import math

import pytest
from tests.fixtures.plans import SHEET, entry_suite, long_corridor, review_of

from designreview.analysis.building_view import building_view
from designreview.analysis.intruder import (
    IntruderParams,
    arrival,
    intruder_entries,
    intruder_index,
)
from designreview.analysis.isochrones import isochrones, reached_within
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Breach,
    BreachKind,
    DoorConstruction,
    LockFunction,
    Stamp,
)

STAMP = Stamp("r", "2026-12-07T10:00:00+00:00")
PARAMS = IntruderParams()


def door_mark(mark_id, at, **changes):
    """A reviewer's access point on the detected door at ``at``."""
    return AccessPoint(mark_id, SHEET, STAMP, STAMP, at, **changes)


def west_exit(**changes):
    return door_mark("west-mark", (0.0, -1.5), kind=AccessKind.EXTERIOR_DOOR, **changes)


def building(plan, markups=()):
    review = review_of(markups)
    return building_view(review, review.sheets[0], plan)


def only_walk(view, speed):
    (entry,) = intruder_entries(view, PARAMS)
    return arrival(intruder_index(view), view, entry, speed, PARAMS)


def test_straight_corridor_arrival_times_by_hand():
    # From (0.5, -1.5) to (20.75, -0.5): sqrt(20.25² + 1²) = 20.2747 m; to
    # (40.75, -0.5): sqrt(40.25² + 1²) = 40.2624 m.
    # Walking at 1.4 m/s: 14.482 s and 28.759 s; hurried at 2.5 m/s: 8.110 s and
    # 16.105 s.
    view = building(long_corridor((20.0, 40.0), 60.0), [west_exit(is_propped=True)])
    walking, hurried = only_walk(view, 1.4), only_walk(view, 2.5)
    near, far = (20.75, -0.5), (40.75, -0.5)
    assert walking.seconds_at(near) == pytest.approx(20.2747 / 1.4, abs=1e-3)
    assert walking.seconds_at(far) == pytest.approx(40.2624 / 1.4, abs=1e-3)
    assert hurried.seconds_at(near) == pytest.approx(8.110, abs=1e-3)
    assert hurried.seconds_at(far) == pytest.approx(16.105, abs=1e-3)
    assert walking.route(near) == ((0.5, -1.5), near)


def test_a_locked_exit_is_no_entry_until_propped():
    # EXIT DEVICE hardware locks it from outside: nobody gets in there.
    assert intruder_entries(building(long_corridor((20.0,), 60.0)), PARAMS) == []
    (entry,) = intruder_entries(
        building(long_corridor((20.0,), 60.0), [west_exit(is_propped=True)]), PARAMS
    )
    assert (entry.label, entry.start, entry.delay_s) == (
        "door WEST (propped open)",
        (0.5, -1.5),
        0.0,
    )


def test_an_exit_that_does_not_lock_is_an_entry():
    view = building(long_corridor((20.0,), 60.0), [west_exit(lock=LockFunction.NONE)])
    assert [e.label for e in intruder_entries(view, PARAMS)] == [
        "door WEST (does not lock)"
    ]


def test_a_propped_inner_door_changes_what_the_intruder_reaches():
    # entry_suite: E1 (1.5..2.5, y = 0) propped; the intruder starts at (2, 0.5) in
    # the vestibule. 101A (card reader) is locked, so the lobby at (2, 5) cannot be
    # reached (the vestibule is: 1 m to (2, 1.5)); propped, the walk goes straight
    # through it: 4.5 m, 3.214 s at 1.4.
    entry = door_mark("e1", (2.0, 0.0), kind=AccessKind.EXTERIOR_DOOR, is_propped=True)
    held = building(entry_suite(), [entry])
    assert only_walk(held, 1.4).seconds_at((2.0, 5.0)) is None
    assert only_walk(held, 1.4).seconds_at((2.0, 1.5)) == pytest.approx(1 / 1.4)
    inner = door_mark("a", (2.0, 3.0), is_propped=True)
    opened = building(entry_suite(), [entry, inner])
    assert only_walk(opened, 1.4).seconds_at((2.0, 5.0)) == pytest.approx(4.5 / 1.4)


def test_a_forced_inner_door_costs_its_forcing_time():
    # 101A forced, a glass door (10 s): 2 m to (2, 2.5) before it, 10 s, then 1.5 m
    # from (2, 3.5) on: 3.5 / 1.4 + 10 = 12.5 s. The route crosses the door.
    entry = door_mark("e1", (2.0, 0.0), kind=AccessKind.EXTERIOR_DOOR, is_propped=True)
    forced = door_mark(
        "a", (2.0, 3.0), is_forced=True, construction=DoorConstruction.GLASS
    )
    walk = only_walk(building(entry_suite(), [entry, forced]), 1.4)
    assert walk.seconds_at((2.0, 5.0)) == pytest.approx(12.5)
    assert walk.route((2.0, 5.0)) == ((2.0, 0.5), (2.0, 2.5), (2.0, 3.5), (2.0, 5.0))


@pytest.mark.parametrize(
    ("construction", "seconds"),
    [
        (DoorConstruction.STEEL, 90.0),
        (DoorConstruction.WOOD, 45.0),
        (DoorConstruction.GLASS, 10.0),
        (DoorConstruction.UNKNOWN, 10.0),  # the weakest, when nobody says
    ],
)
def test_a_forced_exit_delays_the_entry_by_its_construction(construction, seconds):
    # 90 s for steel, then 20.2747 m at 1.4 m/s: 104.482 s at the door.
    view = building(
        long_corridor((20.0,), 60.0),
        [west_exit(is_forced=True, construction=construction)],
    )
    (entry,) = intruder_entries(view, PARAMS)
    assert entry.delay_s == seconds
    walk = arrival(intruder_index(view), view, entry, 1.4, PARAMS)
    assert walk.seconds_at((20.75, -0.5)) == pytest.approx(seconds + 20.2747 / 1.4)


def test_a_breach_point_lets_the_intruder_in_after_breaking_the_glass():
    # Glazing at the east end wall (60, -1.5): the intruder stands at (59.4, -1.5)
    # after 10 s; to (20.75, -0.5) is sqrt(38.65² + 1²) = 38.6629 m, 27.616 s.
    breach = Breach("b", SHEET, STAMP, STAMP, (60.0, -1.5), BreachKind.GLAZED_ENTRY)
    view = building(long_corridor((20.0,), 60.0), [breach])
    (entry,) = intruder_entries(view, PARAMS)
    assert (entry.start, entry.delay_s) == ((59.4, -1.5), 10.0)
    walk = arrival(intruder_index(view), view, entry, 1.4, PARAMS)
    assert walk.seconds_at((20.75, -0.5)) == pytest.approx(10 + 38.6629 / 1.4)
    window = Breach("w", SHEET, STAMP, STAMP, (60.0, -1.5), BreachKind.WINDOW)
    assert (
        intruder_entries(building(long_corridor(), [window]), PARAMS)[0].delay_s == 20
    )


def test_isochrone_bands_of_a_breach_by_hand():
    # From (59.4, -1.5) after a 10 s breach, at 1.4 m/s: within 20 s the intruder
    # walks 14 m. The walkable corridor is x <= 59.8, -2.8 <= y <= -0.2 (0.2 m
    # clear of walls): area = 0.4 * 2.6 + integral of sqrt(14² - t²) over
    # t = -1.3..1.3 = 1.04 + 1.3 * sqrt(194.31) + 196 * asin(1.3 / 14)
    # = 1.04 + 18.1214 + 18.2262 = 37.388 m² (the 64-gon disk cuts about 0.03).
    breach = Breach("b", SHEET, STAMP, STAMP, (60.0, -1.5))
    view = building(long_corridor((20.0,), 60.0), [breach])
    (entry,) = intruder_entries(view, PARAMS)
    walk = arrival(intruder_index(view), view, entry, 1.4, PARAMS)
    assert reached_within(walk, 10.0).is_empty
    assert reached_within(walk, 20.0).area == pytest.approx(37.388, abs=0.05)
    bands = isochrones(walk, (20.0, 30.0))
    assert [(b.from_s, b.to_s) for b in bands] == [(0.0, 20.0), (20.0, 30.0)]
    # Up to 30 s: 28 m, the same way: 1.04 + 1.3 * sqrt(782.31) + 784 * asin(1.3/28)
    # = 1.04 + 36.3607 + 36.4131 = 73.814 m²; the second band holds the rest.
    assert bands[1].area.area == pytest.approx(73.814 - 37.388, abs=0.05)
    assert math.isclose(bands[0].area.area, reached_within(walk, 20.0).area)
