"""A cut storey as a Plan: the layers, doors, rooms and labels the rest reads.

Doors and rooms come from the model, not from guessing: each keeps its GlobalId as
its id. Only what the model leaves open is recognised as for a drawing: whether a
door is in the outer walls (when Pset_DoorCommon.IsExternal is not given), and the
type of a room whose name says nothing (from its shape and doors).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.bim import BimSource, BimStorey
from designreview.model.building import (
    DetectedDoor,
    DetectedSpace,
    DoorMethod,
    SpaceSource,
    TypeSource,
)
from designreview.model.geometry import Extents, Point2
from designreview.model.markups import SpaceType
from designreview.model.plan import (
    LayerCategory,
    LayerInfo,
    Linework,
    Plan,
    PlanCounts,
    SegmentArray,
    TextLabel,
    UnitReport,
    UnitSource,
)
from designreview.readers.ifc.doors import NOT_HINGED
from designreview.readers.ifc.section import boundary_segments, segments_area
from designreview.recognition.rooms.shape_types import type_by_shape
from designreview.recognition.rooms.types import match_space_type

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from designreview.readers.ifc.cut import SpaceRecord, StoreyCut
    from designreview.readers.ifc.doors import DoorRecord
    from designreview.readers.ifc.model_file import ModelInfo
    from designreview.readers.ifc.storeys import Storey

FAR_ORIGIN_M = 10_000.0
"""Models placed further than this from (0, 0) get a local origin (as drawings do)."""
PROBE_M = 0.8
"""How far either side of a door to look for the building."""
ARC_CHORDS = 12
NAME_HEIGHT_M = 0.3
NUMBER_HEIGHT_M = 0.22
WALLS, COLUMNS, WINDOWS, DOORS, ROOMS, STAIRS, NAMES = (
    "IfcWall",
    "IfcColumn",
    "IfcWindow",
    "IfcDoor",
    "IfcSpace",
    "IfcStair",
    "IfcSpace names",
)


def storey_plan(
    cut: StoreyCut,
    info: ModelInfo,
    source_name: str,
    reader: str,
    storeys: tuple[Storey, ...] = (),
) -> Plan:
    """The plan of one cut storey, in metres around a local origin."""
    everything = [cut.walls, cut.columns, cut.windows, cut.stairs]
    points = np.vstack(
        [a.reshape(-1, 2) for a in everything if len(a)] or [np.zeros((1, 2))]
    )
    low, high = points.min(axis=0), points.max(axis=0)
    origin = (0.0, 0.0)
    if np.abs(np.concatenate([low, high])).max() > FAR_ORIGIN_M:
        origin = (float(math.floor(low[0])), float(math.floor(low[1])))
    shift = np.array([*origin, *origin])
    doors = _doors(cut.doors, origin)
    doors = _outside(doors, cut, origin)
    spaces = type_by_shape(tuple(_space(s, origin) for s in cut.spaces), doors)
    layers, linework = _layers(cut, doors, spaces, shift)
    extents = Extents(
        float(low[0] - origin[0]),
        float(low[1] - origin[1]),
        float(high[0] - origin[0]),
        float(high[1] - origin[1]),
    )
    return Plan(
        source_name=source_name,
        dxf_version=info.schema,
        units=info.unit,
        scale_to_m=info.metres_per_unit,
        origin_m=origin,
        extents=extents,
        layers=layers,
        linework=linework,
        labels=_labels(spaces),
        counts=PlanCounts(
            walls=cut.storey.walls,
            doors=len(doors),
            windows=cut.storey.windows,
            spaces=len(spaces),
            doors_by_method=tuple(
                (m.value, len(doors) if m is DoorMethod.MODEL else 0)
                for m in DoorMethod
            ),
            windows_by_source=(("model", cut.storey.windows),),
        ),
        warnings=cut.warnings,
        doors=doors,
        spaces=spaces,
        unit_report=UnitReport(
            stated=info.unit,
            used=info.unit,
            source=UnitSource.HEADER,
            reasons=(f"The IFC project's length unit is {_unit_name(info)}.",),
        ),
        reader=reader,
        bim=BimSource(
            schema=info.schema,
            project_guid=info.project_guid,
            project_name=info.project_name,
            storey_guid=cut.storey.guid,
            storey_name=cut.storey.name,
            elevation_m=cut.storey.elevation_m,
            cut_height_m=cut.cut_height_m,
            true_north_deg=info.true_north_deg,
            application=info.application,
            elements=cut.elements,
            storeys=tuple(
                BimStorey(s.guid, s.name, s.elevation_m, s.is_floor, s.summary)
                for s in storeys
            ),
        ),
    )


def _local(point: Point2, origin: Point2) -> Point2:
    return (point[0] - origin[0], point[1] - origin[1])


def _doors(records: tuple[DoorRecord, ...], origin: Point2) -> tuple[DetectedDoor, ...]:
    doors = []
    for record in records:
        frame = record.frame
        start, end = _local(frame.start, origin), _local(frame.end, origin)
        nx, ny = frame.swing
        width = frame.width_m
        hinge, latch = (end, start) if record.hinge_end > 0 else (start, end)
        if record.is_double_leaf:
            tip = (
                (start[0] + end[0]) / 2 + nx * width / 2,
                (start[1] + end[1]) / 2 + ny * width / 2,
            )
        else:
            tip = (hinge[0] + nx * width, hinge[1] + ny * width)
        doors.append(
            DetectedDoor(
                id=record.guid,
                hinge=hinge,
                latch=latch,
                swing_to=tip,
                number=record.number,
                layer=DOORS,
                block=record.name,
                method=DoorMethod.MODEL,
                hinge_known=record.swings,
                double_acting=record.is_double_acting,
                outside=record.is_external,
                guid=record.guid,
                operation=record.operation,
                fire_exit=record.fire_exit,
                security_rating=record.security_rating,
                glazed=record.glazed,
                opening_guid=record.opening_guid,
            )
        )
    return tuple(doors)


def _outside(
    doors: tuple[DetectedDoor, ...], cut: StoreyCut, origin: Point2
) -> tuple[DetectedDoor, ...]:
    """Doors the model does not call external or internal, judged from the plan.

    A door is outside when one side lies beyond the building: its walls and spaces,
    with the small gaps between them filled.
    """
    if all(d.outside is not None for d in doors):
        return doors
    building = _building(cut, origin)
    if building.is_empty:
        return doors
    shapely.prepare(building)
    marked = []
    for door in doors:
        if door.outside is None:
            marked.append(_with_outside(door, building))
        else:
            marked.append(door)
    return tuple(marked)


def _with_outside(door: DetectedDoor, building: BaseGeometry) -> DetectedDoor:
    (hx, hy), (lx, ly) = door.hinge, door.latch
    cx, cy = (hx + lx) / 2, (hy + ly) / 2
    length = math.hypot(lx - hx, ly - hy) or 1.0
    nx, ny = -(ly - hy) / length, (lx - hx) / length
    sides = [
        shapely.Point(cx + nx * s * PROBE_M, cy + ny * s * PROBE_M) for s in (1, -1)
    ]
    inside = [bool(building.contains(p)) for p in sides]
    return replace(door, outside=not all(inside))


def _building(cut: StoreyCut, origin: Point2) -> BaseGeometry:
    """What the storey covers: wall areas and spaces, with gaps up to a wall closed."""
    shift = np.array([*origin, *origin])
    walls = segments_area(cut.walls - shift) if len(cut.walls) else shapely.Polygon()
    polygons = [
        shapely.Polygon([_local(p, origin) for p in s.outline])
        for s in cut.spaces
        if len(s.outline) >= 3
    ]
    rooms: list[BaseGeometry] = [
        r if r.is_valid else shapely.make_valid(r) for r in polygons
    ]
    parts = [walls, *rooms]
    covered = shapely.union_all([p for p in parts if not p.is_empty], grid_size=1e-6)
    # Door openings and the wall-thick gaps between spaces and walls close up.
    return covered.buffer(0.3, join_style="mitre").buffer(-0.3, join_style="mitre")


def _space(record: SpaceRecord, origin: Point2) -> DetectedSpace:
    outline = tuple(_local(p, origin) for p in record.outline)
    name = record.name or record.number
    number = record.number if record.name else ""
    match = match_space_type(name) if name else None
    if match is None and number:
        match = match_space_type(number)
    return DetectedSpace(
        id=record.guid,
        outline=outline,
        name=name,
        number=number,
        space_type=match.space_type if match else SpaceType.UNKNOWN,
        layer=ROOMS,
        source=SpaceSource.MODEL,
        type_source=TypeSource.NAME if match else TypeSource.NONE,
        guid=record.guid,
        zones=record.zones,
    )


def _door_symbol(door: DetectedDoor) -> list[list[float]]:
    """The leaf and swing arc a plan draws for a door (two for a double door)."""
    (hx, hy), (lx, ly), (tx, ty) = door.hinge, door.latch, door.swing_to
    if door.operation in NOT_HINGED:
        return [[hx, hy, lx, ly]]
    width = math.hypot(lx - hx, ly - hy)
    nx, ny = tx - (hx + lx) / 2, ty - (hy + ly) / 2
    if not door.operation.startswith("DOUBLE_DOOR"):
        return _leaf((hx, hy), (lx, ly), (tx, ty))
    norm = math.hypot(nx, ny) or 1.0
    half = width / 2
    mx, my = (hx + lx) / 2, (hy + ly) / 2
    a = _leaf((hx, hy), (mx, my), (hx + nx / norm * half, hy + ny / norm * half))
    b = _leaf((lx, ly), (mx, my), (lx + nx / norm * half, ly + ny / norm * half))
    return a + b


def _leaf(hinge: Point2, latch: Point2, tip: Point2) -> list[list[float]]:
    """The open leaf (hinge to tip) and the quarter arc from the tip to the latch."""
    hx, hy = hinge
    radius = math.hypot(latch[0] - hx, latch[1] - hy)
    start = math.atan2(tip[1] - hy, tip[0] - hx)
    end = math.atan2(latch[1] - hy, latch[0] - hx)
    sweep = (end - start + math.pi) % (2 * math.pi) - math.pi
    angles = [start + sweep * i / ARC_CHORDS for i in range(ARC_CHORDS + 1)]
    arc = [(hx + radius * math.cos(t), hy + radius * math.sin(t)) for t in angles]
    lines = [[hx, hy, tip[0], tip[1]]]
    lines += [[*arc[i], *arc[i + 1]] for i in range(ARC_CHORDS)]
    return lines


def _layers(
    cut: StoreyCut,
    doors: tuple[DetectedDoor, ...],
    spaces: tuple[DetectedSpace, ...],
    shift: np.ndarray,
) -> tuple[tuple[LayerInfo, ...], tuple[Linework, ...]]:
    symbols = [line for door in doors for line in _door_symbol(door)]
    rooms = [
        boundary_segments(shapely.Polygon(s.outline))
        for s in spaces
        if len(s.outline) >= 3
    ]
    rows: list[tuple[str, LayerCategory, int, SegmentArray]] = [
        (WALLS, LayerCategory.WALL, cut.storey.walls, cut.walls - shift),
        (COLUMNS, LayerCategory.COLUMN, 0, cut.columns - shift),
        (WINDOWS, LayerCategory.WINDOW, cut.storey.windows, cut.windows - shift),
        (DOORS, LayerCategory.DOOR, len(doors), np.array(symbols).reshape(-1, 4)),
        (
            ROOMS,
            LayerCategory.ROOM,
            len(spaces),
            np.vstack(rooms) if rooms else np.zeros((0, 4)),
        ),
        (STAIRS, LayerCategory.STAIR, cut.storey.stairs, cut.stairs - shift),
    ]
    layers, linework = [], []
    for name, category, count, segments in rows:
        if not len(segments):
            continue
        layers.append(LayerInfo(name, category, count or len(segments)))
        linework.append(
            Linework(name, np.ascontiguousarray(segments, dtype=np.float64))
        )
    if spaces:
        layers.append(LayerInfo(NAMES, LayerCategory.LABEL, len(spaces)))
    return tuple(layers), tuple(linework)


def _labels(spaces: tuple[DetectedSpace, ...]) -> tuple[TextLabel, ...]:
    """Each room's name, and its number below it, at a point inside the room."""
    labels = []
    for space in spaces:
        if len(space.outline) < 3:
            continue
        polygon: BaseGeometry = shapely.Polygon(space.outline)
        if not polygon.is_valid:
            polygon = shapely.make_valid(polygon)
        point = polygon.point_on_surface()
        x, y = float(point.x), float(point.y)
        if space.name:
            labels.append(
                TextLabel(
                    space.name,
                    (x, y + NUMBER_HEIGHT_M * 0.7),
                    NAME_HEIGHT_M,
                    0.0,
                    NAMES,
                )
            )
        if space.number:
            labels.append(
                TextLabel(
                    space.number,
                    (x, y - NAME_HEIGHT_M * 0.9),
                    NUMBER_HEIGHT_M,
                    0.0,
                    NAMES,
                )
            )
    return tuple(labels)


def _unit_name(info: ModelInfo) -> str:
    """``the metre (m)``."""
    return f"the {info.unit.name.lower().replace('_', ' ')} ({info.unit.symbol})"
