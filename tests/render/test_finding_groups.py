"""Findings alike are listed once; the findings themselves stay individual."""

from __future__ import annotations

from tests.fixtures.plans import SHEET, long_corridor, review_of

from designreview.analysis.run import run_checks
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Camera, Stamp
from designreview.render.finding_groups import group_findings

STAMP = Stamp("r", "2026-11-28T10:00:00+00:00")


def fail(key, message, rule="CAM-1", severity=Severity.FAIL):
    return Finding(key, rule, severity, message, "s", (0.0, 0.0))


def test_exterior_doors_no_camera_sees_are_one_group():
    # A 100 m corridor with exits at both ends and one camera at its middle
    # looking north into a wall: both exits fail CAM-1 for the same reason.
    camera = Camera("c", SHEET, STAMP, STAMP, (50.0, -1.5), 90.0, 60.0, 20.0, 1920)
    plan = long_corridor(exits=("west", "east"))
    result = run_checks(review_of([camera]), {SHEET: plan})
    doors = [f for f in result.findings if f.rule == "CAM-1" and f.severity.rank == 0]
    assert len(doors) == 2  # still two findings for --json, CSV and BCF
    [group] = [g for g in group_findings(result.findings) if g.rule == "CAM-1"
               and g.severity is Severity.FAIL]  # fmt: skip
    assert group.findings == tuple(doors)
    assert group.title == "2 alike: Door EAST, Door WEST"
    assert group.summary == (
        "Door … (exterior): no camera sees it; identifying a face needs 250 px/m. "
        "Add or aim a camera at it."
    )


def test_only_one_rule_severity_and_message_shape_make_a_group():
    findings = [
        fail("a", "Door E1 (exterior): no camera sees it."),
        fail("b", "Door E1 (exterior): the best camera gives 80 px/m."),
        fail("c", "Door E1 (exterior): no camera sees it.", severity=Severity.WARNING),
        fail("d", "Door E1 (exterior): no camera sees it.", rule="CAM-2"),
        fail("e", "Door E2 (exterior): no camera sees it."),
    ]
    groups = group_findings(findings)
    assert [[f.key for f in g.findings] for g in groups] == [
        ["a", "e"],
        ["b"],
        ["c"],
        ["d"],
    ]
    assert [g.is_group for g in groups] == [True, False, False, False]
    assert groups[1].summary == "Door E1 (exterior): the best camera gives 80 px/m."


def test_a_long_group_names_six_and_counts_the_rest():
    # Nine doors; the distance differs as well as the door, the door is named.
    findings = [
        fail(f"k{i}", f"Door E{i} (exterior): the best camera gives {10 * i} px/m.")
        for i in range(1, 10)
    ]
    [group] = group_findings(findings)
    assert group.title == (
        "9 alike: Door E1, Door E2, Door E3, Door E4, Door E5, Door E6 and 3 more"
    )
    assert group.summary == "Door … (exterior): the best camera gives … px/m."


def test_rooms_named_after_an_opening_word():
    findings = [
        fail(
            "a", "From Classroom 114 the walk to the nearest exit is 70 m.", "EGRESS-1"
        ),
        fail("b", "From Music 112 the walk to the nearest exit is 65 m.", "EGRESS-1"),
    ]
    [group] = group_findings(findings)
    assert group.members == ("Classroom 114", "Music 112")
