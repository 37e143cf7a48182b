"""Floors side by side read once, one plan per floor's region."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ezdxf

from designreview.model.geometry import Extents
from designreview.readers.dxf.read import ImportOptions, read_dxf, read_dxf_regions

if TYPE_CHECKING:
    from pathlib import Path


def two_floors(path: Path) -> Path:
    """Two floors in millimetres: three 10 m rooms each, at x 0 and x 40 m."""
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for x0 in (0, 40_000):
        for i in range(3):
            x = x0 + i * 10_000
            corners = [(x, 0), (x + 10_000, 0), (x + 10_000, 10_000), (x, 10_000)]
            for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
                msp.add_line(a, b, {"layer": "WALL"})
        msp.add_text("FLOOR", height=1000, dxfattribs={"layer": "TEXT"}).set_placement(
            (x0, 12_000)
        )
    doc.saveas(path)
    return path


def test_each_region_gets_only_its_floor(tmp_path: Path) -> None:
    drawing = two_floors(tmp_path / "floors.dxf")
    # Regions in drawing units (mm): the cut is at 35 m.
    left, right = read_dxf_regions(
        drawing,
        (
            Extents(-4_000, -4_000, 35_000, 14_000),
            Extents(35_000, -4_000, 74_000, 14_000),
        ),
    )
    # 12 wall lines per floor; one text each; the unit (mm, from the header) is the
    # whole drawing's for both.
    assert (left.counts.walls, right.counts.walls) == (12, 12)
    assert [t.position for t in left.labels] == [(0.0, 12.0)]
    assert [t.position for t in right.labels] == [(40.0, 12.0)]
    assert left.scale_to_m == right.scale_to_m == 0.001
    assert (left.extents.min_x, left.extents.max_x) == (0.0, 30.0)
    assert (right.extents.min_x, right.extents.max_x) == (40.0, 70.0)


def test_a_region_is_an_import_option_and_none_is_the_whole_drawing(
    tmp_path: Path,
) -> None:
    drawing = two_floors(tmp_path / "floors.dxf")
    whole = read_dxf(drawing)
    right = read_dxf(
        drawing, ImportOptions(region=Extents(35_000, -4_000, 74_000, 14_000))
    )
    assert whole.counts.walls == 24
    assert right.counts.walls == 12


def test_a_region_with_nothing_in_it_says_so(tmp_path: Path) -> None:
    drawing = two_floors(tmp_path / "floors.dxf")
    empty = read_dxf(drawing, ImportOptions(region=Extents(1e6, 1e6, 2e6, 2e6)))
    assert empty.linework == ()
    assert any("part of the drawing holds no lines" in w for w in empty.warnings)
