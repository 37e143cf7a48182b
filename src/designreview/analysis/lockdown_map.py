"""The lockdown race from one chosen entry, room by room, for a map or a list.

For the entry chosen (or the first), each occupied room gets a status from its
LOCK-1 races against that entry (:mod:`~designreview.analysis.rules.lockdown_race`):
lost to a walking intruder, lost only to a hurried one, safe, out of reach, or
unknown (a lock function is unknown); and the isochrone bands of the walking
intruder (:mod:`~designreview.analysis.isochrones`) as polygons; what that
intruder's route sees through each room's door glass
(:mod:`~designreview.analysis.route_exposure`); and where the halls and large
spaces go (:mod:`~designreview.analysis.refuge_arrows`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from designreview.analysis.building_view import building_view
from designreview.analysis.glass_exposure import ExposureParams
from designreview.analysis.index_cache import IndexCache
from designreview.analysis.intruder import (
    Arrival,
    Entry,
    intruder_entries,
    intruder_walls,
)
from designreview.analysis.isochrones import BANDS_S, Isochrone, isochrones
from designreview.analysis.refuge_arrows import RefugeArrow, refuge_arrows
from designreview.analysis.route_exposure import (
    ExposureCache,
    RoomExposure,
    RouteParams,
    route_exposures,
    walk_key,
)
from designreview.analysis.rules import lockdown_race
from designreview.analysis.rules.base import CheckContext, polygon_rings
from designreview.analysis.rules.room_locks import OCCUPIED
from designreview.analysis.secure_time import secure_time
from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.analysis.building_view import Room
    from designreview.analysis.rules.lockdown_race import Race
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = [
    "LockdownMap",
    "MapCaches",
    "RaceStatus",
    "RoomRace",
    "lockdown_map",
    "with_bands",
    "worst_entry",
]


class RaceStatus(Enum):
    """How a room fares against the chosen entry."""

    LOST = "lost"
    """A walking intruder arrives before the room secures with the margin to spare."""
    CLOSE = "close"
    """Only a hurried intruder does."""
    SAFE = "safe"
    UNREACHED = "unreached"
    UNKNOWN = "unknown"
    """A door's lock function is unknown."""


@dataclass(frozen=True, slots=True)
class RoomRace:
    """One room's race against the chosen entry (seconds; inf, nan when none)."""

    room_id: str
    label: str
    outline: tuple[tuple[Point2, ...], ...]
    status: RaceStatus
    arrival_s: float
    """When the walking intruder reaches the room (inf: never)."""
    secure_s: float
    slack_s: float
    """The least slack, walking or hurried (inf: never reached)."""


@dataclass(frozen=True, slots=True, eq=False)
class LockdownMap:
    """The race from one entry: every occupied room, and the bands of arrival.

    Attributes:
        entries: Every way in.
        entry: The one raced from (None: there is no way in).
        rooms: Each occupied room's race against it.
        bands: The walking intruder's isochrone bands from it.
        exposures: What its walking intruder's route sees of each room with door
            glass (:mod:`~designreview.analysis.route_exposure`).
        arrows: Where the halls and large spaces go (the lockdown plan).
        pending: The bands asked for but not drawn yet (``quick``), for
            :func:`with_bands`; empty once they are in ``bands``.
    """

    entries: tuple[Entry, ...]
    entry: Entry | None
    rooms: tuple[RoomRace, ...]
    bands: tuple[Isochrone, ...]
    exposures: tuple[RoomExposure, ...] = ()
    arrows: tuple[RefugeArrow, ...] = ()
    pending: tuple[float, ...] = ()
    walk: Arrival | None = field(default=None, repr=False)
    """The walking intruder from ``entry``, for the pending bands."""
    kept: dict[Any, Any] | None = field(default=None, repr=False)
    """The table kept with the intruder's graph, for the pending bands."""


@dataclass(frozen=True, slots=True, eq=False)
class MapCaches:
    """What one map may hand to the next: indexes and room exposures.

    The app keeps one for its Lockdown view; a single map (the packet) needs none.
    """

    indexes: IndexCache = field(default_factory=IndexCache)
    exposures: ExposureCache = field(default_factory=ExposureCache)


def lockdown_map(
    review: Review,
    plan: Plan,
    sheet_id: str,
    entry_id: str | None = None,
    bands_s: Sequence[float] = BANDS_S,
    caches: MapCaches | None = None,
    quick: bool = False,
) -> LockdownMap:
    """The race on sheet ``sheet_id`` from entry ``entry_id`` (default: the first).

    Thresholds are the review's LOCK-1 settings. ``caches`` keeps the walking
    graphs (found again by their walls), the bands and the room exposures between
    calls. With ``quick`` and ``caches``, bands not kept from before are left
    ``pending`` (they take longer than the rest when a door opens or shuts), for
    :func:`with_bands` to add.
    """
    sheet = next(s for s in review.sheets if s.id == sheet_id)
    indexes = caches.indexes if caches is not None else None
    ctx = CheckContext(review, building_view(review, sheet, plan), indexes=indexes)
    params = lockdown_race.params_of(review)
    entries = tuple(intruder_entries(ctx.building, params.intruder()))
    entry = next((e for e in entries if e.id == entry_id), None)
    if entry is None and entries:
        entry = entries[0]
    walks = lockdown_race.walks_of(ctx, params, [entry]) if entry else []
    found = lockdown_race.races_of(ctx, params, walks)
    occupied = _occupied(ctx)
    rooms = tuple(_room_race(ctx, room, found, params) for room in occupied)
    walk = walks[0] if walks else None
    kept = ctx.kept_with("intruder walk", intruder_walls(ctx.building))
    bands: tuple[Isochrone, ...] = ()
    pending: tuple[float, ...] = ()
    if walk is not None:
        known = kept is not None and _bands_key(walk, bands_s) in kept
        if quick and kept is not None and not known:
            pending = tuple(bands_s)
        else:
            bands = _bands(walk, tuple(bands_s), kept)
    route = RouteParams(glass=ExposureParams(intruder_m_per_s=params.walk_speed_mps))
    cache = caches.exposures if caches is not None else None
    seen = route_exposures(ctx, occupied, walk, route, cache)
    return LockdownMap(entries, entry, rooms, bands, seen, refuge_arrows(ctx),
                       pending, walk, kept)  # fmt: skip


def with_bands(shown: LockdownMap) -> LockdownMap:
    """``shown`` with its pending bands computed (itself when none are pending)."""
    if not shown.pending or shown.walk is None:
        return shown
    bands = _bands(shown.walk, shown.pending, shown.kept)
    return replace(shown, bands=bands, pending=())


def _bands_key(walk: Arrival, bands_s: Sequence[float]) -> tuple[object, ...]:
    return ("bands", walk_key(walk), tuple(bands_s))


def _bands(
    walk: Arrival, bands_s: tuple[float, ...], kept: dict[Any, Any] | None
) -> tuple[Isochrone, ...]:
    """The walk's isochrone bands, kept (with the intruder's graph) across calls."""
    if kept is None:
        return isochrones(walk, bands_s)
    key = _bands_key(walk, bands_s)
    if key not in kept:
        kept[key] = isochrones(walk, bands_s, kept)
    found: tuple[Isochrone, ...] = kept[key]
    return found


def worst_entry(
    review: Review, plan: Plan, sheet_id: str, indexes: IndexCache | None = None
) -> str | None:
    """The entry from which most rooms lose to a walking intruder (None: no entry).

    Ties go to the entry with the least slack of any room, then to the first.
    ``indexes`` may hand the intruder's graph on to a map drawn next.
    """
    sheet = next(s for s in review.sheets if s.id == sheet_id)
    ctx = CheckContext(review, building_view(review, sheet, plan), indexes=indexes)
    params = lockdown_race.params_of(review)
    entries = intruder_entries(ctx.building, params.intruder())
    if not entries:
        return None
    lost: dict[str, set[str]] = {e.id: set() for e in entries}
    least: dict[str, float] = {e.id: math.inf for e in entries}
    for race in lockdown_race.races(ctx, params):
        key = race.entry.id
        least[key] = min(least[key], race.slack_s)
        walking = race.speed_mps == params.walk_speed_mps
        if walking and race.slack_s < params.margin_s:
            lost[key].add(race.room.id)
    return min(entries, key=lambda e: (-len(lost[e.id]), least[e.id])).id


def _occupied(ctx: CheckContext) -> list[Room]:
    building = ctx.building
    return [
        r for r in building.rooms if r.space_type in OCCUPIED and building.doors_of(r)
    ]


def _room_race(
    ctx: CheckContext, room: Room, found: list[Race], params: lockdown_race.Params
) -> RoomRace:
    mine = [r for r in found if r.room.id == room.id]
    outline = polygon_rings(room.polygon)
    secure = secure_time(ctx.building, room, params.securing())
    if secure.unknown:
        status = RaceStatus.UNKNOWN
        return RoomRace(room.id, room.label, outline, status, math.inf, math.nan,
                        math.nan)  # fmt: skip
    if not mine:
        return RoomRace(room.id, room.label, outline, RaceStatus.UNREACHED,
                        math.inf, secure.seconds, math.inf)  # fmt: skip
    walking = [r for r in mine if r.speed_mps == params.walk_speed_mps]
    slack = min(r.slack_s for r in mine)
    status = RaceStatus.SAFE
    if walking and min(r.slack_s for r in walking) < params.margin_s:
        status = RaceStatus.LOST
    elif slack < params.margin_s:
        status = RaceStatus.CLOSE
    arrival_s = min((r.arrival_s for r in walking), default=math.inf)
    return RoomRace(room.id, room.label, outline, status, arrival_s,
                    mine[0].secure.seconds, slack)  # fmt: skip
