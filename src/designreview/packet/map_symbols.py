"""The responder map's marks on paper: door tags, asset symbols, north arrow.

Drawn in black on white with letters inside every symbol, so a photocopy or a
black-and-white print reads as well as the colour PDF.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color

from designreview.model.markups import AssetKind, Designation
from designreview.model.responder import ASSET_CODES, ASSET_NAMES
from designreview.packet.fonts import BOLD, REGULAR, draw_text, text_width
from designreview.packet.layout import INK
from designreview.render.kinds.responder import asset_symbol
from designreview.render.symbols import symbol_paths

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "DESIGNATION_CODES",
    "DESIGNATION_WORDS",
    "draw_asset",
    "draw_door_tag",
    "draw_true_north",
]

WHITE = Color(1, 1, 1)
DESIGNATION_CODES: dict[Designation, str] = {
    Designation.PRIMARY_VISITOR_ENTRY: "P",
    Designation.SECONDARY_STAFF_ENTRY: "S",
    Designation.EGRESS_ONLY: "N",
    Designation.NONE: "?",
}
"""The letter beside a door's number: its designation for responders."""
DESIGNATION_WORDS: dict[Designation, str] = {
    Designation.PRIMARY_VISITOR_ENTRY: "Primary entry (visitors)",
    Designation.SECONDARY_STAFF_ENTRY: "Secondary entry (staff)",
    Designation.EGRESS_ONLY: "Non-designated (exit only)",
    Designation.NONE: "Not yet designated",
}


def draw_door_tag(
    canv: Canvas, x: float, y: float, number: str, designation: Designation, size: float
) -> None:
    """An exterior door's tag: its number in a heavy ring, the designation beside.

    The primary entry's ring is doubled, so it stands out in grey print as well.
    """
    text = number or "?"
    radius = max(size * 0.62, text_width(text, BOLD, size) / 2 + size * 0.3)
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setFillColor(WHITE)
    canv.setLineWidth(1.4)
    canv.circle(x, y, radius, stroke=1, fill=1)
    if designation is Designation.PRIMARY_VISITOR_ENTRY:
        canv.setLineWidth(0.8)
        canv.circle(x, y, radius + 2.2, stroke=1, fill=0)
    canv.setFillColor(INK)
    draw_text(canv, x, y - size * 0.36, text, BOLD, size, "centre")
    code = DESIGNATION_CODES[designation]
    box = size * 0.95
    bx, by = x + radius * 0.7, y - radius - box * 0.35
    canv.setFillColor(INK)
    canv.rect(bx, by, box, box, stroke=0, fill=1)
    canv.setFillColor(WHITE)
    draw_text(canv, bx + box / 2, by + box * 0.2, code, BOLD, box * 0.78, "centre")
    canv.restoreState()


def draw_asset(canv: Canvas, x: float, y: float, kind: AssetKind, size: float) -> float:
    """A responder asset's outline with its letters inside; returns its half-width."""
    code = ASSET_CODES[kind]
    letters = max(text_width(code, BOLD, size * 0.42), size * 0.5)
    scale = max(size, letters * 1.35)
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setLineWidth(1.0)
    for stroke in symbol_paths(asset_symbol(kind)):
        path = canv.beginPath()
        first, *rest = stroke.points
        path.moveTo(x + first[0] * scale, y + first[1] * scale)
        for px, py in rest:
            path.lineTo(x + px * scale, y + py * scale)
        if stroke.closed:
            path.close()
        canv.setFillColor(WHITE)
        canv.drawPath(path, stroke=1, fill=1 if stroke.closed else 0)
    canv.setFillColor(INK)
    if code:
        draw_text(canv, x, y - size * 0.15, code, BOLD, size * 0.42, "centre")
    canv.restoreState()
    return scale / 2


def legend_name(kind: AssetKind) -> str:
    """A legend row's words for an asset ("KB  Key box (Knox box)")."""
    return ASSET_NAMES[kind]


def draw_true_north(canv: Canvas, cx: float, cy: float, size: float) -> None:
    """A north arrow pointing up the page, the map being turned to true north."""
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.8)
    canv.circle(cx, cy, size * 0.5, stroke=1, fill=0)
    for side, fill in ((1, INK), (-1, WHITE)):
        path = canv.beginPath()
        path.moveTo(cx, cy + size * 0.45)
        path.lineTo(cx + side * size * 0.2, cy - size * 0.35)
        path.lineTo(cx, cy - size * 0.2)
        path.close()
        canv.setFillColor(fill)
        canv.drawPath(path, stroke=1, fill=1)
    canv.setFillColor(INK)
    draw_text(canv, cx, cy + size * 0.6, "N", BOLD, size * 0.42, "centre")
    draw_text(canv, cx, cy - size * 0.85, "TRUE NORTH", REGULAR, size * 0.2, "centre")
    canv.restoreState()


def tag_offset(
    outward: tuple[float, float], rotation_deg: float
) -> tuple[float, float]:
    """The page direction of a door's outside (plan axes turned to the map's)."""
    a = math.radians(rotation_deg)
    ox, oy = outward
    return (ox * math.cos(a) - oy * math.sin(a), ox * math.sin(a) + oy * math.cos(a))
