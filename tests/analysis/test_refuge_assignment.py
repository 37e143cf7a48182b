"""The minimum-cost flow of people to refuges, on networks worked out by hand."""

from __future__ import annotations

from designreview.analysis.refuge_assignment import Crowd, assign_refuges


def test_two_halls_share_one_classroom_without_counting_it_twice():
    # Hall A (20 people) and hall B (25) are both 10 m from a classroom with 30
    # places and have nowhere else: a capacity-blind count gives each hall the 30.
    # The flow places 30 in all; the 15 left are B's (A's walk is the same, so the
    # tie goes the way the solver finds it, but the total is fixed).
    found = assign_refuges([Crowd(20, ((0, 10.0),)), Crowd(25, ((0, 10.0),))], [30])
    assert found.taken(0) == 30
    assert sum(found.left) == 15


def test_the_nearer_crowd_keeps_the_place_and_the_farther_goes_on():
    # Classroom 0 (40 places) is 5 m from hall A and 8 m from hall B; classroom 1
    # (40 places) is 30 m from A and 9 m from B. A (30) and B (30): A -> 0 and
    # B -> 1 walks 30 * 5 + 30 * 9 = 420 person-metres; B -> 0 and A -> 1 would be
    # 30 * 8 + 30 * 30 = 1140. Best: A's 30 to 0, then B's first 10 to 0's last
    # places (8 m, a metre less than 9) and 20 to 1: 150 + 80 + 180 = 410.
    a = Crowd(30, ((0, 5.0), (1, 30.0)))
    b = Crowd(30, ((0, 8.0), (1, 9.0)))
    found = assign_refuges([a, b], [40, 40])
    assert found.moves == (((0, 30),), ((0, 10), (1, 20)))
    assert found.left == (0, 0)


def test_placing_everyone_beats_a_shorter_walk():
    # Classroom 0 (10 places) is 1 m from A (10 people) and 2 m from B (10); B can
    # also reach classroom 1 (10 places) 29 m away, A cannot. Sending A to 0 and B
    # to 1 places all 20 though it walks 10 * 1 + 10 * 29 = 300 person-metres; B
    # to 0 would walk only 20 but leave A behind.
    a = Crowd(10, ((0, 1.0),))
    b = Crowd(10, ((0, 2.0), (1, 29.0)))
    found = assign_refuges([a, b], [10, 10])
    assert found.moves == (((0, 10),), ((1, 10),))
    assert found.left == (0, 0)


def test_nobody_to_place_and_nowhere_to_go():
    assert assign_refuges([], [5]).moves == ()
    found = assign_refuges([Crowd(4, ())], [])
    assert found.left == (4,)
    assert found.moves == ((),)


def test_with_room_to_spare_everyone_walks_to_the_nearest():
    # Classroom 0 (50 places) is 12 m from A and 3 m from B; classroom 1 (50) is
    # 4 m from A. A's 30 to 1 and B's 40 to 0 fill neither: the least walk of all.
    a = Crowd(30, ((0, 12.0), (1, 4.0)))
    b = Crowd(40, ((0, 3.0),))
    found = assign_refuges([a, b], [50, 50])
    assert found.moves == (((1, 30),), ((0, 40),))
    assert found.left == (0, 0)
    # A crowd that reaches nothing is left whatever the room elsewhere.
    assert assign_refuges([Crowd(5, ())], [50]).left == (5,)
