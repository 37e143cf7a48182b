"""DXF export: markups and computed polygons on REVIEW-* layers, in the CAD frame."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ezdxf
import pytest
from ezdxf import recover
from tests.fixtures.corpus import corpus_file
from tests.fixtures.dxf_files import rooms_dxf
from tests.fixtures.reviews import full_review

from designreview.analysis.run import run_checks
from designreview.exports.dxf.export import (
    DxfExportError,
    DxfExportOptions,
    write_review_dxf,
)
from designreview.exports.dxf.layers import FINDING_LAYERS, REVIEW_LAYERS
from designreview.model.findings import Severity
from designreview.model.ids import MarkupId, ReviewerId, SheetId
from designreview.model.markups import (
    AccessPoint,
    Comment,
    Observer,
    Stamp,
    Zone,
    ZoneKind,
)
from designreview.model.plan import LayerCategory
from designreview.readers.dxf.read import read_dxf
from designreview.recognition.layers.rules import categorize_layer
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path
from designreview.review_file.sheets import new_review, plan_for_sheet

if TYPE_CHECKING:
    from designreview.analysis.run import CheckResult
    from designreview.model.plan import Plan
    from designreview.model.review import Review

STAMP = Stamp(ReviewerId("reviewer-police"), "2026-11-20T10:00:00+00:00")
FAR = (1_380_000.0, 960_000.0)
LIBRECAD = shutil.which("librecad") or "/usr/bin/librecad"


@pytest.fixture(scope="module")
def sample() -> tuple[Review, dict[str, Plan], CheckResult]:
    """The bundled sample review (drawn in inches), its plans and its findings."""
    review, plans = load_review_and_plans(sample_review_path())
    return review, plans, run_checks(review, plans)


@pytest.fixture(scope="module")
def marked_up(
    sample: tuple[Review, dict[str, Plan], CheckResult],
) -> tuple[Review, dict[str, Plan]]:
    """The sample plus one markup of every kind, moved inside the school."""
    review, plans, _result = sample
    sheet = review.sheets[0].id
    for reviewer in full_review().reviewers:
        review = review.with_reviewer(reviewer)
    for markup in full_review().markups:
        review = review.with_markup(_moved(markup, sheet, 60.0, 40.0))
    extra = Zone(
        MarkupId("m-lockable"),
        sheet,
        STAMP,
        STAMP,
        ((60, 40), (70, 40), (70, 50), (60, 50)),
        ZoneKind.LOCKABLE_ZONE,
    )
    corner = replace(extra, id=MarkupId("m-corner"), kind=ZoneKind.HARD_CORNER)
    return review.with_markup(extra).with_markup(corner), plans


def _moved(markup: Any, sheet: str, dx: float, dy: float) -> Any:
    def move(p: tuple[float, float]) -> tuple[float, float]:
        return (p[0] + dx, p[1] + dy)

    changes: dict[str, Any] = {"sheet_id": sheet}
    for name in ("position", "start", "end", "leader_to"):
        if hasattr(markup, name) and getattr(markup, name) is not None:
            changes[name] = move(getattr(markup, name))
    for name in ("vertices", "cloud"):
        if hasattr(markup, name):
            changes[name] = tuple(move(p) for p in getattr(markup, name))
    return replace(markup, **changes)


def _export(
    tmp_path: Path,
    review: Review,
    plans: dict[str, Plan],
    result: Any,
    **options: Any,
) -> tuple[Path, Any]:
    out = tmp_path / ("orig.dxf" if options.get("into_original") else "alone.dxf")
    summary = write_review_dxf(review, plans, result, out, DxfExportOptions(**options))
    assert summary.path == out
    return out, summary


def _on(doc: Any, layer: str, kind: str | None = None) -> list[Any]:
    return [
        e
        for e in doc.modelspace()
        if e.dxf.layer == layer and (kind is None or e.dxftype() == kind)
    ]


def _review_counts(doc: Any) -> Counter[str]:
    return Counter(
        e.dxf.layer for e in doc.modelspace() if e.dxf.layer.startswith("REVIEW-")
    )


def _original_counts(doc: Any) -> Counter[tuple[str, str]]:
    return Counter(
        (e.dxf.layer, e.dxftype())
        for e in doc.modelspace()
        if not e.dxf.layer.startswith("REVIEW-")
    )


@pytest.mark.parametrize("into_original", [False, True])
def test_sample_exports_every_layer_audit_clean(tmp_path, sample, into_original):
    review, plans, result = sample
    out, summary = _export(tmp_path, review, plans, result, into_original=into_original)
    doc = ezdxf.readfile(out)
    auditor = doc.audit()
    assert not auditor.has_errors, [e.message for e in auditor.errors]
    colors = {spec.name: spec.color for spec in REVIEW_LAYERS}
    assert len(set(colors.values())) == len(colors)  # distinct colours
    for name, color in colors.items():
        assert doc.layers.get(name).color == color
    assert doc.header["$INSUNITS"] == 1  # the sample is drawn in inches
    classification = doc.header.custom_vars.get("DesignReview classification")
    assert classification == review.info.classification
    assert dict(_review_counts(doc)) == dict(summary.entities)


def test_one_marker_per_markup_and_finding(tmp_path, sample):
    review, plans, result = sample
    doc = ezdxf.readfile(_export(tmp_path, review, plans, result)[0])
    kinds = Counter(type(m).__name__ for m in review.markups)
    assert len(_on(doc, "REVIEW-ACCESS", "CIRCLE")) == kinds["AccessPoint"]
    assert len(_on(doc, "REVIEW-OBSERVER", "CIRCLE")) == kinds["Observer"]
    assert len(_on(doc, "REVIEW-COMMENT", "CIRCLE")) == kinds["Comment"]
    fails = [f for f in result.findings if f.severity is Severity.FAIL]
    assert len(_on(doc, "REVIEW-FINDING-FAIL", "MTEXT")) == len(fails)
    overlays = sum(len(f.overlay) for f in fails)
    assert len(_on(doc, "REVIEW-FINDING-FAIL", "LWPOLYLINE")) == overlays
    numbers = {e.plain_text() for e in _on(doc, "REVIEW-ACCESS", "MTEXT")}
    assert any(text.startswith("E1") for text in numbers)
    assert _on(doc, "REVIEW-VIEWSHED", "HATCH")  # the reception desk's view
    assert _on(doc, "REVIEW-HARDCORNER", "LWPOLYLINE")  # computed per classroom
    tags = {e.plain_text() for e in _on(doc, "REVIEW-DOOR-NUMBER", "MTEXT")}
    assert {"E1", "E2", "E3"} <= tags


def test_access_points_land_in_the_drawing_frame_and_unit(tmp_path, sample):
    review, plans, result = sample
    doc = ezdxf.readfile(_export(tmp_path, review, plans, result)[0])
    plan = plans[review.sheets[0].id]
    centres = sorted(
        (round(c.dxf.center.x, 6), round(c.dxf.center.y, 6))
        for c in _on(doc, "REVIEW-ACCESS", "CIRCLE")
    )
    ox, oy = plan.origin_m
    expected = sorted(
        (
            round((m.position[0] + ox) / 0.0254, 6),
            round((m.position[1] + oy) / 0.0254, 6),
        )
        for m in review.markups
        if isinstance(m, AccessPoint)
    )
    assert centres == expected
    circle = _on(doc, "REVIEW-ACCESS", "CIRCLE")[0]
    assert circle.dxf.radius == pytest.approx(0.3 / 0.0254)  # metres to inches


def test_every_markup_kind_goes_on_its_layer(tmp_path, sample, marked_up):
    review, plans = marked_up
    doc = ezdxf.readfile(_export(tmp_path, review, plans, sample[2])[0])
    assert not doc.audit().has_errors
    assert len(_on(doc, "REVIEW-CAMERA", "CIRCLE")) == 1
    assert len(_on(doc, "REVIEW-CAMERA", "LWPOLYLINE")) == 1  # field-of-view wedge
    assert len(_on(doc, "REVIEW-VIEWSHED", "HATCH")) >= 3  # two observers, a camera
    sight = [e.plain_text() for e in _on(doc, "REVIEW-SIGHTLINE", "MTEXT")]
    assert sight
    assert sight[0].endswith(("clear", "blocked"))
    for layer in ("REVIEW-ZONE", "REVIEW-SAFEROOM", "REVIEW-SPACE"):
        assert len(_on(doc, layer, "LWPOLYLINE")) == 1, layer
    drawn_corner = [
        e for e in _on(doc, "REVIEW-HARDCORNER", "LWPOLYLINE") if not e.has_arc
    ]
    assert drawn_corner
    cloud = [e for e in _on(doc, "REVIEW-COMMENT", "LWPOLYLINE") if e.has_arc]
    assert len(cloud) == 1
    assert cloud[0].closed
    thread = " ".join(
        " ".join(e.plain_text().split()) for e in _on(doc, "REVIEW-COMMENT", "MTEXT")
    )
    assert "Sheriff" in thread
    assert "Status: Answered" in thread
    assert "José Núñez (Architect): Hardware changed to classroom security." in thread


def test_into_original_keeps_every_original_entity(tmp_path, sample):
    review, plans, result = sample
    sheet = review.sheets[0]
    original = tmp_path / "original.dxf"
    original.write_bytes(review.source(sheet.source_sha256).data)
    before = ezdxf.readfile(original)
    out, _summary = _export(tmp_path, review, plans, result, into_original=True)
    after = ezdxf.readfile(out)
    assert _original_counts(after) == _original_counts(before)
    assert len(after.modelspace()) > len(before.modelspace())
    assert after.header["$INSUNITS"] == before.header["$INSUNITS"]
    assert set(before.layers.entries.keys()) <= set(after.layers.entries.keys())


def test_exported_dxf_reimports_with_markups_on_their_layers(tmp_path, sample):
    review, plans, result = sample
    plan = plans[review.sheets[0].id]
    for into_original in (False, True):
        out, _ = _export(tmp_path, review, plans, result, into_original=into_original)
        again = read_dxf(out)
        names = {info.name: info for info in again.layers}
        for spec in REVIEW_LAYERS:
            assert spec.name in names
        # circle, opening, text for each of E1, 114A and E5, and the fire
        # marshal's designations of E2-E4 and E6-E9: 10 doors, 30 entities
        assert names["REVIEW-ACCESS"].entity_count == 30
        # a circle and a label for each of the 17 responder marks
        assert names["REVIEW-RESPONDER"].entity_count == 34
        assert again.units is plan.units
        blocking = {LayerCategory.WALL, LayerCategory.COLUMN, LayerCategory.WINDOW}
        for spec in REVIEW_LAYERS:  # review marks must never block sight
            assert categorize_layer(spec.name) not in blocking, spec.name
        labels = [t.text for t in again.labels if t.layer == "REVIEW-COMMENT"]
        assert any("Corridor 152" in text for text in labels)
    assert len(again.doors) == len(plan.doors)  # the markups add no doors or rooms
    assert len(again.spaces) == len(plan.spaces)


@pytest.mark.parametrize(("insunits", "scale"), [(6, 1.0), (2, 0.3048)])
def test_far_origin_plan_exports_at_far_coordinates(tmp_path, insunits, scale):
    drawing = rooms_dxf(tmp_path / "far.dxf", insunits=insunits, offset=FAR)
    review = new_review([drawing])
    sheet = review.sheets[0]
    plan = plan_for_sheet(review, sheet)
    assert plan.origin_m != (0.0, 0.0)
    local = plan.to_local((FAR[0] * scale + 2.5 * scale, FAR[1] * scale + 2 * scale))
    door = AccessPoint(MarkupId("m-d"), sheet.id, STAMP, STAMP, local, door_number="7")
    note = Comment(
        MarkupId("m-c"),
        sheet.id,
        STAMP,
        STAMP,
        local,
        "Lock it",
        cloud=(local, (local[0] + 2, local[1]), (local[0], local[1] + 1)),
    )
    review = review.with_markup(door).with_markup(note)
    plans = {sheet.id: plan}
    for into_original in (False, True):
        out, _ = _export(tmp_path, review, plans, None, into_original=into_original)
        doc = ezdxf.readfile(out)
        assert not doc.audit().has_errors
        (marker,) = _on(doc, "REVIEW-ACCESS", "CIRCLE")
        assert marker.dxf.center.x == pytest.approx(FAR[0] + 2.5, abs=1e-6)
        assert marker.dxf.center.y == pytest.approx(FAR[1] + 2.0, abs=1e-6)
        assert doc.header["$INSUNITS"] == insunits
        (cloud,) = _on(doc, "REVIEW-COMMENT", "LWPOLYLINE")
        xs = [x for x, *_ in cloud.get_points()]
        assert min(xs) == pytest.approx(FAR[0] + 2.5, abs=1e-6)


def test_r12_original_gets_r12_entities(tmp_path):
    doc = ezdxf.new("R12")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for start, end in (
        ((0, 0), (8, 0)),
        ((8, 0), (8, 6)),
        ((8, 6), (0, 6)),
        ((0, 6), (0, 0)),
    ):
        msp.add_line(start, end, dxfattribs={"layer": "WALL"})
    drawing = tmp_path / "r12.dxf"
    doc.saveas(drawing)
    review = new_review([drawing])
    sheet = review.sheets[0]
    zone = Zone(
        MarkupId("z"),
        sheet.id,
        STAMP,
        STAMP,
        ((1, 1), (3, 1), (3, 3)),
        ZoneKind.SAFE_ROOM,
        "Refuge",
    )
    note = Comment(
        MarkupId("c"),
        sheet.id,
        STAMP,
        STAMP,
        (4, 4),
        "Two {lines}\\",
        cloud=((4, 4), (6, 4), (6, 5)),
    )
    watcher = Observer(MarkupId("o"), sheet.id, STAMP, STAMP, (4.0, 3.0))
    for markup in (zone, note, watcher):
        review = review.with_markup(markup)
    plans = {sheet.id: plan_for_sheet(review, sheet)}
    out, _ = _export(tmp_path, review, plans, None, into_original=True)
    again = ezdxf.readfile(out)
    assert again.dxfversion == "AC1009"
    assert not again.audit().has_errors
    kinds = {e.dxftype() for e in again.modelspace() if e.dxf.layer.startswith("REV")}
    assert kinds <= {"POLYLINE", "TEXT", "CIRCLE", "LINE"}
    assert {"POLYLINE", "TEXT", "CIRCLE"} <= kinds
    texts = [e.dxf.text for e in again.modelspace() if e.dxftype() == "TEXT"]
    assert "Two {lines}\\" in texts


def test_options_leave_out_findings_and_viewsheds(tmp_path, sample):
    review, plans, result = sample
    out, summary = _export(
        tmp_path,
        review,
        plans,
        result,
        include_findings=False,
        include_viewsheds=False,
        include_hard_corners=False,
    )
    counts = _review_counts(ezdxf.readfile(out))
    for layer in (
        *(s.name for s in FINDING_LAYERS.values()),
        "REVIEW-VIEWSHED",
        "REVIEW-HARDCORNER",
        "REVIEW-DOOR-NUMBER",
    ):
        assert counts[layer] == 0, layer
    assert counts["REVIEW-ACCESS"] > 0
    assert summary.total == sum(counts.values())


def test_missing_result_runs_the_checks(tmp_path, sample):
    review, plans, result = sample
    doc = ezdxf.readfile(_export(tmp_path, review, plans, None)[0])
    fails = [f for f in result.findings if f.severity is Severity.FAIL]
    assert len(_on(doc, "REVIEW-FINDING-FAIL", "MTEXT")) == len(fails)


def test_sheet_choice(tmp_path, sample):
    review, plans, result = sample
    sheet = review.sheets[0]
    upper = replace(sheet, id=SheetId("sheet-2"), name="Level 2", level=1)
    two = review.with_sheet(upper)
    both = {**plans, "sheet-2": plans[sheet.id]}
    with pytest.raises(DxfExportError, match="2 sheets"):
        _export(tmp_path, two, both, result)
    _out, summary = _export(tmp_path, two, both, result, sheet_id="level 2")
    assert summary.sheet_id == "sheet-2"
    with pytest.raises(DxfExportError, match="no sheet 'Roof'"):
        _export(tmp_path, two, both, result, sheet_id="Roof")


def test_export_replaces_a_file_atomically(tmp_path, sample):
    review, plans, result = sample
    out = tmp_path / "alone.dxf"
    out.write_text("old")
    _export(tmp_path, review, plans, result)
    assert b"SECTION" in out.read_bytes()[:64]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alone.dxf"]


@pytest.mark.skipif(not Path(LIBRECAD).exists(), reason="LibreCAD is not installed")
def test_librecad_prints_the_export(tmp_path, marked_up, sample):
    review, plans = marked_up
    for into_original in (False, True):
        out, _ = _export(
            tmp_path, review, plans, sample[2], into_original=into_original
        )
        folder = tmp_path / f"pdf{int(into_original)}"
        folder.mkdir()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run(
            [LIBRECAD, "dxf2pdf", "-a", "-t", str(folder), str(out)],
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        pdf = folder / f"{out.stem}.pdf"
        assert pdf.exists()
        assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "damaged_recover01_R12.dxf",
        "chinese_university_floor2_far_origin.dxf",
        "swiss_residential_archilyse_R2004_cm.dxf",
    ],
)
def test_real_drawings_take_markups_into_a_copy(tmp_path, name):
    drawing = corpus_file(name)
    review = new_review([drawing])
    sheet = review.sheets[0]
    plan = plan_for_sheet(review, sheet)
    middle = plan.extents.center
    note = Comment(MarkupId("c"), sheet.id, STAMP, STAMP, middle, "Check here")
    review = review.with_markup(note)
    out, _ = _export(tmp_path, review, {sheet.id: plan}, None, into_original=True)
    before, _auditor = recover.readfile(drawing)
    after = ezdxf.readfile(out)
    assert not after.audit().has_errors
    assert _original_counts(after) == _original_counts(before)
    (pin,) = _on(after, "REVIEW-COMMENT", "CIRCLE")
    x, y = plan.to_drawing_units(middle)
    assert (pin.dxf.center.x, pin.dxf.center.y) == pytest.approx((x, y))
