"""check within bounds: one import per embedded drawing, and a time budget."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from tests.fixtures.dxf_files import rooms_dxf

from designreview.model.ids import SheetId
from designreview.review_file import sheets as sheets_module
from designreview.review_file.sheets import new_review, plans_for_sheets

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "sample_school.dreview"


def test_sheets_over_one_drawing_import_it_once(tmp_path, monkeypatch):
    review = new_review([rooms_dxf(tmp_path / "rooms.dxf")])
    first = review.sheets[0]
    copies = tuple(
        replace(first, id=SheetId(f"s{n}"), name=f"Floor {n}", source_name=f"f{n}.dxf")
        for n in range(40)
    )
    review = replace(review, sheets=copies)
    imports = []
    real = sheets_module.read_dxf_regions

    def counting(path, regions, *args):
        imports.append(regions)
        return real(path, regions, *args)

    monkeypatch.setattr(sheets_module, "read_dxf_regions", counting)
    plans = plans_for_sheets(review)
    assert imports == [(None,)]  # one reading, one plan for all 40
    assert sorted(plans) == sorted(s.id for s in copies)
    assert plans[SheetId("s7")].source_name == "f7.dxf"
    assert plans[SheetId("s7")].spaces == plans[SheetId("s0")].spaces


def test_sheets_read_differently_are_imported_apart(tmp_path, monkeypatch):
    review = new_review([rooms_dxf(tmp_path / "rooms.dxf")])
    first = review.sheets[0]
    other = replace(first, id=SheetId("other"), scale_override_m=0.5)
    review = replace(review, sheets=(first, other))
    imports = []
    real = sheets_module.read_dxf_regions

    def counting(path, regions, options, *args):
        imports.append(options.scale_to_m)
        return real(path, regions, options, *args)

    monkeypatch.setattr(sheets_module, "read_dxf_regions", counting)
    plans = plans_for_sheets(review)
    assert imports == [None, 0.5]
    assert plans[other.id].scale_to_m == 0.5


def test_check_stops_at_its_time_limit_with_one_line():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "designreview",
            "check",
            str(SAMPLE),
            "--time-limit",
            "0.01",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "did not finish within 0.01 s" in result.stderr
    assert "Traceback" not in result.stderr
