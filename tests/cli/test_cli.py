"""The command line through a real subprocess, as scripts will call it."""

import json
import subprocess
import sys

import pytest
from tests.fixtures.dxf_files import rooms_dxf, walled_room_dxf

from designreview import __version__
from designreview.cli import main


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
    evidence = report["unit_evidence"]
    assert (evidence["stated"], evidence["used"], evidence["source"]) == (
        "inch",
        "inch",
        "header",
    )
    assert report["layouts"] == []
    assert report["xrefs"] == []
    assert report["reader"] == "fast reader"


def test_inspect_says_when_geometry_overrules_the_header(tmp_path):
    from tests.fixtures.corpus import corpus_file

    path = corpus_file("school_escaldes_junior_high_allfloors.dxf")
    report = json.loads(run_cli("inspect", path, "--json").stdout)
    assert report["units"] == "metre"
    assert report["unit_evidence"]["stated"] == "millimetre"
    assert report["unit_evidence"]["source"] == "evidence"
    assert any("door widths" in r for r in report["unit_evidence"]["reasons"])
    text = run_cli("inspect", path).stdout
    assert "units from the geometry (the header says millimetre" in text


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


def test_new_review_from_two_plans_embeds_them(tmp_path):
    from designreview.review_file.archive import read_review

    first = rooms_dxf(tmp_path / "level_1.dxf")
    second = rooms_dxf(tmp_path / "level_2.dxf", insunits=1)
    out = tmp_path / "school.dreview"
    result = run_cli("new", first, second, "-o", out)
    assert result.returncode == 0, result.stderr
    review = read_review(out)
    assert [sheet.name for sheet in review.sheets] == ["level 1", "level 2"]
    assert [sheet.level for sheet in review.sheets] == [0, 1]
    by_hash = {source.sha256: source.data for source in review.sources}
    assert by_hash[review.sheets[0].source_sha256] == first.read_bytes()
    assert by_hash[review.sheets[1].source_sha256] == second.read_bytes()


def test_new_refuses_to_overwrite_and_bad_plans(tmp_path):
    out = tmp_path / "school.dreview"
    out.write_bytes(b"precious")
    result = run_cli("new", rooms_dxf(tmp_path / "a.dxf"), "-o", out)
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert out.read_bytes() == b"precious"
    bad = tmp_path / "bad.dxf"
    bad.write_text("not a drawing")
    result = run_cli("new", bad, "-o", tmp_path / "other.dreview")
    assert result.returncode == 2
    assert "not a DXF drawing" in result.stderr
    assert not (tmp_path / "other.dreview").exists()


def test_check_json_contract_on_the_sample_review():
    from designreview.review_file.sample import sample_review_path

    result = run_cli("check", sample_review_path(), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"spaces", "findings"} <= report.keys()
    # Every room of the sample school is named, so each type comes from its name.
    sources = {(s["name"], s["type"], s["type_source"]) for s in report["spaces"]}
    assert ("LOBBY 100", "commons", "name") in sources
    assert {source for _, _, source in sources} == {"name"}
    for item in report["findings"]:
        assert {
            "id",
            "rule",
            "severity",
            "message",
            "location",
            "subjects",
        } <= item.keys()
        assert len(item["location"]) == 2
    # Door 114A sits at (2280, 2070) in = (57.912, 52.578) m in the drawing.
    lock = [
        f
        for f in report["findings"]
        if f["rule"] == "ROOM-1" and "114A" in f["message"]
    ]
    assert lock
    assert lock[0]["location"] == pytest.approx([57.912, 52.578], abs=1.0)
    # The same unlockable door loses the lockdown race from propped door E5.
    races = {
        f["message"].split(" loses")[0]: f["severity"]
        for f in report["findings"]
        if f["rule"] == "LOCK-1"
    }
    assert races["CLASSROOM 114"] == races["CAFETERIA 130"] == "fail"


def test_check_strict_exits_1_when_a_check_fails():
    from designreview.review_file.sample import sample_review_path

    result = run_cli("check", sample_review_path(), "--strict")
    assert result.returncode == 1
    assert "[fail]" in result.stdout


def test_visibility_from_a_point_in_a_room(tmp_path):
    # rooms_dxf: two 5 x 4 m rooms drawn in metres at (1000, 2000).
    path = rooms_dxf(tmp_path / "rooms.dxf", offset=(1000.0, 2000.0))
    result = run_cli("visibility", path, "--from", "1002.5,2002", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["area_m2"] == pytest.approx(20.0)  # the 5 x 4 m left room
    xs = [x for x, _ in report["polygon"]]
    assert min(xs) == pytest.approx(1000.0)
    assert max(xs) == pytest.approx(1005.0)


def test_visibility_with_a_field_of_view(tmp_path):
    path = rooms_dxf(tmp_path / "rooms.dxf")
    result = run_cli(
        "visibility", path, "--from", "2.5,2", "--dir", "0", "--fov", "90", "--json"
    )
    report = json.loads(result.stdout)
    # A 90 degree wedge east from the middle of a 5 x 4 room: a triangle to the
    # partition at x = 5 (2.5 m away, 2.5 m half-width, cut at y = 0 and 4):
    # 2.5 x 2.5 triangle = 6.25 minus two corners beyond y (0.5 x 0.5 / 2 each).
    assert report["area_m2"] == pytest.approx(6.25 - 0.25)


def test_visibility_bad_point_is_one_line(tmp_path):
    result = run_cli("visibility", rooms_dxf(tmp_path / "r.dxf"), "--from", "abc")
    assert result.returncode == 2
    assert "X,Y" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_distance_around_the_partition(tmp_path):
    # The two rooms are closed boxes split by a solid partition at x = 5 (the door
    # is only a block on the door layer, with no gap in the walls): unreachable.
    path = rooms_dxf(tmp_path / "rooms.dxf")
    result = run_cli("distance", path, "--from", "2.5,2", "--to", "7.5,2", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"walking_m": None, "path": None}


def test_distance_in_an_open_room(tmp_path):
    path = rooms_dxf(tmp_path / "rooms.dxf")
    result = run_cli("distance", path, "--from", "1,1", "--to", "4,3", "--json")
    report = json.loads(result.stdout)
    assert report["walking_m"] == pytest.approx(13**0.5, rel=1e-3)
    assert report["path"][0] == pytest.approx([1, 1])
    assert report["path"][-1] == pytest.approx([4, 3])


@pytest.mark.parametrize("kind", ["--dxf", "--bcf", "--csv"])
def test_export_the_sample_review(tmp_path, kind):
    from designreview.review_file.sample import sample_review_path

    out = (
        tmp_path
        / {"--dxf": "review.dxf", "--bcf": "review.bcf", "--csv": "findings.csv"}[kind]
    )
    result = run_cli("export", sample_review_path(), kind, out)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000
    if kind == "--csv":
        assert (tmp_path / "findings-markups.csv").exists()
        assert "ROOM-2" in out.read_text(encoding="utf-8-sig")
    if kind == "--dxf":
        import ezdxf

        doc = ezdxf.readfile(out)
        assert "REVIEW-ACCESS" in doc.layers


@pytest.mark.parametrize("version", ["2.1", "3.0"])
def test_export_bcf_version(tmp_path, version):
    import zipfile
    from xml.etree import ElementTree as ET

    from designreview.review_file.sample import sample_review_path

    out = tmp_path / "review.bcf"
    args = ["export", sample_review_path(), "--bcf", out, "--bcf-version", version]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert f"BCF {version} topics" in result.stdout
    with zipfile.ZipFile(out) as archive:
        written = ET.fromstring(archive.read("bcf.version")).get("VersionId")
        names = set(archive.namelist())
    assert written == version
    assert ("extensions.xml" in names) == (version == "3.0")


def test_export_refuses_an_unknown_bcf_version(tmp_path):
    from designreview.review_file.sample import sample_review_path

    out = tmp_path / "review.bcf"
    result = run_cli("export", sample_review_path(), "--bcf", out, "--bcf-version", "2")
    assert result.returncode == 2
    assert "invalid choice: '2'" in result.stderr
    assert not out.exists()


def test_export_needs_one_target(tmp_path):
    from designreview.review_file.sample import sample_review_path

    result = run_cli("export", sample_review_path())
    assert result.returncode == 2
    assert "one of the arguments --dxf --bcf --csv is required" in result.stderr


def test_packet_one_numbered_copy_per_recipient(tmp_path):
    from pypdf import PdfReader

    from designreview.review_file.sample import sample_review_path

    out = tmp_path / "packet.pdf"
    result = run_cli(
        "packet",
        sample_review_path(),
        "-o",
        out,
        "--recipient",
        "Ann Lee",
        "--recipient",
        "Fire Marshal",
        "--classification",
        "LAW ENFORCEMENT SENSITIVE",
    )
    assert result.returncode == 0, result.stderr
    first = tmp_path / "packet-1-ann-lee.pdf"
    second = tmp_path / "packet-2-fire-marshal.pdf"
    assert not out.exists()
    assert f"{second}: " in result.stdout
    cover = PdfReader(first).pages[0].extract_text()
    assert "Ann Lee" in cover
    assert "LAW ENFORCEMENT SENSITIVE" in cover
    assert "Fire Marshal" in PdfReader(second).pages[0].extract_text()


def test_packet_password_from_an_empty_variable_is_one_line(tmp_path, monkeypatch):
    from designreview.review_file.sample import sample_review_path

    monkeypatch.delenv("DR_TEST_NO_PASSWORD", raising=False)
    result = run_cli(
        "packet",
        sample_review_path(),
        "-o",
        tmp_path / "p.pdf",
        "--password-env",
        "DR_TEST_NO_PASSWORD",
    )
    assert result.returncode == 2
    assert "DR_TEST_NO_PASSWORD holds no password" in result.stderr
    assert "Traceback" not in result.stderr


def cli_in_process(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


INSIDE = "lies inside a wall; pick a point in a room or corridor"


@pytest.mark.parametrize(
    ("point", "where"),
    [("-0.1,2", "(-0.1, 2)"), ("3,4.1", "(3, 4.1)"), ("3,2", "(3, 2)")],
    ids=["west wall", "north wall", "column"],
)
def test_visibility_from_inside_a_wall_is_bad_input(tmp_path, capsys, point, where):
    # Each point lies between two faces 0.2 m apart (a wall) or inside the 0.4 m
    # column; the isovist would be the gap between the faces (about 0.2 m x 4.4 m
    # for the west wall), not a view.
    path = walled_room_dxf(tmp_path / "walled.dxf")
    status, out, err = cli_in_process(capsys, "visibility", path, "--from", point)
    assert status == 2
    assert out == ""
    assert err == f"designreview: the point {where} {INSIDE}\n"


def test_visibility_from_beside_a_wall_still_sees_the_room(tmp_path, capsys):
    # From (0.05, 2), 5 cm off the west face and level with the column's centre, the
    # room (6 x 4 = 24 m2) is seen but for the column's shadow: the wedge through its
    # near corners (2.8, 1.8) and (2.8, 2.2), half-width 0.2 at x = 2.8 and
    # 0.2 * (6 - 0.05) / (2.8 - 0.05) = 0.432727 at x = 6, so a trapezoid of
    # (0.4 + 0.865455) / 2 * 3.2 = 2.024727 m2 (the column included).
    path = walled_room_dxf(tmp_path / "walled.dxf")
    status, out, err = cli_in_process(
        capsys, "visibility", path, "--from", "0.05,2", "--json"
    )
    assert status == 0, err
    assert json.loads(out)["area_m2"] == pytest.approx(24 - 2.024727, abs=1e-4)


def test_distance_from_inside_a_wall_is_bad_input(tmp_path, capsys):
    # Drawn 100 m east: the message names the point in the drawing's frame.
    path = walled_room_dxf(tmp_path / "walled.dxf", offset=(100.0, 0.0))
    status, out, err = cli_in_process(
        capsys, "distance", path, "--from", "99.9,2", "--to", "101,1"
    )
    assert status == 2
    assert err == f"designreview: the point (99.9, 2) {INSIDE}\n"
    status, out, err = cli_in_process(
        capsys, "distance", path, "--from", "101,1", "--to", "103,-0.1"
    )
    assert (status, out) == (2, "")
    assert err == f"designreview: the point (103, -0.1) {INSIDE}\n"


def test_distance_from_a_wall_clearance_still_starts_beside_it(tmp_path, capsys):
    # (0.05, 1) is 5 cm off the west face, inside the walker's 0.2 m clearance: the
    # walk starts at the clearance's edge, x = 0.2 (plus 0.1 mm), and runs 0.8 m
    # straight to (1, 1).
    path = walled_room_dxf(tmp_path / "walled.dxf")
    status, out, err = cli_in_process(
        capsys, "distance", path, "--from", "0.05,1", "--to", "1,1", "--json"
    )
    assert status == 0, err
    report = json.loads(out)
    assert report["walking_m"] == pytest.approx(0.8, abs=1e-3)
    assert report["path"][0] == pytest.approx([0.2, 1.0], abs=1e-3)


@pytest.mark.parametrize("style", ["separate", "joined"])
def test_negative_coordinates_parse(tmp_path, capsys, style):
    # rooms_dxf shifted 5 m west: the left 5 x 4 room spans x -5..0, so (-2.5, 2)
    # is its centre and sees all of it, 20 m2; the walk (-4, 1) to (-1, 3) is
    # straight, sqrt(3^2 + 2^2) = sqrt(13) = 3.6056 m.
    path = rooms_dxf(tmp_path / "rooms.dxf", offset=(-5.0, 0.0))

    def point(option, value):
        return [option, value] if style == "separate" else [f"{option}={value}"]

    status, out, err = cli_in_process(
        capsys, "visibility", path, *point("--from", "-2.5,2"), "--json"
    )
    assert status == 0, err
    assert json.loads(out)["area_m2"] == pytest.approx(20.0)
    status, out, err = cli_in_process(
        capsys,
        "distance",
        path,
        *point("--from", "-4,1"),
        *point("--to", "-1,3"),
        "--json",
    )
    assert status == 0, err
    assert json.loads(out)["walking_m"] == pytest.approx(13**0.5, rel=1e-3)


def test_inspect_and_check_take_an_ifc_model(tmp_path):
    pytest.importorskip("ifcopenshell")
    from tests.fixtures.ifc_models import build_school

    path = build_school(tmp_path / "school.ifc")
    report = json.loads(run_cli("inspect", path, "--json").stdout)
    assert report["version"] == "IFC4"
    assert report["counts"]["doors"] == 1
    assert [(s["name"], s["is_floor"], s["shown"]) for s in report["storeys"]] == [
        ("Ground", True, True),
        ("Upper", True, False),
        ("Roof", False, False),
    ]
    checked = run_cli("check", path, "--json")
    assert checked.returncode in (0, 1), checked.stderr
    result = json.loads(checked.stdout)
    # Both floors are checked, the roof is not; the rooms are the model's spaces.
    names = sorted(space["name"] for space in result["spaces"])
    assert names == ["Classroom 101", "Office 201"]
    assert len({space["sheet"] for space in result["spaces"]}) == 2
    subjects = {s for f in result["findings"] for s in f["subjects"]}
    assert any(len(s) == 22 for s in subjects)  # a door named by its GlobalId


def test_new_review_from_an_ifc_model_has_a_sheet_per_floor(tmp_path):
    pytest.importorskip("ifcopenshell")
    from tests.fixtures.ifc_models import build_school

    from designreview.review_file.archive import read_review

    out = tmp_path / "school.dreview"
    result = run_cli("new", build_school(tmp_path / "school.ifc"), "-o", out)
    assert result.returncode == 0, result.stderr
    review = read_review(out)
    assert [s.name for s in review.sheets] == ["Ground", "Upper"]
    assert [s.name for s in review.sources] == ["school.ifc"]
