"""Rooms typed by the fixtures drawn in them: toilets, showers, kitchens."""

import ezdxf
import pytest

from designreview.model.building import DetectedSpace, TypeSource
from designreview.model.markups import SpaceType as T
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.recognition.rooms.fixtures import fixture_type, type_by_fixtures


@pytest.mark.parametrize(
    ("block", "space_type"),
    [
        ("TOILET", T.RESTROOM),
        ("WC-01", T.RESTROOM),
        ("SHWR3030", T.RESTROOM),  # letters apart from digits: 'shwr'
        ("TUB5", T.RESTROOM),
        ("Urinal_wall", T.RESTROOM),
        ("Inodoro", T.RESTROOM),
        ("Badewanne 170", T.RESTROOM),
        ("坐便器", T.RESTROOM),
        ("KITSINK26", T.OTHER),
        ("RANGE", T.OTHER),
        ("Fridge", T.OTHER),
        ("Kühlschrank", T.OTHER),
        ("BATT", None),  # insulation, not a bath
        ("LAV", None),  # a washbasin is in classrooms too
        ("DOOR-36", None),
        ("Gridline Bubble", None),
    ],
)
def test_fixture_blocks_say_their_room_type(block, space_type):
    assert fixture_type(block) is space_type


def _room(x0, x1, name="", space_type=T.UNKNOWN):
    outline = ((x0, 0), (x1, 0), (x1, 3), (x0, 3))
    return DetectedSpace(f"r{x0}", outline, name, space_type=space_type)


def test_only_unnamed_untyped_rooms_whose_fixtures_agree_are_typed():
    rooms = [
        _room(0, 3),  # a toilet and a shower: a restroom
        _room(4, 8),  # a range and a fridge: a kitchen (OTHER)
        _room(9, 14),  # a range and a shower: a studio, left untyped
        _room(15, 18, "Office 12"),  # named: a name we cannot type still wins
        _room(19, 22, space_type=T.STORAGE),  # typed by its layer
        _room(23, 26),  # nothing in it
    ]
    fixtures = [
        (T.RESTROOM, (1, 1)),
        (T.RESTROOM, (2, 2)),
        (T.OTHER, (5, 1)),
        (T.OTHER, (7, 2)),
        (T.OTHER, (10, 1)),
        (T.RESTROOM, (13, 2)),
        (T.RESTROOM, (16, 1)),
        (T.RESTROOM, (20, 1)),
    ]
    typed = type_by_fixtures(rooms, fixtures)
    assert [r.space_type for r in typed] == [
        T.RESTROOM,
        T.OTHER,
        T.UNKNOWN,
        T.UNKNOWN,
        T.STORAGE,
        T.UNKNOWN,
    ]
    assert [r.type_source for r in typed][:3] == [
        TypeSource.FIXTURES,
        TypeSource.FIXTURES,
        TypeSource.NONE,
    ]


@pytest.mark.parametrize("fast_reader", [True, False])
def test_a_toilet_block_in_a_traced_room_types_it_on_import(tmp_path, fast_reader):
    """Two 4 x 3 m rooms traced from the walls; a toilet block, nested in a
    bathroom-fittings block and rotated, stands in the west one only. Its base
    point lies on the wall between the rooms, as fixtures are based on the wall
    they stand against: where it is drawn says its room."""
    doc = ezdxf.new(setup=True)
    doc.units = ezdxf.units.M
    msp = doc.modelspace()
    for start, end in [
        ((0, 0), (8, 0)),
        ((8, 0), (8, 3)),
        ((8, 3), (0, 3)),
        ((0, 3), (0, 0)),
        ((4, 0), (4, 3)),
    ]:
        msp.add_line(start, end, dxfattribs={"layer": "WALLS"})
    toilet = doc.blocks.new("TOILET", base_point=(0.2, 0.2))
    toilet.add_circle((0.4, 0.4), 0.2)
    fittings = doc.blocks.new("BATH-SET")
    fittings.add_blockref("TOILET", (1, 0), dxfattribs={"rotation": 90})
    msp.add_blockref("BATH-SET", (3, 1), dxfattribs={"layer": "FIXTURES"})
    path = tmp_path / "bath.dxf"
    doc.saveas(path)
    plan = read_dxf(path, ImportOptions(fast_reader=fast_reader))
    by_west = sorted(plan.spaces, key=lambda s: min(x for x, _ in s.outline))
    # The base point lands at (3, 1) + (1, 0) = (4, 1), on the wall x = 4. The
    # circle's middle is (0.2, 0.2) from the base, (-0.2, 0.2) once turned 90
    # degrees: (3.8, 1.2), in the west room.
    assert [s.space_type for s in by_west] == [T.RESTROOM, T.UNKNOWN]
    assert by_west[0].type_source is TypeSource.FIXTURES
