"""Rooms from closed outlines, their labels, and the type their name suggests."""

from pathlib import Path

import ezdxf
import pytest
import shapely

from designreview.model.markups import SpaceType as T
from designreview.readers.dxf.read import read_dxf
from designreview.recognition.building import NO_ROOMS_WARNING
from designreview.recognition.rooms.labels import read_room_label
from designreview.recognition.rooms.types import guess_space_type, is_space_layer

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "sample_school.dxf"


def new_doc(insunits=6):
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = insunits
    for name in ("A-AREA-BNDY", "A-ANNO-ROOM", "A-WALL", "A-DOOR"):
        doc.layers.add(name)
    return doc


def outline(layout, corners, layer="A-AREA-BNDY"):
    return layout.add_lwpolyline(corners, close=True, dxfattribs={"layer": layer})


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def text(layout, words, at, layer="A-ANNO-ROOM"):
    layout.add_text(words, height=0.2, dxfattribs={"layer": layer}).set_placement(at)


def read(doc, tmp_path, name="rooms.dxf"):
    doc.saveas(tmp_path / name)
    return read_dxf(tmp_path / name)


def by_number(plan):
    return {space.number: space for space in plan.spaces}


def test_outlines_with_labels_inside_become_named_rooms(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    first = outline(msp, rect(0, 0, 8, 6))
    outline(msp, rect(8, 0, 12, 6))
    text(msp, "CLASSROOM", (3, 3.5))
    text(msp, "101", (3, 3))
    msp.add_mtext("MAIN\\POFFICE", dxfattribs={"layer": "A-ANNO-ROOM"}).set_location(
        (9, 4)
    )
    text(msp, "103", (9, 2))
    text(msp, "KEY PLAN", (30, 30))  # outside every room: nobody's name
    plan = read(doc, tmp_path)
    rooms = by_number(plan)
    assert sorted(rooms) == ["101", "103"]
    classroom, office = rooms["101"], rooms["103"]
    assert (classroom.name, classroom.space_type) == ("CLASSROOM", T.CLASSROOM)
    assert (office.name, office.space_type) == ("MAIN OFFICE", T.OFFICE)
    assert classroom.outline == tuple(map(tuple, rect(0, 0, 8, 6)))
    assert classroom.id == f"space-{first.dxf.handle}"
    assert classroom.layer == "A-AREA-BNDY"
    assert plan.counts.spaces == 2
    assert NO_ROOMS_WARNING not in plan.warnings


def test_small_outlines_are_not_rooms(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    outline(msp, rect(0, 0, 1, 1.9))  # 1.9 m2: a shaft, not a room
    outline(msp, rect(5, 0, 6, 2))  # 2 m2: a closet
    assert [s.outline[0] for s in read(doc, tmp_path).spaces] == [(5.0, 0.0)]


def test_label_in_nested_outlines_belongs_to_the_smallest(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    outline(msp, rect(0, 0, 10, 8))
    outline(msp, rect(0, 0, 2, 2))
    text(msp, "CLASSROOM", (5, 5))
    text(msp, "STORAGE", (0.5, 1))
    names = {s.name for s in read(doc, tmp_path).spaces}
    assert names == {"CLASSROOM", "STORAGE"}


def test_outline_around_several_rooms_is_not_a_room(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    outline(msp, rect(-1, -1, 21, 9))  # the floor, or a sheet frame
    outline(msp, rect(0, 0, 10, 8))
    outline(msp, rect(10, 0, 20, 8))
    assert len(read(doc, tmp_path).spaces) == 2


def test_outline_drawn_twice_is_one_room(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    outline(msp, rect(0, 0, 4, 4))
    outline(msp, rect(0, 0, 4, 4))
    assert len(read(doc, tmp_path).spaces) == 1


def test_outlines_in_inches_and_with_arcs(tmp_path):
    doc = new_doc(insunits=1)
    msp = doc.modelspace()
    room = msp.add_lwpolyline(
        [(0, 0, 0, 0, 0), (100, 0, 0, 0, 1), (100, 100, 0, 0, 0), (0, 100, 0, 0, 0)],
        format="xyseb",
        close=True,
        dxfattribs={"layer": "A-AREA-BNDY"},
    )  # a half-circle bulge on the east side
    [space] = read(doc, tmp_path).spaces
    area = shapely.Polygon(space.outline).area
    expected = (100 * 100 + 3.14159 * 50**2 / 2) * 0.0254**2
    assert area == pytest.approx(expected, rel=0.01)
    assert space.id == f"space-{room.dxf.handle}"


def test_outline_inside_a_block_has_a_stable_id(tmp_path):
    doc = new_doc()
    block = doc.blocks.new("SUITE")
    block.add_lwpolyline(rect(0, 0, 5, 5), close=True)
    ref = doc.modelspace().add_blockref(
        "SUITE", (100, 0), dxfattribs={"layer": "A-AREA-BNDY"}
    )
    plan = read(doc, tmp_path)
    [space] = plan.spaces
    assert space.id.startswith(f"space-{ref.dxf.handle}.")
    assert space.outline[0] == (100.0, 0.0)
    assert read(doc, tmp_path, "again.dxf").spaces[0].id == space.id


def test_texts_on_any_layer_when_no_label_layer_has_text(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    outline(msp, rect(0, 0, 5, 5))
    text(msp, "Büro 0.12", (1, 1), layer="Walls")
    text(msp, "D-7", (2, 2), layer="A-DOOR")  # a door tag, not the room's number
    [space] = read(doc, tmp_path).spaces
    assert (space.name, space.number, space.space_type) == ("Büro", "0.12", T.OFFICE)


def test_rooms_on_layers_named_for_their_use(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    for i in range(3):
        outline(msp, rect(10 * i, 0, 10 * i + 5, 5), layer="00_Offices")
    outline(msp, rect(0, 20, 5, 25), layer="Toilets")
    plan = read(doc, tmp_path)
    assert [s.space_type for s in plan.spaces] == [T.OFFICE] * 3 + [T.RESTROOM]


def test_no_outlines_warns_only_when_there_are_walls(tmp_path):
    doc = new_doc()
    doc.modelspace().add_line((0, 0), (10, 0), dxfattribs={"layer": "A-WALL"})
    plan = read(doc, tmp_path)
    assert plan.spaces == ()
    assert NO_ROOMS_WARNING in plan.warnings
    bare = new_doc()
    bare.modelspace().add_line((0, 0), (10, 0), dxfattribs={"layer": "SITE"})
    assert NO_ROOMS_WARNING not in read(bare, tmp_path, "bare.dxf").warnings


@pytest.mark.parametrize(
    ("texts", "name", "number"),
    [
        (["CLASSROOM", "104"], "CLASSROOM", "104"),
        (["1.12", "Aula"], "Aula", "1.12"),
        (["A-204", "SCIENCE", "LAB"], "SCIENCE LAB", "A-204"),
        (["CLASSROOM 104"], "CLASSROOM", "104"),
        (["E14-348"], "", "E14-348"),
        (["OFFICE", "23.5 m²"], "OFFICE", ""),
        (["Raumname: Büro", "Raumnummer: 0.12"], "Büro", "0.12"),
        ([], "", ""),
    ],
)
def test_room_names_and_numbers(texts, name, number):
    label = read_room_label(texts)
    assert (label.name, label.number) == (name, number)


@pytest.mark.parametrize(
    ("name", "space_type"),
    [
        # English, as US schools name their rooms
        ("CLASSROOM", T.CLASSROOM), ("SCIENCE LAB", T.LAB), ("MAIN OFFICE", T.OFFICE),
        ("RECEPTION", T.RECEPTION), ("VESTIBULE", T.VESTIBULE),
        ("CORRIDOR", T.CORRIDOR), ("Hall", T.CORRIDOR), ("LOBBY", T.COMMONS),
        ("CAFETERIA", T.CAFETERIA), ("Dining hall", T.CAFETERIA),
        ("GYMNASIUM", T.GYM), ("GYM", T.GYM), ("AUDITORIUM", T.AUDITORIUM),
        ("LIBRARY MEDIA CENTER", T.LIBRARY), ("BOYS RESTROOM", T.RESTROOM),
        ("WC", T.RESTROOM), ("STORAGE", T.STORAGE), ("MECHANICAL", T.MECHANICAL),
        ("ELECTRICAL", T.MECHANICAL), ("STAIR 2", T.STAIR), ("NURSE", T.OFFICE),
        ("CLINIC", T.OFFICE), ("PRINCIPAL", T.OFFICE), ("WORKROOM", T.OFFICE),
        ("MUSIC", T.CLASSROOM), ("KITCHEN", T.OTHER), ("SAFE ROOM", T.SAFE_ROOM),
        # Spanish and Catalan
        ("Aula 3", T.CLASSROOM), ("AULA-12", T.CLASSROOM), ("Aula 1.12", T.CLASSROOM),
        ("Aula magna", T.AUDITORIUM), ("Aula de informática", T.LAB),
        ("Laboratorio", T.LAB), ("Oficina", T.OFFICE), ("Despacho", T.OFFICE),
        ("Recepción", T.RECEPTION), ("Vestíbulo", T.VESTIBULE),
        ("Pasillo", T.CORRIDOR), ("Comedor", T.CAFETERIA), ("Menjador", T.CAFETERIA),
        ("Gimnasio", T.GYM), ("Biblioteca", T.LIBRARY), ("Baños", T.RESTROOM),
        ("Aseos", T.RESTROOM), ("Lavabos", T.RESTROOM), ("Almacén", T.STORAGE),
        ("Instalaciones", T.MECHANICAL), ("Escalera", T.STAIR), ("Cocina", T.OTHER),
        ("Sala de profesores", T.OFFICE), ("Conserjería", T.RECEPTION),
        # German: 'Aula' is the assembly hall
        ("Aula", T.AUDITORIUM), ("Klassenzimmer", T.CLASSROOM), ("Labor", T.LAB),
        ("Büro", T.OFFICE), ("Empfang", T.RECEPTION), ("Windfang", T.VESTIBULE),
        ("Flur", T.CORRIDOR), ("Gang", T.CORRIDOR), ("Eingangshalle", T.COMMONS),
        ("Mensa", T.CAFETERIA), ("Turnhalle", T.GYM), ("Bibliothek", T.LIBRARY),
        ("Lager", T.STORAGE), ("Haustechnik", T.MECHANICAL), ("Treppenhaus", T.STAIR),
        # French
        ("Salle de classe", T.CLASSROOM), ("Hall d'entrée", T.COMMONS),
        # Chinese
        ("教室", T.CLASSROOM), ("计算机实验室", T.LAB), ("办公室", T.OFFICE),
        ("走廊", T.CORRIDOR), ("食堂", T.CAFETERIA), ("体育馆", T.GYM),
        ("图书馆", T.LIBRARY), ("卫生间", T.RESTROOM), ("厕所", T.RESTROOM),
        ("储藏室", T.STORAGE), ("机房", T.MECHANICAL), ("楼梯间", T.STAIR),
        # Outdoors, in every language: not a room
        ("SCHOOL YARD", T.EXTERIOR), ("Schoolyard", T.EXTERIOR),
        ("COURTYARD", T.EXTERIOR), ("Basketball courts", T.EXTERIOR),
        ("PATI", T.EXTERIOR), ("Patio de recreo", T.EXTERIOR),
        ("Schulhof", T.EXTERIOR), ("Cour de récréation", T.EXTERIOR),
        ("操场", T.EXTERIOR), ("Food court", T.CAFETERIA),
        # Nothing to go by
        ("ROOM", T.UNKNOWN), ("Raum 7", T.UNKNOWN), ("", T.UNKNOWN),
    ],
)  # fmt: skip
def test_room_type_from_its_name(name, space_type):
    assert guess_space_type(name) is space_type


def test_aula_with_a_separate_number_is_read_the_german_way():
    assert read_room_label(["Aula", "0.12"]).space_type is T.AUDITORIUM
    assert read_room_label(["Aula 12"]).space_type is T.CLASSROOM


@pytest.mark.parametrize(
    ("layer", "holds_rooms"),
    [("A-AREA-BNDY", True), ("Raum", True), ("房间", True), ("使用面积线", True),
     ("Z22_NGF-POLYGONE", True), ("Classrooms", True), ("00_Offices", True),
     ("A-WALL", False), ("Furniture", False), ("STAIRS", False), ("0", False)],
)  # fmt: skip
def test_room_layers(layer, holds_rooms):
    assert is_space_layer(layer) is holds_rooms


# --- The bundled sample school -----------------------------------------------------

SAMPLE_ROOMS = {
    "100": ("LOBBY", T.COMMONS), "101": ("VESTIBULE", T.VESTIBULE),
    "102": ("RECEPTION", T.RECEPTION), "103": ("MAIN OFFICE", T.OFFICE),
    "104": ("PRINCIPAL", T.OFFICE), "105": ("NURSE", T.OFFICE),
    "106": ("WORKROOM", T.OFFICE), "107": ("BOYS RESTROOM", T.RESTROOM),
    "108": ("GIRLS RESTROOM", T.RESTROOM), "109": ("CLASSROOM", T.CLASSROOM),
    "110": ("CLASSROOM", T.CLASSROOM), "111": ("LIBRARY MEDIA CENTER", T.LIBRARY),
    "112": ("MUSIC", T.CLASSROOM), "113": ("SCIENCE LAB", T.LAB),
    "114": ("CLASSROOM", T.CLASSROOM), "115": ("CLASSROOM", T.CLASSROOM),
    "116": ("CLASSROOM", T.CLASSROOM), "117": ("CLASSROOM", T.CLASSROOM),
    "118": ("CLASSROOM", T.CLASSROOM), "119": ("CLASSROOM", T.CLASSROOM),
    "120": ("CLASSROOM", T.CLASSROOM), "121": ("CLASSROOM", T.CLASSROOM),
    "122": ("STORAGE", T.STORAGE), "123": ("STORAGE", T.STORAGE),
    "124": ("MECHANICAL", T.MECHANICAL), "130": ("CAFETERIA", T.CAFETERIA),
    "131": ("KITCHEN", T.OTHER), "140": ("GYMNASIUM", T.GYM),
    "150": ("CORRIDOR", T.CORRIDOR), "151": ("CORRIDOR", T.CORRIDOR),
    "152": ("CORRIDOR", T.CORRIDOR),
}  # fmt: skip
SQ_FT = 0.3048**2


@pytest.fixture(scope="module")
def sample_plan():
    return read_dxf(SAMPLE)


def test_sample_school_has_its_31_rooms(sample_plan):
    rooms = by_number(sample_plan)
    assert len(sample_plan.spaces) == 31
    assert {n: (s.name, s.space_type) for n, s in rooms.items()} == SAMPLE_ROOMS
    assert sample_plan.counts.spaces == 31


@pytest.mark.parametrize(
    ("number", "sq_ft"), [("101", 249), ("111", 2277), ("130", 4094), ("152", 262)]
)
def test_sample_school_room_areas(sample_plan, number, sq_ft):
    room = by_number(sample_plan)[number]
    assert shapely.Polygon(room.outline).area / SQ_FT == pytest.approx(sq_ft, abs=1)


def test_sample_school_room_around_its_label(sample_plan):
    cafeteria = shapely.Polygon(by_number(sample_plan)["130"].outline)
    assert cafeteria.contains(shapely.Point(88.392, 53.340))  # README's label point
