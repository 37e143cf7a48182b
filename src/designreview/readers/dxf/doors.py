"""Door blocks and swing arcs as the walk meets them (the ezdxf side of doors).

A door block draws the door open: a swing arc around the hinge and the leaf. Its
geometry is read once per block definition, in block coordinates, and each insert
places it with its own transformation (``Insert.matrix44``), so rotated, mirrored and
nested inserts need nothing special. Numbers and hardware come from the insert's
attributes.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from designreview.model.plan import LayerCategory
from designreview.readers.dxf.document import decode_name, layer_name
from designreview.recognition.doors.swings import (
    Swing,
    combine_pair,
    pair_swings,
    swings_of_arcs,
)
from designreview.recognition.found import RawArc, RawDoor
from designreview.recognition.layers.rules import categorize_layer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    import numpy.typing as npt

    from designreview.model.geometry import Point2

__all__ = [
    "BlockDoor",
    "block_door",
    "door_attribs",
    "door_of_arcs",
    "door_of_insert",
    "insert_door",
    "is_door_name",
    "number_and_hardware",
    "place_swings",
    "placed_doors",
    "raw_arc",
    "straight_segments",
]

BLOCK_SPAN_DEG = (15.0, 180.0)
"""Arc spans accepted inside a door block (its name or layer already says door)."""
LEAF_SHARE = 0.4
"""Smaller arcs in a door block are details (a handle, a threshold), not leaves."""
_NUMBER_TAGS = frozenset(
    {"NUMBER", "NO", "NUM", "NR", "DOORNO", "DOORNUM", "DOORNUMBER", "NUMERO", "NUMMER"}
)
_HARDWARE_TAGS = frozenset(
    {"HARDWARE", "HW", "LOCK", "HWSET", "HARDWARESET", "LOCKSET", "LOCKFUNCTION"}
)


@dataclass(frozen=True, slots=True)
class BlockDoor:
    """The doors a block definition draws, in block coordinates."""

    swings: tuple[Swing, ...]
    arc_on_door_layer: bool
    """A swing arc sits on a door layer of its own (not on layer 0)."""


def block_door(block: Any, is_door_layer: Callable[[str], bool]) -> BlockDoor | None:
    """The doors drawn directly in ``block`` (an ezdxf BlockLayout), if any.

    Example:
        >>> import ezdxf
        >>> block = ezdxf.new().blocks.new("D")
        >>> _ = block.add_line((0, 0), (0, 0.9)), block.add_arc((0, 0), 0.9, 0, 90)
        >>> block_door(block, lambda layer: False).swings[0].latch
        (0.9, 0.0)
    """
    arcs = [
        raw_arc(arc, layer_name(arc), "")
        for arc in block.query("ARC")
        if arc.dxf.radius > 0
    ]
    return door_of_arcs(arcs, straight_segments(block), is_door_layer)


def door_of_arcs(
    arcs: Sequence[RawArc],
    straight: npt.NDArray[np.float64],
    is_door_layer: Callable[[str], bool],
) -> BlockDoor | None:
    """The doors drawn by a block's own arcs and straight segments (``(n, 4)``).

    Shared by both DXF readers: ezdxf's entities and the fast tag reader.

    Example:
        >>> arc = RawArc("", (0.0, 0.0), 0.9, ((0.9, 0.0), (0.0, 0.9)),
        ...              (0.64, 0.64), 90.0, "0")
        >>> leaf = np.array([[0.0, 0.0, 0.0, 0.9]])
        >>> door_of_arcs([arc], leaf, lambda layer: False).swings[0].latch
        (0.9, 0.0)
    """
    arcs = [
        arc
        for arc in arcs
        if BLOCK_SPAN_DEG[0] <= arc.span_deg <= BLOCK_SPAN_DEG[1] and arc.radius > 0
    ]
    if not arcs:
        return None
    widest = max(arc.radius for arc in arcs)
    arcs = [arc for arc in arcs if arc.radius >= LEAF_SHARE * widest]
    centers = np.array([arc.center for arc in arcs])
    ends = np.array([arc.ends for arc in arcs])
    mids = np.array([arc.mid for arc in arcs])
    swings = swings_of_arcs(centers, ends, mids, straight)
    doors = tuple(
        combine_pair(swings[group[0]], swings[group[1]])
        if len(group) == 2
        else swings[group[0]]
        for group in pair_swings(swings)
    )
    on_door_layer = any(arc.layer != "0" and is_door_layer(arc.layer) for arc in arcs)
    return BlockDoor(doors, on_door_layer)


def insert_door(
    insert: Any,
    layer: str,
    known: dict[str, BlockDoor | None],
    is_door_layer: Callable[[str], bool],
) -> BlockDoor | None:
    """The doors of the insert's block if the insert is a door, else None.

    An insert is a door when its layer (``is_door_layer``) or block name says so, or
    when the swing arc inside the block is on a door layer. ``known`` caches each
    block's reading.

    Example:
        >>> import ezdxf
        >>> doc = ezdxf.new()
        >>> door = doc.blocks.new("D-1")
        >>> _ = door.add_arc((0, 0), 0.9, 0, 90, dxfattribs={"layer": "Doors"})
        >>> ref = doc.modelspace().add_blockref("D-1", (0, 0), {"layer": "FURN"})
        >>> insert_door(ref, "FURN", {}, is_door_name) is not None
        True
    """
    name = decode_name(str(insert.dxf.name))
    if name not in known:
        block = insert.block()
        try:
            known[name] = None if block is None else block_door(block, is_door_layer)
        except Exception:  # an odd block is still drawn, just not read as a door
            known[name] = None
    return door_of_insert(known[name], layer, name, is_door_layer)


def door_of_insert(
    door: BlockDoor | None,
    layer: str,
    block_name: str,
    is_door_layer: Callable[[str], bool],
) -> BlockDoor | None:
    """``door`` (the block's doors) if an insert on ``layer`` places a door.

    It does when its layer or block name says door, or when the block's swing arc
    is on a door layer of its own. Shared by both DXF readers.

    Example:
        >>> door = BlockDoor((), arc_on_door_layer=False)
        >>> door_of_insert(door, "FURN", "CHAIR", is_door_name) is None
        True
        >>> door_of_insert(door, "FURN", "DOOR-36", is_door_name) is door
        True
    """
    if door and (
        door.arc_on_door_layer or is_door_layer(layer) or is_door_name(block_name)
    ):
        return door
    return None


@cache
def is_door_name(name: str) -> bool:
    """Whether a layer or block name says door (``A-DOOR``, ``Türen``, ``门``).

    Example:
        >>> is_door_name("DOOR-36"), is_door_name("Furniture")
        (True, False)
    """
    return categorize_layer(name) is LayerCategory.DOOR


def placed_doors(insert: Any, door: BlockDoor, layer: str, key: str) -> list[RawDoor]:
    """The block's doors where ``insert`` puts them, in drawing units.

    Example:
        >>> import ezdxf
        >>> doc = ezdxf.new()
        >>> block = doc.blocks.new("DOOR")
        >>> _ = block.add_line((0, 0), (0, 1)), block.add_arc((0, 0), 1, 0, 90)
        >>> ref = doc.modelspace().add_blockref("DOOR", (5, 0), {"rotation": 90})
        >>> door = block_door(block, is_door_name)
        >>> [raw] = placed_doors(ref, door, "A-DOOR", "2F")
        >>> swing = raw.swing
        >>> [tuple(round(v, 9) for v in p) for p in (swing.latch, swing.swing_to)]
        [(5.0, 1.0), (4.0, 0.0)]
    """
    matrix = insert.matrix44()
    number, hardware = door_attribs(insert)

    def place(x: float, y: float) -> Point2:
        return _xy(matrix.transform((x, y, 0.0)))

    return place_swings(
        place, door, (number, hardware, layer, decode_name(str(insert.dxf.name))), key
    )


def place_swings(
    place: Callable[[float, float], Point2],
    door: BlockDoor,
    facts: tuple[str, str, str, str],
    key: str,
) -> list[RawDoor]:
    """The block's doors mapped by ``place`` into the drawing.

    ``facts`` are the number, hardware, layer and block name; the second leaf of a
    block gets ``key-2`` and so on.
    """
    number, hardware, layer, name = facts
    placed = []
    for i, swing in enumerate(door.swings):
        hinge, latch, tip = (
            place(x, y) for x, y in (swing.hinge, swing.latch, swing.swing_to)
        )
        door_key = key if i == 0 else f"{key}-{i + 1}"
        placed.append(
            RawDoor(door_key, Swing(hinge, latch, tip), number, hardware, layer, name)
        )
    return placed


def door_attribs(insert: Any) -> tuple[str, str]:
    """The door number and hardware set from an insert's attributes.

    Tags are matched without case, spaces, ``-`` or ``_``: ``DOOR_NO``, ``HW``...

    Example:
        >>> import ezdxf
        >>> doc = ezdxf.new()
        >>> _ = doc.blocks.new("DOOR")
        >>> ref = doc.modelspace().add_blockref("DOOR", (0, 0))
        >>> _ = ref.add_attrib("door_no", "114A"), ref.add_attrib("HW", "PASSAGE")
        >>> door_attribs(ref)
        ('114A', 'PASSAGE')
    """
    return number_and_hardware(
        (str(attrib.dxf.tag), decode_name(str(attrib.dxf.get("text", ""))))
        for attrib in insert.attribs
    )


def number_and_hardware(tags_and_texts: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """The door number and hardware set among attribute (tag, text) pairs.

    Example:
        >>> number_and_hardware([("DOOR-NO", " 114A "), ("Lock", "PASSAGE")])
        ('114A', 'PASSAGE')
    """
    number = hardware = ""
    for raw_tag, raw_text in tags_and_texts:
        tag = "".join(ch for ch in raw_tag.upper() if ch.isalnum())
        value = " ".join(raw_text.split())
        if tag in _NUMBER_TAGS and not number:
            number = value
        elif tag in _HARDWARE_TAGS and not hardware:
            hardware = value
    return number, hardware


def raw_arc(arc: Any, layer: str, key: str) -> RawArc:
    """An ARC entity's geometry in drawing coordinates (WCS).

    Example:
        >>> import ezdxf
        >>> arc = ezdxf.new().modelspace().add_arc((1, 1), 0.8, 90, 180)
        >>> found = raw_arc(arc, "Doors", "3C")
        >>> found.center, found.span_deg, [round(v, 9) for v in found.ends[1]]
        ((1.0, 1.0), 90.0, [0.2, 1.0])
    """
    center, ends, mid = _arc_points(arc)
    return RawArc(key, center, float(arc.dxf.radius), ends, mid, _span(arc), layer)


def bulge_arc(polyline: Any, layer: str, key: str) -> RawArc | None:
    """The arc of a LWPOLYLINE that is one bulged segment (a door swing drawn so).

    Example:
        >>> import ezdxf
        >>> msp = ezdxf.new().modelspace()
        >>> swing = msp.add_lwpolyline([(0.9, 0, 0.41421356), (0, 0.9, 0)], "xyb")
        >>> found = bulge_arc(swing, "WINDOW", "7")
        >>> center = [round(v, 6) + 0.0 for v in found.center]
        >>> center, round(found.radius, 6), round(found.span_deg, 3)
        ([0.0, 0.0], 0.9, 90.0)
    """
    points = list(polyline.get_points("xyb"))
    if len(points) != 2 or not points[0][2]:
        return None
    (x1, y1, bulge), (x2, y2, _) = points
    from ezdxf.math import Vec3, bulge_to_arc

    center, start, end, radius = bulge_to_arc((x1, y1), (x2, y2), bulge)
    span = math.degrees((end - start) % math.tau)
    if not (BLOCK_SPAN_DEG[0] <= span <= BLOCK_SPAN_DEG[1]) or radius <= 0:
        return None
    ocs = polyline.ocs()
    middle = start + math.radians(span) / 2
    corners = (
        (center.x + radius * math.cos(angle), center.y + radius * math.sin(angle))
        for angle in (start, middle, end)
    )
    first, mid, last = (_xy(ocs.to_wcs(Vec3(x, y, 0.0))) for x, y in corners)
    return RawArc(
        key, _xy(ocs.to_wcs(Vec3(center.x, center.y, 0.0))), float(radius),
        (first, last), mid, span, layer,
    )  # fmt: skip


@cache
def is_window_name(name: str) -> bool:
    """Whether a layer or block name says window (``A-GLAZ``, ``WINDOW``, ``窗``).

    Example:
        >>> is_window_name("WINDOW"), is_window_name("WALL")
        (True, False)
    """
    return categorize_layer(name) is LayerCategory.WINDOW


def _span(arc: Any) -> float:
    span = (arc.dxf.end_angle - arc.dxf.start_angle) % 360.0
    return float(span or 360.0)


def _arc_points(arc: Any) -> tuple[Point2, tuple[Point2, Point2], Point2]:
    start = float(arc.dxf.start_angle)
    corners = list(arc.vertices([start, start + _span(arc) / 2, arc.dxf.end_angle]))
    center = arc.ocs().to_wcs(arc.dxf.center)
    return _xy(center), (_xy(corners[0]), _xy(corners[2])), _xy(corners[1])


def straight_segments(entities: Iterable[Any]) -> npt.NDArray[np.float64]:
    """Lines and polyline edges of a block: the candidates for a door leaf."""
    from ezdxf import path as ezpath

    coords: list[float] = []
    for entity in entities:
        if entity.dxftype() not in {"LINE", "LWPOLYLINE", "POLYLINE"}:
            continue
        try:
            subs = list(ezpath.make_path(entity).sub_paths())  # ezdxf walk only
        except Exception:  # a polyface mesh or a broken polyline is no leaf
            continue
        for sub in subs:
            points = list(sub.flattening(1.0, segments=4))
            for start, end in itertools.pairwise(points):
                coords += (start.x, start.y, end.x, end.y)
    return np.array(coords, dtype=np.float64).reshape(-1, 4)


def _xy(vec: Any) -> Point2:
    return (float(vec.x), float(vec.y))
