"""Running every review check over every sheet of a review.

Pure: a review and the plans of its sheets in, findings and a room summary out. A rule
that fails unexpectedly becomes a needs-information finding naming it, so one broken
check never hides the others' results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.building_view import building_view
from designreview.analysis.parts import ALL_PARTS, Part
from designreview.analysis.rules import RULES, hard_corner
from designreview.analysis.rules.base import CheckContext, finding, params_with
from designreview.model.errors import DesignReviewError
from designreview.model.findings import Finding, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from designreview.analysis.building_view import BuildingView
    from designreview.analysis.index_cache import IndexCache
    from designreview.analysis.rules.base import Rule
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = [
    "SUMMARY_READS",
    "CheckResult",
    "CheckStep",
    "ChecksCancelledError",
    "RoomSummary",
    "reads",
    "rules_reading",
    "run_checks",
]


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


SUMMARY_READS = hard_corner.READS | {Part.SETTINGS}
"""What the room summaries read: they hold each classroom's ROOM-2 hard corner."""


def reads(rule: Rule) -> frozenset[Part]:
    """The parts ``rule`` reads: those it declares, and its own thresholds."""
    return rule.READS | {Part.SETTINGS}


def rules_reading(
    parts: frozenset[Part], rules: Mapping[str, Rule] = RULES
) -> frozenset[str]:
    """The ids of the checks whose result may change when ``parts`` change.

    Example:
        >>> sorted(rules_reading(frozenset({Part.OBSERVERS})))
        ['ENTRY-3', 'REV-1', 'SURV-1']
        >>> sorted(rules_reading(frozenset({Part.ZONES})))
        ['REV-1', 'SAFE-1']
        >>> rules_reading(frozenset())
        frozenset()
    """
    return frozenset(rule_id for rule_id, rule in rules.items() if parts & reads(rule))


@dataclass(frozen=True, slots=True)
class CheckStep:
    """Where a run of the checks is: the check about to run, on which sheet.

    Example:
        >>> step = CheckStep("s1", "ROOM-2", done=3, total=12)
        >>> step.share
        0.25
    """

    sheet_id: str
    rule_id: str
    done: int
    """Checks finished so far in this run, over every sheet."""
    total: int
    """Checks this run makes: the rules that run, times the sheets."""

    @property
    def share(self) -> float:
        """The part of the run done, 0 to 1."""
        return self.done / self.total if self.total else 1.0


class ChecksCancelledError(DesignReviewError):
    """The checks were stopped before they finished (a newer run replaces them)."""


def run_checks(
    review: Review,
    plans: Mapping[str, Plan],
    rules: Mapping[str, Rule] = RULES,
    previous: CheckResult | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    changed: frozenset[Part] = ALL_PARTS,
    progress: Callable[[CheckStep], None] | None = None,
    indexes: IndexCache | None = None,
) -> CheckResult:
    """Run ``rules`` on every sheet of ``review`` whose plan is in ``plans``.

    With ``previous``, only the checks that read a ``changed`` part run; the other
    checks' findings, and the room summaries unless a part they read changed, are
    kept from ``previous`` (an edit reruns just what it can affect).
    ``cancelled`` is asked before each sheet's preparation and each check; on a
    large drawing one run takes seconds, and an edit made meanwhile starts a newer
    one. ``progress`` is told each check before it runs, so that a long run can
    say where it is. ``indexes`` keeps the walking and sight indexes between runs
    (see :mod:`analysis.index_cache`): a run after an edit that left the lines they
    index as they were builds none of them again.

    Raises:
        ChecksCancelledError: when ``cancelled`` answers True.
    """
    if previous is not None:
        rules = {k: r for k, r in rules.items() if k in rules_reading(changed, rules)}
    summarise = previous is None or bool(changed & SUMMARY_READS)
    findings: list[Finding] = []
    rooms: list[RoomSummary] = []
    # Every floor's view first: a stair is an exit when it leads to a lower floor.
    floors: list[BuildingView] = []
    for sheet in review.sheets:
        if sheet.id in plans:
            _stop_if(cancelled)
            floors.append(building_view(review, sheet, plans[sheet.id]))
    views = tuple(floors)
    total, done = len(rules) * len(views), 0
    for view in views:
        ctx = CheckContext(review, view, views, indexes=indexes)
        for rule_id, rule in rules.items():
            _stop_if(cancelled)
            if progress is not None:
                progress(CheckStep(view.sheet_id, rule_id, done, total))
            params = params_with(rule.Params(), rule_id, review.check_settings)
            findings.extend(_run_one(rule, ctx, params))
            done += 1
        if summarise:
            rooms.extend(_summaries(ctx, review))
    if previous is not None:
        findings += [f for f in previous.findings if f.rule not in rules]
        if not summarise:
            rooms = list(previous.rooms)
    findings.sort(key=lambda f: (f.severity.rank, f.rule, f.key))
    return CheckResult(tuple(findings), tuple(rooms))


def _stop_if(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise ChecksCancelledError("The checks were stopped.")


def _run_one(rule: Rule, ctx: CheckContext, params: object) -> list[Finding]:
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
    params = params_with(
        hard_corner.Params(), hard_corner.RULE_ID, review.check_settings
    )
    summaries = []
    for room in ctx.building.rooms:
        corner = None
        if room.space_type in hard_corner.ROOMS and ctx.building.doors_of(room):
            corner = round(hard_corner.hard_corner(ctx, room, params).area, 2)
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
