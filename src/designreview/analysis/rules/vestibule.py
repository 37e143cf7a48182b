"""ENTRY-2: a visitor who comes in at the primary entry is held in the vestibule.

With every lockable door shut, a visitor walks through the primary entry and any
door that does not lock; the rooms reached must be only the vestibule and the office.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Designation, LockFunction, SpaceType

if TYPE_CHECKING:
    from designreview.analysis.building_view import BuildingView, Door

RULE_ID = "ENTRY-2"
TITLE = "Vestibule holds visitors"
CITATION = (
    "Sandy Hook Advisory Commission (2015) p.52; PASS Safety and Security Guidelines"
)
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})
ALLOWED = frozenset({SpaceType.VESTIBULE, SpaceType.RECEPTION, SpaceType.OFFICE})


@dataclass(frozen=True, slots=True)
class Params:
    """ENTRY-2 compares with a fixed set of rooms (``ALLOWED``); nothing to tune."""


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """Fail when a visitor can walk past the vestibule without being let in."""
    building = ctx.building
    entries = [
        d for d in building.doors if d.designation is Designation.PRIMARY_VISITOR_ENTRY
    ]
    if len(entries) != 1:
        return []  # ENTRY-1 reports a missing or doubled primary entry
    entry = entries[0]
    inside = [r for r in building.door_rooms.get(entry.id, (None, None)) if r]
    if not inside:
        return []
    reached = reachable(building, inside[0], entry.id)
    beyond = [building.room(r) for r in reached]
    loose = [r for r in beyond if r is not None and r.space_type not in ALLOWED]
    if not loose:
        return []
    names = ", ".join(r.label for r in loose[:6]) + ("…" if len(loose) > 6 else "")
    where = loose[0].polygon.representative_point()
    return [
        finding(
            RULE_ID,
            Severity.FAIL,
            f"A visitor entering at {entry.label} can walk on to {names} without being "
            "let in. Lock or control the inner vestibule doors and release them from "
            "reception.",
            ctx,
            (where.x, where.y),
            (*entry.subjects, *(r.id for r in loose)),
            CITATION,
        )
    ]


def reachable(building: BuildingView, start: str, entered_by: str) -> set[str]:
    """Rooms a visitor reaches from ``start`` through doors that do not lock."""
    seen, queue = {start}, deque([start])
    while queue:
        room = queue.popleft()
        for door in building.doors:
            sides = building.door_rooms.get(door.id, (None, None))
            if door.id == entered_by or room not in sides or not _walk_through(door):
                continue
            other = sides[1] if sides[0] == room else sides[0]
            if other is not None and other not in seen:
                seen.add(other)
                queue.append(other)
    return seen


def _walk_through(door: Door) -> bool:
    return door.lock in (LockFunction.NONE, LockFunction.UNKNOWN)
