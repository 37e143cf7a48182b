"""The MAP-* checks: the sample school's map passes each state profile, and each
check fails when its item is taken away."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from designreview.analysis.rules import RULES, map_common
from designreview.analysis.run import run_checks
from designreview.model.findings import Severity
from designreview.model.markups import (
    AccessPoint,
    AssetKind,
    Comment,
    Designation,
    ResponderMark,
)
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

MAP_RULES = {k: v for k, v in RULES.items() if k.startswith("MAP-")}


@pytest.fixture(autouse=True)
def meeting_week(monkeypatch):
    """The clock at 2026-12-08, 18 days after the sample's walk-through."""
    monkeypatch.setattr(map_common, "today", lambda: dt.date(2026, 12, 8))


@pytest.fixture(scope="module")
def sample():
    return load_review_and_plans(sample_review_path())


def findings(review, plans):
    return list(run_checks(review, plans, MAP_RULES).findings)


def rules_failing(review, plans):
    return sorted({f.rule for f in findings(review, plans)})


def without(review, mark_id):
    return replace(review, markups=tuple(m for m in review.markups if m.id != mark_id))


def with_info(review, **changes):
    return replace(review, responder=replace(review.responder, **changes))


@pytest.mark.parametrize("profile", ["texas", "florida", "new-jersey"])
def test_the_sample_school_map_meets_every_profile(sample, profile):
    review, plans = sample
    assert findings(with_info(review, profile=profile), plans) == []


def test_map_1_an_exterior_door_without_designation(sample):
    review, plans = sample
    marks = tuple(
        replace(m, designation=Designation.NONE)
        if isinstance(m, AccessPoint) and m.door_number == "E7"
        else m
        for m in review.markups
    )
    changed = replace(review, markups=marks)
    found = [f for f in findings(changed, plans) if f.rule == "MAP-1"]
    assert len(found) == 1
    assert "E7" in found[0].message
    assert "no designation" in found[0].message
    assert found[0].severity is Severity.FAIL
    assert found[0].citation.startswith("Texas: 19 TAC 61.1031")


def test_map_2_a_room_without_its_number(sample):
    review, plans = sample
    plan = plans["sheet-level-1"]
    spaces = tuple(
        replace(s, number="") if s.number == "118" else s for s in plan.spaces
    )
    changed_plans = {"sheet-level-1": replace(plan, spaces=spaces)}
    found = [f for f in findings(review, changed_plans) if f.rule == "MAP-2"]
    assert [f.message.split(" (")[0] for f in found] == ["Room CLASSROOM"]


def test_map_3_a_hallway_without_name(sample):
    review, plans = sample
    found = [
        f for f in findings(without(review, "rm-hall-151"), plans) if f.rule == "MAP-3"
    ]
    assert len(found) == 1
    assert found[0].message.startswith("Corridor 151")


def test_map_4_true_north_unknown(sample):
    review, plans = sample
    sheet = replace(review.sheets[0], true_north_deg=None)
    changed = replace(review, sheets=(sheet,))
    assert "MAP-4" in rules_failing(changed, plans)


def test_map_4_true_north_from_the_ifc_model(sample):
    from designreview.model.bim import BimSource

    review, plans = sample
    sheet = replace(review.sheets[0], true_north_deg=None)
    plan = replace(plans[sheet.id], bim=BimSource("IFC4", "p", true_north_deg=12.0))
    checked = findings(replace(review, sheets=(sheet,)), {sheet.id: plan})
    assert "MAP-4" not in {f.rule for f in checked}


def test_map_5_squares_too_small_for_a_to_z(sample):
    # 1 m squares over a building about 100 m across need about 100 columns.
    review, plans = sample
    assert "MAP-5" in rules_failing(with_info(review, grid_cell_m=1.0), plans)


def test_map_6_a_required_asset_missing_or_marked_none_on_site(sample):
    review, plans = sample
    no_box = without(review, "rm-knox")
    found = [f for f in findings(no_box, plans) if f.rule == "MAP-6"]
    assert [f.subjects for f in found] == [("asset:key_box",)]
    marked = with_info(no_box, none_on_site=(AssetKind.KEY_BOX,))
    assert "MAP-6" not in rules_failing(marked, plans)


def test_map_6_follows_the_profile(sample):
    # Florida's list has no reunification point; Texas's has.
    review, plans = sample
    no_point = without(review, "rm-reunify")
    assert "MAP-6" in rules_failing(no_point, plans)
    assert "MAP-6" not in rules_failing(with_info(no_point, profile="florida"), plans)


@pytest.mark.parametrize(
    ("date", "why"),
    [("", "gives no date"), ("Nov 2026", "is not a date"),
     ("2025-12-07", "366 days ago")],
)  # fmt: skip
def test_map_7_walk_through_missing_or_too_old(sample, date, why):
    # 2025-12-07 to 2026-12-08 is 366 days, past Texas's 365.
    review, plans = sample
    found = [
        f
        for f in findings(with_info(review, walkthrough_date=date), plans)
        if f.rule == "MAP-7"
    ]
    assert len(found) == 1
    assert why in found[0].message


def test_map_7_a_walk_through_365_days_ago_still_counts(sample):
    review, plans = sample
    year = with_info(review, walkthrough_date="2025-12-08")
    assert "MAP-7" not in rules_failing(year, plans)


def test_map_8_an_edit_to_what_the_map_shows_puts_it_out_of_date(sample):
    review, plans = sample
    moved = tuple(
        replace(m, position=(m.position[0] + 3.0, m.position[1]))
        if m.id == "rm-aed-gym"
        else m
        for m in review.markups
    )
    found = [
        f for f in findings(replace(review, markups=moved), plans) if f.rule == "MAP-8"
    ]
    assert found[0].severity is Severity.FAIL
    assert "revision 1 (2026-11-20)" in found[0].message
    assert "revision 2" in found[0].message


def test_map_8_a_comment_leaves_the_issued_map_current(sample):
    review, plans = sample
    stamp = review.markups[0].created
    note = Comment("c-new", review.sheets[0].id, stamp, stamp, (80.0, 40.0), "Note")
    assert findings(replace(review, markups=(*review.markups, note)), plans) == []


def test_map_8_never_issued_is_a_warning(sample):
    review, plans = sample
    found = list(findings(with_info(review, issued=None), plans))
    assert [(f.rule, f.severity) for f in found] == [("MAP-8", Severity.WARNING)]


def test_a_responder_mark_edit_reruns_the_map_checks(sample):
    from designreview.analysis.parts import Part, changed_parts
    from designreview.analysis.run import rules_reading
    from designreview.model.changes import ChangeSet

    review, _ = sample
    parts = changed_parts(ChangeSet(updated=("rm-knox",)), review, review)
    assert parts == {Part.MAP}
    # REV-1 too: a revision may flag a responder mark like any markup.
    assert rules_reading(parts) == {*MAP_RULES, "REV-1"}
    assert isinstance(review.markup("rm-knox"), ResponderMark)
