"""Doors from door blocks (placed, rotated, mirrored, nested, paired) and lone arcs.

Every drawing here is in metres and small enough to check by hand: the door block is
drawn as the sample school draws it, hinge at the base point, the opening along +x,
the leaf open along +y and a 90-degree arc between them.
"""

from pathlib import Path

import ezdxf
import numpy as np
import pytest

from designreview.model.plan import LayerCategory
from designreview.readers.dxf.read import read_dxf
from designreview.recognition.doors.detection import lone_arc_doors
from designreview.recognition.doors.swings import Swing, open_ends, pair_swings
from designreview.recognition.found import RawArc
from designreview.recognition.layers.rules import categorize_layer

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "sample_school.dxf"
LEAF = 0.9


def new_doc():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    for name in ("A-DOOR", "A-WALL", "Doors", "Furniture"):
        doc.layers.add(name)
    add_door_block(doc, "DOOR-36", leaves=1)
    add_door_block(doc, "DOOR-72-PAIR", leaves=2)
    return doc


def add_door_block(doc, name, leaves, arc_layer="0"):
    """The sample school's door: leaf rectangles, 90-degree arcs, two ATTDEFs."""
    block = doc.blocks.new(name)
    for i in range(leaves):
        hinge = i * 2 * LEAF
        edge = hinge + (0.04 if i == 0 else -0.04)
        block.add_lwpolyline(
            [(hinge, 0), (edge, 0), (edge, LEAF), (hinge, LEAF)], close=True
        )
        start, end = (0, 90) if i == 0 else (90, 180)
        block.add_arc((hinge, 0), LEAF, start, end, dxfattribs={"layer": arc_layer})
    block.add_attdef("NUMBER", (0.45, -0.2), dxfattribs={"height": 0.1})
    block.add_attdef("HARDWARE", (0.45, -0.4), dxfattribs={"height": 0.1})
    return block


def add_door(layout, name, at, number="", hardware="", **attribs):
    ref = layout.add_blockref(name, at, dxfattribs={"layer": "A-DOOR", **attribs})
    if number or hardware:
        ref.add_auto_attribs({"NUMBER": number, "HARDWARE": hardware})
    return ref


def read(doc, tmp_path, name="doors.dxf"):
    doc.saveas(tmp_path / name)
    return read_dxf(tmp_path / name)


def only_door(plan):
    [door] = plan.doors
    return door


def approx(point):
    return pytest.approx(point, abs=1e-9)


def test_plain_door_block(tmp_path):
    doc = new_doc()
    ref = add_door(doc.modelspace(), "DOOR-36", (10, 5), "101A", "PASSAGE")
    door = only_door(read(doc, tmp_path))
    assert door.hinge == approx((10, 5))
    assert door.latch == approx((10.9, 5))  # the closed leaf's end, along the wall
    assert door.swing_to == approx((10, 5.9))  # the open leaf's tip
    assert door.width_m == pytest.approx(0.9)
    assert (door.number, door.hardware) == ("101A", "PASSAGE")
    assert (door.layer, door.block) == ("A-DOOR", "DOOR-36")
    assert door.id == f"door-{ref.dxf.handle}"


def test_rotated_door_block(tmp_path):
    doc = new_doc()
    add_door(doc.modelspace(), "DOOR-36", (10, 5), rotation=90)
    door = only_door(read(doc, tmp_path))
    assert door.hinge == approx((10, 5))
    assert door.latch == approx((10, 5.9))
    assert door.swing_to == approx((9.1, 5))


def test_mirrored_door_block(tmp_path):
    doc = new_doc()
    add_door(doc.modelspace(), "DOOR-36", (10, 5), "7", "OFFICE", xscale=-1)
    door = only_door(read(doc, tmp_path))
    assert door.hinge == approx((10, 5))
    assert door.latch == approx((9.1, 5))
    assert door.swing_to == approx((10, 5.9))
    assert door.number == "7"


def test_mirrored_and_rotated_door_block(tmp_path):
    doc = new_doc()
    add_door(doc.modelspace(), "DOOR-36", (0, 0), xscale=-1, rotation=270)
    door = only_door(read(doc, tmp_path))
    # Mirror first: latch (-0.9, 0), tip (0, 0.9); then turn 270 degrees.
    assert door.latch == approx((0, 0.9))
    assert door.swing_to == approx((0.9, 0))


def test_door_block_inside_another_block(tmp_path):
    doc = new_doc()
    wing = doc.blocks.new("WING")
    wing.add_line((0, -1), (5, -1))
    inner = wing.add_blockref("DOOR-36", (2, 0), dxfattribs={"rotation": 90})
    inner.add_auto_attribs({"NUMBER": "W1", "HARDWARE": "CLASSROOM SECURITY"})
    outer = doc.modelspace().add_blockref(
        "WING", (100, 50), dxfattribs={"rotation": 180}
    )
    plan = read(doc, tmp_path)
    door = only_door(plan)
    # Inside WING: hinge (2, 0), latch (2, 0.9), tip (1.1, 0); WING turns 180 degrees.
    assert door.hinge == approx((98, 50))
    assert door.latch == approx((98, 49.1))
    assert door.swing_to == approx((98.9, 50))
    assert (door.number, door.hardware) == ("W1", "CLASSROOM SECURITY")
    assert door.id.startswith(f"door-{outer.dxf.handle}.")
    assert read(doc, tmp_path, "again.dxf").doors[0].id == door.id


def test_double_door_block_is_one_door(tmp_path):
    doc = new_doc()
    add_door(doc.modelspace(), "DOOR-72-PAIR", (0, 0), "E1", "ENTRY CARD READER")
    door = only_door(read(doc, tmp_path))
    assert door.hinge == approx((0, 0))
    assert door.latch == approx((1.8, 0))  # the other hinge
    assert door.swing_to == approx((0.9, 0.9))
    assert door.width_m == pytest.approx(1.8)
    assert door.hardware == "ENTRY CARD READER"


def test_two_single_leaves_meeting_are_one_double_door(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    add_door(msp, "DOOR-36", (0, 0), "130A")
    add_door(msp, "DOOR-36", (1.8, 0), xscale=-1)
    door = only_door(read(doc, tmp_path))
    assert (door.hinge, door.latch) == (approx((0, 0)), approx((1.8, 0)))
    assert door.number == "130A"


def test_leaves_with_their_own_numbers_stay_two_doors(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    add_door(msp, "DOOR-36", (0, 0), "1")
    add_door(msp, "DOOR-36", (1.8, 0), "2", xscale=-1)
    assert sorted(d.number for d in read(doc, tmp_path).doors) == ["1", "2"]


def test_block_is_a_door_by_its_name_or_its_arc_layer(tmp_path):
    doc = new_doc()
    add_door_block(doc, "A$C7384371F", leaves=1, arc_layer="Doors")
    msp = doc.modelspace()
    msp.add_blockref("DOOR-36", (0, 0), dxfattribs={"layer": "A-WALL"})  # by name
    msp.add_blockref("A$C7384371F", (5, 0), dxfattribs={"layer": "Furniture"})
    plan = read(doc, tmp_path)
    assert sorted(d.hinge for d in plan.doors) == [approx((0, 0)), approx((5, 0))]
    assert plan.counts.doors == 2


def test_blocks_that_are_not_doors(tmp_path):
    doc = new_doc()
    add_door_block(doc, "CHAIR", leaves=1)  # an arc, but no door name or layer
    doc.blocks.new("DOOR-TAG").add_circle((0, 0), 0.2)  # a door name, but no arc
    msp = doc.modelspace()
    msp.add_blockref("CHAIR", (0, 0), dxfattribs={"layer": "Furniture"})
    msp.add_blockref("DOOR-TAG", (5, 0), dxfattribs={"layer": "A-DOOR"})
    assert read(doc, tmp_path).doors == ()


@pytest.mark.parametrize(
    ("tags", "number", "hardware"),
    [
        (("door_no", "hw"), "12", "LOCK"),
        (("NO", "LOCK"), "12", "LOCK"),
        (("Num", "Hardware"), "12", "LOCK"),
    ],
)
def test_attribute_tags_in_other_spellings(tmp_path, tags, number, hardware):
    doc = new_doc()
    block = doc.blocks.new("DOOR-B")
    block.add_line((0, 0), (0, 0.9))
    block.add_arc((0, 0), 0.9, 0, 90)
    ref = doc.modelspace().add_blockref("DOOR-B", (0, 0))
    ref.add_attrib(tags[0], "12", (0, 0))
    ref.add_attrib(tags[1], "LOCK", (0, 0))
    door = only_door(read(doc, tmp_path))
    assert (door.number, door.hardware) == (number, hardware)


def test_door_block_in_inches_becomes_metres(tmp_path):
    doc = new_doc()
    doc.header["$INSUNITS"] = 1
    add_door(doc.modelspace(), "DOOR-36", (100, 0), xscale=40, yscale=40)
    door = only_door(read(doc, tmp_path))
    assert door.hinge == approx((2.54, 0))
    assert door.width_m == pytest.approx(36 * 0.0254)


def test_doors_a_millimetre_wide_say_the_units_are_wrong(tmp_path):
    doc = new_doc()
    doc.header["$INSUNITS"] = 4  # says millimetres, drawn in metres
    for x in (0, 5, 10):
        add_door(doc.modelspace(), "DOOR-36", (x, 0))
    plan = read(doc, tmp_path)
    [warning] = [w for w in plan.warnings if "doors are" in w]  # said once
    assert "its doors are 0.9 units wide, which suggests metres" in warning
    doc.header["$INSUNITS"] = 6
    assert not any("doors are" in w for w in read(doc, tmp_path, "m.dxf").warnings)


def test_lone_arcs_on_door_layers(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    arc = msp.add_arc((5, 5), 0.9, 0, 90, dxfattribs={"layer": "Doors"})
    msp.add_line((5, 5), (5, 5.9), dxfattribs={"layer": "Doors"})  # the leaf
    msp.add_arc((20, 5), 0.3, 0, 90, dxfattribs={"layer": "Doors"})  # too small
    msp.add_arc((30, 5), 0.9, 0, 180, dxfattribs={"layer": "Doors"})  # no swing
    msp.add_arc((40, 5), 0.9, 0, 90, dxfattribs={"layer": "A-WALL"})  # not a door
    plan = read(doc, tmp_path)
    door = only_door(plan)
    assert door.id == f"door-{arc.dxf.handle}"
    assert door.hinge == approx((5, 5))
    assert door.latch == approx((5.9, 5))
    assert door.swing_to == approx((5, 5.9))
    assert (door.layer, door.block) == ("Doors", "")
    assert plan.counts.doors == 1


def test_lone_arc_leaf_decides_the_latch(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    msp.add_arc((0, 0), 1.0, 90, 180, dxfattribs={"layer": "Doors"})
    msp.add_line((0, 0), (-1, 0), dxfattribs={"layer": "Doors"})  # open to the west
    door = only_door(read(doc, tmp_path))
    assert door.latch == approx((0, 1))
    assert door.swing_to == approx((-1, 0))


def test_two_lone_arcs_meeting_are_a_double_door(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    msp.add_arc((0, 0), 0.8, 0, 90, dxfattribs={"layer": "Doors"})
    msp.add_arc((1.6, 0), 0.8, 90, 180, dxfattribs={"layer": "Doors"})
    msp.add_line((0, 0), (0, 0.8), dxfattribs={"layer": "Doors"})
    msp.add_line((1.6, 0), (1.6, 0.8), dxfattribs={"layer": "Doors"})
    door = only_door(read(doc, tmp_path))
    assert (door.hinge, door.latch) == (approx((0, 0)), approx((1.6, 0)))
    assert door.swing_to == approx((0.8, 0.8))


def test_arcs_inside_door_blocks_are_not_counted_twice(tmp_path):
    doc = new_doc()
    doc.blocks.get("DOOR-36").query("ARC").first.dxf.layer = "Doors"
    add_door(doc.modelspace(), "DOOR-36", (0, 0))
    assert len(read(doc, tmp_path).doors) == 1


def test_without_doors_the_count_is_none_and_a_warning_names_the_door_layer(tmp_path):
    # An insert on a door layer that draws no door (a tag circle) is no door: the
    # count says what the checks see (0, it used to count the insert), and one
    # warning says what to do, naming the layer read as doors.
    doc = new_doc()
    doc.blocks.new("DOOR-TAG").add_circle((0, 0), 0.2)
    doc.modelspace().add_blockref("DOOR-TAG", (0, 0), dxfattribs={"layer": "A-DOOR"})
    plan = read(doc, tmp_path)
    assert plan.doors == ()
    assert plan.counts.doors == 0
    [warning] = [w for w in plan.warnings if w.startswith("No doors found")]
    assert "Review > Layer Roles" in warning
    assert "Door tool" in warning
    assert "A-DOOR" in warning


def test_far_from_origin_doors_are_local(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    msp.add_line((1_380_000, 960_000), (1_380_010, 960_000))
    add_door(msp, "DOOR-36", (1_380_005, 960_000))
    plan = read(doc, tmp_path)
    door = only_door(plan)
    assert plan.to_drawing_m(door.hinge) == approx((1_380_005, 960_000))
    assert max(map(abs, door.hinge)) < 10_000


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Furniture", LayerCategory.FURNITURE),
        ("FURNITURE", LayerCategory.FURNITURE),
        ("Nordpfeil_Aperture", LayerCategory.OTHER),
        ("Tür", LayerCategory.DOOR),
        ("TUREN", LayerCategory.DOOR),
        ("M16_INNENTUEREN", LayerCategory.DOOR),
    ],
)
def test_furniture_is_not_a_door_layer(name, category):
    assert categorize_layer(name) is category


def test_open_end_needs_a_leaf_along_one_radius():
    centers = np.array([[0.0, 0.0], [10.0, 0.0]])
    ends = np.array([[[1.0, 0.0], [0.0, 1.0]], [[11.0, 0.0], [10.0, 1.0]]])
    leaves = np.array([[0.0, 0.0, 0.0, 1.0], [10.0, 0.0, 10.05, 0.05]])
    assert open_ends(centers, ends, leaves).tolist() == [1, -1]


def test_pairing_needs_leaves_closing_toward_each_other():
    left = Swing((0.0, 0.0), (0.9, 0.0), (0.0, 0.9))
    same_way = Swing((0.9, 0.0), (1.8, 0.0), (0.9, 0.9))  # end to end, not a pair
    assert pair_swings([left, same_way]) == [(0,), (1,)]


def test_lone_arc_doors_skip_repeats_and_taken_places():
    arc = RawArc("A", (0.0, 0.0), 0.9, ((0.9, 0.0), (0.0, 0.9)), (0.6, 0.6), 90.0, "D")
    copy = RawArc("B", *[getattr(arc, f) for f in ("center", "radius", "ends")],
                  arc.mid, 90.0, "D")  # fmt: skip
    assert [d.id for d in lone_arc_doors([arc, copy], np.empty((0, 4)), 1.0)] == [
        "door-A"
    ]
    assert lone_arc_doors([arc], np.empty((0, 4)), 1.0, taken=[(0.0, 0.02)]) == []


# --- The bundled sample school -----------------------------------------------------

SAMPLE_DOORS = {
    "E1": "ENTRY CARD READER", "E2": "EXIT DEVICE", "E3": "EXIT DEVICE",
    "E4": "EXIT DEVICE", "E5": "EXIT DEVICE", "E6": "EXIT DEVICE",
    "E7": "EXIT DEVICE", "E8": "EXIT DEVICE", "E9": "EXIT DEVICE",
    "101A": "ENTRY CARD READER", "101B": "OFFICE", "102A": "OFFICE",
    "103A": "OFFICE", "104A": "OFFICE", "105A": "OFFICE", "106A": "OFFICE",
    "107A": "OFFICE", "108A": "OFFICE", "109A": "CLASSROOM SECURITY",
    "110A": "CLASSROOM SECURITY", "111A": "CLASSROOM SECURITY",
    "112A": "CLASSROOM SECURITY", "113A": "CLASSROOM SECURITY", "114A": "PASSAGE",
    "115A": "CLASSROOM SECURITY", "116A": "CLASSROOM SECURITY",
    "117A": "CLASSROOM SECURITY", "117B": "CLASSROOM SECURITY",
    "118A": "CLASSROOM SECURITY", "119A": "CLASSROOM SECURITY",
    "120A": "CLASSROOM SECURITY", "121A": "CLASSROOM SECURITY",
    "122A": "STOREROOM", "123A": "STOREROOM", "124A": "STOREROOM",
    "130A": "PASSAGE", "130B": "PASSAGE", "130C": "PASSAGE",
    "140A": "CLASSROOM SECURITY",
}  # fmt: skip
PAIRS = {"E1", "E2", "E3", "E4", "E8", "E9", "101A", "124A", "130A", "140A"}
INCH = 0.0254


@pytest.fixture(scope="module")
def sample_doors():
    return {door.number: door for door in read_dxf(SAMPLE).doors}


def test_sample_school_has_its_39_doors(sample_doors):
    assert len(sample_doors) == 39
    assert {n: d.hardware for n, d in sample_doors.items()} == SAMPLE_DOORS
    plan = read_dxf(SAMPLE)
    assert plan.counts.doors == 39
    assert not any("doors are" in w or "No room" in w for w in plan.warnings)


def test_sample_school_door_widths(sample_doors):
    for number, door in sample_doors.items():
        expected = 72 if number in PAIRS else 36
        assert door.width_m == pytest.approx(expected * INCH), number
        assert door.block == ("DOOR-72-PAIR" if number in PAIRS else "DOOR-36")


@pytest.mark.parametrize(
    ("number", "centre_in"),
    [("E1", (3000, 1206)), ("101A", (3000, 1368)), ("117A", (2400, 2451)),
     ("117B", (2400, 2709)), ("114A", (2280, 2070)), ("130C", (3360, 2520))],
)  # fmt: skip
def test_sample_school_doors_where_the_readme_says(sample_doors, number, centre_in):
    # The README gives the opening's centre on the wall centreline; the detected
    # opening lies on the face the door swings from, half a wall (3-6 in) away.
    door = sample_doors[number]
    gap = np.hypot(*(np.array(door.center) - np.array(centre_in) * INCH))
    assert gap < 7 * INCH


def test_sample_school_hinges_and_swings(sample_doors):
    e1, a117, b117 = (sample_doors[n] for n in ("E1", "117A", "117B"))
    a130, c130 = sample_doors["130A"], sample_doors["130C"]
    assert e1.swing_to[1] < e1.hinge[1]  # exterior doors swing out (south)
    assert a117.hinge[1] < a117.latch[1]  # 117A hinges on its south jamb
    assert b117.hinge[1] > b117.latch[1]  # 117B on its north jamb
    assert a117.swing_to[0] > a117.hinge[0]  # classroom doors swing into the room
    assert a130.swing_to[1] < a130.hinge[1]  # out of the cafeteria: south ...
    assert c130.swing_to[1] > c130.hinge[1]  # ... and north, into the kitchen
    assert c130.hinge[0] < c130.latch[0]  # hinge on the west jamb
