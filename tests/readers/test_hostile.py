"""Hostile drawings: each is refused or read within seconds, and never crashes.

Every read runs in a forked child with a hard deadline, so a hang fails the test
instead of hanging the suite; the child's own timing is asserted against a bound.
"""

import math
import multiprocessing
import time
import warnings

import ezdxf
import ezdxf.xref
import pytest
from ezdxf.addons import r12writer
from tests.fixtures.corpus import corpus_file
from tests.fixtures.dxf_files import rooms_dxf

from designreview.model.errors import PlanReadError
from designreview.model.plan import XrefStatus
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.readers.dxf.walk import WalkLimits

BOUND_S = 5.0
"""Each hostile read must finish within this, on a slow 2-core machine."""
DEADLINE_S = 60.0
"""The child is killed after this: a hang."""


def _child(conn, path, options):
    started = time.perf_counter()
    try:
        plan = read_dxf(path, options)
        result = {
            "kind": "plan",
            "warnings": list(plan.warnings),
            "segments": sum(len(work.segments) for work in plan.linework),
            "extents": plan.extents.as_list(),
            "stated_code": plan.unit_report.stated_code,
            "units": plan.units.name,
            "xrefs": [record.status for record in plan.xrefs],
        }
    except PlanReadError as exc:
        result = {"kind": "refused", "message": str(exc)}
    except BaseException as exc:  # what the test is looking for
        result = {"kind": "crash", "message": f"{type(exc).__name__}: {exc}"}
    result["seconds"] = time.perf_counter() - started
    conn.send(result)
    conn.close()


def read_hostile(path, options=None):
    """read_dxf in a forked child: its outcome, or a failure when it hangs."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs fork to bound a possible hang")
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, path, options))
    child.start()
    sender.close()
    if not receiver.poll(DEADLINE_S):
        child.kill()
        child.join()
        pytest.fail(f"reading {path.name} hung for {DEADLINE_S:.0f} s")
    result = receiver.recv()
    child.join()
    assert result["kind"] != "crash", result["message"]
    assert result["seconds"] < BOUND_S, f"{path.name}: {result['seconds']:.1f} s"
    return result


def refused(path, options=None):
    result = read_hostile(path, options)
    assert result["kind"] == "refused", result
    return result["message"]


def loaded(path, options=None):
    result = read_hostile(path, options)
    assert result["kind"] == "plan", result
    return result


def new_doc():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    return doc


def saved(doc, path):
    doc.saveas(path)
    return path


# --- blocks ---------------------------------------------------------------------------


def test_recursive_blocks_are_refused(tmp_path):
    doc = new_doc()
    a, b = doc.blocks.new("A"), doc.blocks.new("B")
    a.add_line((0, 0), (1, 0))
    a.add_blockref("B", (1, 0))
    b.add_blockref("A", (0, 1))
    doc.modelspace().add_blockref("A", (0, 0))
    message = refused(saved(doc, tmp_path / "loop.dxf"))
    assert "contains itself" in message
    assert "'A'" in message or "'B'" in message


def test_a_block_bomb_is_refused_before_it_is_walked(tmp_path):
    doc = new_doc()
    doc.blocks.new("L0").add_line((0, 0), (1, 0))
    for level in range(1, 10):  # ten of the level below: 10^9 lines in all
        block = doc.blocks.new(f"L{level}")
        for i in range(10):
            block.add_blockref(f"L{level - 1}", (i, 0))
    doc.modelspace().add_blockref("L9", (0, 0))
    message = refused(saved(doc, tmp_path / "bomb.dxf"))
    assert "more than 2,000,000 entities" in message


def test_a_minsert_grid_bomb_is_refused(tmp_path):
    doc = new_doc()
    doc.blocks.new("DOT").add_line((0, 0), (0.1, 0))
    grid = doc.modelspace().add_blockref("DOT", (0, 0))
    grid.grid(size=(100_000, 100_000), spacing=(1, 1))
    assert "more than 2,000,000" in refused(saved(doc, tmp_path / "minsert.dxf"))


def test_nesting_too_deep_is_cut_and_counted(tmp_path):
    doc = new_doc()
    doc.blocks.new("N0").add_line((0, 0), (1, 0))
    for level in range(1, 200):
        doc.blocks.new(f"N{level}").add_blockref(f"N{level - 1}", (0, 0))
    doc.modelspace().add_blockref("N199", (0, 0))
    doc.modelspace().add_line((0, 0), (5, 5))
    result = loaded(saved(doc, tmp_path / "deep.dxf"))
    assert any(
        "nested inside too many others to be drawn (left out)" in w
        for w in result["warnings"]
    )


# --- coordinates ----------------------------------------------------------------------


def test_nan_and_huge_coordinates_are_dropped_and_counted(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    msp.add_line((0, 0), (10, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (math.nan, 5), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (1e300, 0), dxfattribs={"layer": "WALL"})
    msp.add_arc((0, 0), 1e300, 0, 90, dxfattribs={"layer": "WALL"})  # 2 cm chords!
    msp.add_circle((math.nan, 0), 5, dxfattribs={"layer": "WALL"})
    msp.add_lwpolyline([(0, 0), (math.nan, 1), (2, 2)], dxfattribs={"layer": "WALL"})
    msp.add_text("X", dxfattribs={"insert": (math.nan, 0), "height": 1})
    msp.add_text("Y", dxfattribs={"insert": (1e300, 0), "height": 1e300})
    doc.blocks.new("B").add_arc((0, 0), 1, 0, 90)
    msp.add_blockref("B", (0, 0), dxfattribs={"xscale": 1e300, "yscale": 1e300})
    msp.add_blockref("B", (math.nan, 0))
    result = loaded(saved(doc, tmp_path / "nan.dxf"))
    assert result["extents"] == pytest.approx([0, 0, 10, 0])
    assert result["segments"] == 1
    warnings = " ".join(result["warnings"])
    assert "segments with missing or absurd coordinates were dropped" in warnings
    assert "coordinates too far out to be real (left out)" in warnings


def test_numeric_warnings_are_counted_in_the_report_not_printed(tmp_path):
    doc = new_doc()
    doc.blocks.new("B").add_arc((0, 0), 1, 0, 90)
    doc.modelspace().add_line((0, 0), (10, 0), dxfattribs={"layer": "WALL"})
    scale = {"xscale": 1e300, "yscale": 1e300}  # their product overflows
    doc.modelspace().add_blockref("B", (0, 0), dxfattribs=scale)
    with warnings.catch_warnings(record=True) as printed:
        warnings.simplefilter("always")
        plan = read_dxf(saved(doc, tmp_path / "overflow.dxf"))
    assert [w for w in printed if issubclass(w.category, RuntimeWarning)] == []
    assert any("on absurd coordinates" in note for note in plan.warnings)


def test_a_huge_but_finite_arc_is_flattened_coarsely_not_forever(tmp_path):
    doc = new_doc()
    doc.modelspace().add_circle((0, 0), 5_000_000, dxfattribs={"layer": "SITE"})
    result = loaded(saved(doc, tmp_path / "site.dxf"))
    assert 4 <= result["segments"] <= 1024


# --- counts ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def million_lines(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "million.dxf"
    with r12writer(str(path)) as writer:  # streams: about 4 s, 47 MB
        for i in range(1_000_000):
            x, y = float(i % 1000), float(i // 1000)
            writer.add_line((x, y), (x + 0.5, y))
    return path


def test_a_million_tiny_entities_stop_at_the_limit(million_lines):
    options = ImportOptions(limits=WalkLimits(max_entities=500_000))
    message = refused(million_lines, options)
    assert "holds about 1,000,00" in message
    assert "more than the 500,000 a floor plan needs" in message


@pytest.fixture(scope="module")
def twenty_thousand_lines(tmp_path_factory):
    """A plain ASCII drawing of 20,000 lines, to write in the other forms."""
    path = tmp_path_factory.mktemp("forms") / "lines.dxf"
    with r12writer(str(path)) as writer:
        for i in range(20_000):
            writer.add_line((float(i), 0.0), (float(i), 1.0))
    return path


def _padded(text: str, form: str) -> str:
    lines = text.split("\n")
    codes = lines[0::2]
    if form == "zeros":  # group codes written 000, 008 ...
        codes = [c.strip().zfill(3) for c in codes]
    elif form == "trailing":  # "  0 " with a trailing space
        codes = [f"{c.strip():>3} " for c in codes]
    lines[0::2] = codes
    return "\n".join(lines)


@pytest.mark.parametrize(
    "form", ["utf-16-le-bom", "utf-16-be-bom", "zeros", "trailing", "binary"]
)
def test_every_form_of_dxf_is_counted_before_it_is_parsed(
    twenty_thousand_lines, tmp_path, form, monkeypatch
):
    # The plain ASCII file is refused by the record count before ezdxf parses it;
    # its twins in UTF-16, with padded group codes and in binary are refused the
    # same way (before, they were parsed whole first: minutes and gigabytes at
    # 2M entities).
    text = twenty_thousand_lines.read_text()
    path = tmp_path / f"{form}.dxf"
    if form == "utf-16-le-bom":
        path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    elif form == "utf-16-be-bom":
        path.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    elif form == "binary":
        ezdxf.readfile(twenty_thousand_lines).saveas(path, fmt="bin")
    else:
        path.write_text(_padded(text, form))

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed before the count refused it")

    monkeypatch.setattr(ezdxf, "readfile", no_parse)
    with pytest.raises(PlanReadError, match=r"holds about (19|20),\d{3} entities"):
        read_dxf(path, ImportOptions(limits=WalkLimits(max_entities=5_000)))


def test_one_entity_of_millions_of_points_is_refused_unparsed(tmp_path, monkeypatch):
    # One LWPOLYLINE of 900,000 vertices: 19 MB of text in a single record, beyond
    # the 16 MB any entity of a floor plan takes (the corpus's largest is 285 KB).
    path = tmp_path / "one-polyline.dxf"
    with path.open("w") as out:
        out.write("  0\nSECTION\n  2\nENTITIES\n  0\nLWPOLYLINE\n  8\nWALL\n")
        out.write(" 90\n900000\n 70\n0\n")
        out.writelines(
            f" 10\n{i % 1000}.5\n 20\n{i // 1000}.25\n" for i in range(900_000)
        )
        out.write("  0\nENDSEC\n  0\nEOF\n")

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed before the scan refused it")

    monkeypatch.setattr(ezdxf, "readfile", no_parse)
    with pytest.raises(PlanReadError, match=r"holds one entity of 1[89] MB"):
        read_dxf(path)


def test_a_file_beyond_the_memory_budget_is_refused_before_reading(
    twenty_thousand_lines, monkeypatch
):
    # 20,000 lines take about 1 MB; at 25 bytes of memory per byte of file at worst,
    # a 16 MB budget (a small machine's share) cannot read it.
    from designreview.readers.dxf import document

    monkeypatch.setattr(document, "memory_budget_bytes", lambda: 16 * 1024**2)
    with pytest.raises(PlanReadError, match=r"would need about 0\.\d GB of memory"):
        read_dxf(twenty_thousand_lines)
    monkeypatch.setattr(document, "memory_budget_bytes", lambda: 64 * 1024**2)
    plan = read_dxf(twenty_thousand_lines)
    assert sum(len(work.segments) for work in plan.linework) == 20_000


def test_the_walk_stops_at_the_segment_limit(tmp_path):
    doc = new_doc()
    for i in range(500):
        doc.modelspace().add_circle((i, 0), 0.4)
    options = ImportOptions(limits=WalkLimits(max_segments=5_000))
    assert "more than 5,000 line segments" in refused(
        saved(doc, tmp_path / "c.dxf"), options
    )


def test_the_walk_stops_at_its_deadline(tmp_path):
    doc = new_doc()
    for i in range(5_000):
        doc.modelspace().add_line((i, 0), (i, 1))
    options = ImportOptions(limits=WalkLimits(timeout_s=0.0))
    assert "took longer than 0 s" in refused(saved(doc, tmp_path / "t.dxf"), options)


# --- hatches --------------------------------------------------------------------------


def test_a_hatch_with_100k_boundary_vertices(tmp_path):
    doc = new_doc()
    count = 100_000
    ring = [
        (50 * math.cos(2 * math.pi * i / count), 50 * math.sin(2 * math.pi * i / count))
        for i in range(count)
    ]
    doc.modelspace().add_hatch().paths.add_polyline_path(ring, is_closed=True)
    result = loaded(saved(doc, tmp_path / "ring.dxf"))
    assert result["segments"] == count


def test_a_pattern_hatch_with_a_huge_scale_ratio(tmp_path):
    doc = new_doc()
    hatch = doc.modelspace().add_hatch()
    hatch.paths.add_polyline_path([(0, 0), (1000, 0), (1000, 1000), (0, 1000)])
    hatch.set_pattern_fill("ANSI31", scale=1e-6)  # 10^12 pattern lines if drawn
    assert loaded(saved(doc, tmp_path / "pattern.dxf"))["segments"] == 4


def test_a_hatch_edge_with_an_absurd_arc(tmp_path):
    doc = new_doc()
    edges = doc.modelspace().add_hatch().paths.add_edge_path()
    edges.add_line((0, 0), (10, 0))
    edges.add_arc((0, 0), radius=1e300, start_angle=0, end_angle=90)
    edges.add_line((0, 10), (0, 0))
    result = loaded(saved(doc, tmp_path / "edge.dxf"))
    assert any("absurd" in w for w in result["warnings"])


# --- damaged and odd files ------------------------------------------------------------

TRUNCATED = [
    "school_escaldes_junior_high_allfloors.dxf",
    "swiss_residential_archilyse_R2004_cm.dxf",
    "uncommon_entities_R2018_inch.dxf",
    "damaged_recover01_R12.dxf",
    "binary_dxf_r2000.dxf",
    "proxy_entities_gh109.dxf",
]


@pytest.mark.parametrize("share", [0.5, 0.9])
@pytest.mark.parametrize("name", TRUNCATED)
def test_truncated_corpus_files_fail_cleanly_or_warn(tmp_path, name, share):
    data = corpus_file(name).read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: int(len(data) * share)])
    result = read_hostile(cut)
    if result["kind"] == "refused":
        assert "damaged" in result["message"]
    else:
        assert any("damaged" in w for w in result["warnings"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty (0 bytes)"),
        (b"0", "not a DXF drawing"),
        (b"EXTENTS,1\r\n0.0,8.0,0.0,8.0\r\nLIMITS,1\r\n", "from AutoCAD 1 or 2"),
        ("this is a letter\nnot a drawing\n".encode("utf-16"), "not a DXF drawing"),
        (
            "  0\nSECTION\n  2\nENTITIES\n  0\nLINE\n 10\nnot-a-number\n".encode(
                "utf-16"
            ),
            "is damaged",
        ),
    ],
    ids=["empty", "one byte", "release 1 interchange", "utf16 letter", "utf16 damaged"],
)
def test_tiny_and_foreign_files_give_clear_messages(tmp_path, content, message):
    path = tmp_path / "odd.dxf"
    path.write_bytes(content)
    assert message in refused(path)


def test_a_utf16_dxf_is_read_like_its_utf8_original(tmp_path):
    original = rooms_dxf(tmp_path / "rooms.dxf")
    utf16 = tmp_path / "rooms16.dxf"
    utf16.write_text(original.read_text(encoding="utf-8"), encoding="utf-16")
    plan, expected = loaded(utf16), loaded(original)
    assert plan["segments"] == expected["segments"] > 0
    assert plan["extents"] == expected["extents"]


def test_a_bogus_insunits_code(tmp_path):
    doc = new_doc()
    doc.header["$INSUNITS"] = 999
    doc.modelspace().add_line((0, 0), (30, 0))
    result = loaded(saved(doc, tmp_path / "bogus.dxf"))
    assert result["stated_code"] == 999
    assert result["units"] == "METRE"
    assert result["warnings"][0].startswith("The drawing names no known unit")


def test_an_xref_to_itself(tmp_path):
    doc = new_doc()
    doc.modelspace().add_line((0, 0), (1, 0))
    ezdxf.xref.define(doc, "ME", "me.dxf")
    doc.modelspace().add_blockref("ME", (0, 0))
    result = loaded(saved(doc, tmp_path / "me.dxf"))
    assert result["xrefs"] == [XrefStatus.CYCLE]
    assert result["segments"] == 1


def test_an_xref_that_is_a_block_bomb_is_unreadable_not_walked(tmp_path):
    bomb = new_doc()
    bomb.blocks.new("L0").add_line((0, 0), (1, 0))
    for level in range(1, 10):
        block = bomb.blocks.new(f"L{level}")
        for i in range(10):
            block.add_blockref(f"L{level - 1}", (i, 0))
    bomb.modelspace().add_blockref("L9", (0, 0))
    saved(bomb, tmp_path / "bomb.dxf")
    doc = new_doc()
    doc.modelspace().add_line((0, 0), (1, 0))
    ezdxf.xref.define(doc, "BOMB", "bomb.dxf")
    doc.modelspace().add_blockref("BOMB", (0, 0))
    result = loaded(saved(doc, tmp_path / "host.dxf"))
    assert result["xrefs"] == [XrefStatus.UNREADABLE]
    assert any("more than 2,000,000 entities" in w for w in result["warnings"])
