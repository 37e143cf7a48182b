"""ENTRY-4: exterior doors are numbered, uniquely, clockwise from the main entry."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely

from designreview.analysis.rules.base import CheckContext, finding
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Designation

if TYPE_CHECKING:
    from designreview.analysis.building_view import Door

RULE_ID = "ENTRY-4"
TITLE = "Exterior doors numbered clockwise"
CITATION = "Texas 19 TAC 61.1031; Collaborative Response Graphics practice"
_NUMBER = re.compile(r"(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Params:
    """ENTRY-4 has no threshold: every exterior door must be numbered."""

    required_fraction: float = 1.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """Missing, repeated or out-of-order exterior door numbers."""
    doors = [d for d in ctx.building.doors if ctx.building.is_exterior(d)]
    if len(doors) < 2:
        return []
    results = []
    unnumbered = [d for d in doors if not d.number]
    for door in unnumbered:
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                "An exterior door has no number; responders need every "
                "exterior door numbered on the building and the map.",
                ctx,
                door.center,
                door.subjects,
                CITATION,
            )
        )
    numbered = [d for d in doors if d.number]
    counts: dict[str, int] = {}
    for door in numbered:
        counts[door.number] = counts.get(door.number, 0) + 1
    for number in sorted(n for n, c in counts.items() if c > 1):
        twins = [d for d in numbered if d.number == number]
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{len(twins)} exterior doors are numbered {number}.",
                ctx,
                twins[0].center,
                tuple(s for d in twins for s in d.subjects),
                CITATION,
            )
        )
    if not unnumbered and not results:
        results += _order(ctx, numbered)
    return results


def _order(ctx: CheckContext, doors: list[Door]) -> list[Finding]:
    primary = Designation.PRIMARY_VISITOR_ENTRY
    start = next((d for d in doors if d.designation is primary), None)
    values = [_value(d.number) for d in doors]
    if start is None or None in values:
        return []
    rooms = shapely.union_all([r.polygon for r in ctx.building.rooms])
    centre = rooms.centroid if not rooms.is_empty else shapely.Point(0, 0)

    def clockwise(door: Door) -> float:
        angle = math.atan2(door.center[1] - centre.y, door.center[0] - centre.x)
        base = math.atan2(start.center[1] - centre.y, start.center[0] - centre.x)
        return (base - angle) % (2 * math.pi)

    ordered = sorted(doors, key=clockwise)
    numbers = [_value(d.number) or 0 for d in ordered]
    if numbers == sorted(numbers):
        return []
    first_wrong = next(
        d for d, n, m in zip(ordered, numbers, sorted(numbers), strict=True) if n != m
    )
    return [
        finding(
            RULE_ID,
            Severity.FAIL,
            "Exterior door numbers do not run clockwise from the main entry "
            f"(first out of order: {first_wrong.label}). Renumber them so "
            "responders can find a door by walking around the building.",
            ctx,
            first_wrong.center,
            tuple(s for d in doors for s in d.subjects),
            CITATION,
        )
    ]


def _value(number: str) -> int | None:
    match = _NUMBER.search(number)
    return int(match.group(1)) if match else None
