"""The bundled sample school: reproducible, clean, and true to its layout tables."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ezdxf
import pytest
from shapely import Point, Polygon

if TYPE_CHECKING:
    from types import ModuleType

    from ezdxf.document import Drawing
    from ezdxf.entities.dxfgfx import DXFGraphic

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "sample_plans" / "make_sample_school.py"
SAMPLE = ROOT / "sample_plans" / "sample_school.dxf"

EXPECTED_LAYERS = (
    "A-WALL",
    "A-DOOR",
    "A-GLAZ",
    "A-AREA-BNDY",
    "A-ANNO-ROOM",
    "A-FURN",
    "A-ANNO-NOTE",
)
HARDWARE = {
    "CLASSROOM SECURITY",
    "STOREROOM",
    "PASSAGE",
    "EXIT DEVICE",
    "OFFICE",
    "ENTRY CARD READER",
}


@pytest.fixture(scope="module")
def layout() -> ModuleType:
    """The generator script as a module (sample_plans is not a package)."""
    spec = importlib.util.spec_from_file_location("make_sample_school", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


@pytest.fixture(scope="module")
def doc() -> Drawing:
    return ezdxf.readfile(SAMPLE)


def _on_layer(doc: Drawing, query: str, layer: str) -> list[DXFGraphic]:
    return list(doc.modelspace().query(f"{query}[layer=='{layer}']"))


def _text_of(entity: DXFGraphic) -> str:
    return entity.plain_text() if entity.dxftype() == "MTEXT" else entity.dxf.text


def _anchor(entity: DXFGraphic) -> Point:
    """Where a label sits: MTEXT insert, or the alignment point of aligned TEXT."""
    dxf = entity.dxf
    at = dxf.align_point if dxf.hasattr("align_point") else dxf.insert
    return Point(at.x, at.y)


def _room_names(doc: Drawing, layout: ModuleType) -> list[DXFGraphic]:
    numbers = {room.number for room in layout.ROOMS}
    labels = _on_layer(doc, "TEXT MTEXT", "A-ANNO-ROOM")
    return [e for e in labels if _text_of(e) not in numbers]


def test_regenerating_gives_identical_bytes(tmp_path: Path) -> None:
    out = tmp_path / "school.dxf"
    subprocess.run(
        [sys.executable, str(SCRIPT), str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_loads_and_audits_without_errors(doc: Drawing) -> None:
    auditor = doc.audit()
    assert not auditor.has_errors, [str(error) for error in auditor.errors]


def test_is_r2013_in_inches(doc: Drawing) -> None:
    assert doc.dxfversion == "AC1027"
    assert doc.header["$INSUNITS"] == 1
    assert doc.header["$MEASUREMENT"] == 0


def test_building_sits_near_but_not_at_the_origin(doc: Drawing) -> None:
    xs, ys = [], []
    for line in _on_layer(doc, "LINE", "A-WALL"):
        xs += [line.dxf.start.x, line.dxf.end.x]
        ys += [line.dxf.start.y, line.dxf.end.y]
    assert (min(xs), min(ys)) == (1200.0, 1200.0)
    assert 3000 < max(xs) - min(xs) < 4000  # about 300 ft wide


@pytest.mark.parametrize("layer", EXPECTED_LAYERS)
def test_layer_exists(doc: Drawing, layer: str) -> None:
    assert layer in doc.layers


def test_door_inserts_match_the_door_table(doc: Drawing, layout: ModuleType) -> None:
    doors = _on_layer(doc, "INSERT", "A-DOOR")
    numbers = [door.get_attrib_text("NUMBER") for door in doors]
    assert sorted(numbers) == sorted(door.number for door in layout.DOORS)
    assert {door.get_attrib_text("HARDWARE") for door in doors} <= HARDWARE


def test_exterior_doors_are_numbered_e1_to_en(doc: Drawing) -> None:
    doors = _on_layer(doc, "INSERT", "A-DOOR")
    hardware = {
        d.get_attrib_text("NUMBER"): d.get_attrib_text("HARDWARE") for d in doors
    }
    exterior = sorted(
        (n for n in hardware if n.startswith("E")), key=lambda n: int(n[1:])
    )
    assert exterior == [f"E{i}" for i in range(1, len(exterior) + 1)]
    assert hardware["E1"] == "ENTRY CARD READER"
    assert {hardware[n] for n in exterior[1:]} == {"EXIT DEVICE"}


def test_room_names_match_the_room_table(doc: Drawing, layout: ModuleType) -> None:
    names = _room_names(doc, layout)
    assert len(names) == len(layout.ROOMS)
    assert {_text_of(e).replace("\n", " ") for e in names} == {
        room.name for room in layout.ROOMS
    }


def test_every_room_outline_holds_a_room_name(doc: Drawing, layout: ModuleType) -> None:
    outlines = _on_layer(doc, "LWPOLYLINE", "A-AREA-BNDY")
    assert len(outlines) == len(layout.ROOMS)
    anchors = [_anchor(name) for name in _room_names(doc, layout)]
    for outline in outlines:
        assert outline.closed
        area = Polygon([(x, y) for x, y, *_ in outline.get_points()])
        assert any(area.contains(anchor) for anchor in anchors), outline.dxf.handle


def test_door_leaves_are_30_to_40_inches(doc: Drawing) -> None:
    block_names = {door.dxf.name for door in _on_layer(doc, "INSERT", "A-DOOR")}
    for name in block_names:
        radii = [arc.dxf.radius for arc in doc.blocks[name].query("ARC")]
        assert radii, name
        assert all(30 <= radius <= 40 for radius in radii), (name, radii)


def test_planted_flaws_are_still_in_the_tables(layout: ModuleType) -> None:
    doors_of: dict[str, list[Any]] = {}
    for door in layout.DOORS:
        doors_of.setdefault(door.room, []).append(door)
    # ROOM-2: classroom 117 has two corridor doors, each with a sidelite.
    assert len(doors_of["117"]) == 2
    sidelites = [w for w in layout.WINDOWS if w.room == "117" and w.side == "W"]
    assert len(sidelites[0].at) == 2
    # REFUGE-2: at least four cafeteria doors, some of which cannot lock.
    cafeteria = doors_of["130"]
    assert len(cafeteria) >= 4
    assert any(door.hardware == "PASSAGE" for door in cafeteria)
    # ROOM-1: one classroom door without a lock.
    assert doors_of["114"][0].hardware == "PASSAGE"
    # ENTRY-3: the reception has no glazing but the transaction window.
    assert [w.side for w in layout.WINDOWS if w.room == "102"] == ["W"]
    # EGRESS-2: the storage corridor is a dead end longer than 20 ft.
    (stub,) = [room for room in layout.ROOMS if room.number == "152"]
    _, y0, _, y1 = stub.rects[0]
    assert y1 - y0 > 20
    assert "152" not in doors_of
