"""What the MAP-* checks share: the state profile, the floors' maps, a place to report.

Each MAP rule is one item of the responder map mandate (see ``map_profiles``): it
applies when the review's profile lists it, and its findings cite that profile's
section, so the packet's summary says what the map still lacks for that state.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from designreview.analysis.map_profiles import PROFILES, TEXAS, MapProfile
from designreview.analysis.responder_map import SheetMap, sheet_map

if TYPE_CHECKING:
    from designreview.analysis.rules.base import CheckContext
    from designreview.model.geometry import Point2

__all__ = [
    "floor_maps",
    "is_first_sheet",
    "map_citation",
    "profile_of",
    "somewhere",
    "this_map",
    "today",
]


def today() -> dt.date:
    """The date walk-throughs are measured against (tests replace this clock)."""
    return dt.date.today()


def profile_of(ctx: CheckContext) -> MapProfile:
    """The review's state profile (Texas when it names none the app knows)."""
    return PROFILES.get(ctx.review.responder.profile, TEXAS)


def map_citation(ctx: CheckContext, rule_id: str) -> str | None:
    """The section of the profile requiring ``rule_id``; None when it does not."""
    profile = profile_of(ctx)
    section = profile.citations.get(rule_id)
    return f"{profile.name}: {section}" if section else None


def floor_maps(ctx: CheckContext) -> list[SheetMap]:
    """Every floor's responder map (worked out once per run and sheet)."""
    if "responder maps" not in ctx.memo:
        cell = ctx.review.responder.grid_cell_m
        views = ctx.floors or (ctx.building,)
        ctx.memo["responder maps"] = [sheet_map(ctx.review, v, cell) for v in views]
    return list(ctx.memo["responder maps"])


def this_map(ctx: CheckContext) -> SheetMap:
    """This sheet's responder map."""
    return next(m for m in floor_maps(ctx) if m.sheet_id == ctx.sheet_id)


def is_first_sheet(ctx: CheckContext) -> bool:
    """Whether this is the first floor checked: review-wide items report there once."""
    views = ctx.floors or (ctx.building,)
    return views[0].sheet_id == ctx.sheet_id


def somewhere(ctx: CheckContext) -> Point2:
    """A point on this floor for a finding about the whole map (its first room)."""
    rooms = this_map(ctx).rooms
    return rooms[0].anchor if rooms else (0.0, 0.0)
