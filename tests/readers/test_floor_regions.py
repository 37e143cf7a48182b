"""Floors side by side read once, one plan per floor's region."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.fixtures.dxf_files import floors_dxf

from designreview.model.geometry import Extents
from designreview.readers.dxf.read import ImportOptions, read_dxf, read_dxf_regions

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
