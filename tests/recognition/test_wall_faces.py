"""Rooms traced from walls when a drawing has no room outlines."""

import itertools
import math

import ezdxf
import numpy as np
import pytest
import shapely

from designreview.model.building import SpaceSource
from designreview.model.markups import SpaceType as T
from designreview.model.plan import TextLabel
from designreview.readers.dxf.read import read_dxf
from designreview.recognition.building import (
    NO_ROOMS_WARNING,
    TRACED_HALLS_NOTE,
    WALL_ROOMS_WARNING,
)
from designreview.recognition.rooms.wall_faces import (
    WallFaceParams,
    wall_faces,
    wall_spaces,
)


def polyline(*points):
    """Segments (N x 4) along the points."""
    return [(*a, *b) for a, b in itertools.pairwise(points)]


def two_rooms(door=True):
    """Two rooms behind double-line walls 0.1 m (outside) and 0.2 m (between) thick.

    Inside faces: left room x 0.1-5.0, right room x 5.2-10.1, both y 0.1-4.1, so
    4.9 x 4.0 = 19.6 m² each. The shared wall has a 0.9 m door gap (y 1.0-1.9)
    with jambs; the door's opening runs down the middle of the wall (x = 5.1), so
    each room also gets half the doorway, 0.1 x 0.9 m: 19.69 m². The wall cavity
    (the ring between the outer box and the rooms, and the shared wall) is
    10.2 x 4.2 - 2 x 19.69 = 3.46 m²: room-sized, but 0.1 m wide.
    """
    segs = [
        *polyline((0, 0), (10.2, 0), (10.2, 4.2), (0, 4.2), (0, 0)),
        *polyline((5.0, 1.0), (5.0, 0.1), (0.1, 0.1), (0.1, 4.1), (5.0, 4.1)),
        *polyline((5.0, 4.1), (5.0, 1.9)),
        *polyline((5.2, 1.9), (5.2, 4.1), (10.1, 4.1), (10.1, 0.1), (5.2, 0.1)),
        *polyline((5.2, 0.1), (5.2, 1.0)),
        (5.0, 1.0, 5.2, 1.0),  # jambs
        (5.0, 1.9, 5.2, 1.9),
    ]
    if door:
        segs.append((5.1, 1.0, 5.1, 1.9))
    return np.array(segs, dtype=float)


def areas(faces):
    return sorted(shapely.area(faces).round(6).tolist())


def test_two_rooms_behind_double_walls_with_the_door_closed():
    faces = wall_faces(two_rooms())
    assert areas(faces) == [19.69, 19.69]
    assert sorted(shapely.bounds(faces).round(6).tolist()) == [
        [0.1, 0.1, 5.1, 4.1],
        [5.1, 0.1, 10.1, 4.1],
    ]


def test_a_wall_cavity_is_room_sized_but_too_thin_to_be_a_room():
    # A double-line wall 12 m long, 0.2 m thick, capped: 2.4 m², 2A/P = 0.197 m.
    wall = np.array(polyline((0, 0), (12, 0), (12, 0.2), (0, 0.2), (0, 0)))
    assert areas(wall_faces(wall)) == []
    assert areas(wall_faces(wall, WallFaceParams(min_width_m=0.15))) == [2.4]


def test_an_open_doorway_joins_the_two_rooms():
    # The 0.2 x 0.9 m gap between the jambs becomes part of the one room.
    assert areas(wall_faces(two_rooms(door=False))) == [39.38]


def test_wall_lines_stopping_3_cm_short_still_close_a_room():
    segs = np.array(
        [(0, 0, 5.97, 0), (6, 0, 6, 3.97), (6, 4, 0.03, 4), (0, 4, 0, 0.03)]
    )
    [room] = wall_faces(segs)
    assert shapely.area(room) == pytest.approx(24.0)


def test_a_wall_stopping_short_of_another_is_carried_ahead_to_it():
    # The partition stops 0.2 m short: more than a snap, within reach.
    box = polyline((0, 0), (8, 0), (8, 4), (0, 4), (0, 0))
    segs = np.array([*box, (4, 0, 4, 3.8)])
    assert areas(wall_faces(segs)) == [16.0, 16.0]
    assert areas(wall_faces(segs, WallFaceParams(reach_m=0.1))) == [32.0]


def test_the_outer_shell_around_rooms_and_tiny_faces_are_not_rooms():
    frame = polyline((-5, -5), (20, -5), (20, 10), (-5, 10), (-5, -5))
    closet = polyline((0.1, 1.1), (1.1, 1.1), (1.1, 0.1))  # 1 m² in a corner
    faces = wall_faces(np.concatenate([two_rooms(), frame, closet]))
    assert areas(faces) == [18.69, 19.69]  # the frame holds rooms; the closet is small


def test_a_label_inside_names_the_room_and_gives_its_type():
    labels = [
        TextLabel("CLASSROOM", (2.0, 2.5), 0.3, 0.0, "A-ANNO-ROOM"),
        TextLabel("104", (2.0, 2.0), 0.3, 0.0, "A-ANNO-ROOM"),
        TextLabel("KEY PLAN", (30.0, 30.0), 0.3, 0.0, "A-ANNO-ROOM"),
    ]
    spaces = wall_spaces(two_rooms(), labels)
    classroom, other = sorted(spaces, key=lambda s: min(x for x, _ in s.outline))
    assert (classroom.name, classroom.number) == ("CLASSROOM", "104")
    assert classroom.space_type is T.CLASSROOM
    assert (other.name, other.space_type) == ("", T.UNKNOWN)
    assert {s.source for s in spaces} == {SpaceSource.WALLS}
    assert len({s.id for s in spaces}) == 2
    assert all(s.id.startswith("space-wall-") for s in spaces)


def test_no_segments_no_faces_and_too_many_are_not_traced():
    assert len(wall_faces(np.empty((0, 4)))) == 0
    assert wall_spaces(np.array([[0.0, 0.0, 0.0, 0.0]]), []) == ()
    assert len(wall_faces(two_rooms(), WallFaceParams(max_lines=10))) == 0


# Through the importer: the fallback runs only when there are no room outlines.


def door_block(doc):
    """A 0.9 m door: the leaf drawn open along +y, the arc closing onto +x."""
    block = doc.blocks.new("DOOR-09")
    block.add_line((0, 0), (0, 0.9))
    block.add_arc((0, 0), 0.9, 0, 90)


def walls_doc():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    for name in ("A-WALL", "A-DOOR", "A-ANNO-ROOM", "A-AREA-BNDY"):
        doc.layers.add(name)
    msp = doc.modelspace()
    for x0, y0, x1, y1 in two_rooms(door=False):
        msp.add_line((x0, y0), (x1, y1), dxfattribs={"layer": "A-WALL"})
    door_block(doc)
    # Rotated a quarter turn, the opening runs from (5.1, 1.0) up to (5.1, 1.9).
    msp.add_blockref(
        "DOOR-09", (5.1, 1.0), dxfattribs={"layer": "A-DOOR", "rotation": 90}
    )
    msp.add_text(
        "OFFICE", height=0.3, dxfattribs={"layer": "A-ANNO-ROOM"}
    ).set_placement((7, 2))
    return doc


def test_walls_and_a_door_block_give_two_rooms(tmp_path):
    doc = walls_doc()
    doc.saveas(tmp_path / "walls.dxf")
    plan = read_dxf(tmp_path / "walls.dxf")
    [door] = plan.doors
    assert door.hinge == pytest.approx((5.1, 1.0))
    assert door.latch == pytest.approx((5.1, 1.9))
    rooms = sorted(plan.spaces, key=lambda s: min(x for x, _ in s.outline))
    assert [shapely.Polygon(s.outline).area for s in rooms] == pytest.approx(
        [19.69, 19.69]
    )
    assert [(s.name, s.space_type) for s in rooms] == [
        ("", T.UNKNOWN),
        ("OFFICE", T.OFFICE),
    ]
    assert WALL_ROOMS_WARNING.format(2) in plan.warnings
    assert NO_ROOMS_WARNING not in plan.warnings


def test_a_drawing_with_room_outlines_keeps_them_and_traces_the_rest(tmp_path):
    # The left room has an outline; the right one (labelled OFFICE) has only its
    # walls. The outline stays as drawn (4.9 x 4.0 = 19.6 m2); the right room is
    # the face of its walls with half the doorway (19.69 m2, see two_rooms), named
    # by its label, and the import says one space was traced.
    doc = walls_doc()
    outline = doc.modelspace().add_lwpolyline(
        [(0.1, 0.1), (5.0, 0.1), (5.0, 4.1), (0.1, 4.1)],
        close=True,
        dxfattribs={"layer": "A-AREA-BNDY"},
    )
    doc.saveas(tmp_path / "outlined.dxf")
    plan = read_dxf(tmp_path / "outlined.dxf")
    drawn, traced = sorted(plan.spaces, key=lambda s: s.source is SpaceSource.WALLS)
    assert drawn.id == f"space-{outline.dxf.handle}"
    assert drawn.source is SpaceSource.OUTLINE
    assert shapely.Polygon(drawn.outline).area == pytest.approx(19.6)
    assert traced.source is SpaceSource.WALLS
    assert traced.name == "OFFICE"
    assert shapely.Polygon(traced.outline).area == pytest.approx(19.69)
    assert [w for w in plan.warnings if "traced from the walls" in w] == [
        TRACED_HALLS_NOTE.format(1)
    ]


def test_far_from_the_origin_rooms_are_traced_in_local_metres(tmp_path):
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    doc.layers.add("A-WALL")
    far = 4_000_000.0
    box = polyline((0, 0), (6, 0), (6, 4), (0, 4), (0, 0))
    for x0, y0, x1, y1 in box:
        doc.modelspace().add_line(
            (x0 + far, y0 + far), (x1 + far, y1 + far), dxfattribs={"layer": "A-WALL"}
        )
    doc.saveas(tmp_path / "far.dxf")
    plan = read_dxf(tmp_path / "far.dxf")
    [room] = plan.spaces
    xs = [x + plan.origin_m[0] for x, _ in room.outline]
    assert min(xs) == pytest.approx(far)
    assert math.isclose(shapely.Polygon(room.outline).area, 24.0, rel_tol=1e-6)
