"""Sheets re-derive their plans from the embedded drawing, with the user's fixes."""

from dataclasses import replace

import pytest
from tests.fixtures.dxf_files import rooms_dxf

from designreview.model.errors import PlanReadError
from designreview.model.plan import LayerCategory
from designreview.model.review import LayerOverride
from designreview.model.units import LengthUnit
from designreview.review_file.sheets import new_review, plan_for_sheet


def test_plan_comes_from_the_embedded_bytes_not_the_file(tmp_path):
    path = rooms_dxf(tmp_path / "rooms.dxf")
    review = new_review([path])
    path.unlink()  # the review opens anywhere, without the original drawing
    plan = plan_for_sheet(review, review.sheets[0])
    assert plan.source_name == "rooms.dxf"
    assert plan.extents.width == pytest.approx(10.0)


def test_unit_override_and_layer_corrections_apply(tmp_path):
    review = new_review([rooms_dxf(tmp_path / "rooms.dxf")])
    sheet = replace(
        review.sheets[0],
        unit_override=LengthUnit.FOOT,
        layer_overrides=(LayerOverride("A-FURN", LayerCategory.WALL),),
    )
    plan = plan_for_sheet(review, sheet)
    assert plan.units is LengthUnit.FOOT
    assert plan.extents.width == pytest.approx(10 * 0.3048)
    assert plan.layer("A-FURN").category is LayerCategory.WALL


def test_missing_drawing_is_a_clear_error(tmp_path):
    review = new_review([rooms_dxf(tmp_path / "rooms.dxf")])
    with pytest.raises(PlanReadError, match="missing from the review"):
        plan_for_sheet(replace(review, sources=()), review.sheets[0])


def test_same_drawing_twice_is_embedded_once(tmp_path):
    path = rooms_dxf(tmp_path / "rooms.dxf")
    review = new_review([path, path])
    assert len(review.sheets) == 2
    assert len(review.sources) == 1
    assert review.sheets[1].name == "rooms (2)"


def test_a_calibrated_scale_reads_the_drawing_and_wins_over_the_unit(tmp_path):
    import ezdxf

    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 1  # inches, but drawn at 1 unit = 1.5 mm
    doc.modelspace().add_line((0, 0), (1000, 0), dxfattribs={"layer": "A-WALL"})
    doc.saveas(tmp_path / "scaled.dxf")
    review = new_review([tmp_path / "scaled.dxf"])
    sheet = replace(
        review.sheets[0], unit_override=LengthUnit.FOOT, scale_override_m=0.0015
    )
    plan = plan_for_sheet(review, sheet)
    assert plan.scale_to_m == 0.0015
    assert plan.extents.width == pytest.approx(1.5)
    assert plan.is_calibrated
    assert plan.unit_report.reasons[0] == (
        "calibrated by the user: 1 drawing unit = 1.5 mm"
    )
    plain = plan_for_sheet(review, replace(sheet, scale_override_m=None))
    assert plain.extents.width == pytest.approx(1000 * 0.3048)
    assert not plain.is_calibrated
