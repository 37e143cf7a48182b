"""``designreview map`` and the map's checks in ``designreview check``, end to end."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from designreview.analysis.rules import map_common
from designreview.cli import main
from designreview.review_file.archive import read_review, write_review

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "sample_school.dreview"


@pytest.fixture(autouse=True)
def meeting_week(monkeypatch):
    monkeypatch.setattr(map_common, "today", lambda: dt.date(2026, 12, 8))


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "school.dreview"
    shutil.copyfile(SAMPLE, path)
    return path


def run(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_map_writes_the_pdf_geojson_and_dxf(capsys, copy, tmp_path):
    pdf, geo, dxf = tmp_path / "m.pdf", tmp_path / "m.geojson", tmp_path / "m.dxf"
    status, out, _ = run(capsys, "map", copy, "-o", pdf, "--geojson", geo,
                         "--dxf", dxf)  # fmt: skip
    assert status == 0
    assert f"{pdf}: 2 pages" in out
    assert f"{geo}: 187 features" in out  # 31 + 9 + 17 + 130
    assert "Responder map complete for the texas profile." in out
    assert len(pypdf.PdfReader(pdf).pages) == 2
    assert json.loads(geo.read_text())["type"] == "FeatureCollection"
    assert dxf.read_bytes().startswith(b"  0\nSECTION")


def test_map_json_lists_what_the_profile_lacks(capsys, copy, tmp_path):
    review = read_review(copy)
    bare = replace(review, markups=tuple(
        m for m in review.markups if m.id not in ("rm-knox", "rm-hall-150")
    ))  # fmt: skip
    write_review(bare, copy)
    status, out, _ = run(capsys, "map", copy, "-o", tmp_path / "m.pdf", "--json",
                         "--strict", "--profile", "new-jersey")  # fmt: skip
    assert status == 1
    data = json.loads(out)
    assert data["profile"] == "new-jersey"
    assert sorted(m["rule"] for m in data["missing"]) == ["MAP-3", "MAP-6", "MAP-8"]
    six = next(m for m in data["missing"] if m["rule"] == "MAP-6")
    assert six["citation"].startswith("New Jersey: N.J.S.A. 18A:41-7.1")


def test_issue_records_the_next_revision_and_an_edit_puts_it_out_of_date(
    capsys, copy, tmp_path
):
    status, _, _ = run(capsys, "map", copy, "-o", tmp_path / "m.pdf", "--issue")
    assert status == 0
    issued = read_review(copy).responder.issued
    assert issued.revision == 2
    assert issued.date == dt.date.today().isoformat()
    status, out, _ = run(capsys, "check", copy, "--json")
    assert not [f for f in json.loads(out)["findings"] if f["rule"].startswith("MAP")]
    # The fire marshal renumbers nothing but turns the sheet: the map must be re-issued.
    review = read_review(copy)
    turned = replace(review.sheets[0], true_north_deg=14.0)
    write_review(replace(review, sheets=(turned,)), copy)
    status, out, _ = run(capsys, "check", copy, "--json")
    stale = [f for f in json.loads(out)["findings"] if f["rule"] == "MAP-8"]
    assert len(stale) == 1
    assert stale[0]["severity"] == "fail"
    assert "revision 2" in stale[0]["message"]
    assert "revision 3" in stale[0]["message"]


def test_bad_input_is_one_line_and_status_2(capsys, tmp_path):
    plan = SAMPLE.with_suffix(".dxf")
    status, _, err = run(capsys, "map", plan, "-o", tmp_path / "m.pdf", "--issue")
    assert status == 2
    assert "give a .dreview file" in err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as exit_info:
        main(["map", str(SAMPLE), "-o", str(tmp_path / "m.pdf"), "--profile", "ohio"])
    assert exit_info.value.code == 2
