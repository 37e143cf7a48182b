"""Nothing is lost: every change in either copy is in the merge or in its conflicts."""

from dataclasses import fields, replace

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.fixtures.reviews import ANN, JOSE, full_review

from designreview.model.document import Document
from designreview.model.edits import (
    AddMarkup,
    RemoveMarkup,
    ReplaceMarkup,
    SetReviewer,
    SetReviewInfo,
)
from designreview.model.ids import MarkupId
from designreview.model.markups import (
    Comment,
    CommentStatus,
    LockFunction,
    Reply,
    Stamp,
)
from designreview.model.merge import Copy, merge_reviews

IDS = ["m-door", "m-obs", "m-cam", "m-sight", "m-zone", "m-space", "m-comment"]
FIELD_VALUES = {
    "m-door": ("lock", list(LockFunction)),
    "m-obs": ("label", ["Desk", "Window", "Post"]),
    "m-cam": ("direction_deg", [0.0, 90.0, 180.0]),
    "m-sight": ("label", ["a", "b"]),
    "m-zone": ("name", ["Refuge A", "Refuge B"]),
    "m-space": ("name", ["101", "102"]),
    "m-comment": ("status", list(CommentStatus)),
}
edit_steps = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.sampled_from(IDS), st.integers(0, 3)),
        st.tuples(st.just("delete"), st.sampled_from(IDS), st.just(0)),
        st.tuples(st.just("add"), st.sampled_from(IDS), st.integers(0, 3)),
        st.tuples(st.just("reply"), st.just("m-comment"), st.integers(0, 3)),
        st.tuples(st.just("agency"), st.just("r-ann"), st.integers(0, 3)),
        st.tuples(st.just("school"), st.just("info"), st.integers(0, 3)),
    ),
    max_size=8,
)


def apply_steps(base, who, steps):
    doc = Document(base, who)
    for n, (op, target, k) in enumerate(steps):
        stamp = Stamp(who, f"2026-12-0{1 + n % 9}T10:00:0{k}+00:00")
        doc.clock = lambda stamp=stamp: stamp.at
        review = doc.review
        markup = review.markup(MarkupId(target))
        if op == "set" and markup is not None:
            name, values = FIELD_VALUES[target]
            after = replace(markup, **{name: values[k % len(values)]}, modified=stamp)
            doc.apply(ReplaceMarkup(markup, after))
        elif op == "delete" and markup is not None:
            doc.apply(RemoveMarkup.of(review, markup))
        elif op == "add":
            template = full_review().markup(MarkupId(target))
            new = replace(template, id=MarkupId(f"{who}-{n}-{k}"), created=stamp)
            doc.apply(AddMarkup(replace(new, modified=stamp)))
        elif op == "reply" and isinstance(markup, Comment):
            after = replace(
                markup, replies=(*markup.replies, Reply(stamp, f"{who} {n}"))
            )
            doc.apply(ReplaceMarkup(markup, replace(after, modified=stamp)))
        elif op == "agency":
            ann = review.reviewers[0]
            doc.apply(SetReviewer(ann, replace(ann, agency=f"Agency {k}")))
        elif op == "school":
            doc.apply(SetReviewInfo(review.info, replace(review.info, school=f"S{k}")))
    return doc.review


def offered(conflicts, key, copy, value):
    return any(
        c.key == key and any(copy in o.copies and o.value == value for o in c.options)
        for c in conflicts
    )


@settings(max_examples=120, deadline=None)
@given(steps_a=edit_steps, steps_b=edit_steps)
def test_every_change_in_either_copy_is_merged_or_listed_as_a_conflict(
    steps_a, steps_b
):
    base = full_review()
    a, b = apply_steps(base, ANN, steps_a), apply_steps(base, JOSE, steps_b)
    result = merge_reviews([Copy("A", a), Copy("B", b)], Copy("base", base))
    merged = result.review
    for name, copy in (("A", a), ("B", b)):
        for markup in copy.markups:
            old = base.markup(markup.id)
            got = merged.markup(markup.id)
            if got is None:  # the other copy deleted it: unchanged here, or a conflict
                assert markup == old or offered(
                    result.conflicts, f"markup:{markup.id}:", name, markup
                )
                continue
            for spec in fields(markup):
                mine = getattr(markup, spec.name)
                if spec.name in ("id", "modified") or (
                    old and getattr(old, spec.name) == mine
                ):
                    continue
                if spec.name == "replies":
                    assert set(mine) <= set(got.replies)
                    continue
                key = f"markup:{markup.id}:{spec.name}"
                assert getattr(got, spec.name) == mine or offered(
                    result.conflicts, key, name, mine
                )
        for markup in base.markups:  # deleted in this copy
            if copy.markup(markup.id) is None and merged.markup(markup.id) is not None:
                assert any(c.key == f"markup:{markup.id}:" for c in result.conflicts)
        for entry in copy.history:
            assert entry in merged.history
        for field_name, key in (("school", "info:info:school"),):
            mine = getattr(copy.info, field_name)
            if mine != getattr(base.info, field_name):
                assert getattr(merged.info, field_name) == mine or offered(
                    result.conflicts, key, name, mine
                )
        agency = copy.reviewers[0].agency
        if agency != base.reviewers[0].agency:
            assert merged.reviewers[0].agency == agency or offered(
                result.conflicts, "reviewer:r-ann:agency", name, agency
            )


@settings(max_examples=60, deadline=None)
@given(steps_a=edit_steps, steps_b=edit_steps)
def test_without_an_ancestor_every_markup_and_every_value_is_kept_or_offered(
    steps_a, steps_b
):
    base = full_review()
    a, b = apply_steps(base, ANN, steps_a), apply_steps(base, JOSE, steps_b)
    result = merge_reviews([Copy("A", a), Copy("B", b)])
    for name, copy in (("A", a), ("B", b)):
        for markup in copy.markups:
            got = result.review.markup(markup.id)
            assert got is not None  # a two-way merge cannot tell a deletion
            for spec in fields(markup):
                mine = getattr(markup, spec.name)
                if spec.name in ("id", "modified"):
                    continue
                if spec.name == "replies":
                    assert set(mine) <= set(got.replies)
                    continue
                key = f"markup:{markup.id}:{spec.name}"
                assert getattr(got, spec.name) == mine or offered(
                    result.conflicts, key, name, mine
                )
