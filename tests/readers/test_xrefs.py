"""XREFs: resolved next to the drawing and drawn in place, or clearly reported."""

import shutil
import time

import ezdxf
import ezdxf.xref
import numpy as np
import pytest
from tests.fixtures.corpus import corpus_file

from designreview.model.plan import XrefStatus
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.readers.dxf.xrefs import MAX_XREF_DEPTH, xref_candidates
from designreview.review_file.sheets import new_review, plan_for_sheet


def part(path, insunits=6, layer="XWALL"):
    """An XREF target: a 2 x 1 rectangle from (0, 0), in metres unless stated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = insunits
    doc.modelspace().add_lwpolyline(
        [(0, 0), (2, 0), (2, 1), (0, 1)], close=True, dxfattribs={"layer": layer}
    )
    doc.saveas(path)
    return path


def host(path, xref_path, insert=(0, 0), insunits=6, **attribs):
    """A drawing with one line and ``xref_path`` attached as block XR at ``insert``."""
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = insunits
    doc.modelspace().add_line((0, -5), (10, -5), dxfattribs={"layer": "WALL"})
    ezdxf.xref.define(doc, "XR", str(xref_path))
    doc.modelspace().add_blockref("XR", insert, dxfattribs=attribs)
    doc.saveas(path)
    return path


def segments(plan, layer):
    found = [work.segments for work in plan.linework if work.layer == layer]
    return found[0] if found else np.empty((0, 4))


def only_xref(plan):
    [record] = plan.xrefs
    return record


def test_xref_beside_the_host_is_drawn_in_place(tmp_path):
    part(tmp_path / "xrefs" / "part.dxf")
    path = host(tmp_path / "host.dxf", "xrefs/part.dxf", (100, 50), rotation=90)
    plan = read_dxf(path)
    drawn = segments(plan, "XWALL")
    assert len(drawn) == 4
    xs, ys = drawn[:, [0, 2]], drawn[:, [1, 3]]
    # Rotated 90 degrees about the insertion point: x -> -y, y -> x.
    assert (xs.min(), xs.max(), ys.min(), ys.max()) == pytest.approx((99, 100, 50, 52))
    record = only_xref(plan)
    assert record.status is XrefStatus.LOADED
    assert record.found_at == str((tmp_path / "xrefs" / "part.dxf").resolve())
    assert plan.layer("XWALL") is not None
    assert not any("External reference" in w for w in plan.warnings)


def test_a_scaled_xref_and_one_in_other_units(tmp_path):
    part(tmp_path / "mm.dxf", insunits=4)  # 2000 x 1000 mm would be 2 x 1 m
    doc_path = host(tmp_path / "host.dxf", "mm.dxf", (0, 0), xscale=3, yscale=3)
    drawn = segments(read_dxf(doc_path), "XWALL")
    # The millimetre XREF is scaled to the metre host, then by the insert's 3.
    assert drawn[:, [0, 2]].max() == pytest.approx(2 * 3 / 1000)


def test_an_absolute_windows_path_is_found_by_name_next_to_the_drawing(tmp_path):
    part(tmp_path / "core.dxf")
    path = host(tmp_path / "host.dxf", r"C:\Projects\School\core.dxf")
    record = only_xref(read_dxf(path))
    assert record.status is XrefStatus.LOADED
    assert record.path == r"C:\Projects\School\core.dxf"


def test_a_dwg_reference_finds_a_dxf_export_of_the_same_name(tmp_path):
    part(tmp_path / "core.dxf")
    (tmp_path / "core.dwg").write_bytes(b"AC1032\x00\x00binary")
    record = only_xref(read_dxf(host(tmp_path / "host.dxf", "core.dwg")))
    assert record.status is XrefStatus.LOADED
    assert record.found_at.endswith("core.dxf")


def test_a_missing_xref_is_reported_with_where_it_was_looked_for(tmp_path):
    plan = read_dxf(host(tmp_path / "host.dxf", "..\\shared\\gone.dxf"))
    record = only_xref(plan)
    assert record.status is XrefStatus.MISSING
    assert str(tmp_path / "gone.dxf") in record.searched
    [warning] = [w for w in plan.warnings if "External reference" in w]
    assert "'XR' (..\\shared\\gone.dxf) was not found next to the drawing" in warning
    assert str(tmp_path / "gone.dxf") in warning
    assert len(segments(plan, "WALL")) == 1  # the rest of the drawing is there


def test_an_unreadable_xref_is_reported(tmp_path):
    (tmp_path / "broken.dxf").write_bytes(b"this is not a drawing at all\n")
    plan = read_dxf(host(tmp_path / "host.dxf", "broken.dxf"))
    record = only_xref(plan)
    assert record.status is XrefStatus.UNREADABLE
    assert "not a DXF drawing" in record.message
    assert any("could not be read" in w for w in plan.warnings)


def test_extra_folders_are_searched(tmp_path):
    part(tmp_path / "library" / "part.dxf")
    (tmp_path / "job").mkdir()
    path = host(tmp_path / "job" / "host.dxf", "part.dxf")
    options = ImportOptions(xref_folders=(tmp_path / "library",))
    assert only_xref(read_dxf(path)).status is XrefStatus.MISSING
    assert only_xref(read_dxf(path, options)).status is XrefStatus.LOADED


def test_re_import_from_a_review_says_the_xref_is_not_next_to_the_drawing(tmp_path):
    part(tmp_path / "part.dxf")
    review = new_review([host(tmp_path / "host.dxf", "part.dxf")])
    plan = plan_for_sheet(review, review.sheets[0])  # from the embedded bytes
    assert only_xref(plan).status is XrefStatus.MISSING
    assert any("was not found next to the drawing" in w for w in plan.warnings)


def test_xref_cycles_are_drawn_once_and_reported(tmp_path):
    for name, other in (("a.dxf", "b.dxf"), ("b.dxf", "a.dxf")):
        doc = ezdxf.new("R2013")
        doc.header["$INSUNITS"] = 6
        doc.modelspace().add_line((0, 0), (1, 0), dxfattribs={"layer": name})
        ezdxf.xref.define(doc, "OTHER", other)
        doc.modelspace().add_blockref("OTHER", (0, 1))
        doc.saveas(tmp_path / name)
    started = time.perf_counter()
    plan = read_dxf(tmp_path / "a.dxf")
    assert time.perf_counter() - started < 5
    assert len(segments(plan, "a.dxf")) == 1
    assert len(segments(plan, "b.dxf")) == 1
    statuses = {
        (r.name, r.referenced_by.endswith("b.dxf")): r.status for r in plan.xrefs
    }
    assert statuses == {
        ("OTHER", False): XrefStatus.LOADED,
        ("OTHER", True): XrefStatus.CYCLE,
    }
    assert any("refers back to" in w for w in plan.warnings)


def test_xref_nesting_is_bounded(tmp_path):
    depth = MAX_XREF_DEPTH + 3
    for level in range(depth):
        doc = ezdxf.new("R2013")
        doc.header["$INSUNITS"] = 6
        doc.modelspace().add_line((0, level), (1, level), dxfattribs={"layer": "L"})
        ezdxf.xref.define(doc, "NEXT", f"level{level + 1}.dxf")
        doc.modelspace().add_blockref("NEXT", (0, 0))
        doc.saveas(tmp_path / f"level{level}.dxf")
    plan = read_dxf(tmp_path / "level0.dxf")
    assert len(segments(plan, "L")) == MAX_XREF_DEPTH + 1
    statuses = [record.status for record in plan.xrefs]
    assert statuses.count(XrefStatus.LOADED) == MAX_XREF_DEPTH
    assert XrefStatus.TOO_DEEP in statuses


def test_overlays_inside_an_xref_are_not_shown(tmp_path):
    part(tmp_path / "overlaid.dxf", layer="OVERLAY")
    middle = ezdxf.new("R2013")
    middle.modelspace().add_line((0, 0), (1, 0), dxfattribs={"layer": "MIDDLE"})
    ezdxf.xref.define(middle, "OV", "overlaid.dxf", overlay=True)
    middle.modelspace().add_blockref("OV", (0, 0))
    middle.saveas(tmp_path / "middle.dxf")
    direct = read_dxf(tmp_path / "middle.dxf")
    assert len(segments(direct, "OVERLAY")) == 4  # an overlay of the host is shown
    plan = read_dxf(host(tmp_path / "host.dxf", "middle.dxf"))
    assert len(segments(plan, "MIDDLE")) == 1
    assert len(segments(plan, "OVERLAY")) == 0
    assert XrefStatus.NOT_SHOWN in {record.status for record in plan.xrefs}


def test_candidates_never_look_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    part(tmp_path / "stray.dxf")
    elsewhere = tmp_path / "job"
    elsewhere.mkdir()
    assert tmp_path / "stray.dxf" not in xref_candidates("stray.dxf", elsewhere)
    plan = read_dxf(host(elsewhere / "host.dxf", "stray.dxf"))
    assert only_xref(plan).status is XrefStatus.MISSING


def test_corpus_xref_host_draws_its_xref():
    path = corpus_file("xref/attach_host_dxf.dxf")
    plan = read_dxf(path)
    alone = read_dxf(corpus_file("xref/xref.dxf"))
    record = only_xref(plan)
    assert (record.name, record.path, record.status) == (
        "dxf_xref",
        "xref.dxf",
        XrefStatus.LOADED,
    )
    assert record.found_at == str(path.parent.resolve() / "xref.dxf")
    gear = segments(plan, "GEAR")
    assert len(gear) == len(segments(alone, "GEAR")) > 0
    assert plan.extents.as_list() == pytest.approx(alone.extents.as_list(), abs=1e-6)


def test_corpus_unresolved_xref_is_reported(tmp_path):
    path = corpus_file("xref/unresolved_xref_host.dxf")
    plan = read_dxf(path)
    record = only_xref(plan)
    assert (record.name, record.path, record.status) == (
        "Wrong",
        "./Test_",
        XrefStatus.MISSING,
    )
    [warning] = [w for w in plan.warnings if "External reference" in w]
    assert "'Wrong' (./Test_) was not found next to the drawing" in warning
    assert str(path.resolve().parent / "Test_") in warning
    assert "not placed in this layout" in warning


def test_corpus_xref_host_copied_alone_reports_the_missing_xref(tmp_path):
    shutil.copy(corpus_file("xref/attach_host_dxf.dxf"), tmp_path / "host.dxf")
    plan = read_dxf(tmp_path / "host.dxf")
    assert only_xref(plan).status is XrefStatus.MISSING
    assert any("'dxf_xref' (xref.dxf) was not found" in w for w in plan.warnings)
