"""The command line through a real subprocess, as scripts will call it."""

import json
import subprocess
import sys

import pytest
from tests.fixtures.dxf_files import rooms_dxf

from designreview import __version__


def run_cli(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "designreview", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"designreview {__version__}"


def test_inspect_json_contract(tmp_path):
    path = rooms_dxf(tmp_path / "rooms.dxf", insunits=1, offset=(100, 50))
    result = run_cli("inspect", path, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {
        "version",
        "units",
        "scale_to_m",
        "extents",
        "layers",
        "counts",
        "warnings",
    } <= report.keys()
    assert report["version"] == "AC1027"
    assert report["units"] == "inch"
    assert report["scale_to_m"] == pytest.approx(0.0254)
    # Extents in metres in the drawing's own frame: (100..110, 50..54) inches.
    assert report["extents"] == pytest.approx([2.54, 1.27, 2.794, 1.3716])
    walls = next(layer for layer in report["layers"] if layer["name"] == "A-WALL")
    assert walls == {
        "name": "A-WALL",
        "category": "wall",
        "entities": 2,
        "visible": True,
    }
    assert {"walls", "doors", "windows", "spaces"} <= report["counts"].keys()
    assert report["counts"]["doors"] == 1


def test_inspect_text_output(tmp_path):
    result = run_cli("inspect", rooms_dxf(tmp_path / "rooms.dxf"))
    assert result.returncode == 0
    assert "units metre" in result.stdout
    assert "A-WALL" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("inspect", "missing.dxf", "--json"), "does not exist"),
        (("inspect",), "required"),
        (("inspect", "x.dxf", "--bogus"), "unrecognized arguments"),
        (("--frobnicate",), "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_exit_2(args, fragment):
    result = run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("designreview: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_not_a_drawing_is_bad_input(tmp_path):
    path = tmp_path / "notes.dxf"
    path.write_text("meeting notes, not a plan\n")
    result = run_cli("inspect", path, "--json")
    assert result.returncode == 2
    assert "not a DXF drawing" in result.stderr
    assert result.stdout == ""
