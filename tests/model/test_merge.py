"""Merging copies of one review: changes taken, conflicts listed, nothing lost."""

from dataclasses import dataclass, replace

import pytest
from tests.fixtures.reviews import ANN, JOSE, full_review

from designreview.model.changes import ChangeSet
from designreview.model.document import Document
from designreview.model.edits import (
    AddMarkup,
    RemoveMarkup,
    ReplaceMarkup,
    SetCheckSettings,
    SetReviewer,
    SetReviewInfo,
)
from designreview.model.ids import MarkupId, ReviewerId
from designreview.model.lineage import Lineage, saved_as
from designreview.model.markups import (
    CommentStatus,
    LockFunction,
    Reply,
    Stamp,
    StatusChange,
    Zone,
)
from designreview.model.merge import (
    AdoptMerge,
    Copy,
    Prefer,
    common_base,
    merge_reviews,
)
from designreview.model.merge_report import report_markdown
from designreview.model.review import CheckSetting, Decision, DecisionKind, Reviewer

FIRE = ReviewerId("r-fire")
T1, T2, T3 = (f"2026-12-0{d}T10:00:00+00:00" for d in (1, 2, 3))


def base_review():
    review = full_review()
    review = replace(
        review,
        reviewers=(*review.reviewers, Reviewer(FIRE, "Pat Okafor", "Fire marshal")),
    )
    return replace(review, lineage=saved_as(Lineage(), "base"))


def copy_of(base, who, at, *make_edits, revision=None):
    """``base`` edited by ``who`` at ``at``; each edit made from the review so far."""
    doc = Document(base, who)
    doc.clock = lambda: at
    for make in make_edits:
        doc.apply(make(doc.review, Stamp(who, at)))
    return replace(doc.review, lineage=saved_as(base.lineage, revision or who + at))


def change(markup_id, **fields):
    def make(review, stamp):
        before = review.markup(MarkupId(markup_id))
        return ReplaceMarkup(before, replace(before, modified=stamp, **fields))

    return make


def delete(markup_id):
    return lambda review, _s: RemoveMarkup.of(
        review, review.markup(MarkupId(markup_id))
    )


def decide(finding, kind, reason=""):
    def make(review, stamp):
        after = Decision(finding, kind, stamp, reason)
        existing = [
            d for d in review.decisions if d.by.reviewer_id == stamp.reviewer_id
        ]
        before = next((d for d in existing if d.finding_key == finding), None)
        return _AgencyDecision(before, after)

    return make


@dataclass(frozen=True)
class _AgencyDecision:
    """One agency's decision, kept beside the other agencies' decisions."""

    before: Decision | None
    after: Decision
    label: str = "Record decision"

    def apply(self, review):
        kept = tuple(d for d in review.decisions if d != self.before)
        return replace(review, decisions=(*kept, self.after)), ChangeSet(decisions=True)


def content(review):
    """What a reviewer sees: everything but the bookkeeping of history and lineage."""
    return replace(review, history=(), lineage=Lineage())


def merged(*copies, base=None, **options):
    named = [Copy(f"{chr(65 + i)}.dreview", c) for i, c in enumerate(copies)]
    return merge_reviews(named, Copy("base.dreview", base) if base else None, **options)


def zone(stamp):
    return Zone(
        MarkupId("m-new-zone"), "s-level1", stamp, stamp, ((0, 0), (1, 0), (1, 1))
    )


def reply(markup_id, text):
    def make(review, stamp):
        before = review.markup(MarkupId(markup_id))
        after = replace(before, replies=(*before.replies, Reply(stamp, text)))
        return ReplaceMarkup(before, replace(after, modified=stamp))

    return make


def test_three_copies_without_conflicts_merge_to_every_edit_applied():
    base = base_review()
    police = [change("m-cam", direction_deg=10.0), reply("m-comment", "Police: agreed")]
    fire = [
        change("m-door", lock=LockFunction.KEY_OUTSIDE_ONLY),
        lambda _r, s: AddMarkup(zone(s)),
    ]
    architect = [
        delete("m-sight"),
        lambda r, _s: SetReviewInfo(r.info, replace(r.info, school="Sant Jordi")),
        lambda r, _s: SetCheckSettings(
            r.check_settings,
            (*r.check_settings, CheckSetting("EGRESS-1", "max_m", 61.0)),
        ),
    ]
    a = copy_of(base, ANN, T1, *police)
    b = copy_of(base, FIRE, T2, *fire)
    c = copy_of(base, JOSE, T3, *architect)
    result = merged(a, b, c, base=base)
    everything = copy_of(copy_of(a, FIRE, T2, *fire), JOSE, T3, *architect)
    assert result.conflicts == ()
    assert content(result.review) == content(everything)
    assert set(result.review.history) >= {*a.history, *b.history, *c.history}
    taken = {(ch.item, ch.field, ch.action, ch.copies) for ch in result.changes}
    assert taken >= {
        ("m-cam", "direction_deg", "changed", ("A.dreview",)),
        ("m-comment", "replies", "replied", ("A.dreview",)),
        ("m-door", "lock", "changed", ("B.dreview",)),
        ("m-new-zone", "", "added", ("B.dreview",)),
        ("m-sight", "", "deleted", ("C.dreview",)),
        ("info", "school", "changed", ("C.dreview",)),
        ("EGRESS-1 max_m", "", "added", ("C.dreview",)),
    }
    door = next(ch for ch in result.changes if ch.item == "m-door")
    assert door.by == Stamp(FIRE, T2)
    deleted = next(ch for ch in result.changes if ch.item == "m-sight")
    assert deleted.by == Stamp(JOSE, T3)  # from the copy's history


def test_a_field_changed_differently_is_a_conflict_settled_by_the_rule():
    base = base_review()
    a = copy_of(base, ANN, T1, change("m-cam", direction_deg=10.0, label="CAM-A"))
    b = copy_of(base, FIRE, T2, change("m-cam", direction_deg=20.0, range_m=12.0))
    result = merged(a, b, base=base)
    [conflict] = result.conflicts
    assert (conflict.key, conflict.base, conflict.chosen) == (
        "markup:m-cam:direction_deg",
        45.0,
        0,
    )
    assert [(o.copies, o.value, o.by) for o in conflict.options] == [
        (("A.dreview",), 10.0, Stamp(ANN, T1)),
        (("B.dreview",), 20.0, Stamp(FIRE, T2)),
    ]
    camera = result.review.markup(MarkupId("m-cam"))
    assert (camera.direction_deg, camera.label, camera.range_m) == (10.0, "CAM-A", 12.0)
    assert camera.modified == Stamp(FIRE, T2)  # the newest change, never a conflict
    for prefer, expected in ((Prefer.LAST, 20.0), (Prefer.NEWEST, 20.0)):
        again = merged(a, b, base=base, prefer=prefer)
        assert again.review.markup(MarkupId("m-cam")).direction_deg == expected
    chosen = merged(a, b, base=base, choices={conflict.key: 1})
    assert chosen.review.markup(MarkupId("m-cam")).direction_deg == 20.0
    assert chosen.conflicts[0].chosen == 1


def set_agency(agency):
    def make(review, _stamp):
        ann = review.reviewers[0]
        return SetReviewer(ann, replace(ann, agency=agency))

    return make


def set_meeting(date):
    return lambda r, _s: SetReviewInfo(r.info, replace(r.info, meeting_date=date))


def set_threshold(value):
    setting = CheckSetting("REFUGE-1", "max_distance_m", value)
    return lambda r, _s: SetCheckSettings(r.check_settings, (setting,))


@pytest.mark.parametrize(
    ("edit_a", "edit_b", "key", "values"),
    [
        (set_agency("Sheriff"), set_agency("ISD PD"), "reviewer:r-ann:agency",
         ["Sheriff", "ISD PD"]),
        (set_meeting("2026-12-10"), set_meeting("2026-12-17"),
         "info:info:meeting_date", ["2026-12-10", "2026-12-17"]),
        (set_threshold(20.0), set_threshold(35.0),
         "setting:REFUGE-1 max_distance_m:value", [20.0, 35.0]),
        (change("m-comment", status=CommentStatus.RESOLVED),
         change("m-comment", status=CommentStatus.REJECTED),
         "markup:m-comment:status", [CommentStatus.RESOLVED, CommentStatus.REJECTED]),
    ],
    ids=["reviewer", "review details", "check threshold", "comment status"],
)  # fmt: skip
def test_each_kind_of_field_conflict_lists_both_values(edit_a, edit_b, key, values):
    base = base_review()
    result = merged(
        copy_of(base, ANN, T1, edit_a), copy_of(base, FIRE, T2, edit_b), base=base
    )
    [conflict] = result.conflicts
    assert conflict.key == key
    assert [o.value for o in conflict.options] == values
    # Who and when, even for edits that name no id in the history.
    assert [o.by for o in conflict.options] == [Stamp(ANN, T1), Stamp(FIRE, T2)]


def test_status_histories_and_replies_are_unions_in_time_order():
    base = base_review()

    def status(new):
        def make(review, stamp):
            before = review.markup(MarkupId("m-comment"))
            history = (*before.history, StatusChange(stamp, new))
            return ReplaceMarkup(
                before, replace(before, history=history, modified=stamp)
            )

        return make

    a = copy_of(
        base, ANN, T2, status(CommentStatus.RESOLVED), reply("m-comment", "done")
    )
    b = copy_of(base, FIRE, T1, status(CommentStatus.OPEN), reply("m-comment", "no"))
    comment = merged(a, b, base=base).review.markup(MarkupId("m-comment"))
    assert [r.text for r in comment.replies] == [
        "Hardware changed to classroom security.",
        "no",
        "done",
    ]
    assert [h.status for h in comment.history][-2:] == [
        CommentStatus.OPEN, CommentStatus.RESOLVED
    ]  # fmt: skip


def test_decisions_of_different_agencies_stand_side_by_side():
    base = base_review()
    a = copy_of(base, ANN, T1, decide("ROOM-1:m-door", DecisionKind.ACCEPT, "police"))
    b = copy_of(base, FIRE, T2, decide("ROOM-1:m-door", DecisionKind.DISMISS, "fire"))
    result = merged(a, b, base=base)
    assert result.conflicts == ()
    on_door = [d for d in result.review.decisions if d.finding_key == "ROOM-1:m-door"]
    assert {(d.by.reviewer_id, d.kind) for d in on_door} == {
        (JOSE, DecisionKind.WILL_FIX),  # the architect's, in the base
        (ANN, DecisionKind.ACCEPT),
        (FIRE, DecisionKind.DISMISS),
    }


def test_one_agency_deciding_differently_in_two_copies_is_a_conflict():
    base = base_review()
    a = copy_of(base, ANN, T1, decide("SURV-1:z", DecisionKind.ACCEPT))
    b = copy_of(base, ANN, T2, decide("SURV-1:z", DecisionKind.WILL_FIX))
    result = merged(a, b, base=base)
    [conflict] = result.conflicts
    assert (conflict.key, conflict.field) == (
        "decision:SURV-1:z | City Police:decision",
        "decision",
    )
    text = report_markdown(result, Prefer.FIRST)
    assert "### 1. Decision on SURV-1:z: decision" in text
    assert "- A.dreview: accept, by Ann Lee (City Police)" in text
    assert [o.value.kind for o in conflict.options] == [
        DecisionKind.ACCEPT, DecisionKind.WILL_FIX
    ]  # fmt: skip


def test_a_deletion_against_an_edit_is_a_conflict_and_the_edit_is_kept_in_it():
    base = base_review()
    a = copy_of(base, ANN, T1, delete("m-door"))
    b = copy_of(base, FIRE, T2, change("m-door", lock=LockFunction.NONE))
    result = merged(a, b, base=base)
    [conflict] = result.conflicts
    assert (conflict.key, conflict.field) == ("markup:m-door:", "")
    deleted, edited = conflict.options
    assert (deleted.deleted, deleted.copies, deleted.by) == (
        True,
        ("A.dreview",),
        Stamp(ANN, T1),
    )
    assert (edited.value.lock, edited.copies) == (LockFunction.NONE, ("B.dreview",))
    assert result.review.markup(MarkupId("m-door")) is None
    assert not any(ch.item == "m-door" for ch in result.changes)
    kept = merged(a, b, base=base, choices={conflict.key: 1}).review
    assert kept.markup(MarkupId("m-door")).lock is LockFunction.NONE
    edit_first = merged(b, a, base=base)
    assert edit_first.review.markup(MarkupId("m-door")).lock is LockFunction.NONE


def test_merging_the_same_copy_twice_changes_nothing():
    base = base_review()
    a = copy_of(base, ANN, T1, change("m-cam", direction_deg=10.0), delete("m-sight"))
    b = copy_of(base, FIRE, T2, change("m-cam", direction_deg=20.0))
    twice = merged(a, a, base=base)
    assert content(twice.review) == content(a)
    assert twice.conflicts == ()
    first = merged(a, b, base=base)
    saved = replace(first.review, lineage=saved_as(first.review.lineage, "m1"))
    copies = [Copy("M.dreview", saved), Copy("B.dreview", b)]
    found = common_base(copies, copies)
    assert found is not None
    assert found.name == "B.dreview"  # B is the ancestor of the merge
    again = merge_reviews(copies, found)
    assert again.conflicts == ()
    assert content(again.review) == content(saved)


def test_without_a_common_ancestor_the_merge_is_two_way_and_loses_nothing():
    base = base_review()
    a = copy_of(base, ANN, T1, change("m-cam", direction_deg=10.0), delete("m-sight"))
    b = copy_of(base, FIRE, T2, lambda _r, s: AddMarkup(zone(s)))
    a = replace(a, lineage=Lineage("a1"))
    b = replace(b, lineage=Lineage("b1"))
    assert (
        common_base([Copy("A", a), Copy("B", b)], [Copy("A", a), Copy("B", b)]) is None
    )
    result = merged(a, b)
    ids = {m.id for m in result.review.markups}
    assert {"m-sight", "m-new-zone", "m-cam"} <= ids  # a union: deletions unknown
    assert {c.key for c in result.conflicts} == {"markup:m-cam:direction_deg"}
    assert result.notes == ()
    # What both hold alike is no change; what only one holds is reported as its own.
    assert {(c.item, c.action, c.copies) for c in result.changes} == {
        ("m-sight", "added", ("B.dreview",)),
        ("m-new-zone", "added", ("B.dreview",)),
    }
    other = merged(a, replace(b, id="another-review"))
    assert other.notes == (
        "B.dreview is a copy of another review (id another-review, not rev-1); it "
        "was merged all the same.",
    )


def test_adopting_a_merge_is_one_step_that_undoes():
    base = base_review()
    a = copy_of(base, ANN, T1, change("m-cam", direction_deg=10.0))
    b = copy_of(base, FIRE, T2, delete("m-sight"))
    result = merged(a, b, base=base)
    edit = AdoptMerge(a, result.review)
    after, changes = edit.apply(a)
    assert changes.everything
    assert after == result.review
    assert edit.inverted().apply(after)[0] == a
