import pytest

from designreview.model.plan import LayerCategory as C
from designreview.recognition.layers.rules import categorize_layer


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("A-WALL", C.WALL),
        ("Walls", C.WALL),
        ("WALL", C.WALL),
        ("MURO", C.WALL),
        ("Wand (neu)", C.WALL),
        ("Wände", C.WALL),
        ("E41_AUSSENWAENDE_TRAGEND", C.WALL),
        ("墙线", C.WALL),
        ("墙体", C.WALL),
        ("FIRE SEPARATIONS", C.WALL),
        ("A-DOOR", C.DOOR),
        ("Doors", C.DOOR),
        ("M16_INNENTUEREN", C.DOOR),
        ("门线", C.DOOR),
        ("Türen", C.DOOR),
        ("A-GLAZ", C.WINDOW),
        ("---FINESTRA", C.WINDOW),
        ("E51_FENSTER", C.WINDOW),
        ("窗线", C.WINDOW),
        ("窗户", C.WINDOW),
        ("Crystal", C.WINDOW),
        # Sliding doors are glazed panels in the wall, read like windows: they
        # close rooms, and no swing says how they open (the door rules come
        # first: a name that says door stays a door).
        ("SLDR60", C.WINDOW),
        ("SLIDER-72", C.WINDOW),
        ("Sliding door 2.4", C.DOOR),
        ("PUERTA CORREDERA", C.DOOR),
        ("Corredera 2h", C.WINDOW),
        ("推拉窗", C.WINDOW),
        ("柱子", C.COLUMN),
        ("Columns", C.COLUMN),
        ("ESCALERA", C.STAIR),
        ("A-AREA-BNDY", C.ROOM),
        ("A-ANNO-ROOM", C.LABEL),
        ("A-FURN", C.FURNITURE),
        ("A-ANNO-DIMS", C.ANNOTATION),
        ("Defpoints", C.ANNOTATION),
        ("0", C.OTHER),
    ],
)
def test_layer_names_in_many_conventions(name, category):
    assert categorize_layer(name) is category
