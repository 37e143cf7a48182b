"""A viewpoint inside a wall or a column is refused; one in a room, however close to a
wall, is not."""

from __future__ import annotations

import math

import pytest

from designreview.analysis.obstacles import build_visibility_index
from designreview.analysis.viewpoints import check_viewpoint, inside_wall
from designreview.analysis.viewsheds import markup_viewshed, require_viewshed
from designreview.model.errors import InsideWallError
from designreview.model.markups import Camera, Observer, Stamp


def box(x0, y0, x1, y1):
    return [[x0, y0, x1, y0], [x1, y0, x1, y1], [x1, y1, x0, y1], [x0, y1, x0, y0]]


def polygon_walls(points):
    return [[*a, *b] for a, b in zip(points, [*points[1:], points[0]], strict=True)]


# An L of 0.3 m walls with closed ends: outer faces x = 0 and y = 0, inner faces
# x = 0.3 and y = 0.3, legs 5 m long.
L_WALL = polygon_walls([(0, 0), (5, 0), (5, 0.3), (0.3, 0.3), (0.3, 5), (0, 5)])
# A 31-gon column of radius 0.25 round (2, 2), in a 6 x 6 m room: no two of its
# sides are parallel, so pairing faces would miss it.
ROUND = [
    (2 + 0.25 * math.cos(k * math.tau / 31), 2 + 0.25 * math.sin(k * math.tau / 31))
    for k in range(31)
]
# A corridor 0.9 m wide between two 0.2 m walls (faces y = 0, 0.2 and 1.1, 1.3).
CORRIDOR = [*box(0, 0, 10, 0.2), *box(0, 1.1, 10, 1.3)]
# A 0.3 m wall with a 0.9 m door opening from x = 4 to 4.9.
DOORWAY = [*box(0, 0, 4, 0.3), *box(4.9, 0, 9, 0.3)]


@pytest.mark.parametrize(
    ("walls", "point", "inside"),
    [
        (L_WALL, (2.0, 0.15), True),  # in a leg, between its faces
        (L_WALL, (0.15, 0.15), True),  # in the corner square: no face on two sides
        (L_WALL, (0.35, 0.35), False),  # in the room, 5 cm from both inner faces
        (L_WALL, (-0.05, -0.05), False),  # outside, 5 cm from both outer faces
        ([*polygon_walls(ROUND), *box(0, 0, 6, 6)], (2.0, 2.0), True),
        ([*polygon_walls(ROUND), *box(0, 0, 6, 6)], (2.2, 2.0), True),  # near its edge
        ([*polygon_walls(ROUND), *box(0, 0, 6, 6)], (2.27, 2.0), False),  # 2 cm out
        (CORRIDOR, (5.0, 0.1), True),
        (CORRIDOR, (5.0, 0.25), False),  # 5 cm off a face: 0.85 m of corridor ahead
        (CORRIDOR, (5.0, 0.65), False),
        (DOORWAY, (4.45, 0.15), False),  # in the opening: sees both rooms
        (DOORWAY, (4.02, 0.15), False),  # in the opening, 2 cm from the jamb
        (DOORWAY, (3.95, 0.15), True),  # 5 cm into the wall beside the opening
    ],
)
def test_inside_a_wall(walls, point, inside):
    index = build_visibility_index(walls, 1.0)
    assert inside_wall(index, point) is inside


def test_a_wide_column_or_wall_is_not_recognised():
    # 0.8 m across both ways is wider than MAX_WALL_M = 0.6: from its centre a 0.6 m
    # circle fits in what is seen, so it counts as a (tiny) room. A known limit.
    index = build_visibility_index([*box(2, 2, 2.8, 2.8), *box(0, 0, 6, 6)], 1.0)
    assert inside_wall(index, (2.4, 2.4)) is False


def test_check_viewpoint_names_the_point():
    index = build_visibility_index(CORRIDOR, 1.0)
    check_viewpoint(index, (5.0, 0.65))  # in the corridor: fine
    with pytest.raises(InsideWallError) as raised:
        check_viewpoint(index, (5.0, 0.1))
    assert raised.value.point == (5.0, 0.1)
    assert str(raised.value) == (
        "the point (5, 0.1) lies inside a wall; pick a point in a room or corridor"
    )


S = Stamp("r-1", "2026-12-01T00:00:00+00:00")
# A 4 x 3 m room (inner faces x = 0, 4 and y = 0, 3) whose south wall is 0.2 m thick.
ROOM = [*box(0, 0, 4, 3), [0, -0.2, 4, -0.2], [0, -0.2, 0, 0], [4, -0.2, 4, 0]]


def test_an_observer_inside_a_wall_sees_nothing_and_says_why():
    index = build_visibility_index(ROOM, 1.0)
    observer = Observer("o", "s", S, S, (2.0, -0.1))
    # It used to see the gap between the faces: 0.2 x 4 = 0.8 m2.
    assert markup_viewshed(index, observer) is None
    with pytest.raises(InsideWallError, match=r"\(2, -0\.1\) lies inside a wall"):
        require_viewshed(index, observer)


def test_a_camera_just_inside_a_wall_face_is_nudged_into_the_room():
    # Mounted at (2, -0.005), 5 mm inside the south face, looking north (90 degrees)
    # with a 90 degree field. Nudged 1 cm north to (2, 0.005), its cone's edges
    # y - 0.005 = +-(x - 2) meet the side walls at y = 2.005: the room above
    # y = 0.005 (4 x 2.995 = 11.98) less two 2 x 2 corner triangles (2 each) = 7.98.
    index = build_visibility_index(ROOM, 1.0)
    camera = Camera("c", "s", S, S, (2.0, -0.005), 90.0, 90.0, 100.0)
    assert markup_viewshed(index, camera).area == pytest.approx(7.98, abs=1e-6)
