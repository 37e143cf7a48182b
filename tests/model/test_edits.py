"""Every edit applies, reports what changed, and its inverse restores the original."""

from dataclasses import replace

import pytest
from tests.fixtures.reviews import full_review, source_file

from designreview.model.changes import ChangeSet
from designreview.model.document import Document
from designreview.model.edits import (
    AddMarkup,
    AddSheet,
    Batch,
    RemoveMarkup,
    RemoveSheet,
    ReplaceMarkup,
    ReplaceSheet,
    SetCheckSettings,
    SetDecision,
    SetReviewer,
    SetReviewInfo,
)
from designreview.model.ids import ReviewerId, SheetId
from designreview.model.review import (
    CheckSetting,
    Decision,
    DecisionKind,
    Review,
    Reviewer,
    Sheet,
)


def edits_for(review: Review):
    door = review.markups[0]
    moved = replace(door, position=(99.0, 1.0))
    sheet = review.sheets[0]
    new_sheet = Sheet(SheetId("s-2"), "Level 2", "l2.dxf", source_file(b"other").sha256)
    return {
        "add": AddMarkup(replace(door, id="m-new")),
        "remove": RemoveMarkup.of(review, door),
        "replace": ReplaceMarkup(door, moved),
        "add sheet": AddSheet(new_sheet, source_file(b"other", "l2.dxf")),
        "remove sheet": RemoveSheet(sheet, review.sources[0]),
        "replace sheet": ReplaceSheet(sheet, replace(sheet, name="Ground floor")),
        "add reviewer": SetReviewer(None, Reviewer(ReviewerId("r-x"), "Kim", "Fire")),
        "edit reviewer": SetReviewer(
            review.reviewers[0], replace(review.reviewers[0], agency="Sheriff")
        ),
        "info": SetReviewInfo(review.info, replace(review.info, school="New name")),
        "decision": SetDecision(
            "ROOM-1:d",
            None,
            Decision(
                "ROOM-1:d", DecisionKind.WILL_FIX, review.markups[0].created, "", "Arch"
            ),
        ),
        "change decision": SetDecision(
            review.decisions[0].finding_key,
            review.decisions[0],
            replace(review.decisions[0], kind=DecisionKind.DISMISS, reason="n/a"),
        ),
        "settings": SetCheckSettings(
            review.check_settings, (CheckSetting("ROOM-2", "wall_clearance_m", 0.6),)
        ),
        "batch": Batch(
            (RemoveMarkup.of(review, door), AddMarkup(replace(door, id="m-b")))
        ),
    }


@pytest.mark.parametrize("name", list(edits_for(full_review())))
def test_edit_round_trips(name):
    review = full_review()
    edit = edits_for(review)[name]
    changed, changes = edit.apply(review)
    assert changed != review
    assert isinstance(changes, ChangeSet)
    restored, _ = edit.inverted().apply(changed)
    assert restored == review


def test_replace_keeps_the_markup_order():
    review = full_review()
    door = review.markups[0]
    changed, changes = ReplaceMarkup(door, replace(door, door_number="E9")).apply(
        review
    )
    assert [m.id for m in changed.markups] == [m.id for m in review.markups]
    assert changes.updated == (door.id,)


def test_removing_the_last_sheet_of_a_drawing_drops_its_bytes():
    review = full_review()
    changed, _ = RemoveSheet(review.sheets[0], review.sources[0]).apply(review)
    assert changed.sources == ()


def test_document_records_history_and_notifies_once():
    review = full_review()
    doc = Document(review, ReviewerId("r-ann"))
    doc.clock = lambda: "2026-11-28T10:00:00+00:00"
    heard = []
    doc.subscribe(lambda changes, initiator: heard.append((changes, initiator)))
    door = review.markups[0]
    doc.apply(RemoveMarkup(door), initiator="canvas")
    assert doc.review.markup(door.id) is None
    assert heard == [(ChangeSet(removed=(door.id,)), "canvas")]
    last = doc.review.history[-1]
    assert (last.label, last.ids, last.by.reviewer_id, last.by.at) == (
        "Delete markup",
        (door.id,),
        "r-ann",
        "2026-11-28T10:00:00+00:00",
    )
    assert doc.review.history[:-1] == review.history
