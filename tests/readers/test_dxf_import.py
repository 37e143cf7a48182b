"""Reading drawings: geometry in metres, units, origins, and clear failures."""

import math

import ezdxf
import numpy as np
import pytest
import shapely
from tests.fixtures.dxf_files import rooms_dxf

from designreview.model.errors import PlanReadError
from designreview.model.plan import LayerCategory
from designreview.model.units import LengthUnit
from designreview.readers.dxf.doors import bulge_arc
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.readers.dxf.walk import WalkLimits, walk_entities


def segments_of(plan, layer):
    return next(work.segments for work in plan.linework if work.layer == layer)


def test_rooms_in_metres(tmp_path):
    plan = read_dxf(rooms_dxf(tmp_path / "rooms.dxf"))
    assert plan.units is LengthUnit.METRE
    assert plan.scale_to_m == 1.0
    walls = segments_of(plan, "A-WALL")
    assert len(walls) == 5  # four outline edges and the partition
    total = np.hypot(walls[:, 2] - walls[:, 0], walls[:, 3] - walls[:, 1]).sum()
    assert total == pytest.approx(2 * (10 + 4) + 4)
    assert plan.extents.as_list() == pytest.approx([0, 0, 10, 4])
    assert plan.counts.walls == 5
    assert plan.counts.doors == 1
    assert sorted(label.text for label in plan.labels) == ["CLASSROOM", "OFFICE"]
    assert plan.layer("A-WALL").category is LayerCategory.WALL
    assert plan.layer("A-WALL").entity_count == 2


def test_block_contents_take_the_insert_layer_and_position(tmp_path):
    plan = read_dxf(rooms_dxf(tmp_path / "rooms.dxf"))
    door = segments_of(plan, "A-DOOR")
    # The leaf from the hinge (5, 1) to (5, 1.9) and the arc flattened into chords.
    assert [5.0, 1.0, 5.0, 1.9] in door.round(9).tolist()
    radii = np.hypot(door[1:, [0, 2]] - 5.0, door[1:, [1, 3]] - 1.0)
    assert radii == pytest.approx(0.9, rel=1e-3)  # Bezier-flattened arc
    assert "0" not in {work.layer for work in plan.linework}


def test_door_block_becomes_a_detected_door(tmp_path):
    plan = read_dxf(rooms_dxf(tmp_path / "rooms.dxf"))
    [door] = plan.doors
    # The leaf is drawn open, up from the hinge; the arc's other end is the latch.
    assert door.hinge == pytest.approx((5, 1))
    assert door.latch == pytest.approx((5.9, 1))
    assert door.swing_to == pytest.approx((5, 1.9))
    assert (door.layer, door.block) == ("A-DOOR", "DOOR-09")
    # The rooms are drawn by their walls only: they are traced from the walls.
    assert sorted(space.name for space in plan.spaces) == ["CLASSROOM", "OFFICE"]
    assert any("traced from the walls" in w for w in plan.warnings)


def test_inch_drawing_becomes_metres(tmp_path):
    plan = read_dxf(rooms_dxf(tmp_path / "rooms.dxf", insunits=1))
    assert plan.units is LengthUnit.INCH
    assert plan.is_imperial
    assert plan.extents.width == pytest.approx(10 * 0.0254)
    label = next(lab for lab in plan.labels if lab.text == "OFFICE")
    assert label.height_m == pytest.approx(0.3 * 0.0254)


def test_far_origin_is_moved_but_remembered(tmp_path):
    path = rooms_dxf(tmp_path / "far.dxf", offset=(1_380_000.0, 960_000.0))
    plan = read_dxf(path)
    assert plan.origin_m != (0.0, 0.0)
    assert max(abs(v) for v in plan.extents.as_list()) < 10_000
    assert plan.drawing_extents_m.as_list() == pytest.approx(
        [1_380_000, 960_000, 1_380_010, 960_004]
    )
    assert any("local origin" in w for w in plan.warnings)


def test_unitless_drawing_gets_a_guess_and_a_warning(tmp_path):
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 0
    doc.modelspace().add_lwpolyline(
        [(0, 0), (60000, 0), (60000, 30000)], dxfattribs={"layer": "WALL"}
    )
    doc.saveas(tmp_path / "mm.dxf")
    plan = read_dxf(tmp_path / "mm.dxf")
    assert plan.units is LengthUnit.MILLIMETRE
    assert plan.extents.width == pytest.approx(60.0)
    assert any("does not state its units" in w for w in plan.warnings)


def test_non_finite_and_absurd_coordinates_are_dropped_and_counted(tmp_path):
    doc = ezdxf.new("R2013")
    msp = doc.modelspace()
    msp.add_line((0, 0), (10, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (1e300, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (math.nan, 5), dxfattribs={"layer": "WALL"})
    plan = walk_plan(doc, tmp_path)
    assert len(segments_of(plan, "WALL")) == 1
    assert any("2 segments" in w for w in plan.warnings)


def walk_plan(doc, tmp_path):
    doc.header["$INSUNITS"] = 6
    path = tmp_path / "d.dxf"
    doc.saveas(path)
    return read_dxf(path)


def test_block_reference_cycle_is_refused():
    doc = ezdxf.new("R2013")
    block = doc.blocks.new("LOOP")
    block.add_line((0, 0), (1, 0))
    block.add_blockref("LOOP", (1, 0))
    doc.modelspace().add_blockref("LOOP", (0, 0))
    with pytest.raises(PlanReadError, match="contains itself"):
        walk_entities(doc.modelspace())


def test_entity_limit_stops_a_huge_drawing():
    doc = ezdxf.new("R2013")
    msp = doc.modelspace()
    for i in range(50):
        msp.add_line((i, 0), (i, 1))
    with pytest.raises(PlanReadError, match="more than 10 entities"):
        walk_entities(msp, WalkLimits(max_entities=10))


def test_cancel_stops_the_walk():
    from designreview.readers.dxf.walk import ImportCancelledError

    doc = ezdxf.new("R2013")
    msp = doc.modelspace()
    for i in range(5000):
        msp.add_line((i, 0), (i, 1))
    with pytest.raises(ImportCancelledError):
        walk_entities(msp, cancelled=lambda: True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"AC1027\x00\x00\x00binary dwg", "DWG"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"hello, this is a letter\nnot a drawing\n", "not a DXF drawing"),
        (b"  0\nSECTION\n  2\nENTITIES\n  0\nLINE\n 10\nnot-a-number\n", "damaged"),
    ],
)
def test_bad_files_give_clear_messages(tmp_path, content, message):
    path = tmp_path / "bad.dxf"
    path.write_bytes(content)
    with pytest.raises(PlanReadError, match=message):
        read_dxf(path)


def test_missing_file(tmp_path):
    with pytest.raises(PlanReadError, match="does not exist"):
        read_dxf(tmp_path / "nope.dxf")


def test_truncated_file_fails_cleanly_or_warns(tmp_path):
    full = rooms_dxf(tmp_path / "rooms.dxf").read_bytes()
    cut = tmp_path / "cut.dxf"
    cut.write_bytes(full[: len(full) // 2])
    # Cut mid-tag: a clear error. Cut at a tag boundary: a plan with warnings.
    with pytest.raises(PlanReadError, match="damaged"):
        read_dxf(cut)


def test_invisible_attributes_are_not_drawn():
    from designreview.review_file.sample import sample_plan_path

    texts = {label.text for label in read_dxf(sample_plan_path()).labels}
    assert "117A" in texts  # door numbers are visible attributes
    assert "CLASSROOM SECURITY" not in texts  # hardware sets are hidden data


def test_bulged_swing_on_a_window_layer_is_a_door_only_inside_a_proxy():
    msp = ezdxf.new("R2010").modelspace()
    swing = msp.add_lwpolyline([(1.9, 0, 0.41421356), (1.0, 0.9, 0)], "xyb")
    arc = bulge_arc(swing, "WINDOW", "5")
    assert arc.center == pytest.approx((1.0, 0.0), abs=1e-6)
    assert arc.radius == pytest.approx(0.9)
    straight = msp.add_lwpolyline([(0, 0), (1, 0)])
    assert bulge_arc(straight, "WINDOW", "6") is None
    # Outside proxies a window-layer arc may be a casement window: not collected.
    found = walk_entities(msp)
    assert found.door_arcs == []


def test_a_column_in_the_wall_closes_the_room(tmp_path):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    # A 6 x 4 m room whose top wall stops at a 0.4 m column and goes on after it.
    for start, end in [((0, 0), (6, 0)), ((6, 0), (6, 4)), ((0, 4), (0, 0)),
                       ((0, 4), (2.8, 4)), ((3.2, 4), (6, 4))]:  # fmt: skip
        msp.add_line(start, end, {"layer": "A-WALL"})
    column = [(2.8, 3.8), (3.2, 3.8), (3.2, 4.2), (2.8, 4.2)]
    msp.add_lwpolyline(column, close=True, dxfattribs={"layer": "A-COLS"})
    path = tmp_path / "column.dxf"
    doc.saveas(path)
    [room] = read_dxf(path).spaces
    # The room's top edge runs along the wall and round the column's foot.
    assert shapely.Polygon(room.outline).area == pytest.approx(24 - 0.4 * 0.2, abs=0.01)


def test_a_window_block_on_a_furniture_layer_closes_the_room(tmp_path):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    # A 6 x 4 m room; the top wall has a 1.2 m window gap, filled by a window
    # block that the author put on the furniture layer.
    for start, end in [((0, 0), (6, 0)), ((6, 0), (6, 4)), ((0, 4), (0, 0)),
                       ((0, 4), (2.4, 4)), ((3.6, 4), (6, 4))]:  # fmt: skip
        msp.add_line(start, end, {"layer": "A-WALL"})
    window = doc.blocks.new("WIN6")
    window.add_line((0, 0), (1.2, 0))
    window.add_line((0, 0.1), (1.2, 0.1))
    msp.add_blockref("WIN6", (2.4, 3.95), {"layer": "FURNITURE"})
    path = tmp_path / "window.dxf"
    doc.saveas(path)
    for options in (ImportOptions(), ImportOptions(fast_reader=False)):
        [room] = read_dxf(path, options).spaces
        assert shapely.Polygon(room.outline).area == pytest.approx(24, abs=0.2)


@pytest.mark.parametrize("fast_reader", [True, False])
def test_what_was_left_out_is_said_in_plain_words(tmp_path, fast_reader):
    doc = ezdxf.new("R2013")
    msp = doc.modelspace()
    msp.add_line((0, 0), (10, 0), dxfattribs={"layer": "A-WALL"})
    for x in range(3):
        msp.add_point((x, 1))
    msp.add_xline((0, 0), (1, 1))
    doc.saveas(tmp_path / "points.dxf")
    plan = read_dxf(tmp_path / "points.dxf", ImportOptions(fast_reader=fast_reader))
    # three points and a construction line: four entities not drawn
    assert (
        "4 points, viewports, images and construction lines are not part of the "
        "plan (left out)"
    ) in plan.warnings
    assert not any(" x " in w and "skipped" in w for w in plan.warnings)
