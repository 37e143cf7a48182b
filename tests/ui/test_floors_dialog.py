"""Floors side by side: the dialog lists them and the user confirms the sheets."""

from __future__ import annotations

import ezdxf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from tests.fixtures.dxf_files import floors_dxf
from tests.fixtures.ifc_models import build_school

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId
from designreview.model.markups import AccessPoint
from designreview.ui.dialogs.floors_dialog import FloorsDialog
from designreview.ui.docks.import_dock import report_lines
from designreview.ui.window.commands import floor_commands

PARTS = [("GROUND FLOOR", "12 wall lines"), ("1ST FLOOR", "12"), ("2ND FLOOR", "12")]


def test_the_dialog_lists_floors_checked_and_the_user_renames_and_unchecks(qtbot):
    dialog = FloorsDialog("school.dxf", PARTS)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.parts.item(r).text() for r in range(dialog.parts.count())]
    assert names == ["GROUND FLOOR", "1ST FLOOR", "2ND FLOOR"]
    assert dialog.chosen() == [(0, "GROUND FLOOR"), (1, "1ST FLOOR"), (2, "2ND FLOOR")]
    # Rename the first by typing over it, as a double-click does.
    dialog.parts.editItem(dialog.parts.item(0))
    editor = dialog.parts.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Planta baja")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits on the next event loop turn
    qtbot.waitUntil(lambda: dialog.parts.item(0).text() == "Planta baja", timeout=5000)
    # Uncheck the second with the space bar.
    dialog.parts.setCurrentRow(1)
    qtbot.keyClick(dialog.parts, Qt.Key.Key_Space)
    assert dialog.chosen() == [(0, "Planta baja"), (2, "2ND FLOOR")]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.split_button, Qt.MouseButton.LeftButton)


def test_none_checked_cannot_be_split_and_a_blank_name_is_undone(qtbot):
    dialog = FloorsDialog("school.dxf", PARTS[:2])
    qtbot.addWidget(dialog)
    dialog.parts.item(0).setText("  ")
    assert dialog.chosen() == [(0, "GROUND FLOOR"), (1, "1ST FLOOR")]
    for row in range(2):
        dialog.parts.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.split_button.isEnabled()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.whole_button, Qt.MouseButton.LeftButton)


def test_opening_a_drawing_of_floors_offers_them_and_makes_the_sheets(
    make_window, qtbot, tmp_path
):
    window = make_window()
    window.prompts.next_split = [(0, "Ground"), (1, "First")]
    window.open_path(floors_dxf(tmp_path / "school.dxf"))
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    assert window.prompts.asked == ["split:floors:GROUND FLOOR|1ST FLOOR"]
    sheets = window.bridge.review.sheets
    assert [(s.name, s.level) for s in sheets] == [("Ground", 0), ("First", 1)]
    # The sheet shown reads only its floor: 12 of the drawing's 24 wall lines.
    assert window.plan.counts.walls == 12
    window.sheets._on_combo_activated(1)
    qtbot.waitUntil(lambda: window.plan.extents.min_x == 40.0, timeout=60_000)
    assert window.plan.counts.walls == 12


def test_declining_keeps_one_sheet_for_the_whole_drawing(make_window, qtbot, tmp_path):
    window = make_window(floors_dxf(tmp_path / "school.dxf"))
    assert window.prompts.asked == ["split:floors:GROUND FLOOR|1ST FLOOR"]
    assert [s.region for s in window.bridge.review.sheets] == [None]
    assert window.plan.counts.walls == 24


def test_adding_a_drawing_of_floors_is_one_undo_step(make_window, qtbot, tmp_path):
    window = make_window(floors_dxf(tmp_path / "one.dxf", titles=("ANNEX",)))
    assert window.prompts.asked == []  # one floor: nothing to ask
    window.prompts.next_split = [(0, "GROUND FLOOR"), (1, "1ST FLOOR")]
    window.add_sheet(floors_dxf(tmp_path / "school.dxf"))
    qtbot.waitUntil(lambda: len(window.bridge.review.sheets) == 3, timeout=60_000)
    assert [s.level for s in window.bridge.review.sheets] == [0, 1, 2]
    window.bridge.undo_stack.undo()
    assert [s.name for s in window.bridge.review.sheets] == ["one"]
    assert len(window.bridge.review.sources) == 1


def test_a_drawing_with_floors_in_its_layouts_offers_a_sheet_per_layout(
    make_window, qtbot, tmp_path
):
    doc = ezdxf.new()
    doc.modelspace().add_line((0, 0), (10, 0), dxfattribs={"layer": "A-WALL"})
    for name, width in (("LEVEL 1", 20), ("LEVEL 2", 30)):
        doc.layouts.new(name).add_lwpolyline(
            [(0, 0), (width, 0), (width, 10), (0, 10)],
            close=True,
            dxfattribs={"layer": "A-WALL"},
        )
    doc.saveas(tmp_path / "layouts.dxf")
    window = make_window()
    window.prompts.next_split = [(1, "Second")]
    window.open_path(tmp_path / "layouts.dxf")
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    assert window.prompts.asked == ["split:layouts:LEVEL 1|LEVEL 2"]
    assert [(s.name, s.layout) for s in window.bridge.review.sheets] == [
        ("Second", "LEVEL 2")
    ]
    assert window.plan.extents.width == 30


def test_a_sheet_kept_whole_is_split_into_floors_later_in_one_undo_step(
    make_window, qtbot, tmp_path
):
    window = make_window(floors_dxf(tmp_path / "school.dxf"))  # declined: one sheet
    whole = window.bridge.review.sheets[0]
    window.prompts.next_split = [(0, "GROUND FLOOR"), (1, "1ST FLOOR")]
    floor_commands.split_into_floors(window.context)
    assert window.prompts.asked[-1] == "split:floors:GROUND FLOOR|1ST FLOOR"
    sheets = window.bridge.review.sheets
    assert [(s.name, s.region is not None) for s in sheets] == [
        ("GROUND FLOOR", True),
        ("1ST FLOOR", True),
    ]
    assert len(window.bridge.review.sources) == 1
    qtbot.waitUntil(lambda: window.plan.counts.walls == 12, timeout=60_000)
    window.bridge.undo_stack.undo()
    assert window.bridge.review.sheets == (whole,)


def test_a_floor_sheet_or_one_plan_is_not_split_again(make_window, qtbot, tmp_path):
    window = make_window()
    window.prompts.next_split = [(0, "GROUND FLOOR"), (1, "1ST FLOOR")]
    window.open_path(floors_dxf(tmp_path / "school.dxf"))
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    asked = len(window.prompts.asked)
    floor_commands.split_into_floors(window.context)
    assert len(window.prompts.asked) == asked  # nothing offered
    assert "one floor" in window.status.currentMessage()


def test_a_sheet_with_markups_stays_whole(make_window, qtbot, tmp_path):
    window = make_window(floors_dxf(tmp_path / "school.dxf"))
    stamp = window.bridge.document.stamp()
    door = AccessPoint(MarkupId("d1"), window.current_sheet_id, stamp, stamp, (5, 0))
    window.bridge.submit(AddMarkup(door))
    asked = len(window.prompts.asked)
    floor_commands.split_into_floors(window.context)
    assert len(window.prompts.asked) == asked
    assert "has markups" in window.status.currentMessage()
    assert len(window.bridge.review.sheets) == 1


def test_storeys_without_doors_are_offered_unticked(qtbot):
    parts = [("T/FDN", "7 walls"), ("Level 1", "21 walls"), ("Roof", "4 walls")]
    dialog = FloorsDialog("duplex.ifc", parts, "storeys", None, [False, True, False])
    qtbot.addWidget(dialog)
    assert dialog.chosen() == [(1, "Level 1")]
    assert "not ticked" in dialog.findChild(QLabel).text()
    assert dialog.whole_button.text() == "Ground Floor Only"


def test_opening_an_ifc_model_offers_its_storeys_and_reads_each_one(
    make_window, qtbot, tmp_path
):
    window = make_window()
    window.prompts.next_split = [(0, "Ground"), (1, "Upper")]
    window.open_path(build_school(tmp_path / "school.ifc"))
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    assert window.prompts.asked == ["split:storeys:Ground|Upper|Roof"]
    assert window.prompts.checked == [True, True, False]  # the roof holds no door
    sheets = window.bridge.review.sheets
    assert [s.name for s in sheets] == ["Ground", "Upper"]
    assert window.plan.bim.storey_name == "Ground"
    assert [s.name for s in window.plan.spaces] == ["Classroom"]
    window.sheets._on_combo_activated(1)
    qtbot.waitUntil(lambda: window.plan.bim.storey_name == "Upper", timeout=60_000)
    assert [s.name for s in window.plan.spaces] == ["Office"]


def test_the_cut_height_of_a_storey_is_changed_and_undone(make_window, qtbot, tmp_path):
    window = make_window(build_school(tmp_path / "school.ifc"))
    assert window.plan.bim.cut_height_m == 1.2
    report = report_lines(window.plan)
    assert report[0].startswith("File: school.ifc (IFC model IFC4), read by the IFC")
    assert report[1].startswith("Storey: Ground at +0.00 m, cut 1.20 m above it")
    assert "Doors found by: BIM model 1" in report
    assert any(w.layer == "IfcWindow" for w in window.plan.linework)
    window.prompts.next_length = 0.5
    window.actions_by_id["cut_height"].trigger()
    assert window.prompts.asked[-1] == "length:Cut Height — Ground:1.2"
    qtbot.waitUntil(lambda: window.plan.bim.cut_height_m == 0.5, timeout=60_000)
    # Below the 0.9 m sill the window is not cut: the plan shows a whole wall.
    assert all(w.layer != "IfcWindow" for w in window.plan.linework)
    window.bridge.undo_stack.undo()
    qtbot.waitUntil(lambda: window.plan.bim.cut_height_m == 1.2, timeout=60_000)
