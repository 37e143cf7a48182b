"""Every closed curve on a room layer can be a room, read alike by both readers.

Each drawing is built here with ezdxf, in metres, and read by the fast reader
and by ezdxf's walk; the rooms must match each other and the hand-computed areas.
"""

import math

import ezdxf
import pytest
import shapely
from ezdxf.math import rational_bspline_from_arc

from designreview.readers.dxf.read import ImportOptions, read_dxf

EZDXF = ImportOptions(fast_reader=False)
ROOMS, LABELS = "A-AREA-BNDY", "A-ANNO-ROOM"


def _doc():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    for name in (ROOMS, LABELS, "A-FURN"):
        doc.layers.add(name)
    return doc


def _name(msp, words, at):
    msp.add_text(words, height=0.2, dxfattribs={"layer": LABELS}).set_placement(at)


def _both(doc, tmp_path):
    doc.saveas(tmp_path / "curves.dxf")
    fast = read_dxf(tmp_path / "curves.dxf")
    slow = read_dxf(tmp_path / "curves.dxf", EZDXF)
    assert fast.reader == "fast reader"  # the file was not left to ezdxf
    return fast, slow


def _rooms(plan):
    return {s.id: (s.name, shapely.Polygon(s.outline).area) for s in plan.spaces}


def _same_rooms(fast, slow):
    ours, theirs = _rooms(fast), _rooms(slow)
    assert ours.keys() == theirs.keys()
    for key, (name, area) in ours.items():
        assert name == theirs[key][0]
        assert area == pytest.approx(theirs[key][1], rel=1e-3)
    return dict(ours.values())


def test_a_closed_spline_is_a_room(tmp_path):
    doc = _doc()
    msp = doc.modelspace()
    # A rational quadratic B-spline drawing a whole circle of radius 3 m exactly:
    # area pi * 3^2 = 28.27 m2 (flattened with 2 cm chords, within 0.5 %).
    circle = rational_bspline_from_arc((0, 0), 3.0, 0, 360)
    spline = msp.add_spline(dxfattribs={"layer": ROOMS})
    spline.apply_construction_tool(circle)
    _name(msp, "READING ROOM", (-1, 0))
    fast, slow = _both(doc, tmp_path)
    assert _same_rooms(fast, slow) == {"READING ROOM": pytest.approx(28.27, rel=5e-3)}
    [space] = fast.spaces
    assert space.id == f"space-{spline.dxf.handle}"


def test_a_full_ellipse_is_a_room_and_an_elliptic_arc_is_not(tmp_path):
    doc = _doc()
    msp = doc.modelspace()
    # Semi-axes 5 and 0.6 * 5 = 3 m: area pi * 5 * 3 = 47.12 m2.
    msp.add_ellipse((0, 0), (5, 0), 0.6, dxfattribs={"layer": ROOMS})
    _name(msp, "AUDITORIUM", (-1, 0))
    # Half of the same ellipse 20 m east does not close: no room.
    msp.add_ellipse((20, 0), (5, 0), 0.6, 0, math.pi, dxfattribs={"layer": ROOMS})
    fast, slow = _both(doc, tmp_path)
    assert _same_rooms(fast, slow) == {"AUDITORIUM": pytest.approx(47.12, rel=5e-3)}


def test_a_bulged_polyline_is_a_room_in_both_readers(tmp_path):
    doc = _doc()
    msp = doc.modelspace()
    # A 4 x 4 m square whose east side bulges out as a half circle of radius 2:
    # 16 + pi * 2^2 / 2 = 22.28 m2.
    msp.add_lwpolyline(
        [(0, 0, 0, 0, 0), (4, 0, 0, 0, 1), (4, 4, 0, 0, 0), (0, 4, 0, 0, 0)],
        format="xyseb",
        close=True,
        dxfattribs={"layer": ROOMS},
    )
    _name(msp, "STUDIO", (1, 2))
    fast, slow = _both(doc, tmp_path)
    assert _same_rooms(fast, slow) == {"STUDIO": pytest.approx(22.28, rel=5e-3)}


def test_a_hatch_boundary_is_a_room_and_its_island_is_not(tmp_path):
    doc = _doc()
    msp = doc.modelspace()
    hatch = msp.add_hatch(dxfattribs={"layer": ROOMS})
    # An 8 x 6 m room (48 m2) with a 1 x 1 m column inside: the column is a hole
    # in the fill, not a room; the outline is the room's outer edge, 48 m2.
    hatch.paths.add_polyline_path([(0, 0), (8, 0), (8, 6), (0, 6)], is_closed=True)
    hatch.paths.add_polyline_path([(4, 4), (5, 4), (5, 5), (4, 5)], is_closed=True)
    # A second room of the same hatch, 4 x 3 m (12 m2), 20 m east.
    hatch.paths.add_polyline_path([(20, 0), (24, 0), (24, 3), (20, 3)], is_closed=True)
    _name(msp, "CLASSROOM", (1, 1))
    _name(msp, "OFFICE", (21, 1))
    # The same shape hatched on a furniture layer is no room.
    other = msp.add_hatch(dxfattribs={"layer": "A-FURN"})
    other.paths.add_polyline_path([(40, 0), (48, 0), (48, 6)], is_closed=True)
    fast, slow = _both(doc, tmp_path)
    assert _same_rooms(fast, slow) == {"CLASSROOM": 48.0, "OFFICE": 12.0}
    ids = sorted(s.id for s in fast.spaces)
    handle = hatch.dxf.handle
    assert ids == [f"space-{handle}", f"space-{handle}#2"]


def test_a_hatch_of_edges_is_a_room_when_they_join(tmp_path):
    doc = _doc()
    msp = doc.modelspace()
    hatch = msp.add_hatch(dxfattribs={"layer": ROOMS})
    edges = hatch.paths.add_edge_path()
    # A 6 x 4 m room whose north side is a half circle of radius 3 drawn as an arc
    # edge, and whose west side is stored backwards (north to south would join;
    # south to north must be turned round):
    # 6 * 4 + pi * 3^2 / 2 = 24 + 14.14 = 38.14 m2.
    edges.add_line((0, 0), (6, 0))
    edges.add_line((6, 0), (6, 4))
    edges.add_arc((3, 4), 3.0, 0, 180)
    edges.add_line((0, 0), (0, 4))
    _name(msp, "LAB", (1, 1))
    # Edges stored out of order leave gaps: no room from them.
    loose = msp.add_hatch(dxfattribs={"layer": ROOMS})
    gaps = loose.paths.add_edge_path()
    gaps.add_line((20, 0), (26, 0))
    gaps.add_line((20, 4), (20, 0))
    gaps.add_line((26, 0), (26, 4))
    gaps.add_line((26, 2), (20, 4))
    fast, slow = _both(doc, tmp_path)
    assert _same_rooms(fast, slow) == {"LAB": pytest.approx(38.14, rel=5e-3)}


def test_curves_in_a_block_are_rooms_with_stable_keys(tmp_path):
    doc = _doc()
    block = doc.blocks.new("POD")
    block.add_ellipse((0, 0), (4, 0), 0.5)  # on layer 0: the insert's layer
    hatch = block.add_hatch()
    hatch.paths.add_polyline_path([(10, -2), (14, -2), (14, 2), (10, 2)])
    msp = doc.modelspace()
    ref = msp.add_blockref("POD", (100, 0), dxfattribs={"layer": ROOMS})
    fast, slow = _both(doc, tmp_path)
    # Ellipse: pi * 4 * 2 = 25.13 m2, less what 2 cm chords cut off: at most
    # perimeter (19.38 m) x 2 cm x 2/3 = 0.26 m2; hatch: 4 x 4 = 16 m2.
    areas = sorted(area for _, area in _same_rooms_by_id(fast, slow).values())
    assert areas[0] == pytest.approx(16.0)
    assert 25.13 - 0.26 <= areas[1] <= 25.13
    handle = ref.dxf.handle
    assert sorted(s.id for s in fast.spaces) == [
        f"space-{handle}.1",
        f"space-{handle}.2",
    ]


def _same_rooms_by_id(fast, slow):
    _same_rooms(fast, slow)
    return _rooms(fast)


def test_a_room_outline_and_the_hatch_that_fills_it_are_one_room(tmp_path):
    doc = _doc()
    msp = doc.modelspace()
    room = msp.add_lwpolyline(
        [(0, 0), (8, 0), (8, 6), (0, 6)], close=True, dxfattribs={"layer": ROOMS}
    )
    # The fill drawn 5 cm inside the outline: 7.9 x 5.9 = 46.61 m2, sharing
    # 46.61 / 48 = 97 % with the outline: the same room drawn twice.
    fill = msp.add_hatch(dxfattribs={"layer": ROOMS})
    fill.paths.add_polyline_path(
        [(0.05, 0.05), (7.95, 0.05), (7.95, 5.95), (0.05, 5.95)], is_closed=True
    )
    _name(msp, "LIBRARY", (1, 1))
    fast, slow = _both(doc, tmp_path)
    assert _same_rooms(fast, slow) == {"LIBRARY": 48.0}
    assert [s.id for s in fast.spaces] == [f"space-{room.dxf.handle}"]
