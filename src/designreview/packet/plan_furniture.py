"""What surrounds a printed plan: responder grid, scale bar, north arrow, legend."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color

from designreview.model.units import POINTS_PER_M
from designreview.packet.fonts import BOLD, REGULAR, draw_text, text_width
from designreview.packet.layout import GREY, INK
from designreview.packet.overlays import draw_symbol
from designreview.packet.reportlab_backend import color
from designreview.render.grid import column_label
from designreview.render.legend import LegendRow, Swatch, legend_sections
from designreview.render.scales import scale_bar

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from designreview.model.review import Review
    from designreview.packet.reportlab_backend import Viewport
    from designreview.render.grid import ResponderGrid
    from designreview.render.scales import PlanScale
    from designreview.render.style import Rgb

__all__ = ["draw_grid", "draw_legend", "draw_north_arrow", "draw_scale_bar"]

GRID_COLOR = Color(0.45, 0.58, 0.78)


def _visible_cells(
    start: float, spacing: float, count: int, low: float, high: float
) -> list[tuple[int, float]]:
    """(index, middle of the visible part) of cells at least a third visible."""
    cells = []
    for i in range(count):
        a, b = max(start + i * spacing, low), min(start + (i + 1) * spacing, high)
        if b - a >= spacing / 3:
            cells.append((i, (a + b) / 2))
    return cells


def draw_grid(
    canv: Canvas, view: Viewport, grid: ResponderGrid, strip: float, size: float
) -> None:
    """Grid lines over ``view`` and its labels in bands ``strip`` wide around it."""
    box = grid.extents
    canv.saveState()
    view.clip(canv)
    canv.setStrokeColor(GRID_COLOR)
    canv.setLineWidth(0.45)
    y0, y1 = _span(view, box.min_y, box.max_y, vertical=True)
    for i in range(grid.columns + 1):
        x, _ = view.to_page((grid.column_x(i), 0.0))
        canv.line(x, y0, x, y1)
    x0, x1 = _span(view, box.min_x, box.max_x, vertical=False)
    for j in range(grid.rows + 1):
        _, y = view.to_page((0.0, grid.row_y(j)))
        canv.line(x0, y, x1, y)
    canv.restoreState()
    _grid_labels(canv, view, grid, strip, size)


def _grid_labels(
    canv: Canvas, view: Viewport, grid: ResponderGrid, strip: float, size: float
) -> None:
    """Letters above and below the view, numbers left and right of it."""
    win, step = view.window, grid.spacing_m
    canv.setFillColor(INK)
    top, bottom = view.y + view.height + strip * 0.3, view.y - strip * 0.75
    columns = _visible_cells(grid.x0, step, grid.columns, win.min_x, win.max_x)
    for i, middle in columns:
        x, _ = view.to_page((middle, 0.0))
        for y in (top, bottom):
            draw_text(canv, x, y, column_label(i), BOLD, size, "centre")
    left, right = view.x - strip * 0.5, view.x + view.width + strip * 0.5
    rows = _visible_cells(grid.row_y(grid.rows), step, grid.rows, win.min_y, win.max_y)
    for j, middle in rows:
        _, y = view.to_page((0.0, middle))
        for x in (left, right):
            draw_text(canv, x, y - size / 3, str(grid.rows - j), BOLD, size, "centre")


def _span(
    view: Viewport, low: float, high: float, vertical: bool
) -> tuple[float, float]:
    if vertical:
        return view.to_page((0.0, low))[1], view.to_page((0.0, high))[1]
    return view.to_page((low, 0.0))[0], view.to_page((high, 0.0))[0]


def draw_scale_bar(
    canv: Canvas, x: float, y: float, scale: PlanScale, max_width: float, size: float
) -> None:
    """An alternating black and white bar at (x, y) with labelled ticks below."""
    bar = scale_bar(scale, max_width / POINTS_PER_M)
    height = size * 0.6
    canv.saveState()
    canv.setLineWidth(0.5)
    canv.setStrokeColor(INK)
    ticks = [(offset * POINTS_PER_M, label) for offset, label in bar.ticks]
    for i, ((a, _), (b, _)) in enumerate(itertools.pairwise(ticks)):
        canv.setFillColor(INK if i % 2 == 0 else Color(1, 1, 1))
        canv.rect(x + a, y, b - a, height, stroke=1, fill=1)
    canv.setFillColor(INK)
    small, below = size * 0.85, y - size * 1.05
    for offset, label in ticks[:-1]:
        draw_text(canv, x + offset, below, label, REGULAR, small, "centre")
    offset, label = ticks[-1]  # the unit follows the last number: "100 ft"
    start = x + offset - text_width(label, REGULAR, small) / 2
    draw_text(canv, start, below, f"{label} {bar.unit}", REGULAR, small)
    canv.restoreState()


def draw_north_arrow(
    canv: Canvas, cx: float, cy: float, size: float, true_north_deg: float | None = None
) -> None:
    """A north arrow centred at (cx, cy).

    It points up the page (the plan's up) unless ``true_north_deg`` says where true
    north lies, clockwise from the plan's up; then it is turned to point there.
    """
    canv.saveState()
    if true_north_deg:
        canv.translate(cx, cy)
        canv.rotate(-true_north_deg)  # reportlab turns counter-clockwise
        canv.translate(-cx, -cy)
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.7)
    canv.circle(cx, cy, size * 0.5, stroke=1, fill=0)
    path = canv.beginPath()
    path.moveTo(cx, cy + size * 0.45)
    path.lineTo(cx + size * 0.2, cy - size * 0.35)
    path.lineTo(cx, cy - size * 0.2)
    path.close()
    canv.setFillColor(INK)
    canv.drawPath(path, stroke=1, fill=1)
    path = canv.beginPath()
    path.moveTo(cx, cy + size * 0.45)
    path.lineTo(cx - size * 0.2, cy - size * 0.35)
    path.lineTo(cx, cy - size * 0.2)
    path.close()
    canv.setFillColor(Color(1, 1, 1))
    canv.drawPath(path, stroke=1, fill=1)
    canv.setFillColor(INK)
    draw_text(canv, cx, cy + size * 0.6, "N", BOLD, size * 0.4, "centre")
    canv.restoreState()


def draw_legend(
    canv: Canvas, x: float, top: float, review: Review, size: float, width: float
) -> float:
    """Symbols, areas, finding colours and agencies explained; returns the bottom.

    The rows are the screen legend's (``render.legend``), every mark and area
    listed: a printed legend serves whoever picks the page up.
    """
    sections = {s.title: s.rows for s in legend_sections(review, only_in_use=False)}
    y = _caption(canv, x, top, "LEGEND", size)
    for row in sections.get("Marks", ()):
        assert row.symbol is not None
        draw_symbol(
            canv, row.symbol, x + size * 0.7, y + size * 0.3, size * 1.1, 0.0, row.color
        )
        draw_text(
            canv, x + size * 2, y, row.label, REGULAR, size, max_width=width - size * 2
        )
        y -= size * 1.55
    y = _swatches(canv, x, y, size, width, sections.get("Areas", ()))
    y = _caption(canv, x, y - size * 0.4, "FINDINGS (F#, see table)", size)
    y = _swatches(canv, x, y, size, width, sections.get("Findings", ()))
    y = _caption(canv, x, y - size * 0.4, "MARKUPS BY AGENCY", size)
    return _swatches(canv, x, y, size, width, sections.get("Markups by agency", ()))


def _swatches(
    canv: Canvas,
    x: float,
    y: float,
    size: float,
    width: float,
    rows: tuple[LegendRow, ...],
) -> float:
    """Rows of a colour swatch and its meaning; returns the next row's baseline."""
    for row in rows:
        dashed = row.swatch in (Swatch.DASHED_FILL, Swatch.DASHED_LINE)
        alpha = 0.0 if row.swatch is Swatch.DASHED_LINE else row.alpha
        _swatch(canv, x, y, size, row.color, alpha, dashed)
        draw_text(
            canv, x + size * 2, y, row.label, REGULAR, size, max_width=width - size * 2
        )
        y -= size * 1.55
    return y


def _caption(canv: Canvas, x: float, y: float, text: str, size: float) -> float:
    canv.setFillColor(GREY)
    draw_text(canv, x, y, text, BOLD, size * 0.85)
    canv.setFillColor(INK)
    return y - size * 1.5


def _swatch(
    canv: Canvas,
    x: float,
    y: float,
    size: float,
    rgb: Rgb,
    alpha: float,
    dashed: bool,
) -> None:
    canv.saveState()
    canv.setStrokeColor(color(rgb))
    canv.setFillColor(color(rgb, alpha))
    canv.setLineWidth(0.9)
    canv.setDash([2.5, 1.5] if dashed else [])
    canv.rect(x, y - size * 0.15, size * 1.4, size * 0.95, stroke=1, fill=1)
    canv.restoreState()
