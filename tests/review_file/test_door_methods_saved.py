"""The ways of finding doors switched off for a sheet are kept in the review file."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

from tests.fixtures.reviews import full_review

from designreview.model.building import DoorMethod
from designreview.review_file.archive import read_review, write_review

DATA = Path(__file__).parent / "data"


def test_switched_off_methods_round_trip(tmp_path):
    review = full_review()
    sheet = replace(
        review.sheets[0], door_methods_off=(DoorMethod.GAP, DoorMethod.LINE)
    )
    review = replace(review, sheets=(sheet, *review.sheets[1:]))
    write_review(review, tmp_path / "r.dreview")
    again = read_review(tmp_path / "r.dreview")
    assert again == review
    assert again.sheets[0].door_methods_off == (DoorMethod.GAP, DoorMethod.LINE)
    with zipfile.ZipFile(tmp_path / "r.dreview") as archive:
        saved = json.loads(archive.read("review.json"))
    assert saved["review"]["sheets"][0]["door_methods_off"] == ["gap", "line"]


def test_sheets_of_version_1_files_find_doors_every_way():
    # The field was added without a schema step: absent means every way is on.
    assert read_review(DATA / "review_v1.dreview").sheets[0].door_methods_off == ()
