"""A drawing with floors side by side becomes one sheet per floor, read once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.fixtures.dxf_files import floors_dxf

from designreview.model.geometry import Extents
from designreview.review_file import sheets as sheets_module
from designreview.review_file.archive import (
    read_review,
    read_review_bytes,
    review_bytes,
)
from designreview.review_file.sheets import new_review, plan_for_sheet, plans_for_sheets

DATA = Path(__file__).parent / "data"

# Floors of floors_dxf in millimetres: walls x 0..30 m and 40..70 m, y 0..10 m; a
# 4 m margin around each, stopped at the middle of the 10 m band (x = 35 m), and
# the second floor's left edge at 40 - 4 = 36 m.
GROUND = Extents(-4_000, -4_000, 34_000, 14_000)
FIRST = Extents(36_000, -4_000, 74_000, 14_000)


def test_a_new_review_split_into_floors_has_a_sheet_per_floor(tmp_path):
    review = new_review([floors_dxf(tmp_path / "school.dxf")], split_floors=True)
    assert [(s.name, s.level, s.region) for s in review.sheets] == [
        ("GROUND FLOOR", 0, GROUND),
        ("1ST FLOOR", 1, FIRST),
    ]
    assert len(review.sources) == 1  # one drawing, embedded once
    assert {s.source_sha256 for s in review.sheets} == {review.sources[0].sha256}


def test_without_split_a_drawing_is_one_sheet_as_before(tmp_path):
    review = new_review([floors_dxf(tmp_path / "school.dxf")])
    assert [(s.name, s.region) for s in review.sheets] == [("school", None)]


def test_a_drawing_of_one_floor_is_one_sheet_even_when_split(tmp_path):
    review = new_review(
        [floors_dxf(tmp_path / "one.dxf", titles=("GROUND FLOOR",))], split_floors=True
    )
    assert [(s.name, s.region) for s in review.sheets] == [("one", None)]


def test_each_floor_sheet_has_its_own_walls_rooms_and_texts(tmp_path):
    review = new_review([floors_dxf(tmp_path / "school.dxf")], split_floors=True)
    plans = plans_for_sheets(review)
    ground, first = (plans[s.id] for s in review.sheets)
    # 12 wall lines and 3 rooms traced from the walls per floor (24 and 6 whole).
    assert (ground.counts.walls, ground.counts.spaces) == (12, 3)
    assert (first.counts.walls, first.counts.spaces) == (12, 3)
    assert "1ST FLOOR" not in {t.text for t in ground.labels}
    assert "GROUND FLOOR" not in {t.text for t in first.labels}
    assert plan_for_sheet(review, review.sheets[1]).counts.walls == 12


def test_floors_of_one_drawing_share_one_reading_of_the_file(tmp_path, monkeypatch):
    review = new_review([floors_dxf(tmp_path / "school.dxf")], split_floors=True)
    calls = []
    real = sheets_module.read_dxf_regions

    def counted(path, regions, *args, **kwargs):
        calls.append(regions)
        return real(path, regions, *args, **kwargs)

    monkeypatch.setattr(sheets_module, "read_dxf_regions", counted)
    plans_for_sheets(review)
    assert calls == [(GROUND, FIRST)]


def test_a_region_round_trips_through_the_review_file(tmp_path):
    review = new_review([floors_dxf(tmp_path / "school.dxf")], split_floors=True)
    again = read_review_bytes(review_bytes(review), "school.dreview")
    assert again == review
    assert again.sheets[1].region == FIRST


def test_sheets_of_version_1_files_read_the_whole_drawing():
    # The field was added without a schema step: absent means the whole drawing.
    review = read_review(DATA / "review_v1.dreview")
    assert [s.region for s in review.sheets] == [None] * len(review.sheets)


def test_a_floor_sheet_keeps_its_region_when_the_unit_is_corrected(tmp_path):
    # The region is in drawing units: read in centimetres instead of millimetres,
    # the first floor's walls are 10x as long, x 400..700 m, and still 12 lines.
    from designreview.model.units import LengthUnit

    review = new_review([floors_dxf(tmp_path / "school.dxf")], split_floors=True)
    sheet = replace(review.sheets[1], unit_override=LengthUnit.CENTIMETRE)
    plan = plan_for_sheet(review, sheet)
    assert plan.counts.walls == 12
    assert (plan.drawing_extents_m.min_x, plan.drawing_extents_m.max_x) == (400, 700)
