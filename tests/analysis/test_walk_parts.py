"""A walking index rebuilt from its saved parts is the index built afresh."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from tests.fixtures.corpus import corpus_file

from designreview.analysis.distances import (
    build_walk_index,
    walking_obstacles,
    walking_path,
)
from designreview.analysis.walk_parts import (
    WalkParts,
    walk_index_from_parts,
    walk_parts,
)


def corridor_with_rooms() -> list[list[float]]:
    """A 12 x 3 m corridor with two 4 x 4 rooms north of it, each by a 1 m door.

    Single-line walls: the corridor's south wall y = 0, its north wall y = 3 broken
    at the doors x = 1.5-2.5 and x = 7.5-8.5, the rooms' walls up to y = 7.
    """
    return [
        [0, 0, 12, 0],
        [0, 3, 1.5, 3], [2.5, 3, 7.5, 3], [8.5, 3, 12, 3],
        [0, 3, 0, 7], [0, 7, 4, 7], [4, 7, 4, 3],
        [6, 3, 6, 7], [6, 7, 10, 7], [10, 7, 10, 3],
    ]  # fmt: skip


def assert_same_index(fresh, again):
    assert again.bounds == fresh.bounds
    assert again.clearance_m == fresh.clearance_m
    assert np.array_equal(again.corners, fresh.corners)
    assert np.array_equal(again.hinges, fresh.hinges)
    assert again.neighbours == fresh.neighbours
    assert again.lengths == fresh.lengths
    assert shapely.equals_exact(again.walkable, fresh.walkable, tolerance=0)


def test_the_round_trip_keeps_every_corner_and_edge():
    walls = corridor_with_rooms()
    fresh = build_walk_index(walls)
    again = walk_index_from_parts(walls, walk_parts(fresh))
    assert_same_index(fresh, again)


def test_a_walk_round_a_wall_end_is_the_same_after_the_round_trip():
    # A 2 m wall x = 0, y -1..1, clearance 0.25. The clearance round the end (0, 1)
    # is inscribed with 2 chords per quarter circle: vertices (0.1768, 1.1768),
    # (0, 1.25), (-0.1768, 1.1768). From (1, 0.5) to (-1, 0.5) the walk is
    # symmetric: |(1, 0.5)-(0.1768, 1.1768)| = sqrt(0.8232^2 + 0.6768^2) = 1.06570,
    # then |(0.1768, 1.1768)-(0, 1.25)| = sqrt(0.1768^2 + 0.0732^2) = 0.19134;
    # twice their sum is 2.5141 m.
    walls = [[0, -1, 0, 1]]
    fresh = build_walk_index(walls, clearance_m=0.25)
    again = walk_index_from_parts(walls, walk_parts(fresh))
    path = walking_path(again, (1, 0.5), (-1, 0.5))
    assert path.length_m == pytest.approx(2.5141, abs=1e-4)
    assert path == walking_path(fresh, (1, 0.5), (-1, 0.5))


def test_the_distance_between_rooms_is_the_same_after_the_round_trip():
    # From the west room's centre (2, 5) out of its door (1.5-2.5), along the
    # corridor and into the east room's centre (8, 5) by its door (7.5-8.5). The
    # walk wraps the clearance (0.2 m, 2 chords per quarter) round the door jambs
    # (2.5, 3) and (7.5, 3): (2, 5) to the cap's west point (2.3, 3) is
    # sqrt(0.3^2 + 2^2) = 2.02237; two chords of 2 * 0.2 * sin(22.5 deg) = 0.15307
    # to (2.5, 2.8); 5 m along y = 2.8; the same again up to (8, 5):
    # 2 * (2.02237 + 2 * 0.15307) + 5 = 9.6570 m.
    walls = corridor_with_rooms()
    fresh = build_walk_index(walls)
    again = walk_index_from_parts(walls, walk_parts(fresh))
    walk = walking_path(again, (2, 5), (8, 5))
    assert walk.length_m == pytest.approx(9.6570, abs=1e-4)
    assert walk == walking_path(fresh, (2, 5), (8, 5))


def test_parts_of_another_drawing_are_refused():
    walls = corridor_with_rooms()
    parts = walk_parts(build_walk_index(walls))
    other = walk_parts(build_walk_index([[0, -1, 0, 1]], clearance_m=0.25))
    mixed = WalkParts(
        parts.bounds, parts.clearance_m, other.walkable_wkb, parts.edges, 99
    )
    with pytest.raises(ValueError, match="corners"):
        walk_index_from_parts(walls, mixed)


def test_edges_to_corners_that_do_not_exist_are_refused():
    walls = corridor_with_rooms()
    parts = walk_parts(build_walk_index(walls))
    bad = np.vstack([parts.edges, [[0, parts.corner_count]]])
    damaged = WalkParts(
        parts.bounds, parts.clearance_m, parts.walkable_wkb, bad, parts.corner_count
    )
    with pytest.raises(ValueError, match="corners the area does not have"):
        walk_index_from_parts(walls, damaged)


def test_a_saved_area_that_is_not_an_area_is_refused():
    walls = corridor_with_rooms()
    parts = walk_parts(build_walk_index(walls))
    line = shapely.to_wkb(shapely.LineString([(0, 0), (1, 1)]))
    damaged = WalkParts(
        parts.bounds, parts.clearance_m, line, parts.edges, parts.corner_count
    )
    with pytest.raises(ValueError, match="not an area"):
        walk_index_from_parts(walls, damaged)


@pytest.mark.slow
def test_a_real_drawing_round_trips_with_its_one_way_sightlines():
    # The media lab plan (4.8k corners, 10.8k edges) has pairs of corners of which
    # only one sees the other; the saved graph keeps each edge as the build found
    # it, so walks across the drawing (round the outside) come out the same.
    from designreview.readers.dxf.read import read_dxf

    plan = read_dxf(corpus_file("medialab_building_R12.dxf"))
    walls = walking_obstacles(plan)
    fresh = build_walk_index(walls, extents=plan.extents)
    again = walk_index_from_parts(walls, walk_parts(fresh))
    assert_same_index(fresh, again)
    x0, y0, x1, y1 = fresh.bounds
    for a, b in (
        ((x0 + 1, y0 + 1), (x1 - 1, y1 - 1)),
        ((x0 + 1, y1 - 1), (x1 - 1, y0 + 1)),
    ):
        assert walking_path(again, a, b) == walking_path(fresh, a, b)
