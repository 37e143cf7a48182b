"""Exposure through door glass along the route past a room, worked out by hand.

The room: ``thick_classroom`` (9 x 7.5 m, its corridor face 0.15 m below its room
face y = 0, corridor y -3.15..-0.15, x -3..12), door 101 at x 0.15..1.05 marked
without a vision panel, and a 0.5 m sidelite at x 1.2..1.7 glazed on both faces.
The route walks y = -1.2 (1.2 m outside the door line) every 0.5 m from the door's
middle x = 0.6, 10 m either way, kept to the corridor: x = -2.9 .. 10.6.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.fixtures.plans import SHEET, review_of, thick_classroom

from designreview.analysis.building_view import building_view
from designreview.analysis.glass_exposure import (
    ExposureParams,
    exposure,
    route_past,
)
from designreview.analysis.rules.base import CheckContext
from designreview.model.markups import AccessPoint, Stamp

STAMP = Stamp("r", "2026-12-07T10:00:00+00:00")
SOLID = AccessPoint("ap", SHEET, STAMP, STAMP, (0.6, 0.0), has_vision_panel=False)
WHOLE_ROOM = ExposureParams(wall_clearance_m=0.0)


def room_and_context(plan, markups=(SOLID,)):
    review = review_of(markups)
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    return ctx, ctx.building.room("room")


def test_the_default_route_walks_the_corridor_past_the_door():
    ctx, room = room_and_context(thick_classroom(sidelite_spans=((1.2, 1.7),)))
    [door] = ctx.building.doors_of(room)
    route = route_past(ctx, room, door, WHOLE_ROOM)
    # 0.6 + 0.5 k for k = -20 .. 20, inside the corridor (x > -3): k = -7 .. 20.
    assert len(route) == 28
    assert route[0] == pytest.approx((-2.9, -1.2))
    assert route[-1] == pytest.approx((10.6, -1.2))


def test_a_sidelite_exposes_a_wedge_of_the_room_to_the_passing_walker():
    ctx, room = room_and_context(thick_classroom(sidelite_spans=((1.2, 1.7),)))
    found = exposure(ctx, room, WHOLE_ROOM)
    # Lines through both faces of the slot (y = -0.15 and 0, x 1.2..1.7) fill the
    # wedge between x = 1.2 - y / 0.3 and x = 1.7 + y / 0.3 (slope 0.15 / 0.5). The
    # walk reaches both of its edges (at y = -1.2 they are at x = 5.2 and -2.3), so
    # all of the wedge in the room is seen. Unseen: the triangle by the door, under
    # x = 1.2 - y / 0.3 to x = 0 (y = 0.36): 0.5 * 1.2 * 0.36 = 0.216; and the one
    # beyond the sidelite, under y = 0.3 (x - 1.7) to x = 9 (y = 2.19):
    # 0.5 * 7.3 * 2.19 = 7.9935. Seen: 67.5 - 0.216 - 7.9935 = 59.2905 m².
    seen = 67.5 - 0.5 * 1.2 * 0.36 - 0.5 * 7.3 * 2.19
    assert found.seen.area == pytest.approx(seen, abs=0.01)
    assert found.share == pytest.approx(seen / 67.5, abs=2e-4)
    # A walker sees in from x = -2.3 to 5.2: the samples x = 0.6 + 0.5 k for
    # k = -5 .. 9, 15 of them, each 0.5 m: 7.5 m at 1.4 m/s = 5.36 s.
    assert found.seconds == pytest.approx(15 * 0.5 / 1.4)


def test_a_door_without_glass_exposes_nothing():
    ctx, room = room_and_context(thick_classroom())
    found = exposure(ctx, room, WHOLE_ROOM)
    assert found.seen.area == 0
    assert found.share == 0
    assert found.seconds == 0


def test_the_room_glass_seen_by_a_given_route_only():
    # A route standing at one place, x = 5.2 on y = -1.2, on the wedge's far edge:
    # it sees only along the line x = 1.2 - y / 0.3, no area, and no time.
    ctx, room = room_and_context(thick_classroom(sidelite_spans=((1.2, 1.7),)))
    [door] = ctx.building.doors_of(room)
    found = exposure(ctx, room, WHOLE_ROOM, {door.id: [(5.2, -1.2)]})
    assert found.seen.area == pytest.approx(0, abs=0.05)
    # At x = 1.45, straight below the sidelite, a line x = 1.45 + s (y + 1.2)
    # crosses the near face (y = -0.15) within 1.2..1.7 for |s| <= 0.25 / 1.05 and
    # the far face (y = 0) for |s| <= 0.25 / 1.2: the far face binds. In the room
    # the view is 2 * 0.25 / 1.2 * (y + 1.2) wide, 0.5 / 1.2 * (8.7² - 1.2²) / 2 =
    # 15.46875 m² up to y = 7.5, less what the west wall x = 0 cuts off above
    # y = 1.2 / 0.25 * 1.45 - 1.2 = 5.76: 0.5 * 1.74 * (1.8125 - 1.45) = 0.315375.
    below = exposure(ctx, room, WHOLE_ROOM, {door.id: [(1.45, -1.2)]})
    wedge = 0.5 / 1.2 * (8.7**2 - 1.2**2) / 2
    cut = 0.5 * (7.5 - (1.2 / 0.25 * 1.45 - 1.2)) * (0.25 / 1.2 * 8.7 - 1.45)
    assert below.seen.area == pytest.approx(wedge - cut, abs=0.01)
    assert below.seconds == pytest.approx(0.5 / 1.4)


def test_the_clearance_keeps_the_usable_area_as_room_2_does():
    ctx, room = room_and_context(thick_classroom(sidelite_spans=((1.2, 1.7),)))
    found = exposure(ctx, room, replace(WHOLE_ROOM, wall_clearance_m=0.45))
    assert found.usable_m2 == pytest.approx(8.1 * 6.6)
    # ROOM-2's viewers, within 3 m of the glass, already stand on both edges of the
    # wedge: the walk sees no more of the hard corner than they do.
    assert found.corner_seen_m2 == pytest.approx(0, abs=1e-6)
