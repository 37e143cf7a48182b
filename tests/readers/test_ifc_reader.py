"""IFC models read into plans: checked on small models whose answers are worked out
by hand (tests/fixtures/ifc_models.py draws them).

The room: walls 0.2 m thick around x 0..10, y 0..6; the south wall's outer face is
y = -0.2. The door's opening runs x = 4.0..4.9 through that wall, so the door line
is at y = -0.1 (the middle of the wall), 0.9 m long.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest
import shapely
from tests.fixtures.ifc_models import DoorSpec, build_school

from designreview.model.building import DoorMethod, SpaceSource, TypeSource
from designreview.model.errors import PlanReadError
from designreview.model.markups import SpaceType
from designreview.model.units import LengthUnit
from designreview.readers.ifc.read import (
    IfcOptions,
    ifc_storeys,
    read_ifc,
    read_ifc_storeys,
)
from designreview.readers.ifc.section import footprint, section_area, section_segments

if TYPE_CHECKING:
    from pathlib import Path

pytest.importorskip("ifcopenshell")


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return math.dist(a, b) < 1e-6


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_school(tmp_path_factory.mktemp("ifc") / "school.ifc")


def _fresh(path: Path, storey: str | None = None) -> object:
    return read_ifc(path, storey, IfcOptions(use_cache=False))


def test_storeys_come_in_elevation_order_and_the_roof_is_no_floor(school: Path) -> None:
    # Written Roof (7 m), Ground (0), Upper (3.5); Roof has a parapet and no door.
    storeys = ifc_storeys(school, IfcOptions(use_cache=False))
    assert [(s.name, s.elevation_m, s.is_floor) for s in storeys] == [
        ("Ground", 0.0, True),
        ("Upper", 3.5, True),
        ("Roof", 7.0, False),
    ]
    assert [(s.walls, s.doors, s.spaces) for s in storeys] == [
        (4, 1, 1),
        (4, 1, 1),
        (1, 0, 0),
    ]


def test_a_left_hand_door_is_hinged_at_its_west_end_and_swings_into_the_room(
    school: Path,
) -> None:
    # SINGLE_SWING_LEFT: hinge at local -x (x = 4.0); leaves swing to local +y
    # (north, into the room), so the open leaf's tip is 0.9 m north of the hinge.
    plan = _fresh(school)
    [door] = plan.doors
    assert _close(door.hinge, (4.0, -0.1))
    assert _close(door.latch, (4.9, -0.1))
    assert _close(door.swing_to, (4.0, 0.8))
    assert door.width_m == pytest.approx(0.9)
    assert door.method is DoorMethod.MODEL
    assert door.hinge_known
    assert door.operation == "SINGLE_SWING_LEFT"
    assert door.id == door.guid
    assert len(door.guid) == 22
    # Its south side (y = -0.9) is beyond every wall and space: an exterior door.
    assert door.outside is True


def test_a_right_hand_door_upstairs_is_hinged_at_its_east_end(school: Path) -> None:
    plan = _fresh(school, "Upper")
    [door] = plan.doors
    assert _close(door.hinge, (4.9, -0.1))
    assert _close(door.swing_to, (4.9, 0.8))
    assert plan.bim.storey_name == "Upper"
    assert plan.bim.elevation_m == 3.5


def test_a_door_turned_round_swings_out_of_the_room(tmp_path: Path) -> None:
    # The door's frame turned 180 degrees about z: its +y points south, so a LEFT
    # door (hinged at its own -x, which is now the east end x = 4.9) opens outward.
    path = build_school(tmp_path / "out.ifc", ground_door=DoorSpec(flipped=True))
    [door] = _fresh(path).doors
    assert _close(door.hinge, (4.9, -0.1))
    assert _close(door.latch, (4.0, -0.1))
    assert _close(door.swing_to, (4.9, -1.0))


def test_operation_on_the_door_type_and_on_an_ifc2x3_door_style(tmp_path: Path) -> None:
    on_type = build_school(
        tmp_path / "type.ifc",
        ground_door=DoorSpec(operation="SINGLE_SWING_RIGHT", operation_on_type=True),
    )
    [door] = _fresh(on_type).doors
    assert door.operation == "SINGLE_SWING_RIGHT"
    assert _close(door.hinge, (4.9, -0.1))
    style = build_school(
        tmp_path / "style.ifc",
        schema="IFC2X3",
        ground_door=DoorSpec(operation="SINGLE_SWING_RIGHT", operation_on_type=True),
    )
    plan = _fresh(style)
    [door] = plan.doors
    assert plan.bim.schema == "IFC2X3"
    assert door.operation == "SINGLE_SWING_RIGHT"


def test_a_door_that_states_no_operation_has_an_unknown_hinge(tmp_path: Path) -> None:
    path = build_school(
        tmp_path / "nd.ifc", ground_door=DoorSpec(operation="NOTDEFINED")
    )
    [door] = _fresh(path).doors
    assert door.operation == ""
    assert not door.hinge_known
    assert door.width_m == pytest.approx(0.9)


def test_double_doors_and_sliding_doors(tmp_path: Path) -> None:
    double = build_school(
        tmp_path / "dd.ifc",
        ground_door=DoorSpec(width=1.8, operation="DOUBLE_DOOR_SINGLE_SWING"),
    )
    [door] = _fresh(double).doors
    # Leaves hinged at both ends, meeting in the middle: the tip is 0.9 m into the room.
    assert door.width_m == pytest.approx(1.8)
    assert _close(door.swing_to, (4.9, 0.8))
    sliding = build_school(
        tmp_path / "sl.ifc", ground_door=DoorSpec(operation="SLIDING_TO_LEFT")
    )
    [door] = _fresh(sliding).doors
    assert door.operation == "SLIDING_TO_LEFT"
    assert door.hinge_known
    assert not door.double_acting


def test_door_properties_count_only_when_real(tmp_path: Path) -> None:
    real = build_school(
        tmp_path / "real.ifc",
        ground_door=DoorSpec(is_external=False, security_rating="RC3"),
    )
    [door] = _fresh(real).doors
    # The model says internal: that wins over the plan's own judgement (outside).
    assert door.outside is False
    assert door.security_rating == "RC3"
    fake = build_school(
        tmp_path / "fake.ifc",
        ground_door=DoorSpec(is_external="TRUE", security_rating="SecurityRating"),
    )
    [door] = _fresh(fake).doors
    # A boolean written as text and the property's own name are placeholders.
    assert door.outside is True
    assert door.security_rating == ""


def test_the_space_is_the_room_with_its_name_number_and_type(school: Path) -> None:
    plan = _fresh(school)
    [space] = plan.spaces
    assert (space.name, space.number) == ("Classroom", "101")
    assert space.space_type is SpaceType.CLASSROOM
    assert space.type_source is TypeSource.NAME
    assert space.source is SpaceSource.MODEL
    assert space.id == space.guid
    assert shapely.Polygon(space.outline).area == pytest.approx(60.0)
    assert {label.text for label in plan.labels} == {"Classroom", "101"}


def _wall_area(plan: object) -> float:
    walls = next(w for w in plan.linework if w.layer == "IfcWall").segments
    lines = shapely.multilinestrings(list(walls.reshape(-1, 2, 2)))
    parts = shapely.get_parts(shapely.polygonize([shapely.union_all(lines)]))
    return float(sum(p.area for p in parts))


def test_the_wall_is_cut_open_where_the_door_and_the_window_are(school: Path) -> None:
    # Walls: the ring between the 10.4 x 6.4 outer and 10 x 6 inner rectangles,
    # 66.56 - 60 = 6.56 m2, less the door's opening 0.9 x 0.2 = 0.18 m2 and, at
    # 1.2 m (above the 0.9 m sill), the window's 2.0 x 0.2 = 0.4 m2.
    plan = _fresh(school)
    assert _wall_area(plan) == pytest.approx(6.56 - 0.18 - 0.4, abs=1e-6)
    walls = next(w for w in plan.linework if w.layer == "IfcWall").segments
    lines = shapely.multilinestrings(list(walls.reshape(-1, 2, 2)))
    assert not lines.intersects(shapely.LineString([(4.05, -0.1), (4.85, -0.1)]))
    # The window: its two wall faces (y = 6.0, 6.2) and the glass between, from
    # x = 2 to 4, although its opening was cut 0.4 m deep from y = 5.9.
    glass = next(w for w in plan.linework if w.layer == "IfcWindow").segments
    assert sorted(glass.round(6).tolist()) == [
        [2.0, 6.0, 4.0, 6.0],
        [2.0, 6.1, 4.0, 6.1],
        [2.0, 6.2, 4.0, 6.2],
    ]


def test_a_lower_cut_passes_below_the_window(school: Path) -> None:
    # Cut 0.5 m above the floor: under the 0.9 m sill the north wall is whole.
    plan = read_ifc(school, None, IfcOptions(use_cache=False, cut_height_m=0.5))
    assert plan.bim.cut_height_m == 0.5
    assert _wall_area(plan) == pytest.approx(6.56 - 0.18, abs=1e-6)
    assert all(w.layer != "IfcWindow" for w in plan.linework)


def test_the_room_keeps_its_zone_and_the_door_its_opening(school: Path) -> None:
    plan = _fresh(school)
    assert plan.spaces[0].zones == ("Teaching",)
    [door] = plan.doors
    assert len(door.opening_guid) == 22
    assert door.opening_guid != door.guid
    assert plan.bim.element(door.guid).ifc_class == "IfcDoor"
    classes = sorted(e.ifc_class for e in plan.bim.elements)
    assert classes == [
        "IfcDoor",
        "IfcSpace",
        "IfcWall",
        "IfcWall",
        "IfcWall",
        "IfcWall",
        "IfcWindow",
    ]


def test_a_glazed_door_has_a_vision_panel_and_a_solid_one_none(tmp_path: Path) -> None:
    glazed = build_school(
        tmp_path / "g.ifc", ground_door=DoorSpec(glazing_fraction=0.3)
    )
    solid = build_school(tmp_path / "s.ifc", ground_door=DoorSpec(glazing_fraction=0.0))
    plain = build_school(tmp_path / "p.ifc")
    assert [_fresh(p).doors[0].glazed for p in (glazed, solid, plain)] == [
        True,
        False,
        None,
    ]


def test_a_model_in_millimetres_gives_the_same_plan_in_metres(tmp_path: Path) -> None:
    path = build_school(tmp_path / "mm.ifc", millimetres=True)
    plan = _fresh(path)
    [door] = plan.doors
    assert plan.units is LengthUnit.MILLIMETRE
    assert plan.scale_to_m == pytest.approx(0.001)
    assert _close(door.hinge, (4.0, -0.1))
    assert door.width_m == pytest.approx(0.9)
    assert shapely.Polygon(plan.spaces[0].outline).area == pytest.approx(60.0)


def test_true_north_is_a_bearing_clockwise_from_the_plan_up(tmp_path: Path) -> None:
    # TrueNorth (1, 1): north lies between the plan's up and right, 45 degrees.
    path = build_school(tmp_path / "north.ifc", true_north=(1.0, 1.0))
    assert _fresh(path).bim.true_north_deg == pytest.approx(45.0)


def test_a_cached_model_reads_without_its_file(tmp_path: Path) -> None:
    path = build_school(tmp_path / "cached.ifc")
    options = IfcOptions(cache_folder=tmp_path / "cache")
    first = read_ifc_storeys(path, ["Ground", "Upper"], options, sha256="f" * 64)
    path.unlink()  # only the cache can answer now
    again = read_ifc_storeys(path, ["Ground", "Upper"], options, sha256="f" * 64)
    assert [p.doors for p in again] == [p.doors for p in first]
    assert [p.spaces for p in again] == [p.spaces for p in first]
    assert again[0].linework == first[0].linework
    assert again[1].bim == first[1].bim


def test_a_storey_the_model_lacks_is_named_with_those_it_has(school: Path) -> None:
    with pytest.raises(
        PlanReadError, match="no storey 'Attic'; its storeys are Ground, Upper, Roof"
    ):
        read_ifc(school, "Attic", IfcOptions(use_cache=False))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"0\nSECTION\n2\nHEADER\n", "no IFC model"),
        (b"PK\x03\x04zipped", "zipped IFC"),
        (
            b"ISO-10303-21;\nHEADER;\nthis is cut short",
            "could not be read as an IFC model",
        ),
    ],
)
def test_what_is_no_model_says_so(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.ifc"
    path.write_bytes(content)
    with pytest.raises(PlanReadError, match=message):
        read_ifc(path, options=IfcOptions(use_cache=False))


def test_sections_of_a_box_by_hand() -> None:
    # A 2 x 1 x 3 box: cut at 1.2 it is a 2 x 1 rectangle; from above, the same.
    v = [[x, y, z] for z in (0, 3) for y in (0, 1) for x in (0, 2)]
    faces = [
        [0, 1, 3], [0, 3, 2], [4, 7, 5], [4, 6, 7], [0, 5, 1], [0, 4, 5],
        [2, 3, 7], [2, 7, 6], [0, 2, 6], [0, 6, 4], [1, 5, 7], [1, 7, 3],
    ]  # fmt: skip
    import numpy as np

    verts, tris = np.array(v, float), np.array(faces)
    assert len(section_segments(verts, tris, 1.2)) == 8  # two per side face
    assert section_area(verts, tris, 1.2).area == pytest.approx(2.0)
    assert section_area(verts, tris, 3.5).is_empty
    assert footprint(verts, tris).area == pytest.approx(2.0)
