"""CSV export: what a spreadsheet reads back, in any language, with no formulas run."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC

import pytest
from tests.fixtures.bim_plans import DOOR, HALL, ROOM, ifc_classroom
from tests.fixtures.plans import plan_of
from tests.fixtures.reviews import SHEET, full_review

from designreview.analysis.rules import RULES
from designreview.analysis.run import CheckResult, run_checks
from designreview.exports.csv_table import (
    FINDING_COLUMNS,
    MARKUP_COLUMNS,
    write_findings_csv,
    write_markups_csv,
)
from designreview.model.building import DetectedDoor, DetectedSpace
from designreview.model.errors import DesignReviewError
from designreview.model.findings import Finding, Severity

ORIGIN = (500.0, -250.0)
"""Far from the origin and below it: coordinates are shifted, and may be negative."""
TRICKY = 'Door 1, "east" side\nsecond line; 教室'
FORMULAS = ("=1+1", "+1", "-1+2", "@SUM(A1:A2)", "\t=1", "\r=1")


@pytest.fixture
def review():
    return full_review()


@pytest.fixture
def plans():
    plan = plan_of(
        [[0, 0, 20, 0], [20, 0, 20, 10]],
        doors=[DetectedDoor("d-1", (1.0, 0.0), (2.0, 0.0), (1.0, 1.0), "101A")],
        spaces=[
            DetectedSpace("sp-1", ((0, 0), (9, 0), (9, 8), (0, 8)), "CLASSROOM", "101")
        ],
    )
    return {SHEET: replace(plan, origin_m=ORIGIN)}


def finding(key, message="Door E1 cannot be locked.", **changes):
    values = {
        "key": key,
        "rule": "ROOM-1",
        "severity": Severity.FAIL,
        "message": message,
        "sheet_id": SHEET,
        "location": (12.5, 3.25),
        "subjects": ("m-door", "d-1", "sp-1", "m-space"),
        "citation": "NFPA 101 (2018), 15.8.2.2",
    }
    return Finding(**(values | changes))


@pytest.fixture
def result():
    return CheckResult(
        (
            finding("ROOM-1:m-door"),
            finding("SURV-1:x", TRICKY, rule="SURV-1", severity=Severity.WARNING,
                    location=(-1.0, 0.5), subjects=("ghost",)),
            *(finding(f"F-{i}", text, subjects=()) for i, text in enumerate(FORMULAS)),
        ),
        (),
    )  # fmt: skip


def read(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


@pytest.fixture
def findings_csv(review, plans, result, tmp_path):
    path = tmp_path / "findings.csv"
    count = write_findings_csv(review, plans, result, path, zone=UTC)
    assert count == len(result.findings)
    return path


@pytest.fixture
def markups_csv(review, plans, tmp_path):
    path = tmp_path / "markups.csv"
    assert write_markups_csv(review, plans, path, zone=UTC) == len(review.markups)
    return path


# -- findings ------------------------------------------------------------------------


def test_findings_header_and_one_row_per_finding(findings_csv, result):
    header, rows = read(findings_csv)
    assert tuple(header) == FINDING_COLUMNS
    assert [row["ID"] for row in rows] == [f.key for f in result.findings]


def test_finding_row_values(findings_csv):
    row = read(findings_csv)[1][0]
    assert row == {
        "ID": "ROOM-1:m-door",
        "Rule": "ROOM-1",
        "Rule title": RULES["ROOM-1"].TITLE,
        "Severity": "Fail",
        "Sheet": "Level 1",
        "X (m)": "512.500",  # drawing coordinates: local + origin
        "Y (m)": "-246.750",  # negative, and still a number (no apostrophe)
        "Rooms": "CLASSROOM 101; 教室 101",  # names as written, never title-cased
        "Subjects": "Door E1; Door 101A",
        "IFC GUIDs": "",  # a DXF plan: no model elements
        "Message": "Door E1 cannot be locked.",
        "Citation": "NFPA 101 (2018), 15.8.2.2",
        "Decision": "Will fix",
        "Reason": "",
        "Owner": "Architect",
        "Decided by": "José Núñez (Architect)",
        "Decided at": "2026-11-20 09:30",
    }


def test_commas_quotes_and_line_breaks_survive(findings_csv):
    row = read(findings_csv)[1][1]
    assert row["Message"] == TRICKY
    assert row["Severity"] == "Warning"
    assert row["Subjects"] == "ghost"  # unknown ids are kept as they are
    assert row["X (m)"] == "499.000"
    assert row["Decision"] == ""


@pytest.mark.parametrize("index", range(len(FORMULAS)))
def test_formulas_are_neutralised(findings_csv, index):
    row = read(findings_csv)[1][2 + index]
    assert row["Message"] == "'" + FORMULAS[index]


def test_utf8_with_bom_and_crlf_for_excel(findings_csv):
    data = findings_csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "José Núñez" in text
    assert "教室 101" in text
    assert text.split("\r\n")[0] == ",".join(FINDING_COLUMNS)


def test_findings_without_a_plan_leave_coordinates_blank(review, result, tmp_path):
    path = tmp_path / "f.csv"
    write_findings_csv(review, {}, result, path, zone=UTC)
    row = read(path)[1][0]
    assert (row["X (m)"], row["Y (m)"]) == ("", "")
    assert row["Rooms"] == "教室 101"  # markups still have names
    assert row["Subjects"] == "Door E1; d-1; sp-1"


# -- markups -------------------------------------------------------------------------


def markup_rows(path):
    header, rows = read(path)
    assert tuple(header) == MARKUP_COLUMNS
    return {row["ID"]: row for row in rows}


def test_markups_one_row_each_with_type_and_label(markups_csv, review):
    rows = markup_rows(markups_csv)
    assert list(rows) == [m.id for m in review.markups]
    assert {i: (r["Type"], r["Label"]) for i, r in rows.items()} == {
        "m-door": ("Access point", "E1"),
        "m-obs": ("Observer", "Réception"),
        "m-cam": ("Camera", "CAM-01"),
        "m-sight": ("Sightline", ""),
        "m-zone": ("Safe room", "Aula 3 \u2013 refugio"),
        "m-space": ("Space", "教室 101"),
        "m-comment": ("Comment", "Door 104 cannot lock from inside \u2014 Tür…"),
    }


def test_door_row(markups_csv):
    door = markup_rows(markups_csv)["m-door"]
    assert (door["X (m)"], door["Y (m)"]) == ("512.500", "-246.750")
    assert (door["Author"], door["Agency"], door["Status"]) == (
        "Ann Lee",
        "City Police",
        "",
    )
    assert door["Created"] == "2026-11-20 09:00"
    assert door["Modified"] == "2026-11-20 09:30"
    details = door["Details"].split("; ")
    assert "Lock function: Lockable from inside" in details
    assert "Access control: Card reader, Intercom" in details
    assert "Designation: Primary visitor entry" in details
    assert "Width: 1.83 m" in details


@pytest.mark.parametrize(
    ("markup_id", "expected"),
    [
        ("m-cam", "Field of view: 92.5°"),
        ("m-cam", "Resolution (px): 2688"),
        ("m-zone", "Occupants: 28"),
        ("m-zone", "Area: 20.0 m²"),
        ("m-space", "Space type: Classroom"),
        ("m-sight", "To: 520.000, -249.000 m"),
        ("m-comment", "Shape: Cloud"),
    ],
)
def test_details_in_words(markups_csv, markup_id, expected):
    assert expected in markup_rows(markups_csv)[markup_id]["Details"].split("; ")


def test_comment_row_with_its_thread(markups_csv):
    row = markup_rows(markups_csv)["m-comment"]
    assert row["Text"] == (
        "Door 104 cannot lock from inside \u2014 Tür muss abschließbar sein"
    )
    assert (row["Status"], row["Priority"], row["Agency"]) == (
        "Answered",
        "High",
        "Sheriff",
    )
    assert row["Thread"].split("\n") == [
        "2026-11-20 09:00, Ann Lee (City Police): Status: Open",
        "2026-11-20 09:30, José Núñez (Architect): Hardware changed to classroom "
        "security.",
        "2026-11-20 09:30, José Núñez (Architect): Status: Answered (see reply)",
    ]


def test_formula_in_a_markup_label_is_neutralised(review, plans, tmp_path):
    door = replace(review.markups[0], door_number='=HYPERLINK("http://x")')
    path = tmp_path / "m.csv"
    write_markups_csv(replace(review, markups=(door,)), plans, path)
    assert markup_rows(path)["m-door"]["Label"] == '\'=HYPERLINK("http://x")'


def test_unwritable_folder_gives_a_readable_error(review, plans, result, tmp_path):
    missing = tmp_path / "no such folder"
    with pytest.raises(DesignReviewError, match="could not be written"):
        write_findings_csv(review, plans, result, missing / "f.csv")
    with pytest.raises(DesignReviewError, match="could not be written"):
        write_markups_csv(review, plans, missing / "m.csv")


def test_findings_of_an_ifc_plan_name_their_globalids(tmp_path):
    review, plans = ifc_classroom()
    result = run_checks(review, plans)
    write_findings_csv(review, plans, result, tmp_path / "ifc.csv", zone=UTC)
    rows = {row["Rule"]: row for row in read(tmp_path / "ifc.csv")[1]}
    assert rows["ROOM-1"]["IFC GUIDs"] == f"{DOOR} {ROOM}"
    assert rows["REFUGE-1"]["IFC GUIDs"] == HALL
    assert rows["EGRESS-1"]["IFC GUIDs"] == ""  # about the whole sheet
