"""One floor of the responder map on a page: the plan north-up, gridded and labelled.

The plan is turned so that true north is up, drawn at a stated scale inside its
A-Z / 1-n grid, with room numbers and names, hallway names, exterior door tags
(number and designation) outside each door, stair numbers and every responder
asset; a title column names the school, its address, the floor, the revision and
the last walk-through, and gives the scale, the north arrow and the legend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color

from designreview.analysis.responder_map import column_label
from designreview.model.markups import AssetKind, Designation, SpaceType
from designreview.model.responder import ASSET_NAMES, NAMED_KINDS
from designreview.model.units import POINTS_PER_M
from designreview.packet.fonts import BOLD, REGULAR, draw_text, fit_text, text_width
from designreview.packet.layout import GREY, INK
from designreview.packet.map_symbols import (
    DESIGNATION_CODES,
    DESIGNATION_WORDS,
    WHITE,
    draw_asset,
    draw_door_tag,
    draw_true_north,
    tag_offset,
)
from designreview.packet.plan_furniture import draw_scale_bar
from designreview.packet.reportlab_backend import segment_operators
from designreview.render.scales import PlanScale, choose_scale

if TYPE_CHECKING:
    import numpy as np
    from reportlab.pdfgen.canvas import Canvas

    from designreview.analysis.building_view import BuildingView
    from designreview.analysis.responder_map import MapDoor, MapRoom, SheetMap
    from designreview.model.geometry import Point2

__all__ = ["MapPage", "draw_map_page"]

MARGIN = 28.0
BANNER = 16.0
STRIP = 14.0
"""Room for the grid's letters and numbers round the map."""
COLUMN = 184.0
"""Width of the title column."""
LIGHT = Color(0.55, 0.55, 0.58)
WALL_PT = 1.1
GLASS_PT = 0.5


@dataclass(frozen=True, slots=True)
class MapPage:
    """What the page says beyond the floor itself."""

    school: str
    address: str
    walkthrough: str
    revision: str
    """"Revision 2, issued 2026-12-08", or why it is not current."""
    classification: str
    floor_index: int
    floors: int


def draw_map_page(
    canv: Canvas,
    size: tuple[float, float],
    view: BuildingView,
    sheet_map: SheetMap,
    page: MapPage,
) -> PlanScale:
    """Draw one floor's map on the current page; returns the scale it is drawn at."""
    width, height = size
    _banners(canv, width, height, page.classification)
    left, bottom = MARGIN + STRIP, MARGIN + BANNER + STRIP
    right, top = width - MARGIN - COLUMN - 10 - STRIP, height - MARGIN - BANNER - STRIP
    grid = sheet_map.grid
    span = (grid.columns * grid.spacing_m, grid.rows * grid.spacing_m)
    paper = ((right - left) / POINTS_PER_M, (top - bottom) / POINTS_PER_M)
    scale = choose_scale(span, paper, sheet_map.is_imperial)
    k = POINTS_PER_M / scale.denominator
    ox = left + ((right - left) - span[0] * k) / 2
    oy = bottom + ((top - bottom) - span[1] * k) / 2
    y_low = grid.y_top - span[1]

    def to_page(point: Point2) -> Point2:
        mx, my = sheet_map.to_map(point)
        return (ox + (mx - grid.x0) * k, oy + (my - y_low) * k)

    _grid(canv, sheet_map, ox, oy, k)
    _walls(canv, view, sheet_map, (ox - grid.x0 * k, oy - y_low * k), k)
    _marks(canv, sheet_map, to_page, k)
    _rooms(canv, sheet_map, to_page, k)  # over the marks: a room number stays legible
    _doors(canv, sheet_map, to_page)
    _title_column(canv, (width - MARGIN - COLUMN, MARGIN + BANNER), height, sheet_map,
                  page, scale)  # fmt: skip
    return scale


def _banners(canv: Canvas, width: float, height: float, text: str) -> None:
    canv.setFillColor(INK)
    for y in (height - MARGIN + 4, MARGIN - 12):
        draw_text(canv, width / 2, y, text.upper(), BOLD, 8, "centre")


def _grid(canv: Canvas, sheet_map: SheetMap, ox: float, oy: float, k: float) -> None:
    grid = sheet_map.grid
    s = grid.spacing_m * k
    w, h = grid.columns * s, grid.rows * s
    canv.saveState()
    canv.setStrokeColor(LIGHT)
    canv.setLineWidth(0.4)
    canv.setDash(2, 2)
    for i in range(grid.columns + 1):
        canv.line(ox + i * s, oy, ox + i * s, oy + h)
    for j in range(grid.rows + 1):
        canv.line(ox, oy + j * s, ox + w, oy + j * s)
    canv.setDash()
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.8)
    canv.rect(ox, oy, w, h, stroke=1, fill=0)
    canv.setFillColor(INK)
    size = min(9.0, s * 0.45)
    for i in range(grid.columns):
        cx = ox + (i + 0.5) * s
        for y in (oy + h + 4, oy - 4 - size):
            draw_text(canv, cx, y, column_label(i), BOLD, size, "centre")
    for j in range(grid.rows):
        cy = oy + h - (j + 0.5) * s - size * 0.35
        draw_text(canv, ox - 4, cy, str(j + 1), BOLD, size, "right")
        draw_text(canv, ox + w + 4, cy, str(j + 1), BOLD, size)
    canv.restoreState()


def _walls(
    canv: Canvas,
    view: BuildingView,
    sheet_map: SheetMap,
    shift: Point2,
    k: float,
) -> None:
    canv.saveState()
    canv.translate(*shift)
    canv.scale(k, k)
    canv.rotate(sheet_map.rotation_deg)
    canv.setLineCap(1)
    canv.setLineJoin(1)
    for segments, colour, weight in (
        (view.glazing, GREY, GLASS_PT),
        (view.walls, INK, WALL_PT),
    ):
        _stroke(canv, segments, colour, weight / k)
    canv.restoreState()


def _stroke(canv: Canvas, segments: np.ndarray, colour: Color, width: float) -> None:
    operators = segment_operators(segments)
    if not operators:
        return
    canv.setStrokeColor(colour)
    canv.setLineWidth(width)
    canv.addLiteral(operators)
    canv.addLiteral("S")


def _box_of(room: MapRoom, sheet_map: SheetMap, k: float) -> tuple[float, float]:
    """A room's size on the page (points), in the map's north-up frame."""
    turned = [sheet_map.to_map(p) for p in room.outline]
    xs, ys = [p[0] for p in turned], [p[1] for p in turned]
    return ((max(xs) - min(xs)) * k, (max(ys) - min(ys)) * k)


def _rooms(canv: Canvas, sheet_map: SheetMap, to_page: object, k: float) -> None:
    canv.setFillColor(INK)
    for room in sheet_map.rooms:
        if room.space_type is SpaceType.CORRIDOR:
            continue
        x, y = to_page(room.anchor)  # type: ignore[operator]
        room_w, room_h = _box_of(room, sheet_map, k)
        number = room.number or "?"
        size = min(9.0, max(5.0, room_w / max(len(number), 1) / 0.75))
        halo = text_width(number, BOLD, size) + 2
        canv.setFillColor(WHITE)
        canv.rect(x - halo / 2, y - size * 0.2, halo, size * 0.95, stroke=0, fill=1)
        canv.setFillColor(INK)
        draw_text(canv, x, y, number, BOLD, size, "centre")
        if room.name and room_h > size * 2.6:
            name, small = fit_text(room.name, REGULAR, 5.5, room_w * 0.9)
            canv.setFillColor(GREY)
            draw_text(canv, x, y - small * 1.3, name, REGULAR, small, "centre")
            canv.setFillColor(INK)


def _corridor_is_tall(sheet_map: SheetMap, point: Point2, k: float) -> bool:
    import shapely

    for room in sheet_map.rooms:
        if room.space_type is SpaceType.CORRIDOR and shapely.Polygon(
            room.outline
        ).buffer(0.05).contains(shapely.Point(point)):
            w, h = _box_of(room, sheet_map, k)
            return h > w * 1.5
    return False


def _label_boxes(
    sheet_map: SheetMap, to_page: object
) -> list[tuple[float, float, float, float]]:
    """Where the room numbers go on the page (x0, y0, x1, y1), to keep marks off."""
    boxes = []
    for room in sheet_map.rooms:
        if room.space_type is SpaceType.CORRIDOR:
            continue
        x, y = to_page(room.anchor)  # type: ignore[operator]
        half = text_width(room.number or "?", BOLD, 9.0) / 2 + 2
        boxes.append((x - half, y - 9.0, x + half, y + 9.0))
    for mark in sheet_map.marks:
        if mark.kind in NAMED_KINDS:
            x, y = to_page(mark.position)  # type: ignore[operator]
            half = text_width(mark.label.upper(), BOLD, 6.5) / 2 + 4
            boxes.append((x - half, y - 6.0, x + half, y + 6.0))
    for door in sheet_map.doors:
        tx, ty = _tag_spot(sheet_map, door, to_page)
        boxes.append((tx - 10.0, ty - 14.0, tx + 16.0, ty + 10.0))
    return boxes


def _tag_spot(sheet_map: SheetMap, door: MapDoor, to_page: object) -> Point2:
    """Where a door's tag goes: 17 pt out of the building from the door."""
    x, y = to_page(door.position)  # type: ignore[operator]
    dx, dy = tag_offset(door.outward, sheet_map.rotation_deg)
    return (x + dx * 17, y + dy * 17)


_NUDGES = (
    (0.0, 0.0), (0.0, -17.0), (0.0, 17.0), (19.0, 0.0), (-19.0, 0.0),
    (19.0, -17.0), (-19.0, -17.0), (19.0, 17.0), (-19.0, 17.0), (0.0, -34.0),
)  # fmt: skip


def _free_spot(
    x: float, y: float, boxes: list[tuple[float, float, float, float]]
) -> Point2:
    """The first of a few places near (x, y) whose symbol covers no room number."""
    r = 8.0
    for dx, dy in _NUDGES:
        cx, cy = x + dx, y + dy
        if not any(
            cx + r > x0 and cx - r < x1 and cy + r > y0 and cy - r < y1
            for x0, y0, x1, y1 in boxes
        ):
            return (cx, cy)
    return (x, y)


def _marks(canv: Canvas, sheet_map: SheetMap, to_page: object, k: float) -> None:
    boxes = _label_boxes(sheet_map, to_page)
    named = [m for m in sheet_map.marks if m.kind in NAMED_KINDS]
    for mark in [m for m in sheet_map.marks if m.kind not in NAMED_KINDS] + named:
        x, y = to_page(mark.position)  # type: ignore[operator]
        if mark.kind in NAMED_KINDS:
            tall = _corridor_is_tall(sheet_map, mark.position, k)
            _name_label(canv, x, y, mark.label.upper() or "?", tall)
            continue
        if mark.kind is AssetKind.STAIR_NUMBER:
            _boxed(canv, x, y, f"STAIR {mark.label or '?'}")
            continue
        sx, sy = _free_spot(x, y, boxes)
        if (sx, sy) != (x, y):  # moved off a room number: a leader to the spot
            canv.setStrokeColor(INK)
            canv.setLineWidth(0.5)
            canv.line(x, y, sx, sy)
            canv.setFillColor(INK)
            canv.circle(x, y, 1.2, stroke=0, fill=1)
        draw_asset(canv, sx, sy, mark.kind, 15.0)  # its note is in the index
        boxes.append((sx - 8.0, sy - 8.0, sx + 8.0, sy + 8.0))


def _name_label(canv: Canvas, x: float, y: float, text: str, tall: bool) -> None:
    size = 6.5
    w = text_width(text, BOLD, size) + 6
    canv.saveState()
    canv.translate(x, y)
    if tall:
        canv.rotate(90)
    canv.setFillColor(WHITE)
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.5)
    canv.rect(-w / 2, -size * 0.7, w, size * 1.5, stroke=1, fill=1)
    canv.setFillColor(INK)
    draw_text(canv, 0, -size * 0.35, text, BOLD, size, "centre")
    canv.restoreState()


def _boxed(canv: Canvas, x: float, y: float, text: str) -> None:
    size = 6.5
    w = text_width(text, BOLD, size) + 6
    canv.saveState()
    canv.setFillColor(INK)
    canv.rect(x - w / 2, y - size * 0.7, w, size * 1.5, stroke=0, fill=1)
    canv.setFillColor(WHITE)
    draw_text(canv, x, y - size * 0.35, text, BOLD, size, "centre")
    canv.restoreState()


def _doors(canv: Canvas, sheet_map: SheetMap, to_page: object) -> None:
    for door in sheet_map.doors:
        x, y = to_page(door.position)  # type: ignore[operator]
        tx, ty = _tag_spot(sheet_map, door, to_page)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)
        canv.line(x, y, tx, ty)
        canv.setFillColor(INK)
        canv.circle(x, y, 1.6, stroke=0, fill=1)
        draw_door_tag(canv, tx, ty, door.number, door.designation, 7.5)


def _title_column(
    canv: Canvas,
    at: Point2,
    height: float,
    sheet_map: SheetMap,
    page: MapPage,
    scale: PlanScale,
) -> None:
    x, bottom = at
    top = height - MARGIN - BANNER
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.8)
    canv.rect(x, bottom, COLUMN, top - bottom, stroke=1, fill=0)
    pad, w = 7.0, COLUMN - 14
    y = top - pad - 12
    canv.setFillColor(INK)
    draw_text(canv, x + pad, y, "RESPONDER MAP", BOLD, 12, max_width=w)
    lines = [
        (page.school or "School not named", BOLD, 8),
        (page.address or "Address not given", REGULAR, 7),
        (f"{sheet_map.name} (floor {page.floor_index} of {page.floors})", BOLD, 8),
        (page.revision, BOLD, 7),
        (f"Last walk-through: {page.walkthrough or 'not recorded'}", REGULAR, 7),
    ]
    for text, font, size in lines:
        y -= size + 4.5
        draw_text(canv, x + pad, y, text, font, size, max_width=w)
    y -= 16
    canv.setFillColor(GREY)
    draw_text(canv, x + pad, y, "SCALE", BOLD, 6)
    canv.setFillColor(INK)
    draw_text(canv, x + pad, y - 12, scale.label, BOLD, 10)
    draw_text(canv, x + pad + 100, y - 12, scale.ratio_label, REGULAR, 7)
    draw_scale_bar(canv, x + pad, y - 32, scale, w - 14, 6)
    y -= 62
    draw_true_north(canv, x + pad + 16, y, 28)
    north = sheet_map.true_north_deg
    facts = [
        f"Grid squares {sheet_map.grid.label}",
        f"Columns A\u2013{column_label(sheet_map.grid.columns - 1)}, "
        f"rows 1\u2013{sheet_map.grid.rows}",
        "Turned to true north" if north is not None else "TRUE NORTH NOT SET:",
        f"({north:g}\u00b0 from plan up)" if north is not None else "plan up shown",
    ]
    for i, fact in enumerate(facts):
        draw_text(canv, x + pad + 38, y + 8 - 9 * i, fact, REGULAR, 6.5)
    y = _legend(canv, x + pad, y - 30, bottom + pad, w)
    _door_list(canv, sheet_map, x + pad, y - 14, bottom + pad, w)


def _door_list(
    canv: Canvas, sheet_map: SheetMap, x: float, y: float, bottom: float, width: float
) -> None:
    """The floor's exterior doors in clockwise order with designation and square."""
    if not sheet_map.doors or y < bottom + 30:
        return
    canv.setFillColor(GREY)
    draw_text(canv, x, y, "EXTERIOR DOORS, CLOCKWISE: NUMBER / ROLE / GRID", BOLD, 6)
    per_column = max(1, int((y - 10 - bottom) // 10))
    columns = 3
    for i, door in enumerate(sheet_map.doors[: per_column * columns]):
        col, row = divmod(i, per_column)
        cx, cy = x + col * width / columns, y - 12 - row * 10
        canv.setFillColor(INK)
        draw_text(canv, cx, cy, door.number or "?", BOLD, 7.5)
        code = DESIGNATION_CODES[door.designation]
        draw_text(canv, cx + 22, cy, code, BOLD, 7.5)
        draw_text(canv, cx + 32, cy, door.cell or "-", REGULAR, 7.5)


def _legend(canv: Canvas, x: float, y: float, bottom: float, width: float) -> float:
    canv.setFillColor(GREY)
    draw_text(canv, x, y, "LEGEND", BOLD, 6)
    y -= 14
    draw_door_tag(canv, x + 8, y + 2, "7", Designation.SECONDARY_STAFF_ENTRY, 6.5)
    canv.setFillColor(INK)
    draw_text(canv, x + 24, y, "Exterior door 7, numbered clockwise", REGULAR, 6)
    draw_text(canv, x + 24, y - 7, "from the main entry (double ring)", REGULAR, 6)
    y -= 20
    for designation, code in DESIGNATION_CODES.items():
        canv.rect(x + 4, y - 1.5, 7, 7, stroke=0, fill=1)
        canv.setFillColor(WHITE)
        draw_text(canv, x + 7.5, y, code, BOLD, 5.5, "centre")
        canv.setFillColor(INK)
        draw_text(canv, x + 16, y, DESIGNATION_WORDS[designation], REGULAR, 6)
        y -= 9
    y -= 4
    rows = [
        k for k in AssetKind if k not in NAMED_KINDS and k is not AssetKind.STAIR_NUMBER
    ]
    half = math.ceil(len(rows) / 2)
    for i, kind in enumerate(rows):
        col, row = divmod(i, half)
        cx, cy = x + 7 + col * width / 2, y - row * 15
        if cy < bottom + 20:
            break
        draw_asset(canv, cx, cy + 2, kind, 11.0)
        canv.setFillColor(INK)
        words, size = fit_text(ASSET_NAMES[kind], REGULAR, 5.8, width / 2 - 17)
        draw_text(canv, cx + 9, cy, words, REGULAR, size)
    y -= half * 15 + 4
    if y > bottom + 10:
        _boxed(canv, x + 18, y + 2, "STAIR 1")
        draw_text(canv, x + 40, y, "Stair number", REGULAR, 6)
        _name_label(canv, x + 18 + width / 2, y + 2, "MAIN", False)
        draw_text(canv, x + 36 + width / 2, y, "Hallway name", REGULAR, 6)
    return y - 8
