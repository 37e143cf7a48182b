"""Markups, findings and computed polygons back to the architect as DXF.

Everything lands on REVIEW-* layers (see :mod:`designreview.exports.dxf.layers`)
in the drawing's own coordinates and unit: a local point in metres is moved back by
the plan's local origin and divided by the drawing unit, so the export overlays the
original drawing exactly. It is written either alone (a new DXF R2013 declaring the
source's own ``$INSUNITS`` and framing what it drew, ``exports.dxf.frame``, to XREF
or overlay) or into a copy of the sheet's original drawing, whose every entity is
kept.
"""

from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ezdxf

from designreview.analysis.building_view import building_view
from designreview.analysis.obstacles import (
    VisibilityIndex,
    build_visibility_index,
    obstacle_segments,
)
from designreview.analysis.rules import RULES
from designreview.analysis.rules.base import CheckContext, params_with
from designreview.analysis.rules.hard_corner import ROOMS, hard_corner
from designreview.analysis.run import run_checks
from designreview.analysis.viewsheds import markup_viewshed
from designreview.exports.dxf.frame import declared_units, set_extents
from designreview.exports.dxf.layers import (
    DOOR_NUMBER,
    FINDING_LAYERS,
    HARDCORNER,
    VIEWSHED,
    DxfPen,
    add_review_layers,
)
from designreview.exports.dxf.markups import draw_markup
from designreview.model.errors import DesignReviewError
from designreview.model.markups import Camera, Observer
from designreview.model.units import M2_PER_SQ_FT
from designreview.readers.dxf.document import OpenedDxf, open_dxf
from designreview.review_file.atomic_write import write_atomic

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.analysis.run import CheckResult
    from designreview.model.findings import Finding
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup
    from designreview.model.plan import Plan
    from designreview.model.review import Decision, Review, Sheet

__all__ = [
    "DxfExportError",
    "DxfExportOptions",
    "DxfExportSummary",
    "write_review_dxf",
]

NEW_DXF_VERSION = "R2013"
_R2004 = "AC1018"
_LINE_SPACING = 1.7  # MTEXT's default line spacing is about 1.67 text heights


class DxfExportError(DesignReviewError):
    """The review could not be exported to DXF."""


@dataclass(frozen=True, slots=True)
class DxfExportOptions:
    """What to export, and where to put it."""

    sheet_id: str | None = None
    """A sheet id or name; None exports the review's only sheet."""
    into_original: bool = False
    """Add the layers to a copy of the sheet's original drawing, not a new file."""
    include_findings: bool = True
    include_viewsheds: bool = True
    """Viewsheds of observers and cameras, and whether sightlines are clear."""
    include_hard_corners: bool = True
    """Hard corners of every classroom and lab, and exterior door numbers."""
    text_height_m: float = 0.25


@dataclass(frozen=True, slots=True)
class DxfExportSummary:
    """What an export wrote: the sheet, entities per layer and any warnings."""

    path: Path
    sheet_id: str
    entities: tuple[tuple[str, int], ...]
    warnings: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Entities written on all REVIEW-* layers."""
        return sum(count for _layer, count in self.entities)


def write_review_dxf(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult | None,
    path: Path,
    options: DxfExportOptions | None = None,
) -> DxfExportSummary:
    """Write one sheet's markups, findings and computed polygons to ``path``.

    Args:
        review: The review with its markups and embedded drawings.
        plans: The plan of each sheet, by sheet id.
        result: The checks' result; None runs the checks when findings are wanted.
        path: The DXF file to write (replaced atomically).
        options: Which sheet, alone or into the original, what to include.

    Returns:
        A summary of what was written.

    Raises:
        DxfExportError: No such sheet, several sheets and none chosen, or an
            export that fails the DXF audit.
        SaveError: The file could not be written; an old file is unchanged.
        PlanReadError: The original drawing could not be read again.
    """
    options = options or DxfExportOptions()
    sheet, plan = _pick_sheet(review, plans, options.sheet_id)
    doc, layout, warnings = _target(review, sheet, plan, options.into_original)
    add_review_layers(doc)
    _mark(doc, review)
    pen = DxfPen(doc, layout, plan)
    warnings += _draw_sheet(pen, review, sheet, plan, options)
    if options.include_findings:
        found = result if result is not None else run_checks(review, plans)
        mine = [f for f in found.findings if f.sheet_id == sheet.id]
        _draw_findings(pen, review, mine, options.text_height_m)
    set_extents(layout)
    warnings += _audit(doc, options.into_original)
    _save(doc, path)
    counts = tuple(sorted(pen.counts.items()))
    return DxfExportSummary(path, sheet.id, counts, tuple(warnings))


def _pick_sheet(
    review: Review, plans: Mapping[str, Plan], wanted: str | None
) -> tuple[Sheet, Plan]:
    sheets = [s for s in review.sheets if s.id in plans]
    if wanted is not None:
        key = wanted.casefold()
        chosen = [s for s in sheets if s.id == wanted or s.name.casefold() == key]
        if not chosen:
            names = ", ".join(s.name for s in sheets) or "none"
            raise DxfExportError(
                f"The review has no sheet {wanted!r} to export; its sheets: {names}."
            )
        return chosen[0], plans[chosen[0].id]
    if not sheets:
        raise DxfExportError("The review has no drawing to export markups onto.")
    if len(sheets) > 1:
        names = ", ".join(repr(s.name) for s in sheets)
        raise DxfExportError(
            f"The review has {len(sheets)} sheets ({names}); a DXF holds one. "
            "Choose the sheet to export."
        )
    return sheets[0], plans[sheets[0].id]


def _target(
    review: Review, sheet: Sheet, plan: Plan, into_original: bool
) -> tuple[Any, Any, list[str]]:
    """The document to draw in, its layout and warnings: the original, or new."""
    if not into_original:
        doc = ezdxf.new(NEW_DXF_VERSION)  # type: ignore[attr-defined]
        doc.header["$INSUNITS"] = declared_units(plan)
        doc.header["$MEASUREMENT"] = 0 if plan.units.is_imperial else 1
        return doc, doc.modelspace(), []
    opened = _original(review, sheet)
    warnings = []
    if opened.was_recovered:
        warnings.append("The original drawing was damaged; the copy was repaired.")
    doc = opened.doc
    if sheet.layout is None:
        return doc, doc.modelspace(), warnings
    if sheet.layout not in doc.layouts:
        raise DxfExportError(
            f"The original drawing has no layout {sheet.layout!r} any more."
        )
    return doc, doc.layouts.get(sheet.layout), warnings


def _original(review: Review, sheet: Sheet) -> OpenedDxf:
    """A fresh copy of the sheet's drawing, read from the bytes in the review."""
    source = review.source(sheet.source_sha256)
    if source is None:
        raise DxfExportError(
            f"The drawing of sheet {sheet.name!r} ({sheet.source_name}) is missing "
            "from the review; export the markups alone instead."
        )
    suffix = Path(sheet.source_name).suffix or ".dxf"
    fd, temp = tempfile.mkstemp(prefix="designreview-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(source.data)
        return open_dxf(Path(temp))
    finally:
        Path(temp).unlink(missing_ok=True)


def _mark(doc: Any, review: Review) -> None:
    """Record the review's classification in the drawing's custom properties."""
    if doc.dxfversion < _R2004:
        return  # no custom properties before DXF R2004
    info = review.info
    properties = doc.header.custom_vars
    for tag, value in (
        ("DesignReview classification", info.classification),
        ("DesignReview school", info.school),
        ("DesignReview meeting", info.meeting_date),
    ):
        if not value:
            continue
        if properties.has_tag(tag):
            properties.replace(tag, value)
        else:
            properties.append(tag, value)


def _draw_sheet(
    pen: DxfPen, review: Review, sheet: Sheet, plan: Plan, options: DxfExportOptions
) -> list[str]:
    """Draw the markups and what is computed from them; returns warnings."""
    markups = [m for m in review.markups if m.sheet_id == sheet.id]
    warnings: list[str] = []
    index = None
    if options.include_viewsheds:
        index = _visibility_index(plan, warnings)
    for markup in markups:
        draw_markup(pen, markup, review, index, options.text_height_m)
    if index is not None:
        _draw_viewsheds(pen, index, markups)
    if options.include_hard_corners:
        ctx = CheckContext(review, building_view(review, sheet, plan))
        _draw_hard_corners(pen, ctx, options.text_height_m)
        _draw_door_numbers(pen, ctx, options.text_height_m)
    return warnings


def _visibility_index(plan: Plan, warnings: list[str]) -> VisibilityIndex | None:
    try:
        return build_visibility_index(obstacle_segments(plan), extents=plan.extents)
    except ValueError as exc:
        warnings.append(f"Viewsheds and sightlines left out: {exc}.")
        return None


def _draw_viewsheds(pen: DxfPen, index: VisibilityIndex, markups: list[Markup]) -> None:
    for markup in markups:
        if not isinstance(markup, Observer | Camera):
            continue
        seen = markup_viewshed(index, markup)
        if seen is None or seen.is_empty:
            continue
        for part in _polygon_rings(seen):
            for ring in part:
                pen.polyline(VIEWSHED, ring, closed=True)
            pen.hatch(VIEWSHED, part)


def _draw_hard_corners(pen: DxfPen, ctx: CheckContext, text_m: float) -> None:
    params = params_with(RULES["ROOM-2"].Params(), "ROOM-2", ctx.review.check_settings)
    for room in ctx.building.rooms:
        if room.space_type not in ROOMS or not ctx.building.doors_of(room):
            continue
        corner = hard_corner(ctx, room, params)
        if corner.is_empty:
            continue
        for part in _polygon_rings(corner):
            for ring in part:
                pen.polyline(HARDCORNER, ring, closed=True)
            pen.hatch(HARDCORNER, part)
        where = corner.representative_point()
        pen.text(
            HARDCORNER,
            ["Hard corner", _area(corner.area, pen)],
            (where.x, where.y),
            text_m,
            centered=True,
        )


def _draw_door_numbers(pen: DxfPen, ctx: CheckContext, text_m: float) -> None:
    """A responder tag a metre outside each exterior door: its number, or ``?``."""
    for door in ctx.building.doors:
        if not ctx.building.is_exterior(door):
            continue
        tag = ctx.building.inside_of(door, -1.0)
        if not (math.isfinite(tag[0]) and math.isfinite(tag[1])):
            continue
        pen.circle(DOOR_NUMBER, tag, 0.5)
        pen.polyline(DOOR_NUMBER, (door.center, tag))
        pen.text(DOOR_NUMBER, [door.number or "?"], tag, 1.4 * text_m, centered=True)


def _draw_findings(
    pen: DxfPen, review: Review, findings: list[Finding], text_m: float
) -> None:
    """Marker, overlay and text of each finding; texts at one place are stacked."""
    decisions = {d.finding_key: d for d in review.decisions}
    lines_at: dict[tuple[float, float], int] = {}
    for finding in findings:
        layer = FINDING_LAYERS[finding.severity]
        for shape in finding.overlay:
            closed = len(shape) > 3 and shape[0] == shape[-1]
            pen.polyline(layer, shape, closed=closed)
        x, y = finding.location
        place = (round(x, 1), round(y, 1))
        above = lines_at.get(place, 0)
        if not above:
            pen.circle(layer, finding.location, 0.5)
        lines = _finding_lines(finding, decisions.get(finding.key))
        at = (x + 0.6, y + 0.3 - above * _LINE_SPACING * text_m)
        lines_at[place] = above + 1 + pen.text(layer, lines, at, text_m, wrap=60)


def _finding_lines(finding: Finding, decision: Decision | None) -> list[str]:
    lines = [f"{finding.rule} {finding.severity.value.upper()}: {finding.message}"]
    if decision is not None:
        kind = decision.kind.value.replace("_", " ")
        words = [kind, decision.owner, decision.reason]
        lines.append("Decision: " + "; ".join(w for w in words if w))
    return lines


def _polygon_rings(geometry: Any) -> list[list[list[Point2]]]:
    """Each polygon of a (multi)polygon as its rings, outer ring first, in metres."""
    parts = getattr(geometry, "geoms", [geometry])
    return [
        [
            [(float(x), float(y)) for x, y, *_ in ring.coords]
            for ring in (part.exterior, *part.interiors)
        ]
        for part in parts
        if not part.is_empty and hasattr(part, "exterior")
    ]


def _area(area_m2: float, pen: DxfPen) -> str:
    """An area as the plan's users read it."""
    if pen.is_imperial:
        return f"{area_m2 / M2_PER_SQ_FT:,.0f} sq ft"
    return f"{area_m2:,.1f} m²"


def _audit(doc: Any, into_original: bool) -> list[str]:
    """Audit the document; errors in a new file are ours and stop the export."""
    auditor = doc.audit()
    if not auditor.has_errors:
        return []
    messages = [str(entry.message) for entry in auditor.errors]
    if not into_original:
        raise DxfExportError(
            "The DXF export failed its audit, so no file was written: "
            + "; ".join(messages[:3])
        )
    return [f"The original drawing has {len(messages)} DXF errors that remain."]


def _save(doc: Any, path: Path) -> None:
    """Save through a temporary file, then replace ``path`` atomically."""
    with tempfile.TemporaryDirectory(prefix="designreview-dxf-") as folder:
        temp = Path(folder) / "export.dxf"
        try:
            doc.saveas(temp)
        except OSError as exc:
            raise DxfExportError(
                f"The DXF could not be prepared for writing: {exc.strerror}."
            ) from exc
        data = temp.read_bytes()
    write_atomic(path, data, keep_backup=False)
