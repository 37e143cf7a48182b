"""Exposure through door glass along the intruder's own route, worked out by hand.

The room is ``thick_classroom`` with a 0.5 m sidelite at x 1.2..1.7 (glass on both
faces of the 0.15 m wall, y = -0.15 and 0) and door 101 (x 0.15..1.05) marked
without a vision panel, as in test_glass_exposure.py. The intruder gets in at
(10.6, -0.5) in the corridor and walks straight west along y = -0.5 to the door's
approach point (0.6, -0.5), 10 m: samples every 0.5 m at x = 10.6 - 0.5 k.
"""

from __future__ import annotations

import pytest
from tests.fixtures.plans import SHEET, review_of, thick_classroom

from designreview.analysis.building_view import building_view
from designreview.analysis.glass_exposure import ExposureParams
from designreview.analysis.intruder import (
    Entry,
    IntruderParams,
    arrival,
    intruder_index,
)
from designreview.analysis.route_exposure import (
    ExposureCache,
    RouteParams,
    route_exposures,
)
from designreview.analysis.rules.base import CheckContext
from designreview.model.markups import AccessPoint, Stamp

STAMP = Stamp("r", "2026-12-07T10:00:00+00:00")
SOLID = AccessPoint("ap", SHEET, STAMP, STAMP, (0.6, 0.0), has_vision_panel=False)
WHOLE_ROOM = RouteParams(glass=ExposureParams(wall_clearance_m=0.0))


def setting(start=(10.6, -0.5), delay_s=0.0):
    review = review_of([SOLID])
    plan = thick_classroom(sidelite_spans=((1.2, 1.7),))
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    entry = Entry("e", "east end", start, delay_s, ("e",))
    walk = arrival(intruder_index(ctx.building), ctx.building, entry, 1.4,
                   IntruderParams())  # fmt: skip
    return ctx, ctx.building.room("room"), walk


def test_the_route_along_the_corridor_sees_a_narrower_wedge():
    ctx, room, walk = setting()
    [found] = route_exposures(ctx, [room], walk, WHOLE_ROOM)
    assert found.on_route
    # The start (10.6, -0.5) is 10.01 m from the door's middle (0.6, 0): beyond the
    # 10 m reach; x = 0.6 .. 10.1 count. The sidelite's cross diagonals meet
    # y = -0.5 at x = 1.2 - 0.35 / 0.3 = 0.033 and 1.7 + 0.35 / 0.3 = 2.867:
    # the samples x = 0.6, 1.1, 1.6, 2.1, 2.6 see in, 5 * 0.5 m at 1.4 m/s.
    assert found.seconds == pytest.approx(5 * 0.5 / 1.4)
    # The left edge is the diagonal x = 1.2 - y / 0.3 (reached by walkers up to
    # x = 2.867): 0.5 * 1.2 * 0.36 = 0.216 m² hidden by the door. The right edge is
    # the westmost walker's line from (0.6, -0.5) past (1.7, 0), x = 1.7 + 2.2 y,
    # which meets the east wall x = 9 at y = 7.3 / 2.2: 0.5 * 7.3 * 3.318 hidden.
    # (The straight walk of test_glass_exposure.py, from x = -2.9, saw more.)
    seen = 67.5 - 0.216 - 0.5 * 7.3 * (7.3 / 2.2)
    assert found.seen.area == pytest.approx(seen, abs=0.01)
    assert found.share == pytest.approx(seen / 67.5, abs=2e-4)


def test_without_a_route_the_straight_walk_along_the_door_is_kept():
    ctx, room, _walk = setting()
    [found] = route_exposures(ctx, [room], None, WHOLE_ROOM)
    assert not found.on_route
    # test_glass_exposure.py's answer: 67.5 - 0.216 - 7.9935 m², 15 samples.
    assert found.seen.area == pytest.approx(67.5 - 0.216 - 7.9935, abs=0.01)
    assert found.seconds == pytest.approx(15 * 0.5 / 1.4)


def test_a_room_whose_door_the_route_never_passes_falls_back():
    # Door 101's hardware locks it (CLASSROOM SECURITY): an intruder who got in
    # inside the room, at (4.5, 3), has no walk to its corridor side, so no route
    # passes it and the straight walk along the door line is kept.
    ctx, room, walk = setting(start=(4.5, 3.0))
    [found] = route_exposures(ctx, [room], walk, WHOLE_ROOM)
    assert not found.on_route
    assert found.seconds == pytest.approx(15 * 0.5 / 1.4)


def test_the_cache_answers_an_unchanged_room_and_recomputes_a_new_route():
    ctx, room, walk = setting()
    cache = ExposureCache()
    [first] = route_exposures(ctx, [room], walk, WHOLE_ROOM, cache)
    [again] = route_exposures(ctx, [room], walk, WHOLE_ROOM, cache)
    assert again is first
    assert len(cache) == 2  # by the walk, and by the routes it walks
    # The same way in after a 5 s delay: another walk, the same route past the
    # door, so the answer kept by the routes is found.
    _ctx, _room, later = setting(delay_s=5.0)
    [same] = route_exposures(ctx, [room], later, WHOLE_ROOM, cache)
    assert same is first
    assert len(cache) == 3
    _ctx, _room, other = setting(start=(6.0, -0.5))
    [moved] = route_exposures(ctx, [room], other, WHOLE_ROOM, cache)
    assert moved is not first
    assert len(cache) == 5
    # From x = 6: samples 0.6 .. 6.0, the same five see in.
    assert moved.seconds == pytest.approx(5 * 0.5 / 1.4)
