"""What a floor's responder map shows, worked out once for paper, GeoJSON and DXF.

The map turns the plan so that true north is up, lays the A-Z / 1-n grid over the
turned building, and lists what responders read off it: rooms by number and name,
hallways by name, exterior doors numbered clockwise from the main entry with their
designation, and every responder mark, each with its grid square. The PDF, the
GeoJSON and the DXF all draw from this, so they name the same squares; the MAP
checks read it too, and its fingerprint tells when an issued map is out of date.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from shapely.ops import polylabel

from designreview.analysis.building_view import building_view
from designreview.analysis.outline import outline_position
from designreview.model.geometry import Point2
from designreview.model.markups import (
    AssetKind,
    Designation,
    ResponderMark,
    SpaceType,
)
from designreview.model.responder import MapIssue
from designreview.model.units import M_PER_FT

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from designreview.analysis.building_view import BuildingView, Door, Room
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = [
    "MapDoor",
    "MapGrid",
    "MapMark",
    "MapRoom",
    "SheetMap",
    "column_label",
    "door_value",
    "grid_label",
    "map_fingerprint",
    "next_issue",
    "responder_maps",
    "sheet_map",
]

MAX_COLUMNS = 26
"""Columns A to Z: a grid needing double letters is too fine for a responder."""
_FEET = (10, 20, 25, 50, 100, 200, 250, 500)
_METRES = (5, 10, 20, 25, 50, 100, 200)
_CELLS = 16
"""At most this many squares along the building's longer side when the map
chooses, as on the packet's plan pages (``render/grid.py``)."""
_MARGIN_M = 1.0
"""The grid reaches this far beyond the building, so a door on the outer wall
lies inside a square."""


@dataclass(frozen=True, slots=True)
class MapGrid:
    """Squares of ``spacing_m`` from the north-west corner, in the map's frame."""

    x0: float
    y_top: float
    spacing_m: float
    columns: int
    rows: int
    label: str
    """The square's size in feet and metres ("25 ft (7.62 m)")."""

    def cell_of(self, point: Point2) -> str:
        """The square a point of the map's frame lies in ("C4"); "" outside.

        Example:
            >>> grid = MapGrid(0.0, 30.0, 10.0, 4, 3, "10 m")
            >>> grid.cell_of((25.0, 29.0)), grid.cell_of((0.0, 0.5))
            ('C1', 'A3')
            >>> grid.cell_of((-1.0, 5.0))
            ''
        """
        col = math.floor((point[0] - self.x0) / self.spacing_m)
        row = math.floor((self.y_top - point[1]) / self.spacing_m)
        if not (0 <= col < self.columns and 0 <= row < self.rows):
            return ""
        return f"{column_label(col)}{row + 1}"

    def cells(self) -> list[tuple[str, tuple[Point2, ...]]]:
        """Every square's label and corners (map frame), row by row."""
        out: list[tuple[str, tuple[Point2, ...]]] = []
        s = self.spacing_m
        for row in range(self.rows):
            top = self.y_top - row * s
            for col in range(self.columns):
                left = self.x0 + col * s
                corners = ((left, top), (left + s, top), (left + s, top - s),
                           (left, top - s))  # fmt: skip
                out.append((f"{column_label(col)}{row + 1}", corners))
        return out


@dataclass(frozen=True, slots=True)
class MapRoom:
    """A room as the map labels it."""

    id: str
    number: str
    name: str
    space_type: SpaceType
    outline: tuple[Point2, ...]
    anchor: Point2
    """Where its label goes (plan coordinates): well inside the room."""
    cell: str
    hallway: str = ""
    """A corridor's name, from the hallway name mark inside it."""


@dataclass(frozen=True, slots=True)
class MapDoor:
    """An exterior door: its number, designation and place in the clockwise order."""

    id: str
    number: str
    designation: Designation
    position: Point2
    cell: str
    order: int
    """1 for the main entry, then clockwise round the building."""
    outward: Point2 = (0.0, 0.0)
    """A unit vector from the door out of the building (plan axes), where its tag
    goes."""


@dataclass(frozen=True, slots=True)
class MapMark:
    """A responder mark on the map."""

    id: str
    kind: AssetKind
    label: str
    position: Point2
    cell: str


@dataclass(frozen=True, slots=True)
class SheetMap:
    """One floor's responder map."""

    sheet_id: str
    name: str
    true_north_deg: float | None
    rotation_deg: float
    """How far the plan is turned counter-clockwise so that true north is up."""
    grid: MapGrid
    rooms: tuple[MapRoom, ...]
    doors: tuple[MapDoor, ...]
    marks: tuple[MapMark, ...]
    is_imperial: bool

    def to_map(self, point: Point2) -> Point2:
        """A plan point in the map's frame (turned so that north is up).

        Example:
            >>> grid = MapGrid(0.0, 0.0, 1.0, 1, 1, "")
            >>> m = SheetMap("s", "L1", 90.0, 90.0, grid, (), (), (), False)
            >>> [round(v, 6) for v in m.to_map((1.0, 0.0))]  # east of up is north
            [0.0, 1.0]
        """
        return _turned(point, self.rotation_deg)

    def from_map(self, point: Point2) -> Point2:
        """A point of the map's frame back on the plan."""
        return _turned(point, -self.rotation_deg)


def column_label(index: int) -> str:
    """The letters of column ``index`` (0 is A, 26 is AA), as ``render/grid.py``.

    Example:
        >>> column_label(0), column_label(25), column_label(26)
        ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _turned(point: Point2, degrees: float) -> Point2:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return (point[0] * c - point[1] * s, point[0] * s + point[1] * c)


def sheet_map(
    review: Review,
    building: BuildingView,
    grid_cell_m: float | None = None,
) -> SheetMap:
    """The responder map of one floor.

    Args:
        review: Its responder marks on this sheet are shown.
        building: The floor as the checks see it (rooms, doors, true north).
        grid_cell_m: The grid's square; None picks a round size in the plan's
            units (at most 16 squares along the building).
    """
    sheet = review.sheet(building.sheet_id)  # type: ignore[arg-type]
    rotation = building.true_north_deg or 0.0
    marks = [
        m
        for m in review.markups
        if isinstance(m, ResponderMark) and m.sheet_id == building.sheet_id
    ]
    rooms = [r for r in building.rooms if r.space_type is not SpaceType.EXTERIOR]
    points = [
        _turned((float(x), float(y)), rotation)
        for r in rooms
        for x, y in r.polygon.exterior.coords
    ]
    points += [_turned(m.position, rotation) for m in marks]
    points += [_turned(d.center, rotation) for d in building.doors]
    grid = _grid(points, grid_cell_m, building.is_imperial)

    def cell(p: Point2) -> str:
        return grid.cell_of(_turned(p, rotation))

    return SheetMap(
        building.sheet_id,
        sheet.name if sheet is not None else building.sheet_id,
        building.true_north_deg,
        rotation,
        grid,
        tuple(_room(r, marks, cell) for r in rooms),
        tuple(_doors(building, cell)),
        tuple(
            MapMark(m.id, m.kind, m.label, m.position, cell(m.position)) for m in marks
        ),
        building.is_imperial,
    )


def grid_label(spacing_m: float, imperial: bool) -> str:
    """A square's size in both units, the plan's first.

    Example:
        >>> grid_label(25 * 0.3048, True), grid_label(10.0, False)
        ('25 ft (7.62 m)', '10 m (32.8 ft)')
    """
    feet, metres = spacing_m / M_PER_FT, spacing_m
    if imperial:
        return f"{feet:.3g} ft ({metres:.2f} m)"
    return f"{metres:.3g} m ({feet:.1f} ft)"


def _grid(points: Sequence[Point2], cell_m: float | None, imperial: bool) -> MapGrid:
    if not points:
        points = [(0.0, 0.0)]
    xs = [min(p[0] for p in points) - _MARGIN_M, max(p[0] for p in points) + _MARGIN_M]
    ys = [min(p[1] for p in points) - _MARGIN_M, max(p[1] for p in points) + _MARGIN_M]
    longest = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)
    if cell_m is None:
        unit, steps = (M_PER_FT, _FEET) if imperial else (1.0, _METRES)
        step = next((s for s in steps if longest / (s * unit) <= _CELLS - 1), None)
        cell_m = (step or math.ceil(longest / unit / (_CELLS - 1))) * unit
    x0 = math.floor(min(xs) / cell_m) * cell_m
    x1 = math.ceil(max(xs) / cell_m) * cell_m
    y0 = math.floor(min(ys) / cell_m) * cell_m
    y_top = math.ceil(max(ys) / cell_m) * cell_m
    columns = max(1, round((x1 - x0) / cell_m))
    rows = max(1, round((y_top - y0) / cell_m))
    return MapGrid(x0, y_top, cell_m, columns, rows, grid_label(cell_m, imperial))


def _label_point(room: Room) -> Point2:
    """The room's middle; the point deepest inside when the middle is near an edge."""
    deepest = polylabel(room.polygon, tolerance=0.25)
    middle = room.polygon.centroid
    depth = room.polygon.exterior.distance(deepest)
    if room.polygon.contains(middle) and room.polygon.exterior.distance(middle) >= (
        depth / 2
    ):
        deepest = middle
    return (round(deepest.x, 3), round(deepest.y, 3))


def _room(room: Room, marks: list[ResponderMark], cell: object) -> MapRoom:
    anchor = _label_point(room)
    hallway = ""
    if room.space_type is SpaceType.CORRIDOR:
        near = room.polygon.buffer(0.05)
        hallway = next(
            (
                m.label
                for m in marks
                if m.kind is AssetKind.HALLWAY_NAME
                and m.label.strip()
                and near.contains(shapely.Point(m.position))
            ),
            "",
        )
    outline = tuple((round(x, 3), round(y, 3)) for x, y in room.polygon.exterior.coords)
    return MapRoom(
        room.id,
        room.number,
        room.name,
        room.space_type,
        outline,
        anchor,
        cell(anchor),  # type: ignore[operator]
        hallway,
    )


def _doors(building: BuildingView, cell: object) -> list[MapDoor]:
    doors = [d for d in building.doors if building.is_exterior(d)]
    if not doors:
        return []
    primary = Designation.PRIMARY_VISITOR_ENTRY
    start = next((d for d in doors if d.designation is primary), None)
    start = start or min(doors, key=lambda d: (_natural(d.number), d.id))
    ordered = sorted(doors, key=lambda d: outline_position(building, start, d))
    return [_door(building, d, i + 1, cell) for i, d in enumerate(ordered)]


def _door(building: BuildingView, door: Door, order: int, cell: object) -> MapDoor:
    center = (round(door.center[0], 3), round(door.center[1], 3))
    inside = building.inside_of(door, 1.0)
    dx, dy = center[0] - inside[0], center[1] - inside[1]
    length = math.hypot(dx, dy) or 1.0
    return MapDoor(
        door.id,
        door.number,
        door.designation,
        center,
        cell(center),  # type: ignore[operator]
        order,
        (round(dx / length, 4), round(dy / length, 4)),
    )


def responder_maps(
    review: Review, plans: Mapping[str, Plan]
) -> list[tuple[BuildingView, SheetMap]]:
    """Every floor of ``review`` whose plan is read, with its responder map."""
    out = []
    for sheet in review.sheets:
        if sheet.id in plans:
            view = building_view(review, sheet, plans[sheet.id])
            out.append((view, sheet_map(review, view, review.responder.grid_cell_m)))
    return out


def _natural(number: str) -> tuple[int, str]:
    digits = "".join(c for c in number if c.isdigit())
    return (int(digits) if digits else 1 << 30, number)


def door_value(number: str) -> int | None:
    """The number in a door number ("E7" is 7), None when it has none.

    Example:
        >>> door_value("E7"), door_value("7"), door_value("Main")
        (7, 7, None)
    """
    digits = "".join(c for c in number if c.isdigit())
    return int(digits) if digits else None


def map_fingerprint(review: Review, maps: Sequence[SheetMap]) -> str:
    """A digest of everything the maps show: it changes when the map must be re-issued.

    Rooms' labels and places, door numbers, designations and places, responder
    marks, true north, the grid, the school's name and address and the last
    walk-through count; the revision itself and unrelated edits (a comment) do not.
    """
    info = review.responder
    data = {
        "school": review.info.school,
        "address": info.address,
        "walkthrough": info.walkthrough_date,
        "sheets": [
            {
                "id": m.sheet_id,
                "name": m.name,
                "north": m.true_north_deg,
                "grid": [m.grid.spacing_m, m.grid.columns, m.grid.rows],
                "rooms": sorted(
                    [r.number, r.name, r.hallway, _rounded(r.anchor)] for r in m.rooms
                ),
                "doors": [
                    [d.number, d.designation.value, _rounded(d.position)]
                    for d in m.doors
                ],
                "marks": sorted(
                    [k.kind.value, k.label, _rounded(k.position)] for k in m.marks
                ),
            }
            for m in maps
        ],
    }
    text = json.dumps(data, sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _rounded(point: Point2) -> list[float]:
    return [round(point[0], 1), round(point[1], 1)]


def next_issue(review: Review, maps: Sequence[SheetMap], date: str) -> MapIssue:
    """The map's next revision, issued on ``date``, showing ``maps`` as they are.

    Example:
        >>> from designreview.model.review import Review
        >>> next_issue(Review("r"), [], "2026-12-08").revision
        1
    """
    issued = review.responder.issued
    revision = issued.revision + 1 if issued is not None else 1
    return MapIssue(revision, date, map_fingerprint(review, maps))
