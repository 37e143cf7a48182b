"""Writing the review packet: the story of pages, layout passes, protection.

The first pass lays the packet out without drawing plans, to learn the page count
and where each section starts; the second draws it with "Page x of y" and the
cover's contents filled in. Both passes lay out the same flowables, so the pages
fall the same way; were a printed number ever to move the layout, a further pass
prints the new numbers.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, NextPageTemplate, PageBreak

from designreview.model.errors import DesignReviewError
from designreview.packet.back_pages import (
    comment_threads,
    sign_off,
    thresholds,
)
from designreview.packet.changes_pages import changes_pages
from designreview.packet.context import packet_context
from designreview.packet.finding_pages import (
    finding_page,
    findings_table,
    group_page,
    group_ref,
)
from designreview.packet.flowables import SectionStart
from designreview.packet.fonts import REGULAR, register_fonts
from designreview.packet.front_pages import cover, summary
from designreview.packet.layout import (
    PageState,
    frame_box,
    page_templates,
    plan_drawing_area,
)
from designreview.packet.lockdown_pages import lockdown_pages, space_lockdowns
from designreview.packet.options import PacketError, PacketOptions
from designreview.packet.plan_pages import SheetPage
from designreview.packet.race_pages import race_pages, sheet_races
from designreview.render.finding_groups import group_findings
from designreview.review_file.atomic_write import write_atomic

if TYPE_CHECKING:
    from collections.abc import Mapping
    from os import PathLike

    from reportlab.platypus import Flowable

    from designreview.analysis.run import CheckResult
    from designreview.model.plan import Plan
    from designreview.model.review import Review
    from designreview.packet.context import PacketContext

__all__ = ["write_packet"]

_MAX_PASSES = 4
"""Counting, drawing, and (should page numbers ever move the layout) a redraw."""


def write_packet(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult,
    path: str | PathLike[str],
    options: PacketOptions | None = None,
) -> int:
    """Write the review packet of ``review`` to ``path``; returns its page count.

    ``plans`` maps sheet ids to their plans and ``result`` holds the findings (from
    ``run_checks``). The file is replaced atomically: a failure leaves any previous
    file untouched.

    Raises:
        PacketError: protection was asked for without pikepdf, or the layout failed.
        SaveError: the file could not be written.
    """
    options = options or PacketOptions()
    register_fonts()
    area = plan_drawing_area(options.plan_page)
    ctx = packet_context(review, plans, result, options, area)
    # The lockdown pages' analysis is the same in every layout pass: once.
    ctx = replace(
        ctx, races=tuple(sheet_races(ctx)), lockdowns=tuple(space_lockdowns(ctx))
    )
    for _attempt in range(_MAX_PASSES):
        data, pages, sections = _build(ctx)
        if not ctx.draft and (pages, sections) == (ctx.total_pages, ctx.section_pages):
            break  # the numbers printed are the numbers laid out
        ctx = replace(ctx, draft=False, total_pages=pages, section_pages=sections)
    if options.password is not None:
        data = protect(data, options.password)
    write_atomic(Path(path), data, keep_backup=False)
    return pages


def _build(ctx: PacketContext) -> tuple[bytes, int, dict[str, int]]:
    """Lay out (and in the final pass draw) the packet; bytes, pages, section starts."""
    buffer = io.BytesIO()
    state = PageState()
    info = ctx.review.info
    doc = BaseDocTemplate(
        buffer,
        pagesize=ctx.options.text_page,
        title=f"Security design review: {info.school or ctx.review.id}",
        subject=ctx.classification,
        author="designreview",
        creator="designreview",
        pageCompression=1,
        # Not reportlab's Helvetica, which every page would name, not embedded.
        initialFontName=REGULAR,
    )
    doc.addPageTemplates(page_templates(ctx, state))
    try:
        doc.build(story(ctx, state), canvasmaker=_PacketCanvas)
    except DesignReviewError:
        raise
    except Exception as exc:  # reportlab's LayoutError and friends
        raise PacketError(
            f"The packet could not be laid out ({type(exc).__name__}: {exc})."
        ) from exc
    return buffer.getvalue(), doc.page, dict(state.section_pages)


class _PacketCanvas(Canvas):
    """A canvas whose PDF asks viewers to print at 100 % (plans are to scale)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setViewerPreference("PrintScaling", "None")


def story(ctx: PacketContext, state: PageState) -> list[Flowable]:
    """Every page of the packet in order, with its section markers."""
    _x, _y, width, height = frame_box(ctx.options.text_page)
    flow: list[Flowable] = [SectionStart("Cover", state), *cover(ctx, width)]
    flow += _section("Summary", state, summary(ctx, width))
    changes = changes_pages(ctx, width)
    flow += (
        _section("Changes since the last drawing", state, changes) if changes else []
    )
    if ctx.sheets:
        flow += [NextPageTemplate("plan"), PageBreak(), SectionStart("Plans", state)]
    for i, info in enumerate(ctx.sheets):
        header = f"Plan: {info.sheet.name}"
        flow += [PageBreak()] if i else []
        flow += [SectionStart(info.sheet.name, state, 1, header), SheetPage(ctx, info)]
    flow.append(NextPageTemplate("text"))
    flow += _section("Findings table", state, findings_table(ctx, width))
    for i, group in enumerate(group_findings(ctx.significant)):
        ref = group_ref(ctx, group)
        flow += [PageBreak()] + ([] if i else [SectionStart("Finding pages", state)])
        word = "Findings" if group.is_group else "Finding"
        flow.append(SectionStart(f"{ref} {group.rule}", state, 1, f"{word} {ref}"))
        if group.is_group:
            flow += group_page(ctx, group, width, height)
        else:
            flow += finding_page(ctx, group.findings[0], width, height)
    for i, (title, page) in enumerate(race_pages(ctx, width, height)):
        flow += [PageBreak()] + ([] if i else [SectionStart("Lockdown race", state)])
        flow += [SectionStart(title, state, 1, title), *page]
    for i, (title, page) in enumerate(lockdown_pages(ctx, width, height)):
        flow += [PageBreak()] + ([] if i else [SectionStart("Lockdown plans", state)])
        flow += [SectionStart(title, state, 1, title), *page]
    flow += _section("Comment threads", state, comment_threads(ctx, width))
    flow += _section("Check thresholds", state, thresholds(ctx, width))
    flow += _section("Sign-off", state, sign_off(ctx, width))
    return flow


def _section(title: str, state: PageState, content: list[Flowable]) -> list[Flowable]:
    return [PageBreak(), SectionStart(title, state), *content]


def protect(data: bytes, password: str) -> bytes:
    """``data`` encrypted with AES-256 (PDF 2.0, R6): the password opens it.

    Raises:
        PacketError: pikepdf is not installed (reportlab's own encryption is too
            weak for a security packet, so there is no fallback).
    """
    try:
        import pikepdf
    except ImportError as exc:
        raise PacketError(
            "Password protection needs the pikepdf package, which is not installed. "
            "Install pikepdf, or make the packet without a password."
        ) from exc
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        encryption = pikepdf.Encryption(owner=password, user=password, R=6, aes=True)
        pdf.save(out, encryption=encryption)
    return out.getvalue()
