"""LOCK-1: the race between the intruder's arrival and the room's lock, by hand.

``long_corridor`` classrooms from x0 have their doors at x0 + 0.3..1.2 on y = 0;
the propped west exit lets the intruder in at (0.5, -1.5), and they reach a door
at (x0 + 0.75, -0.5). A push-button door onto the corridor secures in 5 s plus
5 m of hall at 1.4 m/s: 8.571 s; a keyed one in 30 + 3.571 = 33.571 s.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.fixtures.plans import SHEET, classroom, long_corridor, review_of

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import lockdown_race
from designreview.analysis.rules.base import CheckContext
from designreview.model.findings import Severity
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Breach,
    BreachKind,
    LockFunction,
    Stamp,
)

STAMP = Stamp("r", "2026-12-07T10:00:00+00:00")
PROPPED = AccessPoint(
    "west-mark",
    SHEET,
    STAMP,
    STAMP,
    (0.0, -1.5),
    kind=AccessKind.EXTERIOR_DOOR,
    is_propped=True,
)


def checked(plan, markups=(), **changes):
    review = review_of(markups)
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    params = replace(lockdown_race.Params(), **changes)
    return sorted(lockdown_race.check(ctx, params), key=lambda f: f.subjects[0])


def keyed(x0):
    return AccessPoint(
        "k", SHEET, STAMP, STAMP, (x0 + 0.75, 0.0), lock=LockFunction.KEY_OUTSIDE_ONLY
    )


def test_the_nearer_classroom_loses_to_a_walker_the_farther_to_a_runner():
    # Room 100 (x0 = 20): 20.2747 m, 14.482 s walking - 8.571 = 5.9 s < 10: fail.
    # Room 101 (x0 = 40): 40.2624 m, 28.759 s walking (20.2 s spare), but hurried
    # 16.105 s - 8.571 = 7.5 s < 10: warning.
    near, far = checked(long_corridor((20.0, 40.0), 60.0), [PROPPED])
    assert (near.subjects[0], near.severity) == ("room0", Severity.FAIL)
    assert (far.subjects[0], far.severity) == ("room1", Severity.WARNING)
    assert near.message == (
        "CLASSROOM 100 loses the lockdown race from door WEST (propped open): a "
        "walking intruder (1.4 m/s) reaches door 100 in 14 s, but the room takes 9 s "
        "to secure (locking 5 s, letting the hall in 4 s): 6 s to spare, less than "
        "the 10 s margin. Fit push-button or thumb-turn locks, or keep the entry "
        "locked or controlled."
    )
    assert "hurried intruder (2.5 m/s) reaches door 101 in 16 s" in far.message
    assert near.overlay == (((0.5, -1.5), (20.75, -0.5)),)
    assert {"room0", "west", "west-mark", "d0"} == set(near.subjects)


def test_a_keyed_room_loses_and_a_push_button_room_wins():
    # x0 = 50: 50.2599 m, 35.900 s walking and 20.104 s hurried. Keyed: 35.900 -
    # 33.571 = 2.3 s spare, a fail. Push-button: 27.3 s walking and 11.5 s hurried
    # spare, both over the 10 s margin.
    plan = long_corridor((50.0,), 60.0)
    (lost,) = checked(plan, [PROPPED, keyed(50.0)])
    assert lost.severity is Severity.FAIL
    assert "takes 34 s to secure (locking 30 s" in lost.message
    assert checked(plan, [PROPPED]) == []
    # At an 11.6 s margin the push-button room loses to a runner (11.53 s spare).
    assert [f.severity for f in checked(plan, [PROPPED], margin_s=11.6)] == [
        Severity.WARNING
    ]


def test_the_propped_door_is_what_lets_the_intruder_in():
    plan = long_corridor((20.0,), 60.0)
    assert checked(plan) == []  # the exit device keeps the west door locked
    assert [f.severity for f in checked(plan, [PROPPED])] == [Severity.FAIL]


def test_a_breach_point_starts_a_race_of_its_own():
    # Glass at the east end (60, -1.5): in after 10 s at (59.4, -1.5), then
    # sqrt(8.65² + 1²) = 8.7076 m to room 100's door (x0 = 50): 16.220 s walking,
    # 16.220 - 8.571 = 7.6 s spare: a fail naming the breach.
    breach = Breach("b", SHEET, STAMP, STAMP, (60.0, -1.5), BreachKind.GLAZED_ENTRY)
    (lost,) = checked(long_corridor((50.0,), 60.0), [breach])
    assert lost.severity is Severity.FAIL
    assert lost.message.startswith(
        "CLASSROOM 100 loses the lockdown race from breach point glazed entry (10 s "
        "to break in): a walking intruder (1.4 m/s) reaches door 100 in 16 s"
    )
    assert lost.overlay == (((59.4, -1.5), (50.75, -0.5)),)


def test_a_breach_into_the_room_itself_is_lost_at_once():
    # A window of room 100 (x0 = 50) on its far wall y = 9: the intruder is inside.
    window = Breach("w", SHEET, STAMP, STAMP, (54.5, 9.0), BreachKind.WINDOW)
    (lost,) = checked(long_corridor((50.0,), 60.0), [window])
    assert lost.severity is Severity.FAIL
    assert "is inside it at once" in lost.message
    assert lost.overlay == ()


def test_an_unknown_lock_is_asked_about_never_passed():
    (asked,) = checked(classroom(hardware=""))
    assert asked.severity is Severity.NEEDS_INFORMATION
    assert asked.message.startswith("CLASSROOM 101: how door 100 locks is unknown")


def test_a_room_that_cannot_lock_loses_however_far():
    # 35.9 s away on foot, but PASSAGE hardware never locks.
    plan = long_corridor((50.0,), 60.0)
    mark = replace(keyed(50.0), lock=LockFunction.NONE)
    (lost,) = checked(plan, [PROPPED, mark])
    assert lost.severity is Severity.FAIL
    assert "and the room cannot be locked (door 100 does not lock)" in lost.message


@pytest.mark.parametrize("speed", [1.0, 1.4])
def test_races_list_every_room_and_entry_at_both_speeds(speed):
    plan = long_corridor((20.0, 40.0), 60.0)
    review = review_of([PROPPED])
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    params = replace(lockdown_race.Params(), walk_speed_mps=speed)
    found = lockdown_race.races(ctx, params)
    assert sorted((r.room.id, r.speed_mps) for r in found) == sorted(
        [("room0", 2.5), ("room0", speed), ("room1", 2.5), ("room1", speed)]
    )
    near = next(r for r in found if r.room.id == "room0" and r.speed_mps == speed)
    assert near.arrival_s == pytest.approx(20.2747 / speed, abs=1e-3)


def test_rooms_too_far_to_lose_are_not_walked_to_and_the_findings_stay():
    # Rooms from x = 20 and x = 150 of a 200 m corridor. The far one's door is
    # 150.25 m away in a straight line: at least (150.25 - 1) / 2.5 = 59.7 s even
    # at a run, against at most 8.571 s to secure: it cannot lose, so it is left
    # out; the near one (5.9 s spare on foot) still fails.
    plan = long_corridor((20.0, 150.0), 200.0)
    review = review_of([PROPPED])
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    params = lockdown_race.Params()
    every = {r.room.id for r in lockdown_race.races(ctx, params)}
    contested = {
        r.room.id for r in lockdown_race.races(ctx, params, contested_only=True)
    }
    assert (every, contested) == ({"room0", "room1"}, {"room0"})
    (lost,) = lockdown_race.check(ctx, params)
    assert (lost.subjects[0], lost.severity) == ("room0", Severity.FAIL)
