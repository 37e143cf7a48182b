"""The quiet records of a run, read all at once with numpy.

Most of a plan is LINEs, ARCs, CIRCLEs and plain LWPOLYLINEs that draw segments and
nothing else: no door arc, no room outline, no text. Read one record at a time they
cost tens of microseconds each in Python; here all such records of a run are read
together (their group codes found in the numpy code table, their values converted
in one pass, their arcs flattened in one numpy call) into one segment table in
drawing order. The walk adds them between the records it still reads one by one, so
its result is the same, down to the order of a layer's segments. A record that is at
all unusual (a bulge, a tilted plane, a value that is not a number, an arc on a door
layer, an outline on a room layer...) is left to the one-by-one path.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from designreview.readers.dxf.document import ABSURD_UNITS
from designreview.readers.dxf.fast.entities import (
    _FLAT,
    _MIRROR,
    apply,
    arc_span,
    chords,
    curve_step,
)

if TYPE_CHECKING:
    from designreview.readers.dxf.fast.tags import TagFile

__all__ = ["QUIET_KINDS", "Quiet", "QuietRules", "quiet_records"]

_LINE, _ARC, _CIRCLE, _LWPOLYLINE = b"LINE", b"ARC", b"CIRCLE", b"LWPOLYLINE"
QUIET_KINDS = frozenset({_LINE, _ARC, _CIRCLE, _LWPOLYLINE})
"""The record types read in bulk (a test empties it to compare with the slow path)."""
_CHILDREN = frozenset({b"ATTRIB", b"VERTEX"})
"""Records that join the entity before them (see ``records.entities_among``)."""


@dataclass(frozen=True, slots=True)
class QuietRules:
    """Which records of a run are quiet, i.e. only draw segments."""

    top_level: bool
    """Model space: every entity needs a handle, and an ARC is quiet unless it is on
    a door layer. In a block an ARC may make a door, so it is never quiet."""
    model_handle: str | None
    """Skip records outside model space (the owner test of the ENTITIES section);
    None for runs that are all model space (a block, ``*MODEL_SPACE``)."""
    is_door: Callable[[str], bool]
    is_space: Callable[[str], bool]
    distance: float
    """Curves are flattened to within this distance (drawing units)."""


@dataclass(slots=True)
class Quiet:
    """The quiet records of a run and their segments, in drawing order."""

    starts: list[int]
    """The tag index of each quiet record's ``0`` tag, ascending."""
    layers: list[str]
    """Layer names by layer id."""
    layer_ids: np.ndarray
    offsets: np.ndarray
    """Record ``i`` drew rows ``offsets[i]:offsets[i + 1]`` of ``segments``."""
    segments: np.ndarray
    """``(rows, 4)``: x1, y1, x2, y2."""
    row_layers: np.ndarray
    straight: np.ndarray
    """Per row: drawn by a LINE or LWPOLYLINE (a block's door leaf candidates)."""
    closed: np.ndarray
    """Per record: a polyline flagged closed."""
    curve: np.ndarray
    """Per record: the size of its curve (0 for straight records)."""
    taken: set[int]
    """Starts of the quiet records and of those outside model space: the walk reads
    every other record one by one."""


def quiet_records(tags: TagFile, starts: list[int], rules: QuietRules) -> Quiet:
    """The quiet records among the records at ``starts`` (the last closes the run)."""
    values = tags.values
    kinds = [values[start].strip() for start in starts[:-1]]
    wanted = QUIET_KINDS if rules.top_level else QUIET_KINDS - {_ARC}
    # Leaving out a record just before an ATTRIB or VERTEX would hand that child to
    # an earlier INSERT or POLYLINE.
    followed = [*kinds[1:], b""][: len(kinds)]
    candidates = [
        position
        for position, (kind, after) in enumerate(zip(kinds, followed, strict=True))
        if kind in wanted and after not in _CHILDREN
    ]
    if not candidates:
        return _assemble(None, [], starts)
    table = _Table(tags, starts, candidates)
    keep = table.selected(rules)
    parts = [
        _lines(table, keep & table.kind_is(_LINE)),
        _arcs(table, keep & (table.kind_is(_ARC) | table.kind_is(_CIRCLE)), rules),
        _lwpolylines(table, keep & table.kind_is(_LWPOLYLINE), rules),
    ]
    return _assemble(table, parts, starts)


@dataclass(slots=True)
class _Part:
    """Quiet records of one kind: candidate indices, rows, segments and flags."""

    chosen: np.ndarray
    """Indices into the candidates, ascending."""
    rows: np.ndarray
    segments: np.ndarray
    closed: np.ndarray
    curve: np.ndarray
    straight: bool


class _Table:
    """The candidates' group codes and values, found with numpy."""

    def __init__(self, tags: TagFile, starts: list[int], candidates: list[int]) -> None:
        self.tags, self.starts = tags, starts
        self.positions = np.array(candidates, dtype=np.int64)
        self.starts_np = np.asarray(starts, dtype=np.int64)
        # The candidates' tags, each with its candidate: codes are looked up there
        # only, not in the whole run (an R12 plan of POLYLINEs has few candidates).
        begins = self.starts_np[self.positions] + 1
        lengths = self.starts_np[self.positions + 1] - begins
        firsts = np.cumsum(lengths) - lengths
        serial = np.arange(int(lengths.sum())) - np.repeat(firsts, lengths)
        self.tag_index = np.repeat(begins, lengths) + serial
        self.tag_owner = np.repeat(np.arange(len(candidates)), lengths)
        self.codes = tags.code_array[self.tag_index]
        self.kinds = [tags.values[starts[at]].strip() for at in candidates]
        ids: dict[str, int] = {}
        by_raw: dict[bytes, int] = {}  # a layer's name repeats: decode it once
        layer_ids = []
        values = tags.values
        for index in self.first(8).tolist():
            raw = values[index] if index >= 0 else b""
            found = by_raw.get(raw)
            if found is None:
                name = (tags.text(index) if index >= 0 else "") or "0"
                found = by_raw[raw] = ids.setdefault(name, len(ids))
            layer_ids.append(found)
        self.layer_names = list(ids)
        self.layer_ids = np.array(layer_ids, dtype=np.int64)

    def kind_is(self, kind: bytes) -> np.ndarray:
        return np.array([k == kind for k in self.kinds], dtype=bool)

    def hits(self, code: int) -> tuple[np.ndarray, np.ndarray]:
        """Every tag of ``code`` in a candidate: tag indices and candidate indices."""
        mine = self.codes == code
        return self.tag_index[mine], self.tag_owner[mine]

    def first(self, code: int) -> np.ndarray:
        """Per candidate, the index of the first tag of ``code``, -1 when absent."""
        found, owners = self.hits(code)
        first = np.full(len(self.positions), -1, dtype=np.int64)
        if len(found):
            leads = np.ones(len(found), dtype=bool)
            leads[1:] = owners[1:] != owners[:-1]
            first[owners[leads]] = found[leads]
        return first

    def numbers(self, code: int, default: float) -> tuple[np.ndarray, np.ndarray]:
        """Per candidate: the first value of ``code``, and whether it is a number.

        ``default`` when the code is absent.
        """
        return _floats(self.tags.values, self.first(code), default)

    def selected(self, rules: QuietRules) -> np.ndarray:
        """Candidates with a handle (model space) that are inside model space."""
        tags = self.tags
        keep = np.ones(len(self.positions), dtype=bool)
        if rules.top_level:
            handles = self.first(5)
            keep &= handles >= 0
            raw = [tags.values[index] for index in handles[keep].tolist()]
            if not all(map(bytes.isalnum, raw)):  # hex digits, as a rule
                keep[keep] = [bool(tags.text(index).strip()) for index in handles[keep]]
        if rules.model_handle is not None:
            keep &= self.first(102) < 0  # owners inside reactor groups: one by one
            self.outside = ~_in_model_space(self, rules.model_handle, keep)
        else:
            self.outside = np.zeros(len(self.positions), dtype=bool)
        quiet: np.ndarray = keep & ~self.outside
        return quiet

    def extrusion(self) -> tuple[np.ndarray, np.ndarray]:
        """Per candidate: whether its OCS is the plan (up or down), whether down."""
        x, x_ok = self.numbers(210, 0.0)
        y, y_ok = self.numbers(220, 0.0)
        z, z_ok = self.numbers(230, 1.0)
        with np.errstate(invalid="ignore"):
            flat = (
                x_ok & y_ok & z_ok
                & np.isfinite(x) & np.isfinite(y) & np.isfinite(z)
                & (np.abs(x) <= _FLAT) & (np.abs(y) <= _FLAT) & (z != 0.0)
            )  # fmt: skip
        return flat, z < 0.0


def _in_model_space(table: _Table, model_handle: str, keep: np.ndarray) -> np.ndarray:
    """Per candidate: inside model space, as the walk's ``_in_model_space``.

    A record whose flag is unreadable is dropped from ``keep``: read one by one, it
    fails the same way.
    """
    tags, values = table.tags, table.tags.values
    owners = table.first(330).tolist() if model_handle else [-1] * len(keep)
    flags = table.first(67).tolist()
    inside = np.ones(len(keep), dtype=bool)
    owned: dict[bytes, bool | None] = {}  # most records share one owner
    for at, (owner_at, flag_at) in enumerate(zip(owners, flags, strict=True)):
        if not keep[at]:
            continue
        raw = values[owner_at] if owner_at >= 0 else b""
        if raw not in owned:
            owner = tags.text(owner_at).strip().upper() if owner_at >= 0 else ""
            owned[raw] = (owner == model_handle) if owner else None
        if (decided := owned[raw]) is not None:
            inside[at] = decided
            continue
        try:
            inside[at] = flag_at < 0 or int(values[flag_at]) != 1
        except ValueError:
            keep[at] = False
    return inside


def _floats(
    values: list[bytes], first: np.ndarray, default: float
) -> tuple[np.ndarray, np.ndarray]:
    """``float()`` of the values at ``first`` (``default`` for -1), and which read."""
    result = np.full(len(first), default, dtype=np.float64)
    ok = np.ones(len(first), dtype=bool)
    present = np.flatnonzero(first >= 0)
    raw = [values[index] for index in first[present].tolist()]
    try:
        result[present] = list(map(float, raw))
    except ValueError:
        for at, text in zip(present.tolist(), raw, strict=True):
            try:
                result[at] = float(text)
            except ValueError:
                ok[at] = False
    return result, ok


def _empty_part(straight: bool) -> _Part:
    return _Part(
        np.empty(0, dtype=np.int64),
        np.empty(0, dtype=np.int64),
        np.empty((0, 4)),
        np.empty(0, dtype=bool),
        np.empty(0),
        straight,
    )


def _lines(table: _Table, chosen: np.ndarray) -> _Part:
    columns = [table.numbers(code, 0.0) for code in (10, 20, 11, 21)]
    for _, ok in columns:
        chosen = chosen & ok
    picked = np.flatnonzero(chosen)
    if not len(picked):
        return _empty_part(True)
    segments = np.column_stack([column[picked] for column, _ in columns])
    return _Part(
        picked,
        np.ones(len(picked), dtype=np.int64),
        segments,
        np.zeros(len(picked), dtype=bool),
        np.zeros(len(picked)),
        True,
    )


def _arcs(table: _Table, chosen: np.ndarray, rules: QuietRules) -> _Part:
    """ARCs (model space, off door layers) and CIRCLEs, as ``shapes._arc``."""
    (cx, cx_ok), (cy, cy_ok) = table.numbers(10, 0.0), table.numbers(20, 0.0)
    radius, radius_ok = table.numbers(40, 0.0)
    start, start_ok = table.numbers(50, 0.0)
    end, end_ok = table.numbers(51, 0.0)
    flat, down = table.extrusion()
    circle = table.kind_is(_CIRCLE)
    with np.errstate(invalid="ignore", over="ignore"):
        size = 2 * radius
        chosen = (
            chosen & cx_ok & cy_ok & radius_ok & flat
            & np.isfinite(cx) & np.isfinite(cy)
            & np.isfinite(size) & (size < ABSURD_UNITS) & (radius > 0)
            & (circle | (start_ok & end_ok))
        )  # fmt: skip
    doors = [rules.is_door(name) for name in table.layer_names]
    on_door = np.array(doors, dtype=bool)[table.layer_ids] if doors else circle
    chosen &= circle | ~on_door
    picked = np.flatnonzero(chosen)
    if not len(picked):
        return _empty_part(False)
    counts, bases, steps = [], [], []
    for r, first, last, whole in zip(
        radius[picked].tolist(),
        start[picked].tolist(),
        end[picked].tolist(),
        circle[picked].tolist(),
        strict=True,
    ):
        first, span = (0.0, 360.0) if whole else (first, arc_span(first, last))
        span_rad = math.radians(span)
        number = chords(r, span_rad, curve_step(rules.distance, 2 * r))
        counts.append(number)
        bases.append(math.radians(first))
        steps.append(span_rad / number)
    chords_of = np.array(counts, dtype=np.int64)
    points = _curve_points(
        chords_of + 1, cx[picked], cy[picked], radius[picked], bases, steps
    )
    return _polyline_part(
        picked, chords_of + 1, points, down[picked], straight=False,
        closed=np.zeros(len(picked), dtype=bool), curve=2 * radius[picked],
    )  # fmt: skip


def _curve_points(
    sizes: np.ndarray,
    cx: np.ndarray,
    cy: np.ndarray,
    radius: np.ndarray,
    bases: list[float],
    steps: list[float],
) -> np.ndarray:
    """The points of many arcs, with ``arc_points``' arithmetic element by element."""
    firsts = np.cumsum(sizes) - sizes
    serial = np.arange(int(sizes.sum())) - np.repeat(firsts, sizes)
    angles = np.repeat(np.array(bases), sizes) + serial * np.repeat(
        np.array(steps), sizes
    )
    points = np.empty((len(angles), 2))
    radii = np.repeat(radius, sizes)
    points[:, 0] = np.repeat(cx, sizes) + radii * np.cos(angles)
    points[:, 1] = np.repeat(cy, sizes) + radii * np.sin(angles)
    return points


def _polyline_part(
    picked: np.ndarray,
    sizes: np.ndarray,
    points: np.ndarray,
    down: np.ndarray,
    *,
    straight: bool,
    closed: np.ndarray,
    curve: np.ndarray,
) -> _Part:
    """Polylines of ``sizes`` points each, stacked in ``points``, as segments."""
    if down.any():
        mirrored = np.repeat(down, sizes)
        points[mirrored] = apply(_MIRROR, points[mirrored])
    segments = np.empty((max(len(points) - 1, 0), 4))
    segments[:, :2] = points[:-1]
    segments[:, 2:] = points[1:]
    ends = np.cumsum(sizes)[:-1] - 1  # the row joining one polyline to the next
    keep = np.ones(len(segments), dtype=bool)
    keep[ends] = False
    return _Part(picked, sizes - 1, segments[keep], closed, curve, straight)


def _lwpolylines(table: _Table, chosen: np.ndarray, rules: QuietRules) -> _Part:
    """Plain LWPOLYLINEs (no bulge) whose outline, if any, is on no room layer."""
    values = table.tags.values
    xs_at, x_owner = table.hits(10)
    ys_at, y_owner = table.hits(20)
    total = len(table.positions)
    xs_count = np.bincount(x_owner, minlength=total)
    ys_count = np.bincount(y_owner, minlength=total)
    chosen = chosen & (xs_count == ys_count) & (xs_count >= 2)
    # Each vertex must be a 10 then its 20, as ``shapes._lwpolyline`` pairs them;
    # with equal counts per polyline the two lists line up one to one.
    xs_at, x_owner = xs_at[chosen[x_owner]], x_owner[chosen[x_owner]]
    ys_at, y_owner = ys_at[chosen[y_owner]], y_owner[chosen[y_owner]]
    bad = xs_at >= ys_at
    bad[:-1] |= (ys_at[:-1] > xs_at[1:]) & (x_owner[:-1] == x_owner[1:])
    chosen[x_owner[bad]] = False
    bulge_at, bulge_owner = table.hits(42)
    bulges, bulge_ok = _floats(values, bulge_at, 0.0)
    curved = np.zeros(total, dtype=bool)
    curved[bulge_owner[(bulges != 0.0) | ~bulge_ok]] = True
    flags_at = table.first(70)
    flags = np.zeros(total, dtype=np.int64)
    for at in np.flatnonzero(chosen & (flags_at >= 0)).tolist():
        try:
            flags[at] = int(values[flags_at[at]])
        except ValueError:
            chosen[at] = False
    flat, down = table.extrusion()
    chosen &= ~curved & flat
    xs, xs_ok = _floats(values, xs_at, 0.0)
    ys, ys_ok = _floats(values, ys_at, 0.0)
    finite = xs_ok & ys_ok & np.isfinite(xs) & np.isfinite(ys)
    chosen &= np.bincount(x_owner[~finite], minlength=total) == 0
    picked = np.flatnonzero(chosen)
    if not len(picked):
        return _empty_part(True)
    vertex = np.isin(x_owner, picked)
    sizes = xs_count[picked]
    px, py = xs[vertex], ys[vertex]
    firsts = np.cumsum(sizes) - sizes
    lasts = firsts + sizes - 1
    closed = (flags[picked] & 1).astype(bool)
    closing = closed & ((px[firsts] != px[lasts]) | (py[firsts] != py[lasts]))
    points = _with_closing_points(px, py, sizes, closing)
    part = _polyline_part(
        picked, sizes + closing, points, down[picked], straight=True,
        closed=closed, curve=np.zeros(len(picked)),
    )  # fmt: skip
    outline = closed | _closes(points, sizes + closing)
    quiet = _quiet_outlines(table, picked, outline, rules)
    if quiet.all():
        return part
    return _subset(part, quiet)


def _with_closing_points(
    px: np.ndarray, py: np.ndarray, sizes: np.ndarray, closing: np.ndarray
) -> np.ndarray:
    """The vertices, each closed polyline's first vertex repeated at its end."""
    lengths = sizes + closing
    line_firsts = np.cumsum(lengths) - lengths
    vertex_firsts = np.cumsum(sizes) - sizes
    serial = np.arange(len(px)) - np.repeat(vertex_firsts, sizes)
    points = np.empty((int(lengths.sum()), 2))
    where = np.repeat(line_firsts, sizes) + serial
    points[where, 0] = px
    points[where, 1] = py
    ends = (line_firsts + sizes)[closing]
    points[ends, 0] = px[vertex_firsts[closing]]
    points[ends, 1] = py[vertex_firsts[closing]]
    return points


def _closes(points: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Per polyline: at least 4 points, last on first (``shapes._same_point``)."""
    firsts = np.cumsum(lengths) - lengths
    first, last = points[firsts], points[firsts + lengths - 1]
    bound = np.maximum(1e-9 * np.maximum(np.abs(first), np.abs(last)), 1e-12)
    same = (np.abs(first - last) <= bound).all(axis=1)
    closed: np.ndarray = (lengths >= 4) & same
    return closed


def _quiet_outlines(
    table: _Table, picked: np.ndarray, outline: np.ndarray, rules: QuietRules
) -> np.ndarray:
    """Outlines that could become a room are read one by one (they need keys)."""
    spaces = [
        rules.is_space(name) or (not rules.top_level and name == "0")
        for name in table.layer_names
    ]
    on_space = np.array(spaces, dtype=bool)[table.layer_ids[picked]]
    quiet: np.ndarray = ~(outline & on_space)
    return quiet


def _subset(part: _Part, keep: np.ndarray) -> _Part:
    row_keep = np.repeat(keep, part.rows)
    return _Part(
        part.chosen[keep],
        part.rows[keep],
        part.segments[row_keep],
        part.closed[keep],
        part.curve[keep],
        part.straight,
    )


def _assemble(table: _Table | None, parts: list[_Part], starts: list[int]) -> Quiet:
    """The parts merged in drawing order."""
    if table is None or not parts:
        empty = np.empty(0, dtype=np.int64)
        return Quiet([], [], empty, np.zeros(1, dtype=np.int64), np.empty((0, 4)),
                     empty, np.empty(0, dtype=bool), np.empty(0, dtype=bool),
                     np.empty(0), set())  # fmt: skip
    chosen = np.concatenate([part.chosen for part in parts])
    order = np.argsort(chosen, kind="stable")
    chosen = chosen[order]
    sizes = np.concatenate([part.rows for part in parts])[order]
    offsets = np.zeros(len(chosen) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    segments = np.empty((int(offsets[-1]), 4))
    straight = np.empty(int(offsets[-1]), dtype=bool)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    done = 0
    for part in parts:
        n = len(part.chosen)
        if n:
            firsts = np.cumsum(part.rows) - part.rows
            serial = np.arange(len(part.segments)) - np.repeat(firsts, part.rows)
            where = np.repeat(offsets[rank[done : done + n]], part.rows) + serial
            segments[where] = part.segments
            straight[where] = part.straight
        done += n
    layer_ids = table.layer_ids[chosen]
    record_starts = table.starts_np[table.positions[chosen]].tolist()
    outside = table.starts_np[table.positions[table.outside]].tolist()
    return Quiet(
        starts=record_starts,
        layers=table.layer_names,
        layer_ids=layer_ids,
        offsets=offsets,
        segments=segments,
        row_layers=np.repeat(layer_ids, sizes),
        straight=straight,
        closed=np.concatenate([part.closed for part in parts])[order],
        curve=np.concatenate([part.curve for part in parts])[order],
        taken={*record_starts, *outside},
    )
