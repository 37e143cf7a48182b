"""Walking distances: answers by hand, a grid upper bound, properties and edge cases."""

from __future__ import annotations

import heapq
import itertools
import math

import numpy as np
import pytest
import shapely
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from designreview.analysis.distances import (
    build_walk_index,
    distance_field,
    travel_distances,
    walking_path,
)
from designreview.analysis.walk_graph import ARC_SEGMENTS, locate
from designreview.model.errors import InsideWallError
from designreview.model.geometry import Extents

C = 0.2  # the default clearance
CLOSEST = C * math.cos(math.pi / (4 * ARC_SEGMENTS))
"""How near a path may come to a wall: the clearance polygon is inscribed."""


def ring_walls(*points: tuple[float, float]) -> list[list[float]]:
    """The walls round a closed outline."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return [[x1, y1, x2, y2] for (x1, y1), (x2, y2) in pairs]


def round_about(
    a: tuple[float, float], b: tuple[float, float], o: tuple[float, float], r: float
) -> float:
    """Shortest walk from a to b round a circle (a wall end with its clearance).

    Two tangents and the arc between them: the arc turns through a full turn less
    the angle a-o-b and less acos(r / |ao|) + acos(r / |bo|), the angles at o
    between each point and its tangent point.
    """
    ao, bo = math.dist(a, o), math.dist(b, o)
    aob = abs(
        math.atan2(a[1] - o[1], a[0] - o[0]) - math.atan2(b[1] - o[1], b[0] - o[0])
    )
    aob = min(aob, math.tau - aob)
    arc = math.tau - aob - math.acos(r / ao) - math.acos(r / bo)
    return math.sqrt(ao**2 - r**2) + math.sqrt(bo**2 - r**2) + r * arc


SQUARE = ring_walls((0, 0), (10, 0), (10, 10), (0, 10))
# Two 5 x 10 rooms joined by a 1 m door gap in the wall x = 5, from y = 4.5 to 5.5.
TWO_ROOMS = [*SQUARE, [5, 0, 5, 4.5], [5, 5.5, 5, 10]]
# Two rooms with doors only to the outside (gaps x = 2-3 and 7-8 in the wall y = 0).
OUTSIDE_DOORS = [
    [0, 0, 2, 0], [3, 0, 7, 0], [8, 0, 10, 0],
    *ring_walls((10, 0), (10, 5), (0, 5), (0, 0))[:3], [5, 0, 5, 5],
]  # fmt: skip
# A sealed 2 x 2 room inside the square.
SEALED = [*SQUARE, *ring_walls((4, 4), (6, 4), (6, 6), (4, 6))]


@pytest.fixture(scope="module")
def two_rooms():
    return build_walk_index(TWO_ROOMS)


def test_straight_line_in_an_open_room_is_exact():
    index = build_walk_index(SQUARE)
    path = walking_path(index, (2, 5), (8, 3))
    assert path is not None
    assert path.length_m == pytest.approx(math.hypot(6, 2), rel=1e-12)
    assert path.points == ((2.0, 5.0), (8.0, 3.0))


def test_round_the_end_of_a_single_wall():
    # Wall x = 5 from y = 0 to 6; walk from (3, 4) to (7, 4), over its end (5, 6).
    # Without clearance: two straight legs via the end, 2 * sqrt(2^2 + 2^2) = 5.6569.
    # With a round 0.2 m clearance: |a - end| = sqrt(8) = 2.8284, each tangent
    # sqrt(8 - 0.2^2) = 2.8213; the arc turns 2 pi - pi/2 - 2 acos(0.2 / 2.8284) =
    # 6.2832 - 1.5708 - 3.0001 = 1.7123 rad, 0.3425 m: total 5.9852 m.
    exact = round_about((3, 4), (7, 4), (5, 6), C)
    assert exact == pytest.approx(5.9852, abs=1e-4)
    path = walking_path(build_walk_index([[5, 0, 5, 6]]), (3, 4), (7, 4))
    assert path is not None
    assert path.length_m == pytest.approx(exact, rel=0.02)
    # The clearance polygon is inscribed in the circle: a little shorter, never longer.
    assert 2 * math.sqrt(8) < path.length_m <= exact
    assert path.length_m == pytest.approx(exact, rel=0.002)
    assert min(y for _, y in path.points) == 4.0
    assert max(y for _, y in path.points) == pytest.approx(6 + C)


def test_through_a_door_gap_between_two_rooms(two_rooms):
    # Straight through the middle of the gap: the line y = 5 keeps 0.5 m from both
    # jambs, so it is exactly the straight distance.
    assert walking_path(two_rooms, (2, 5), (8, 5)).length_m == pytest.approx(6.0)
    # From (2, 8) to (8, 8): under the upper jamb's end (5, 5.5). |a - end| =
    # sqrt(3^2 + 2.5^2) = 3.9051, each tangent sqrt(15.25 - 0.04) = 3.9000, and the
    # arc turns 2 pi - 2 atan(3 / 2.5) - 2 acos(0.2 / 3.9051) = 1.4919 rad, 0.2984 m:
    # total 8.0984 m (8.0 with no clearance, 7.8102 in a straight line).
    exact = round_about((2, 8), (8, 8), (5, 5.5), C)
    assert exact == pytest.approx(8.0984, abs=1e-4)
    path = walking_path(two_rooms, (2, 8), (8, 8))
    assert path is not None
    assert path.length_m == pytest.approx(exact, rel=0.02)
    assert path.length_m == pytest.approx(exact, rel=0.002)
    assert all(5.3 - 1e-9 <= y <= 5.5 for _, y in path.points[1:-1])


def test_a_path_may_leave_the_building_and_come_back_in():
    # Out through the door at x = 2-3, under the wall y = 0 from its end (3, 0) to
    # its end (7, 0), and in through the door at x = 7-8. Each end: a tangent of
    # sqrt(0.5^2 + 2.5^2 - 0.2^2) = 2.5417 meeting the clearance circle round the
    # wall end at 101.31 + 85.50 = 186.81 degrees (the direction to the room's point
    # plus the tangent's angle at the centre), then the arc on to 270 degrees,
    # 1.4519 rad or 0.2904 m; between the ends 4 m along y = -0.2: total 9.6641 m.
    leg = math.sqrt(0.5**2 + 2.5**2 - C**2)
    meets = math.atan2(2.5, -0.5) + math.acos(C / math.hypot(0.5, 2.5))
    exact = 2 * (leg + C * (1.5 * math.pi - meets)) + 4
    assert exact == pytest.approx(9.6641, abs=1e-4)
    path = walking_path(build_walk_index(OUTSIDE_DOORS), (2.5, 2.5), (7.5, 2.5))
    assert path is not None
    assert path.length_m == pytest.approx(exact, rel=0.002)
    assert min(y for _, y in path.points) < -C + 1e-6


def test_a_target_in_a_sealed_room_is_unreachable():
    index = build_walk_index(SEALED)
    assert walking_path(index, (1, 1), (5, 5)) is None
    assert walking_path(index, (4.5, 4.5), (5.5, 5.5)).length_m == pytest.approx(
        math.sqrt(2)
    )
    field = distance_field(index, [(5, 5)])
    assert field.at((1, 1)) is None
    assert field.path_from((1, 1)) is None
    assert field.at((4.5, 5)) == pytest.approx(0.5)
    assert travel_distances(index, [(1, 1), (5.5, 5)], [(5, 5)]) == [None, 0.5]


def test_a_crack_is_closed_and_a_door_open():
    crack = [*SQUARE, [0, 5, 4.995, 5], [5.005, 5, 10, 5]]
    door = [*SQUARE, [0, 5, 4.6, 5], [5.4, 5, 10, 5]]
    assert walking_path(build_walk_index(crack), (5, 2), (5, 8)) is None
    assert walking_path(build_walk_index(door), (5, 2), (5, 8)).length_m == (
        pytest.approx(6.0)
    )


@pytest.mark.parametrize(
    ("a", "b"), [((2, 8), (8, 8)), ((1, 1), (9, 9)), ((4.5, 9), (6, 0.5))]
)
def test_distances_are_symmetric(two_rooms, a, b):
    there, back = walking_path(two_rooms, a, b), walking_path(two_rooms, b, a)
    assert there.length_m == pytest.approx(back.length_m, rel=1e-9)  # not just 1 %
    assert there.points == back.points[::-1]


def test_field_agrees_with_single_paths(two_rooms):
    targets = [(2, 2), (8, 9), (7, 1)]
    field = distance_field(two_rooms, targets)
    origins = [(1, 9), (4.5, 5), (9, 5), (5.5, 5.2), (7, 1)]
    expected = [
        min(walking_path(two_rooms, o, t).length_m for t in targets) for o in origins
    ]
    got = travel_distances(two_rooms, origins, targets)
    assert got == pytest.approx(expected, rel=1e-9)
    assert [field.at(o) for o in origins] == got
    path = field.path_from((1, 9))
    assert path.points[0] == (1, 9)
    assert path.points[-1] in targets
    assert path.length_m == pytest.approx(polyline_m(path.points), rel=1e-9)


def test_no_targets_reach_nothing(two_rooms):
    assert distance_field(two_rooms, []).at((1, 1)) is None
    assert travel_distances(two_rooms, [(1, 1)], []) == [None]


def test_points_in_a_wall_move_out_of_it():
    index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25)
    path = walking_path(index, (0.1, 0), (3, 0))
    assert path.points[0] == pytest.approx((0.25, 0), abs=2e-4)
    assert path.length_m == pytest.approx(2.75, abs=2e-4)
    field = distance_field(index, [(-0.05, 0.5)])  # a target in the wall, too
    assert field.targets[0] == pytest.approx((-0.25, 0.5), abs=2e-4)


def test_points_deep_in_walls_are_errors():
    hatch = [[x / 10, 0, x / 10, 10] for x in range(0, 31, 3)]  # 0.3 m apart
    index = build_walk_index(hatch)
    with pytest.raises(ValueError, match=r"point \(1\.5, 5\) lies 1\.\d\d m inside"):
        walking_path(index, (1.5, 5), (6, 5))
    with pytest.raises(ValueError, match=r"\(1\.5, 5\)"):
        distance_field(index, [(1.5, 5)])
    with pytest.raises(ValueError, match=r"point \(40, 5\) is outside"):
        travel_distances(index, [(40, 5)], [(6, 5)])
    with pytest.raises(ValueError, match="outside"):
        walking_path(index, (math.nan, 5), (6, 5))


def test_no_walls_needs_extents():
    index = build_walk_index(np.empty((0, 4)), extents=Extents(0, 0, 10, 10))
    assert walking_path(index, (-4, -4), (14, 14)).length_m == pytest.approx(
        18 * math.sqrt(2)
    )
    with pytest.raises(ValueError, match="nothing to bound"):
        build_walk_index(np.empty((0, 4)))


@pytest.mark.parametrize(
    "kwargs", [{"clearance_m": 0}, {"margin_m": -1}, {"snap_m": -0.1}]
)
def test_bad_sizes_are_errors(kwargs):
    with pytest.raises(ValueError, match="must be"):
        build_walk_index(SQUARE, **kwargs)


def test_walls_that_leave_no_room_are_an_error():
    with pytest.raises(ValueError, match="nowhere to walk"):
        build_walk_index([[0, 0, 1, 0]], clearance_m=0.5, margin_m=0.1)


# --- properties against an 8-connected grid -----------------------------------------

CELL = 0.25
STEPS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)]


def polyline_m(points) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(points))


def grid_bound(index, walls, a, b) -> float | None:
    """Length of some valid walk: to a cell centre, 8-connected steps, to ``b``.

    Cells are free when their centre is farther than the clearance plus half a
    diagonal from every wall, so every step between free neighbours keeps the
    clearance; the first and last legs are checked with shapely. None when the grid
    finds no walk (the exact one may still exist through a narrow gap).
    """
    x0, y0, x1, y1 = index.bounds
    nx, ny = int((x1 - x0) / CELL), int((y1 - y0) / CELL)
    xs, ys = x0 + (np.arange(nx) + 0.5) * CELL, y0 + (np.arange(ny) + 0.5) * CELL
    centres = np.column_stack([g.ravel() for g in np.meshgrid(xs, ys)])
    lines = shapely.multilinestrings(np.reshape(walls, (-1, 2, 2))) if walls else None
    free = np.ones(len(centres), dtype=bool)
    if lines is not None:
        clear = shapely.distance(lines, shapely.points(centres))
        free = clear > C + CELL * math.sqrt(2) / 2 + 1e-9
    start, end = _link(centres, free, lines, a), _link(centres, free, lines, b)
    if start is None or end is None:
        return None
    dist = {start[0]: start[1]}
    heap = [(start[1], start[0])]
    while heap:
        d, u = heapq.heappop(heap)
        if u == end[0]:
            return d + end[1]
        if d > dist[u]:
            continue
        i, j = u % nx, u // nx
        for di, dj in STEPS:
            v = (j + dj) * nx + i + di
            if 0 <= i + di < nx and 0 <= j + dj < ny and free[v]:
                nd = d + CELL * math.hypot(di, dj)
                if nd < dist.get(v, math.inf):
                    dist[v] = nd
                    heapq.heappush(heap, (nd, v))
    return None


def _link(centres, free, lines, p) -> tuple[int, float] | None:
    """The nearest free cell within 1 m that p walks to in a straight line."""
    d = np.hypot(*(centres - p).T)
    for k in np.flatnonzero(free & (d < 1.0))[np.argsort(d[free & (d < 1.0)])]:
        leg = shapely.LineString([p, centres[k]])
        if lines is None or shapely.distance(lines, leg) >= C:
            return int(k), float(d[k])
    return None


coordinate = st.floats(1, 9).map(lambda v: round(v, 1))
segment = st.tuples(coordinate, coordinate, coordinate, coordinate).filter(
    lambda s: s[:2] != s[2:]
)
point = st.tuples(st.floats(0.5, 9.5), st.floats(0.5, 9.5))


@settings(max_examples=40, deadline=None)
@given(walls=st.lists(segment, max_size=5), a=point, b=point)
def test_walks_lie_between_the_straight_line_and_a_grid_walk(walls, a, b):
    box = Extents(0, 0, 10, 10)
    index = build_walk_index(np.reshape(walls, (-1, 4)), extents=box, margin_m=1.0)
    try:
        start, end = locate(index, a), locate(index, b)
    except ValueError:
        assume(False)  # a point deep inside crossing walls
        return
    path = walking_path(index, start, end)
    bound = grid_bound(index, walls, start, end)
    if path is None:
        assert bound is None  # a grid walk is a walk
        return
    assert path.points[0] == start
    assert path.points[-1] == end
    assert path.length_m >= math.dist(start, end) - 1e-9
    assert path.length_m == pytest.approx(polyline_m(path.points), rel=1e-9)
    if bound is not None:
        assert path.length_m <= bound + 1e-6
    back = walking_path(index, end, start)
    assert back.length_m == pytest.approx(path.length_m, rel=1e-6, abs=1e-6)
    if walls:
        lines = shapely.multilinestrings(np.reshape(walls, (-1, 2, 2)))
        assert (
            shapely.distance(lines, shapely.LineString(path.points)) >= CLOSEST - 1e-5
        )


# A wall drawn as its two faces, x = 0 and x = 0.2, from y = -1 to 1.
FACES = [[0, -1, 0, 1], [0.2, -1, 0.2, 1]]


def test_a_walk_from_inside_a_wall_is_an_error():
    index = build_walk_index(FACES)
    # (0.15, 0) is between the faces, 0.05 from the east one: moved out, it would
    # start east of the wall at x = 0.2 + 0.2 clearance = 0.4, in the far room.
    assert locate(index, (0.15, 0))[0] == pytest.approx(0.4, abs=2e-4)
    message = r"the point \(0\.15, 0\) lies inside a wall; pick a point in a room"
    with pytest.raises(InsideWallError, match=message):
        walking_path(index, (0.15, 0), (-3, 0))
    with pytest.raises(InsideWallError, match=r"\(0\.05, 0\.5\)"):
        walking_path(index, (-3, 0), (0.05, 0.5))


def test_a_walk_from_inside_an_outer_wall_does_not_start_outside():
    # A 4 x 4 room in 0.2 m walls: faces (0, 0)-(4, 4) and (-0.2, -0.2)-(4.2, 4.2).
    # (-0.15, 2) is nearer the outer face; moved out it would start outside, at
    # x = -0.2 - 0.2 = -0.4.
    index = build_walk_index(
        [*ring_walls((0, 0), (4, 0), (4, 4), (0, 4)),
         *ring_walls((-0.2, -0.2), (4.2, -0.2), (4.2, 4.2), (-0.2, 4.2))]
    )  # fmt: skip
    assert locate(index, (-0.15, 2))[0] == pytest.approx(-0.4, abs=2e-4)
    with pytest.raises(InsideWallError):
        walking_path(index, (-0.15, 2), (2, 2))
    # In the corner square of the walls, too, where no face runs on both sides.
    with pytest.raises(InsideWallError):
        walking_path(index, (-0.1, -0.1), (2, 2))


def test_a_point_on_a_single_wall_line_still_moves_off_it():
    index = build_walk_index([[0, -1, 0, 1]], clearance_m=0.25)
    path = walking_path(index, (0, 0.5), (3, 0.5))
    assert abs(path.points[0][0]) == pytest.approx(0.25, abs=2e-4)
