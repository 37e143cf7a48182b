"""Floors side by side on the command line: inspect lists them, new --floors splits."""

from __future__ import annotations

import json

from tests.fixtures.dxf_files import floors_dxf, rooms_dxf

from designreview.cli import main
from designreview.review_file.archive import read_review


def cli(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_inspect_json_lists_the_floors_in_drawing_metres(tmp_path, capsys):
    # floors_dxf: walls x 0..30 and 40..70 m, y 0..10 m, 12 lines of 120 m each;
    # regions 4 m around the walls, the first stopped at the cut x = 35 m:
    # x -4..34 and 36..74 m, y -4..14 m (drawn in mm, reported in metres).
    status, out, _ = cli(capsys, "inspect", floors_dxf(tmp_path / "f.dxf"), "--json")
    assert status == 0
    floors = json.loads(out)["floors"]
    assert floors == [
        {
            "name": "GROUND FLOOR",
            "titled": True,
            "region": [-4.0, -4.0, 34.0, 14.0],
            "outline": [0.0, 0.0, 30.0, 10.0],
            "walls": 12,
            "wall_length_m": 120.0,
        },
        {
            "name": "1ST FLOOR",
            "titled": True,
            "region": [36.0, -4.0, 74.0, 14.0],
            "outline": [40.0, 0.0, 70.0, 10.0],
            "walls": 12,
            "wall_length_m": 120.0,
        },
    ]


def test_inspect_text_says_how_many_floors_and_their_names(tmp_path, capsys):
    titles = ("PLANTA BAJA", "PLANTA 1", "PLANTA 2")
    status, out, _ = cli(capsys, "inspect", floors_dxf(tmp_path / "f.dxf", titles))
    assert status == 0
    assert "3 floors side by side: PLANTA BAJA, PLANTA 1, PLANTA 2" in out


def test_inspect_of_one_plan_says_nothing_of_floors(tmp_path, capsys):
    status, out, _ = cli(capsys, "inspect", rooms_dxf(tmp_path / "rooms.dxf"))
    assert status == 0
    assert "side by side" not in out


def test_new_with_floors_makes_a_sheet_per_floor_in_order(tmp_path, capsys):
    out_file = tmp_path / "school.dreview"
    drawing = floors_dxf(tmp_path / "school.dxf")
    status, out, _ = cli(capsys, "new", drawing, "--floors", "-o", out_file)
    assert status == 0
    assert "2 sheets: GROUND FLOOR, 1ST FLOOR" in out
    review = read_review(out_file)
    assert [(s.name, s.level) for s in review.sheets] == [
        ("GROUND FLOOR", 0),
        ("1ST FLOOR", 1),
    ]
    assert review.sheets[1].region is not None
    assert review.sheets[1].region.min_x == 36_000  # drawing units (mm)


def test_new_without_floors_keeps_one_sheet_per_drawing(tmp_path, capsys):
    out_file = tmp_path / "school.dreview"
    status, _, _ = cli(capsys, "new", floors_dxf(tmp_path / "s.dxf"), "-o", out_file)
    assert status == 0
    assert [s.region for s in read_review(out_file).sheets] == [None]
