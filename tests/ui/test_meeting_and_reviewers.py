"""Reviewers and who made what; meeting mode for the projector; sensitive layers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from tests.fixtures.dxf_files import rooms_dxf
from tests.ui.drive import click
from tests.ui.test_tools import ALT, use

from designreview.model.markups import Comment, Observer
from designreview.review_file.sample import sample_review_path
from designreview.ui.canvas.coords import to_scene
from designreview.ui.dialogs.reviewers_dialog import ReviewersDialog
from designreview.ui.window.commands import view_commands


def test_roster_edits_are_one_undo_step_and_name_the_author(make_window, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    dialog = ReviewersDialog(window.bridge, window)
    for name, agency, role, email in [
        ("Ann Lee", "City Police", "SRO", ""),
        ("Jose Nunez", "Architect", "Project architect", " jose@studio.example "),
    ]:
        row = dialog.add_row(None)
        for column, text in enumerate((name, agency, role, email)):
            dialog.table.setItem(row, column, QTableWidgetItem(text))
    dialog.accept()
    people = window.bridge.review.reviewers
    assert [(p.name, p.agency, p.email) for p in people] == [
        ("Ann Lee", "City Police", ""),
        ("Jose Nunez", "Architect", "jose@studio.example"),
    ]
    reopened = ReviewersDialog(window.bridge, window)  # the roster shows the e-mail
    assert reopened.table.item(1, 3).text() == "jose@studio.example"
    reopened.reject()
    assert window.bridge.undo_stack.undoText() == "Edit reviewers"
    # The reviewer bar offers them; the chosen one authors the next markup.
    bar = window.reviewer_bar
    assert bar.combo.count() == 2
    bar.combo.setCurrentIndex(1)
    bar._on_combo_activated(1)
    use(window, "observer")
    click(window.view, (2.0, 2.0), mods=ALT)
    [observer] = [m for m in window.bridge.review.markups if isinstance(m, Observer)]
    assert observer.created.reviewer_id == people[1].id
    assert window.bridge.review.history[-1].by.reviewer_id == people[1].id
    window.bridge.undo_stack.undo()
    window.bridge.undo_stack.undo()
    assert window.bridge.review.reviewers == ()


def test_removing_a_reviewer(make_window, tmp_path):
    window = make_window()
    window.open_path(sample_review_path())
    dialog = ReviewersDialog(window.bridge, window)
    dialog.table.selectRow(0)
    dialog.remove_selected()
    dialog.accept()
    assert len(window.bridge.review.reviewers) == 3


def test_meeting_mode_enlarges_marks_and_fonts_and_back(sample):
    item = next(iter(sample.scene.markup_layer.items.values()))
    size = sample.font().pointSizeF()
    sample.actions_by_id["meeting_mode"].setChecked(True)
    assert item._symbol.scale() > 1.5
    assert sample.font().pointSizeF() > size
    sample.actions_by_id["meeting_mode"].setChecked(False)
    assert item._symbol.scale() == 1.0
    assert sample.font().pointSizeF() == size


def test_meeting_mode_hides_sensitive_layers(sample):
    sample.layers_dock.sensitive_changed.emit("A-FURN", True)
    assert sample.bridge.review.sheets[0].sensitive_layers == ("A-FURN",)
    assert "sensitive" in sample.layers_dock.item_for("A-FURN").text(1)
    assert sample.scene.is_layer_visible("A-FURN")
    view_commands.set_meeting_mode(sample.context, True)
    assert not sample.scene.is_layer_visible("A-FURN")
    assert sample.scene.is_layer_visible("A-WALL")
    view_commands.set_meeting_mode(sample.context, False)
    assert sample.scene.is_layer_visible("A-FURN")
    sample.bridge.undo_stack.undo()
    assert sample.bridge.review.sheets[0].sensitive_layers == ()


def test_stepping_through_comments_selects_and_shows_each(sample):
    comments = [m.id for m in sample.bridge.review.markups if isinstance(m, Comment)]
    seen = []
    for _ in comments:
        view_commands.next_comment(sample.context)
        seen.append(sample.selection.ids[0])
        visible = sample.view.mapToScene(sample.view.viewport().rect()).boundingRect()
        item = sample.scene.markup_layer.items[seen[-1]]
        assert visible.contains(to_scene(item.graphic.anchor))
        assert visible.width() < 40  # zoomed in on it, not the whole school
    assert sorted(seen) == sorted(comments)
    view_commands.next_comment(sample.context)
    assert sample.selection.ids[0] == seen[0]  # it wraps around
    view_commands.previous_comment(sample.context)
    assert sample.selection.ids[0] == seen[-1]


def test_history_dock_lists_the_undo_stack(make_window, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    use(window, "observer")
    click(window.view, (2.0, 2.0), mods=ALT)
    view = window.history_dock.widget()
    assert view.stack() is window.bridge.undo_stack
    assert window.bridge.undo_stack.text(0) == "Add observer"


def test_undoing_a_roster_change_puts_removed_reviewers_back_in_place(make_window):
    window = make_window()
    window.open_path(sample_review_path())
    before = window.bridge.review.reviewers
    assert len(before) == 4
    dialog = ReviewersDialog(window.bridge, window)
    dialog.table.selectRow(2)
    dialog.remove_selected()
    dialog.table.selectRow(0)
    dialog.remove_selected()
    dialog.accept()
    assert window.bridge.review.reviewers == (before[1], before[3])
    window.bridge.undo_stack.undo()
    # Undo once appended them (order 2, 4, 1, 3); they go back to places 1 and 3.
    assert window.bridge.review.reviewers == before


def test_presenter_mode_fills_the_screen_and_esc_restores_the_window(sample, qtbot):
    assert sample.properties_dock.isVisible()
    assert not sample.presenter.indicator.isVisible()
    sample.actions_by_id["meeting_mode"].setChecked(True)  # F5
    qtbot.waitUntil(sample.isFullScreen)  # the platform applies it a moment later
    assert not sample.properties_dock.isVisible()
    assert not sample.tools_bar.isVisible()
    assert sample.presenter.indicator.isVisible()
    assert "MEETING" in sample.presenter.indicator.text()
    sample.activateWindow()  # window shortcuts answer in the active window
    qtbot.waitUntil(sample.isActiveWindow)
    qtbot.keyClick(sample.view, Qt.Key.Key_F6)  # the findings beside the plan
    assert sample.findings_dock.isVisible()
    qtbot.keyClick(sample.view, Qt.Key.Key_Escape)
    assert not sample.actions_by_id["meeting_mode"].isChecked()
    qtbot.waitUntil(lambda: not sample.isFullScreen())
    assert sample.properties_dock.isVisible()
    assert sample.tools_bar.isVisible()
    assert not sample.presenter.indicator.isVisible()
