"""Drawing the render layer's plans with reportlab: one form per sheet, viewports.

The plan of a sheet is drawn once into a PDF Form XObject in metres (a few hundred
thousand segments take one numpy-formatted string) and every page that shows the
sheet, whole or as a zoomed snippet, places that form through a clip and a
transform: 20 pages cost one drawing. The drawing's text, markups and findings are
few and are drawn per page at paper sizes (``overlays``). Nothing here decides
*what* to draw; that is ``designreview.render``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from reportlab.lib.colors import Color

from designreview.model.geometry import Extents, Point2
from designreview.model.units import POINTS_PER_M
from designreview.packet.fonts import REGULAR, draw_text, text_width
from designreview.render.label_space import LabelSpace, rotated_box
from designreview.render.primitives import TextPrimitive
from designreview.render.scales import PlanScale

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.pdfgen.canvas import Canvas

    from designreview.render.primitives import SegmentBatch
    from designreview.render.style import Rgb

__all__ = [
    "PlacedText",
    "Viewport",
    "color",
    "define_plan_form",
    "draw_plan",
    "draw_texts",
    "place_texts",
    "segment_operators",
]

PT_PER_PX = 0.35
"""Paper width of a one-pixel screen line: screen and paper weights stay in step."""
MIN_LABEL_PT = 3.0
"""Drawing text smaller than this on paper is enlarged to stay legible."""
MAX_LABEL_PT = 8.0
"""Drawing text larger than this on paper (a zoomed title) is reduced."""
_WHITE = Color(1, 1, 1)


def color(rgb: Rgb, alpha: float = 1.0) -> Color:
    """A reportlab colour from 0-255 components."""
    return Color(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255, alpha)


@dataclass(frozen=True, slots=True)
class Viewport:
    """A window of a sheet (metres) placed on a page rectangle (points) at a scale."""

    window: Extents
    x: float
    y: float
    scale: PlanScale

    @property
    def k(self) -> float:
        """Points per metre of building."""
        return POINTS_PER_M / self.scale.denominator

    @property
    def width(self) -> float:
        """Page width of the window, in points."""
        return self.window.width * self.k

    @property
    def height(self) -> float:
        """Page height of the window, in points."""
        return self.window.height * self.k

    def to_page(self, point: Point2) -> Point2:
        """A sheet point (metres) on the page (points)."""
        return (
            self.x + (point[0] - self.window.min_x) * self.k,
            self.y + (point[1] - self.window.min_y) * self.k,
        )

    def clip(self, canv: Canvas) -> None:
        """Clip what follows to the window (inside a saveState)."""
        path = canv.beginPath()
        path.rect(self.x, self.y, self.width, self.height)
        canv.clipPath(path, stroke=0, fill=0)


def define_plan_form(
    canv: Canvas,
    name: str,
    batches: Sequence[SegmentBatch],
    box: Extents,
    line_scale: float,
) -> None:
    """Draw a plan's segment batches once into the form ``name``, in metres.

    Line weights are set for a drawing at 1:``line_scale``; a page that shows the
    form at another scale draws them proportionally lighter or heavier.
    """
    if canv.hasForm(name):
        return
    per_pt = line_scale / POINTS_PER_M  # metres per point
    low_x, low_y = math.floor(box.min_x) - 2, math.floor(box.min_y) - 2
    high_x, high_y = math.ceil(box.max_x) + 2, math.ceil(box.max_y) + 2
    canv.beginForm(name, low_x, low_y, high_x, high_y)
    canv.setLineCap(1)
    canv.setLineJoin(1)
    for batch in batches:
        _stroke_batch(canv, batch, per_pt)
    canv.endForm()


def segment_operators(segments: np.ndarray) -> str:
    """PDF path operators for N x 4 segments; joined runs continue without a moveto.

    Example:
        >>> segments = np.array([[0, 0, 1, 0], [1, 0, 1, 2], [5, 5, 6, 6]])
        >>> print(segment_operators(segments))
        0.000 0.000 m 1.000 0.000 l 1.000 2.000 l
        5.000 5.000 m 6.000 6.000 l
    """
    rows = segments[np.isfinite(segments).all(axis=1)]
    if not len(rows):
        return ""
    starts = np.ones(len(rows), dtype=bool)
    starts[1:] = np.any(rows[1:, :2] != rows[:-1, 2:], axis=1)
    templates = np.where(starts, "\n%.3f %.3f m %.3f %.3f l", " %.3f %.3f l")
    keep = np.ones(rows.shape, dtype=bool)
    keep[~starts, :2] = False  # a continuing segment starts where the last ended
    text: str = "".join(templates.tolist()) % tuple(rows[keep].tolist())
    return text.lstrip("\n")


def _stroke_batch(canv: Canvas, batch: SegmentBatch, per_pt: float) -> None:
    operators = segment_operators(batch.segments)
    if not operators:
        return
    canv.setStrokeColor(color(batch.style.color))
    canv.setLineWidth(batch.style.width_px * PT_PER_PX * per_pt)
    canv.addLiteral(operators)
    canv.addLiteral("S")


@dataclass(frozen=True, slots=True)
class PlacedText:
    """One of the drawing's texts where it goes on the page, and the box it holds."""

    text: TextPrimitive
    origin: Point2
    size: float
    box: tuple[float, float, float, float]


def place_texts(
    view: Viewport, texts: Sequence[TextPrimitive], space: LabelSpace
) -> list[PlacedText]:
    """The drawing's own text in ``view``, at true size kept between 3 and 8 pt.

    Text is placed per page rather than drawn in the form: a label legible on a
    whole sheet at 1:600 would be huge in a snippet at 1:100. Each text holds its
    place in ``space``; level text enlarged onto the text above it (a room number
    under its name) moves down a line instead of overprinting it.
    """
    win = view.window
    placed = []
    for text in texts:
        x, y = text.position
        if not (win.min_x - 5 <= x <= win.max_x and win.min_y <= y <= win.max_y + 5):
            continue
        if not text.text.strip():
            continue
        size = min(max(text.height_m * 1.4 * view.k, MIN_LABEL_PT), MAX_LABEL_PT)
        page_x, page_y = view.to_page(text.position)
        turn = math.radians(text.rotation_deg)
        down = (math.sin(turn), -math.cos(turn))
        foot = (page_x + down[0] * size * 0.22, page_y + down[1] * size * 0.22)
        width = text_width(text.text, REGULAR, size)
        box = rotated_box(foot, width, size, text.rotation_deg)
        dx, dy = space.free_spot(box, size * 1.05, down)
        box = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
        space.block(box)
        placed.append(PlacedText(text, (page_x + dx, page_y + dy), size, box))
    return placed


def draw_texts(
    canv: Canvas, view: Viewport, placed: Sequence[PlacedText], halo: bool = False
) -> None:
    """Draw placed text; with ``halo``, on a faint white box (over a marker)."""
    canv.saveState()
    view.clip(canv)
    for item in placed:
        if halo:
            x0, y0, x1, y1 = item.box
            canv.setFillColor(Color(1, 1, 1, 0.8))
            canv.rect(x0 - 0.5, y0, x1 - x0 + 1, y1 - y0, stroke=0, fill=1)
        canv.saveState()
        canv.setFillColor(color(item.text.color))
        canv.translate(*item.origin)
        canv.rotate(item.text.rotation_deg)
        draw_text(canv, 0.0, 0.0, item.text.text, REGULAR, item.size)
        canv.restoreState()
    canv.restoreState()


def draw_plan(canv: Canvas, view: Viewport, form_name: str) -> None:
    """Place the sheet's form in ``view``: clip, scale and shift, then draw it."""
    canv.saveState()
    view.clip(canv)
    k = view.k
    canv.transform(
        k, 0, 0, k, view.x - view.window.min_x * k, view.y - view.window.min_y * k
    )
    canv.doForm(form_name)
    canv.restoreState()
