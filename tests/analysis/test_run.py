"""The runner reruns only the checks an edit can affect, and that loses nothing.

Which checks rerun is derived from what each rule declares it reads (``READS``) and
what each edit's ChangeSet touched; the property test below edits the sample school
at random and compares every partial rerun with a full run.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designreview.analysis.parts import ALL_PARTS, Part, changed_parts
from designreview.analysis.rules import RULES
from designreview.analysis.run import (
    ChecksCancelledError,
    CheckStep,
    rules_reading,
    run_checks,
)
from designreview.model.changes import ChangeSet
from designreview.model.document import Document
from designreview.model.edits import (
    AddMarkup,
    RemoveMarkup,
    ReplaceMarkup,
    SetCheckSettings,
    SetReviewInfo,
)
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Camera,
    Comment,
    LockFunction,
    Observer,
    ObserverKind,
    Sightline,
    Space,
    SpaceType,
    Stamp,
    Zone,
    ZoneKind,
)
from designreview.model.review import CheckSetting
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

STAMP = Stamp("r", "2026-12-07T10:00:00+00:00")


@functools.cache
def sample():
    return load_review_and_plans(sample_review_path())


def test_each_kind_of_markup_reruns_the_checks_that_read_it():
    review, _plans = sample()
    sheet = review.sheets[0].id
    camera = Camera("cam", sheet, STAMP, STAMP, (76.0, 33.0))
    after = replace(review, markups=(*review.markups, camera))
    # The camera is gone from ``after`` when it is deleted; ``before`` still has it.
    removed = changed_parts(ChangeSet(removed=("cam",)), after, review)
    assert removed == {Part.CAMERAS}
    # REV-1 reads every kind of markup: a flagged one may be of any kind.
    assert rules_reading(removed) == {"SURV-1", "CAM-1", "REV-1"}
    door = changed_parts(ChangeSet(updated=("ap-114a",)), review, review)
    assert "SAFE-1" not in rules_reading(door)
    assert {"ROOM-1", "ROOM-2", "EGRESS-2", "CAM-1"} <= rules_reading(door)
    assert changed_parts(ChangeSet(updated=("c-152",)), review, review) == set()
    unknown = changed_parts(ChangeSet(updated=("nobody",)), review, review)
    assert unknown == ALL_PARTS  # rerunning too much is slow, too little is wrong
    assert rules_reading(changed_parts(ChangeSet(settings=True), review, review)) == (
        set(RULES)
    )


def test_an_edit_no_check_reads_reruns_nothing_and_keeps_the_result():
    review, plans = sample()
    full = run_checks(review, plans)
    calls = []

    def counting(rule_id):
        rule = RULES[rule_id]

        class Counted:
            RULE_ID, TITLE, CITATION = rule.RULE_ID, rule.TITLE, rule.CITATION
            READS, Params = rule.READS, rule.Params

            @staticmethod
            def check(ctx, params):
                calls.append(rule_id)
                return rule.check(ctx, params)

        return Counted

    rules = {k: counting(k) for k in RULES}
    again = run_checks(review, plans, rules, full, changed=frozenset())
    assert calls == []
    assert again == full
    run_checks(review, plans, rules, full, changed=frozenset({Part.OBSERVERS}))
    assert sorted(calls) == ["ENTRY-3", "REV-1", "SURV-1"]


def _point(draw):
    # Inside the sample school's walls: x 29.6..122.8, y 26.8..89.3 m.
    return (
        draw(st.floats(30.0, 122.0).map(lambda v: round(v, 2))),
        draw(st.floats(27.0, 89.0).map(lambda v: round(v, 2))),
    )


def _edit(draw, review, plans, step):
    """One random edit of the kinds a reviewer makes, against the current review."""
    sheet = review.sheets[0].id
    plan = plans[sheet]
    markups = list(review.markups)
    kind = draw(
        st.sampled_from(
            [
                "move",
                "lock",
                "camera",
                "observer",
                "safe room",
                "space",
                "remove",
                "settings",
                "comment",
                "sightline",
                "info",
                "door",
            ]
        )
    )
    new_id = f"h{step}"
    if kind == "move" and markups:
        m = draw(st.sampled_from([m for m in markups if hasattr(m, "position")]))
        return ReplaceMarkup(m, replace(m, position=_point(draw)))
    if kind == "lock":
        doors = [m for m in markups if isinstance(m, AccessPoint)]
        if doors:
            m = draw(st.sampled_from(doors))
            lock = draw(st.sampled_from(list(LockFunction)))
            return ReplaceMarkup(m, replace(m, lock=lock))
    if kind == "camera":
        camera = Camera(
            new_id,
            sheet,
            STAMP,
            STAMP,
            _point(draw),
            draw(st.floats(-180, 180)),
            draw(st.sampled_from([60.0, 90.0])),
            30.0,
            draw(st.sampled_from([1280, 3840])),
        )
        return AddMarkup(camera)
    if kind == "observer":
        how = draw(st.sampled_from(list(ObserverKind)))
        return AddMarkup(Observer(new_id, sheet, STAMP, STAMP, _point(draw), how))
    if kind == "safe room":
        room = draw(st.sampled_from(plan.spaces))
        zone = Zone(
            new_id,
            sheet,
            STAMP,
            STAMP,
            room.outline,
            ZoneKind.SAFE_ROOM,
            "Safe room",
            draw(st.none() | st.integers(1, 200)),
        )
        return AddMarkup(zone)
    if kind == "space":
        room = draw(st.sampled_from(plan.spaces))
        use = draw(st.sampled_from(list(SpaceType)))
        return AddMarkup(Space(new_id, sheet, STAMP, STAMP, room.outline, "", use))
    if kind == "remove" and markups:
        return RemoveMarkup.of(review, draw(st.sampled_from(markups)))
    if kind == "settings":
        rule_id = draw(st.sampled_from(["ROOM-2", "EGRESS-2", "SURV-1", "ENTRY-3"]))
        name, value = {
            "ROOM-2": ("area_per_occupant_m2", 1.5),
            "EGRESS-2": ("unsprinklered_m", 12.0),
            "SURV-1": ("min_visible_fraction", 0.05),
            "ENTRY-3": ("visible_fraction", 0.05),
        }[rule_id]
        setting = CheckSetting(rule_id, name, value)
        return SetCheckSettings(review.check_settings, (setting,))
    if kind == "sightline":
        line = Sightline(new_id, sheet, STAMP, STAMP, _point(draw), _point(draw))
        return AddMarkup(line)
    if kind == "info":
        return SetReviewInfo(review.info, replace(review.info, project=f"P{step}"))
    if kind == "door":
        door = draw(st.sampled_from(plan.doors))
        mark = AccessPoint(
            new_id,
            sheet,
            STAMP,
            STAMP,
            door.center,
            draw(st.sampled_from(list(AccessKind))),
            lock=draw(st.sampled_from(list(LockFunction))),
            has_vision_panel=draw(st.booleans()),
        )
        return AddMarkup(mark)
    note = Comment(new_id, sheet, STAMP, STAMP, _point(draw), "Look here.")
    return AddMarkup(note)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_partial_reruns_after_random_edits_equal_a_full_run(data):
    review, plans = sample()
    document = Document(review)
    result = run_checks(review, plans)
    for step in range(data.draw(st.integers(1, 4), label="edits")):
        before = document.review
        edit = _edit(data.draw, before, plans, step)
        changes = document.apply(edit)
        after = document.review
        parts = changed_parts(changes, before, after)
        result = run_checks(after, plans, previous=result, changed=parts)
        assert result == run_checks(after, plans), type(edit).__name__


def test_each_check_is_told_before_it_runs_with_how_far_the_run_is():
    review, plans = sample()
    sheet = review.sheets[0].id
    two = {rule_id: RULES[rule_id] for rule_id in ("ROOM-1", "SAFE-1")}
    steps = []
    run_checks(review, plans, two, progress=steps.append)
    # One sheet, two checks: 0 of 2 done before the first, 1 of 2 before the second.
    assert steps == [
        CheckStep(sheet, "ROOM-1", 0, 2),
        CheckStep(sheet, "SAFE-1", 1, 2),
    ]
    assert [step.share for step in steps] == [0.0, 0.5]


def test_a_cancel_stops_the_run_before_the_next_check():
    review, plans = sample()
    two = {rule_id: RULES[rule_id] for rule_id in ("ROOM-1", "SAFE-1")}
    steps = []
    with pytest.raises(ChecksCancelledError, match="stopped"):
        run_checks(
            review, plans, two, cancelled=lambda: bool(steps), progress=steps.append
        )
    assert [step.rule_id for step in steps] == ["ROOM-1"]
