"""Rooms drawn one per layer, and outlines that are no rooms by their walls."""

import itertools

import ezdxf
import numpy as np
import pytest
import shapely

from designreview.model.building import SpaceSource
from designreview.model.markups import SpaceType
from designreview.model.plan import LayerCategory, TextLabel
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.recognition.building import WALL_ROOMS_WARNING
from designreview.recognition.layers.roles import LayerRoles
from designreview.recognition.rooms.outline_walls import misplaced_outlines
from designreview.recognition.rooms.wall_faces import wall_spaces


def new_doc():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6  # metres
    doc.layers.add("A-WALL")
    doc.layers.add("A-AREA-BNDY")
    return doc


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def outline(msp, corners, layer="A-AREA-BNDY"):
    msp.add_lwpolyline(corners, close=True, dxfattribs={"layer": layer})


def wall(msp, x0, y0, x1, y1, double=False):
    msp.add_line((x0, y0), (x1, y1), dxfattribs={"layer": "A-WALL"})
    if double:  # the wall's other face, 0.2 m across
        dx, dy = (0.0, 0.2) if y0 == y1 else (0.2, 0.0)
        msp.add_line(
            (x0 + dx, y0 + dy), (x1 + dx, y1 + dy), dxfattribs={"layer": "A-WALL"}
        )


def floor(msp, x0, y0, cols=5, rows=3, size=4.0, double=False):
    """A floor of ``cols`` x ``rows`` square rooms behind walls."""
    width, height = cols * size, rows * size
    for i in range(cols + 1):
        wall(msp, x0 + i * size, y0, x0 + i * size, y0 + height, double)
    for j in range(rows + 1):
        wall(msp, x0, y0 + j * size, x0 + width, y0 + j * size, double)


def read(doc, tmp_path):
    doc.saveas(tmp_path / "plan.dxf")
    return read_dxf(tmp_path / "plan.dxf")


# --- one room per layer ------------------------------------------------------------


def per_room_layers(count, extra_on=None):
    """A row of 5 x 6 m rooms, each outline alone on a layer named by its number."""
    doc = new_doc()
    msp = doc.modelspace()
    floor(msp, 0, 0, cols=count, rows=1, size=6.0)
    for n in range(count):
        layer = f"E1-{101 + n}"
        doc.layers.add(layer)
        outline(msp, rect(6 * n, 0, 6 * n + 6, 6), layer)
        if layer == extra_on:
            msp.add_line((6 * n + 1, 1), (6 * n + 2, 1), dxfattribs={"layer": layer})
    msp.add_text("LAB", height=0.3, dxfattribs={"layer": "TEXT"}).set_placement((2, 3))
    return doc


def test_rooms_on_layers_of_their_own_are_numbered_by_the_layer(tmp_path):
    plan = read(per_room_layers(6), tmp_path)
    numbers = [space.number for space in plan.spaces]
    assert sorted(numbers) == [f"E1-{n}" for n in range(101, 107)]
    first = next(s for s in plan.spaces if s.number == "E1-101")
    assert first.id == "space-layer-E1-101"
    assert (first.layer, first.name, first.space_type) == (
        "E1-101",
        "LAB",
        SpaceType.LAB,
    )
    assert first.source is SpaceSource.OUTLINE
    assert shapely.Polygon(first.outline).area == pytest.approx(36.0)
    assert not any(w.startswith(WALL_ROOMS_WARNING[:20]) for w in plan.warnings)


def test_a_layer_holding_more_than_its_outline_is_no_room(tmp_path):
    plan = read(per_room_layers(7, extra_on="E1-103"), tmp_path)
    outlined = [s for s in plan.spaces if s.source is SpaceSource.OUTLINE]
    assert len(outlined) == 6
    assert "E1-103" not in {space.number for space in plan.spaces}
    # The walls still enclose room 103 (x 12..18): it is traced from them.
    [traced] = [s for s in plan.spaces if s.source is SpaceSource.WALLS]
    assert shapely.Polygon(traced.outline).bounds == pytest.approx((12, 0, 18, 6))


def test_layers_the_reviewer_corrected_are_no_room_of_their_own(tmp_path):
    path = tmp_path / "plan.dxf"
    per_room_layers(6).saveas(path)
    corrected = (("E1-101", LayerCategory.OTHER), ("E1-102", LayerCategory.FURNITURE))
    plan = read_dxf(path, ImportOptions(roles=LayerRoles(corrected)))
    numbers = {space.number for space in plan.spaces}
    assert not numbers & {"E1-101", "E1-102"}  # four left: no pattern, walls traced
    assert len(plan.spaces) == 6
    assert all(space.source is SpaceSource.WALLS for space in plan.spaces)


def test_four_such_layers_are_no_pattern_and_walls_are_traced(tmp_path):
    plan = read(per_room_layers(4), tmp_path)
    assert len(plan.spaces) == 4
    assert {space.source for space in plan.spaces} == {SpaceSource.WALLS}


# --- frames and legend swatches ----------------------------------------------------


def test_a_frame_around_a_floor_without_room_outlines_is_no_room(tmp_path):
    # The sheet shows the floor twice: with room outlines, and as a diagram
    # whose frame holds walls but no other outline. The frame (24 x 16 m around
    # the copy) is no room; the copy's walls enclose rooms like any walls do, so
    # its 15 rooms are traced: 15 outlined + 15 traced, each 3.8 x 3.8 m inside
    # the double walls (14.44 m2), and nothing of 384 m2.
    doc = new_doc()
    msp = doc.modelspace()
    floor(msp, 0, 0, double=True)
    floor(msp, 0, 30, double=True)
    for i in range(5):
        for j in range(3):
            outline(msp, rect(4 * i + 0.2, 4 * j + 0.2, 4 * i + 4, 4 * j + 4))
    outline(msp, rect(-2, 28, 22, 44))  # 24 x 16 m frame around the second copy
    plan = read(doc, tmp_path)
    areas = sorted(round(shapely.Polygon(s.outline).area, 2) for s in plan.spaces)
    assert areas == [14.44] * 30


def test_legend_swatches_outside_the_walls_are_no_rooms(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    floor(msp, 0, 0)
    for i in range(5):
        for j in range(3):
            outline(msp, rect(4 * i, 4 * j, 4 * i + 4, 4 * j + 4))
    for i in range(4):  # a legend row 3 m below the building, text beside each
        outline(msp, rect(5 * i, -4, 5 * i + 3, -2.8))
        msp.add_text(f"Group {i}", height=0.3).set_placement((5 * i + 3.2, -3.5))
    # A walled hall with a seating zone in its middle: away from walls, but inside.
    wall(msp, 30, 0, 50, 0)
    wall(msp, 50, 0, 50, 12)
    wall(msp, 50, 12, 30, 12)
    wall(msp, 30, 12, 30, 0)
    outline(msp, rect(30, 0, 50, 12))
    outline(msp, rect(37, 3, 43, 9))
    plan = read(doc, tmp_path)
    assert len(plan.spaces) == 17
    assert all(min(y for _, y in s.outline) >= 0 for s in plan.spaces)


def test_a_site_plan_keeps_its_footprints_away_from_walls(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    for i in range(6):
        outline(msp, rect(40 * i, 0, 40 * i + 25, 15), "Offices")
    wall(msp, 0, 100, 10, 100)  # a garden wall far off
    assert len(read(doc, tmp_path).spaces) == 6


@pytest.mark.parametrize(
    ("polygons", "expected"),
    [
        ([], []),  # nothing to judge
        ([shapely.box(0, 0, 4, 4)], [False]),  # one room along its walls
    ],
)
def test_misplaced_outlines_edge_cases(polygons, expected):
    walls = np.array([[0.0, 0.0, 4.0, 0.0], [4.0, 0.0, 4.0, 4.0]])
    assert (
        misplaced_outlines(np.array(polygons, dtype=object), walls).tolist() == expected
    )
    assert not misplaced_outlines(
        np.array(polygons, dtype=object), np.empty((0, 4))
    ).any()


# --- outdoors ----------------------------------------------------------------------


def test_a_traced_school_yard_is_an_exterior_space():
    ring = [(0, 0), (40, 0), (40, 30), (0, 30), (0, 0)]
    segs = np.array([a + b for a, b in itertools.pairwise(ring)], dtype=float)
    [yard] = wall_spaces(segs, [TextLabel("SCHOOL YARD", (20, 15), 0.5, 0.0, "T")])
    assert (yard.name, yard.space_type) == ("SCHOOL YARD", SpaceType.EXTERIOR)
