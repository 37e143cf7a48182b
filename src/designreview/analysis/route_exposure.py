"""Exposure through door glass along the intruder's own route (issue 19, point 4).

The intruder of one entry walks the shortest way to each room's door
(:meth:`~designreview.analysis.intruder.Arrival.route`). That walk, sampled every
``sample_m`` along it, is the route past the door: the samples within ``reach_m``
of the door's middle and outside the room are where the intruder looks in through
the door's vision panel and sidelites, and
:func:`~designreview.analysis.glass_exposure.exposure` says exactly what they
see of the room's usable area and for how many seconds. A door the intruder never
reaches has no route past it; a room none of whose doors is reached (or when no
entry is given) falls back to the straight walk along the door line.

This is a figure for the Lockdown view and the packet, not a finding: ROOM-2
already fails a room whose hard corner is too small for the viewers who stand
still by its glass, and what a walker sees depends on which entry the reviewer
picks. Each room's answer is kept in a caller's :class:`ExposureCache` by
everything it depends on (the room, its doors, the walls and glass near them, the
route), so an edit or a change of entry recomputes only the rooms whose route or
geometry changed.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely import LineString
from shapely.geometry.base import BaseGeometry

from designreview.analysis.glass_exposure import ExposureParams, exposure
from designreview.analysis.intruder import approach_point, intruder_walls
from designreview.analysis.rules.door_glass import door_glass, outside_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.analysis.building_view import Door, Room
    from designreview.analysis.intruder import Arrival
    from designreview.analysis.rules.base import CheckContext
    from designreview.model.geometry import Point2

__all__ = [
    "ExposureCache",
    "RoomExposure",
    "RouteParams",
    "route_exposures",
    "route_samples",
    "walk_key",
]


@dataclass(frozen=True, slots=True)
class RouteParams:
    """How much of the intruder's route counts as passing the door, and the glass."""

    reach_m: float = 10.0
    """Samples this close to the door's middle look in (ROOM-2's straight walk
    also reaches 10 m either way)."""
    glass: ExposureParams = field(default_factory=ExposureParams)


@dataclass(frozen=True, slots=True, eq=False)
class RoomExposure:
    """What the intruder's route sees of one room through its door glass.

    Attributes:
        room_id: The room.
        label: Its name.
        share: Seen usable area over the usable area.
        seconds: How long the walking intruder sees into it.
        seen: The usable area seen.
        corner_seen_m2: How much of ROOM-2's hard corner the route sees.
        on_route: Whether the intruder's route was used (False: the straight
            default walk, no door of the room being reached).
    """

    room_id: str
    label: str
    share: float
    seconds: float
    seen: BaseGeometry
    corner_seen_m2: float
    on_route: bool


class ExposureCache:
    """Room exposures kept between calls, by everything they are computed from.

    A room without door glass is kept too (as None), so asking again costs a look-up.
    """

    def __init__(self, kept: int = 4096) -> None:
        self._kept = kept
        self._items: OrderedDict[tuple[object, ...], RoomExposure | None] = (
            OrderedDict()
        )
        self._lock = Lock()  # a cancelled map may still be running beside a new one

    def __len__(self) -> int:
        return len(self._items)

    def lookup(self, key: tuple[object, ...]) -> tuple[bool, RoomExposure | None]:
        """Whether ``key`` is kept, and what is kept under it."""
        with self._lock:
            if key not in self._items:
                return False, None
            self._items.move_to_end(key)
            return True, self._items[key]

    def put(self, key: tuple[object, ...], value: RoomExposure | None) -> None:
        """Keep ``value`` under ``key``, forgetting the oldest beyond the limit."""
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._kept:
                self._items.popitem(last=False)


def route_samples(
    route: Sequence[Point2], centre: Point2, step_m: float, reach_m: float
) -> tuple[Point2, ...]:
    """Points every ``step_m`` along ``route`` that lie within ``reach_m`` of centre.

    The walk's end is always a sample (the intruder stops at the door).

    Example:
        A walk from (0, 0) to (12, 0) past a door at (10, 1), within 5 m of it:

        >>> route_samples([(0, 0), (12, 0)], (10, 1), 2.0, 5.0)
        ((6.0, 0.0), (8.0, 0.0), (10.0, 0.0), (12.0, 0.0))
    """
    if len(route) < 2:
        return tuple((float(x), float(y)) for x, y in route)
    line = LineString(route)
    at = np.arange(0.0, line.length, step_m)
    if line.length - (at[-1] if len(at) else 0.0) > 1e-9:
        at = np.append(at, line.length)
    xy = shapely.get_coordinates(shapely.line_interpolate_point(line, at))
    near = np.hypot(xy[:, 0] - centre[0], xy[:, 1] - centre[1]) <= reach_m + 1e-9
    return tuple((float(x), float(y)) for x, y in xy[near])


def route_exposures(
    ctx: CheckContext,
    rooms: Sequence[Room],
    walk: Arrival | None,
    params: RouteParams,
    cache: ExposureCache | None = None,
) -> tuple[RoomExposure, ...]:
    """The exposure of each of ``rooms`` with glass in a door, along ``walk``'s route.

    ``walk`` is the intruder of the chosen entry at walking speed, over the
    intruder's walls (:func:`~designreview.analysis.intruder.intruder_walls`);
    None gives every room the straight default route.
    """
    building = ctx.building
    near = _geometry_digest(ctx)
    walked = None if walk is None else (_walls_digest(ctx), *walk_key(walk))
    found = []
    for room in rooms:
        doors = tuple(building.doors_of(room))
        key = (room.id, room.polygon.wkb, doors, near, params, walked)
        known, kept = cache.lookup(key) if cache is not None else (False, None)
        if not known:
            kept = _room_exposure(ctx, room, doors, walk, params, near, cache)
            if cache is not None:
                cache.put(key, kept)
        if kept is not None:
            found.append(kept)
    return tuple(found)


def walk_key(walk: Arrival) -> tuple[object, ...]:
    """What a walk's routes and bands depend on besides its walls (found with them).

    Its targets with their offsets (the entry, forced doors' sides), how they link,
    and the speed; the walls are those of the kept table the key is used in, or a
    digest beside it.
    """
    field = walk.field
    offsets = tuple(float(x) for x in np.asarray(field.target_offsets_m))
    return (field.targets, offsets, walk.sources, walk.speed_mps)


def _room_exposure(
    ctx: CheckContext,
    room: Room,
    doors: tuple[Door, ...],
    walk: Arrival | None,
    params: RouteParams,
    near: bytes,
    cache: ExposureCache | None,
) -> RoomExposure | None:
    """One room's exposure (None: no door of it has glass).

    Kept a second time by its routes, so a walk that changed elsewhere (a door shut
    in another wing) finds the rooms whose routes it did not change.
    """
    building, thick = ctx.building, params.glass.leaf_thickness_m
    glazed = [d for d in doors if door_glass(building, room, d, thick)]
    if not glazed:
        return None
    routes = {d.id: _route_past(ctx, room, d, walk, params) for d in glazed}
    on_route = any(routes.values())
    key = (
        room.id,
        room.polygon.wkb,
        doors,
        near,
        params,
        tuple(sorted(routes.items())),
    )
    known, kept = cache.lookup(key) if cache is not None else (False, None)
    if known:
        return kept
    seen = exposure(ctx, room, params.glass, routes if on_route else None)
    found = RoomExposure(room.id, room.label, seen.share, seen.seconds, seen.seen,
                         seen.corner_seen_m2, on_route)  # fmt: skip
    if cache is not None:
        cache.put(key, found)
    return found


def _route_past(
    ctx: CheckContext,
    room: Room,
    door: Door,
    walk: Arrival | None,
    params: RouteParams,
) -> tuple[Point2, ...]:
    """The samples of ``walk``'s route to ``door`` that pass it, outside ``room``."""
    if walk is None:
        return ()
    route = walk.route(approach_point(ctx.building, door, room))
    samples = route_samples(route, door.center, params.glass.sample_m, params.reach_m)
    if not samples:
        return ()
    outside = outside_of(ctx.building, room, door)
    xy = np.asarray(samples)
    if outside is not None:
        keep = shapely.intersects_xy(outside, xy[:, 0], xy[:, 1])
    else:
        keep = ~shapely.intersects_xy(room.polygon, xy[:, 0], xy[:, 1])
    return tuple(p for p, k in zip(samples, keep, strict=True) if k)


def _geometry_digest(ctx: CheckContext) -> bytes:
    """A digest of walls, glazing and room outlines: the glass and its sides."""
    digest = hashlib.blake2b(digest_size=16)
    for lines in (ctx.building.walls, ctx.building.glazing):
        _add_lines(digest, lines)
    for room in ctx.building.rooms:
        digest.update(room.id.encode())
        digest.update(room.polygon.wkb)
    return digest.digest()


def _walls_digest(ctx: CheckContext) -> bytes:
    """A digest of the intruder's walls (what the walk's routes go round)."""
    digest = hashlib.blake2b(digest_size=16)
    _add_lines(digest, intruder_walls(ctx.building))
    return digest.digest()


def _add_lines(digest: Any, lines: object) -> None:
    array = np.ascontiguousarray(lines, dtype=np.float64)
    digest.update(array.tobytes())
    digest.update(repr(array.shape).encode())
