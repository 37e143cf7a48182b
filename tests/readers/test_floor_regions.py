"""Floors side by side read once, one plan per floor's region."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ezdxf
from tests.fixtures.dxf_files import floors_dxf

from designreview.model.geometry import Extents
from designreview.readers.dxf.read import ImportOptions, read_dxf, read_dxf_regions
from designreview.recognition.floors import plan_floors

if TYPE_CHECKING:
    from pathlib import Path


def test_each_region_gets_only_its_floor(tmp_path: Path) -> None:
    drawing = floors_dxf(tmp_path / "floors.dxf")
    # Regions in drawing units (mm): the cut is at 35 m.
    left, right = read_dxf_regions(
        drawing,
        (
            Extents(-4_000, -4_000, 35_000, 14_000),
            Extents(35_000, -4_000, 74_000, 14_000),
        ),
    )
    # 12 wall lines per floor; a title and a room name each; the unit (mm, from
    # the header) is the whole drawing's for both.
    assert (left.counts.walls, right.counts.walls) == (12, 12)
    assert [t.text for t in left.labels] == ["GROUND FLOOR", "ROOM 0"]
    assert [t.text for t in right.labels] == ["1ST FLOOR", "ROOM 1"]
    assert left.scale_to_m == right.scale_to_m == 0.001
    assert (left.extents.min_x, left.extents.max_x) == (0.0, 30.0)
    assert (right.extents.min_x, right.extents.max_x) == (40.0, 70.0)


def test_a_region_is_an_import_option_and_none_is_the_whole_drawing(
    tmp_path: Path,
) -> None:
    drawing = floors_dxf(tmp_path / "floors.dxf")
    whole = read_dxf(drawing)
    right = read_dxf(
        drawing, ImportOptions(region=Extents(35_000, -4_000, 74_000, 14_000))
    )
    assert whole.counts.walls == 24
    assert right.counts.walls == 12


def test_a_region_with_nothing_in_it_says_so(tmp_path: Path) -> None:
    drawing = floors_dxf(tmp_path / "floors.dxf")
    empty = read_dxf(drawing, ImportOptions(region=Extents(1e6, 1e6, 2e6, 2e6)))
    assert empty.linework == ()
    assert any("part of the drawing holds no lines" in w for w in empty.warnings)


def test_floors_drawn_as_blocks_side_by_side_are_found_and_read_apart(tmp_path):
    # One block per floor (three 10 m rooms, 12 wall lines, its title 2 m above),
    # inserted at x = 0 and x = 40 m: the walk places the blocks' lines, so the
    # floors are parted by the same 10 m band as if drawn in model space.
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 6
    for name, title in (("LEVEL0", "GROUND FLOOR"), ("LEVEL1", "1ST FLOOR")):
        block = doc.blocks.new(name)
        for i in range(3):
            x = i * 10
            corners = [(x, 0), (x + 10, 0), (x + 10, 10), (x, 10)]
            for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
                block.add_line(a, b, {"layer": "WALL"})
        block.add_text(title, height=1, dxfattribs={"layer": "TEXT"}).set_placement(
            (0, 12)
        )
    doc.modelspace().add_blockref("LEVEL0", (0, 0))
    doc.modelspace().add_blockref("LEVEL1", (40, 0))
    doc.saveas(tmp_path / "blocks.dxf")
    floors = plan_floors(read_dxf(tmp_path / "blocks.dxf"))
    assert [f.name for f in floors] == ["GROUND FLOOR", "1ST FLOOR"]
    plans = read_dxf_regions(tmp_path / "blocks.dxf", tuple(f.region for f in floors))
    assert [p.counts.walls for p in plans] == [12, 12]


def test_the_ezdxf_reader_reads_a_region_too(tmp_path):
    drawing = floors_dxf(tmp_path / "floors.dxf")
    region = Extents(35_000, -4_000, 74_000, 14_000)
    plan = read_dxf(drawing, ImportOptions(region=region, fast_reader=False))
    assert plan.counts.walls == 12
    assert plan.reader.startswith("ezdxf reader")
