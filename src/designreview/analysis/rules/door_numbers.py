"""ENTRY-4: exterior doors are numbered, uniquely, clockwise from the main entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.outline import outline_position
from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Designation

if TYPE_CHECKING:
    from designreview.analysis.building_view import Door

RULE_ID = "ENTRY-4"
TITLE = "Exterior doors numbered clockwise"
CITATION = "Texas 19 TAC 61.1031; Collaborative Response Graphics practice"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})
_NUMBER = re.compile(r"(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Params:
    """The share of exterior doors that must carry a number (1: every one)."""

    required_fraction: float = 1.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """Missing, repeated or out-of-order exterior door numbers.

    An unnumbered door is a fail while the share of numbered exterior doors is below
    ``required_fraction``; the order is checked only once every door has a number.
    """
    doors = [d for d in ctx.building.doors if ctx.building.is_exterior(d)]
    if len(doors) < 2:
        return []
    results = []
    unnumbered = [d for d in doors if not d.number]
    numbered_share = 1 - len(unnumbered) / len(doors)
    missing = unnumbered if numbered_share < params.required_fraction else []
    for door in missing:
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
    if start is None or any(_value(d.number) is None for d in doors):
        return []
    ordered = sorted(doors, key=lambda d: along_outline(ctx, start, d))
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


def along_outline(ctx: CheckContext, start: Door, door: Door) -> float:
    """How far ``door`` lies clockwise from ``start`` along the building's outline."""
    return outline_position(ctx.building, start, door)


def _value(number: str) -> int | None:
    match = _NUMBER.search(number)
    return int(match.group(1)) if match else None
