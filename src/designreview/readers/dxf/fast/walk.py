"""One pass over model space from the tag table, each block drawn only once.

A block's geometry (its own entities and, recursively, the blocks it places) is
flattened once into per-layer segment arrays in block coordinates; each INSERT then
costs one affine transform of those arrays. Layer ``0`` inside a block stays ``0``
until an insert places it, when it takes the insert's layer, as CAD programs draw it.

Doors, door-layer arcs and room outlines need keys that stay the same from one import to
the next and match the keys the ezdxf walk (``readers.dxf.walk``) gives: the handle of
the top-level entity and a serial number in drawing order. They are kept as ordered
events per block and replayed for each placement, so the serials count exactly the
things the ezdxf walk counts. The result is the same :class:`WalkResult`.
"""

from __future__ import annotations

import itertools
import math
import time
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from designreview.model.errors import PlanReadError
from designreview.readers.dxf.document import limit_error
from designreview.readers.dxf.doors import (
    BlockDoor,
    door_of_arcs,
    door_of_insert,
    is_window_name,
    number_and_hardware,
    place_swings,
)
from designreview.readers.dxf.fast.bulk import Quiet, QuietRules, quiet_records
from designreview.readers.dxf.fast.entities import (
    IDENTITY,
    AbsurdCurveError,
    Affine,
    Record,
    UnsupportedError,
    apply,
    ocs_affine,
)
from designreview.readers.dxf.fast.quiet_walk import QuietCursor
from designreview.readers.dxf.fast.records import BlockDef, Entity, entities_among
from designreview.readers.dxf.fast.shapes import (
    BLOCK_DRAWN,
    DRAWN,
    NEEDS_EZDXF,
    ArcShape,
    shape_of,
    text_shape,
)
from designreview.readers.dxf.fast.tables import model_space_handle, owner_handle
from designreview.readers.dxf.outline_rings import hatch_key
from designreview.readers.dxf.walk import NOT_DRAWN_TYPES, stop_if_late_or_cancelled
from designreview.recognition.found import (
    RawArc,
    RawFixture,
    RawOutline,
    RawText,
    SkipReason,
    WalkResult,
)
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.rooms.fixtures import fixture_type

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.readers.dxf.document import WalkLimits
    from designreview.readers.dxf.fast.tags import TagFile

__all__ = ["walk_model_space"]

_REPORT_EVERY = 512


@dataclass(slots=True)
class _Event:
    """Something placed with a key, in drawing order."""

    kind: str
    """``arc``, ``outline``, ``insert`` or ``notation``."""
    layer: str
    handle: str | None
    """The top-level entity's handle; None inside a block."""
    arc: ArcShape | None = None
    points: np.ndarray | None = None
    block: str = ""
    affine: Affine = field(default_factory=lambda: IDENTITY)
    attribs: tuple[tuple[str, str], ...] = ()
    more: tuple[np.ndarray, ...] = ()
    """An outline's further rings (a hatch's other outer boundaries)."""


@dataclass(slots=True)
class _Content(WalkResult):
    """What a block draws, in its own coordinates, nested blocks included.

    The walk's own result is the content of model space, once its keyed events
    (doors, door arcs, room outlines) have been replayed.
    """

    events: list[_Event] = field(default_factory=list)
    own_arcs: list[RawArc] = field(default_factory=list)
    own_straight: list[float] = field(default_factory=list)
    door: BlockDoor | None = None


class _Keys:
    """Keys of doors, door arcs and outlines, as the ezdxf walk makes them.

    A top-level entity's own handle; inside it (a block it places), the handle and
    a serial number counted in drawing order (``2F.3``).
    """

    def __init__(self) -> None:
        self.handle = ""
        self.serial = itertools.count(1)

    def start(self, handle: str) -> None:
        """A new top-level entity: serials count again from 1."""
        self.handle, self.serial = handle, itertools.count(1)

    def of(self, event: _Event) -> str:
        """The event's key; inside a block each call takes the next serial."""
        return event.handle or f"{self.handle}.{next(self.serial)}"


class _FastWalker:
    def __init__(
        self,
        tags: TagFile,
        blocks: dict[str, BlockDef],
        limits: WalkLimits,
        cancelled: Callable[[], bool] | None,
        roles: LayerRoles = DEFAULT_ROLES,
    ) -> None:
        self.tags, self.blocks, self.limits = tags, blocks, limits
        self.roles = roles
        self.cancelled = cancelled
        self.deadline = time.monotonic() + limits.timeout_s
        self.contents: dict[tuple[str, int], _Content] = {}
        self.building: list[str] = []
        self.result = _Content()
        """Model space: what the walk returns."""
        self.ticks = 0
        self.placements: dict[tuple[str, int, str], list[Affine]] = {}
        """Top-level inserts by block, depth budget and layer, placed in bulk."""
        self.block_quiet: Quiet | None = None
        """The quiet records of the BLOCKS section, read on the first block."""

    def quiet(self, starts: list[int], top_level: bool, model: str | None) -> Quiet:
        """The quiet records of a run (:mod:`.bulk`), with the walk's layer rules."""
        roles = self.roles
        distance = self.limits.flatten_distance
        rules = QuietRules(top_level, model, roles.is_door, roles.is_space, distance)
        return quiet_records(self.tags, starts, rules)

    def cursor(
        self, quiet: Quiet, content: _Content, starts: list[int], top_level: bool
    ) -> QuietCursor:
        """Adds the run's quiet records to ``content`` as the walk reaches them."""
        straight = None if top_level else content.own_straight
        limits = self.limits if top_level else None
        span = (starts[0], starts[-1])
        return QuietCursor(quiet, content, span, straight, limits, self.ticked)

    # -- building contents -------------------------------------------------------

    def content(self, name: str, budget: int) -> _Content:
        """The block's content, expanding inserts ``budget`` levels further down."""
        key = (name, budget)
        found = self.contents.get(key)
        if found is not None:
            return found
        if name in self.building:
            raise PlanReadError(
                f"Block {name!r} contains itself (a block reference cycle). The file "
                "is malformed; repair it in the CAD program (AUDIT) and export again."
            )
        block = self.blocks.get(name.upper())
        content = _Content()
        if block is not None:
            if block.is_xref:
                raise UnsupportedError("XREF")
            self.building.append(name)
            try:
                self.add_block(content, block.starts, budget)
            finally:
                self.building.pop()
            straight = np.array(content.own_straight).reshape(-1, 4)
            content.door = _block_door(content.own_arcs, straight, self.roles)
        self.contents[key] = content
        return content

    def add_block(self, content: _Content, starts: list[int], budget: int) -> None:
        """Add a block's entities, the quiet ones in bulk."""
        if self.block_quiet is None:
            section = self.tags.sections["BLOCKS"]
            self.block_quiet = self.quiet(section.starts, top_level=False, model=None)
        quiet = self.block_quiet
        cursor = self.cursor(quiet, content, starts, top_level=False)
        taken = quiet.taken
        others = [at for at, start in enumerate(starts[:-1]) if start not in taken]
        for position, entity in entities_among(self.tags, starts, others):
            cursor.until(starts[position])
            if entity.record.kind != "ATTDEF":
                self.add(content, entity, None, budget)
        cursor.until(starts[-1])

    def add(
        self, content: _Content, entity: Entity, handle: str | None, budget: int
    ) -> None:
        """Add one entity's geometry (and events) to ``content``."""
        self.tick()
        record = entity.record
        kind = record.kind
        layer = record.text(self.tags, 8, "0") or "0"
        content.visited += 1
        if kind in NEEDS_EZDXF:
            raise UnsupportedError(kind)
        try:
            if kind == "INSERT":
                self.add_insert(content, entity, layer, handle, budget)
                return
            if kind in BLOCK_DRAWN:
                self.add_notation(content, entity, layer, handle, budget)
                return
        except (ValueError, ArithmeticError, IndexError, KeyError):
            content.skip(SkipReason.UNREADABLE, kind)  # as the ezdxf walk does
            return
        if kind in NOT_DRAWN_TYPES:
            content.skip(SkipReason.NOT_DRAWN, kind)
            return
        if kind not in DRAWN:
            content.skip(SkipReason.UNSUPPORTED, kind)
            return
        if kind == "LINE":  # most of a plan: no arrays for a single segment
            self.add_line(content, record, layer, handle is None)
            return
        try:
            shape = shape_of(self.tags, entity, self.limits.flatten_distance)
        except AbsurdCurveError:
            content.skip(SkipReason.ABSURD_CURVE)
            return
        except (ValueError, ArithmeticError, IndexError, KeyError):
            content.skip(SkipReason.UNREADABLE, kind)
            return
        for line in shape.lines:
            _add_polyline(content, layer, line)
            if handle is None and kind in {"LWPOLYLINE", "POLYLINE"}:
                content.own_straight.extend(_segments(line).ravel().tolist())
        content.largest_curve = max(content.largest_curve, shape.curve_size)
        if shape.text is not None:
            text = shape.text
            content.texts.append(
                RawText(
                    text.text, text.x, text.y, text.height, text.rotation_deg, layer
                )
            )
        if shape.closed:
            content.closed_outlines[layer] += 1
        if shape.outline is not None:
            content.events.append(
                _Event(
                    "outline",
                    layer,
                    handle,
                    points=shape.outline,
                    more=tuple(shape.more_outlines),
                )
            )
        if shape.arc is not None:
            arc = shape.arc
            content.own_arcs.append(
                RawArc(
                    "", arc.center, arc.radius, arc.ends, arc.mid, arc.span_deg, layer
                )
            )
            content.events.append(_Event("arc", layer, handle, arc=arc))

    def add_line(
        self, content: _Content, record: Record, layer: str, in_block: bool
    ) -> None:
        tags, first = self.tags, record.first
        values = tags.values
        try:
            segment = tuple(
                float(values[first[code]]) if code in first else 0.0
                for code in (10, 20, 11, 21)
            )
        except ValueError:
            content.skip(SkipReason.UNREADABLE, "LINE")
            return
        content.segments.setdefault(layer, array("d")).extend(segment)
        content.segment_count += 1
        if in_block:
            content.own_straight.extend(segment)

    def add_insert(
        self,
        content: _Content,
        entity: Entity,
        layer: str,
        handle: str | None,
        budget: int,
    ) -> None:
        tags, record = self.tags, entity.record
        if record.integer(tags, 70, 1) > 1 or record.integer(tags, 71, 1) > 1:
            raise UnsupportedError("MINSERT")
        if budget <= 0:
            content.skip(SkipReason.NESTED_TOO_DEEP)
            return
        name = record.text(tags, 2)
        content.inserts_by_layer[layer] += 1
        content.block_inserts[name] += 1
        attribs = []
        for child in entity.children:
            if child.kind != "ATTRIB":
                continue
            attribs.append((child.text(tags, 2), child.text(tags, 1)))
            if child.integer(tags, 70) & 1:
                continue  # hidden data (hardware sets) is not drawn
            shape = text_shape(tags, child)
            if shape is not None:
                child_layer = child.text(tags, 8, "0") or "0"
                own = layer if child_layer == "0" else child_layer
                content.texts.append(
                    RawText(
                        shape.text, shape.x, shape.y, shape.height,
                        shape.rotation_deg, own,
                    )
                )  # fmt: skip
        inner = self.content(name, budget - 1)
        affine = _insert_affine(tags, record, self.blocks.get(name.upper()))
        if handle is None:
            _merge(content, inner, affine, layer, self.limits, is_window_name(name))
        else:  # a top-level insert: its geometry is placed with its siblings' later
            content.visited += inner.visited
            content.segment_count += inner.segment_count
            _check_limits(content, self.limits)
            key = (name, budget - 1, layer)
            self.placements.setdefault(key, []).append(affine)
        content.events.append(
            _Event("insert", layer, handle, block=name, affine=affine,
                   attribs=tuple(attribs))
        )  # fmt: skip

    def add_notation(
        self,
        content: _Content,
        entity: Entity,
        layer: str,
        handle: str | None,
        budget: int,
    ) -> None:
        record = entity.record
        if record.extrusion(self.tags) != (0.0, 0.0, 1.0):
            raise UnsupportedError("DIMENSION in a tilted plane")
        name = record.text(self.tags, 2)
        if not name:
            return
        inner = self.content(name, budget - 1)
        # ezdxf moves the geometry block by the clone insertion point (code 12).
        shift = np.array([[1.0, 0.0, record.number(self.tags, 12)],
                          [0.0, 1.0, record.number(self.tags, 22)]])  # fmt: skip
        _merge(content, inner, shift, layer, self.limits, window=False)
        content.events.append(
            _Event("notation", layer, handle, block=name, affine=shift)
        )

    # -- placing keyed things -------------------------------------------------------

    def replay(
        self,
        events: list[_Event],
        affine: Affine,
        parent_layer: str,
        quiet: int,
        keys: _Keys,
        budget: int,
    ) -> None:
        """Turn events into doors, door arcs and outlines with their keys."""
        result = self.result
        for event in events:
            layer = parent_layer if event.layer == "0" else event.layer
            if event.handle is not None:
                keys.start(event.handle)

            if event.kind == "arc" and event.arc is not None:
                # Scaled unevenly an arc becomes an ellipse: no door swing then.
                if not quiet and self.roles.is_door(layer) and _keeps_circles(affine):
                    result.door_arcs.append(
                        _placed_arc(event.arc, affine, layer, keys.of(event))
                    )
            elif event.kind == "outline" and event.points is not None:
                if self.roles.is_space(layer):
                    key = keys.of(event)
                    for position, ring in enumerate((event.points, *event.more)):
                        points = apply(affine, ring).tolist()
                        xy = tuple((x, y) for x, y in points)
                        outline = RawOutline(hatch_key(key, position), xy, layer)
                        result.outlines.append(outline)
            elif event.kind == "insert":
                self.replay_insert(event, affine, layer, quiet, keys, budget)
            elif event.kind == "notation":
                inner = self.content(event.block, budget - 1)
                placed = _compose(affine, event.affine)
                self.replay(inner.events, placed, layer, quiet + 1, keys, budget - 1)

    def replay_insert(
        self,
        event: _Event,
        affine: Affine,
        layer: str,
        quiet: int,
        keys: _Keys,
        budget: int,
    ) -> None:
        inner = self.content(event.block, budget - 1)
        name = event.block
        door = door_of_insert(inner.door, layer, name, self.roles.is_door)
        placed = _compose(affine, event.affine)
        self._place_fixture(name, inner, placed)
        if door is not None:
            key = keys.of(event)

            (a, b, tx), (c, d, ty) = placed.tolist()

            def place(x: float, y: float) -> tuple[float, float]:
                return (a * x + b * y + tx, c * x + d * y + ty)

            number, hardware = number_and_hardware(event.attribs)
            facts = (number, hardware, layer, name)
            self.result.doors += place_swings(place, door, facts, key)
        self.replay(
            inner.events, placed, layer, quiet + (door is not None), keys, budget - 1
        )

    def _place_fixture(self, name: str, inner: _Content, placed: Affine) -> None:
        """A fixture block (a toilet) at the middle of what it draws.

        Not at its base point: fixtures are based on the wall they stand against,
        which is also the next room's wall.
        """
        kind = fixture_type(name)
        if kind is None:
            return
        drawn = [np.frombuffer(b, dtype=np.float64) for b in inner.segments.values()]
        if drawn and sum(len(d) for d in drawn):
            xy = np.concatenate(drawn).reshape(-1, 2)
            bx, by = (xy.min(axis=0) + xy.max(axis=0)) / 2
        else:
            block = self.blocks.get(name.upper())
            bx, by = block.base if block else (0.0, 0.0)
        x, y = placed @ np.array([bx, by, 1.0])
        self.result.fixtures.append(RawFixture(kind, (float(x), float(y))))

    def tick(self) -> None:
        self.ticked(1)

    def ticked(self, count: int) -> None:
        """``count`` more entities read: check the deadline every 2,048."""
        before = self.ticks
        self.ticks += count
        if self.ticks // 2048 != before // 2048:
            stop_if_late_or_cancelled(
                self.deadline, self.limits.timeout_s, self.cancelled
            )


def walk_model_space(
    tags: TagFile,
    blocks: dict[str, BlockDef],
    limits: WalkLimits,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
    roles: LayerRoles = DEFAULT_ROLES,
) -> WalkResult:
    """Everything model space draws, as the ezdxf walk would find it.

    ``roles`` say which layers hold doors, windows and room outlines.

    Raises:
        UnsupportedError: the drawing holds something only ezdxf can read.
        PlanReadError: a limit was passed or the user cancelled.
    """
    walker = _FastWalker(tags, blocks, limits, cancelled, roles)
    section = tags.sections["ENTITIES"]
    model = walker.result
    model_handle = model_space_handle(tags)
    stored = blocks.get("*MODEL_SPACE")  # a few programs keep model space there
    runs = [section.starts] + ([stored.starts] if stored else [])
    for starts in runs:
        owner = model_handle if starts is section.starts else None
        _walk_run(walker, starts, owner, progress, max(len(section.starts), 1))
    for (name, depth, layer), affines in walker.placements.items():
        inner = walker.contents[(name, depth)]
        _place_all(model, inner, np.stack(affines), layer, is_window_name(name))
    walker.replay(model.events, IDENTITY, "0", 0, _Keys(), limits.max_depth)
    return model


def _walk_run(
    walker: _FastWalker,
    starts: list[int],
    model_handle: str | None,
    progress: Callable[[float], None] | None,
    total: int,
) -> None:
    """Add a run of model space: the quiet records in bulk, the others one by one.

    ``model_handle``: the run is the ENTITIES section, where paper-space entities
    are told apart by their owner.
    """
    tags, model, limits = walker.tags, walker.result, walker.limits
    budget = limits.max_depth
    quiet = walker.quiet(starts, top_level=True, model=model_handle)
    cursor = walker.cursor(quiet, model, starts, top_level=True)
    taken = quiet.taken
    others = [at for at, start in enumerate(starts[:-1]) if start not in taken]
    reported = 0
    for position, entity in entities_among(tags, starts, others):
        while progress is not None and reported <= position:
            cursor.until(starts[reported])
            progress(reported / total)
            reported += _REPORT_EVERY
        cursor.until(starts[position])
        record = entity.record
        if model_handle is not None and not _in_model_space(tags, record, model_handle):
            continue
        handle = record.text(tags, 5).strip()
        if not handle:  # ezdxf invents handles; only it can make the same keys
            raise UnsupportedError("entities without handles")
        layer = record.text(tags, 8, "0") or "0"
        model.top_level_counts[layer] += 1
        walker.add(model, entity, handle, budget)
        _check_limits(model, limits)
    while progress is not None and reported < len(starts) - 1:
        cursor.until(starts[reported])
        progress(reported / total)
        reported += _REPORT_EVERY
    cursor.until(starts[-1])


def _in_model_space(tags: TagFile, record: Record, model_handle: str) -> bool:
    """As ezdxf decides: by the owner when the file says it, else by code 67."""
    owner = owner_handle(tags, record) if model_handle else ""
    if owner:
        return owner == model_handle
    return record.integer(tags, 67) != 1


def _check_limits(content: _Content, limits: WalkLimits) -> None:
    if content.visited > limits.max_entities:
        raise limit_error("entities", limits.max_entities)
    if content.segment_count > limits.max_segments:
        raise limit_error("line segments", limits.max_segments)


def _block_door(
    arcs: list[RawArc], straight: np.ndarray, roles: LayerRoles
) -> BlockDoor | None:
    try:
        return door_of_arcs(arcs, straight, roles.is_door)
    except Exception:  # an odd block is still drawn, just not read as a door
        return None


def _segments(line: np.ndarray) -> np.ndarray:
    segments = np.empty((len(line) - 1, 4))
    segments[:, :2] = line[:-1]
    segments[:, 2:] = line[1:]
    return segments


def _add_polyline(content: _Content, layer: str, line: np.ndarray) -> None:
    if len(line) < 2:
        return
    segments = _segments(line)
    content.segments.setdefault(layer, array("d")).frombytes(segments.tobytes())
    content.segment_count += len(segments)


def _merge(
    content: _Content,
    inner: _Content,
    affine: Affine,
    layer: str,
    limits: WalkLimits,
    window: bool,
) -> None:
    """Add ``inner`` placed by ``affine``; its layer 0 becomes ``layer``.

    ``window``: ``inner`` is a window block, all its lines close rooms.
    """
    content.visited += inner.visited
    content.segment_count += inner.segment_count
    _check_limits(content, limits)
    _place_all(content, inner, affine[np.newaxis], layer, window)


def _window_lines(inner: _Content, window: bool) -> list[array[float]]:
    """The lines of ``inner`` that close rooms.

    All of a window block's lines; of any other block, those of the window blocks
    inside it.
    """
    if window:
        return list(inner.segments.values())
    return [inner.window_segments] if inner.window_segments else []


def _place_all(
    content: _Content, inner: _Content, affines: np.ndarray, layer: str, window: bool
) -> None:
    """Add ``inner`` once per affine map of ``affines`` (``(m, 2, 3)``) at once.

    The entity and segment counts were added as each insert was met (so limits
    stop a hostile drawing before this allocates anything).
    """
    count = len(affines)
    linear = affines[:, :, :2]
    if inner.largest_curve:
        det = linear[:, 0, 0] * linear[:, 1, 1] - linear[:, 0, 1] * linear[:, 1, 0]
        content.largest_curve = max(
            content.largest_curve,
            inner.largest_curve * float(np.sqrt(np.abs(det)).max()),
        )
    for inner_layer, buffer in inner.segments.items():
        target = layer if inner_layer == "0" else inner_layer
        content.segments.setdefault(target, array("d")).frombytes(
            _placed_points(buffer, affines)
        )
    for buffer in _window_lines(inner, window):
        content.window_segments.frombytes(_placed_points(buffer, affines))
    for affine in affines.tolist() if inner.texts else ():
        content.texts += [_placed_text(text, affine, layer) for text in inner.texts]
    for counter, inner_counter in (
        (content.inserts_by_layer, inner.inserts_by_layer),
        (content.closed_outlines, inner.closed_outlines),
    ):
        for name, number in inner_counter.items():
            counter[layer if name == "0" else name] += number * count
    for name, number in inner.block_inserts.items():
        content.block_inserts[name] += number * count
    for name, number in inner.skipped.items():
        content.skipped[name] += number * count


def _placed_points(buffer: array[float], affines: np.ndarray) -> bytes:
    """The points of ``buffer`` placed by each affine map, one copy after another."""
    points = np.frombuffer(buffer, dtype=np.float64).reshape(-1, 2)
    linear, offsets = affines[:, :, :2], affines[:, :, 2]
    moved: np.ndarray
    if len(affines) == 1:  # most inserts: plain matrix maths, less overhead
        moved = points @ linear[0].T + offsets[0]
    else:
        moved = np.einsum("mij,nj->mni", linear, points) + offsets[:, None, :]
    return np.ascontiguousarray(moved).tobytes()


def _placed_text(text: RawText, affine: list[list[float]], layer: str) -> RawText:
    """A text of a block where the insert puts it (``affine`` as nested lists)."""
    (a, b, tx), (c, d, ty) = affine
    angle = math.radians(text.rotation_deg)
    cos, sin = math.cos(angle), math.sin(angle)
    up_x, up_y = -a * sin + b * cos, -c * sin + d * cos
    return RawText(
        text.text,
        a * text.x + b * text.y + tx,
        c * text.x + d * text.y + ty,
        text.height * math.hypot(up_x, up_y),
        math.degrees(math.atan2(c * cos + d * sin, a * cos + b * sin)),
        layer if text.layer == "0" else text.layer,
    )


def _placed_arc(arc: ArcShape, affine: Affine, layer: str, key: str) -> RawArc:
    points = apply(affine, np.array([arc.center, *arc.ends, arc.mid])).tolist()
    center, start, end, mid = ((float(x), float(y)) for x, y in points)
    (a, b), (c, d) = affine[:, :2].tolist()
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    return RawArc(
        key, center, arc.radius * scale, (start, end), mid, arc.span_deg, layer
    )


def _insert_affine(tags: TagFile, record: Record, block: BlockDef | None) -> Affine:
    """Block coordinates to the insert's owner, as ezdxf's ``Insert.matrix44``.

    Scale, then rotation, in the insert's OCS, moved so the block's base point lands
    on the insertion point. An OCS seen from below mirrors x (``ocs_affine``).
    """
    n = record.number
    sx, sy = n(tags, 41, 1.0), n(tags, 42, 1.0)
    angle = math.radians(n(tags, 50, 0.0))
    cos, sin = math.cos(angle), math.sin(angle)
    a, b, c, d = cos * sx, -sin * sy, sin * sx, cos * sy
    x, y = n(tags, 10), n(tags, 20)
    ocs = ocs_affine(record.extrusion(tags))
    if ocs is not None:  # the OCS's map applied to the linear part and the point
        (p, q, _), (r, t, _) = ocs.tolist()
        a, b, c, d = p * a + q * c, p * b + q * d, r * a + t * c, r * b + t * d
        x, y = p * x + q * y, r * x + t * y
    bx, by = block.base if block else (0.0, 0.0)
    return np.array([[a, b, x - (a * bx + b * by)], [c, d, y - (c * bx + d * by)]])


def _keeps_circles(affine: Affine) -> bool:
    """Whether the map turns circles into circles (rotation, mirror, even scale)."""
    linear = affine[:, :2]
    gram = linear.T @ linear
    scale = max(float(gram[0, 0]), float(gram[1, 1]), 1e-300)
    return bool(
        abs(gram[0, 0] - gram[1, 1]) <= 1e-9 * scale and abs(gram[0, 1]) <= 1e-9 * scale
    )


def _compose(outer: Affine, inner: Affine) -> Affine:
    affine = np.empty((2, 3))
    affine[:, :2] = outer[:, :2] @ inner[:, :2]
    affine[:, 2] = outer[:, :2] @ inner[:, 2] + outer[:, 2]
    return affine
