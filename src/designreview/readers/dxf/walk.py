"""Turning DXF entities into per-layer segments and text, in drawing units.

One pass over a layout: curves are flattened by ezdxf's path module, blocks are expanded
recursively with their transformation (entities on layer 0 take the layer of the insert,
as CAD programs draw them), XREFs are drawn from their files (``readers.dxf.xrefs``),
proxy entities from their proxy graphics, hatches contribute their boundaries only
(patterns are decoration and can multiply a drawing a hundredfold). Limits stop hostile
files: nesting depth, block cycles, entity and segment counts, a deadline, and a coarser
flattening for curves so large that 2 cm chords would be millions.

The pass also notes door inserts (however deeply nested), door-layer arcs outside
them and closed outlines on room layers (polylines, closed SPLINEs, full ELLIPSEs
and hatch boundaries: ``readers.dxf.outline_rings``), keyed by handle or, inside a
block, by the top-level entity's handle and a serial number (stable across imports).
"""

from __future__ import annotations

import itertools
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TYPE_CHECKING, Any

from designreview.model.errors import PlanReadError
from designreview.readers.dxf.document import (
    CURVE_CHORDS,
    curve_size,
    decode_name,
    layer_name,
    limit_error,
)
from designreview.readers.dxf.document import WalkLimits as WalkLimits
from designreview.readers.dxf.doors import (
    BlockDoor,
    bulge_arc,
    door_of_arcs,
    insert_door,
    is_window_name,
    place_swings,
    placed_doors,
    raw_arc,
    straight_segments,
)
from designreview.readers.dxf.outline_rings import (
    chained,
    closes,
    hatch_key,
    outer_rings,
)
from designreview.readers.dxf.xrefs import is_xref
from designreview.recognition.found import (
    RawFixture,
    RawOutline,
    RawText,
    SkipReason,
    WalkResult,
)
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.rooms.fixtures import fixture_type

if TYPE_CHECKING:
    from designreview.readers.dxf.xrefs import XrefResolver

NOT_DRAWN_TYPES = frozenset(
    {"POINT", "VIEWPORT", "IMAGE", "WIPEOUT", "OLE2FRAME", "XLINE", "RAY", "ATTDEF"}
)
_CURVE_TYPES = frozenset(
    {
        "LWPOLYLINE", "POLYLINE", "ARC", "CIRCLE", "ELLIPSE", "SPLINE",
        "SOLID", "TRACE", "3DFACE", "HELIX",
    }
)  # fmt: skip
_EXPLODED_TYPES = frozenset(
    {"DIMENSION", "ARC_DIMENSION", "LARGE_RADIAL_DIMENSION", "LEADER", "MULTILEADER",
     "MLINE", "ACAD_PROXY_ENTITY", "ACAD_TABLE", "MPOLYGON"}
)  # fmt: skip
_NOTATION_TYPES = _EXPLODED_TYPES - {"MLINE", "ACAD_PROXY_ENTITY", "MPOLYGON"}


CancelCheck = Callable[[], bool]
ProgressReport = Callable[[float], None]
"""Told the share of the work done so far, from 0 to 1."""
_REPORT_EVERY = 512
Chain = tuple[tuple[int, str], ...]
"""The blocks an entity is inside: (id of the block's document, block name)."""


class _Walker:
    """One walk; keeps the limits and the findings together."""

    def __init__(
        self,
        limits: WalkLimits,
        cancelled: CancelCheck | None,
        xrefs: XrefResolver | None,
        progress: ProgressReport | None = None,
        roles: LayerRoles = DEFAULT_ROLES,
    ) -> None:
        # ezdxf's path module when a walk starts, not when the fast reader imports
        # this module for its shared limits: only this walk flattens with it.
        from ezdxf import path as ezpath

        self.ezpath = ezpath
        self.limits, self.cancelled, self.xrefs = limits, cancelled, xrefs
        self.roles = roles
        self.progress = progress
        self.result = WalkResult()
        self.deadline = time.monotonic() + limits.timeout_s
        self.doors_of: dict[int, dict[str, BlockDoor | None]] = {}  # per document
        self.quiet = 0  # inside a door block or a dimension: its arcs are no doors
        self.glazing = 0  # inside a window block: its lines close rooms
        self.top = ("", itertools.count())

    def walk(self, entities: Iterable[Any]) -> WalkResult:
        total = len(entities) if isinstance(entities, Sized) else 0
        for position, entity in enumerate(entities):
            if self.progress and total and position % _REPORT_EVERY == 0:
                self.progress(position / total)
            layer = layer_name(entity)
            self.result.top_level_counts[layer] += 1
            self.top = (str(entity.dxf.get("handle", "")), itertools.count(1))
            self.visit(entity, layer, depth=0, blocks=())
        return self.result

    def key(self, entity: Any) -> str:
        """The entity's handle, or where it sits under a top-level entity."""
        handle = entity.dxf.get("handle")
        return str(handle) if handle else f"{self.top[0]}.{next(self.top[1])}"

    def visit(self, entity: Any, layer: str, depth: int, blocks: Chain) -> None:
        self._tick()
        kind = entity.dxftype()
        try:
            self._dispatch(entity, kind, layer, depth, blocks)
        except PlanReadError:
            raise
        except Exception:  # one bad entity is skipped and counted, never fatal
            self.result.skip(SkipReason.UNREADABLE, kind)

    def _dispatch(
        self, entity: Any, kind: str, layer: str, depth: int, blocks: Chain
    ) -> None:
        if kind == "LINE":
            start, end = entity.dxf.start, entity.dxf.end
            self._add(layer, (start.x, start.y, end.x, end.y))
        elif kind in _CURVE_TYPES:
            points = self._add_path(layer, self.ezpath.make_path(entity))
            if kind == "ARC" and not self.quiet and self.roles.is_door(layer):
                self.result.door_arcs.append(raw_arc(entity, layer, self.key(entity)))
            elif kind in {"LWPOLYLINE", "POLYLINE"}:
                self._outline(entity, layer, points)
            elif kind in {"SPLINE", "ELLIPSE"} and closes([(p.x, p.y) for p in points]):
                self._rings(entity, layer, [points])
        elif kind == "HATCH":
            rings = [self._add_path(layer, b) for b in self.ezpath.from_hatch(entity)]
            self._hatch_outlines(entity, layer, rings)
        elif kind in {"TEXT", "MTEXT", "ATTRIB"}:
            self._add_text(entity, kind, layer)
        elif kind == "INSERT":
            self._insert(entity, layer, depth, blocks)
        elif kind in _EXPLODED_TYPES:
            children = list(entity.virtual_entities())
            if kind == "ACAD_PROXY_ENTITY":
                self._proxy_doors(entity, children, layer)
            self.quiet += kind in _NOTATION_TYPES
            try:
                for child in children:
                    self.visit(child, _inherit(child, layer), depth + 1, blocks)
            finally:
                self.quiet -= kind in _NOTATION_TYPES
        else:
            not_drawn = kind in NOT_DRAWN_TYPES
            self.result.skip(
                SkipReason.NOT_DRAWN if not_drawn else SkipReason.UNSUPPORTED, kind
            )

    def _insert(self, insert: Any, layer: str, depth: int, blocks: Chain) -> None:
        name = insert.dxf.name
        if (id(insert.doc), name) in blocks:
            raise PlanReadError(
                f"Block {name!r} contains itself (a block reference cycle). The file "
                "is malformed; repair it in the CAD program (AUDIT) and export again."
            )
        if depth >= self.limits.max_depth:
            self.result.skip(SkipReason.NESTED_TOO_DEEP)
            return
        self.result.inserts_by_layer[layer] += 1
        self.result.block_inserts[name] += 1
        inner = (*blocks, (id(insert.doc), name))
        for attrib in insert.attribs:
            if not attrib.is_invisible:  # hidden data (hardware sets) is not drawn
                self._add_text(attrib, "ATTRIB", _inherit(attrib, layer))
        block = insert.block()
        if block is not None and is_xref(block):
            self._xref(insert, block, layer, depth, inner)
            return
        known = self.doors_of.setdefault(id(insert.doc), {})
        door = insert_door(insert, layer, known, self.roles.is_door)
        window = is_window_name(decode_name(str(name)))
        fixture = fixture_type(decode_name(str(name)))
        for single in _single_inserts(insert):
            self._tick()
            self._place_door(single, door, layer)
            if fixture is not None and block is not None:
                at = single.matrix44().transform(_drawn_middle(block))
                self.result.fixtures.append(RawFixture(fixture, (at.x, at.y)))
            self.quiet += door is not None
            self.glazing += window
            try:
                children = single.virtual_entities(skipped_entity_callback=self._skip)
                for child in children:
                    self.visit(child, _inherit(child, layer), depth + 1, inner)
            finally:
                self.quiet -= door is not None
                self.glazing -= window

    def _xref(
        self, insert: Any, block: Any, layer: str, depth: int, inner: Chain
    ) -> None:
        if self.xrefs is None:
            self.result.skip(SkipReason.XREF_NOT_RESOLVED)
            return
        ancestry = tuple(dict.fromkeys(doc for doc, _ in inner))
        for single in _single_inserts(insert):
            self._tick()
            for child in self.xrefs.place(single, block, ancestry, self._skip):
                self.visit(child, _inherit(child, layer), depth + 1, inner)

    def _place_door(self, insert: Any, door: BlockDoor | None, layer: str) -> None:
        try:
            if door is not None:
                self.result.doors += placed_doors(insert, door, layer, self.key(insert))
        except Exception:  # the insert is still drawn, just not read as a door
            self.result.skip(SkipReason.UNREADABLE, "door")

    def _proxy_doors(self, proxy: Any, children: list[Any], layer: str) -> None:
        """Doors drawn by a proxy object, read like a door block (TArch openings).

        TArch keeps doors and windows in ``TCH_OPENING`` objects on one layer
        (``WINDOW``, ``门窗``): a door is a bulged quarter arc and its leaf lines,
        its label (``M0921``) a text. Windows have no arc, so they give no door.
        """
        roles = self.roles
        if not (roles.is_door(layer) or roles.is_window(layer)):
            return
        arcs, straight, labels = [], [], []
        for child in children:
            kind, own = child.dxftype(), _inherit(child, layer)
            if kind == "LWPOLYLINE" and (roles.is_door(own) or roles.is_window(own)):
                arc = bulge_arc(child, own, "")
                if arc is not None:
                    arcs.append(arc)
                    continue
            if kind in {"LWPOLYLINE", "POLYLINE", "LINE"}:
                straight.append(child)
            elif kind == "TEXT":
                labels.append(str(child.dxf.get("text", "")))
        if not arcs:
            return
        door = door_of_arcs(arcs, straight_segments(straight), roles.is_door)
        if door is not None:
            number = next((text for text in labels if text.strip()), "")
            facts = (" ".join(number.split()), "", layer, "proxy opening")
            self.result.doors += place_swings(
                lambda x, y: (x, y), door, facts, self.key(proxy)
            )

    def _outline(self, entity: Any, layer: str, points: list[Any]) -> None:
        if entity.is_closed:
            self.result.closed_outlines[layer] += 1
        elif len(points) < 4 or not points[0].isclose(points[-1]):
            return
        if self.roles.is_space(layer):
            xy = tuple((p.x, p.y) for p in points)
            self.result.outlines.append(RawOutline(self.key(entity), xy, layer))

    def _hatch_outlines(self, hatch: Any, layer: str, rings: list[list[Any]]) -> None:
        """The outer boundaries of a hatch on a room layer are room outlines.

        Edges that do not join end to start give none (ezdxf joins them anyway);
        the fast reader decides the same way.
        """
        if not self.roles.is_space(layer):
            return
        paths = list(hatch.paths)
        if len(paths) != len(rings):
            return
        xy = [
            [(p.x, p.y) for p in ring] if _joins(path) else []
            for path, ring in zip(paths, rings, strict=True)
        ]
        outer = outer_rings(xy)
        if outer:
            self._rings(hatch, layer, [rings[i] for i in outer])

    def _rings(self, entity: Any, layer: str, rings: list[list[Any]]) -> None:
        """Closed curves on a room layer as outlines: one key, ``#2`` for a second."""
        if not self.roles.is_space(layer):
            return
        key = self.key(entity)
        for position, ring in enumerate(rings):
            xy = tuple((p.x, p.y) for p in ring)
            self.result.outlines.append(RawOutline(hatch_key(key, position), xy, layer))

    def _skip(self, entity: Any, reason: str) -> None:
        self.result.skip(SkipReason.IN_BLOCK, entity.dxftype())

    def _add(self, layer: str, segment: tuple[float, float, float, float]) -> None:
        self.result.segments.setdefault(layer, array("d")).extend(segment)
        self.result.segment_count += 1
        if self.glazing:
            self.result.window_segments.extend(segment)

    def _add_path(self, layer: str, path: Any) -> list[Any]:
        """Add the path's flattened segments; returns the last sub-path's points."""
        if len(path) == 0:
            return []
        distance = self.limits.flatten_distance
        if path.has_curves:
            size = curve_size(path.control_vertices())
            if size is None:  # flattening it would never end
                self.result.skip(SkipReason.ABSURD_CURVE)
                return []
            distance = max(distance, size / CURVE_CHORDS)
            self.result.largest_curve = max(self.result.largest_curve, size)
        target = self.result.segments.setdefault(layer, array("d"))
        points: list[Any] = []
        for sub_path in path.sub_paths():
            points = list(sub_path.flattening(distance, segments=8))
            for start, end in itertools.pairwise(points):
                target.extend((start.x, start.y, end.x, end.y))
                if self.glazing:
                    self.result.window_segments.extend((start.x, start.y, end.x, end.y))
            self.result.segment_count += max(len(points) - 1, 0)
        return points

    def _add_text(self, entity: Any, kind: str, layer: str) -> None:
        text = entity.plain_text() if kind == "MTEXT" else entity.dxf.get("text", "")
        text = decode_name(" ".join(str(text).split()))  # R2000-R2004 \U+ escapes
        if not text:
            return
        insert = entity.dxf.get("insert")
        if kind != "MTEXT" and entity.dxf.get("halign", 0) + entity.dxf.get(
            "valign", 0
        ):
            insert = entity.dxf.get("align_point", insert)
        if insert is None:
            return
        if kind != "MTEXT":
            insert = entity.ocs().to_wcs(insert)
        height = entity.dxf.get("char_height" if kind == "MTEXT" else "height", 1.0)
        self.result.texts.append(
            RawText(text, insert.x, insert.y, height, _rotation(entity, kind), layer)
        )

    def _tick(self) -> None:
        self.result.visited += 1
        if self.result.visited > self.limits.max_entities:
            raise limit_error("entities", self.limits.max_entities)
        if self.result.segment_count > self.limits.max_segments:
            raise limit_error("line segments", self.limits.max_segments)
        if self.result.visited % 2048 == 0:
            stop_if_late_or_cancelled(
                self.deadline, self.limits.timeout_s, self.cancelled
            )


class ImportCancelledError(PlanReadError):
    """The user cancelled a running import."""


def stop_if_late_or_cancelled(
    deadline: float, timeout_s: float, cancelled: CancelCheck | None
) -> None:
    """Stop a walk past its deadline or when the user cancelled (both readers).

    Raises:
        PlanReadError: the walk took too long.
        ImportCancelledError: the user cancelled.
    """
    if time.monotonic() > deadline:
        raise PlanReadError(
            f"Reading the drawing took longer than {timeout_s:.0f} s and was "
            "stopped. Export only the floor plan and try again."
        )
    if cancelled is not None and cancelled():
        raise ImportCancelledError("The import was cancelled.")


def walk_entities(
    entities: Iterable[Any],
    limits: WalkLimits | None = None,
    cancelled: CancelCheck | None = None,
    xrefs: XrefResolver | None = None,
    progress: ProgressReport | None = None,
    roles: LayerRoles = DEFAULT_ROLES,
) -> WalkResult:
    """Collect segments, texts and counts from ``entities`` (a layout or a block).

    XREFs are drawn when ``readers.dxf.xrefs`` can resolve them, else skipped and
    counted.
    ``roles`` say which layers hold doors, windows and room outlines.

    Example:
        >>> import ezdxf
        >>> msp = ezdxf.new().modelspace()
        >>> _ = msp.add_line((0, 0), (3, 0), {"layer": "WALL"})
        >>> _ = msp.add_circle((0, 0), 1e300)
        >>> found = walk_entities(msp)
        >>> list(found.segments["WALL"]), dict(found.skipped)
        ([0.0, 0.0, 3.0, 0.0], {'curves with absurd coordinates': 1})
    """
    walker = _Walker(limits or WalkLimits(), cancelled, xrefs, progress, roles)
    return walker.walk(entities)


def _inherit(entity: Any, parent_layer: str) -> str:
    """Entities on layer 0 inside a block draw on the layer of the block reference."""
    layer = layer_name(entity)
    return parent_layer if layer == "0" else layer


def _joins(path: Any) -> bool:
    """Whether a hatch boundary is a polyline or edges that join end to start."""
    edges = getattr(path, "edges", None)
    if edges is None:
        return True
    ends = [
        [
            (e.real_start_point.x, e.real_start_point.y),
            (e.real_end_point.x, e.real_end_point.y),
        ]
        for e in edges
    ]
    return chained(ends) is not None


def _single_inserts(insert: Any) -> Iterator[Any]:
    if insert.mcount > 1:
        yield from insert.multi_insert()
    else:
        yield insert


def _rotation(entity: Any, kind: str) -> float:
    if kind == "MTEXT":
        return float(entity.get_rotation())
    return float(entity.dxf.get("rotation", 0.0))


def _drawn_middle(block: Any) -> Any:
    """The middle of what a block draws, in its coordinates (else its base point).

    A fixture's base point is usually on the wall it stands against, which is
    also the next room's wall; the middle of its drawing is in its own room.
    """
    from ezdxf import bbox

    box = bbox.extents(block, fast=True)
    return box.center if box.has_data else block.base_point
