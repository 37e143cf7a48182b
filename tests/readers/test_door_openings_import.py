"""Importing plans whose doors are no blocks: what the import report counts and says.

Each drawing is in metres: a 0.2 m wall along y = 0..0.2 with door openings between
jambs, as in ``tests/recognition/test_door_openings.py``.
"""

from __future__ import annotations

import ezdxf
import pytest

from designreview.cli.inspect_plan import inspect_report
from designreview.model.building import DoorMethod
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.recognition.layers.roles import LayerRoles

T = 0.2


def wall(msp, openings, length=12.0):
    """Faces and jambs of a wall from x = 0 to ``length`` with (a, b) openings."""
    edges = [0.0, *[x for gap in openings for x in gap], length]
    for x0, x1 in zip(edges[::2], edges[1::2], strict=True):
        for y in (0.0, T):
            msp.add_line((x0, y), (x1, y), dxfattribs={"layer": "Walls"})
    for a, b in openings:
        for x in (a, b):
            msp.add_line((x, 0.0), (x, T), dxfattribs={"layer": "Walls"})


def new_doc():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    for name in ("Walls", "Doors", "Glazing"):
        doc.layers.add(name)
    return doc


def read(doc, tmp_path, options=None):
    doc.saveas(tmp_path / "plan.dxf")
    return read_dxf(tmp_path / "plan.dxf", options)


def test_doors_drawn_as_lines_across_openings_are_found_and_counted(tmp_path):
    # The school: every door is a line across its opening on a door layer.
    # Three 0.9 m openings: 1.0-1.9, 4.0-4.9, 7.0-7.9.
    doc = new_doc()
    msp = doc.modelspace()
    openings = [(1.0, 1.9), (4.0, 4.9), (7.0, 7.9)]
    wall(msp, openings)
    for a, b in openings:
        msp.add_line((a, T / 2), (b, T / 2), dxfattribs={"layer": "Doors"})
    plan = read(doc, tmp_path)
    assert len(plan.doors) == 3
    assert all(d.method is DoorMethod.LINE and not d.hinge_known for d in plan.doors)
    assert sorted(round(d.width_m, 3) for d in plan.doors) == [0.9, 0.9, 0.9]
    assert dict(plan.counts.doors_by_method)["line"] == 3
    assert plan.counts.doors == 3
    assert not any(w.startswith("No doors found") for w in plan.warnings)
    report = inspect_report(plan)
    assert report["counts"]["doors"] == 3
    assert report["counts"]["doors_by_method"] == {
        "block": 0, "arc": 0, "model": 0, "line": 3, "leaf": 0, "gap": 0,
    }  # fmt: skip


def test_leaf_lines_and_bare_gaps_are_counted_by_how_they_were_found(tmp_path):
    # Opening 1.0-1.9 with a leaf standing from its x = 1.0 jamb; 4.0-4.9 empty.
    doc = new_doc()
    msp = doc.modelspace()
    wall(msp, [(1.0, 1.9), (4.0, 4.9)])
    msp.add_line((1.0, T), (1.0, T + 0.9), dxfattribs={"layer": "Doors"})
    plan = read(doc, tmp_path)
    by = dict(plan.counts.doors_by_method)
    assert (by["leaf"], by["gap"]) == (1, 1)
    [leaf] = [d for d in plan.doors if d.method is DoorMethod.LEAF]
    assert leaf.hinge_known
    assert leaf.hinge == pytest.approx((1.0, 0.1))


def test_a_switched_off_method_finds_nothing(tmp_path):
    doc = new_doc()
    wall(doc.modelspace(), [(1.0, 1.9), (4.0, 4.9)])
    assert len(read(doc, tmp_path).doors) == 2
    off = ImportOptions(roles=LayerRoles(methods_off=(DoorMethod.GAP,)))
    plan = read(doc, tmp_path, off)
    assert plan.doors == ()
    [warning] = [w for w in plan.warnings if w.startswith("No doors found")]
    assert "switched off: gap" in warning


def test_a_plan_without_doors_says_how_to_fix_it_once(tmp_path):
    doc = new_doc()
    msp = doc.modelspace()
    wall(msp, [])
    msp.add_circle((3.0, 3.0), 0.3, dxfattribs={"layer": "Doors"})  # no door shape
    plan = read(doc, tmp_path)
    assert plan.counts.doors == 0
    warnings = [w for w in plan.warnings if w.startswith("No doors found")]
    assert warnings == [
        "No doors found: map the layer that draws doors (Review > Layer Roles) or "
        "draw doors with the Door tool; layers read as door: Doors."
    ]
    assert warnings[0] in inspect_report(plan)["warnings"]


def test_windows_are_counted_from_blocks_and_window_lines(tmp_path):
    # Two window blocks (on layer 0, named WINDOW) and two runs of glazing lines
    # on a window layer: a two-pane window (two touching lines) in the opening
    # 4.0-4.9 and one line at x = 9..10. 2 blocks + 2 runs = 4 windows; the glazed
    # opening is no door.
    doc = new_doc()
    msp = doc.modelspace()
    wall(msp, [(1.0, 1.9), (4.0, 4.9)])
    block = doc.blocks.new("WINDOW-1")
    block.add_line((0.0, 0.0), (1.0, 0.0))
    block.add_line((0.0, 0.1), (1.0, 0.1))
    msp.add_blockref("WINDOW-1", (20.0, 0.0))
    msp.add_blockref("WINDOW-1", (22.0, 0.0))
    glass = {"layer": "Glazing"}
    msp.add_line((4.0, 0.1), (4.45, 0.1), dxfattribs=glass)
    msp.add_line((4.45, 0.1), (4.9, 0.1), dxfattribs=glass)
    msp.add_line((9.0, 3.0), (10.0, 3.0), dxfattribs=glass)
    plan = read(doc, tmp_path)
    assert dict(plan.counts.windows_by_source) == {
        "block": 2, "lines": 2, "openings": 1,
    }  # fmt: skip
    assert plan.counts.windows == 4
    assert [d.method for d in plan.doors] == [DoorMethod.GAP]  # 1.0-1.9 only
    assert inspect_report(plan)["counts"]["windows_by_source"]["block"] == 2
