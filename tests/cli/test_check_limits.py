"""check within bounds: one import per embedded drawing, and a time budget."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
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


def test_plans_at_hand_are_used_for_every_sheet_read_the_same_way(
    tmp_path, monkeypatch
):
    review = new_review([rooms_dxf(tmp_path / "rooms.dxf")])
    first = review.sheets[0]
    same = replace(first, id=SheetId("same"), name="Same")
    halved = replace(first, id=SheetId("half"), name="Half", scale_override_m=0.5)
    review = replace(review, sheets=(first, same, halved))
    at_hand = plans_for_sheets(replace(review, sheets=(first,)))[first.id]
    imports, shares, told = [], [], []
    real = sheets_module._read_sheets

    def counting(review, sheets, *args):
        imports.extend(sheet.id for sheet in sheets)
        return real(review, sheets, *args)

    monkeypatch.setattr(sheets_module, "_read_sheets", counting)
    plans = plans_for_sheets(
        review,
        progress=shares.append,
        known={first.id: at_hand},
        reading=lambda sheet, number, count: told.append((sheet.id, number, count)),
    )
    # The loaded plan serves its own sheet and the one read the same way; only the
    # sheet at another scale is imported: one import of one, its shares in 0 to 1.
    assert imports == [halved.id]
    assert told == [(halved.id, 0, 1)]
    assert plans[first.id] is at_hand
    assert plans[same.id].spaces == at_hand.spaces
    assert plans[same.id].source_name == same.source_name
    assert plans[halved.id].scale_to_m == 0.5
    assert shares
    assert shares == sorted(shares)
    assert shares[0] >= 0.0
    assert shares[-1] <= 1.0


def test_progress_of_several_imports_is_a_share_of_all(tmp_path):
    review = new_review([rooms_dxf(tmp_path / "rooms.dxf")])
    first = review.sheets[0]
    halved = replace(first, id=SheetId("half"), scale_override_m=0.5)
    review = replace(review, sheets=(first, halved))
    alone = []
    plans_for_sheets(replace(review, sheets=(first,)), progress=alone.append)
    shares = []
    plans_for_sheets(review, progress=shares.append)
    # Two imports: the first one's shares halved, then the second's halved plus 1/2.
    assert shares == pytest.approx(
        [s / 2 for s in alone] + [0.5 + s / 2 for s in alone]
    )
