"""Time to secure a room: its lock function, the hall let in, the walk between doors.

``classroom()`` is a 9 x 9 m room over a corridor, its doors in the shared wall at
y = 0; a door onto the corridor lets 5 m of hall in first: 5 / 1.4 = 3.571 s.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from tests.fixtures.plans import classroom, review_of

from designreview.analysis.building_view import building_view
from designreview.analysis.secure_time import SecureParams, secure_time

PARAMS = SecureParams()
HALL_S = 5.0 / 1.4


def timed(plan):
    review = review_of()
    view = building_view(review, review.sheets[0], plan)
    room = next(r for r in view.rooms if r.id == "room")
    return secure_time(view, room, PARAMS)


@pytest.mark.parametrize(
    ("hardware", "lock_s"),
    [
        ("CLASSROOM SECURITY", 5.0),  # lockable from inside: push-button, thumb-turn
        ("CLASSROOM", 30.0),  # keyed from the corridor: the door must be opened
    ],
)
def test_one_door_by_its_lock_function(hardware, lock_s):
    taken = timed(classroom(hardware=hardware))
    assert (taken.lock_s, taken.between_s) == (lock_s, 0.0)
    assert taken.seconds == pytest.approx(lock_s + HALL_S)


def test_a_door_that_does_not_lock_never_secures_the_room():
    taken = timed(classroom(hardware="PASSAGE"))
    assert math.isinf(taken.seconds)
    assert [d.number for d in taken.never] == ["100"]


def test_an_unknown_lock_leaves_the_time_unknown():
    taken = timed(classroom(hardware=""))
    assert math.isnan(taken.seconds)
    assert not taken.is_known
    assert [d.number for d in taken.unknown] == ["100"]


def test_two_doors_add_their_locks_and_the_walk_between():
    # Doors at x 0.3..1.2 and 7.8..8.7: centres 0.75 and 8.25, 7.5 m apart, walked
    # at 1.4 m/s = 5.357 s; 5 + 5 s locking, 3.571 s hall: 18.929 s.
    plan = classroom(door_spans=((0.3, 1.2), (7.8, 8.7)))
    taken = timed(plan)
    assert taken.lock_s == 10.0
    assert taken.between_s == pytest.approx(7.5 / 1.4)
    assert taken.seconds == pytest.approx(10 + 7.5 / 1.4 + HALL_S)


def test_only_the_doors_given_are_locked():
    plan = classroom(door_spans=((0.3, 1.2), (7.8, 8.7)))
    review = review_of()
    view = building_view(review, review.sheets[0], plan)
    room = next(r for r in view.rooms if r.id == "room")
    first = view.doors_of(room)[:1]
    assert secure_time(view, room, PARAMS, first).seconds == pytest.approx(5 + HALL_S)
    slower = replace(PARAMS, hall_reach_m=7.0, push_button_lock_s=3.0)
    assert secure_time(view, room, slower, first).seconds == pytest.approx(8.0)
