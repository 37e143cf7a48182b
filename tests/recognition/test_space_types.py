"""Room types from names in many languages, from layers, and from a room's shape."""

import json

import ezdxf
import pytest

from designreview.model.building import DetectedDoor, DetectedSpace, TypeSource
from designreview.model.markups import SpaceType as T
from designreview.readers.dxf.read import read_dxf
from designreview.recognition.rooms.labels import read_room_label, room_labels
from designreview.recognition.rooms.shape_types import (
    equivalent_rectangle,
    type_by_shape,
)
from designreview.recognition.rooms.types import (
    guess_space_type,
    layer_space_type,
    match_space_type,
    read_vocabulary,
)
from designreview.resources import read_resource_text


@pytest.mark.parametrize(
    ("name", "space_type"),
    [
        # Names the issue found untyped on real plans
        ("多功能室", T.COMMONS), ("教师工作室", T.OFFICE), ("系主任", T.OFFICE),
        ("Zimmer", T.OFFICE), ("Wohnen", T.COMMONS), ("Bad", T.RESTROOM),
        ("Dusche", T.RESTROOM), ("ERP实验室", T.LAB),
        # Short names match whole, exactly
        ("WC", T.RESTROOM), ("WC-H", T.RESTROOM), ("W.C.", T.RESTROOM),
        ("CR", T.CLASSROOM), ("RR", T.RESTROOM), ("BAD", T.RESTROOM),
        ("\uff37\uff23", T.RESTROOM),  # full-width letters, as Chinese plans type them
        # German compounds: the first part says the use, '*zimmer' only if none does
        ("Klassenzimmer", T.CLASSROOM), ("Lehrerzimmer", T.OFFICE),
        ("Musikzimmer", T.CLASSROOM), ("Schlafzimmer", T.OFFICE),
        ("Gästezimmer", T.OFFICE), ("Chemielabor", T.LAB), ("Veloraum", T.STORAGE),
        ("Abstellraum", T.STORAGE), ("Wohnküche", T.COMMONS), ("Küche", T.OTHER),
        # ASCII-only names (an IFC model's, a CAD layer's) write umlauts as two letters
        ("Buero Meier", T.OFFICE), ("Kueche", T.OTHER), ("Wohnkueche", T.COMMONS),
        ("Reduit", T.STORAGE), ("Balkon", T.EXTERIOR), ("Korridor", T.CORRIDOR),
        # French, Italian, Portuguese, Catalan, Spanish (Mexico too)
        ("Amphithéâtre", T.AUDITORIUM), ("Atelier 2", T.CLASSROOM),
        ("Bureau du directeur", T.OFFICE), ("Séjour", T.COMMONS),
        ("Salle de bains", T.RESTROOM), ("Chambre 1", T.OFFICE),
        ("Ufficio", T.OFFICE), ("Palestra", T.GYM), ("Corridoio", T.CORRIDOR),
        ("Sala de aula", T.CLASSROOM), ("Banheiro", T.RESTROOM),
        ("Refeitório", T.CAFETERIA), ("Sala d'actes", T.AUDITORIUM),
        ("Passadís", T.CORRIDOR), ("Salón 12", T.CLASSROOM), ("Bodega", T.STORAGE),
        ("Cubículo 3", T.OFFICE), ("Sanitarios hombres", T.RESTROOM),
        # Chinese university rooms
        ("阶梯教室", T.AUDITORIUM), ("男卫生间", T.RESTROOM), ("电梯厅", T.CORRIDOR),
        ("材料库", T.STORAGE), ("书库", T.LIBRARY), ("卧室", T.OFFICE),
        ("客厅", T.COMMONS), ("门卫室", T.RECEPTION),
        # Not names: room numbers, and words that only hold a term
        ("A12", T.UNKNOWN), ("104", T.UNKNOWN), ("Label", T.UNKNOWN),
        ("Baden", T.UNKNOWN), ("房间", T.UNKNOWN),
    ],
)  # fmt: skip
def test_room_type_from_names_in_many_languages(name, space_type):
    assert guess_space_type(name) is space_type


@pytest.mark.parametrize(
    ("name", "space_type", "term"),
    [
        # The longest term wins: 'aula magna' (10 letters) over 'aula' (4)
        ("AULA MAGNA", T.AUDITORIUM, "aula magna"),
        # 'food court' (10) over 'court' (5)
        ("Food court", T.CAFETERIA, "food court"),
        # 'aula de informatica' (19) over the numbered 'aula' (5)
        ("Aula de informática 2", T.LAB, "aula de informatica"),
        # 'lehrerzimmer' (12) over 'lehrer*' (6) and the weak '*zimmer'
        ("Lehrerzimmer", T.OFFICE, "lehrerzimmer"),
        # 工作室 (3 characters, 6 letters) over 教师 (2 characters, 4 letters)
        ("教师工作室", T.OFFICE, "工作室"),
        # 'pis conserge' (12, a caretaker's flat) over 'conserge' (8) and 'aula' (4)
        ("PIS CONSERGE AULA", T.OTHER, "pis conserge"),
    ],
)
def test_the_longest_term_wins(name, space_type, term):
    match = match_space_type(name)
    assert (match.space_type, match.term) == (space_type, term)


def test_a_layer_names_a_use_only_by_whole_words():
    assert layer_space_type("A-AREA-LABEL") is T.UNKNOWN  # 'lab' is not in 'label'
    assert layer_space_type("PLANTA PRINCIPAL") is T.UNKNOWN  # the main floor
    assert guess_space_type("PRINCIPAL") is T.OFFICE  # a room name, though
    assert layer_space_type("00_Meeting rooms") is T.OFFICE
    assert layer_space_type("Z22_NGF-POLYGONE") is T.UNKNOWN


def test_the_vocabulary_covers_eight_languages_for_every_type():
    data = json.loads(read_resource_text("space_types.json"))
    types = {entry["type"] for entry in data["types"]}
    assert types == {t.value for t in T} - {"unknown"}
    for entry in data["types"]:
        languages = {lang for lang, words in entry["terms"].items() if words}
        assert {"en", "es", "ca", "fr", "de", "it", "pt", "zh"} <= languages, entry


def test_a_short_term_with_a_star_is_refused_with_a_clear_message():
    data = '{"types": [{"type": "gym", "terms": {"en": ["gym*"]}}]}'
    with pytest.raises(ValueError, match="'gym\\*' cannot carry a star"):
        read_vocabulary(data)


def test_short_room_names_are_names_not_codes():
    from designreview.model.plan import TextLabel

    texts = [
        TextLabel("H-0001", (0, 0), 1, 0, "RNR"),  # the label layer: numbers only
        TextLabel("BAD", (0, 0), 1, 0, "M0_ALLGEMEINES"),
        TextLabel("WC", (0, 0), 1, 0, "M0_ALLGEMEINES"),
        TextLabel("VOL", (0, 0), 1, 0, "M0_ALLGEMEINES"),  # a stamp's field: a code
    ]
    assert [t.text for t in room_labels(texts)] == ["H-0001", "BAD", "WC"]
    assert read_room_label(["BAD", "H-0001"]).space_type is T.RESTROOM


# --- Name, layer, shape: where the type came from -------------------------------


def _plan(tmp_path, rooms):
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for x0, layer, name in rooms:
        corners = [(x0, 0), (x0 + 8, 0), (x0 + 8, 6), (x0, 6)]
        msp.add_lwpolyline(corners, close=True, dxfattribs={"layer": layer})
        if name:
            msp.add_text(
                name, height=0.2, dxfattribs={"layer": "A-ANNO-ROOM"}
            ).set_placement((x0 + 1, 3))
    doc.saveas(tmp_path / "typed.dxf")
    return read_dxf(tmp_path / "typed.dxf")


def test_a_name_beats_the_layer_and_the_source_is_kept(tmp_path):
    plan = _plan(
        tmp_path,
        [
            (0, "Offices", "AUDITORIUM"),  # the name wins over the layer
            (10, "Offices", "Studio 3"),  # a teaching studio, not an office
            (20, "Offices", ""),  # no name: the layer says office
            (30, "Offices", "Raum 7"),  # a name with no use: the layer does
            (40, "A-AREA-BNDY", "Raum 8"),  # nothing gives a type
        ],
    )
    found = [(s.name, s.space_type, s.type_source) for s in plan.spaces]
    assert found == [
        ("AUDITORIUM", T.AUDITORIUM, TypeSource.NAME),
        ("Studio", T.CLASSROOM, TypeSource.NAME),
        ("", T.OFFICE, TypeSource.LAYER),
        ("Raum", T.OFFICE, TypeSource.LAYER),
        ("Raum", T.UNKNOWN, TypeSource.NONE),
    ]


def _doors(*xs):
    """Doors 1 m wide in the south side (y = 0) of a room, hinged at each x."""
    return [DetectedDoor(f"d{x}", (x, 0.0), (x + 1.0, 0.0), (x, 1.0)) for x in xs]


def _room(width, depth, name=""):
    return DetectedSpace("s", ((0, 0), (width, 0), (width, depth), (0, depth)), name)


@pytest.mark.parametrize(
    ("width", "depth", "doors", "space_type"),
    [
        # 20 x 2 m: area 40, perimeter 44, so length + width = 22 and
        # length x width = 40: 20 and 2 m, aspect 10 > 4, width 2 < 3.5, 3 doors
        (20.0, 2.0, (2, 8, 14), T.CORRIDOR),
        (20.0, 2.0, (2, 8), T.UNKNOWN),  # two doors: a room with a back door
        # 20 x 4 m: width 4 > 3.5 m, a long room, not a corridor
        (20.0, 4.0, (2, 8, 14), T.UNKNOWN),
        # 12 x 3 m: aspect 4, not more than 4
        (12.0, 3.0, (1, 5, 9), T.UNKNOWN),
        # 6 x 6 m with four doors: a hub room, aspect 1
        (6.0, 6.0, (0.5, 2, 3.5, 4.8), T.UNKNOWN),
    ],
)
def test_a_long_narrow_room_joining_many_doors_is_a_corridor(
    width, depth, doors, space_type
):
    [room] = type_by_shape([_room(width, depth)], _doors(*doors))
    assert room.space_type is space_type
    expected = TypeSource.GEOMETRY if space_type is T.CORRIDOR else TypeSource.NONE
    assert room.type_source is expected


def test_shape_never_types_a_named_or_typed_room():
    doors = _doors(2, 8, 14)
    typed = DetectedSpace("s", _room(20, 2).outline, "STORAGE", space_type=T.STORAGE)
    assert type_by_shape([typed], doors)[0].space_type is T.STORAGE
    assert type_by_shape([_room(20, 2, "TYPE A3")], doors)[0].space_type is T.UNKNOWN


def test_an_l_shaped_corridor_is_long_and_narrow():
    # An L of two 2 m wide arms, 12 m and 10 m along the outside:
    # area 12*2 + 8*2 = 40, perimeter 12+10+2+8+10+2 = 44, so the same
    # equivalent rectangle as a straight 20 x 2 m corridor.
    l_shape = ((0, 0), (12, 0), (12, 10), (10, 10), (10, 2), (0, 2))
    assert equivalent_rectangle(40.0, 44.0) == (20.0, 2.0)
    space = DetectedSpace("s", l_shape)
    [room] = type_by_shape([space], _doors(1, 5, 9))
    assert room.space_type is T.CORRIDOR


@pytest.mark.parametrize(
    ("doors", "space_type"),
    [
        # 24 x 5 m: area 120, perimeter 58, so length + width = 29 and
        # length x width = 120: 24 and 5 m, aspect 4.8 > 4. Width 5 m is over a
        # corridor's 3.5 m but under a hall's 6 m: six doors make it a hall.
        ((1, 4, 8, 12, 16, 20), T.CORRIDOR),
        ((1, 4, 8, 12, 16), T.UNKNOWN),  # five doors: a long room
    ],
)
def test_a_wide_hall_needs_six_doors(doors, space_type):
    [room] = type_by_shape([_room(24.0, 5.0)], _doors(*doors))
    assert room.space_type is space_type


def test_a_wide_room_with_many_doors_is_no_hall_when_it_is_not_long():
    # 10 x 7 m with six doors: width 7 > 6 m and aspect 1.4, a classroom.
    [room] = type_by_shape([_room(10.0, 7.0)], _doors(0.5, 2, 4, 5.5, 7, 8.5))
    assert room.space_type is T.UNKNOWN


def _box(x0, y0, x1, y1, name=""):
    return DetectedSpace(name or "s", ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), name)


@pytest.mark.parametrize(
    ("stage_name", "hall", "space_type"),
    [
        # A 20 x 15 m hall (300 m²) with a stage along its north wall, 0.3 m
        # of wall between them: the hall faces the stage, an auditorium.
        ("Stage", (0, 0, 20, 15), T.AUDITORIUM),
        ("ESCENARIO", (0, 0, 20, 15), T.AUDITORIUM),
        ("舞台", (0, 0, 20, 15), T.AUDITORIUM),
        # 10 x 7.5 m = 75 m², under the 80 m² of a hall: a side room.
        ("Stage", (5, 7.5, 15, 15), T.UNKNOWN),
        # The same stage beside a classroom's name is no tiebreaker.
        ("Aula 3", (0, 0, 20, 15), T.UNKNOWN),
    ],
)
def test_a_large_room_beside_a_stage_is_an_auditorium(stage_name, hall, space_type):
    stage = _box(4, 15.3, 16, 20, stage_name)
    [_, room] = type_by_shape([stage, _box(*hall)], [])
    assert room.space_type is space_type


def test_a_stage_seen_across_a_corner_does_not_make_an_auditorium():
    # The stage's corner comes 0.3 m from the hall's corner: they share less
    # than 2 m of outline (0.6 m band round the stage meets 0.6 + 0.6 m of it).
    stage = _box(20.3, 15.3, 30, 20, "Stage")
    [_, room] = type_by_shape([stage, _box(0, 0, 20, 15)], [])
    assert room.space_type is T.UNKNOWN
