"""Exposure through door glass along the route past a room: the moving hard corner.

ROOM-2's viewers stand still within reach of the glass. An intruder walks past: each
step of the route sees into the room through the door's vision panel and sidelites,
and what the whole walk sees is the union. Each glazed opening is the same thick
aperture ROOM-2 looks through (:func:`~designreview.analysis.rules.door_glass.
door_glass`); what a stretch of the route sees through it is exact
(:func:`~designreview.analysis.apertures.sight_through`, the stretch as a 5 mm wide
strip), clipped to the room's usable area (ROOM-2's wall clearance kept). The time
exposed is the route's samples from which some of that area is seen, each one
sample spacing long, at the intruder's speed: by the symmetry of sight, those are
the samples inside what the usable area sees back out through the same slot.

:func:`exposure` takes any route (the intruder's, from
:mod:`~designreview.analysis.route_exposure`); where none is given, the route past a
door is a straight walk parallel to it, ``route_offset_m`` outside its line,
``route_half_m`` either way of its middle, kept to the space outside the door.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from designreview.analysis.apertures import Aperture, Gate, sight_through
from designreview.analysis.rules.door_glass import door_glass, outside_of
from designreview.analysis.rules.hard_corner import Params as CornerParams
from designreview.analysis.rules.hard_corner import hard_corner

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from designreview.analysis.building_view import Door, Room
    from designreview.analysis.rules.base import CheckContext
    from designreview.analysis.rules.door_glass import Glass
    from designreview.model.geometry import Point2

__all__ = ["Exposure", "ExposureParams", "exposure", "route_past"]

_STRIP_M = 1e-4
"""Half the width of the strip (0.1 mm) a route's stretch is widened to: a region
sees, a line does not."""


@dataclass(frozen=True, slots=True)
class ExposureParams:
    """The route past the door, how finely it is walked, and the walker's speed."""

    sample_m: float = 0.5
    route_offset_m: float = 1.2
    route_half_m: float = 10.0
    intruder_m_per_s: float = 1.4  # walking (LOCK-1's default)
    wall_clearance_m: float = 0.45  # ROOM-2's
    leaf_thickness_m: float = 0.04445  # ROOM-2's, 1 3/4 in


@dataclass(frozen=True, slots=True, eq=False)
class Exposure:
    """How much of a room the route past its doors sees, and for how long.

    Attributes:
        room_id: The room.
        usable_m2: Its area less the wall clearance.
        seen: What the route sees of the usable area.
        share: ``seen``'s area over ``usable_m2`` (0 for a room with no usable area).
        seconds: How long the walker sees some of it.
        corner_seen_m2: How much of ROOM-2's hard corner the route sees.
    """

    room_id: str
    usable_m2: float
    seen: BaseGeometry
    share: float
    seconds: float
    corner_seen_m2: float


def route_past(
    ctx: CheckContext, room: Room, door: Door, params: ExposureParams
) -> tuple[Point2, ...]:
    """The default route's samples past ``door``, in walking order.

    Parallel to the door line, ``route_offset_m`` outside it, every ``sample_m``
    from ``route_half_m`` before its middle to as far after, kept to the space
    outside the door (all of them outdoors).
    """
    glass = door_glass(ctx.building, room, door, params.leaf_thickness_m)
    if not glass:
        return ()
    frame = glass[0].aperture
    middle = float(np.dot(np.subtract(door.center, frame.origin), frame.along))
    steps = int(params.route_half_m // params.sample_m)
    us = middle + params.sample_m * np.arange(-steps, steps + 1)
    local = np.stack([us, np.full(len(us), -params.route_offset_m)], axis=1)
    points = [(float(x), float(y)) for x, y in frame.to_world(local)]
    outside = outside_of(ctx.building, room, door)
    if outside is None:
        return tuple(points)
    return tuple(p for p in points if outside.covers(Point(p)))


def exposure(
    ctx: CheckContext,
    room: Room,
    params: ExposureParams,
    routes: Mapping[str, Sequence[Point2]] | None = None,
) -> Exposure:
    """What the routes past ``room``'s doors see of it through their glass.

    ``routes`` maps door ids to the route's samples past that door, in walking
    order (empty: the route does not pass it); a door not in it gets
    :func:`route_past`.
    """
    usable = room.polygon.buffer(-params.wall_clearance_m, join_style="mitre")
    seen: list[BaseGeometry] = []
    samples = 0
    for door in ctx.building.doors_of(room):
        given = routes.get(door.id) if routes is not None else None
        route = route_past(ctx, room, door, params) if given is None else given
        glasses = door_glass(ctx.building, room, door, params.leaf_thickness_m)
        if not route or not glasses:
            continue
        for stretch in _stretches(route, params.sample_m):
            strip = (
                LineString(stretch).buffer(_STRIP_M, cap_style="flat")
                if len(stretch) > 1
                else Point(stretch[0]).buffer(_STRIP_M, quad_segs=1)
            )
            seen += [_into_room(g, strip, room) for g in glasses]
        samples += _seeing(route, glasses, usable)
    union = shapely.union_all(seen).intersection(usable) if seen else Polygon()
    corner = hard_corner(
        ctx,
        room,
        CornerParams(
            wall_clearance_m=params.wall_clearance_m,
            leaf_thickness_m=params.leaf_thickness_m,
        ),
    )
    return Exposure(
        room.id,
        usable.area,
        union,
        union.area / usable.area if usable.area > 0 else 0.0,
        samples * params.sample_m / params.intruder_m_per_s,
        corner.intersection(union).area,
    )


def _stretches(route: Sequence[Point2], step_m: float) -> list[list[Point2]]:
    """The route cut where two samples lie farther apart than a step (it left)."""
    runs: list[list[Point2]] = [[route[0]]]
    for a, b in itertools.pairwise(route):
        if np.hypot(b[0] - a[0], b[1] - a[1]) > step_m * 1.5:
            runs.append([])
        runs[-1].append(b)
    return runs


def _into_room(glass: Glass, viewers: BaseGeometry, room: Room) -> BaseGeometry:
    """What ``viewers`` see of ``room`` through ``glass`` (as ROOM-2 clips it)."""
    seen = sight_through(glass.aperture, viewers).intersection(room.polygon)
    # A piece cut off by the room's outline lies behind one of its walls.
    parts = [
        part
        for part in shapely.get_parts(seen)
        if isinstance(part, Polygon) and part.distance(glass.exit) < 1e-6
    ]
    return shapely.union_all(parts) if parts else Polygon()


def _seeing(route: Sequence[Point2], glasses: list[Glass], usable: BaseGeometry) -> int:
    """How many samples of ``route`` see some of ``usable`` through the glass.

    A line from a sample through every gate of a slot reaches a usable point just
    when the line from that point back through the slot reaches the sample, so the
    samples that see are those inside what ``usable`` sees through the slot turned
    round (one exact region per glass, instead of one per sample). A sample on that
    region's edge sees along a line only, no area: it does not count.
    """
    if usable.is_empty or not route:
        return 0
    back = [sight_through(_reversed(g.aperture), usable) for g in glasses]
    xy = np.asarray(route, dtype=float)
    sees = np.zeros(len(xy), dtype=bool)
    for region in back:
        if not region.is_empty:
            sees |= shapely.contains_xy(region, xy[:, 0], xy[:, 1])
    return int(sees.sum())


def _reversed(aperture: Aperture) -> Aperture:
    """The same slot looked through from its far side (``u`` and depth negated)."""
    ux, uy = aperture.along
    gates = tuple(Gate(-g.depth, -g.end, -g.start) for g in aperture.gates)
    return Aperture(aperture.origin, (-ux, -uy), gates)
