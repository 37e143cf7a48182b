"""Correcting the importer: layer roles and units, kept with the sheet, undoable."""

from __future__ import annotations

import pytest
from tests.fixtures.dxf_files import (
    offices_dxf,
    openings_dxf,
    rooms_dxf,
    unnamed_layers_dxf,
)

from designreview.model.building import DoorMethod
from designreview.model.plan import LayerCategory
from designreview.model.units import LengthUnit
from designreview.ui.dialogs.layer_roles_dialog import LayerRolesDialog
from designreview.ui.dialogs.units_dialog import UnitsDialog
from designreview.ui.dialogs.units_text import unit_for_measurement
from designreview.ui.docks.import_dock import report_lines
from designreview.ui.window.commands import review_commands


@pytest.fixture
def window(make_window, tmp_path):
    return make_window(rooms_dxf(tmp_path / "rooms.dxf"))


def test_import_report_lists_what_was_found(window):
    lines = report_lines(window.plan)
    assert lines[0] == "File: rooms.dxf (DXF AC1027), read by the fast reader"
    assert "Units: metre" in lines[1]
    assert "Layers read as wall: A-WALL" in lines
    assert "Found: 5 wall segments, 1 doors" in lines[2]
    # CLASSROOM and OFFICE name both rooms traced from the walls
    assert "Room types: 2 from their names" in lines
    assert window.import_dock.notes.count() >= 1


def test_layer_role_change_reloads_the_plan_and_undoes(window, qtbot):
    sheet = window.sheets.sheet()
    dialog = LayerRolesDialog(window.bridge, sheet, window.plan, window)
    seen = []
    dialog.layer_highlighted.connect(seen.append)
    dialog.table.setCurrentCell(1, 0)
    assert seen  # picking a row highlights that layer on the canvas
    dialog.set_role("A-FURN", LayerCategory.WALL)
    dialog.accept()
    [override] = window.bridge.review.sheets[0].layer_overrides
    assert (override.layer, override.category) == ("A-FURN", LayerCategory.WALL)
    qtbot.waitUntil(
        lambda: window.plan.layer("A-FURN").category is LayerCategory.WALL,
        timeout=30_000,
    )
    window.bridge.undo_stack.undo()
    assert window.bridge.review.sheets[0].layer_overrides == ()


def test_a_layer_corrected_to_door_finds_its_doors(make_window, qtbot, tmp_path):
    window = make_window(unnamed_layers_dxf(tmp_path / "unnamed.dxf"))
    assert window.plan.doors == ()
    dialog = LayerRolesDialog(window.bridge, window.sheets.sheet(), window.plan, window)
    dialog.set_role("LAYER2", LayerCategory.DOOR)
    dialog.accept()
    qtbot.waitUntil(lambda: len(window.plan.doors) == 1, timeout=30_000)
    assert "1 doors" in report_lines(window.plan)[2]
    window.bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: window.plan.doors == (), timeout=30_000)


def test_a_room_layer_found_by_its_name_can_be_corrected_to_other(
    make_window, qtbot, tmp_path
):
    window = make_window(offices_dxf(tmp_path / "offices.dxf"))
    assert len(window.plan.spaces) == 2
    dialog = LayerRolesDialog(window.bridge, window.sheets.sheet(), window.plan, window)
    assert dialog.overrides() == ()  # OK without a change stores nothing
    dialog.set_role("Offices", LayerCategory.OTHER)
    dialog.accept()
    [override] = window.bridge.review.sheets[0].layer_overrides
    assert (override.layer, override.category) == ("Offices", LayerCategory.OTHER)
    qtbot.waitUntil(
        lambda: not any(s.layer == "Offices" for s in window.plan.spaces),
        timeout=30_000,
    )


def test_a_way_of_finding_doors_can_be_switched_off_and_undone(
    make_window, qtbot, tmp_path
):
    # The drawing has a door by leaf line and one by bare gap. Switching "gap" off
    # keeps only the leaf door; the choice is stored with the sheet and undoes.
    window = make_window(openings_dxf(tmp_path / "openings.dxf"))
    assert sorted(d.method.value for d in window.plan.doors) == ["gap", "leaf"]
    assert "Doors found by: leaf line 1, gap 1" in report_lines(window.plan)
    dialog = LayerRolesDialog(window.bridge, window.sheets.sheet(), window.plan, window)
    assert dialog.methods[DoorMethod.GAP].text() == "gap (1)"
    assert dialog.methods[DoorMethod.GAP].isChecked()
    dialog.methods[DoorMethod.GAP].setChecked(False)
    dialog.accept()
    assert window.bridge.review.sheets[0].door_methods_off == (DoorMethod.GAP,)
    qtbot.waitUntil(
        lambda: [d.method for d in window.plan.doors] == [DoorMethod.LEAF],
        timeout=30_000,
    )
    again = LayerRolesDialog(window.bridge, window.sheets.sheet(), window.plan, window)
    assert not again.methods[DoorMethod.GAP].isChecked()  # shown as stored
    again.reject()
    window.bridge.undo_stack.undo()
    assert window.bridge.review.sheets[0].door_methods_off == ()
    qtbot.waitUntil(lambda: len(window.plan.doors) == 2, timeout=30_000)


def test_units_override_rescales_the_plan(window, qtbot):
    width = window.plan.extents.width
    dialog = UnitsDialog(
        window.bridge, window.sheets.sheet(), window.plan, parent=window
    )
    dialog.combo.setCurrentIndex(dialog.combo.findData(LengthUnit.FOOT))
    dialog.accept()
    assert window.bridge.review.sheets[0].unit_override is LengthUnit.FOOT
    qtbot.waitUntil(lambda: window.plan.units is LengthUnit.FOOT, timeout=30_000)
    assert window.plan.extents.width == pytest.approx(width * 0.3048)


def test_a_known_length_picks_the_unit(window):
    dialog = UnitsDialog(
        window.bridge,
        window.sheets.sheet(),
        window.plan,
        measured_units=36.0,
        parent=window,
    )
    dialog.known.setText("0.914 m")  # a 36 in door
    assert dialog.chosen() is LengthUnit.INCH
    assert "inch" in dialog.advice.text()
    dialog.reject()
    assert unit_for_measurement(5.0, 1.0) is None


def test_a_new_floor_keeps_the_layer_roles_of_the_first(window, qtbot, tmp_path):
    from dataclasses import replace

    from designreview.model.edits import ReplaceSheet
    from designreview.model.review import LayerOverride

    sheet = window.sheets.sheet()
    fixed = replace(
        sheet, layer_overrides=(LayerOverride("A-FURN", LayerCategory.WALL),)
    )
    window.bridge.submit(ReplaceSheet(sheet, fixed))
    window.add_sheet(rooms_dxf(tmp_path / "level_2.dxf"))
    qtbot.waitUntil(lambda: len(window.bridge.review.sheets) == 2, timeout=30_000)
    assert window.bridge.review.sheets[1].layer_overrides == fixed.layer_overrides


def test_the_units_dialog_says_why_the_unit_was_chosen(window):
    dialog = UnitsDialog(
        window.bridge, window.sheets.sheet(), window.plan, parent=window
    )
    text = dialog.report.text()
    assert "The drawing says metres, and it is read in metres." in text
    assert "door widths" in text  # the evidence that agrees with the header
    dialog.reject()


def test_units_are_checked_against_the_last_measured_length(window, monkeypatch):
    shown = []
    monkeypatch.setattr(UnitsDialog, "exec", lambda self: shown.append(self) or 0)
    window.tools_bar.tools["measure"].points = [(1.0, 1.0), (1.0, 1.9)]
    review_commands.edit_units(window.context)
    [dialog] = shown
    assert dialog.measured == pytest.approx(0.9)  # drawing units of this plan
    dialog.known.setText("0.9")
    assert dialog.chosen() is LengthUnit.METRE
    dialog.known.setText("22.86 mm")  # if those 0.9 units were inches
    assert dialog.chosen() is LengthUnit.INCH
    dialog.reject()


def test_a_sheet_can_be_read_from_a_paper_space_layout(make_window, qtbot, tmp_path):
    import ezdxf

    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    doc.layers.add("A-WALL")
    doc.modelspace().add_lwpolyline(
        [(0, 0), (10, 0), (10, 4), (0, 4)], close=True, dxfattribs={"layer": "A-WALL"}
    )
    sheet_layout = doc.layouts.new("PLAN")
    sheet_layout.add_lwpolyline(
        [(0, 0), (30, 0), (30, 20), (0, 20)], close=True, dxfattribs={"layer": "A-WALL"}
    )
    doc.saveas(tmp_path / "layouts.dxf")
    window = make_window(tmp_path / "layouts.dxf")
    assert window.plan.layouts == ("PLAN",)
    assert window.plan.extents.width == pytest.approx(10)
    window.prompts.next_item = "PLAN"
    review_commands.choose_layout(window.context)
    assert "choose:Layout" in window.prompts.asked[-1]
    assert "Model space|PLAN" in window.prompts.asked[-1]
    qtbot.waitUntil(
        lambda: window.plan.extents.width == pytest.approx(30), timeout=30_000
    )
    assert window.bridge.review.sheets[0].layout == "PLAN"
    window.bridge.undo_stack.undo()
    qtbot.waitUntil(
        lambda: window.plan.extents.width == pytest.approx(10), timeout=30_000
    )


def test_only_model_space_is_said(window):
    review_commands.choose_layout(window.context)
    assert not any(a.startswith("choose:") for a in window.prompts.asked)
    assert "only model space" in window.status.currentMessage()
