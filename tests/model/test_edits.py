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
    RemoveReviewer,
    RemoveSheet,
    ReplaceMarkup,
    ReplaceSheet,
    SetCheckSettings,
    SetDecision,
    SetReviewer,
    SetReviewInfo,
)
from designreview.model.ids import MarkupId, ReviewerId, SheetId
from designreview.model.markups import AssetKind, Stamp
from designreview.model.responder import MapIssue
from designreview.model.responder_edits import SetResponderInfo
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
        "remove sheet": RemoveSheet.of(review, sheet),
        "replace sheet": ReplaceSheet(sheet, replace(sheet, name="Ground floor")),
        "add reviewer": SetReviewer(None, Reviewer(ReviewerId("r-x"), "Kim", "Fire")),
        "remove reviewer": RemoveReviewer.of(review, review.reviewers[0]),
        "edit reviewer": SetReviewer(
            review.reviewers[0], replace(review.reviewers[0], agency="Sheriff")
        ),
        "info": SetReviewInfo(review.info, replace(review.info, school="New name")),
        "responder map": SetResponderInfo(
            review.responder,
            replace(
                review.responder,
                address="1 Main St",
                none_on_site=(AssetKind.GAS_SHUTOFF,),
                issued=MapIssue(3, "2026-12-08", "0123456789abcdef"),
            ),
        ),
        "true north": ReplaceSheet(sheet, replace(sheet, true_north_deg=-8.5)),
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
        "withdraw decision": SetDecision.of(
            review, review.decisions[0].finding_key, None, "Withdraw"
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


def three_of_each() -> Review:
    """The full review with three sheets (two drawings), reviewers and decisions."""
    review = full_review()
    first = review.sheets[0]
    other = source_file(b"other", "l2.dxf")
    third = source_file(b"third", "l3.dxf")
    decision = review.decisions[0]
    return replace(
        review,
        sheets=(
            first,
            Sheet(SheetId("s-2"), "Level 2", other.name, other.sha256),
            Sheet(SheetId("s-3"), "Level 3", third.name, third.sha256),
        ),
        sources=(review.sources[0], other, third),
        reviewers=(*review.reviewers, Reviewer(ReviewerId("r-kim"), "Kim", "Fire")),
        decisions=tuple(
            replace(decision, finding_key=key) for key in ("R-1:a", "R-1:b", "R-1:c")
        ),
    )


def middle_removals(review: Review):
    """Each removing edit, aimed at the middle one of three."""
    return {
        "markup": RemoveMarkup.of(review, review.markups[1]),
        "sheet": RemoveSheet.of(review, review.sheets[1]),
        "reviewer": RemoveReviewer.of(review, review.reviewers[1]),
        "decision": SetDecision.of(review, "R-1:b", None, "Withdraw"),
    }


@pytest.mark.parametrize("name", list(middle_removals(three_of_each())))
def test_undoing_a_removal_puts_the_middle_one_back_in_the_middle(name):
    review = three_of_each()
    edit = middle_removals(review)[name]
    changed, _ = edit.apply(review)
    # One of three gone, and the one removed was the second: undo must re-insert it at
    # index 1, not append it (which left order a, c, b and a review unequal to the
    # original).
    assert changed != review
    restored, _ = edit.inverted().apply(changed)
    assert restored == review


def test_undoing_a_sheet_removal_puts_its_drawing_back_in_place():
    review = three_of_each()
    changed, _ = RemoveSheet.of(review, review.sheets[1]).apply(review)
    # The middle sheet was the only user of the middle drawing, so both go...
    assert [f.name for f in changed.sources] == [review.sources[0].name, "l3.dxf"]
    restored, _ = RemoveSheet.of(review, review.sheets[1]).inverted().apply(changed)
    # ...and both come back second.
    assert [s.id for s in restored.sheets] == ["s-level1", "s-2", "s-3"]
    assert [f.name for f in restored.sources] == [
        review.sources[0].name,
        "l2.dxf",
        "l3.dxf",
    ]


def test_changing_a_decision_keeps_its_place():
    review = three_of_each()
    first = review.decisions[0]
    after = replace(first, kind=DecisionKind.DISMISS, reason="by design")
    changed, _ = SetDecision.of(review, "R-1:a", after, "Dismiss").apply(review)
    # Before, a change dropped the old decision and appended the new: order b, c, a.
    assert [d.finding_key for d in changed.decisions] == ["R-1:a", "R-1:b", "R-1:c"]
    assert changed.decisions[0] == after


def test_removing_first_and_last_markups_in_one_batch_undoes_in_order():
    review = three_of_each()
    a, b, c = review.markups[:3]
    # Highest index first (as the select tool orders them): remove c at 2, then a at
    # 0. Undo adds a at 0 into (b, ...) then c at 2 into (a, b, ...): a, b, c again.
    batch = Batch((RemoveMarkup.of(review, c), RemoveMarkup.of(review, a)))
    changed, _ = batch.apply(review)
    assert [m.id for m in changed.markups][:1] == [b.id]
    restored, _ = batch.inverted().apply(changed)
    assert [m.id for m in restored.markups] == [m.id for m in review.markups]


def test_adding_a_markup_at_an_index_past_the_end_appends_it():
    review = three_of_each()
    extra = replace(review.markups[0], id=MarkupId("m-extra"))
    changed, _ = AddMarkup(extra, index=99).apply(review)
    assert changed.markups[-1] == extra


def test_an_agency_decision_replaces_its_own_and_leaves_the_other_agencys():
    """Police and Fire each decided on finding R-1:a (as a merge of their copies
    keeps them). Fire dismissing it replaces Fire's decision only; undo brings
    Fire's back; Police's stays throughout."""
    police = Reviewer(ReviewerId("r-pd"), "Ann", "City Police")
    fire = Reviewer(ReviewerId("r-fd"), "Kim", "Fire marshal")
    base = replace(three_of_each(), reviewers=(police, fire), decisions=())
    by_police = Decision("R-1:a", DecisionKind.ACCEPT, Stamp("r-pd", "09:00"))
    by_fire = Decision("R-1:a", DecisionKind.WILL_FIX, Stamp("r-fd", "10:00"))
    review = replace(base, decisions=(by_police, by_fire))
    dismissed = Decision("R-1:a", DecisionKind.DISMISS, Stamp("r-fd", "11:00"), "ok")
    edit = SetDecision.of(review, "R-1:a", dismissed, "Dismiss")
    changed, _ = edit.apply(review)
    assert changed.decisions == (by_police, dismissed)
    restored, _ = edit.inverted().apply(changed)
    assert restored.decisions == (by_police, by_fire)
    # A reviewer of a third agency adds a decision of its own beside both.
    school = Decision("R-1:a", DecisionKind.ACCEPT, Stamp("r-x", "12:00"))
    added, _ = SetDecision.of(review, "R-1:a", school, "Accept").apply(review)
    assert added.decisions == (by_police, by_fire, school)
