"""Corrected layer roles change what the importer finds, with either reader."""

from __future__ import annotations

from dataclasses import replace

import pytest
import shapely
from tests.fixtures.corpus import corpus_file
from tests.fixtures.dxf_files import offices_dxf, unnamed_layers_dxf

from designreview.model.plan import LayerCategory
from designreview.model.review import LayerOverride
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.recognition.layers.roles import LayerRoles
from designreview.review_file.sheets import new_review, plan_for_sheet

WALL, DOOR, ROOM = LayerCategory.WALL, LayerCategory.DOOR, LayerCategory.ROOM


@pytest.fixture
def drawing(tmp_path):
    return unnamed_layers_dxf(tmp_path / "unnamed.dxf")


def read(path, *corrections, fast=True):
    plan = read_dxf(
        path, ImportOptions(roles=LayerRoles(corrections), fast_reader=fast)
    )
    assert plan.reader.startswith("fast" if fast else "ezdxf")
    return plan


@pytest.mark.parametrize("fast", [True, False])
def test_the_rules_alone_find_the_outline_but_no_door(drawing, fast):
    plan = read(drawing, fast=fast)
    assert plan.layer("LAYER2").category is LayerCategory.OTHER
    assert plan.doors == ()
    [room] = plan.spaces
    assert room.name == "CLASSROOM"
    assert room.layer == "A-AREA"


@pytest.mark.parametrize("fast", [True, False])
def test_a_layer_corrected_to_door_gives_the_door(drawing, fast):
    plan = read(drawing, ("LAYER2", DOOR), fast=fast)
    assert plan.layer("LAYER2").category is DOOR
    [door] = plan.doors
    assert door.width_m == pytest.approx(0.9)
    assert door.hinge == pytest.approx((1.0, 0.0))
    assert plan.counts.doors == 1


@pytest.mark.parametrize("fast", [True, False])
def test_walls_and_door_corrected_trace_the_room_when_the_outline_is_no_room(
    drawing, fast
):
    plan = read(
        drawing,
        ("LAYER1", WALL),
        ("LAYER2", DOOR),
        ("A-AREA", LayerCategory.FURNITURE),
        fast=fast,
    )
    [room] = plan.spaces
    assert room.layer == ""  # traced from the walls, not the outline's layer
    assert room.name == "CLASSROOM"
    xs = [x for x, _ in room.outline]
    ys = [y for _, y in room.outline]
    assert (min(xs), max(xs), min(ys), max(ys)) == pytest.approx((0, 6, 0, 4))
    assert plan.counts.walls == 5


def test_a_text_layer_corrected_to_annotation_names_no_room(drawing):
    plan = read(drawing, ("LAYER3", LayerCategory.ANNOTATION))
    [room] = plan.spaces
    assert room.name == ""


@pytest.mark.parametrize("fast", [True, False])
def test_an_outline_on_a_layer_corrected_to_room_is_a_room(drawing, fast):
    plan = read(drawing, ("A-AREA", LayerCategory.OTHER), ("LAYER4", ROOM), fast=fast)
    [store] = plan.spaces
    assert store.layer == "LAYER4"
    assert store.outline[0] == pytest.approx((4.0, 2.0))
    assert read(drawing, ("A-AREA", LayerCategory.OTHER), fast=fast).spaces == ()


def test_a_sheet_reads_its_drawing_with_its_corrections(drawing):
    review = new_review([drawing])
    sheet = review.sheets[0]
    assert plan_for_sheet(review, sheet).doors == ()
    corrected = replace(sheet, layer_overrides=(LayerOverride("LAYER2", DOOR),))
    plan = plan_for_sheet(review, corrected)
    assert len(plan.doors) == 1
    assert plan.layer("LAYER2").category is DOOR


def test_entrance_zones_corrected_away_are_no_rooms_in_the_campus_plan():
    path = corpus_file("university_udg_cut_campus_R2018.dxf")
    rooms = read(path).spaces
    corrected = read(path, ("Entrance", LayerCategory.ANNOTATION)).spaces
    assert sum(room.layer == "Entrance" for room in rooms) == 7
    assert len(corrected) == len(rooms) - 7
    assert not any(room.layer == "Entrance" for room in corrected)


def test_walls_the_rules_miss_trace_rooms_once_corrected():
    path = corpus_file("hackerspace_raumzeitlabor_R2007_cm.dxf")
    assert read(path).spaces == ()  # "Base" holds the outer walls; no rule knows it
    plan = read(path, ("Base", WALL), ("Stahltraeger", LayerCategory.COLUMN))
    areas = sorted(shapely.Polygon(room.outline).area for room in plan.spaces)
    assert len(areas) == 3  # the main room and two small ones, in a 7.8 x 5.5 m unit
    assert areas[-1] == pytest.approx(21.5, abs=0.5)


def test_a_layer_named_for_its_rooms_shows_as_a_room_layer_until_corrected(tmp_path):
    path = offices_dxf(tmp_path / "offices.dxf")
    plan = read(path)
    assert plan.layer("Offices").category is ROOM  # the rules say "other"
    assert [room.layer for room in plan.spaces] == ["Offices", "Offices"]
    corrected = read(path, ("Offices", LayerCategory.OTHER))
    assert corrected.layer("Offices").category is LayerCategory.OTHER
    assert all(room.layer != "Offices" for room in corrected.spaces)
