"""The lockdown race from one chosen entry, room by room, for a map or a list.

For the entry chosen (or the first), each occupied room gets a status from its
LOCK-1 races against that entry (:mod:`~designreview.analysis.rules.lockdown_race`):
lost to a walking intruder, lost only to a hurried one, safe, out of reach, or
unknown (a lock function is unknown); and the isochrone bands of the walking
intruder (:mod:`~designreview.analysis.isochrones`) as polygons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import numpy as np

from designreview.analysis.building_view import building_view
from designreview.analysis.intruder import (
    Entry,
    arrival,
    intruder_entries,
    intruder_walls,
)
from designreview.analysis.isochrones import BANDS_S, Isochrone, isochrones
from designreview.analysis.rules import lockdown_race
from designreview.analysis.rules.base import CheckContext, polygon_rings
from designreview.analysis.rules.room_locks import OCCUPIED
from designreview.analysis.secure_time import secure_time
from designreview.analysis.walk_graph import WalkIndex
from designreview.model.geometry import Point2
from designreview.model.plan import SegmentArray

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.analysis.building_view import Room
    from designreview.analysis.rules.lockdown_race import Race
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = ["LockdownMap", "RaceStatus", "RoomRace", "lockdown_map"]


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
    """The race from one entry: every occupied room, and the bands of arrival."""

    entries: tuple[Entry, ...]
    entry: Entry | None
    rooms: tuple[RoomRace, ...]
    bands: tuple[Isochrone, ...]
    graph: tuple[SegmentArray, WalkIndex] | None = None
    """The intruder's walls and walking graph, to hand back to the next call."""


def lockdown_map(
    review: Review,
    plan: Plan,
    sheet_id: str,
    entry_id: str | None = None,
    bands_s: Sequence[float] = BANDS_S,
    graph: tuple[SegmentArray, WalkIndex] | None = None,
) -> LockdownMap:
    """The race on sheet ``sheet_id`` from entry ``entry_id`` (default: the first).

    Thresholds are the review's LOCK-1 settings. ``graph`` is a previous map's:
    when the intruder's walls are still the same (an edit that changed no door's
    standing open or shut), its walking graph is used again instead of rebuilt.
    """
    sheet = next(s for s in review.sheets if s.id == sheet_id)
    ctx = CheckContext(review, building_view(review, sheet, plan))
    walls = intruder_walls(ctx.building)
    if graph is not None and np.array_equal(graph[0], walls):
        lockdown_race.keep_walking_graph(ctx, graph[1])
    params = lockdown_race.params_of(review)
    entries = tuple(intruder_entries(ctx.building, params.intruder()))
    entry = next((e for e in entries if e.id == entry_id), None)
    if entry is None and entries:
        entry = entries[0]
    found = [r for r in lockdown_race.races(ctx, params) if entry and r.entry == entry]
    rooms = tuple(_room_race(ctx, room, found, params) for room in _occupied(ctx))
    bands: tuple[Isochrone, ...] = ()
    if entry is not None:
        index = lockdown_race.walking_graph(ctx)
        walk = arrival(index, ctx.building, entry, params.walk_speed_mps,
                       params.intruder())  # fmt: skip
        bands = isochrones(walk, bands_s)
    kept = (walls, lockdown_race.walking_graph(ctx)) if entries else None
    return LockdownMap(entries, entry, rooms, bands, kept)


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
