"""Everything the packet's pages share, decided once before any page is drawn.

Which sheets and findings are printed, their references ("F3", "C2"), each sheet's
grid and true scale, and what is known after the counting pass (total pages, where
each section starts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designreview.model.findings import Finding
from designreview.model.geometry import Extents
from designreview.model.plan import Plan
from designreview.model.review import Decision, Review, Sheet
from designreview.model.units import POINTS_PER_M, format_length
from designreview.packet.options import PacketOptions
from designreview.packet.plan_view import (
    comment_numbers,
    content_extents,
    finding_numbers,
)
from designreview.render.frontend import plan_primitives
from designreview.render.grid import ResponderGrid, responder_grid
from designreview.render.primitives import SegmentBatch, TextPrimitive
from designreview.render.scales import PlanScale, choose_scale

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.analysis.run import CheckResult

__all__ = ["PacketContext", "SheetInfo", "packet_context"]

DEFAULT_CLASSIFICATION = "FOR OFFICIAL USE ONLY"


@dataclass(frozen=True, slots=True)
class SheetInfo:
    """One printed sheet: its plan, grid, whole-sheet scale and form name."""

    sheet: Sheet
    plan: Plan
    extents: Extents
    grid: ResponderGrid
    scale: PlanScale
    form_name: str
    batches: tuple[SegmentBatch, ...]
    texts: tuple[TextPrimitive, ...]

    @property
    def is_imperial(self) -> bool:
        """Whether the sheet speaks feet and inches."""
        return self.plan.is_imperial

    @property
    def line_scale(self) -> float:
        """The scale the plan form's line weights are set for.

        Half the whole sheet's denominator: lines are a little light on the whole
        sheet and a little heavy in a finding's snippet, zoomed about 3 to 4 times.
        """
        return self.scale.denominator / 2


@dataclass(frozen=True, slots=True)
class PacketContext:
    """The review as the packet prints it; ``draft`` skips heavy drawing."""

    review: Review
    options: PacketOptions
    sheets: tuple[SheetInfo, ...]
    findings: tuple[Finding, ...]
    finding_refs: dict[str, str]
    comment_refs: dict[str, str]
    decisions: dict[str, Decision]
    classification: str
    draft: bool = True
    total_pages: int | None = None
    section_pages: dict[str, int] = field(default_factory=dict)
    races: tuple[Any, ...] | None = None
    """Each sheet's lockdown race (``race_pages.SheetRace``), worked out once for
    every layout pass (None: not yet)."""
    lockdowns: tuple[Any, ...] | None = None
    """Each large space's lockdown plan (``lockdown_pages.SpaceLockdown``), likewise."""

    @property
    def is_imperial(self) -> bool:
        """Whether thresholds are also shown in feet (any sheet is imperial)."""
        return any(s.is_imperial for s in self.sheets)

    @property
    def significant(self) -> tuple[Finding, ...]:
        """The findings that get a page of their own."""
        pages = self.options.finding_pages
        return tuple(f for f in self.findings if f.severity in pages)

    def sheet_info(self, sheet_id: str) -> SheetInfo | None:
        """The printed sheet with this id, if it is printed."""
        return next((s for s in self.sheets if s.sheet.id == sheet_id), None)

    def location(self, finding: Finding) -> str:
        """Where a finding is, as responders say it: "Level 1, grid C4"."""
        info = self.sheet_info(finding.sheet_id)
        if info is None:
            return finding.sheet_id
        cell = info.grid.cell_of(finding.location)
        return f"{info.sheet.name}, grid {cell}" if cell else info.sheet.name

    def coordinates(self, finding: Finding) -> str:
        """A finding's position in the drawing's own coordinates, in its units."""
        info = self.sheet_info(finding.sheet_id)
        if info is None:
            return ""
        x, y = info.plan.to_drawing_m(finding.location)
        imperial = info.is_imperial
        return f"x {format_length(x, imperial)}, y {format_length(y, imperial)}"


def packet_context(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult,
    options: PacketOptions,
    drawing_area_pt: tuple[float, float],
) -> PacketContext:
    """Decide what the packet prints; ``drawing_area_pt`` is a plan page's plan area."""
    wanted = options.include_sheets
    chosen = [
        s for s in review.sheets if s.id in plans and (wanted is None or s.id in wanted)
    ]
    sheets = tuple(
        _sheet_info(s, plans[s.id], i, drawing_area_pt) for i, s in enumerate(chosen)
    )
    ids = {s.sheet.id for s in sheets}
    findings = tuple(f for f in result.findings if f.sheet_id in ids)
    marking = (options.classification or review.info.classification or "").strip()
    return PacketContext(
        review=review,
        options=options,
        sheets=sheets,
        findings=findings,
        finding_refs=finding_numbers(findings),
        comment_refs=comment_numbers(review, [s.sheet.id for s in sheets]),
        decisions={d.finding_key: d for d in review.decisions},
        classification=marking.upper() or DEFAULT_CLASSIFICATION,
    )


def _sheet_info(
    sheet: Sheet, plan: Plan, index: int, area_pt: tuple[float, float]
) -> SheetInfo:
    extents = content_extents(plan)
    grid = responder_grid(extents, plan.is_imperial)
    box = grid.extents
    paper = (area_pt[0] / POINTS_PER_M, area_pt[1] / POINTS_PER_M)
    scale = choose_scale((box.width, box.height), paper, plan.is_imperial)
    primitives = plan_primitives(plan)
    return SheetInfo(
        sheet,
        plan,
        extents,
        grid,
        scale,
        f"plan{index}",
        tuple(p for p in primitives if isinstance(p, SegmentBatch)),
        tuple(p for p in primitives if isinstance(p, TextPrimitive)),
    )
