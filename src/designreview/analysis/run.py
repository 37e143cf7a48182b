"""Running every review check over every sheet of a review.

Pure: a review and the plans of its sheets in, findings and a room summary out. A rule
that fails unexpectedly becomes a needs-information finding naming it, so one broken
check never hides the others' results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import RULES
from designreview.analysis.rules.base import CheckContext, finding, params_with
from designreview.analysis.rules.hard_corner import ROOMS, hard_corner
from designreview.model.errors import DesignReviewError
from designreview.model.findings import Finding, Severity
from designreview.model.markups import (
    AccessPoint,
    Camera,
    Comment,
    Observer,
    Sightline,
    Space,
    Zone,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from types import ModuleType

    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = ["CheckResult", "RoomSummary", "affected_rules", "run_checks"]


@dataclass(frozen=True, slots=True)
class RoomSummary:
    """A room as the checks saw it (for reports and the command line)."""

    id: str
    sheet_id: str
    name: str
    space_type: str
    area_m2: float
    hard_corner_m2: float | None
    type_source: str = "none"
    """What the type was read from: name, layer, geometry, reviewer or none."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything the checks concluded, fails first."""

    findings: tuple[Finding, ...]
    rooms: tuple[RoomSummary, ...]

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)


_DOOR_RULES = frozenset(
    {
        "ENTRY-1",
        "ENTRY-2",
        "ENTRY-4",
        "ENTRY-5",
        "ROOM-1",
        "ROOM-2",
        "ROOM-3",
        "REFUGE-1",
        "REFUGE-2",
        "EGRESS-1",
        "EGRESS-2",
        "CAM-1",
    }
)
RULE_INPUTS: dict[type, frozenset[str]] = {
    AccessPoint: _DOOR_RULES,
    Observer: frozenset({"ENTRY-3", "SURV-1"}),
    Camera: frozenset({"SURV-1", "CAM-1"}),
    Zone: frozenset({"SAFE-1"}),
    Space: frozenset(RULES),
    Sightline: frozenset(),
    Comment: frozenset(),
}
"""Which checks read which kind of markup: an edit reruns only those."""


def affected_rules(kinds: set[type]) -> frozenset[str]:
    """The checks whose result may change when markups of ``kinds`` change.

    Example:
        >>> sorted(affected_rules({Observer}))
        ['ENTRY-3', 'SURV-1']
        >>> affected_rules({Comment, Sightline})
        frozenset()
    """
    found: set[str] = set()
    for kind in kinds:
        found |= RULE_INPUTS.get(kind, frozenset(RULES))
    return frozenset(found)


class ChecksCancelledError(DesignReviewError):
    """The checks were stopped before they finished (a newer run replaces them)."""


def run_checks(
    review: Review,
    plans: Mapping[str, Plan],
    rules: Mapping[str, ModuleType] = RULES,
    previous: CheckResult | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckResult:
    """Run ``rules`` on every sheet of ``review`` whose plan is in ``plans``.

    With ``previous``, only ``rules`` run; the findings of the other checks are kept
    from ``previous`` (an edit that touches some checks reruns just those).
    ``cancelled`` is asked before each check; on a large drawing one run takes
    seconds, and an edit made meanwhile starts a newer one.

    Raises:
        ChecksCancelledError: when ``cancelled`` answers True.
    """
    findings: list[Finding] = []
    rooms: list[RoomSummary] = []
    for sheet in review.sheets:
        plan = plans.get(sheet.id)
        if plan is None:
            continue
        ctx = CheckContext(review, building_view(review, sheet, plan))
        for rule_id, rule in rules.items():
            if cancelled is not None and cancelled():
                raise ChecksCancelledError("The checks were stopped.")
            params = params_with(rule.Params(), rule_id, review.check_settings)
            findings.extend(_run_one(rule, ctx, params))
        if previous is None or "ROOM-2" in rules:
            rooms.extend(_summaries(ctx, review))
    if previous is not None:
        findings += [f for f in previous.findings if f.rule not in rules]
        if "ROOM-2" not in rules:
            rooms = list(previous.rooms)
    findings.sort(key=lambda f: (f.severity.rank, f.rule, f.key))
    return CheckResult(tuple(findings), tuple(rooms))


def _run_one(rule: ModuleType, ctx: CheckContext, params: object) -> list[Finding]:
    try:
        return list(rule.check(ctx, params))
    except Exception as exc:  # one broken check must not hide the others
        return [
            finding(
                rule.RULE_ID,
                Severity.NEEDS_INFORMATION,
                f"The {rule.RULE_ID} check could not run on this sheet "
                f"({type(exc).__name__}: {exc}).",
                ctx,
                (0.0, 0.0),
                (),
                rule.CITATION,
            )
        ]


def _summaries(ctx: CheckContext, review: Review) -> list[RoomSummary]:
    params = params_with(RULES["ROOM-2"].Params(), "ROOM-2", review.check_settings)
    summaries = []
    for room in ctx.building.rooms:
        corner = None
        if room.space_type in ROOMS and ctx.building.doors_of(room):
            corner = round(hard_corner(ctx, room, params).area, 2)
        summaries.append(
            RoomSummary(
                room.id,
                ctx.sheet_id,
                room.label,
                room.space_type.value,
                round(room.polygon.area, 2),
                corner,
                room.type_source.value,
            )
        )
    return summaries
