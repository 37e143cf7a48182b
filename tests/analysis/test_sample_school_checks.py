"""The bundled sample school: every planted flaw is found, and nothing else fails.

The flaws and the parts designed to comply are listed in sample_plans/README.md.
"""

from __future__ import annotations

import pytest

from designreview.analysis.run import ChecksCancelledError, run_checks
from designreview.model.findings import Severity
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path


@pytest.fixture(scope="module")
def result():
    review, plans = load_review_and_plans(sample_review_path())
    return run_checks(review, plans)


def fails(result, rule):
    return [
        f for f in result.findings if f.rule == rule and f.severity is Severity.FAIL
    ]


def test_classroom_and_cafeteria_doors_that_cannot_lock(result):
    doors = sorted(f.message.split(" of ")[0] for f in fails(result, "ROOM-1"))
    assert doors == ["Door 114A", "Door 130A", "Door 130B", "Door 130C"]


def test_classroom_117_has_no_hard_corner_and_the_others_do(result):
    [room_2] = fails(result, "ROOM-2")
    assert room_2.message.startswith("CLASSROOM 117:")
    corners = {
        r.name: r.hard_corner_m2 for r in result.rooms if r.hard_corner_m2 is not None
    }
    assert corners.pop("CLASSROOM 117") < 19.8
    assert min(corners.values()) > 19.8  # 43 occupants x 0.46 m²


def test_reception_cannot_see_the_vestibule(result):
    [entry_3] = fails(result, "ENTRY-3")
    assert "VESTIBULE 101" in entry_3.message


def test_dead_end_corridor_152(result):
    [dead_end] = fails(result, "EGRESS-2")
    assert dead_end.message.startswith("CORRIDOR 152 is a dead end 10.")  # 35 ft


@pytest.mark.parametrize(
    "rule",
    [
        "ENTRY-1",
        "ENTRY-2",
        "ENTRY-4",
        "ENTRY-5",
        "ROOM-3",
        "EGRESS-1",
        "REFUGE-1",
        "SAFE-1",
        "DATA-1",
    ],
)
def test_compliant_parts_do_not_fail(result, rule):
    assert [f.message for f in result.findings if f.rule == rule] == []


def test_nothing_is_left_unknown(result):
    assert result.count(Severity.NEEDS_INFORMATION) == 0


def test_checks_stop_between_rules_when_asked():
    review, plans = load_review_and_plans(sample_review_path())
    asked = []

    def cancelled():
        asked.append(True)
        return len(asked) > 2  # stop before the third check

    with pytest.raises(ChecksCancelledError):
        run_checks(review, plans, cancelled=cancelled)
    assert len(asked) == 3
