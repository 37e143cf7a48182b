"""Printing and previewing a finished packet PDF at true scale.

Each PDF page goes onto paper of exactly its own size with no margins and no
fitting, so a plan printed at 1/8" = 1'-0" measures at 1/8" = 1'-0" with a scale
rule. The pixels come from PDFium (``packet.pdf_pages``); Qt only places them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
    QTransform,
)

from designreview.model.units import POINTS_PER_INCH
from designreview.packet.pdf_pages import page_sizes, render_pages

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtPrintSupport import QPrinter

#: Print resolution ceiling: finer than a plotter's line weights need, and a letter
#: page stays near 8 Mpx.
PRINT_DPI = 300.0
#: On-screen preview resolution: sharp at 100 % zoom, light on memory.
PREVIEW_DPI = 96.0


def page_layout(width_pt: float, height_pt: float) -> QPageLayout:
    """A margin-free layout of exactly this paper size, in its own orientation."""
    portrait = QSizeF(min(width_pt, height_pt), max(width_pt, height_pt))
    orientation = (
        QPageLayout.Orientation.Landscape
        if width_pt > height_pt
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(
            portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
        ),
        orientation,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Point,
        QMarginsF(0, 0, 0, 0),
    )


def is_preview(printer: QPrinter) -> bool:
    """True while a QPrintPreviewDialog is recording pages for the screen."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """Pages painted, and how many had to be reduced to fit the paper at hand."""

    pages: int
    reduced: int


def paint_pdf(
    pdf: Path,
    printer: QPrinter,
    dpi: float | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> PrintOutcome:
    """Paint every page of ``pdf`` on ``printer`` at true scale.

    Each page gets paper of its own size where the printer can change paper within
    a job (PDF and CUPS engines); elsewhere (the on-screen preview, some drivers) a
    landscape page is turned onto the portrait sheet, still at true scale, and only
    a page larger than the paper is reduced, which the outcome reports.
    ``dpi`` defaults to the preview resolution while previewing, otherwise to the
    printer's own, at most PRINT_DPI.
    """
    sizes = page_sizes(pdf)
    if not sizes:
        return PrintOutcome(0, 0)
    if dpi is None:
        preview = is_preview(printer)
        dpi = PREVIEW_DPI if preview else min(printer.resolution(), PRINT_DPI)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(*sizes[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    can_change_paper = _changes_paper_mid_job(printer)
    painted = reduced = 0
    try:
        for index, pixels in enumerate(render_pages(pdf, dpi, stop=stop)):
            width_pt, height_pt = sizes[index]
            if index:
                if can_change_paper:
                    printer.setPageLayout(page_layout(width_pt, height_pt))
                printer.newPage()
            image = QImage(
                pixels.pixels,
                pixels.width,
                pixels.height,
                pixels.stride,
                QImage.Format.Format_RGBX8888,
            ).copy()  # own the pixels: the preview keeps images after this returns
            reduced += not _place(painter, printer, image, width_pt, height_pt)
            painted += 1
    finally:
        painter.end()
    return PrintOutcome(painted, reduced)


def _changes_paper_mid_job(printer: QPrinter) -> bool:
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Pdf


def _place(
    painter: QPainter,
    printer: QPrinter,
    image: QImage,
    width_pt: float,
    height_pt: float,
) -> bool:
    """Draw one page on the current sheet; False if it had to be reduced to fit."""
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    inch = printer.resolution()
    scale = inch / POINTS_PER_INCH
    turn = _fits(height_pt, width_pt, paper) and not _fits(width_pt, height_pt, paper)
    if turn:
        image = image.transformed(QTransform().rotate(90))
        width_pt, height_pt = height_pt, width_pt
    true_scale = _fits(width_pt, height_pt, paper)
    if not true_scale:
        shrink = min(paper.width() / width_pt, paper.height() / height_pt)
        width_pt, height_pt = width_pt * shrink, height_pt * shrink
    painter.drawImage(QRectF(0, 0, width_pt * scale, height_pt * scale), image)
    return true_scale


def _fits(width_pt: float, height_pt: float, paper: QRectF) -> bool:
    """Within a point of the paper: paper sizes are rounded differently by drivers."""
    return width_pt <= paper.width() + 1 and height_pt <= paper.height() + 1
