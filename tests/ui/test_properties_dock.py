from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from tests.fixtures.reviews import JOSE, full_review

from designreview.model.edits import RemoveMarkup, ReplaceMarkup, SetReviewer
from designreview.model.ids import MarkupId
from designreview.model.markups import (
    AccessControl,
    CommentStatus,
    Designation,
    LockFunction,
    Stamp,
    StatusChange,
)
from designreview.ui.docks.properties_dock import PropertiesDock
from designreview.ui.selection import Selection
from designreview.ui.session.document_bridge import DocumentBridge

NOW = "2026-11-21T10:00:00+00:00"
DOOR, DOOR2, COMMENT = MarkupId("m-door"), MarkupId("m-door2"), MarkupId("m-comment")


def review_with_two_doors():
    review = full_review()
    door = review.markup(DOOR)
    other = replace(
        door,
        id=DOOR2,
        lock=LockFunction.NONE,
        width_m=0.91,
        access_control=(AccessControl.INTERCOM,),
    )
    return replace(review, markups=(*review.markups, other))


@pytest.fixture
def bridge():
    bridge = DocumentBridge(review_with_two_doors(), JOSE)
    bridge.document.clock = lambda: NOW  # a fake at the process edge: the clock
    yield bridge
    bridge.set_modified(False)  # an unclean stack would emit into a deleted bridge


@pytest.fixture
def selection():
    return Selection()


@pytest.fixture
def dock(qtbot, bridge, selection):
    dock = PropertiesDock(bridge, selection)
    qtbot.addWidget(dock)
    dock.set_imperial(True)
    dock.show()
    return dock


def choose(combo, value):
    """Pick an item as a user does: the combo emits activated."""
    index = combo.findData(value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_into(qtbot, editor, text):
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def markup(bridge, markup_id):
    return bridge.review.markup(markup_id)


def test_dock_identity(dock):
    assert dock.objectName() == "PropertiesDock"
    assert dock.windowTitle() == "Properties"
    assert dock.title.text() == "Nothing selected"
    assert dock.field_names() == ()


def test_access_point_shows_its_fields_and_values(dock, selection):
    selection.set([DOOR])
    assert dock.title.text() == "Access point"
    assert dock.field_names() == (
        "door_number",
        "kind",
        "designation",
        "lock",
        "access_control",
        "has_vision_panel",
        "has_sidelite",
        "width_m",
        "angle_deg",
        "hinge_known",
        "is_propped",
        "is_forced",
        "construction",
    )
    editors = dock.editors
    assert editors["lock"].currentText() == "Lockable from inside"
    assert editors["designation"].currentText() == "Primary visitor entry"
    assert editors["door_number"].text() == "E1"
    assert editors["width_m"].text() == "6'-0\""
    assert editors["angle_deg"].text() == "0°"  # a compass bearing: north
    assert editors["has_vision_panel"].isChecked()
    assert not editors["has_sidelite"].isChecked()
    boxes = editors["access_control"].boxes
    assert boxes[AccessControl.CARD_READER].isChecked()
    assert not boxes[AccessControl.REMOTE_RELEASE].isChecked()
    assert "Ann Lee" in dock.created_label.text()
    assert "José Núñez" in dock.modified_label.text()
    assert dock.thread_box.isHidden()


def test_lengths_follow_the_plan_units(dock, selection):
    selection.set([DOOR])
    dock.set_imperial(False)
    assert dock.editors["width_m"].text() == "1.83 m"
    dock.set_imperial(True)
    assert dock.editors["width_m"].text() == "6'-0\""


def test_changing_the_lock_is_one_edit_and_undo_shows_the_old_value(
    dock, bridge, selection
):
    selection.set([DOOR])
    choose(dock.editors["lock"], LockFunction.KEY_OUTSIDE_ONLY)
    assert bridge.undo_stack.count() == 1
    assert bridge.undo_stack.undoText() == "Set lock function"
    door = markup(bridge, DOOR)
    assert door.lock is LockFunction.KEY_OUTSIDE_ONLY
    assert door.modified == Stamp(JOSE, NOW)
    assert dock.editors["lock"].currentText() == "Key or credential outside only"

    bridge.undo_stack.undo()
    assert markup(bridge, DOOR).lock is LockFunction.INSIDE_LOCKABLE
    assert dock.editors["lock"].currentText() == "Lockable from inside"
    assert bridge.undo_stack.count() == 1  # showing the undone value made no edit
    bridge.undo_stack.redo()
    assert dock.editors["lock"].currentText() == "Key or credential outside only"


def test_choosing_the_current_value_makes_no_edit(dock, bridge, selection):
    selection.set([DOOR])
    choose(dock.editors["lock"], LockFunction.INSIDE_LOCKABLE)
    assert bridge.undo_stack.count() == 0


def test_typed_width_is_parsed_and_shown_in_plan_units(qtbot, dock, bridge, selection):
    selection.set([DOOR])
    type_into(qtbot, dock.editors["width_m"], "36 in")
    assert markup(bridge, DOOR).width_m == pytest.approx(0.9144)
    assert dock.editors["width_m"].text() == "3'-0\""
    dock.set_imperial(False)
    type_into(qtbot, dock.editors["width_m"], "1.2")  # bare number: metres here
    assert markup(bridge, DOOR).width_m == pytest.approx(1.2)
    assert bridge.undo_stack.count() == 2


def test_invalid_width_shows_an_error_and_changes_nothing(
    qtbot, dock, bridge, selection
):
    selection.set([DOOR])
    width = dock.editors["width_m"]
    before = bridge.review
    type_into(qtbot, width, "wide")
    assert width.property("error") == "“wide” is not a length."
    assert "border" in width.styleSheet()
    assert "A length from" in width.toolTip()
    assert "36 in" in width.toolTip()
    assert bridge.review == before
    assert bridge.undo_stack.count() == 0
    assert width.text() == "wide"  # kept, so the reviewer can fix it

    type_into(qtbot, width, "-3'")
    assert "negative" in width.property("error")
    assert bridge.undo_stack.count() == 0

    width.selectAll()
    qtbot.keyClicks(width, "4'")
    assert width.property("error") == ""  # typing clears the error state
    assert width.styleSheet() == ""
    qtbot.keyClick(width, Qt.Key.Key_Return)
    assert markup(bridge, DOOR).width_m == pytest.approx(1.2192)


def test_out_of_range_integer_is_refused(qtbot, dock, bridge, selection):
    selection.set([MarkupId("m-cam")])
    resolution = dock.editors["resolution_px"]
    type_into(qtbot, resolution, "12")
    assert "out of range" in resolution.property("error")
    assert markup(bridge, MarkupId("m-cam")).resolution_px == 2688
    type_into(qtbot, resolution, "3840")
    assert markup(bridge, MarkupId("m-cam")).resolution_px == 3840


def test_clearing_an_optional_count_makes_it_unknown(qtbot, dock, bridge, selection):
    selection.set([MarkupId("m-zone")])
    occupants = dock.editors["occupants"]
    occupants.clear()
    occupants.editingFinished.emit()
    assert markup(bridge, MarkupId("m-zone")).occupants is None
    assert occupants.placeholderText() == "Unknown"


def test_two_access_points_change_together_in_one_undo_step(dock, bridge, selection):
    selection.set([DOOR, DOOR2])
    assert dock.title.text() == "2 access points"
    choose(dock.editors["lock"], LockFunction.KEY_OUTSIDE_ONLY)
    assert bridge.undo_stack.count() == 1
    assert markup(bridge, DOOR).lock is LockFunction.KEY_OUTSIDE_ONLY
    assert markup(bridge, DOOR2).lock is LockFunction.KEY_OUTSIDE_ONLY
    assert dock.editors["lock"].currentText() == "Key or credential outside only"
    choose(dock.editors["designation"], Designation.EGRESS_ONLY)
    assert bridge.undo_stack.count() == 2

    bridge.undo_stack.undo()
    bridge.undo_stack.undo()
    assert dock.editors["lock"].currentIndex() == -1  # mixed again
    assert bridge.review.markups == review_with_two_doors().markups


def test_one_width_edit_changes_both_doors_in_one_step(qtbot, dock, bridge, selection):
    selection.set([DOOR, DOOR2])
    type_into(qtbot, dock.editors["width_m"], "3'-6\"")
    assert bridge.undo_stack.count() == 1
    assert markup(bridge, DOOR).width_m == pytest.approx(1.0668)
    assert markup(bridge, DOOR2).width_m == pytest.approx(1.0668)
    assert markup(bridge, DOOR2).modified == Stamp(JOSE, NOW)
    bridge.undo_stack.undo()
    assert markup(bridge, DOOR).width_m == pytest.approx(1.83)
    assert markup(bridge, DOOR2).width_m == pytest.approx(0.91)
    assert dock.editors["width_m"].placeholderText() == "(mixed)"


def test_mixed_values_show_as_mixed(dock, selection):
    selection.set([DOOR, DOOR2])
    lock, width = dock.editors["lock"], dock.editors["width_m"]
    assert lock.currentIndex() == -1
    assert lock.placeholderText() == "(mixed)"
    assert width.text() == ""
    assert width.placeholderText() == "(mixed)"
    assert dock.editors["door_number"].text() == "E1"  # shared values still show
    boxes = dock.editors["access_control"].boxes
    assert boxes[AccessControl.CARD_READER].checkState() == (
        Qt.CheckState.PartiallyChecked
    )
    assert boxes[AccessControl.INTERCOM].checkState() == Qt.CheckState.Checked


def test_clicking_a_mixed_box_turns_it_on_for_all(qtbot, dock, bridge, selection):
    selection.set([DOOR, DOOR2])
    box = dock.editors["access_control"].boxes[AccessControl.CARD_READER]
    box.click()  # as a mouse click does: next state, then clicked
    assert bridge.undo_stack.count() == 1
    assert markup(bridge, DOOR2).access_control == (
        AccessControl.CARD_READER,
        AccessControl.INTERCOM,
    )
    assert box.checkState() == Qt.CheckState.Checked
    box.click()  # as a mouse click does: next state, then clicked
    assert markup(bridge, DOOR).access_control == (AccessControl.INTERCOM,)
    assert markup(bridge, DOOR2).access_control == (AccessControl.INTERCOM,)


def test_mixed_types_show_only_common_fields(dock, selection):
    selection.set([DOOR, MarkupId("m-cam")])
    assert dock.title.text() == "2 markups"
    assert dock.field_names() == ()
    assert "no properties in common" in dock.note.text()
    selection.set([MarkupId("m-obs"), MarkupId("m-cam"), MarkupId("m-sight")])
    assert dock.field_names() == ("label",)
    assert dock.editors["label"].placeholderText() == "(mixed)"


def test_someone_elses_change_refreshes_without_an_echo(dock, bridge, selection):
    selection.set([DOOR])
    door = markup(bridge, DOOR)
    bridge.submit(ReplaceMarkup(door, replace(door, door_number="E7")), initiator=None)
    assert dock.editors["door_number"].text() == "E7"
    assert bridge.undo_stack.count() == 1


def test_a_deleted_markup_leaves_the_form(dock, bridge, selection):
    selection.set([DOOR])
    bridge.submit(RemoveMarkup.of(bridge.review, markup(bridge, DOOR)))
    assert dock.title.text() == "Nothing selected"
    assert dock.field_names() == ()
    bridge.undo_stack.undo()
    assert dock.title.text() == "Access point"


def test_text_typed_for_one_selection_never_lands_on_the_next(
    qtbot, dock, bridge, selection
):
    selection.set([DOOR])
    editor = dock.editors["door_number"]
    editor.selectAll()
    qtbot.keyClicks(editor, "X9")
    selection.set([DOOR2])
    editor.editingFinished.emit()  # a late focus-out of the old form
    assert markup(bridge, DOOR2).door_number == "E1"
    assert bridge.undo_stack.count() == 0


def test_comment_shows_its_thread(dock, selection):
    selection.set([COMMENT])
    assert dock.field_names() == ("text", "status", "priority", "agency")
    assert not dock.thread_box.isHidden()
    lines = [dock.thread_list.item(i).text() for i in range(dock.thread_list.count())]
    assert len(lines) == 3
    assert lines[1].startswith("José Núñez (Architect)")
    assert "Hardware changed to classroom security." in lines[1]
    assert dock.editors["status"].currentText() == "Answered"


def test_reply_is_appended_and_undo_removes_it(qtbot, dock, bridge, selection):
    selection.set([COMMENT])
    before = markup(bridge, COMMENT)
    assert not dock.reply_button.isEnabled()
    qtbot.keyClicks(dock.reply_box, "New lock ordered")
    dock.reply_button.click()
    after = markup(bridge, COMMENT)
    assert after.replies[:-1] == before.replies
    assert after.replies[-1].text == "New lock ordered"
    assert after.replies[-1].author == Stamp(JOSE, NOW)
    assert dock.reply_box.text() == ""
    assert dock.thread_list.count() == 4
    assert bridge.undo_stack.count() == 1
    bridge.undo_stack.undo()
    assert markup(bridge, COMMENT).replies == before.replies
    assert dock.thread_list.count() == 3


def test_status_change_appends_history_and_undo_removes_it(dock, bridge, selection):
    selection.set([COMMENT])
    before = markup(bridge, COMMENT)
    choose(dock.editors["status"], CommentStatus.RESOLVED)
    after = markup(bridge, COMMENT)
    assert after.status is CommentStatus.RESOLVED
    assert after.history == (
        *before.history,
        StatusChange(Stamp(JOSE, NOW), CommentStatus.RESOLVED),
    )
    assert dock.thread_list.count() == 4
    assert bridge.undo_stack.count() == 1
    bridge.undo_stack.undo()
    assert markup(bridge, COMMENT).history == before.history
    assert dock.editors["status"].currentText() == "Answered"


def test_comment_text_is_committed_when_focus_leaves(dock, bridge, selection):
    selection.set([COMMENT])
    text = dock.editors["text"]
    text.setPlainText("Door 104 must lock from inside")
    QApplication.sendEvent(text, QFocusEvent(QEvent.Type.FocusOut))
    assert markup(bridge, COMMENT).text == "Door 104 must lock from inside"
    text.setPlainText("   ")
    QApplication.sendEvent(text, QFocusEvent(QEvent.Type.FocusOut))
    assert "empty" in text.property("error")
    assert markup(bridge, COMMENT).text == "Door 104 must lock from inside"


def test_scrolling_over_a_combo_does_not_edit(dock, bridge, selection):
    selection.set([DOOR])
    combo = dock.editors["lock"]
    wheel = QWheelEvent(
        QPointF(5, 5),
        QPointF(5, 5),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, wheel)
    assert combo.currentText() == "Lockable from inside"
    assert bridge.undo_stack.count() == 0


def test_renamed_reviewer_shows_in_the_info(dock, bridge, selection):
    selection.set([DOOR])
    jose = bridge.review.reviewer(JOSE)
    bridge.submit(SetReviewer(jose, replace(jose, name="José N. Núñez")))
    assert dock.modified_label.text().startswith("José N. Núñez (Architect)")
