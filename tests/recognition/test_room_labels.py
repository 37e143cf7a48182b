"""Which texts name and number rooms: not equipment tags, not repeated codes."""

from collections import Counter

import pytest
from tests.fixtures.corpus import corpus_file

from designreview.model.markups import SpaceType as T
from designreview.model.plan import LayerCategory, TextLabel
from designreview.readers.dxf.read import read_dxf
from designreview.recognition.found import RawOutline
from designreview.recognition.layers.roles import LayerRoles
from designreview.recognition.layers.rules import is_equipment_layer
from designreview.recognition.rooms.labels import (
    looks_like_code,
    repeated_tags,
    room_labels,
)
from designreview.recognition.rooms.outlines import detect_spaces


def square(key, x, size=4.0, layer="A-AREA-BNDY"):
    corners = ((x, 0.0), (x + size, 0.0), (x + size, size), (x, size))
    return RawOutline(key, corners, layer)


def label(words, at, layer, height=0.2):
    return TextLabel(words, at, height, 0.0, layer)


def one_room(*texts):
    [space] = detect_spaces([square("1", 0.0)], texts, 1.0)
    return space


@pytest.mark.parametrize(
    "layer",
    [
        "Fire prevention",
        "FP-EXTG",
        "E-POWR",
        "Electricidad",
        "M-HVAC-DUCT",
        "A-FURN",
        "A-ANNO-DIMS",
        "PLANKOPF",
        "消防",
    ],
)
def test_texts_on_equipment_layers_do_not_name_rooms(layer):
    room = one_room(
        label("165 L. 1H", (1.0, 3.0), layer), label("CLASSROOM", (1.0, 2.0), "0")
    )
    assert (room.name, room.number, room.space_type) == ("CLASSROOM", "", T.CLASSROOM)


def test_equipment_layer_is_left_out_even_when_named_like_a_label_layer():
    room = one_room(
        label("EXT-3", (1.0, 3.0), "FIRE-TEXT"), label("OFFICE", (1.0, 2.0), "0")
    )
    assert (room.name, room.number) == ("OFFICE", "")


@pytest.mark.parametrize(
    ("layer", "equipment"),
    [
        ("Fire prevention", True),
        ("BRANDSCHUTZ", True),
        ("PCI", True),
        ("E-LITE", True),
        ("FIRE SEPARATIONS", False),  # walls
        ("A-ANNO-ROOM", False),
        ("01_Legends", False),  # the factory plan writes its room names here
        ("M0_ALLGEMEINES", False),
        ("Walls", False),
        ("A-COLS", False),
        ("0", False),
    ],
)
def test_equipment_layer_names(layer, equipment):
    assert is_equipment_layer(layer) is equipment


def test_code_repeated_in_five_rooms_names_none_of_them():
    rooms = [square(str(i), 5.0 * i) for i in range(6)]
    texts = [label("F.E. 2", (5.0 * i + 1, 3.0), "0") for i in range(6)]
    texts += [label("W.C", (5.0 * i + 1, 2.0), "0") for i in range(5)]
    texts += [label("Sala", (5.0 * i + 1, 1.0), "0") for i in range(6)]
    texts.append(label("105", (26.0, 1.0), "0"))
    spaces = detect_spaces(rooms, texts, 1.0)
    assert [s.name for s in spaces] == ["W.C Sala"] * 5 + ["Sala"]
    assert spaces[0].space_type is T.RESTROOM
    assert spaces[5].number == "105"


def test_code_in_four_rooms_may_still_name_them():
    rooms = [square(str(i), 5.0 * i) for i in range(4)]
    texts = [label("Q.E.G", (5.0 * i + 1, 3.0), "0") for i in range(4)]
    assert [s.name for s in detect_spaces(rooms, texts, 1.0)] == ["Q.E.G"] * 4


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("165 L. 1H", True),
        ("RE", True),
        ("01V01", True),
        ("W.C", True),
        ("KIND", False),
        ("Office C Group 1", False),
        ("走廊", False),
    ],
)
def test_codes_and_words(text, code):
    assert looks_like_code(text) is code


def test_room_numbers_and_type_words_are_never_tags():
    rooms = [["W.C", "AULA", "12", "LAB", "1H"]] * 8
    assert repeated_tags(rooms) == frozenset()


def test_numbers_only_label_layer_takes_names_from_other_texts_inside():
    room = one_room(
        label("H-0001", (2.0, 1.5), "RNR"),
        label("WOHNEN", (1.0, 2.5), "M0_ALLGEMEINES"),
        label("VOL", (1.0, 1.0), "Z29_STEMPEL"),
        label("010009", (3.0, 1.0), "Z29_ATTRIBUTE"),
        label("4.05", (0.3, 2.0), "E60_BEMASSUNGEN_INNEN"),
    )
    assert (room.name, room.number) == ("WOHNEN", "H-0001")


def test_label_layer_with_names_keeps_other_texts_out():
    room = one_room(
        label("OFFICE", (1.0, 3.0), "A-ANNO-ROOM"),
        label("104", (1.0, 2.0), "A-ANNO-ROOM"),
        label("SEE DETAIL", (1.0, 1.0), "0"),
    )
    assert (room.name, room.number) == ("OFFICE", "104")


def test_number_inside_beats_number_on_the_edge():
    # The first in reading order sits 0.1 from the wall, less than its height:
    # it straddles the wall and belongs to the room beyond.
    room = one_room(
        label("H-0002", (0.5, 3.9), "RNR", height=0.3),
        label("H-0001", (2.0, 2.0), "RNR", height=0.3),
    )
    assert room.number == "H-0001"


def test_number_on_the_edge_is_used_when_it_is_the_only_one():
    room = one_room(label("H-0006", (2.0, 0.05), "RNR", height=0.3))
    assert room.number == "H-0006"


# The corpus, as its screenshots show it (tmp corpus review, swiss crop "text").


@pytest.fixture(scope="module")
def swiss():
    return read_dxf(corpus_file("swiss_residential_archilyse_R2004_cm.dxf"))


@pytest.fixture(scope="module")
def escaldes():
    return read_dxf(corpus_file("school_escaldes_junior_high_allfloors.dxf"))


def test_swiss_rooms_are_named_by_the_words_inside_them(swiss):
    names = {space.number: space.name for space in swiss.spaces}
    assert names["H-0005"] == "ESSEN"
    assert names["H-0007"] == names["H-0011"] == "WOHNEN"
    assert names["H-0004"] == names["H-0010"] == "KIND"
    assert names["H-0015"] == names["H-0017"] == "KIND"
    assert names["H-0001"] == names["H-0016"] == "ELTERN"
    named = Counter(space.name for space in swiss.spaces if space.name)
    assert named == {"KIND": 4, "WOHNEN": 2, "ELTERN": 2, "ESSEN": 1}


def test_swiss_parents_room_gets_the_number_inside_it(swiss):
    # H-0002 sits on the wall between the parents' room and the bath; H-0001 is
    # well inside the parents' room.
    parents = sorted(s.number for s in swiss.spaces if s.name == "ELTERN")
    assert parents == ["H-0001", "H-0016"]


def test_escaldes_rooms_are_not_named_by_fire_extinguishers(escaldes):
    assert not [s for s in escaldes.spaces if "165" in s.name or s.number == "1H"]
    assert not [s for s in escaldes.spaces if "RE" in s.name.split()]
    names = Counter(space.name for space in escaldes.spaces if space.name)
    assert names["W.C"] >= 10
    assert {"MENJADOR", "CUINA", "CAPELLA"} <= set(names)
    types = {s.name: s.space_type for s in escaldes.spaces}
    assert types["W.C"] is T.RESTROOM
    assert types["MENJADOR"] is T.CAFETERIA


def test_factory_names_on_its_legend_layer_stay():
    plan = read_dxf(corpus_file("factory_standard_plan_R2004.dxf"))
    names = {space.name for space in plan.spaces}
    assert {"Meeting Room A", "Cafeteria", "Women's restroom"} <= names
    assert "Office C Group" in names


def test_a_services_layer_corrected_to_labels_names_rooms():
    texts = [TextLabel("HALL", (0, 0), 1, 0, "FIRE-PLAN-ROOMNAMES")]
    assert room_labels(texts) == []  # by its name, a fire-safety layer
    corrected = LayerRoles((("FIRE-PLAN-ROOMNAMES", LayerCategory.LABEL),))
    assert [t.text for t in room_labels(texts, corrected)] == ["HALL"]


def test_a_cad_placeholder_text_names_no_room():
    texts = [
        TextLabel("房间", (0, 0), 1, 0, "SPACE"),
        TextLabel("天正单行文字输入", (0, 1), 1, 0, "PUB_TEXT"),
    ]
    assert [t.text for t in room_labels(texts)] == ["房间"]


def test_the_tarch_hall_is_named_without_the_placeholder():
    plan = read_dxf(corpus_file("proxy_entities_gh109.dxf"))
    assert "房间" in [space.name for space in plan.spaces]
    assert not any("天正" in space.name for space in plan.spaces)
