"""Generate the bundled sample school: a one-storey US school floor plan as DXF.

Usage: ``python sample_plans/make_sample_school.py [OUT.dxf]`` (default: the
``sample_school.dxf`` next to this script).

The sample is the app's first-run experience and a smoke test for every check, so it
is drawn the way a US architect would hand it over (inches, National CAD Standard
layers, double-line walls, door and window blocks with attributes) and carries a few
planted security design flaws, listed in ``README.md`` next to this script.

Why one long file: the layout tables below are the design of the school and belong
with the few functions that draw them; the repository keeps the generator as a single
self-contained script, so it is past the usual 300 lines on purpose.

How the geometry stays consistent: rooms are rectangles on a planning grid (feet).
Exterior walls lie inside the building outline, interior walls are centred on grid
lines. The wall mass is the footprint minus every room's clear area, so room outlines
and wall faces coincide by construction, and openings are cut out of that mass, which
leaves the jamb lines for free. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import io
import math
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import ezdxf
from ezdxf.enums import MTextEntityAlignment, TextEntityAlignment
from shapely import MultiPolygon, Polygon, box, unary_union
from shapely.geometry import LinearRing, LineString

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from ezdxf.document import Drawing
    from ezdxf.entities.attrib import Attrib
    from ezdxf.layouts.blocklayout import BlockLayout
    from ezdxf.layouts.layout import Modelspace

# --- Units and drawing conventions -------------------------------------------------

IN_PER_FT = 12.0
ORIGIN = (1200.0, 1200.0)  # lower-left of the building: near, not at, the origin
EXTERIOR_WALL = 12.0  # inches, lies inside the building outline
INTERIOR_WALL = 6.0  # inches, centred on its grid line
LEAF_THICKNESS = 1.75  # a standard 1-3/4 in door leaf
NAME_HEIGHT = 12.0  # room name text height, inches
NUMBER_HEIGHT = 9.0  # room number text height, inches
LABEL_GAP = 3.0  # between the name (above) and the number (below) of a room
DOOR_TAG_HEIGHT = 6.0
DOOR_TAG_OFFSET = 18.0  # door number sits this far behind the hinge line
MIN_PIER = 4.0  # least solid wall between two openings or an opening and a corner
DXF_VERSION = "R2013"
INSUNITS_INCHES = 1
MEASUREMENT_IMPERIAL = 0
LUNITS_ARCHITECTURAL = 4

Side = Literal["N", "E", "S", "W"]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in grid feet
Point = tuple[float, float]
Segment = tuple[Point, Point]


class Hardware(StrEnum):
    """Door hardware sets; the value is what the HARDWARE attribute says."""

    CLASSROOM = "CLASSROOM SECURITY"
    STOREROOM = "STOREROOM"
    PASSAGE = "PASSAGE"
    EXIT = "EXIT DEVICE"
    OFFICE = "OFFICE"
    CARD = "ENTRY CARD READER"


# --- Layout tables -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Room:
    """A space: grid rectangles in feet, a label, and its type (PRODUCT.md section 2).

    ``label`` is the label point in grid feet (default: centre of the first
    rectangle); ``angle`` turns the label along a north-south corridor; ``mtext``
    writes the name as two-line MTEXT, as some architects do.
    """

    number: str
    name: str
    kind: str
    rects: tuple[Rect, ...]
    label: Point | None = None
    angle: float = 0.0
    mtext: bool = False


@dataclass(frozen=True, slots=True)
class Door:
    """A door in a side of a room's first rectangle.

    ``at`` is the distance in feet along that side from its west or south end to the
    centre of the opening (negative: from the east or north end). ``swing`` is "in"
    (into the room) or "out"; ``hinge`` names the jamb that carries the hinge.
    """

    number: str
    room: str
    side: Side
    at: float
    block: str
    hardware: Hardware
    hinge: Side
    swing: Literal["in", "out"] = "in"


@dataclass(frozen=True, slots=True)
class Window:
    """Glazing in a side of a room: opening centres ``at`` (feet, as for doors)."""

    room: str
    side: Side
    at: tuple[float, ...]
    width: float  # inches


@dataclass(frozen=True, slots=True)
class Furniture:
    """A furniture block placed relative to the centre of a room (feet)."""

    block: str
    room: str
    dx: float
    dy: float
    rotation: float = 0.0


@dataclass(frozen=True, slots=True)
class Layer:
    """A National CAD Standard layer with its colour (ACI) and lineweight."""

    name: str
    color: int
    lineweight: int  # 1/100 mm
    description: str


LAYERS = (
    Layer("A-WALL", 7, 50, "Walls: both faces, jambs at every opening"),
    Layer("A-DOOR", 3, 25, "Door blocks with NUMBER and HARDWARE attributes"),
    Layer("A-GLAZ", 4, 18, "Windows, sidelites and the transaction window"),
    Layer("A-AREA-BNDY", 6, 13, "Room outlines along the inner wall faces"),
    Layer("A-ANNO-ROOM", 2, 18, "Room names and numbers"),
    Layer("A-FURN", 8, 13, "Furniture"),
    Layer("A-ANNO-NOTE", 7, 25, "Title and general notes"),
)

# Planning grid in feet: x east, y north, the front facade (main entry) at y = 0.
ROOMS = (
    Room("100", "LOBBY", "commons", ((140, 14, 160, 30),)),
    Room("101", "VESTIBULE", "vestibule", ((140, 0, 160, 14),)),
    Room("102", "RECEPTION", "reception", ((160, 0, 185, 30),)),
    Room("103", "MAIN OFFICE", "office", ((110, 0, 140, 30),), mtext=True),
    Room("104", "PRINCIPAL", "office", ((90, 0, 110, 30),)),
    Room("105", "NURSE", "office", ((185, 0, 205, 30),)),
    Room("106", "WORKROOM", "office", ((205, 0, 220, 30),)),
    Room("107", "BOYS RESTROOM", "restroom", ((60, 0, 75, 30),), mtext=True),
    Room("108", "GIRLS RESTROOM", "restroom", ((75, 0, 90, 30),), mtext=True),
    Room("109", "CLASSROOM", "classroom", ((0, 0, 30, 30),)),
    Room("110", "CLASSROOM", "classroom", ((30, 0, 60, 30),)),
    Room("111", "LIBRARY MEDIA CENTER", "library", ((0, 40, 60, 80),), mtext=True),
    Room("112", "MUSIC", "classroom", ((60, 40, 90, 70),)),
    Room("113", "SCIENCE LAB", "lab", ((100, 40, 130, 70),), mtext=True),
    Room("114", "CLASSROOM", "classroom", ((60, 70, 90, 100),)),
    Room("115", "CLASSROOM", "classroom", ((100, 70, 130, 100),)),
    Room("116", "CLASSROOM", "classroom", ((60, 100, 90, 130),)),
    Room("117", "CLASSROOM", "classroom", ((100, 100, 130, 130),)),
    Room("118", "CLASSROOM", "classroom", ((60, 130, 90, 160),)),
    Room("119", "CLASSROOM", "classroom", ((100, 130, 130, 160),)),
    Room("120", "CLASSROOM", "classroom", ((60, 160, 90, 190),)),
    Room("121", "CLASSROOM", "classroom", ((100, 160, 130, 190),)),
    Room("122", "STORAGE", "storage", ((130, 40, 140, 58),)),
    Room("123", "STORAGE", "storage", ((130, 58, 140, 76),)),
    Room("124", "MECHANICAL", "mechanical", ((148, 40, 160, 76),), angle=90),
    Room("130", "CAFETERIA", "cafeteria", ((160, 40, 220, 110),)),
    Room("131", "KITCHEN", "other", ((160, 110, 200, 140),)),
    Room("140", "GYMNASIUM", "gym", ((220, 40, 300, 120),)),
    Room("150", "CORRIDOR", "corridor", ((0, 30, 300, 40),), label=(40, 35)),
    Room("151", "CORRIDOR", "corridor", ((90, 40, 100, 190),), angle=90),
    # Planted (EGRESS-2): a 35 ft dead-end stub serving storage, no exit at its end.
    Room("152", "CORRIDOR", "corridor", ((140, 40, 148, 76),), (144, 46.5), 90),
)

# Spaces that meet without a wall between them (the corridor system and the lobby).
OPEN_JOINTS = (("100", "150"), ("150", "151"), ("150", "152"))

# Leaf width (inches) and number of leaves of each door block.
SINGLE, PAIR = "DOOR-36", "DOOR-72-PAIR"
DOOR_BLOCKS = {SINGLE: (36.0, 1), PAIR: (36.0, 2)}

# Exterior doors E1..E9 run clockwise round the building from the main entry.
DOORS = (
    Door("E1", "101", "S", 10, PAIR, Hardware.CARD, "W", "out"),
    Door("E2", "150", "W", 5, PAIR, Hardware.EXIT, "S", "out"),
    Door("E3", "151", "N", 5, PAIR, Hardware.EXIT, "W", "out"),
    Door("E4", "130", "W", 60, PAIR, Hardware.EXIT, "S", "out"),
    Door("E5", "131", "N", 30, SINGLE, Hardware.EXIT, "E", "out"),
    Door("E6", "130", "N", 55, SINGLE, Hardware.EXIT, "E", "out"),
    Door("E7", "140", "N", 10, SINGLE, Hardware.EXIT, "W", "out"),
    Door("E8", "140", "E", 40, PAIR, Hardware.EXIT, "S", "out"),
    Door("E9", "150", "E", 5, PAIR, Hardware.EXIT, "S", "out"),
    # The vestibule: inner pair into the school (swinging toward the exit) and a
    # solid side door into the main office.
    Door("101A", "101", "N", 10, PAIR, Hardware.CARD, "W"),
    Door("101B", "101", "W", 7, SINGLE, Hardware.OFFICE, "S", "out"),
    # Planted (ENTRY-3): reception opens onto the corridor beyond the vestibule.
    Door("102A", "102", "N", 9, SINGLE, Hardware.OFFICE, "W"),
    Door("103A", "103", "N", 4, SINGLE, Hardware.OFFICE, "W"),
    Door("104A", "104", "E", -3, SINGLE, Hardware.OFFICE, "N"),
    Door("105A", "105", "N", -3, SINGLE, Hardware.OFFICE, "E"),
    Door("106A", "106", "N", 3, SINGLE, Hardware.OFFICE, "W"),
    Door("107A", "107", "N", 3, SINGLE, Hardware.OFFICE, "W"),
    Door("108A", "108", "N", -3, SINGLE, Hardware.OFFICE, "E"),
    Door("109A", "109", "N", -2.5, SINGLE, Hardware.CLASSROOM, "E"),
    Door("110A", "110", "N", 2.5, SINGLE, Hardware.CLASSROOM, "W"),
    Door("111A", "111", "S", -4, SINGLE, Hardware.CLASSROOM, "E"),
    Door("112A", "112", "E", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    Door("113A", "113", "W", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    # Planted (ROOM-1): a classroom door that cannot be locked.
    Door("114A", "114", "E", 2.5, SINGLE, Hardware.PASSAGE, "S"),
    Door("115A", "115", "W", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    Door("116A", "116", "E", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    # Planted (ROOM-2): two doors in opposite corners, each with a sidelite.
    Door("117A", "117", "W", 4.25, SINGLE, Hardware.CLASSROOM, "S"),
    Door("117B", "117", "W", -4.25, SINGLE, Hardware.CLASSROOM, "N"),
    Door("118A", "118", "E", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    Door("119A", "119", "W", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    Door("120A", "120", "E", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    Door("121A", "121", "W", 2.5, SINGLE, Hardware.CLASSROOM, "S"),
    Door("122A", "122", "E", -3, SINGLE, Hardware.STOREROOM, "N"),
    Door("123A", "123", "E", -4, SINGLE, Hardware.STOREROOM, "N"),
    Door("124A", "124", "W", 18, PAIR, Hardware.STOREROOM, "S"),
    # Planted (REFUGE-2): the cafeteria's corridor and kitchen doors cannot lock.
    Door("130A", "130", "S", 15, PAIR, Hardware.PASSAGE, "W", "out"),
    Door("130B", "130", "S", -8, SINGLE, Hardware.PASSAGE, "E", "out"),
    Door("130C", "130", "N", 20, SINGLE, Hardware.PASSAGE, "W", "out"),
    Door("140A", "140", "S", 10, PAIR, Hardware.CLASSROOM, "W", "out"),
)

WINDOWS = (
    Window("109", "S", (9, 21), 72),
    Window("109", "W", (15,), 72),
    Window("110", "S", (9, 21), 72),
    Window("104", "S", (10,), 48),
    Window("103", "S", (8, 20), 48),
    Window("105", "S", (10,), 48),
    Window("106", "S", (7.5,), 48),
    # Planted (ENTRY-3): the transaction window looks onto the lobby only; the
    # reception's wall to the vestibule is solid and it has no front window.
    Window("102", "W", (23,), 48),
    Window("111", "W", (10, 30), 72),
    Window("111", "N", (15, 30, 45), 72),
    Window("114", "W", (20,), 72),
    Window("116", "W", (9, 21), 72),
    Window("118", "W", (9, 21), 72),
    Window("120", "W", (9, 21), 72),
    Window("120", "N", (15,), 72),
    Window("115", "E", (18,), 72),
    Window("117", "E", (9, 21), 72),
    # Planted (ROOM-2): sidelites on the hinge side of 117A and 117B.
    Window("117", "W", (1.5, -1.5), 18),
    Window("119", "E", (9, 21), 72),
    Window("121", "E", (9, 21), 72),
    Window("121", "N", (15,), 72),
    Window("130", "W", (44,), 72),
    Window("130", "N", (45,), 48),
    Window("131", "W", (15,), 48),
    Window("131", "N", (12,), 48),
    Window("140", "N", (30, 50, 70), 96),
    Window("140", "E", (15, 65), 96),
    Window("150", "S", (250, 280), 72),
)

_DESK, _TABLE = "DESK-TEACHER", "TABLE-CAFE"
FURNITURE = (
    Furniture(_DESK, "109", 0, -9),
    Furniture(_DESK, "110", 0, -9),
    *(Furniture(_DESK, r, -9, 0, 270) for r in ("112", "114", "116", "118", "120")),
    *(Furniture(_DESK, r, 9, 0, 90) for r in ("113", "115", "117", "119", "121")),
    Furniture("DESK-RECEPTION", "102", -10, 8, 90),
    *(
        Furniture(_TABLE, "130", dx, dy)
        for dx in (-16, 16)
        for dy in (-24, -12, 12, 24)
    ),
)

TITLE = (
    (36.0, "SAMPLE ELEMENTARY SCHOOL (FICTIONAL) - FLOOR PLAN - LEVEL 1"),
    (15.0, "SAMPLE FOR DESIGNREVIEW - NOT FOR CONSTRUCTION - DRAWN IN INCHES"),
)
TITLE_DROP_FT = 6.0  # first title baseline below the front facade
TITLE_PITCH = 2.0  # line pitch in text heights
EXTENTS_MARGIN = 48.0  # past the outline, for exterior door swings and tags

# --- Grid and room geometry ----------------------------------------------------------


def to_dwg(x_ft: float, y_ft: float) -> Point:
    """Grid feet to drawing inches, so every table above stays in readable feet."""
    return ORIGIN[0] + x_ft * IN_PER_FT, ORIGIN[1] + y_ft * IN_PER_FT


def rect_shape(rect: Rect) -> Polygon:
    """One grid rectangle as a polygon in drawing units."""
    x0, y0 = to_dwg(rect[0], rect[1])
    x1, y1 = to_dwg(rect[2], rect[3])
    return box(x0, y0, x1, y1)


def room_shape(room: Room) -> Polygon:
    """The gross (grid) area of a room in drawing units."""
    shape = unary_union([rect_shape(r) for r in room.rects])
    if not isinstance(shape, Polygon):
        raise ValueError(f"room {room.number}: rectangles do not touch")
    return shape


def space_groups(rooms: Sequence[Room]) -> list[list[Room]]:
    """Rooms joined by OPEN_JOINTS, because no wall may stand between them."""
    group_of = {room.number: [room] for room in rooms}
    for a, b in OPEN_JOINTS:
        merged = group_of[a] + [r for r in group_of[b] if r not in group_of[a]]
        for room in merged:
            group_of[room.number] = merged
    unique = {id(g): g for g in group_of.values()}
    return sorted(unique.values(), key=lambda g: g[0].number)


def building_outline(rooms: Sequence[Room]) -> Polygon:
    """The footprint: outer faces of the exterior walls."""
    outline = unary_union([room_shape(r) for r in rooms])
    if not isinstance(outline, Polygon) or outline.interiors:
        raise ValueError("the rooms do not form one building without courtyards")
    return outline


def room_interiors(rooms: Sequence[Room], outline: Polygon) -> dict[str, Polygon]:
    """Clear area of each room: its grid area inside the wall faces.

    A group of open spaces is shrunk as one, so corridor legs meet without a wall and
    are split along the grid line where they meet.
    """
    inside = outline.buffer(-EXTERIOR_WALL, join_style="mitre")
    interiors: dict[str, Polygon] = {}
    for group in space_groups(rooms):
        gross = unary_union([room_shape(r) for r in group])
        clear = gross.buffer(-INTERIOR_WALL / 2, join_style="mitre").intersection(
            inside
        )
        for room in group:
            area = clear.intersection(room_shape(room))
            if not isinstance(area, Polygon):
                raise ValueError(f"room {room.number}: clear area is not one polygon")
            interiors[room.number] = area
    return interiors


def wall_mass(outline: Polygon, interiors: dict[str, Polygon]) -> Polygon:
    """All walls as one solid: the footprint minus every room's clear area."""
    mass = outline.difference(unary_union(list(interiors.values())))
    if not isinstance(mass, Polygon):
        raise ValueError("the walls do not form one connected mass")
    return mass


# --- Openings ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opening:
    """A hole through one straight wall, in drawing units.

    ``start`` and ``end`` bound the hole along the wall (x for a horizontal wall, y
    for a vertical one); ``face_lo`` and ``face_hi`` are the two wall faces across.
    """

    horizontal: bool
    start: float
    end: float
    face_lo: float
    face_hi: float

    @property
    def cut(self) -> Polygon:
        """The rectangle removed from the wall mass."""
        if self.horizontal:
            return box(self.start, self.face_lo, self.end, self.face_hi)
        return box(self.face_lo, self.start, self.face_hi, self.end)

    @property
    def thickness(self) -> float:
        """Wall thickness at the opening, which scales the window block."""
        return self.face_hi - self.face_lo


def _side_line(rect: Rect, side: Side) -> tuple[bool, float, float, float]:
    """Orientation, grid line and along-range (all in drawing units) of a side."""
    (x0, y0), (x1, y1) = to_dwg(rect[0], rect[1]), to_dwg(rect[2], rect[3])
    lines = {"N": (True, y1, x0, x1), "S": (True, y0, x0, x1)}
    lines |= {"E": (False, x1, y0, y1), "W": (False, x0, y0, y1)}
    return lines[side]


def locate_opening(
    room: Room, side: Side, at_ft: float, width: float, mass: Polygon
) -> Opening:
    """Find the wall faces at an opening by probing the wall mass across the wall.

    Probing instead of assuming a thickness keeps doors and windows right on
    exterior walls (inside the outline) and interior walls (on the grid line) alike.
    """
    horizontal, line, lo, hi = _side_line(room.rects[0], side)
    centre = (lo if at_ft >= 0 else hi) + at_ft * IN_PER_FT
    reach = 2 * EXTERIOR_WALL
    ends = ((centre, line - reach), (centre, line + reach))
    if not horizontal:
        ends = ((line - reach, centre), (line + reach, centre))
    probe = mass.intersection(LineString(ends))
    if not isinstance(probe, LineString) or probe.is_empty:
        raise ValueError(f"no single wall at {side} side of room {room.number}")
    b = probe.bounds
    faces = (b[1], b[3]) if horizontal else (b[0], b[2])
    return Opening(horizontal, centre - width / 2, centre + width / 2, *faces)


def check_opening(opening: Opening, mass: Polygon, label: str) -> None:
    """Refuse an opening that is not inside one straight run of wall.

    Both faces must continue past the opening by MIN_PIER and no other wall may meet
    it, or the cut would leave a wall stub or a hole in a corner.
    """
    if opening.thickness not in (EXTERIOR_WALL, INTERIOR_WALL):
        raise ValueError(f"{label}: wall is {opening.thickness} in thick")
    grown = Opening(
        opening.horizontal,
        opening.start - MIN_PIER,
        opening.end + MIN_PIER,
        opening.face_lo,
        opening.face_hi,
    )
    if not math.isclose(mass.intersection(grown.cut).area, grown.cut.area):
        raise ValueError(f"{label}: opening runs into a corner or another wall")
    for lo, hi in (
        (opening.face_lo - 1, opening.face_lo),
        (opening.face_hi, opening.face_hi + 1),
    ):
        strip = Opening(opening.horizontal, opening.start, opening.end, lo, hi)
        if mass.intersection(strip.cut).area > 0:  # the room side must be clear
            raise ValueError(f"{label}: a wall meets the opening")


def check_no_overlaps(openings: dict[str, Opening]) -> None:
    """Refuse openings closer than MIN_PIER to each other."""
    items = sorted(openings.items())
    for i, (name_a, a) in enumerate(items):
        for name_b, b in items[i + 1 :]:
            if a.cut.buffer(MIN_PIER - 0.5, join_style="mitre").intersects(b.cut):
                raise ValueError(f"openings {name_a} and {name_b} overlap")


def layout_openings(
    rooms_by_number: dict[str, Room], mass: Polygon
) -> tuple[dict[str, Opening], dict[str, Opening]]:
    """Locate and check every door and window opening of the layout tables."""
    doors = {}
    for door in DOORS:
        width = math.prod(DOOR_BLOCKS[door.block])
        room = rooms_by_number[door.room]
        doors[door.number] = locate_opening(room, door.side, door.at, width, mass)
    windows = {}
    for window in WINDOWS:
        room = rooms_by_number[window.room]
        for at in window.at:
            key = f"window {window.room}{window.side}{at:+g}"
            windows[key] = locate_opening(room, window.side, at, window.width, mass)
    everything = doors | windows
    for label, opening in everything.items():
        check_opening(opening, mass, label)
    check_no_overlaps(everything)
    return doors, windows


# --- Wall lines ----------------------------------------------------------------------


def cut_openings(mass: Polygon, openings: Iterable[Opening]) -> Polygon | MultiPolygon:
    """The walls as built: the wall mass with every door and window hole cut out."""
    walls = mass.difference(unary_union([opening.cut for opening in openings]))
    if not isinstance(walls, Polygon | MultiPolygon):
        raise TypeError(f"cutting openings left {walls.geom_type}")
    return walls


def _snap(value: float) -> float:
    """Round away float noise from the polygon overlay (and negative zero)."""
    return round(value, 6) + 0.0


def ring_corners(coords: Sequence[tuple[float, ...]]) -> list[Point]:
    """Vertices of a closed ring without repeats and without straight-through points.

    The overlay leaves extra vertices where rooms meet a wall; an architect's wall
    line runs from corner to corner, so they are dropped.
    """
    points = [(_snap(c[0]), _snap(c[1])) for c in coords[:-1]]
    corners = []
    for i, (x, y) in enumerate(points):
        (px, py), (nx, ny) = points[i - 1], points[(i + 1) % len(points)]
        if abs((x - px) * (ny - y) - (y - py) * (nx - x)) > 1e-9:
            corners.append((x, y))
    return corners


def wall_segments(walls: Polygon | MultiPolygon) -> list[Segment]:
    """Every wall face and jamb as a segment, in a fixed order.

    Sorting makes the file independent of how GEOS orders rings and vertices.
    """
    polygons = walls.geoms if isinstance(walls, MultiPolygon) else [walls]
    segments = set()
    for polygon in polygons:
        for ring in (polygon.exterior, *polygon.interiors):
            corners = ring_corners(list(ring.coords))
            for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
                segments.add((min(a, b), max(a, b)))
    return sorted(segments)


def outline_points(area: Polygon) -> list[Point]:
    """A room outline counter-clockwise from its lowest-left corner."""
    corners = ring_corners(list(area.exterior.coords))
    if not LinearRing(corners).is_ccw:
        corners.reverse()
    start = corners.index(min(corners, key=lambda p: (p[1], p[0])))
    return corners[start:] + corners[:start]


# --- Blocks --------------------------------------------------------------------------


def add_door_block(doc: Drawing, name: str, leaf: float, leaves: int) -> None:
    """A door drawn open: leaf perpendicular to the wall plus its 90-degree swing.

    The base point is the hinge, the opening runs along +x and the door swings
    into +y, so an insert only needs a rotation and, for the other hand, a
    negative x scale. Geometry is on layer 0 to take the insert's layer.
    """
    block = doc.blocks.new(name, base_point=(0, 0))
    for i in range(leaves):
        hinge = i * 2 * leaf  # a pair's second leaf hangs on the far jamb
        edge = hinge + (LEAF_THICKNESS if i == 0 else -LEAF_THICKNESS)
        corners = [(hinge, 0), (edge, 0), (edge, leaf), (hinge, leaf)]
        block.add_lwpolyline(corners, close=True)
        start, end = (0, 90) if i == 0 else (90, 180)
        block.add_arc((hinge, 0), leaf, start, end)
    width = leaf * leaves
    tag_at = (width / 2, -DOOR_TAG_OFFSET)
    _add_attdef(block, "NUMBER", "Door number", tag_at, invisible=False)
    _add_attdef(block, "HARDWARE", "Hardware set", tag_at, invisible=True)


def _add_attdef(
    block: BlockLayout, tag: str, prompt: str, at: Point, *, invisible: bool
) -> None:
    """An attribute definition centred on ``at``; hardware stays off the plot."""
    attdef = block.add_attdef(tag, insert=at, text="", height=DOOR_TAG_HEIGHT)
    attdef.dxf.prompt = prompt
    attdef.is_invisible = invisible
    attdef.set_placement(at, align=TextEntityAlignment.MIDDLE_CENTER)


def add_window_block(doc: Drawing) -> None:
    """A unit window (1 x 1): frame at the wall faces and the glass on the centre.

    Inserts scale it to the opening width and wall thickness, so one block serves
    windows, sidelites and the transaction window.
    """
    block = doc.blocks.new("WINDOW", base_point=(0, 0))
    block.add_lwpolyline([(0, -0.5), (1, -0.5), (1, 0.5), (0, 0.5)], close=True)
    block.add_line((0, 0), (1, 0))


FURNITURE_BLOCKS: dict[str, tuple[Rect, ...]] = {
    # Rectangles in inches around the base point; a chair marks where people sit.
    "DESK-TEACHER": ((-30, -15, 30, 15), (-9, -33, 9, -19)),
    "DESK-RECEPTION": ((-48, -15, 48, 15), (-9, -33, 9, -19)),
    "TABLE-CAFE": ((-72, -15, 72, 15), (-72, 19, 72, 31), (-72, -31, 72, -19)),
}


def add_furniture_blocks(doc: Drawing) -> None:
    """Simple rectangle furniture blocks, centred on their base point."""
    for name, rects in FURNITURE_BLOCKS.items():
        block = doc.blocks.new(name, base_point=(0, 0))
        for x0, y0, x1, y1 in rects:
            block.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True)


# --- Drawing the plan ----------------------------------------------------------------


def setup_layers(doc: Drawing) -> None:
    """Create the National CAD Standard layers the importer is expected to map."""
    for spec in LAYERS:
        layer = doc.layers.add(spec.name, color=spec.color)
        layer.dxf.lineweight = spec.lineweight
        layer.description = spec.description


def draw_walls(msp: Modelspace, segments: Iterable[Segment]) -> None:
    """Both faces of every wall and the jambs, as plain LINEs on A-WALL."""
    for start, end in segments:
        msp.add_line(start, end, dxfattribs={"layer": "A-WALL"})


def draw_outlines(msp: Modelspace, interiors: dict[str, Polygon]) -> None:
    """One closed LWPOLYLINE per room on A-AREA-BNDY, in layout-table order."""
    for number in (room.number for room in ROOMS):
        points = outline_points(interiors[number])
        msp.add_lwpolyline(points, close=True, dxfattribs={"layer": "A-AREA-BNDY"})


_INWARD: dict[Side, Point] = {"N": (0, -1), "S": (0, 1), "E": (-1, 0), "W": (1, 0)}


def door_pose(door: Door, opening: Opening) -> tuple[Point, float, float]:
    """Insert point, rotation and x scale that put the block's hinge and swing right.

    The block's +x runs from the hinge to the far jamb (u) and its +y is the swing
    (v). If v is u turned left the rotation alone does it; otherwise the block is
    mirrored (x scale -1) and turned so that +y still points along v.
    """
    inward = _INWARD[door.side]
    v = inward if door.swing == "in" else (-inward[0], -inward[1])
    at_start = door.hinge in ("W", "S")
    along = opening.start if at_start else opening.end
    swings_up = (v[1] if opening.horizontal else v[0]) > 0
    across = opening.face_hi if swings_up else opening.face_lo
    sign = 1.0 if at_start else -1.0
    u = (sign, 0.0) if opening.horizontal else (0.0, sign)
    insert = (along, across) if opening.horizontal else (across, along)
    if u[0] * v[1] - u[1] * v[0] > 0:
        return insert, math.degrees(math.atan2(u[1], u[0])) % 360, 1.0
    return insert, (math.degrees(math.atan2(v[1], v[0])) - 90) % 360, -1.0


def draw_doors(msp: Modelspace, openings: dict[str, Opening]) -> None:
    """Door inserts on A-DOOR with their NUMBER and HARDWARE attributes."""
    for door in DOORS:
        insert, rotation, xscale = door_pose(door, openings[door.number])
        ref = msp.add_blockref(
            door.block,
            insert,
            dxfattribs={"layer": "A-DOOR", "rotation": rotation, "xscale": xscale},
        )
        ref.add_auto_attribs({"NUMBER": door.number, "HARDWARE": str(door.hardware)})
        angle = 0.0 if openings[door.number].horizontal else 90.0
        for attrib in ref.attribs:
            attrib.dxf.layer = "A-DOOR"
            _make_readable(attrib, angle)


def _make_readable(attrib: Attrib, angle: float) -> None:
    """Keep a door number upright and unmirrored however its door is turned.

    ATTRIBs are stored in world coordinates, so CAD programs show them as written;
    architects turn tags to read from the bottom or the right of the sheet.
    """
    centre = attrib.ocs().to_wcs(attrib.dxf.align_point)
    attrib.dxf.extrusion = (0, 0, 1)
    attrib.dxf.rotation = angle
    attrib.set_placement(centre, align=TextEntityAlignment.MIDDLE_CENTER)


def draw_windows(msp: Modelspace, openings: dict[str, Opening]) -> None:
    """Window inserts on A-GLAZ, the unit block scaled to the opening."""
    for opening in openings.values():
        mid = (opening.face_lo + opening.face_hi) / 2
        width = opening.end - opening.start
        insert = (opening.start, mid) if opening.horizontal else (mid, opening.start)
        attribs = {
            "layer": "A-GLAZ",
            "xscale": width,
            "yscale": opening.thickness,
            "rotation": 0.0 if opening.horizontal else 90.0,
        }
        msp.add_blockref("WINDOW", insert, dxfattribs=attribs)


def label_point(room: Room) -> Point:
    """Where a room's label goes: the given point or its first rectangle's centre."""
    if room.label is not None:
        return to_dwg(*room.label)
    x0, y0, x1, y1 = room.rects[0]
    return to_dwg((x0 + x1) / 2, (y0 + y1) / 2)


def draw_room_label(msp: Modelspace, room: Room) -> None:
    """Name above the label point (TEXT or two-line MTEXT), number below it."""
    x, y = label_point(room)
    turn = math.radians(room.angle)
    nx, ny = -math.sin(turn) * LABEL_GAP, math.cos(turn) * LABEL_GAP
    attribs = {"layer": "A-ANNO-ROOM", "rotation": room.angle}
    name_at, number_at = (x + nx, y + ny), (x - nx, y - ny)
    if room.mtext:
        content = room.name.replace(" ", "\\P", 1)
        mtext = msp.add_mtext(
            content, dxfattribs={**attribs, "char_height": NAME_HEIGHT}
        )
        mtext.set_location(name_at, attachment_point=MTextEntityAlignment.BOTTOM_CENTER)
    else:
        name = msp.add_text(room.name, height=NAME_HEIGHT, dxfattribs=attribs)
        name.set_placement(name_at, align=TextEntityAlignment.BOTTOM_CENTER)
    number = msp.add_text(room.number, height=NUMBER_HEIGHT, dxfattribs=attribs)
    number.set_placement(number_at, align=TextEntityAlignment.TOP_CENTER)


def draw_furniture(msp: Modelspace, rooms_by_number: dict[str, Room]) -> None:
    """A few furniture inserts on A-FURN: desks, the reception desk, cafe tables."""
    for item in FURNITURE:
        x0, y0, x1, y1 = rooms_by_number[item.room].rects[0]
        at = to_dwg((x0 + x1) / 2 + item.dx, (y0 + y1) / 2 + item.dy)
        attribs = {"layer": "A-FURN", "rotation": item.rotation}
        msp.add_blockref(item.block, at, dxfattribs=attribs)


def title_lines() -> list[tuple[float, str, Point]]:
    """Height, text and baseline start of each title line, one line pitch apart."""
    x, y = ORIGIN[0], ORIGIN[1] - TITLE_DROP_FT * IN_PER_FT
    lines = []
    for height, text in TITLE:
        lines.append((height, text, (x, y)))
        y -= TITLE_PITCH * height
    return lines


def draw_title(msp: Modelspace) -> None:
    """The sheet title under the front facade, on A-ANNO-NOTE."""
    for height, text, at in title_lines():
        line = msp.add_text(text, height=height, dxfattribs={"layer": "A-ANNO-NOTE"})
        line.set_placement(at, align=TextEntityAlignment.LEFT)


def set_extents(doc: Drawing, outline: Polygon) -> None:
    """Record the drawing extents, which viewers and unit guessing rely on.

    ezdxf leaves them unset, and measuring text would depend on the fonts installed,
    so they come from the outline, the door swings past it and the title baselines.
    """
    x0, y0, x1, y1 = outline.bounds
    height, _, (_, baseline) = title_lines()[-1]
    bottom = min(y0 - EXTENTS_MARGIN, baseline - height)
    msp = doc.modelspace()
    msp.dxf.extmin = (x0 - EXTENTS_MARGIN, bottom, 0.0)
    msp.dxf.extmax = (x1 + EXTENTS_MARGIN, y1 + EXTENTS_MARGIN, 0.0)


# --- Document ------------------------------------------------------------------------


@contextmanager
def fixed_metadata() -> Iterator[None]:
    """Make ezdxf write constant dates, GUIDs and marker strings.

    ezdxf stamps $TDCREATE, $TDUPDATE, $VERSIONGUID, $FINGERPRINTGUID and its own
    metadata with the clock and random GUIDs when a document is created and again
    when it is written; its fixed-metadata option replaces them with constants, so
    the committed sample regenerates byte for byte.
    """
    previous = ezdxf.options.write_fixed_meta_data_for_testing
    ezdxf.options.write_fixed_meta_data_for_testing = True
    try:
        yield
    finally:
        ezdxf.options.write_fixed_meta_data_for_testing = previous


def new_document() -> Drawing:
    """An R2013 drawing in inches with imperial defaults and zeroed timers."""
    doc = ezdxf.new(DXF_VERSION, setup=True)
    doc.header["$INSUNITS"] = INSUNITS_INCHES
    doc.header["$MEASUREMENT"] = MEASUREMENT_IMPERIAL
    doc.header["$LUNITS"] = LUNITS_ARCHITECTURAL
    doc.header["$TDINDWG"] = 0.0  # editing time, which the clock must not set
    doc.header["$TDUSRTIMER"] = 0.0
    setup_layers(doc)
    for name, (leaf, leaves) in DOOR_BLOCKS.items():
        add_door_block(doc, name, leaf, leaves)
    add_window_block(doc)
    add_furniture_blocks(doc)
    return doc


def build_document() -> Drawing:
    """Lay out the school from the tables and draw it into a new document."""
    rooms_by_number = {room.number: room for room in ROOMS}
    outline = building_outline(ROOMS)
    interiors = room_interiors(ROOMS, outline)
    mass = wall_mass(outline, interiors)
    door_openings, window_openings = layout_openings(rooms_by_number, mass)
    walls = cut_openings(mass, [*door_openings.values(), *window_openings.values()])
    doc = new_document()
    msp = doc.modelspace()
    draw_walls(msp, wall_segments(walls))
    draw_outlines(msp, interiors)
    draw_doors(msp, door_openings)
    draw_windows(msp, window_openings)
    for room in ROOMS:
        draw_room_label(msp, room)
    draw_furniture(msp, rooms_by_number)
    draw_title(msp)
    set_extents(doc, outline)
    return doc


def register_classes(doc: Drawing) -> None:
    """Register the CLASSES section entries in a fixed order.

    When writing, ezdxf adds a class for each entity type in use by iterating a set,
    whose order follows Python's per-process string hash seed; classes registered
    here first keep their place.
    """
    for dxftype in sorted(doc.entitydb.dxf_types_in_use()):
        doc.classes.add_class(dxftype)


def write_sample(path: Path) -> None:
    """Build the sample school and write it with Unix line ends on every platform."""
    with fixed_metadata():
        doc = build_document()
        register_classes(doc)
        stream = io.StringIO()
        doc.write(stream)
    path.write_bytes(doc.encode(stream.getvalue()))


def main(argv: Sequence[str]) -> int:
    """Write the sample school DXF to the given path or next to this script."""
    default = Path(__file__).resolve().with_name("sample_school.dxf")
    out = Path(argv[0]) if argv else default
    write_sample(out)
    print(f"wrote {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
