"""File > Replace Drawing on the sample school: one undoable step, changes shown."""

from __future__ import annotations

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
    window.bridge.undo_stack.undo()
    assert window.bridge.review.sheets[0].source_name == before.sheets[0].source_name
    assert (
        next(m for m in window.bridge.review.markups if m.id == "ap-114a").position
        == old_point
    )
