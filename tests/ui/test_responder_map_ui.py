"""File > Responder Map, Review > True North and the responder mark tool, in the app."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from designreview.ui.dialogs.responder_map_dialog import ResponderMapDialog


def trigger(window, action_id):
    window.actions_by_id[action_id].trigger()


@pytest.fixture
def dialog(sample, qtbot, tmp_path):
    trigger(sample, "responder_map")
    found = sample.responder_map_dialog
    assert isinstance(found, ResponderMapDialog)
    found.output.setText(str(tmp_path / "map.pdf"))
    yield found
    found.reject()


def test_the_dialog_shows_the_issued_revision_and_nothing_missing(dialog):
    assert dialog.address.text() == "1200 Example Road, Springfield, Texas (fictional)"
    assert dialog.state.text() == "Revision 1, issued 2026-11-20"
    assert dialog.missing.count() == 1
    assert dialog.missing.item(0).text().startswith("Nothing")


def test_unticking_an_asset_and_typing_a_bad_date_list_what_is_missing(dialog):
    dialog.walkthrough.setText("last spring")
    dialog.refresh()
    items = [dialog.missing.item(i).text() for i in range(dialog.missing.count())]
    assert any(t.startswith("MAP-7:") and "is not a date" in t for t in items)
    # The walk-through date is shown on the map: the issued revision is stale.
    assert any(t.startswith("MAP-8:") for t in items)
    assert dialog.state.text() == "Revision 1 (2026-11-20) OUT OF DATE"


def test_save_and_issue_writes_the_files_as_one_undoable_edit(
    dialog, sample, qtbot, tmp_path
):
    dialog.address.setText("12 Elm Street, Austin, Texas (fictional)")
    dialog.geojson.setChecked(True)
    dialog.dxf.setChecked(True)
    dialog.issue.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=120_000)
    assert "map.pdf: 2 pages" in dialog.status.text()
    assert (tmp_path / "map.geojson").exists()
    assert (tmp_path / "map.dxf").exists()
    text = PdfReader(tmp_path / "map.pdf").pages[0].extract_text()
    assert "12 Elm Street, Austin, Texas (fictional)" in text
    assert "Revision 2, issued" in text
    info = sample.bridge.review.responder
    assert (info.address, info.issued.revision) == (
        "12 Elm Street, Austin, Texas (fictional)", 2,
    )  # fmt: skip
    assert dialog.state.text().startswith("Revision 2, issued")
    sample.bridge.undo_stack.undo()
    assert sample.bridge.review.responder.issued.revision == 1
    assert sample.bridge.review.responder.address.startswith("1200 Example Road")


def test_true_north_is_set_from_the_review_menu_and_turns_the_canvas_arrow(sample):
    assert sample.view.north_arrow.true_north_deg == 12.0
    sample.prompts.next_text = "30"
    trigger(sample, "true_north")
    assert sample.bridge.review.sheets[0].true_north_deg == 30.0
    assert sample.view.north_arrow.true_north_deg == 30.0
    assert "text:True North — Level 1:12" in sample.prompts.asked
    sample.bridge.undo_stack.undo()
    assert sample.bridge.review.sheets[0].true_north_deg == 12.0
    assert sample.view.north_arrow.true_north_deg == 12.0
    sample.prompts.next_text = ""  # blank: unknown
    trigger(sample, "true_north")
    assert sample.bridge.review.sheets[0].true_north_deg is None
    assert sample.view.north_arrow.true_north_deg is None


def test_a_typed_angle_that_is_not_one_changes_nothing(sample):
    sample.prompts.next_text = "north-east"
    before = sample.bridge.undo_stack.count()
    trigger(sample, "true_north")
    assert sample.bridge.undo_stack.count() == before
    assert "is not an angle" in sample.statusBar().currentMessage()


def test_the_canvas_arrow_stays_in_the_corner_when_the_plan_pans(sample, qtbot):
    arrow, view = sample.view.north_arrow, sample.view
    sample.resize(1400, 900)
    view.fit_to_drawing()
    view.zoom_at(view.viewport().rect().center().toPointF(), 2.0)
    view._scroll_by(-120, 80)
    qtbot.wait(20)
    top_right = arrow.mapTo(view, arrow.rect().topRight())
    assert view.width() - 40 < top_right.x() < view.width()
    assert 0 <= arrow.mapTo(view, arrow.rect().topLeft()).y() < 30
