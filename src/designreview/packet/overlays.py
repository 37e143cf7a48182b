"""Markups and findings over a plan: outlines at scale, symbols and labels on paper.

Symbols keep their paper size at any scale, as on screen; labels sit on a faint white
box and step aside when another label already holds their place.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color

from designreview.packet.fonts import BOLD, draw_text, text_width
from designreview.packet.plan_view import is_closed_ring
from designreview.packet.reportlab_backend import color
from designreview.render.style import SEVERITY_STYLE
from designreview.render.symbols import symbol_paths

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.pdfgen.canvas import Canvas

    from designreview.model.findings import Finding
    from designreview.model.geometry import Point2
    from designreview.packet.reportlab_backend import Viewport
    from designreview.render.graphic import MarkupGraphic, Symbol
    from designreview.render.style import Rgb

__all__ = ["LabelSpace", "draw_finding", "draw_markups", "draw_symbol"]

Box = tuple[float, float, float, float]


def _darker(rgb: Rgb, factor: float) -> Color:
    return color((int(rgb[0] / factor), int(rgb[1] / factor), int(rgb[2] / factor)))


class LabelSpace:
    """The boxes labels already hold on one view; a new label steps aside."""

    def __init__(self) -> None:
        """No label placed yet."""
        self.boxes: list[Box] = []

    def place(self, x: float, y: float, width: float, height: float) -> Point2:
        """Where to put a label wanted at (x, y): there, or just below or above.

        Example:
            >>> space = LabelSpace()
            >>> space.place(0, 0, 10, 5), space.place(2, 1, 10, 5)
            ((0, 0.0), (2, 6.75))
        """
        step = height * 1.15
        for dy in (0.0, -step, step, -2 * step, 2 * step):
            box = (x, y + dy, x + width, y + dy + height)
            if not any(_overlaps(box, other) for other in self.boxes):
                break
        else:
            dy = 0.0
        self.boxes.append((x, y + dy, x + width, y + dy + height))
        return (x, y + dy)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _path(
    canv: Canvas, view: Viewport, points: Sequence[Point2], closed: bool, fill: bool
) -> None:
    path = canv.beginPath()
    page = [view.to_page(p) for p in points]
    path.moveTo(*page[0])
    for point in page[1:]:
        path.lineTo(*point)
    if closed:
        path.close()
    canv.drawPath(path, stroke=1, fill=1 if fill else 0)


def draw_markups(
    canv: Canvas,
    view: Viewport,
    graphics: Sequence[MarkupGraphic],
    symbol_pt: float,
    space: LabelSpace,
) -> None:
    """Markups in ``view``: outlines at scale, symbols and labels at paper size."""
    canv.saveState()
    view.clip(canv)
    for graphic in graphics:
        _outline(canv, view, graphic)
    for graphic in graphics:
        x, y = view.to_page(graphic.anchor)
        rgb, size = graphic.color, symbol_pt * 0.7
        if graphic.symbol is not None:
            draw_symbol(
                canv, graphic.symbol, x, y, symbol_pt, graphic.rotation_deg, rgb
            )
        if graphic.label:
            offset = size if graphic.symbol else 0.0
            _halo_text(canv, space, (x + offset, y + offset), graphic.label, rgb, size)
    canv.restoreState()


def _outline(canv: Canvas, view: Viewport, graphic: MarkupGraphic) -> None:
    """A markup's polygon or polyline, dashed and translucent as its graphic says."""
    if len(graphic.outline) < 2:
        return
    canv.setStrokeColor(color(graphic.color))
    canv.setFillColor(color(graphic.color, graphic.fill_alpha / 255))
    canv.setLineWidth(1.1)
    canv.setDash([4, 2.5] if graphic.dashed else [])
    fill = graphic.closed and graphic.fill_alpha > 0
    _path(canv, view, graphic.outline, graphic.closed, fill)
    canv.setDash([])


def draw_symbol(
    canv: Canvas,
    symbol: Symbol,
    x: float,
    y: float,
    size: float,
    rotation: float,
    rgb: Rgb,
) -> None:
    """One markup symbol centred on (x, y): white fill, outline in a darker ``rgb``."""
    canv.saveState()
    canv.translate(x, y)
    canv.rotate(rotation)
    canv.setLineWidth(0.7)
    canv.setStrokeColor(_darker(rgb, 1.3))
    canv.setFillColor(Color(1, 1, 1, 0.9))
    canv.setLineJoin(1)
    for part in symbol_paths(symbol):
        path = canv.beginPath()
        path.moveTo(part.points[0][0] * size, part.points[0][1] * size)
        for px, py in part.points[1:]:
            path.lineTo(px * size, py * size)
        if part.closed:
            path.close()
        canv.drawPath(path, stroke=1, fill=1 if part.closed else 0)
    canv.restoreState()


def _halo_text(
    canv: Canvas, space: LabelSpace, at: Point2, text: str, rgb: Rgb, size: float
) -> None:
    """A label on a faint white box, so it reads over walls and fills."""
    width = text_width(text, BOLD, size)
    x, y = space.place(at[0], at[1], width, size)
    canv.setFillColor(Color(1, 1, 1, 0.75))
    canv.rect(x - 1, y - size * 0.25, width + 2, size * 1.1, stroke=0, fill=1)
    canv.setFillColor(_darker(rgb, 1.5))
    draw_text(canv, x, y, text, BOLD, size)


def draw_finding(
    canv: Canvas,
    view: Viewport,
    finding: Finding,
    ref: str,
    marker_pt: float,
    space: LabelSpace,
) -> None:
    """A finding's overlay (areas filled, paths stroked) and its numbered marker."""
    rgb = SEVERITY_STYLE[finding.severity].color
    canv.saveState()
    view.clip(canv)
    canv.setStrokeColor(color(rgb))
    canv.setFillColor(color(rgb, 70 / 255))
    canv.setLineWidth(1.4)
    for ring in finding.overlay:
        if len(ring) >= 2:
            closed = is_closed_ring(ring)
            _path(canv, view, ring, closed, closed)
    x, y = view.to_page(finding.location)
    if not (math.isfinite(x) and math.isfinite(y)):
        canv.restoreState()
        return
    canv.setFillColor(Color(1, 1, 1, 0.85))
    canv.circle(x, y, marker_pt * 0.55, stroke=1, fill=1)
    canv.setFillColor(color(rgb))
    canv.circle(x, y, marker_pt * 0.2, stroke=0, fill=1)
    label_at = (x + marker_pt * 0.65, y - marker_pt * 0.25)
    _halo_text(canv, space, label_at, ref, rgb, marker_pt * 0.8)
    canv.restoreState()
