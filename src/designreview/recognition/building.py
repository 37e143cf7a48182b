"""The building in a walked drawing: its doors and rooms, in local metres.

Glue between the walk (``readers.dxf.walk``, drawing units) and the detectors
(``doors.detection``, ``rooms.outlines`` over the outlines ``rooms.layers`` picks,
and ``rooms.wall_faces`` when no room outlines are drawn); rooms that neither name
nor layer types get a type from their shape and doors (``rooms.shape_types``).
``readers.dxf.read`` calls it once per import.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from designreview.model.building import DetectedDoor, DetectedSpace, DoorMethod
from designreview.model.markups import SpaceType
from designreview.model.plan import LayerCategory
from designreview.recognition.doors.detection import detect_doors
from designreview.recognition.doors.openings import find_openings, line_doors
from designreview.recognition.doors.outside import mark_outside
from designreview.recognition.layers.roles import (
    DEFAULT_ROLES,
    LayerRoles,
    guessed_category,
)
from designreview.recognition.rooms.fixtures import type_by_fixtures
from designreview.recognition.rooms.layers import one_room_layers, room_layer_outlines
from designreview.recognition.rooms.outlines import detect_spaces
from designreview.recognition.rooms.partition import partition_spaces
from designreview.recognition.rooms.shape_types import type_by_shape
from designreview.recognition.rooms.wall_faces import WallFaceParams, trace_faces

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from designreview.model.geometry import Point2
    from designreview.model.plan import LayerInfo, SegmentArray, TextLabel
    from designreview.recognition.found import WalkResult

__all__ = [
    "NO_DOORS_WARNING",
    "NO_ROOMS_WARNING",
    "WALL_ROOMS_WARNING",
    "Building",
    "detect_building",
    "door_width_warning",
]

NO_ROOMS_WARNING = (
    "No room outlines found; rooms must be drawn by hand or detected from walls."
)
WALL_ROOMS_WARNING = (
    "No room outlines found; {} rooms were traced from the walls with door openings "
    "and windows closed: check them, and draw the rooms they miss."
)
TRACED_HALLS_NOTE = (
    "{} spaces without a drawn outline (halls, corridors, lobbies...) were traced "
    "from the walls with door openings closed: check them, and merge or split them "
    "where the walls mislead."
)
NOT_TRACED_WARNING = (
    "The walls were not traced for spaces without outlines ({:,} wall lines, over "
    "the limit of {:,}): halls, corridors and any room not outlined are missing; "
    "draw them with the Space tool."
)
NO_DOORS_WARNING = (
    "No doors found: map the layer that draws doors (Review > Layer Roles) or draw "
    "doors with the Door tool{}."
)
DOOR_WIDTH_M = (0.5, 2.5)
"""Typical door openings, single leaf to double door."""
MIN_DOORS_FOR_UNITS = 3
RUN_GAP_M = 0.05
"""Window lines closer than this are one window (its frame and panes)."""


@dataclass(frozen=True, slots=True)
class Building:
    """What the importer recognised as building, and what it could not find."""

    doors: tuple[DetectedDoor, ...] = ()
    spaces: tuple[DetectedSpace, ...] = ()
    warnings: tuple[str, ...] = ()
    window_blocks: int = 0
    """Window block inserts, on any layer."""
    window_runs: int = 0
    """Groups of touching window-layer lines outside window blocks (a window, or a
    run of glazing)."""
    window_openings: int = 0
    """Openings between wall jambs closed by a window line or block."""

    @property
    def doors_by_method(self) -> dict[str, int]:
        """How many doors each way of drawing gave, every method listed.

        Example:
            >>> Building().doors_by_method["gap"]
            0
        """
        found = {method.value: 0 for method in DoorMethod}
        for door in self.doors:
            found[door.method.value] += 1
        return found

    @property
    def windows(self) -> int:
        """Windows from every source: blocks and runs of window-layer lines."""
        return self.window_blocks + self.window_runs


def detect_building(
    found: WalkResult,
    arrays: Mapping[str, SegmentArray],
    scale: float,
    origin: Point2,
    labels: Sequence[TextLabel],
    layers: Sequence[LayerInfo],
    roles: LayerRoles = DEFAULT_ROLES,
) -> Building:
    """Doors and rooms of a walked drawing.

    Args:
        found: the walk's findings, in drawing units.
        arrays: segments per layer in metres, not yet shifted to the local origin.
        scale: drawing units to metres.
        origin: the plan's local origin in metres.
        labels: the plan's texts, in local metres.
        layers: the plan's layers with their categories.
        roles: the same categories for any layer name (texts inside blocks).
    """
    category = {info.name: info.category for info in layers}
    shift = np.array([origin[0], origin[1], origin[0], origin[1]])
    leaves = _layers_of(arrays, category, LayerCategory.DOOR)
    doors = detect_doors(found.doors, found.door_arcs, leaves, scale, origin)
    doors = tuple(door for door in doors if door.method not in roles.methods_off)
    walls = _layers_of(arrays, category, LayerCategory.WALL)
    local_walls = walls - shift
    glazing = _window_blocks(found, scale, origin)
    window_lines = _layers_of(arrays, category, LayerCategory.WINDOW) - shift
    openings = find_openings(
        local_walls, leaves - shift, np.concatenate([window_lines, glazing]), doors
    )
    doors += tuple(d for d in openings.doors if d.method not in roles.methods_off)
    if DoorMethod.LINE not in roles.methods_off:
        doors += tuple(line_doors(local_walls, leaves - shift, doors))
    outlined = _outline_spaces(
        found, category, labels, scale, origin, local_walls, roles
    )
    warnings: tuple[str, ...] = ()
    if not doors:
        warnings += (_no_doors_warning(layers, roles),)
    bounds = np.concatenate(
        [
            _room_bounds(local_walls, arrays, category, doors, origin),
            glazing,
            _outline_edges(outlined),
        ]
    )
    faces = trace_faces(bounds) if len(walls) else None
    spaces = outlined
    if faces is not None and faces.traced:
        parts = partition_spaces(outlined, faces.rooms, labels, roles, doors)
        spaces = parts.spaces
        warnings += parts.warnings
        if not outlined:
            traced = WALL_ROOMS_WARNING.format(len(spaces))
            warnings += (traced if spaces else NO_ROOMS_WARNING,)
        elif parts.traced:
            warnings += (TRACED_HALLS_NOTE.format(parts.traced),)
        doors = mark_outside(doors, faces.cells, _outdoors(spaces), faces.ground)
    elif faces is not None and len(bounds) > WallFaceParams().max_lines:
        limit = WallFaceParams().max_lines
        warnings += (NOT_TRACED_WARNING.format(len(bounds), limit),)
    elif faces is not None and not spaces:
        warnings += (NO_ROOMS_WARNING,)
    spaces = type_by_fixtures(spaces, _local_fixtures(found, scale, origin))
    return Building(
        doors,
        type_by_shape(spaces, doors),
        warnings,
        window_blocks=_window_block_count(found, layers),
        window_runs=_runs(window_lines, glazing),
        window_openings=openings.windows,
    )


def _local_fixtures(
    found: WalkResult, scale: float, origin: Point2
) -> list[tuple[SpaceType, Point2]]:
    """The fixtures' types and base points in local metres."""
    return [
        (f.space_type, (f.at[0] * scale - origin[0], f.at[1] * scale - origin[1]))
        for f in found.fixtures
    ]


def _outline_edges(spaces: Sequence[DetectedSpace]) -> SegmentArray:
    """The edges of drawn room outlines, as segments.

    An open-plan office is bounded by its outline where no wall stands, so the
    hall beside it closes there too.
    """
    rings = [
        np.asarray(s.outline, dtype=np.float64) for s in spaces if len(s.outline) >= 3
    ]
    if not rings:
        return np.empty((0, 4))
    edges = [np.column_stack([r, np.roll(r, -1, axis=0)]) for r in rings]
    return np.concatenate(edges)


def _outdoors(spaces: Sequence[DetectedSpace]) -> list[shapely.Geometry]:
    """The spaces named as outdoors (a yard, a terrace), as polygons."""
    return [
        shapely.make_valid(shapely.Polygon(s.outline))
        for s in spaces
        if s.space_type is SpaceType.EXTERIOR and len(s.outline) >= 3
    ]


def _no_doors_warning(layers: Sequence[LayerInfo], roles: LayerRoles) -> str:
    """The warning for a plan without doors, naming where doors may be drawn.

    Candidates are the layers read as doors (their lines made no door) and, when
    there are none, the layers that hold arcs or inserts but no category.
    """
    doors = [i.name for i in layers if i.category is LayerCategory.DOOR]
    off = sorted(method.label for method in roles.methods_off)
    where = f"; layers read as door: {', '.join(doors[:5])}" if doors else ""
    if off:
        where += f"; switched off: {', '.join(off)}"
    return NO_DOORS_WARNING.format(where)


def _window_block_count(found: WalkResult, layers: Sequence[LayerInfo]) -> int:
    """Window blocks: inserts of blocks named for windows, else on window layers."""
    named = sum(
        count
        for name, count in found.block_inserts.items()
        if guessed_category(name) is LayerCategory.WINDOW
    )
    on_layers = sum(
        found.inserts_by_layer.get(info.name, 0)
        for info in layers
        if info.category is LayerCategory.WINDOW
    )
    return max(named, on_layers)


def _runs(lines: SegmentArray, blocks: SegmentArray) -> int:
    """Groups of touching window-layer lines that no window block drew.

    Example:
        Two panes side by side and one alone: two runs.

        >>> lines = np.array([[0.0, 0, 1, 0], [1.0, 0, 2, 0], [5.0, 0, 6, 0]])
        >>> _runs(lines, np.empty((0, 4)))
        2
    """
    lines = lines[np.isfinite(lines).all(axis=1)]
    if not len(lines):
        return 0
    if len(blocks):
        tree = shapely.STRtree(
            np.asarray(shapely.linestrings(blocks.reshape(-1, 2, 2)))
        )
        mine = shapely.linestrings(lines.reshape(-1, 2, 2))
        hit, _ = tree.query(mine, "dwithin", RUN_GAP_M)
        lines = np.delete(lines, np.unique(hit), axis=0)
        if not len(lines):
            return 0
    merged = shapely.union_all(
        shapely.buffer(shapely.linestrings(lines.reshape(-1, 2, 2)), RUN_GAP_M / 2)
    )
    return int(shapely.get_num_geometries(merged))


def door_width_warning(doors: Sequence[DetectedDoor]) -> tuple[str, ...]:
    """A warning when the doors' typical width says the units are wrong.

    Example:
        >>> door = DetectedDoor("d", (0.0, 0.0), (0.0009, 0.0), (0.0, 0.0009))
        >>> door_width_warning([door] * 3)[0][:36]
        'The doors are 0.0009 m wide (median)'
    """
    widths = sorted(door.width_m for door in doors)
    if len(widths) < MIN_DOORS_FOR_UNITS:
        return ()
    median = widths[len(widths) // 2]
    if DOOR_WIDTH_M[0] <= median <= DOOR_WIDTH_M[1]:
        return ()
    return (
        f"The doors are {median:.2g} m wide (median), so the drawing's units are "
        "probably wrong; check a known dimension and correct the units.",
    )


def _layers_of(
    arrays: Mapping[str, SegmentArray],
    category: Mapping[str, LayerCategory],
    wanted: LayerCategory,
) -> SegmentArray:
    """The segments of every layer in one category, stacked."""
    found = [segs for layer, segs in arrays.items() if category.get(layer) is wanted]
    return np.concatenate(found) if found else np.empty((0, 4))


def _window_blocks(found: WalkResult, scale: float, origin: Point2) -> SegmentArray:
    """Lines of window blocks in local metres, whatever layer the blocks are on.

    A window drawn as a block on a furniture or 0 layer still closes its wall.
    """
    segments = np.frombuffer(found.window_segments, dtype=np.float64).reshape(-1, 4)
    shift = np.array([origin[0], origin[1], origin[0], origin[1]])
    local: SegmentArray = segments * scale - shift
    return local[np.isfinite(local).all(axis=1)]


def _room_bounds(
    walls: SegmentArray,
    arrays: Mapping[str, SegmentArray],
    category: Mapping[str, LayerCategory],
    doors: Sequence[DetectedDoor],
    origin: Point2,
) -> SegmentArray:
    """What closes rooms, in local metres: walls, columns, windows, door openings.

    Columns stand in walls (a wall line often stops at a column's outline and
    goes on behind it), so they close rooms too. ``walls`` are local already; the
    other layers are shifted here.
    """
    windows = _layers_of(arrays, category, LayerCategory.WINDOW)
    columns = _layers_of(arrays, category, LayerCategory.COLUMN)
    shift = np.array([origin[0], origin[1], origin[0], origin[1]])
    openings = np.array([(*d.hinge, *d.latch) for d in doors], dtype=np.float64)
    return np.concatenate(
        [walls, windows - shift, columns - shift, openings.reshape(-1, 4)]
    )


def _outline_spaces(
    found: WalkResult,
    category: Mapping[str, LayerCategory],
    labels: Sequence[TextLabel],
    scale: float,
    origin: Point2,
    walls: SegmentArray,
    roles: LayerRoles,
) -> tuple[DetectedSpace, ...]:
    """Rooms from drawn outlines: on room layers, and one room per layer.

    A room drawn on a layer of its own is numbered by the layer's name
    (``E14-433A``), which is what such drawings name their layers by.
    """
    own_layer = one_room_layers(found, roles)
    outlines = room_layer_outlines(found, category) + own_layer
    spaces = detect_spaces(outlines, labels, scale, origin, walls=walls, roles=roles)
    numbered = {outline.layer for outline in own_layer}
    return tuple(
        replace(space, number=space.layer) if space.layer in numbered else space
        for space in spaces
    )
