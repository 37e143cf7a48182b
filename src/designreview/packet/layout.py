"""Page geometry, paragraph styles, and the page template that marks every page.

The classification banner (top and bottom), the running header and the footer
(recipient, copy, review id, "Page x of y") are drawn by the page templates at the
end of every page, so no page can miss them, whatever its content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Frame, PageTemplate

from designreview.packet.fonts import BOLD, REGULAR, draw_text

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus.doctemplate import BaseDocTemplate

    from designreview.packet.context import PacketContext

__all__ = [
    "GREY",
    "INK",
    "STYLES",
    "PageState",
    "chrome_factor",
    "frame_box",
    "page_templates",
    "plan_drawing_area",
]

INK = Color(0.1, 0.1, 0.13)
GREY = Color(0.42, 0.42, 0.46)
RULE = Color(0.7, 0.7, 0.72)
MARGIN = 36.0
TOP_BAND = 50.0
BOTTOM_BAND = 48.0
TITLE_BLOCK_PT = 178.0
"""Width of a plan page's title block (scale, north, legend) at chrome factor 1."""
GRID_STRIP_PT = 12.0
"""Width of the bands around a plan that carry the grid labels."""
PAGE_OF_PLACEHOLDER = 999
Box = tuple[float, float, float]
"""A line of text: left x, right x, baseline y."""


def chrome_factor(pagesize: tuple[float, float]) -> float:
    """How much bigger margins and marks are on a large sheet (ANSI D, A1)."""
    return 1.0 if max(pagesize) <= 1100 else 1.6


def frame_box(pagesize: tuple[float, float]) -> tuple[float, float, float, float]:
    """The content frame (x, y, width, height) inside the banner and footer bands."""
    f = chrome_factor(pagesize)
    width, height = pagesize
    x, y = MARGIN * f, BOTTOM_BAND * f
    return (x, y, width - 2 * x, height - y - TOP_BAND * f)


def plan_drawing_area(pagesize: tuple[float, float]) -> tuple[float, float]:
    """The size of the plan itself on a whole-sheet page (frame less title block)."""
    f = chrome_factor(pagesize)
    _x, _y, width, height = frame_box(pagesize)
    strip = 2 * GRID_STRIP_PT * f
    return (width - (TITLE_BLOCK_PT + 10) * f - strip, height - strip)


def _style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
    font = BOLD if extra.pop("bold", False) else REGULAR
    extra.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **extra)


STYLES: dict[str, ParagraphStyle] = {
    "title": _style("title", 24, 29, bold=True, spaceAfter=6),
    "subtitle": _style("subtitle", 13, 17, spaceAfter=4),
    "h1": _style("h1", 16, 20, bold=True, spaceAfter=8),
    "h2": _style("h2", 11.5, 15, bold=True, spaceBefore=8, spaceAfter=4),
    "body": _style("body", 9, 12.2, spaceAfter=4),
    "small": _style("small", 7.5, 9.6, textColor=GREY),
    "cell": _style("cell", 7.5, 9.4),
    "cell_bold": _style("cell_bold", 7.5, 9.4, bold=True),
    "head": _style("head", 7.5, 9.4, bold=True, textColor=Color(1, 1, 1)),
}
"""Paragraph styles of the text pages."""


@dataclass
class PageState:
    """What one build pass learns while it lays out pages (mutable, per pass)."""

    section: str = ""
    section_pages: dict[str, int] = field(default_factory=dict)


def page_templates(ctx: PacketContext, state: PageState) -> list[PageTemplate]:
    """The portrait text template and the landscape plan template."""
    templates = []
    for name, size in (
        ("text", ctx.options.text_page),
        ("plan", ctx.options.plan_page),
    ):
        frame = Frame(
            *frame_box(size),
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        chrome = partial(_draw_chrome, ctx=ctx, state=state, pagesize=size)
        templates.append(PageTemplate(name, [frame], onPageEnd=chrome, pagesize=size))
    return templates


def _draw_chrome(
    canv: Canvas,
    doc: BaseDocTemplate,
    ctx: PacketContext,
    state: PageState,
    pagesize: tuple[float, float],
) -> None:
    """Banner top and bottom, running header, footer with "Page x of y"."""
    f = chrome_factor(pagesize)
    width, height = pagesize
    left, right = MARGIN * f, width - MARGIN * f
    canv.saveState()
    canv.setFillColor(INK)
    for y in (height - 20 * f, 12 * f):
        draw_text(canv, width / 2, y, ctx.classification, BOLD, 10 * f, "centre")
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(left, height - 40 * f, right, height - 40 * f)
    canv.line(left, 38 * f, right, 38 * f)
    _header(canv, ctx, state.section, (left, right, height - 36 * f), f)
    _footer(canv, ctx, (left, right, 28 * f), f)
    canv.restoreState()


def _header(
    canv: Canvas, ctx: PacketContext, section: str, line: Box, f: float
) -> None:
    """School and project on the left, the section on the right, in grey."""
    left, right, y = line
    span = right - left
    info = ctx.review.info
    heading = " · ".join(p for p in (info.school, info.project) if p)
    canv.setFillColor(GREY)
    draw_text(canv, left, y, heading, REGULAR, 7 * f, max_width=span * 0.62)
    draw_text(canv, right, y, section, REGULAR, 7 * f, "right", span * 0.35)


def _footer(canv: Canvas, ctx: PacketContext, line: Box, f: float) -> None:
    """Copy and recipient, review id, "Page x of y" (x of 999 while counting)."""
    left, right, y = line
    span = right - left
    canv.setFillColor(INK)
    draw_text(canv, left, y, _copy_text(ctx), REGULAR, 7.5 * f, max_width=span * 0.4)
    review = f"Review {ctx.review.id}"
    middle = (left + right) / 2
    draw_text(canv, middle, y, review, REGULAR, 7.5 * f, "centre", span * 0.25)
    total = ctx.total_pages or PAGE_OF_PLACEHOLDER
    page = f"Page {canv.getPageNumber()} of {total}"
    draw_text(canv, right, y, page, BOLD, 7.5 * f, "right")


def _copy_text(ctx: PacketContext) -> str:
    options = ctx.options
    copy = f"Copy {options.copy_number}" if options.copy_number else "Copy not numbered"
    recipient = options.recipient or "recipient not named"
    return f"{copy} · Issued to: {recipient}"
