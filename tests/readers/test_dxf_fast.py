"""The fast tag reader draws what the ezdxf reader draws, or leaves the file to it."""

from collections import Counter

import ezdxf
import numpy as np
import pytest
from tests.fixtures.corpus import corpus_file

from designreview.model.errors import PlanReadError
from designreview.readers.dxf.document import WalkLimits
from designreview.readers.dxf.fast import Declined, bulk, open_fast
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.recognition.found import WalkResult

FAST_FILES = [
    "apartment_bldg_A_000217_paperspace.dxf",
    "barcelona_pavilion_plan_m.dxf",
    "campus_cucs_siteplan_large.dxf",
    "chinese_university_floor2_far_origin.dxf",
    "factory_standard_plan_R2004.dxf",
    "hackerspace_raumzeitlabor_R2007_cm.dxf",
    "medialab_building_R12.dxf",
    "medialab_ml4_R2010_inch.dxf",
    "nested_blocks_dimensions_depth3.dxf",
    "school_escaldes_junior_high_allfloors.dxf",
    "swiss_residential_archilyse_R2004_cm.dxf",
    "university_udg_cut_campus_R2018.dxf",
    "xref/xref.dxf",
]
EZDXF_FILES = {
    "binary_dxf_r2000.dxf": "binary DXF",
    "damaged_recover01_R12.dxf": "needs recover mode",
    "proxy_entities_gh109.dxf": "proxy entities",
    "uncommon_entities_R2018_inch.dxf": "multileader",
    "xref/attach_host_dxf.dxf": "an XREF",
}
EZDXF = ImportOptions(fast_reader=False)
EZDXF_JOINS_HATCH_EDGES = {("campus_cucs_siteplan_large.dxf", "RAMPAS")}
"""ezdxf joins the edges of a hatch boundary end to start even when they are stored
out of order, drawing lines across the ramp; the fast reader draws each edge."""


def _fast_walk(path):
    """The fast reader's walk, or None when it leaves the file to ezdxf."""
    drawing = open_fast(path, ("$INSUNITS",))
    if isinstance(drawing, Declined):
        return None
    found = drawing.walk(WalkLimits())
    return None if isinstance(found, Declined) else found


@pytest.mark.parametrize("name", FAST_FILES)
def test_fast_reader_finds_what_ezdxf_finds(name):
    path = corpus_file(name)
    assert _fast_walk(path) is not None, "the fast reader declined"
    fast, slow = read_dxf(path), read_dxf(path, EZDXF)

    assert (fast.units, fast.scale_to_m, fast.dxf_version) == (
        slow.units,
        slow.scale_to_m,
        slow.dxf_version,
    )
    assert fast.origin_m == slow.origin_m
    for ours, theirs in zip(_box(fast.extents), _box(slow.extents), strict=True):
        assert ours == pytest.approx(theirs, abs=0.01)
    assert [(i.name, i.category, i.is_visible) for i in fast.layers] == [
        (i.name, i.category, i.is_visible) for i in slow.layers
    ]
    assert fast.layouts == slow.layouts
    assert sorted(d.id for d in fast.doors) == sorted(d.id for d in slow.doors)
    slow_doors = {d.id: d for d in slow.doors}
    for door in fast.doors:
        assert door.hinge == pytest.approx(slow_doors[door.id].hinge, abs=1e-6)
        assert door.latch == pytest.approx(slow_doors[door.id].latch, abs=1e-6)
    assert sorted(s.id for s in fast.spaces) == sorted(s.id for s in slow.spaces)
    # ezdxf drops a few MTEXT it cannot attach to a layout (factory plan legend).
    assert not Counter(t.text for t in slow.labels) - Counter(
        t.text for t in fast.labels
    )
    slow_lines = {w.layer: w.segments for w in slow.linework}
    for work in fast.linework:
        if (name, work.layer) in EZDXF_JOINS_HATCH_EDGES:
            continue
        assert _length(work.segments) == pytest.approx(
            _length(slow_lines[work.layer]), rel=0.01
        ), work.layer


@pytest.mark.parametrize(("name", "why"), sorted(EZDXF_FILES.items()))
def test_files_only_ezdxf_reads_are_left_to_it(name, why):
    assert _fast_walk(corpus_file(name)) is None, why
    assert read_dxf(corpus_file(name)).reader.startswith("ezdxf reader (the fast")


def test_the_plan_says_which_reader_read_it():
    assert read_dxf(corpus_file(FAST_FILES[0])).reader == "fast reader"
    assert read_dxf(corpus_file(FAST_FILES[0]), EZDXF).reader == "ezdxf reader"


def _length(segments):
    return float(np.hypot(*(segments[:, 2:] - segments[:, :2]).T).sum())


def _save(doc, tmp_path, name="plan.dxf"):
    path = tmp_path / name
    doc.saveas(path)
    return path


def _both(path):
    return read_dxf(path), read_dxf(path, EZDXF)


def test_rotated_scaled_insert_with_base_point_lands_where_cad_draws_it(tmp_path):
    doc = ezdxf.new("R2010")
    block = doc.blocks.new("BOX", base_point=(1, 1))
    block.add_line((1, 1), (3, 1), dxfattribs={"layer": "0"})
    doc.modelspace().add_blockref(
        "BOX", (10, 0), {"layer": "WALL", "rotation": 90, "xscale": 2}
    )
    fast, slow = _both(_save(doc, tmp_path))
    [wall] = [w for w in fast.linework if w.layer == "WALL"]
    # (1, 1)-(3, 1) around base (1, 1): (0, 0)-(2, 0), x2 -> (0, 0)-(4, 0),
    # turned 90 degrees -> (0, 0)-(0, 4), moved to (10, 0).
    np.testing.assert_allclose(wall.segments, [[10.0, 0.0, 10.0, 4.0]], atol=1e-9)
    assert [w.layer for w in slow.linework] == ["WALL"]


def test_arc_with_a_downward_extrusion_is_mirrored(tmp_path):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_arc(
        (2, 0), 1, 0, 90, dxfattribs={"extrusion": (0, 0, -1), "layer": "A"}
    )
    fast, slow = _both(_save(doc, tmp_path))
    ours, theirs = fast.linework[0].segments, slow.linework[0].segments
    # Seen from above, the OCS centre (2, 0) is at x = -2 and the arc runs left.
    assert ours[:, [0, 2]].max() == pytest.approx(-2.0)
    assert ours[:, [0, 2]].min() == pytest.approx(-3.0)
    assert _length(ours) == pytest.approx(_length(theirs), rel=1e-3)


def test_bulged_polyline_is_a_half_circle(tmp_path):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_lwpolyline([(0, 0, 1.0), (2, 0, 0.0)], format="xyb")
    fast, _slow = _both(_save(doc, tmp_path))
    segments = fast.linework[0].segments
    assert _length(segments) == pytest.approx(np.pi, rel=5e-3)  # 2 cm chords
    assert segments[:, [1, 3]].min() == pytest.approx(-1.0, abs=1e-3)


def test_nested_layer_zero_takes_the_outer_insert_layer(tmp_path):
    doc = ezdxf.new("R2010")
    inner = doc.blocks.new("INNER")
    inner.add_line((0, 0), (1, 0), dxfattribs={"layer": "0"})
    outer = doc.blocks.new("OUTER")
    outer.add_blockref("INNER", (0, 0), dxfattribs={"layer": "0"})
    outer.add_blockref("INNER", (0, 5), dxfattribs={"layer": "GLASS"})
    doc.modelspace().add_blockref("OUTER", (0, 0), {"layer": "WALL"})
    fast, slow = _both(_save(doc, tmp_path))
    assert {w.layer: len(w.segments) for w in fast.linework} == {
        "GLASS": 1,
        "WALL": 1,
    }
    assert {w.layer: len(w.segments) for w in slow.linework} == {
        "GLASS": 1,
        "WALL": 1,
    }


def test_door_attributes_and_texts_match_ezdxf(tmp_path):
    doc = ezdxf.new("R2010")
    door = doc.blocks.new("DOOR-36")
    door.add_line((0, 0), (0, 0.9))
    door.add_arc((0, 0), 0.9, 0, 90)
    door.add_attdef("NUMBER", (0, 0))
    ref = doc.modelspace().add_blockref("DOOR-36", (5, 1), {"layer": "A-DOOR"})
    ref.add_attrib("NUMBER", "114A", (5, 2))
    ref.add_attrib("HW", "PASSAGE", (5, 3)).is_invisible = True
    doc.modelspace().add_text("CLASSROOM", dxfattribs={"insert": (2, 2)})
    fast, slow = _both(_save(doc, tmp_path))
    [ours], [theirs] = fast.doors, slow.doors
    assert (ours.id, ours.number, ours.hardware) == (theirs.id, "114A", "PASSAGE")
    assert ours.hinge == pytest.approx(theirs.hinge)
    assert sorted(t.text for t in fast.labels) == ["114A", "CLASSROOM"]
    assert sorted(t.text for t in slow.labels) == ["114A", "CLASSROOM"]


def test_hatch_contributes_its_boundary(tmp_path):
    doc = ezdxf.new("R2010")
    hatch = doc.modelspace().add_hatch(dxfattribs={"layer": "COLS"})
    hatch.paths.add_polyline_path([(0, 0), (2, 0), (2, 1), (0, 1)], is_closed=True)
    fast, _slow = _both(_save(doc, tmp_path))
    assert _length(fast.linework[0].segments) == pytest.approx(6.0)


def test_block_that_contains_itself_is_refused_with_a_message(tmp_path):
    doc = ezdxf.new("R2010")
    loop = doc.blocks.new("LOOP")
    loop.add_line((0, 0), (1, 0))
    loop.add_blockref("LOOP", (2, 0))
    doc.modelspace().add_blockref("LOOP", (0, 0))
    with pytest.raises(PlanReadError, match="contains itself"):
        read_dxf(_save(doc, tmp_path))


def test_minsert_is_left_to_ezdxf(tmp_path):
    doc = ezdxf.new("R2010")
    doc.blocks.new("POST").add_line((0, 0), (0.2, 0))
    ref = doc.modelspace().add_blockref("POST", (0, 0))
    ref.grid(size=(2, 3), spacing=(1, 1))
    path = _save(doc, tmp_path)
    assert _fast_walk(path) is None
    assert len(read_dxf(path).linework[0].segments) == 6


def _box(extents):
    return (extents.min_x, extents.min_y, extents.max_x, extents.max_y)


@pytest.mark.parametrize("fast_reader", [True, False])
def test_import_reports_its_progress_in_order(tmp_path, fast_reader):
    doc = ezdxf.new("R2010")
    for i in range(3000):
        doc.modelspace().add_line((i, 0), (i, 1), {"layer": "WALL"})
    path = _save(doc, tmp_path)
    shares = []
    read_dxf(path, ImportOptions(fast_reader=fast_reader), progress=shares.append)
    assert shares == sorted(shares)
    assert shares[0] == 0.0
    assert shares[-1] == pytest.approx(0.9)  # the rest is finding doors and rooms
    walking = [share for share in shares if 0.0 < share < 0.9]
    assert len(walking) >= 4  # one report per 512 entities of 3,000


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", "mixed"])
def test_tags_are_the_same_however_the_file_is_cut(tmp_path, monkeypatch, ending):
    from designreview.readers.dxf.fast import tags as tag_module
    from designreview.review_file.sample import sample_plan_path

    lines = sample_plan_path().read_bytes().splitlines()
    if ending == "mixed":
        text = b"".join(
            line + (b"\r\n" if i % 3 else b"\n") for i, line in enumerate(lines)
        )
    else:
        text = ending.join(lines) + ending
    path = tmp_path / "plan.dxf"
    path.write_bytes(text)
    whole = tag_module.read_tags(path)
    monkeypatch.setattr(tag_module, "_CHUNK", 97)  # cuts land anywhere in a pair
    pieces = tag_module.read_tags(path)
    assert whole.codes == pieces.codes
    assert whole.values == pieces.values
    assert whole.values == lines[1::2]
    assert whole.codes == [int(code) for code in lines[0::2]]
    assert not any(value.endswith(b"\r") for value in whole.values)


def _pairs(path):
    lines = path.read_text().splitlines()
    return [(lines[i].strip(), lines[i + 1]) for i in range(0, len(lines) - 1, 2)]


def _write_pairs(path, pairs):
    path.write_text("".join(f"{code}\n{value}\n" for code, value in pairs))


def test_drawing_without_handles_is_left_to_ezdxf(tmp_path):
    doc = ezdxf.new("R12")
    doc.blocks.new("DOOR90").add_arc((0, 0), 0.9, 0, 90)
    for x in (1, 3):
        doc.modelspace().add_blockref("DOOR90", (x, 0), {"layer": "A-DOOR"})
    path = _save(doc, tmp_path)
    pairs = [
        (c, v)
        for c, v in _pairs(path)
        if c not in {"5", "105"} and v.strip() != "$HANDSEED"
    ]
    _write_pairs(path, pairs)  # as handle-less R12 exporters write it
    assert _fast_walk(path) is None  # only ezdxf can invent the same handles
    doors = read_dxf(path).doors
    assert len({door.id for door in doors}) == len(doors) == 2


def test_block_names_ignore_case(tmp_path):
    doc = ezdxf.new("R2010")
    doc.blocks.new("Door90").add_line((0, 0), (0, 1), {"layer": "WALL"})
    doc.modelspace().add_blockref("Door90", (5, 5))
    path = _save(doc, tmp_path)
    _write_pairs(
        path,
        [(c, "DOOR90" if (c, v.strip()) == ("2", "Door90") and i > 0 else v)
         for i, (c, v) in enumerate(_pairs(path))],
    )  # fmt: skip
    fast, slow = _both(path)
    assert [w.layer for w in fast.linework] == [w.layer for w in slow.linework]


def test_hatch_that_lies_about_its_sources_does_not_hang(tmp_path):
    doc = ezdxf.new("R2010")
    hatch = doc.modelspace().add_hatch(dxfattribs={"layer": "HATCH"})
    hatch.paths.add_polyline_path([(0, 0), (4, 0), (4, 3), (0, 3)], is_closed=True)
    path = _save(doc, tmp_path)
    _write_pairs(
        path, [(c, "999999999999" if c == "97" else v) for c, v in _pairs(path)]
    )
    fast = read_dxf(path, ImportOptions(limits=WalkLimits(timeout_s=5)))
    assert _length(fast.linework[0].segments) == pytest.approx(14.0)


def test_insert_with_a_zero_extrusion_is_skipped_not_fatal(tmp_path):
    doc = ezdxf.new("R2010")
    doc.blocks.new("B").add_line((0, 0), (1, 0))
    doc.modelspace().add_blockref("B", (0, 0), {"layer": "WALL"})
    doc.modelspace().add_line((0, 0), (2, 0), {"layer": "WALL"})
    path = _save(doc, tmp_path)
    pairs = _pairs(path)
    at = next(i for i, (c, v) in enumerate(pairs) if (c, v.strip()) == ("0", "INSERT"))
    pairs[at + 1 : at + 1] = [("210", "0.0"), ("220", "0.0"), ("230", "0.0")]
    _write_pairs(path, pairs)
    plan = read_dxf(path)
    assert _length(plan.linework[0].segments) == pytest.approx(2.0)


def test_paper_space_is_told_by_the_owner_as_ezdxf_does(tmp_path):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_line((0, 0), (1, 0), {"layer": "WALL"})
    doc.paperspace().add_line((0, 0), (420, 0), {"layer": "FRAME"})
    path = _save(doc, tmp_path)
    pairs = [(c, v) for c, v in _pairs(path) if c != "67"]  # owners only
    _write_pairs(path, pairs)
    fast, slow = _both(path)
    assert [w.layer for w in fast.linework] == [w.layer for w in slow.linework]
    assert [w.layer for w in fast.linework] == ["WALL"]


def test_a_padded_group_code_is_read_without_blowing_up_memory(tmp_path):
    doc = ezdxf.new("R2010")
    for i in range(2000):
        doc.modelspace().add_line((i, 0), (i, 1), {"layer": "WALL"})
    path = _save(doc, tmp_path)
    pairs = _pairs(path)
    pairs[5] = (" " * 20_000 + pairs[5][0], pairs[5][1])
    _write_pairs(path, pairs)
    plan = read_dxf(path)
    assert len(plan.linework[0].segments) == 2000
    assert plan.reader == "fast reader"


def test_a_blank_code_line_and_a_double_one_do_not_cancel_out(tmp_path):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_line((0, 0), (0, 1), {"layer": "WALL"})
    path = _save(doc, tmp_path)
    pairs = _pairs(path)
    pairs[5], pairs[7] = ("", pairs[5][1]), ("8 8", pairs[7][1])
    _write_pairs(path, pairs)
    assert open_fast(path, ()) == Declined("a group code that is not a number")


@pytest.mark.parametrize("bad", ["", "8 8", "1x", "-1", "+8", "99999999999"])
def test_a_group_code_that_is_not_one_number_is_left_to_ezdxf(tmp_path, bad):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_line((0, 0), (0, 1), {"layer": "WALL"})
    path = _save(doc, tmp_path)
    pairs = _pairs(path)
    pairs[5] = (bad, pairs[5][1])
    _write_pairs(path, pairs)
    assert open_fast(path, ()) == Declined("a group code that is not a number")


# -- the bulk path (dxf_fast.bulk): quiet records read all at once -----------------


def _walk_fields(path, distance=0.02):
    """A fast walk's result as plain data, exact down to the order of segments."""
    drawing = open_fast(path, ("$INSUNITS",))
    assert not isinstance(drawing, Declined)
    found = drawing.walk(WalkLimits(flatten_distance=distance))
    assert not isinstance(found, Declined)
    data = {}
    for name in WalkResult.__dataclass_fields__:
        value = getattr(found, name)
        if name == "segments":
            value = [(layer, bytes(segments)) for layer, segments in value.items()]
        elif name == "window_segments":
            value = bytes(value)
        elif isinstance(value, dict):
            value = list(value.items())
        data[name] = value
    return data


def _one_by_one(monkeypatch, path, distance=0.02):
    """The walk with every record read one by one, as before the bulk path."""
    with monkeypatch.context() as patch:
        patch.setattr(bulk, "QUIET_KINDS", frozenset())
        return _walk_fields(path, distance)


@pytest.mark.parametrize(
    "name",
    [
        "factory_standard_plan_R2004.dxf",
        "school_escaldes_junior_high_allfloors.dxf",
        "chinese_university_floor2_far_origin.dxf",
        "swiss_residential_archilyse_R2004_cm.dxf",
        "medialab_ml4_R2010_inch.dxf",
    ],
)
def test_bulk_walk_equals_the_one_by_one_walk(monkeypatch, name):
    path = corpus_file(name)
    for distance in (0.02, 0.5):
        assert _walk_fields(path, distance) == _one_by_one(monkeypatch, path, distance)


def _quiet_drawing():
    """Every kind of record the bulk path reads, and neighbours it must leave alone."""
    doc = ezdxf.new("R2010")
    msp = doc.modelspace()
    down = {"extrusion": (0, 0, -1)}
    msp.add_line((0, 0), (5, 0), {"layer": "A-WALL"})
    msp.add_arc((2, 1), 1.5, 10, 200, dxfattribs={"layer": "A-WALL", **down})
    msp.add_arc(
        (9, 1), 0.9, 0, 90, dxfattribs={"layer": "A-DOOR"}
    )  # a door swing: one by one
    msp.add_circle((3, 3), 0.4, {"layer": "COLS", **down})
    msp.add_arc((40, 40), 2000.0, 0, 10, dxfattribs={"layer": "SITE"})  # coarser chords
    msp.add_lwpolyline(
        [(0, 0), (4, 0), (4, 3), (0, 3)],
        close=True,
        dxfattribs={"layer": "A-WALL", "const_width": 0.2, "elevation": 3.0},
    )
    msp.add_lwpolyline(
        [(10, 0), (14, 0), (14, 3), (10, 3)],
        close=True,
        dxfattribs={"layer": "A-AREA-BNDY"},
    )  # a room outline: one by one, it needs its key
    msp.add_lwpolyline(
        [(20, 0), (22, 0), (22, 2), (20, 2), (20, 0)], dxfattribs={"layer": "FURN"}
    )  # closes by its points
    msp.add_lwpolyline([(0, 5), (2, 5, 0.5), (4, 5)], format="xyb")  # bulged
    msp.add_lwpolyline([(0, 7), (3, 8)], dxfattribs={"layer": "A-WALL", **down})
    inner = doc.blocks.new("INNER", base_point=(1, 0))
    inner.add_line((1, 0), (2, 1), {"layer": "0"})
    inner.add_circle((1, 1), 0.25, {"layer": "FIX"})
    inner.add_lwpolyline([(0, 0), (1, 0), (1, 1), (0, 1)], close=True)  # layer 0
    inner.add_arc((1, 0), 0.8, 0, 90, dxfattribs={"layer": "0"})
    outer = doc.blocks.new("OUTER")
    # Scaled unevenly, then turned: a turned block scaled unevenly would be sheared,
    # which ezdxf's walk draws otherwise (and the fast reader's 2D map exactly).
    outer.add_blockref("INNER", (0, 0), {"xscale": 2, "yscale": 0.5})
    outer.add_line((0, 0), (0, 3), {"layer": "GLASS"})
    for x in (30, 40):
        msp.add_blockref("OUTER", (x, 0), {"layer": "A-WALL", "rotation": 30})
    msp.add_blockref("INNER", (50, 0), {"layer": "A-AREA-BNDY"})
    msp.add_line((60, 0), (61, 0), {"layer": "COLS"})
    return doc


def test_bulk_path_walks_as_the_one_by_one_path(monkeypatch, tmp_path):
    path = _save(_quiet_drawing(), tmp_path)
    ours = _walk_fields(path)
    assert ours == _one_by_one(monkeypatch, path)
    assert [arc.key for arc in ours["door_arcs"]] != []
    assert {outline.layer for outline in ours["outlines"]} == {"A-AREA-BNDY"}


def test_bulk_path_draws_what_ezdxf_draws(tmp_path):
    fast, slow = _both(_save(_quiet_drawing(), tmp_path))
    theirs = {w.layer: w.segments for w in slow.linework}
    assert [w.layer for w in fast.linework] == list(theirs)
    for work in fast.linework:
        assert _length(work.segments) == pytest.approx(
            _length(theirs[work.layer]), rel=1e-3
        ), work.layer
    assert sorted(s.id for s in fast.spaces) == sorted(s.id for s in slow.spaces)
    assert sorted(d.id for d in fast.doors) == sorted(d.id for d in slow.doors)


def test_mirrored_arc_and_polyline_are_read_in_bulk_where_cad_draws_them(tmp_path):
    doc = ezdxf.new("R2010")
    down = {"extrusion": (0, 0, -1), "layer": "A"}
    doc.modelspace().add_arc((2, 0), 1, 0, 90, dxfattribs=down)
    doc.modelspace().add_lwpolyline([(1, 1), (3, 1)], dxfattribs=down)
    drawing = open_fast(_save(doc, tmp_path), ())
    quiet = bulk.quiet_records(
        drawing.tags,
        drawing.tags.sections["ENTITIES"].starts,
        bulk.QuietRules(True, None, lambda _: False, lambda _: False, 0.02),
    )
    assert len(quiet.starts) == 2  # both read in bulk
    arc, line = quiet.segments[:-1], quiet.segments[-1]
    assert arc[:, [0, 2]].max() == pytest.approx(-2.0)
    assert arc[:, [0, 2]].min() == pytest.approx(-3.0)
    np.testing.assert_allclose(line, [-1.0, 1.0, -3.0, 1.0])


def test_a_line_with_a_value_that_is_no_number_is_skipped_as_before(
    monkeypatch, tmp_path
):
    doc = ezdxf.new("R2010")
    for x in range(3):
        doc.modelspace().add_line((x, 0), (x, 1), dxfattribs={"layer": "WALL"})
    path = _save(doc, tmp_path)
    pairs = _pairs(path)
    at = [i for i, (c, v) in enumerate(pairs) if c == "11"][1]
    pairs[at] = ("11", "one")
    _write_pairs(path, pairs)
    ours = _walk_fields(path)
    assert ours == _one_by_one(monkeypatch, path)
    assert ours["skipped"] == [("unreadable LINE", 1)]
    assert ours["segment_count"] == 2


def test_entity_limit_stops_the_bulk_walk_as_the_one_by_one_walk(tmp_path):
    doc = ezdxf.new("R2010")
    for x in range(50):
        doc.modelspace().add_line((x, 0), (x, 1), {"layer": "WALL"})
    drawing = open_fast(_save(doc, tmp_path), ())
    with pytest.raises(PlanReadError, match="entities"):
        drawing.walk(WalkLimits(max_entities=20))
    with pytest.raises(PlanReadError, match="line segments"):
        drawing.walk(WalkLimits(max_segments=20))


def _polylines_doc():
    doc = ezdxf.new("R12")
    msp = doc.modelspace()
    msp.add_polyline2d([(0, 0), (4, 0), (4, 3)], dxfattribs={"layer": "WALL"})
    arc = msp.add_polyline2d([(0, 5, 0, 0, 1), (2, 5)], format="xyseb")
    arc.dxf.layer = "WALL"
    framed = msp.add_polyline2d([(0, 8), (1, 9), (2, 8)], dxfattribs={"layer": "A"})
    framed.vertices[1].dxf.flags = 16  # a spline frame's control point
    msp.add_polyline2d([(9, 9), (9, 12)], dxfattribs={"layer": "B"}, close=True)
    return doc


def test_polyline_vertices_read_all_at_once_match_ezdxf(tmp_path):
    fast, slow = _both(_save(_polylines_doc(), tmp_path))
    assert fast.reader == "fast reader"

    def length(segments):
        return np.hypot(*(segments[:, 2:] - segments[:, :2]).T).sum()

    for got, want in zip(fast.linework, slow.linework, strict=True):
        assert got.layer == want.layer
        if got.layer != "A":  # ezdxf draws spline-frame points, we do not
            # the same lines; the bulge's arc in chords of each reader's choosing
            assert length(got.segments) == pytest.approx(length(want.segments), 0.01)
    [framed] = [w.segments for w in fast.linework if w.layer == "A"]
    assert framed.tolist() == [[0.0, 8.0, 2.0, 8.0]]  # the frame point is not drawn


def test_a_vertex_that_is_no_number_makes_only_its_polyline_unreadable(tmp_path):
    path = _save(_polylines_doc(), tmp_path)
    pairs = _pairs(path)
    vertex = next(i for i, (c, v) in enumerate(pairs) if v.strip() == "VERTEX")
    x = next(i for i in range(vertex, len(pairs)) if pairs[i][0] == "10")
    pairs[x] = ("10", "not a number")
    _write_pairs(path, pairs)
    found = _fast_walk(path)
    assert found.skipped["unreadable POLYLINE"] == 1
    assert sorted(found.segments) == ["A", "B", "WALL"]  # the bulged one is left


@pytest.mark.parametrize(
    "raw",
    [
        "CLASSROOM 104",
        r"MAIN\POFFICE",
        r"BOYS\PRESTROOM\P",
        r"{\fArial|b1;LAB}\P201",
        r"50% OPEN",
        r"90%%d TURN",
        "A^JB",
        r"ESCAPED \\P STAYS",
        r"\C1;RED",
        "",
    ],
)
def test_mtext_without_codes_is_read_without_ezdxf_as_ezdxf_reads_it(raw):
    # The fast reader keeps a label free of codes (or with only \P breaks) as it
    # is, the breaks as new lines, and asks ezdxf for the rest: both give what
    # ezdxf's own fast_plain_mtext gives.
    from ezdxf.tools.text import fast_plain_mtext

    from designreview.readers.dxf.fast.shapes import _plain_mtext

    assert _plain_mtext(raw) == fast_plain_mtext(raw, split=False)
