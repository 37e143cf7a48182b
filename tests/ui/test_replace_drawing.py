"""File > Replace Drawing on the sample school: one undoable step, changes shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.fixtures.revised_sample import revised_sample

from designreview.review_file.sample import sample_review_path


def test_replacing_the_drawing_carries_the_review_and_undo_brings_it_back(
    make_window, qtbot, tmp_path
):
    window = make_window(sample_review_path())
    before = window.bridge.review
    old_point = next(m for m in before.markups if m.id == "ap-114a").position
    window.prompts.next_open_path = revised_sample(tmp_path / "rev2.dxf")
    window.actions_by_id["replace_drawing"].trigger()
    qtbot.waitUntil(
        lambda: window.bridge.review.sheets[0].source_name == "rev2.dxf",
        timeout=120_000,
    )
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
    review = window.bridge.review
    moved = next(m for m in review.markups if m.id == "ap-114a").position
    assert round(moved[1] - old_point[1], 4) == 0.9144  # 36 in along its wall
    assert review.sheets[0].revision.flagged == ("ap-e5",)
    assert [s.name for s in window.plan.spaces if s.number == "160"] == ["CLASSROOM"]
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "Door E5 removed" in box.text()
    assert "Room 160 CLASSROOM added" in box.text()
    box.close()
    # The Changes dock lists them; a click zooms to one; the overlay compares.
    dock = window.changes_dock
    assert dock.texts() == [
        "Door E5 removed",
        "Door 114A moved 0.91 m",
        "Room 102 RECEPTION renamed to 102 WELCOME",
        "Room 160 CLASSROOM added",
    ]
    added_room = dock.list.item(3)
    dock.list.itemClicked.emit(added_room)
    x, y = added_room.data(Qt.ItemDataRole.UserRole)
    middle = window.view.mapToScene(window.view.viewport().rect().center())
    assert abs(middle.x() - x) < 1.0
    assert abs(-middle.y() - y) < 1.0
    dock.overlay.setChecked(True)
    qtbot.waitUntil(lambda: window.changes.overlay.counts() != (0, 0), timeout=60_000)
    removed, added = window.changes.overlay.counts()
    # E5's door symbol went, its opening's walls, the new room's walls came.
    assert removed > 0
    assert added >= 8
    window.bridge.undo_stack.undo()
    assert window.bridge.review.sheets[0].source_name == before.sheets[0].source_name
    assert (
        next(m for m in window.bridge.review.markups if m.id == "ap-114a").position
        == old_point
    )
