"""The responder map as DXF on MAP-* layers, in the drawing's own units and frame.

CAD and responder platforms take the map's parts by layer: MAP-WALL and MAP-GLAZING
(the plan), MAP-GRID and MAP-GRID-LABEL (the squares, turned with true north),
MAP-ROOM (numbers and names), MAP-HALLWAY, MAP-DOOR (tags: number and designation),
MAP-NORTH (a true north arrow), MAP-TITLE and one MAP-<ITEM> layer per kind of
responder item (MAP-KEY-BOX, MAP-AED, MAP-GAS-SHUTOFF...). Coordinates are the
drawing's, so the layers overlay the architect's file; a second floor is placed
east of the first, as CAD users lay floors out side by side.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ezdxf
from ezdxf.enums import TextEntityAlignment

from designreview.analysis.responder_map import responder_maps
from designreview.model.errors import DesignReviewError
from designreview.model.markups import AssetKind
from designreview.model.responder import ASSET_CODES, NAMED_KINDS
from designreview.review_file.atomic_write import write_atomic

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.analysis.building_view import BuildingView
    from designreview.analysis.responder_map import SheetMap
    from designreview.model.geometry import Point2
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = ["MAP_LAYERS", "asset_layer", "write_map_dxf"]

MAP_LAYERS: dict[str, int] = {
    "MAP-WALL": 7,
    "MAP-GLAZING": 8,
    "MAP-GRID": 9,
    "MAP-GRID-LABEL": 7,
    "MAP-ROOM": 2,
    "MAP-HALLWAY": 4,
    "MAP-DOOR": 1,
    "MAP-NORTH": 7,
    "MAP-TITLE": 7,
}
"""The fixed layers and their colours (ACI); each item kind adds its own, colour 6."""
_CODES = {"primary_visitor_entry": "P", "secondary_staff_entry": "S",
          "egress_only": "N", "none": "?"}  # fmt: skip


def asset_layer(kind: AssetKind) -> str:
    """The layer of an item kind.

    Example:
        >>> asset_layer(AssetKind.GAS_SHUTOFF)
        'MAP-GAS-SHUTOFF'
    """
    return "MAP-" + kind.value.upper().replace("_", "-")


def write_map_dxf(review: Review, plans: Mapping[str, Plan], path: Path) -> int:
    """Write the map's DXF; returns how many entities it holds.

    Raises:
        DesignReviewError: when no floor can be read or the file cannot be written.
    """
    floors = responder_maps(review, plans)
    if not floors:
        raise DesignReviewError("The review has no floor whose drawing could be read.")
    first = plans[floors[0][1].sheet_id]
    doc = ezdxf.new("R2013")  # type: ignore[attr-defined]
    doc.header["$INSUNITS"] = first.units.code
    doc.header["$MEASUREMENT"] = 0 if first.units.is_imperial else 1
    for name, colour in MAP_LAYERS.items():
        doc.layers.add(name, color=colour)
    for kind in AssetKind:
        if kind is not AssetKind.HALLWAY_NAME:  # names go on MAP-HALLWAY
            doc.layers.add(asset_layer(kind), color=6)
    space = doc.modelspace()
    shift_m = 0.0
    for view, sheet_map in floors:
        plan = plans[sheet_map.sheet_id]
        pen = _Pen(space, plan, shift_m)
        _draw_floor(pen, view, sheet_map, review)
        shift_m += sheet_map.grid.columns * sheet_map.grid.spacing_m + 20.0
    with tempfile.TemporaryDirectory(prefix="designreview-map-") as folder:
        temp = Path(folder) / "map.dxf"
        try:
            doc.saveas(temp)
        except OSError as exc:
            raise DesignReviewError(
                f"The map's DXF could not be written: {exc.strerror}."
            ) from exc
        write_atomic(path, temp.read_bytes(), keep_backup=False)
    return len(space)


class _Pen:
    """Draws in the drawing's units and frame from the map's local metres."""

    def __init__(self, space: Any, plan: Plan, shift_m: float) -> None:
        self.space, self.plan, self.shift_m = space, plan, shift_m
        self.unit = plan.scale_to_m or 1.0

    def xy(self, local: Point2) -> tuple[float, float]:
        x, y = self.plan.to_drawing_m(local)
        return ((x + self.shift_m) / self.unit, y / self.unit)

    def size(self, metres: float) -> float:
        return metres / self.unit

    def line(self, a: Point2, b: Point2, layer: str) -> None:
        self.space.add_line(self.xy(a), self.xy(b), dxfattribs={"layer": layer})

    def ring(self, points: list[Point2], layer: str) -> None:
        self.space.add_lwpolyline(
            [self.xy(p) for p in points], close=True, dxfattribs={"layer": layer}
        )

    def text(self, at: Point2, words: str, height_m: float, layer: str) -> None:
        entity = self.space.add_text(
            words, height=self.size(height_m), dxfattribs={"layer": layer}
        )
        entity.set_placement(self.xy(at), align=TextEntityAlignment.MIDDLE_CENTER)


def _draw_floor(
    pen: _Pen, view: BuildingView, sheet_map: SheetMap, review: Review
) -> None:
    for segments, layer in ((view.walls, "MAP-WALL"), (view.glazing, "MAP-GLAZING")):
        for x1, y1, x2, y2 in segments.tolist():
            pen.line((x1, y1), (x2, y2), layer)
    grid = sheet_map.grid
    text_m = min(1.2, grid.spacing_m * 0.25)
    for label, corners in grid.cells():
        pen.ring([sheet_map.from_map(c) for c in corners], "MAP-GRID")
        if label[1:] == "1" or label.startswith("A"):
            x0, y0 = corners[0]
            if label[1:] == "1":  # column letters above the top row
                at = (x0 + grid.spacing_m / 2, y0 + text_m * 1.2)
                pen.text(sheet_map.from_map(at), label.rstrip("0123456789"),
                         text_m, "MAP-GRID-LABEL")  # fmt: skip
            if label.startswith("A") and label[1:].isdigit():
                at = (x0 - text_m * 1.2, y0 - grid.spacing_m / 2)
                pen.text(sheet_map.from_map(at), label[1:], text_m, "MAP-GRID-LABEL")
    for room in sheet_map.rooms:
        if room.number:
            pen.text(room.anchor, room.number, 0.6, "MAP-ROOM")
    for door in sheet_map.doors:
        at = (door.position[0] + door.outward[0] * 2.0,
              door.position[1] + door.outward[1] * 2.0)  # fmt: skip
        pen.space.add_circle(
            pen.xy(at), pen.size(0.9), dxfattribs={"layer": "MAP-DOOR"}
        )
        pen.line(door.position, at, "MAP-DOOR")
        tag = f"{door.number or '?'} {_CODES[door.designation.value]}"
        pen.text(at, tag, 0.5, "MAP-DOOR")
    for mark in sheet_map.marks:
        if mark.kind in NAMED_KINDS:  # a name, no symbol
            layer = "MAP-HALLWAY" if mark.kind is AssetKind.HALLWAY_NAME else "MAP-ROAD"
            pen.text(mark.position, mark.label.upper(), 0.6, layer)
            continue
        code = ASSET_CODES[mark.kind]
        words = " ".join(p for p in (code, mark.label) if p)
        layer = asset_layer(mark.kind)
        pen.space.add_circle(pen.xy(mark.position), pen.size(0.6),
                             dxfattribs={"layer": layer})  # fmt: skip
        pen.text((mark.position[0], mark.position[1] - 1.0), words, 0.4, layer)
    _north(pen, sheet_map)
    top = sheet_map.from_map((grid.x0, grid.y_top + 4 * text_m))
    title = f"RESPONDER MAP {review.info.school} {sheet_map.name}".strip()
    pen.text(top, title, text_m, "MAP-TITLE")


def _north(pen: _Pen, sheet_map: SheetMap) -> None:
    """An arrow at the grid's north-east corner pointing to true north."""
    grid = sheet_map.grid
    base = (grid.x0 + grid.columns * grid.spacing_m + 3.0, grid.y_top - 3.0)
    tip = (base[0], base[1] + 4.0)
    a, b = sheet_map.from_map(base), sheet_map.from_map(tip)
    pen.line(a, b, "MAP-NORTH")
    for side in (-1, 1):
        wing = (tip[0] + side * 0.8, tip[1] - 1.2)
        pen.line(b, sheet_map.from_map(wing), "MAP-NORTH")
    label = (tip[0], tip[1] + 1.0)
    pen.text(sheet_map.from_map(label), "N", 1.0, "MAP-NORTH")
