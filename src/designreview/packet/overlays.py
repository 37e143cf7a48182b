"""Markups and findings over a plan: outlines at scale, symbols and labels on paper.

Symbols keep their paper size at any scale, as on screen; labels sit on a faint white
box where no other label, marker, symbol or room name is (``render.label_space``),
with a leader line when that is not right beside what they name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color

from designreview.model.geometry import Point2
from designreview.packet.fonts import BOLD, draw_text, text_width
from designreview.packet.plan_view import is_closed_ring
from designreview.packet.reportlab_backend import color
from designreview.render.style import SEVERITY_STYLE, Rgb
from designreview.render.symbols import symbol_paths

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.pdfgen.canvas import Canvas

    from designreview.model.findings import Finding
    from designreview.packet.reportlab_backend import Viewport
    from designreview.render.graphic import MarkupGraphic, Symbol
    from designreview.render.label_space import Box, LabelSpace

__all__ = [
    "PendingLabel",
    "draw_finding",
    "draw_labels",
    "draw_markups",
    "draw_symbol",
    "marker_boxes",
]


def _darker(rgb: Rgb, factor: float) -> Color:
    return color((int(rgb[0] / factor), int(rgb[1] / factor), int(rgb[2] / factor)))


@dataclass(frozen=True, slots=True)
class PendingLabel:
    """A label to place once every marker of the view holds its place."""

    anchor: Point2
    """Where it belongs, in page points."""
    text: str
    rgb: Rgb
    size: float
    gap: float
    """How far it stays from the anchor: clear of the symbol or marker there."""


def marker_boxes(
    view: Viewport,
    graphics: Sequence[MarkupGraphic],
    findings: Sequence[Finding],
    symbol_pt: float,
    marker_pt: float,
) -> list[Box]:
    """The page boxes the symbols and finding markers will cover in ``view``.

    Known before anything is drawn, so that the plan's text and every label keep
    off them: no room name lies under a marker, no number under a symbol.
    """
    boxes = []
    for graphic in graphics:
        if graphic.symbol is not None:
            boxes.append(_around(*view.to_page(graphic.anchor), symbol_pt * 0.6))
    for finding in findings:
        x, y = view.to_page(finding.location)
        if math.isfinite(x) and math.isfinite(y):
            boxes.append(_around(x, y, marker_pt * 0.6))
    return boxes


def _around(x: float, y: float, radius: float) -> Box:
    return (x - radius, y - radius, x + radius, y + radius)


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
) -> list[PendingLabel]:
    """Markups in ``view``: outlines at scale, symbols at paper size; their labels.

    The labels are returned, to be placed (``draw_labels``) once every symbol and
    marker holds its place (``marker_boxes``).
    """
    canv.saveState()
    view.clip(canv)
    for graphic in graphics:
        _outline(canv, view, graphic)
    labels = []
    for graphic in graphics:
        x, y = view.to_page(graphic.anchor)
        rgb = graphic.color
        if graphic.symbol is not None:
            draw_symbol(
                canv, graphic.symbol, x, y, symbol_pt, graphic.rotation_deg, rgb
            )
        if graphic.label:
            gap = symbol_pt * 0.7 if graphic.symbol else 1.0
            labels.append(
                PendingLabel((x, y), graphic.label, rgb, symbol_pt * 0.7, gap)
            )
    canv.restoreState()
    return labels


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


def draw_labels(
    canv: Canvas, view: Viewport, space: LabelSpace, labels: Sequence[PendingLabel]
) -> None:
    """Each label where ``space`` has room, on a faint white box.

    The box lets it read over walls and fills; a label set further off than beside
    its anchor has a leader line back to it.
    """
    canv.saveState()
    view.clip(canv)
    for label in labels:
        width = text_width(label.text, BOLD, label.size) + 2
        placed = space.place(label.anchor, width, label.size * 1.1, label.gap)
        x0, y0, x1, y1 = placed.box
        if placed.moved:
            canv.setStrokeColor(_darker(label.rgb, 1.5))
            canv.setLineWidth(0.5)
            tip_x = min(max(label.anchor[0], x0), x1)
            tip_y = min(max(label.anchor[1], y0), y1)
            canv.line(label.anchor[0], label.anchor[1], tip_x, tip_y)
        canv.setFillColor(Color(1, 1, 1, 0.8))
        canv.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
        canv.setFillColor(_darker(label.rgb, 1.5))
        draw_text(canv, x0 + 1, y0 + label.size * 0.25, label.text, BOLD, label.size)
    canv.restoreState()


def draw_finding(
    canv: Canvas,
    view: Viewport,
    finding: Finding,
    ref: str,
    marker_pt: float,
) -> PendingLabel | None:
    """A finding's overlay (areas filled, paths stroked) and its numbered marker.

    Its number is returned, to be placed with the other labels (None when the
    finding has no place on the page).
    """
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
        return None
    canv.setFillColor(Color(1, 1, 1, 0.85))
    canv.circle(x, y, marker_pt * 0.55, stroke=1, fill=1)
    canv.setFillColor(color(rgb))
    canv.circle(x, y, marker_pt * 0.2, stroke=0, fill=1)
    canv.restoreState()
    return PendingLabel((x, y), ref, rgb, marker_pt * 0.8, marker_pt * 0.65)
