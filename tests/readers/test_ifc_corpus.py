"""The four real IFC models of the shared corpus, storey by storey.

The counts per storey are those the corpus MANIFEST gives (walls, doors, windows,
spaces, stairs). Each model is cut once per test session, all storeys in one pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import shapely
from tests.fixtures.corpus import ifc_corpus_file

from designreview.analysis.run import run_checks
from designreview.readers.ifc.read import ifc_storeys, read_ifc_storeys
from designreview.review_file.sheets import new_review, plans_for_sheets

if TYPE_CHECKING:
    from designreview.model.plan import Plan

pytest.importorskip("ifcopenshell")

MANIFEST = {
    "AC20-Institute-Var-2.ifc": [
        ("Keller", -3.0, 24, 16, 44, 17, 1),
        ("Erdgeschoss", 0.0, 29, 18, 54, 18, 1),
        ("1. Obergeschoss", 3.0, 29, 22, 54, 22, 1),
        ("2. Obergeschoss", 6.0, 29, 21, 54, 22, 1),
        ("Dachgeschoss", 9.0, 10, 0, 0, 3, 0),
    ],
    "FM_ARC_DigitalHub_v1.ifc": [
        ("B01_OKRD", -3.37, 38, 15, 0, 12, 2),
        ("E00_OKRD", -0.15, 65, 28, 21, 26, 3),
        ("E01_OKRD", 3.75, 75, 27, 26, 26, 0),
    ],
    "Ifc2x3_Duplex_Architecture.ifc": [
        ("T/FDN", -1.25, 7, 0, 0, 0, 0),
        ("Level 1", 0.0, 21, 6, 4, 10, 2),
        ("Level 2", 3.1, 25, 8, 18, 10, 0),
        ("Roof", 6.0, 4, 0, 2, 1, 0),
    ],
    "AC20-FZK-Haus.ifc": [
        ("Erdgeschoss", 0.0, 9, 5, 9, 6, 1),
        ("Dachgeschoss", 2.7, 4, 0, 2, 1, 0),
    ],
}
PSEUDO = {"T/FDN", "Roof"}
"""The Duplex's foundation and roof levels: offered, not taken as floors."""


@pytest.fixture(scope="module")
def storey_plans() -> dict[str, tuple[Plan, ...]]:
    plans = {}
    for name in MANIFEST:
        path = ifc_corpus_file(name)
        storeys = ifc_storeys(path)
        plans[name] = read_ifc_storeys(path, [s.guid for s in storeys])
    return plans


@pytest.mark.parametrize("name", list(MANIFEST))
def test_storeys_and_counts_match_the_manifest(name: str) -> None:
    storeys = ifc_storeys(ifc_corpus_file(name))
    got = [
        (
            s.name,
            round(s.elevation_m, 2),
            s.walls,
            s.doors,
            s.windows,
            s.spaces,
            s.stairs,
        )
        for s in storeys
    ]
    expected = sorted(MANIFEST[name], key=lambda row: row[1])
    assert got == expected
    assert {s.name for s in storeys if not s.is_floor} == PSEUDO & {
        s.name for s in storeys
    }


@pytest.mark.parametrize("name", list(MANIFEST))
def test_every_door_has_a_width_and_a_swing_or_a_stated_unknown(
    storey_plans: dict[str, tuple[Plan, ...]], name: str
) -> None:
    doors = [door for plan in storey_plans[name] for door in plan.doors]
    expected = sum(row[3] for row in MANIFEST[name])
    assert len(doors) == expected
    for door in doors:
        assert 0.4 <= door.width_m <= 6.0, door.block
        assert door.hinge_known or door.operation == "", door.block
        assert door.id == door.guid
        assert len(door.guid) == 22


@pytest.mark.parametrize("name", list(MANIFEST))
def test_every_space_is_named_and_outlined(
    storey_plans: dict[str, tuple[Plan, ...]], name: str
) -> None:
    spaces = [space for plan in storey_plans[name] for space in plan.spaces]
    assert len(spaces) == sum(row[5] for row in MANIFEST[name])
    for space in spaces:
        assert space.name
        assert space.id == space.guid
        assert shapely.Polygon(space.outline).area > 0.5, space.name


def test_the_duplex_says_which_doors_are_external_and_the_plan_agrees(
    storey_plans: dict[str, tuple[Plan, ...]],
) -> None:
    # IsExternal is true on 4 of the Duplex's doors, all on Level 1.
    level1 = storey_plans["Ifc2x3_Duplex_Architecture.ifc"][1]
    assert sum(1 for door in level1.doors if door.outside) == 4


def test_digital_hub_curtain_wall_doors_are_placed_from_their_own_bodies(
    storey_plans: dict[str, tuple[Plan, ...]],
) -> None:
    # Two facade leaves fill no opening; their bodies run x = 30.51..31.49 and
    # 31.50..32.48 (the placements alone would put both on 31.0..31.99).
    ground = storey_plans["FM_ARC_DigitalHub_v1.ifc"][1]
    facade = sorted(
        (min(d.hinge[0], d.latch[0]), max(d.hinge[0], d.latch[0]))
        for d in ground.doors
        if "Fassade" in d.block
    )
    assert facade == [
        pytest.approx((30.51, 31.49), abs=0.02),
        pytest.approx((31.50, 32.48), abs=0.02),
    ]


def test_checks_on_the_institute_name_the_global_ids_of_their_doors() -> None:
    path = ifc_corpus_file("AC20-Institute-Var-2.ifc")
    review = new_review([path])
    assert [s.name for s in review.sheets] == [
        "Keller", "Erdgeschoss", "1. Obergeschoss", "2. Obergeschoss", "Dachgeschoss",
    ]  # fmt: skip
    ground = review.sheets[1]
    plans = plans_for_sheets(review)
    result = run_checks(review, {str(k): v for k, v in plans.items()})
    door_ids = {door.guid for door in plans[ground.id].doors}
    on_ground = [f for f in result.findings if f.sheet_id == ground.id]
    named = [f for f in on_ground if door_ids & set(f.subjects)]
    assert on_ground
    assert named
    assert all(len(guid) == 22 for f in named for guid in door_ids & set(f.subjects))


@pytest.mark.parametrize(
    "name", ["Ifc2x3_Duplex_Architecture.ifc", "AC20-FZK-Haus.ifc"]
)
def test_openings_built_by_arithmetic_cut_as_the_kernel_cuts_them(name: str) -> None:
    # Revit extrudes openings along the wall's normal (their ends stand upright),
    # ArchiCAD upward: at two heights through each, both cuts are the same area.
    from designreview.readers.ifc.extrusions import extrusion_mesh
    from designreview.readers.ifc.meshes import element_meshes
    from designreview.readers.ifc.model_file import open_model
    from designreview.readers.ifc.placements import Placements
    from designreview.readers.ifc.section import section_area

    model = open_model(ifc_corpus_file(name))
    openings = model.by_type("IfcOpeningElement")
    kernel = element_meshes(model, openings)
    placements = Placements()
    compared = 0
    for opening in openings:
        mine = extrusion_mesh(opening, 1.0, placements)
        theirs = kernel.get(opening.id())
        if mine is None or theirs is None:
            continue
        low, high = theirs.verts[:, 2].min(), theirs.verts[:, 2].max()
        for z in (low + 0.3 * (high - low), low + 0.7 * (high - low)):
            a = section_area(mine.verts, mine.faces, z)
            b = section_area(theirs.verts, theirs.faces, z)
            assert a.symmetric_difference(b).area < 1e-4  # under 1 cm2
        compared += 1
    assert compared >= 0.9 * len(openings)
