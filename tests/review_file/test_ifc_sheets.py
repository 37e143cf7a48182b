"""An IFC model in a review: a sheet per floor storey, kept through save and load."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from tests.fixtures.ifc_models import build_school

from designreview.review_file.archive import read_review_bytes, review_bytes
from designreview.review_file.sheets import new_review, plans_for_sheets

if TYPE_CHECKING:
    from pathlib import Path

pytest.importorskip("ifcopenshell")


def test_a_new_review_of_a_model_has_its_floors_and_not_its_roof(
    tmp_path: Path,
) -> None:
    review = new_review([build_school(tmp_path / "school.ifc")])
    assert [(s.name, s.level) for s in review.sheets] == [("Ground", 0), ("Upper", 1)]
    assert all(s.storey and s.source_name == "school.ifc" for s in review.sheets)
    assert len(review.sources) == 1  # one model embedded, however many storeys


def test_each_sheet_reads_its_own_storey_after_save_and_load(tmp_path: Path) -> None:
    review = new_review([build_school(tmp_path / "school.ifc")])
    again = read_review_bytes(review_bytes(review), "school.dreview")
    assert [s.storey for s in again.sheets] == [s.storey for s in review.sheets]
    plans = plans_for_sheets(again)
    names = [plans[s.id].bim.storey_name for s in again.sheets]
    rooms = [[space.name for space in plans[s.id].spaces] for s in again.sheets]
    assert names == ["Ground", "Upper"]
    assert rooms == [["Classroom"], ["Office"]]
