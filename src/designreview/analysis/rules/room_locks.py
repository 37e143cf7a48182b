"""ROOM-1: every classroom and occupied room door locks from inside without opening."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, sentence
from designreview.model.findings import Finding, Severity
from designreview.model.markups import LockFunction, SpaceType

if TYPE_CHECKING:
    from collections.abc import Iterator

    from designreview.analysis.building_view import Door, Room

RULE_ID = "ROOM-1"
TITLE = "Occupied rooms lock from inside"
CITATION = (
    "NFPA 101 (2018+) 8.3/15.2 lockdown locks; NASFM classroom door checklist; "
    "Sandy Hook, MSD and Robb Elementary reports"
)
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})
OCCUPIED = frozenset(
    {
        SpaceType.CLASSROOM,
        SpaceType.LAB,
        SpaceType.OFFICE,
        SpaceType.RECEPTION,
        SpaceType.LIBRARY,
        SpaceType.CAFETERIA,
        SpaceType.GYM,
        SpaceType.AUDITORIUM,
        SpaceType.SAFE_ROOM,
    }
)


@dataclass(frozen=True, slots=True)
class Params:
    """The share of occupied rooms' doors that must lock from inside (1: every one)."""

    required_fraction: float = 1.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """One finding per door of an occupied room that cannot be locked from inside.

    Doors whose lock is unknown are always asked about. Doors that cannot lock are
    fails while the share of doors that do lock is below ``required_fraction`` (a
    review may accept a building where, say, 90% lock and the rest are planned).
    """
    pairs = list(occupied_interior_doors(ctx))
    locking = sum(
        1 for _room, door in pairs if door.lock is LockFunction.INSIDE_LOCKABLE
    )
    enough = bool(pairs) and locking / len(pairs) >= params.required_fraction
    results = []
    for room, door in pairs:
        result = _door_finding(ctx, room, door)
        if result is None or (enough and result.severity is Severity.FAIL):
            continue
        results.append(result)
    return results


def occupied_interior_doors(ctx: CheckContext) -> Iterator[tuple[Room, Door]]:
    """Each interior door of an occupied room once, with the first room it serves.

    Exterior doors are left to the entry-control checks (ENTRY-*).
    """
    seen: set[str] = set()
    for room in ctx.building.rooms:
        if room.space_type not in OCCUPIED:
            continue
        for door in ctx.building.doors_of(room):
            if door.id in seen or ctx.building.is_exterior(door):
                continue
            seen.add(door.id)
            yield room, door


def _door_finding(ctx: CheckContext, room: Room, door: Door) -> Finding | None:
    subjects = (*door.subjects, room.id)
    where = f"{sentence(door.label)} of {room.label}"
    if door.lock is LockFunction.INSIDE_LOCKABLE:
        return None
    if door.lock is LockFunction.UNKNOWN:
        return finding(
            RULE_ID,
            Severity.NEEDS_INFORMATION,
            f"{where}: how it locks is unknown. Record its lock function "
            "(hardware set) so lockdown can be checked.",
            ctx,
            door.center,
            subjects,
            CITATION,
        )
    how = (
        "needs a key or credential outside, so a teacher must open the door to lock it"
        if door.lock is LockFunction.KEY_OUTSIDE_ONLY
        else "cannot be locked"
    )
    return finding(
        RULE_ID,
        Severity.FAIL,
        f"{where} {how}. Specify hardware lockable from inside without "
        "opening the door (classroom security function).",
        ctx,
        door.center,
        subjects,
        CITATION,
    )
