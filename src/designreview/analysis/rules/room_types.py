"""DATA-1: information a check needs is missing; reported, never silently passed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, sentence
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType

RULE_ID = "DATA-1"
TITLE = "Rooms have a type"
CITATION = "Checks that depend on room use cannot run on untyped rooms"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})


@dataclass(frozen=True, slots=True)
class Params:
    """Rooms smaller than this are ignored (closets, shafts)."""

    min_area_m2: float = 4.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """Needs-information for each untyped room, or for walls without any room.

    With no rooms at all every room check would pass on nothing, and with rooms but
    no doors every door check would fail every room: say so once instead (the door
    checks skip such a sheet).
    """
    if not ctx.building.rooms:
        return _no_rooms(ctx)
    results = _no_doors(ctx) if ctx.has_no_doors else []
    for room in ctx.building.rooms:
        if room.space_type is not SpaceType.UNKNOWN:
            continue
        if room.polygon.area < params.min_area_m2:
            continue
        where = room.polygon.representative_point()
        results.append(
            finding(
                RULE_ID,
                Severity.NEEDS_INFORMATION,
                f"{sentence(room.label)} ({room.polygon.area:.0f} m²) has no type; "
                "set it in Properties so the lockdown and refuge checks include it.",
                ctx,
                (where.x, where.y),
                (room.id,),
                CITATION,
            )
        )
    return results


def _no_rooms(ctx: CheckContext) -> list[Finding]:
    walls = ctx.building.walls
    if not len(walls):
        return []
    xs, ys = walls[:, [0, 2]], walls[:, [1, 3]]
    centre = (
        float((xs.min() + xs.max()) / 2),
        float((ys.min() + ys.max()) / 2),
    )
    name = next((s.name for s in ctx.review.sheets if s.id == ctx.sheet_id), "")
    return [
        finding(
            RULE_ID,
            Severity.NEEDS_INFORMATION,
            f"No rooms were found on {name or 'this sheet'}, so the room, lockdown "
            "and refuge checks had nothing to check. Map the room layer in Review > "
            "Layer Roles, or draw the rooms with the Space tool [P].",
            ctx,
            centre,
            (),
            CITATION,
        )
    ]


def _no_doors(ctx: CheckContext) -> list[Finding]:
    name = next((s.name for s in ctx.review.sheets if s.id == ctx.sheet_id), "")
    where = ctx.building.rooms[0].polygon.representative_point()
    found = finding(
        RULE_ID,
        Severity.NEEDS_INFORMATION,
        f"No doors were found on {name or 'this sheet'} "
        f"({len(ctx.building.rooms)} rooms), so the lock, refuge and egress checks "
        "skip it. Draw or map doors: Review > Layer Roles for the door layer, or "
        "mark them with the Access Point tool.",
        ctx,
        (where.x, where.y),
        (),
        CITATION,
    )
    return [replace(found, key=f"{found.key}:doors")]  # not the no-rooms finding
