"""Reading a DXF drawing into a :class:`~designreview.model.plan.Plan`.

Past 500 lines: reading and building the plan share the unit decision and the walk's
result, and splitting them would pass both through one more module's interface.

The only place where drawing units become metres (STYLE.md section 2); which unit is
decided by ``units.guess`` from the header, the geometry or the user. XREFs are read
by ``readers.dxf.xrefs``, limits are kept by ``readers.dxf.document`` and
``readers.dxf.walk``.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from designreview.model.building import SpaceSource
from designreview.model.errors import PlanReadError
from designreview.model.geometry import Extents
from designreview.model.plan import (
    ExternalReference,
    LayerCategory,
    LayerInfo,
    Linework,
    Plan,
    PlanCounts,
    SegmentArray,
    TextLabel,
)
from designreview.model.units import LengthUnit
from designreview.readers.dxf.document import (
    WalkLimits,
    check_expansion,
    decode_name,
    open_dxf,
    screen_file,
    user_errors,
)
from designreview.readers.dxf.fast import Declined, open_fast
from designreview.readers.dxf.walk import CancelCheck, ProgressReport, walk_entities
from designreview.readers.dxf.xrefs import XrefResolver, xref_warnings
from designreview.recognition.building import (
    Building,
    detect_building,
    door_width_warning,
)
from designreview.recognition.found import WalkResult, skip_message
from designreview.recognition.found_region import within_region
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.units.guess import (
    UnitDecision,
    decide_unit,
    first_scale,
    unit_evidence,
)

if TYPE_CHECKING:
    from array import array


FAR_ORIGIN_M = 10_000.0
"""Drawings further than this from (0, 0) are moved to a local origin."""
_ABSURD_M = 1.0e7
_FLATTEN_M = 0.02
_REWALK = 2.5
"""Walk again when the unit found makes the first walk's chords this much coarser."""
_FEWEST_CHORDS_ERROR = 0.005
"""ezdxf draws a quarter circle with 8 chords or more: off by 0.5% of its size."""
_HEADER = ("$INSUNITS", "$MEASUREMENT", "$DIMSCALE", "$LUNITS")
_DAMAGED = "The file was damaged; recover mode repaired it."
_FAST_READ_SHARE = 0.1
"""Of the progress bar: splitting the file into tags, for the fast reader."""
_EZDXF_READ_SHARE = 0.5
"""Of the progress bar: ezdxf's reading, which reports nothing while it runs."""
_WALKED_SHARE = 0.9
"""Of the progress bar: the rest is finding doors and rooms."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Choices the user can make about an import."""

    layout: str | None = None
    """A paper-space layout name; None means model space."""
    unit: LengthUnit | None = None
    """Overrides the drawing's own unit."""
    scale_to_m: float | None = None
    """Metres per drawing unit from a two-point calibration; overrides the unit's."""
    xref_folders: tuple[Path, ...] = ()
    """More folders to look for XREFs in, after the drawing's own folder."""
    limits: WalkLimits = field(default_factory=WalkLimits)
    fast_reader: bool = True
    """Read model space with the fast tag reader where it can; False always uses
    ezdxf (to compare the two, or when a drawing reads oddly)."""
    roles: LayerRoles = DEFAULT_ROLES
    """What the layers hold: the reviewer's corrections over the shipped rules.
    Doors, windows, rooms, room names and the unit evidence all follow them."""
    region: Extents | None = None
    """Only what lies in this box (drawing units) is read: one of several floors
    drawn side by side. None reads the whole layout. The unit is still decided
    from the whole drawing, so every floor of it is read at the same scale."""


def read_dxf(
    path: Path,
    options: ImportOptions | None = None,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
) -> Plan:
    """Read the DXF file at ``path`` into a plan in metres.

    Besides the linework and texts, the plan holds the doors (door blocks, swing
    arcs) and rooms (closed outlines with their labels) the drawing shows, the XREFs
    it references, and a report of the unit it was read in and why.

    ``progress`` is told the share done (0 to 1) as the reading goes on; ``cancelled``
    is asked as often and stops the import when it answers True.

    Raises:
        PlanReadError: with a message for the user when the file cannot be used.

    Example:
        >>> import ezdxf, tempfile, pathlib
        >>> doc = ezdxf.new()
        >>> doc.header["$INSUNITS"] = 4
        >>> _ = doc.modelspace().add_line((0, 0), (12_000, 0), {"layer": "WALL"})
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     doc.saveas(pathlib.Path(folder, "wall.dxf"))
        ...     plan = read_dxf(pathlib.Path(folder, "wall.dxf"))
        >>> plan.units.name, plan.extents.width, plan.unit_report.source.value
        ('MILLIMETRE', 12.0, 'header')
    """
    options = options or ImportOptions()
    return read_dxf_regions(path, (options.region,), options, cancelled, progress)[0]


def read_dxf_regions(
    path: Path,
    regions: tuple[Extents | None, ...],
    options: ImportOptions | None = None,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
) -> tuple[Plan, ...]:
    """One plan per region of the drawing at ``path``, reading the file once.

    Floors drawn side by side share the file, its unit and its layers, yet each
    has its own walls, doors and rooms: the file is read and walked once, and what
    lies in each region (drawing units; None for all of it) becomes a plan.
    ``options.region`` is not used.

    Raises:
        PlanReadError: with a message for the user when the file cannot be used.

    Example:
        >>> import ezdxf, tempfile, pathlib
        >>> from designreview.model.geometry import Extents
        >>> doc = ezdxf.new()
        >>> doc.header["$INSUNITS"] = 6
        >>> for x in (0, 50):
        ...     _ = doc.modelspace().add_line((x, 0), (x + 12, 0), {"layer": "WALL"})
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     doc.saveas(pathlib.Path(folder, "two.dxf"))
        ...     left, right = read_dxf_regions(pathlib.Path(folder, "two.dxf"),
        ...         (Extents(-5, -5, 20, 5), Extents(40, -5, 70, 5)))
        >>> left.extents.min_x, right.extents.min_x, right.counts.walls
        (0.0, 50.0, 1)
    """
    arithmetic: Counter[str] = Counter()

    def note(kind: str, _flag: int) -> None:
        arithmetic[kind] += 1

    # Absurd coordinates (1e300, NaN) overflow in numpy; that is expected of a hostile
    # file, so it is counted for the import report instead of printed to the console.
    with (
        user_errors(path),
        np.errstate(
            over="call", invalid="call", divide="call", under="ignore", call=note
        ),
    ):
        read = _read(path, options or ImportOptions(), cancelled, _Phases(progress))
        plans = tuple(read.plan(region) for region in regions)
    if not arithmetic:
        return plans
    count = sum(arithmetic.values())
    note_absurd = (
        f"{count:,} calculation{'s' if count > 1 else ''} on absurd "
        "coordinates (too large, or not a number) gave no result; the lines "
        "they belong to were left out."
    )
    return tuple(replace(p, warnings=(*p.warnings, note_absurd)) for p in plans)


class _Phases:
    """Maps the progress of each step onto one bar: reading the file, walking it."""

    def __init__(self, report: ProgressReport | None) -> None:
        self.report = report

    def at(self, share: float) -> None:
        if self.report is not None:
            self.report(min(max(share, 0.0), 1.0))

    def walking(self, start: float, end: float) -> ProgressReport | None:
        if self.report is None:
            return None
        return lambda share: self.at(start + (end - start) * share)


def _read(
    path: Path, options: ImportOptions, cancelled: CancelCheck | None, phases: _Phases
) -> _Read:
    started = time.monotonic()
    limits = options.limits
    screen_file(path, limits.max_entities)
    phases.at(0.0)
    fast = _read_fast(path, options, started, cancelled, phases)
    if isinstance(fast, _Read):
        return fast
    opened = open_dxf(path)
    phases.at(_EZDXF_READ_SHARE)
    doc = opened.doc
    layout = _layout(doc, options.layout, path)
    check_expansion(layout, limits)
    header = {name: doc.header.get(name) for name in _HEADER}
    xrefs = XrefResolver(doc, path, options.xref_folders, limits)
    walked_at = first_scale(options.unit, options.scale_to_m, header["$INSUNITS"])
    walking = phases.walking(_EZDXF_READ_SHARE, _WALKED_SHARE)
    found = _walk(layout, options, walked_at, started, cancelled, xrefs, walking)
    if opened.was_recovered and not found.segments and not found.texts:
        raise PlanReadError(
            f"{path.name} is damaged: recover mode opened it but found no drawing in "
            "it. Re-export it from the CAD program that made it."
        )
    decision = decide_unit(
        unit_evidence(found, header, options.roles), options.unit, options.scale_to_m
    )
    if _too_coarse(found, walked_at, decision.scale_to_m):
        found = _walk(layout, options, decision.scale_to_m, started, cancelled, xrefs)
    warnings = [_DAMAGED] if opened.was_recovered else []
    warnings += [decision.warning] if decision.warning else []
    records = xrefs.records()
    warnings += [*opened.audit_messages, *xref_warnings(records)]
    reader = "ezdxf reader"
    if fast.reason:
        reader += f" (the fast reader does not read {fast.reason})"
    facts = _DrawingFacts(
        str(doc.dxfversion), _layer_table(doc), _paper_layouts(doc), reader
    )
    phases.at(_WALKED_SHARE)
    return _Read(path, facts, decision, found, warnings, records, options.roles)


def _read_fast(
    path: Path,
    options: ImportOptions,
    started: float,
    cancelled: CancelCheck | None,
    phases: _Phases,
) -> _Read | Declined:
    """Model space read by the fast tag reader, or why the file needs ezdxf."""
    if options.layout is not None:
        return Declined("a paper-space layout")
    if not options.fast_reader:
        return Declined("")
    drawing = open_fast(path, _HEADER)
    if isinstance(drawing, Declined):
        return drawing
    header = drawing.header
    walked_at = first_scale(options.unit, options.scale_to_m, header["$INSUNITS"])
    phases.at(_FAST_READ_SHARE)
    found = drawing.walk(
        _walk_limits(options.limits, walked_at, started),
        cancelled,
        phases.walking(_FAST_READ_SHARE, _WALKED_SHARE),
        options.roles,
    )
    if isinstance(found, Declined):
        return found
    decision = decide_unit(
        unit_evidence(found, header, options.roles), options.unit, options.scale_to_m
    )
    if _too_coarse(found, walked_at, decision.scale_to_m):
        limits = _walk_limits(options.limits, decision.scale_to_m, started)
        found = drawing.walk(limits, cancelled, roles=options.roles)
        if isinstance(found, Declined):
            return found
    warnings = [decision.warning] if decision.warning else []
    facts = _DrawingFacts(
        drawing.dxfversion, drawing.layers, drawing.layouts, "fast reader"
    )
    del drawing  # the tag table is the largest thing in memory; doors and rooms next
    phases.at(_WALKED_SHARE)
    return _Read(path, facts, decision, found, warnings, (), options.roles)


@dataclass(frozen=True, slots=True)
class _DrawingFacts:
    """What the plan needs from the file besides its geometry."""

    dxfversion: str
    layers: dict[str, bool]
    """The layer table: name to whether the layer is shown."""
    layouts: tuple[str, ...]
    reader: str
    """Which reader read the file and, for ezdxf, why (the import report says it)."""


@dataclass(frozen=True, slots=True)
class _Read:
    """A file read and walked once, from which a plan is built per region."""

    path: Path
    facts: _DrawingFacts
    decision: UnitDecision
    found: WalkResult
    warnings: list[str]
    xrefs: tuple[ExternalReference, ...]
    roles: LayerRoles

    def plan(self, region: Extents | None) -> Plan:
        """The plan of what lies in ``region`` (drawing units), or of everything."""
        found = self.found if region is None else within_region(self.found, region)
        return _build_plan(
            self.path,
            self.facts,
            self.decision,
            found,
            list(self.warnings),
            self.xrefs,
            self.roles,
            is_region=region is not None,
        )


def _walk_limits(limits: WalkLimits, scale_to_m: float, started: float) -> WalkLimits:
    remaining = limits.timeout_s - (time.monotonic() - started)
    return replace(
        limits, timeout_s=max(remaining, 0.0), flatten_distance=_FLATTEN_M / scale_to_m
    )


def _too_coarse(found: WalkResult, walked_at: float, scale_to_m: float) -> bool:
    """Whether curves walked at one scale are too coarse at the scale decided."""
    error_m = found.largest_curve * scale_to_m * _FEWEST_CHORDS_ERROR
    return scale_to_m > walked_at * _REWALK and error_m > _FLATTEN_M


def _walk(
    layout: Any,
    options: ImportOptions,
    scale_to_m: float,
    started: float,
    cancelled: CancelCheck | None,
    xrefs: XrefResolver,
    progress: ProgressReport | None = None,
) -> WalkResult:
    limits = _walk_limits(options.limits, scale_to_m, started)
    return walk_entities(layout, limits, cancelled, xrefs, progress, options.roles)


def _layout(doc: Any, name: str | None, path: Path) -> Any:
    if name is None:
        return doc.modelspace()
    if name not in doc.layouts:
        available = ", ".join(doc.layouts.names())
        raise PlanReadError(
            f"{path.name} has no layout called {name!r}; it has: {available}."
        )
    return doc.layouts.get(name)


def _build_plan(
    path: Path,
    facts: _DrawingFacts,
    decision: UnitDecision,
    found: WalkResult,
    warnings: list[str],
    xrefs: tuple[ExternalReference, ...],
    roles: LayerRoles,
    is_region: bool = False,
) -> Plan:
    scale = decision.scale_to_m
    arrays, dropped = _segment_arrays(found.segments, scale)
    if dropped:
        warnings.append(
            f"{dropped:,} segments with missing or absurd coordinates were dropped."
        )
    warnings += [skip_message(key, count) for key, count in found.skipped.items()]
    extents_m = _extents(arrays.values(), found, scale)
    origin = _local_origin(extents_m)
    warnings += _origin_warnings(origin)
    layers = _layers(facts.layers, found, roles)
    linework = tuple(
        Linework(name, _shift(segs, origin)) for name, segs in sorted(arrays.items())
    )
    if not linework and is_region:
        warnings.append(
            "The sheet's part of the drawing holds no lines: the floor was moved or "
            "removed in this drawing. Split the drawing into floors again."
        )
    elif not linework:
        warnings.append("The drawing has no lines in this layout.")
    labels = _labels(found, scale, origin)
    building = detect_building(found, arrays, scale, origin, labels, layers, roles)
    layers = _room_layers_shown(layers, building, roles)
    warnings += building.warnings
    if not decision.warning:  # else the unit's warning has said it, with evidence
        warnings += door_width_warning(building.doors)
    return Plan(
        source_name=path.name,
        dxf_version=facts.dxfversion,
        units=decision.unit,
        scale_to_m=scale,
        origin_m=origin,
        extents=extents_m.shifted(-origin[0], -origin[1]),
        layers=layers,
        linework=linework,
        labels=labels,
        counts=_counts(layers, found, arrays, building),
        warnings=tuple(warnings),
        doors=building.doors,
        spaces=building.spaces,
        unit_report=decision.report,
        xrefs=xrefs,
        layouts=facts.layouts,
        reader=facts.reader,
    )


def _paper_layouts(doc: Any) -> tuple[str, ...]:
    """Paper-space layouts that hold something, in the drawing's tab order."""
    return tuple(
        name
        for name in doc.layouts.names_in_taborder()
        if name != "Model" and len(doc.layouts.get(name))
    )


def _segment_arrays(
    raw: dict[str, array[float]], scale: float
) -> tuple[dict[str, SegmentArray], int]:
    arrays: dict[str, SegmentArray] = {}
    dropped = 0
    for layer, buf in raw.items():
        segs = np.frombuffer(buf, dtype=np.float64).reshape(-1, 4) * scale
        sane = np.isfinite(segs).all(axis=1) & (np.abs(segs) < _ABSURD_M).all(axis=1)
        dropped += int(len(segs) - sane.sum())
        if sane.any():
            arrays[layer] = np.ascontiguousarray(segs[sane])
    return arrays, dropped


def _extents(arrays: Any, found: WalkResult, scale: float) -> Extents:
    xs: list[float] = []
    ys: list[float] = []
    for segs in arrays:
        xs += [float(segs[:, [0, 2]].min()), float(segs[:, [0, 2]].max())]
        ys += [float(segs[:, [1, 3]].min()), float(segs[:, [1, 3]].max())]
    for text in found.texts:
        x, y = text.x * scale, text.y * scale
        if np.isfinite(x) and np.isfinite(y) and max(abs(x), abs(y)) < _ABSURD_M:
            # Roughly the text's own box, so a drawing of text alone has a size.
            height = text.height * scale if np.isfinite(text.height) else 0.0
            xs += [x, x + 0.6 * height * len(text.text)]
            ys += [y, y + height]
    if not xs:
        return Extents(0.0, 0.0, 1.0, 1.0)
    return Extents(min(xs), min(ys), max(xs), max(ys))


def _local_origin(extents: Extents) -> tuple[float, float]:
    cx, cy = extents.center
    if max(abs(cx), abs(cy)) < FAR_ORIGIN_M:
        return (0.0, 0.0)
    return (float(round(extents.min_x, -2)), float(round(extents.min_y, -2)))


def _origin_warnings(origin: tuple[float, float]) -> list[str]:
    if origin == (0.0, 0.0):
        return []
    return [
        f"The drawing lies far from its origin; it is shown around a local origin "
        f"at ({origin[0]:,.0f} m, {origin[1]:,.0f} m)."
    ]


def _shift(segs: SegmentArray, origin: tuple[float, float]) -> SegmentArray:
    if origin == (0.0, 0.0):
        return segs
    ox, oy = origin
    shifted: SegmentArray = segs - np.array([ox, oy, ox, oy])
    return shifted


def _labels(
    found: WalkResult, scale: float, origin: tuple[float, float]
) -> tuple[TextLabel, ...]:
    labels = []
    for text in found.texts:
        x, y = text.x * scale - origin[0], text.y * scale - origin[1]
        if not (np.isfinite(x) and np.isfinite(y)) or max(abs(x), abs(y)) > _ABSURD_M:
            continue
        height = text.height * scale if np.isfinite(text.height) else 0.0
        labels.append(
            TextLabel(text.text, (x, y), height, text.rotation_deg, text.layer)
        )
    return tuple(labels)


def _layer_table(doc: Any) -> dict[str, bool]:
    """Each layer of the drawing's table and whether it is shown."""
    return {
        decode_name(str(layer.dxf.name)): not (layer.is_off() or layer.is_frozen())
        for layer in doc.layers
    }


def _layers(
    table: dict[str, bool], found: WalkResult, roles: LayerRoles
) -> tuple[LayerInfo, ...]:
    used = set(found.top_level_counts) | set(found.segments)
    infos = []
    for name in sorted(set(table) | used, key=str.casefold):
        is_visible = table.get(name, True)
        infos.append(
            LayerInfo(
                name=name,
                category=roles.category(name),
                entity_count=found.top_level_counts.get(name, 0),
                is_visible=is_visible,
            )
        )
    return tuple(infos)


def _room_layers_shown(
    layers: tuple[LayerInfo, ...], building: Building, roles: LayerRoles
) -> tuple[LayerInfo, ...]:
    """Layers whose outlines became rooms shown as room layers.

    A layer named for a use (``Offices``) or holding one room (``E14-433A``) has
    no category by the rules, yet its outlines are rooms: the layer list says so,
    and the Layer Roles dialog offers to correct it from there. Layers the
    reviewer corrected keep their correction.
    """
    outlined = {
        space.layer for space in building.spaces if space.source is SpaceSource.OUTLINE
    }
    return tuple(
        replace(info, category=LayerCategory.ROOM)
        if info.name in outlined
        and info.category is LayerCategory.OTHER
        and not roles.is_corrected(info.name)
        else info
        for info in layers
    )


def _counts(
    layers: tuple[LayerInfo, ...],
    found: WalkResult,
    arrays: dict[str, SegmentArray],
    building: Building,
) -> PlanCounts:
    """Detected doors and rooms; where none were found, counts by layer category."""
    by_category: dict[LayerCategory, list[str]] = {}
    for info in layers:
        by_category.setdefault(info.category, []).append(info.name)

    def total(category: LayerCategory, counter: Any) -> int:
        return sum(int(counter.get(name, 0)) for name in by_category.get(category, []))

    walls = sum(
        len(arrays[n]) for n in by_category.get(LayerCategory.WALL, []) if n in arrays
    )
    return PlanCounts(
        walls=walls,
        doors=len(building.doors),
        windows=building.windows,
        spaces=len(building.spaces) or total(LayerCategory.ROOM, found.closed_outlines),
        doors_by_method=tuple(building.doors_by_method.items()),
        windows_by_source=(
            ("block", building.window_blocks),
            ("lines", building.window_runs),
            ("openings", building.window_openings),
        ),
    )
