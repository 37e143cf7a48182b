"""One partition of the floor, read from small drawings built here.

Every plan is in metres with single-line walls, so each face's area is the room's
rectangle: door openings are closed along the wall line they cut.
"""

import itertools

import ezdxf
import pytest
import shapely

from designreview.model.building import SpaceSource
from designreview.readers.dxf.read import read_dxf


def segments(*points):
    return [(*a, *b) for a, b in itertools.pairwise(points)]


def new_doc():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    for name in ("A-WALL", "A-DOOR", "A-ANNO-ROOM", "A-AREA-BNDY"):
        doc.layers.add(name)
    block = doc.blocks.new("DOOR-09")  # opening (0, 0)-(0.9, 0), leaf up +y
    block.add_line((0, 0), (0, 0.9))
    block.add_arc((0, 0), 0.9, 0, 90)
    return doc


def walls(doc, segs):
    for x0, y0, x1, y1 in segs:
        doc.modelspace().add_line((x0, y0), (x1, y1), dxfattribs={"layer": "A-WALL"})


def door(doc, x, y, rotation=0):
    doc.modelspace().add_blockref(
        "DOOR-09", (x, y), dxfattribs={"layer": "A-DOOR", "rotation": rotation}
    )


def outline(doc, x0, y0, x1, y1):
    doc.modelspace().add_lwpolyline(
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)],
        close=True,
        dxfattribs={"layer": "A-AREA-BNDY"},
    )


def label(doc, text, x, y):
    doc.modelspace().add_text(
        text, height=0.3, dxfattribs={"layer": "A-ANNO-ROOM"}
    ).set_placement((x, y))


def two_classrooms_over_a_hall(doc, *, middle_wall=True, leak=False):
    """Two 6 x 4 m classrooms (y 4-8) over a 12 x 4 m hall (y 0-4).

    Doors: the entrance in the south wall (x 5.5-6.4), one into each classroom
    from the hall (x 2.0-2.9 and 8.0-8.9 on y = 4). ``leak`` leaves a 1 m opening
    without a door in the hall's west wall (y 1.5-2.5).
    """
    west = segments((0, 4), (0, 8)) + (
        segments((0, 0), (0, 1.5)) + segments((0, 2.5), (0, 4))
        if leak
        else segments((0, 0), (0, 4))
    )
    walls(
        doc,
        [
            *segments((6.4, 0), (12, 0), (12, 8), (0, 8)),
            *segments((0, 0), (5.5, 0)),
            *west,
            *segments((0, 4), (2.0, 4)),
            *segments((2.9, 4), (8.0, 4)),
            *segments((8.9, 4), (12, 4)),
            *(segments((6, 4), (6, 8)) if middle_wall else []),
        ],
    )
    door(doc, 5.5, 0)
    door(doc, 2.0, 4)
    door(doc, 8.0, 4)


def read(doc, tmp_path):
    doc.saveas(tmp_path / "plan.dxf")
    return read_dxf(tmp_path / "plan.dxf")


def area(space):
    return round(shapely.Polygon(space.outline).area, 3)


def exterior(plan):
    """The x of the middle of each door that leads outside."""
    return sorted(round(d.center[0], 2) for d in plan.doors if d.outside)


def test_a_hall_nobody_outlined_is_traced_and_its_doors_are_inside_doors(tmp_path):
    doc = new_doc()
    two_classrooms_over_a_hall(doc)
    outline(doc, 0, 4, 6, 8)
    outline(doc, 6, 4, 12, 8)
    label(doc, "CLASSROOM 101", 3, 6)
    label(doc, "CLASSROOM 102", 9, 6)
    plan = read(doc, tmp_path)
    by_source = sorted((s.source.value, area(s)) for s in plan.spaces)
    # Two outlined classrooms of 6 x 4 = 24 m2, the hall traced: 12 x 4 = 48 m2.
    assert by_source == [("outline", 24.0), ("outline", 24.0), ("walls", 48.0)]
    assert len(plan.doors) == 3
    # Only the entrance (5.5-6.4, middle 5.95) leads outside; the classroom doors
    # open onto the hall, which is a face of the building, not the outside.
    assert exterior(plan) == [5.95]


def test_an_outline_holding_two_rooms_is_split_along_the_wall(tmp_path):
    doc = new_doc()
    two_classrooms_over_a_hall(doc)
    outline(doc, 0, 4, 12, 8)  # one outline over both classrooms
    label(doc, "CLASSROOM 101", 3, 6)
    label(doc, "CLASSROOM 102", 9, 6)
    plan = read(doc, tmp_path)
    rooms = sorted((s.number, s.name, area(s)) for s in plan.spaces if s.name)
    # Split along the wall x = 6 into its two faces, 6 x 4 = 24 m2 each, each
    # named by the label inside it (the number read apart from the name).
    assert rooms == [("101", "CLASSROOM", 24.0), ("102", "CLASSROOM", 24.0)]
    assert not [w for w in plan.warnings if "holds the labels" in w]


def test_two_rooms_labelled_with_no_wall_between_are_reported(tmp_path):
    doc = new_doc()
    two_classrooms_over_a_hall(doc, middle_wall=False)
    outline(doc, 0, 4, 12, 8)
    label(doc, "CLASSROOM 101", 3, 6)
    label(doc, "CLASSROOM 102", 9, 6)
    plan = read(doc, tmp_path)
    drawn = [s for s in plan.spaces if s.source is SpaceSource.OUTLINE]
    assert [area(s) for s in drawn] == [48.0]  # 12 x 4, kept whole
    [warning] = [w for w in plan.warnings if "holds the labels" in w]
    assert "2 rooms" in warning
    assert "CLASSROOM 101" in warning
    assert "CLASSROOM 102" in warning
    assert "Split Space" in warning


def test_a_hall_left_open_by_a_leak_is_no_outside(tmp_path):
    # The hall's west wall has a 1 m opening no door closes: the hall is no face,
    # but open ground reaches it only through passages 3 m wide, so the classroom
    # doors still lead into the building and only the entrance leads out.
    doc = new_doc()
    two_classrooms_over_a_hall(doc, leak=True)
    plan = read(doc, tmp_path)
    assert exterior(plan) == [5.95]


def test_a_door_into_a_courtyard_open_on_one_side_leads_outside(tmp_path):
    # A U-shaped building 12 x 10 m: wings x 0-4 and 8-12, a bar x 4-8 (y 0-4),
    # and a 4 x 6 m courtyard open to the north between the wings. The bar's
    # door onto the courtyard (x 5.5-6.4 on y = 4) is an exterior door; the doors
    # from the bar into the wings are not.
    doc = new_doc()
    walls(
        doc,
        [
            *segments((0, 0), (12, 0), (12, 10), (8, 10), (8, 4)),
            *segments((8, 4), (6.4, 4)),
            *segments((5.5, 4), (4, 4), (4, 10), (0, 10), (0, 0)),
            *segments((4, 0), (4, 1)),
            *segments((4, 1.9), (4, 4)),
            *segments((8, 0), (8, 1)),
            *segments((8, 1.9), (8, 4)),
        ],
    )
    door(doc, 5.5, 4)
    door(doc, 4, 1, rotation=90)  # opening (4, 1)-(4, 1.9)
    door(doc, 8, 1, rotation=90)
    plan = read(doc, tmp_path)
    assert sorted(area(s) for s in plan.spaces) == pytest.approx([16.0, 40.0, 40.0])
    assert exterior(plan) == [5.95]


def test_a_face_no_door_opens_onto_is_no_space_where_rooms_are_outlined(tmp_path):
    # Beside the building, paths on a wall layer enclose an 8 x 8 m lawn: a face,
    # but no door opens onto it and no room label names it. A face of the same
    # size labelled STORAGE is a room even without a door found.
    doc = new_doc()
    two_classrooms_over_a_hall(doc)
    outline(doc, 0, 4, 6, 8)
    outline(doc, 6, 4, 12, 8)
    walls(doc, segments((20, 0), (28, 0), (28, 8), (20, 8), (20, 0)))
    walls(doc, segments((30, 0), (38, 0), (38, 8), (30, 8), (30, 0)))
    label(doc, "STORAGE", 34, 4)
    plan = read(doc, tmp_path)
    traced = sorted((s.name, area(s)) for s in plan.spaces if s.source.value == "walls")
    assert traced == [("", 48.0), ("STORAGE", 64.0)]  # the hall, the store
