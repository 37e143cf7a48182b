"""A reviewer's e-mail address is kept in the review file; older files have none."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

from tests.fixtures.reviews import full_review

from designreview.review_file.archive import read_review, write_review

DATA = Path(__file__).parent / "data"


def test_email_round_trips(tmp_path):
    review = full_review()
    first = replace(review.reviewers[0], email="ortega@sheriff.example")
    review = replace(review, reviewers=(first, *review.reviewers[1:]))
    write_review(review, tmp_path / "r.dreview")
    again = read_review(tmp_path / "r.dreview")
    assert again == review
    assert again.reviewers[0].email == "ortega@sheriff.example"
    with zipfile.ZipFile(tmp_path / "r.dreview") as archive:
        saved = json.loads(archive.read("review.json"))
    assert saved["review"]["reviewers"][0]["email"] == "ortega@sheriff.example"


def test_reviewers_of_version_1_files_have_no_email():
    # Added without a schema step: absent means none.
    people = read_review(DATA / "review_v1.dreview").reviewers
    assert people
    assert {p.email for p in people} == {""}
