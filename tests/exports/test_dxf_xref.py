"""The DXF export attached to its source drawing as an XREF lands on what it marks.

CAD scales an XREF by the ratio of the two drawings' ``$INSUNITS``; ezdxf leaves that
to its caller, so these tests apply it as CAD does (``units.conversion_factor``),
load the XREF's content and compare a markup's position with the door it marks.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import ezdxf
import pytest
from ezdxf import units, xref
from tests.fixtures.dxf_files import rooms_dxf

from designreview.exports.dxf.export import DxfExportOptions, write_review_dxf
from designreview.model.ids import MarkupId, ReviewerId
from designreview.model.markups import AccessPoint, Stamp
from designreview.model.units import LengthUnit
from designreview.review_file.sheets import new_review, plan_for_sheet

if TYPE_CHECKING:
    from pathlib import Path

STAMP = Stamp(ReviewerId("reviewer-police"), "2026-11-20T10:00:00+00:00")
FAR = (250_000.0, 80_000.0)


def feet_dxf(path: Path) -> Path:
    """A 30 x 24 ft classroom drawn and declared in feet, far out, a 3 ft door."""
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 2
    doc.header["$MEASUREMENT"] = 0
    doc.layers.add("A-WALL")
    doc.layers.add("A-DOOR")
    ox, oy = FAR
    msp = doc.modelspace()
    outline = [(0, 0), (30, 0), (30, 24), (0, 24)]
    msp.add_lwpolyline(
        [(x + ox, y + oy) for x, y in outline], close=True,
        dxfattribs={"layer": "A-WALL"},
    )  # fmt: skip
    door = doc.blocks.new("DOOR-36")
    door.add_line((0, 0), (0, 3))
    door.add_arc((0, 0), 3, 0, 90)
    msp.add_blockref("DOOR-36", (12 + ox, oy), dxfattribs={"layer": "A-DOOR"})
    doc.saveas(path)
    return path


def door_insert(source: Path) -> tuple[float, float]:
    [door] = ezdxf.readfile(source).modelspace().query("INSERT")
    return door.dxf.insert.x, door.dxf.insert.y


def marked_and_exported(tmp_path, source, unit_override=None):
    """A review of ``source`` with an access point on its door, exported alone."""
    review = new_review([source])
    sheet = replace(review.sheets[0], unit_override=unit_override)
    review = review.with_sheet(sheet)
    plan = plan_for_sheet(review, sheet)
    x, y = door_insert(source)
    local = plan.to_local((x * plan.scale_to_m, y * plan.scale_to_m))
    point = AccessPoint(MarkupId("m-door"), sheet.id, STAMP, STAMP, local)
    review = review.with_markup(point)
    out = tmp_path / "review-layers.dxf"
    write_review_dxf(
        review, {sheet.id: plan}, None, out,
        DxfExportOptions(include_findings=False, include_viewsheds=False),
    )  # fmt: skip
    return plan, out


def attached_marker(source: Path, export: Path) -> tuple[float, float]:
    """Where the access point's circle lands in ``source`` with ``export`` attached."""
    host = ezdxf.readfile(source)
    theirs, ours = xref.dxf_info(str(export)).insert_units, host.header["$INSUNITS"]
    # a unitless drawing on either side is attached 1:1, as CAD does
    factor = units.conversion_factor(theirs, ours) if theirs and ours else 1.0
    insert = xref.attach(host, block_name="REVIEW", filename=str(export), scale=factor)
    xref.embed(host.blocks.get("REVIEW"))
    [marker] = [
        e
        for e in insert.virtual_entities()
        if e.dxftype() == "CIRCLE" and e.dxf.layer.endswith("REVIEW-ACCESS")
    ]
    return marker.dxf.center.x, marker.dxf.center.y


def test_drawing_that_says_mm_but_is_drawn_in_m(tmp_path):
    # Two 5 x 4 m rooms, a 0.9 m door at (5, 1), but $INSUNITS says millimetres; the
    # reviewer corrected the unit to metres. The export says millimetres, as its
    # source does, and keeps the source's numbers: attached, it overlays 1:1.
    source = rooms_dxf(tmp_path / "says-mm.dxf", insunits=4, offset=FAR)
    plan, out = marked_and_exported(tmp_path, source, LengthUnit.METRE)
    assert (plan.units, plan.unit_report.stated_code) == (LengthUnit.METRE, 4)
    # declaring metres, the marker would land 1,000 times too far out
    assert attached_marker(source, out) == pytest.approx(
        (FAR[0] + 5.0, FAR[1] + 1.0), abs=1e-6
    )
    assert ezdxf.readfile(out).header["$INSUNITS"] == 4


def test_drawing_in_feet(tmp_path):
    source = feet_dxf(tmp_path / "feet.dxf")
    plan, out = marked_and_exported(tmp_path, source)
    assert plan.units is LengthUnit.FOOT
    assert ezdxf.readfile(out).header["$INSUNITS"] == 2
    assert attached_marker(source, out) == pytest.approx(
        (FAR[0] + 12.0, FAR[1]), abs=1e-6
    )


def test_a_drawing_without_units_gets_an_export_without_units(tmp_path):
    source = rooms_dxf(tmp_path / "no-units.dxf", insunits=0)
    _plan, out = marked_and_exported(tmp_path, source)
    assert ezdxf.readfile(out).header["$INSUNITS"] == 0
    assert attached_marker(source, out) == pytest.approx((5.0, 1.0), abs=1e-6)


def test_extents_frame_what_was_drawn(tmp_path):
    # The access point's marker is a circle of 0.3 m radius around the door,
    # at (250005, 80001) in the drawing's own numbers.
    source = rooms_dxf(tmp_path / "says-mm.dxf", insunits=4, offset=FAR)
    _plan, out = marked_and_exported(tmp_path, source, LengthUnit.METRE)
    header = ezdxf.readfile(out).header
    low, high = header["$EXTMIN"], header["$EXTMAX"]
    assert low[0] <= FAR[0] + 5.0 - 0.3 + 1e-6
    assert high[0] >= FAR[0] + 5.0 + 0.3 - 1e-6
    assert low[1] <= FAR[1] + 1.0 - 0.3 + 1e-6
    assert high[1] >= FAR[1] + 1.0 + 0.3 - 1e-6
    assert high[0] - low[0] < 50  # the marker and its label, not the whole world
