"""Plan flowables: a whole sheet at true scale, and a finding's zoomed snippet.

Both place the sheet's one Form XObject through a viewport; the counting pass
(``ctx.draft``) lays them out without drawing the plan.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from designreview.model.geometry import Extents
from designreview.model.responder import true_north_of
from designreview.model.units import POINTS_PER_M
from designreview.packet.fonts import BOLD, REGULAR, draw_text
from designreview.packet.layout import (
    GREY,
    GRID_STRIP_PT,
    INK,
    RULE,
    TITLE_BLOCK_PT,
    chrome_factor,
)
from designreview.packet.overlays import (
    draw_finding,
    draw_labels,
    draw_markups,
    marker_boxes,
)
from designreview.packet.plan_furniture import (
    draw_grid,
    draw_legend,
    draw_north_arrow,
    draw_scale_bar,
)
from designreview.packet.plan_view import (
    finding_window,
    sheet_graphics,
)
from designreview.packet.reportlab_backend import (
    Viewport,
    define_plan_form,
    draw_plan,
    draw_texts,
    place_texts,
)
from designreview.render.grid import column_label
from designreview.render.label_space import LabelSpace, overlap_area
from designreview.render.scales import choose_scale
from designreview.render.style import SEVERITY_STYLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.pdfgen.canvas import Canvas

    from designreview.model.findings import Finding
    from designreview.packet.context import PacketContext, SheetInfo
    from designreview.render.scales import PlanScale

__all__ = ["FindingSnippet", "SheetPage", "paper_name"]

_PAPER_NAMES = {"letter": "Letter", "a4": "A4", "ansi-d": "ANSI D", "a1": "A1"}
SNIPPET_MIN_SPAN_M = 12.0
"""A finding's snippet shows at least this much of the building across."""


def paper_name(ctx: PacketContext, plan_page: bool) -> str:
    """The paper a scale is true on ("Letter", "ANSI D")."""
    options = ctx.options
    if plan_page and options.plan_page_size != "same":
        return _PAPER_NAMES[options.plan_page_size]
    return _PAPER_NAMES[options.page_size]


def centred_window(middle: tuple[float, float], width: float, height: float) -> Extents:
    """A window of ``width`` x ``height`` metres around ``middle``."""
    x, y = middle
    return Extents(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def draw_view(
    canv: Canvas,
    ctx: PacketContext,
    info: SheetInfo,
    view: Viewport,
    findings: Sequence[Finding],
    symbol_pt: float,
) -> None:
    """Grid, plan, markups and findings of a sheet in ``view``.

    The counting pass (``ctx.draft``) draws nothing: it only needs the layout.
    """
    if ctx.draft:
        return
    f = symbol_pt / 9.0
    draw_grid(canv, view, info.grid, GRID_STRIP_PT * f, 7 * f)
    define_plan_form(canv, info.form_name, info.batches, info.extents, info.line_scale)
    draw_plan(canv, view, info.form_name)
    space = LabelSpace((view.x, view.y, view.x + view.width, view.y + view.height))
    texts = place_texts(view, info.texts, space)
    graphics = sheet_graphics(ctx.review, info.sheet.id, ctx.comment_refs)
    marker_pt = symbol_pt * 1.1
    markers = marker_boxes(view, graphics, findings, symbol_pt, marker_pt)
    # Text a marker would cover (a room name at a finding) is drawn over it.
    covered = [any(overlap_area(t.box, m) for m in markers) for t in texts]
    draw_texts(canv, view, [t for t, c in zip(texts, covered, strict=True) if not c])
    labels = draw_markups(canv, view, graphics, symbol_pt)
    numbers = [
        draw_finding(canv, view, x, ctx.finding_refs[x.key], marker_pt)
        for x in sorted(findings, key=lambda x: -x.severity.rank)
    ]
    over = [t for t, c in zip(texts, covered, strict=True) if c]
    draw_texts(canv, view, over, halo=True)
    for box in markers:
        space.block(box)
    # Every marker holds its place; the findings' numbers go first, then the rest.
    draw_labels(canv, view, space, [*(n for n in numbers if n), *labels])
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.8)
    canv.rect(view.x, view.y, view.width, view.height, stroke=1, fill=0)


class SheetPage(Flowable):
    """A whole sheet on a landscape page: plan at true scale plus its title block."""

    def __init__(self, ctx: PacketContext, info: SheetInfo) -> None:
        """The plan page of ``info``'s sheet."""
        super().__init__()
        self.ctx, self.info = ctx, info
        self.factor = chrome_factor(ctx.options.plan_page)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fill the frame."""
        self.width, self.height = avail_width, avail_height
        return (avail_width, avail_height)

    def draw(self) -> None:
        """Plan on the left, title block on the right."""
        f, info = self.factor, self.info
        strip = GRID_STRIP_PT * f
        block = TITLE_BLOCK_PT * f
        width = self.width - block - 10 * f - 2 * strip
        height = self.height - 2 * strip
        k = POINTS_PER_M / info.scale.denominator
        window = centred_window(info.grid.extents.center, width / k, height / k)
        view = Viewport(window, strip, strip, info.scale)
        findings = [x for x in self.ctx.findings if x.sheet_id == info.sheet.id]
        draw_view(self.canv, self.ctx, info, view, findings, 9 * f)
        TitleBlock(self.ctx, info, findings, f).draw_at(
            self.canv, self.width - block, 0.0, block, self.height
        )


class TitleBlock:
    """The right-hand column of a plan page, like a drawing's title block."""

    def __init__(
        self,
        ctx: PacketContext,
        info: SheetInfo,
        findings: Sequence[Finding],
        factor: float,
    ) -> None:
        """The block for ``info`` listing ``findings``."""
        self.ctx, self.info, self.findings, self.f = ctx, info, findings, factor

    def draw_at(self, canv: Canvas, x: float, y: float, w: float, h: float) -> None:
        """Draw the block in the rectangle (x, y, w, h)."""
        f = self.f
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)
        canv.rect(x, y, w, h, stroke=1, fill=0)
        pad = 8 * f
        top = self._heading(canv, x + pad, y + h - pad - 12 * f, w - 2 * pad)
        top = self._scale(canv, x + pad, top, w - 2 * pad)
        top = self._north(canv, x + pad, top)
        top = draw_legend(
            canv, x + pad, top - 4 * f, self.ctx.review, 7 * f, w - 2 * pad
        )
        self._finding_list(canv, x + pad, top - 6 * f, y + pad, w - 2 * pad)

    def _rule(self, canv: Canvas, x: float, y: float, width: float) -> None:
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(x, y, x + width, y)

    def _heading(self, canv: Canvas, x: float, y: float, width: float) -> float:
        f, info = self.f, self.info
        canv.setFillColor(INK)
        draw_text(canv, x, y, info.sheet.name, BOLD, 13 * f, max_width=width)
        canv.setFillColor(GREY)
        index = self.ctx.sheets.index(info) + 1
        lines = (
            self.ctx.review.info.school,
            self.ctx.review.info.project,
            f"Sheet {index} of {len(self.ctx.sheets)}",
            f"Drawing {info.sheet.source_name}",
        )
        for i, line in enumerate(lines):
            at = y - (14 + 9.5 * i) * f
            draw_text(canv, x, at, line, REGULAR, 7 * f, max_width=width)
        self._rule(canv, x, y - 50 * f, width)
        return y - 64 * f

    def _scale(self, canv: Canvas, x: float, y: float, width: float) -> float:
        f, scale = self.f, self.info.scale
        canv.setFillColor(GREY)
        draw_text(canv, x, y, "SCALE", BOLD, 6 * f)
        canv.setFillColor(INK)
        draw_text(canv, x, y - 14 * f, scale.label, BOLD, 12 * f)
        canv.setFillColor(GREY)
        note = f"{scale.ratio_label} on {paper_name(self.ctx, True)} at 100 %"
        draw_text(canv, x, y - 24 * f, note, REGULAR, 6.5 * f)
        draw_scale_bar(canv, x, y - 40 * f, scale, width - 14 * f, 7 * f)
        self._rule(canv, x, y - 56 * f, width)
        return y - 68 * f

    def _north(self, canv: Canvas, x: float, y: float) -> float:
        f, grid = self.f, self.info.grid
        north = true_north_of(self.info.sheet, self.info.plan)
        draw_north_arrow(canv, x + 14 * f, y - 16 * f, 24 * f, north)
        canv.setFillColor(INK)
        last = grid.columns - 1
        lines = (
            f"Grid squares {grid.spacing_label}",
            f"Columns A\u2013{column_label(last)} left to right",
            f"Rows 1\u2013{grid.rows} top to bottom",
        )
        for i, line in enumerate(lines):
            draw_text(canv, x + 34 * f, y - (6 + 10 * i) * f, line, REGULAR, 7 * f)
        return y - 44 * f

    def _finding_list(
        self, canv: Canvas, x: float, top: float, bottom: float, width: float
    ) -> None:
        f = self.f
        canv.setFillColor(GREY)
        draw_text(canv, x, top, "FINDINGS ON THIS SHEET", BOLD, 6 * f)
        canv.setFillColor(INK)
        y, row = top - 11 * f, 9 * f
        for i, finding in enumerate(self.findings):
            if y - row < bottom and i < len(self.findings) - 1:
                more = len(self.findings) - i
                draw_text(
                    canv, x, y, f"… {more} more in the findings table", REGULAR, 6.5 * f
                )
                return
            cell = self.info.grid.cell_of(finding.location) or "—"
            ref = self.ctx.finding_refs[finding.key]
            label = SEVERITY_STYLE[finding.severity].label
            text = f"{ref}  {cell}  {finding.rule}  {label}"
            draw_text(canv, x, y, text, REGULAR, 6.5 * f, max_width=width)
            y -= row


class FindingSnippet(Flowable):
    """A finding's part of its sheet, zoomed to a standard scale, with grid and bar."""

    BAND = 26.0

    def __init__(
        self,
        ctx: PacketContext,
        finding: Finding,
        height: float,
        others: Sequence[Finding] = (),
    ) -> None:
        """A snippet ``height`` points tall, as wide as the frame.

        ``others`` (a group's further members) are drawn too where they are on the
        same sheet, and the window grows to hold them.
        """
        super().__init__()
        self.ctx, self.finding, self.snippet_height = ctx, finding, height
        self.others = [f for f in others if f.sheet_id == finding.sheet_id]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """As wide as the frame, the given height."""
        self.width, self.height = avail_width, self.snippet_height
        return (self.width, self.height)

    def viewport(self, info: SheetInfo) -> Viewport:
        """The window around the finding at the largest standard scale that fits it."""
        strip = GRID_STRIP_PT
        width, height = self.width - 2 * strip, self.height - self.BAND - 2 * strip
        around = replace(
            self.finding,
            overlay=(*self.finding.overlay, tuple(f.location for f in self.others)),
        )
        area = finding_window(around, width / height, SNIPPET_MIN_SPAN_M)
        paper = (width / POINTS_PER_M, height / POINTS_PER_M)
        floor = max(info.scale.denominator / 4, 48.0 if info.is_imperial else 50.0)
        scale = choose_scale((area.width, area.height), paper, info.is_imperial, floor)
        k = POINTS_PER_M / scale.denominator
        window = centred_window(area.center, width / k, height / k)
        return Viewport(window, strip, self.BAND + strip, scale)

    def draw(self) -> None:
        """Plan snippet above, scale and north arrow in the band below."""
        info = self.ctx.sheet_info(self.finding.sheet_id)
        if info is None:
            return
        view = self.viewport(info)
        draw_view(self.canv, self.ctx, info, view, [self.finding, *self.others], 9.0)
        self._band(view.scale)

    def _band(self, scale: PlanScale) -> None:
        canv = self.canv
        canv.setFillColor(INK)
        paper = paper_name(self.ctx, plan_page=False)
        text = f"Scale {scale.label} ({scale.ratio_label} on {paper})"
        draw_text(canv, GRID_STRIP_PT, 8.0, text, BOLD, 7.5)
        draw_scale_bar(canv, self.width * 0.5, 12.0, scale, self.width * 0.32, 6.5)
        info = self.ctx.sheet_info(self.finding.sheet_id)
        north = true_north_of(info.sheet, info.plan) if info is not None else None
        draw_north_arrow(canv, self.width - GRID_STRIP_PT - 8, 10.0, 16.0, north)
        canv.setFillColor(Color(0, 0, 0))
