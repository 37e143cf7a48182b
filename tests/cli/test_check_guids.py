"""``check --json`` names the IFC GlobalIds of each finding's subjects."""

from __future__ import annotations

from tests.fixtures.bim_plans import DOOR, ROOM, ifc_classroom

from designreview.analysis.run import run_checks
from designreview.cli.analysis import check_report


def test_findings_of_an_ifc_plan_carry_ifc_guids():
    review, plans = ifc_classroom()
    report = check_report(run_checks(review, plans), plans, review)
    by_rule = {f["rule"]: f for f in report["findings"]}
    assert by_rule["ROOM-1"]["ifc_guids"] == [DOOR, ROOM]
    assert by_rule["ROOM-1"]["location"] == [1000.75, 2000.0]  # the model's frame
    assert by_rule["EGRESS-1"]["ifc_guids"] == []
