"""Breach points and doors marked propped or forced survive a save and a load."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.fixtures.reviews import SHEET, full_review

from designreview.model.ids import MarkupId
from designreview.model.markups import (
    AccessPoint,
    Breach,
    BreachKind,
    DoorConstruction,
    Stamp,
)
from designreview.review_file.archive import (
    read_review,
    read_review_bytes,
    review_bytes,
)

MADE = Stamp("r-ann", "2026-11-20T09:00:00+00:00")


def test_breach_points_and_door_states_round_trip():
    review = full_review()
    door = next(m for m in review.markups if isinstance(m, AccessPoint))
    marked = replace(
        door, is_propped=True, is_forced=True, construction=DoorConstruction.WOOD
    )
    breach = Breach(
        MarkupId("m-breach"), SHEET, MADE, MADE, (4.0, 0.5), BreachKind.WINDOW, "W-3"
    )
    others = tuple(m for m in review.markups if m.id != door.id)
    review = replace(review, markups=(marked, breach, *others))
    again = read_review_bytes(review_bytes(review), "r.dreview")
    assert again == review
    assert again.markup(MarkupId("m-breach")) == breach


def test_doors_saved_before_these_fields_load_as_standing_shut():
    # The frozen version-1 file was written before doors could be propped or forced.
    review = read_review(Path(__file__).parent / "data" / "review_v1.dreview")
    doors = [m for m in review.markups if isinstance(m, AccessPoint)]
    assert doors
    assert {(d.is_propped, d.is_forced, d.construction) for d in doors} == {
        (False, False, DoorConstruction.UNKNOWN)
    }
