"""File > Merge Review: a colleague's copy merged into the open review, one step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tests.fixtures.review_copies import ARCHITECT, FIRE, edit

from designreview.model.edits import ReplaceMarkup
from designreview.model.ids import MarkupId
from designreview.model.markups import LockFunction
from designreview.review_file.archive import read_review
from designreview.review_file.revisions import save_revision
from designreview.review_file.sample import sample_review_path
from designreview.ui.dialogs.merge_dialog import MergeDialog
from designreview.ui.window.commands.merge_commands import merge_inputs

DOOR, CAFETERIA = MarkupId("ap-114a"), MarkupId("c-cafeteria")


@pytest.fixture
def merging(make_window, tmp_path):
    """The sent review open and edited here; the fire marshal's copy on disk."""
    sent = save_revision(read_review(sample_review_path()), tmp_path / "sent.dreview")
    fire = edit(sent, FIRE, "2026-12-02T14:30:00+00:00", [
        ("ap-114a", {"lock": LockFunction.KEY_OUTSIDE_ONLY}),
        ("c-cafeteria", None),
    ])  # fmt: skip
    save_revision(fire, tmp_path / "fire.dreview")
    window = make_window(tmp_path / "sent.dreview")
    door = window.bridge.review.markup(DOOR)
    mine = replace(
        door, lock=LockFunction.INSIDE_LOCKABLE, modified=window.bridge.document.stamp()
    )
    window.bridge.submit(ReplaceMarkup(door, mine))
    return window, tmp_path / "fire.dreview"


def test_the_dialog_shows_both_values_and_takes_the_side_chosen(merging, qtbot):
    window, fire_path = merging
    copies, base = merge_inputs(window.context, [fire_path])
    assert base is not None
    assert base.name == "sent.dreview as saved"  # edited here, so its saved self
    dialog = MergeDialog(window.bridge, copies, base, window)
    qtbot.addWidget(dialog)
    assert dialog.conflicts.rowCount() == 1
    assert dialog.conflicts.item(0, 0).text() == "AccessPoint 114A (ap-114a)"
    assert dialog.conflicts.item(0, 2).text() == "none"  # the ancestor's lock
    combo = dialog.choice_combo(0)
    assert combo.itemText(0).startswith("sent.dreview: inside_lockable (")
    assert combo.itemText(1) == (
        "fire.dreview: key_outside_only "
        "(Pat Okafor (Fire marshal), 2026-12-02 14:30:00 UTC)"
    )
    assert combo.currentIndex() == 0
    changes = [
        dialog.changes.item(r, 1).text() for r in range(dialog.changes.rowCount())
    ]
    assert changes == ["deleted"]
    steps = window.bridge.undo_stack.count()
    combo.setCurrentIndex(1)
    dialog.accept()
    review = window.bridge.review
    assert review.markup(DOOR).lock is LockFunction.KEY_OUTSIDE_ONLY
    assert review.markup(CAFETERIA) is None
    assert window.bridge.undo_stack.count() == steps + 1
    assert window.bridge.undo_stack.undoText() == "Merge review"
    assert read_review(fire_path).lineage.revision in review.lineage.merged
    window.bridge.undo_stack.undo()
    review = window.bridge.review
    assert review.markup(DOOR).lock is LockFunction.INSIDE_LOCKABLE
    assert review.markup(CAFETERIA) is not None
    window.bridge.undo_stack.redo()
    assert window.bridge.review.markup(CAFETERIA) is None


def test_the_file_menu_merges_with_the_first_copy_kept_by_default(merging, qtbot):
    window, fire_path = merging
    window.prompts.next_merge_paths = [fire_path]

    def press_merge():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MergeDialog)
        dialog.accept()

    QTimer.singleShot(0, press_merge)
    window.actions_by_id["merge_review"].trigger()
    assert window.prompts.asked[-1] == "review_paths"
    review = window.bridge.review
    assert review.markup(DOOR).lock is LockFunction.INSIDE_LOCKABLE  # ours, first
    assert review.markup(CAFETERIA) is None  # theirs, taken


def test_a_deletion_against_an_edit_here_is_a_choice_too(merging, qtbot):
    window, fire_path = merging
    note = window.bridge.review.markup(CAFETERIA)
    edited = replace(note, text="Two refuges needed", modified=note.modified)
    window.bridge.submit(ReplaceMarkup(note, edited))
    dialog = MergeDialog(window.bridge, *merge_inputs(window.context, [fire_path]))
    qtbot.addWidget(dialog)
    rows = {dialog.conflicts.item(r, 1).text(): r for r in range(2)}
    combo = dialog.choice_combo(rows["deleted against an edit"])
    assert combo.itemText(0).startswith(
        'sent.dreview: kept, edited: text "Two refuges needed" ('
    )
    assert combo.itemText(1).startswith("fire.dreview: deleted (Pat Okafor")
    combo.setCurrentIndex(1)
    dialog.accept()
    assert window.bridge.review.markup(CAFETERIA) is None


def test_choosing_a_deletion_drops_the_conflicts_of_the_edits_it_overrules(
    merging, qtbot, tmp_path
):
    window, fire_path = merging
    sent = read_review(tmp_path / "sent.dreview")
    architect = edit(sent, ARCHITECT, "2026-12-03T11:15:00+00:00", [
        ("c-117", {"text": "Sidelites to be removed"}),
    ])  # fmt: skip
    save_revision(architect, tmp_path / "architect.dreview")
    note = window.bridge.review.markup(MarkupId("c-117"))
    mine = replace(note, text="Sidelites need film", modified=note.modified)
    window.bridge.submit(ReplaceMarkup(note, mine))
    fire = edit(read_review(fire_path), FIRE, "2026-12-02T15:00:00+00:00", [
        ("c-117", None),
    ])  # fmt: skip
    save_revision(fire, fire_path)
    paths = [fire_path, tmp_path / "architect.dreview"]
    dialog = MergeDialog(window.bridge, *merge_inputs(window.context, paths))
    qtbot.addWidget(dialog)

    def fields():
        return sorted(dialog.conflicts.item(r, 1).text() for r in range(
            dialog.conflicts.rowCount()))  # fmt: skip

    assert fields() == ["deleted against an edit", "lock", "text"]
    texts = [dialog.conflicts.item(r, 1).text() for r in range(3)]
    combo = dialog.choice_combo(texts.index("deleted against an edit"))
    deleted = next(i for i in range(combo.count()) if "deleted (" in combo.itemText(i))
    combo.setCurrentIndex(deleted)
    qtbot.waitUntil(lambda: fields() == ["deleted against an edit", "lock"])
    dialog.accept()
    assert window.bridge.review.markup(MarkupId("c-117")) is None
