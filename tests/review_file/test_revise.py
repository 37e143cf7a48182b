"""The sample school carried onto the architect's revised drawing.

The revision (tests/fixtures/revised_sample.py) moves door 114A 36 in (0.9144 m)
along its wall (the door is turned 90 degrees: +y), removes exterior door E5 and
walls up its opening, renames room 102 RECEPTION to WELCOME and adds classroom
160. The sample review marks 114A and E5 with access points.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from tests.fixtures.revised_sample import revised_sample

from designreview.analysis.run import run_checks
from designreview.model.errors import DesignReviewError
from designreview.model.ids import ReviewerId
from designreview.model.markups import Stamp
from designreview.model.review import Decision, DecisionKind
from designreview.review_file.archive import read_review
from designreview.review_file.revise import find_sheet, revise_sheet
from designreview.review_file.sample import sample_plan_path, sample_review_path
from designreview.review_file.sheets import plans_for_sheets

if TYPE_CHECKING:
    from pathlib import Path

BY = Stamp(ReviewerId("r-ann"), "2026-12-08T09:00:00Z")


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory):
    path = revised_sample(tmp_path_factory.mktemp("rev") / "sample_rev2.dxf")
    review = read_review(sample_review_path())
    sheet = review.sheets[0]
    old = plans_for_sheets(review)[sheet.id]
    door = next(d for d in old.doors if d.number == "114A")
    # A decision on a finding about door 114A, taken before the revision.
    findings = run_checks(review, {sheet.id: old}).findings
    # (ROOM-1 names the door and its room; LOCK-1 names the intruder's whole path,
    # which the revision changes: that is a new race, and a new finding.)
    about = next(f for f in findings if door.id in f.subjects and f.rule == "ROOM-1")
    decided = replace(
        review, decisions=(Decision(about.key, DecisionKind.ACCEPT, BY, "as drawn"),)
    )
    after, report, plan = revise_sheet(decided, sheet, path, BY, old_plan=old)
    return decided, after, report, plan, about, path


def test_the_report_lists_exactly_the_four_changes(revised) -> None:
    _, _, report, _, _, _ = revised
    assert [c.text for c in report.changes] == [
        "Door E5 removed",
        "Door 114A moved 0.91 m",
        "Room 102 RECEPTION renamed to 102 WELCOME",
        "Room 160 CLASSROOM added",
    ]


def test_the_access_point_follows_its_door_and_the_orphan_is_flagged(revised) -> None:
    before, after, report, _, _, _ = revised
    old = {m.id: m for m in before.markups}
    new = {m.id: m for m in after.markups}
    assert report.followed == ("ap-114a",)
    (x, y), (nx, ny) = old["ap-114a"].position, new["ap-114a"].position
    assert (nx - x, ny - y) == (pytest.approx(0.0, abs=1e-6), pytest.approx(0.9144))
    assert report.flagged == ("ap-e5",)
    assert new["ap-e5"] == old["ap-e5"]  # kept as it was, not dropped
    assert len(after.markups) == len(before.markups)


def test_the_decision_stays_with_its_finding_and_rev1_lists_the_orphan(revised) -> None:
    _, after, _, plan, _about, _ = revised
    sheet = after.sheets[0]
    findings = run_checks(after, {sheet.id: plan}).findings
    [decision] = after.decisions
    # Same rule, same subjects on the new drawing: the decision still applies.
    assert decision.finding_key in {f.key for f in findings}
    flags = [f for f in findings if f.rule == "REV-1"]
    assert [f.subjects for f in flags] == [("ap-e5",)]
    assert decision.finding_key in sheet.revision.findings_before


def test_the_sheet_reads_the_new_drawing_and_keeps_the_old(revised) -> None:
    before, after, _, _, _, path = revised
    sheet = after.sheets[0]
    assert sheet.source_name == path.name
    assert sheet.name == before.sheets[0].name
    assert sheet.revision.previous_name == sample_plan_path().name
    assert after.source(sheet.revision.previous_sha256) is not None
    assert plans_for_sheets(after)[sheet.id].spaces  # the new drawing reads back


def test_the_same_drawing_again_and_an_unknown_sheet_are_refused() -> None:
    review = read_review(sample_review_path())
    with pytest.raises(DesignReviewError, match="already shows"):
        revise_sheet(review, review.sheets[0], sample_plan_path(), BY)
    with pytest.raises(DesignReviewError, match="no sheet 'Attic'; its sheets are"):
        find_sheet(review, "Attic")


def test_the_command_line_writes_the_revised_review(revised, tmp_path: Path) -> None:
    *_, path = revised
    out = tmp_path / "rev2.dreview"
    result = subprocess.run(
        [sys.executable, "-m", "designreview", "revise", str(sample_review_path()),
         "--sheet", "Level 1", str(path), "-o", str(out), "--json"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(c["what"], c["kind"]) for c in data["changes"]] == [
        ("door", "removed"), ("door", "moved"), ("room", "renamed"), ("room", "added"),
    ]  # fmt: skip
    assert data["flagged"] == ["ap-e5"]
    assert [s.source_name for s in read_review(out).sheets] == [path.name]


def test_an_ifc_revision_pairs_doors_and_rooms_by_global_id(tmp_path) -> None:
    # The revised model: the same elements (same GlobalIds), the ground floor's
    # door and its opening 1 m further east, the classroom renamed Science Lab.
    import ifcopenshell
    from tests.fixtures.ifc_models import build_school

    from designreview.review_file.sheets import new_review

    first = build_school(tmp_path / "school.ifc")
    model = ifcopenshell.open(str(first))
    ground = next(s for s in model.by_type("IfcBuildingStorey") if s.Name == "Ground")
    door = next(d for d in model.by_type("IfcDoor") if d.Name == "Door Ground")
    hole = door.FillsVoids[0].RelatingOpeningElement
    for element in (door, hole):
        point = element.ObjectPlacement.RelativePlacement.Location
        point.Coordinates = (point.Coordinates[0] + 1.0, *point.Coordinates[1:])
    room = next(s for s in model.by_type("IfcSpace") if s.LongName == "Classroom")
    room.LongName = "Science Lab"
    model.write(str(tmp_path / "school-rev2.ifc"))
    review = new_review([first])
    sheet = next(s for s in review.sheets if s.storey == ground.GlobalId)
    after, report, plan = revise_sheet(review, sheet, tmp_path / "school-rev2.ifc", BY)
    assert [c.text for c in report.changes] == [
        "An unnumbered door moved 1.00 m",
        "Room 101 Classroom renamed to 101 Science Lab",
    ]
    assert plan.bim.storey_guid == ground.GlobalId
    [changed] = [s for s in after.sheets if s.id == sheet.id]
    assert changed.storey == ground.GlobalId
    assert changed.source_name == "school-rev2.ifc"
