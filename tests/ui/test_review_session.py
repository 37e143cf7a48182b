"""Saving, reopening, locks, changes by others, autosave and recovery, in the window."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.fixtures.dxf_files import rooms_dxf
from tests.fixtures.reviews import full_review
from tests.ui.conftest import open_and_wait

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId, new_id
from designreview.model.markups import Comment
from designreview.review_file import atomic_write
from designreview.review_file.archive import read_review, write_review
from designreview.review_file.autosave import find_autosaves, orphaned_autosaves
from designreview.review_file.lock_file import lock_path, read_lock
from designreview.ui.dialogs.prompts import DiskChoice, LockChoice, SaveChoice
from designreview.ui.dialogs.recovery_dialog import RecoveryDialog
from designreview.ui.window.commands import file_commands

REPO = Path(__file__).resolve().parents[2]


def add_note(window):
    """One edit: a comment on the first sheet."""
    stamp = window.bridge.document.stamp()
    sheet = window.bridge.review.sheets[0]
    note = Comment(MarkupId(new_id()), sheet.id, stamp, stamp, (1.0, 1.0), "note")
    window.bridge.submit(AddMarkup(note))


def saved_window(make_window, qtbot, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "level_1.dxf"))
    window.prompts.next_save_path = tmp_path / "school.dreview"
    assert file_commands.save(window.context)
    return window, tmp_path / "school.dreview"


def test_save_as_then_reopen_round_trips(make_window, qtbot, tmp_path):
    window, path = saved_window(make_window, qtbot, tmp_path)
    assert window.prompts.asked == ["save_path"]
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("school.dreview")
    assert read_review(path) == window.bridge.review
    assert read_lock(path).pid == os.getpid()
    other = make_window()
    open_and_wait(qtbot, other, path)  # the same process may reopen its own file
    assert other.bridge.review == window.bridge.review


def test_each_save_in_the_window_descends_from_the_one_before(
    make_window, qtbot, tmp_path
):
    window, path = saved_window(make_window, qtbot, tmp_path)
    first = read_review(path).lineage
    assert first.revision
    assert window.bridge.review.lineage == first
    assert file_commands.save(window.context)
    second = read_review(path).lineage
    assert (second.parent, second.chain) == (first.revision, (first.revision,))
    assert second.revision not in ("", first.revision)
    assert window.bridge.review.lineage == second


def test_add_sheet_switch_and_undo(make_window, qtbot, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "level_1.dxf"))
    window.add_sheet(rooms_dxf(tmp_path / "level_2.dxf", insunits=1))
    qtbot.waitUntil(lambda: len(window.bridge.review.sheets) == 2, timeout=30_000)
    qtbot.waitUntil(lambda: window.plan.source_name == "level_2.dxf", timeout=30_000)
    assert [window.sheet_combo.itemText(i) for i in range(2)] == ["level 1", "level 2"]
    window.sheets._on_combo_activated(0)
    qtbot.waitUntil(lambda: window.plan.source_name == "level_1.dxf", timeout=30_000)
    window.bridge.undo_stack.undo()
    assert len(window.bridge.review.sheets) == 1
    assert window.sheet_combo.count() == 1


def test_a_drawing_just_opened_closes_and_gives_way_without_asking(
    make_window, qtbot, tmp_path
):
    window = make_window(rooms_dxf(tmp_path / "level_1.dxf"))
    assert not window.isWindowModified()
    open_and_wait(qtbot, window, rooms_dxf(tmp_path / "level_2.dxf"))
    qtbot.waitUntil(lambda: window.session.display_name == "level_2", timeout=30_000)
    assert window.prompts.asked == []
    add_note(window)
    assert window.isWindowModified()
    assert file_commands.close_review(window.context)
    assert window.prompts.asked == ["unsaved:level_2"]


def test_close_asks_about_unsaved_changes(make_window, qtbot, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "level_1.dxf"))
    add_note(window)
    window.prompts.save_choice = SaveChoice.CANCEL
    assert not window.close()
    assert window.isVisible()
    assert window.prompts.asked == ["unsaved:level_1"]
    window.prompts.save_choice = SaveChoice.SAVE
    window.prompts.next_save_path = tmp_path / "kept.dreview"
    assert window.close()
    assert read_review(tmp_path / "kept.dreview").sheets[0].name == "level 1"
    assert not lock_path(tmp_path / "kept.dreview").exists()


def test_locked_review_opens_read_only_and_save_asks_for_a_new_name(
    make_window, qtbot, tmp_path
):
    path = tmp_path / "school.dreview"
    write_review(full_review(rooms_dxf(tmp_path / "l1.dxf").read_bytes()), path)
    lock_path(path).write_text(
        '{"user": "jnunez", "host": "architects-pc", '
        '"pid": 4242, "since": "2026-11-28T09:00:00+00:00"}'
    )
    window = make_window()
    window.prompts.lock_choice = LockChoice.READ_ONLY
    window.open_path(path)
    assert window.prompts.asked[0].startswith("locked:jnunez on architects-pc")
    assert window.session.read_only
    assert "(read-only)" in window.windowTitle()
    window.prompts.next_save_path = tmp_path / "mine.dreview"
    assert file_commands.save(window.context)
    assert window.session.path == tmp_path / "mine.dreview"
    assert read_lock(path).user == "jnunez"  # their lock is untouched


def test_locked_review_can_be_opened_as_a_copy(make_window, qtbot, tmp_path):
    path = tmp_path / "school.dreview"
    write_review(full_review(), path)
    lock_path(path).write_text('{"user": "x", "host": "h", "pid": 1, "since": "t"}')
    window = make_window()
    window.prompts.lock_choice = LockChoice.COPY
    window.open_path(path)
    assert window.session.path is None
    assert window.session.display_name == "Copy of school.dreview"
    assert window.bridge.review.markups == full_review().markups
    assert window.bridge.review.id != full_review().id


def test_change_on_disk_reload_and_keep_mine(make_window, qtbot, tmp_path):
    window, path = saved_window(make_window, qtbot, tmp_path)
    theirs = full_review(rooms_dxf(tmp_path / "other.dxf").read_bytes())
    write_review(theirs, path)
    window.prompts.disk_choice = DiskChoice.RELOAD
    window.session.check_disk()
    assert window.bridge.review == theirs
    write_review(full_review(b"third version"), path)
    window.prompts.disk_choice = DiskChoice.KEEP_MINE
    window.session.check_disk()
    assert window.bridge.review == theirs
    assert window.isWindowModified()  # saving now overwrites theirs, deliberately


def test_watcher_notices_another_program_writing(make_window, qtbot, tmp_path):
    window, path = saved_window(make_window, qtbot, tmp_path)
    window.prompts.disk_choice = DiskChoice.RELOAD
    write_review(full_review(), path)
    qtbot.waitUntil(
        lambda: any(a.startswith("changed:") for a in window.prompts.asked),
        timeout=10_000,
    )
    assert window.bridge.review == full_review()


def test_own_saves_do_not_count_as_changes_on_disk(make_window, qtbot, tmp_path):
    window, _path = saved_window(make_window, qtbot, tmp_path)
    window.bridge.set_modified(True)
    assert file_commands.save(window.context)
    qtbot.wait(600)
    assert not any(a.startswith("changed:") for a in window.prompts.asked)


def test_full_disk_keeps_the_work_and_says_so(
    make_window, qtbot, tmp_path, monkeypatch
):
    window, path = saved_window(make_window, qtbot, tmp_path)
    before = path.read_bytes()
    window.bridge.set_modified(True)

    def full(_fd, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "write", full)
    assert not file_commands.save(window.context)
    assert "disk is full" in window.error_box.text()
    window.error_box.close()
    assert window.isWindowModified()
    assert path.read_bytes() == before


def test_autosave_writes_while_modified_and_is_removed_by_save(
    make_window, qtbot, tmp_path
):
    window = make_window(rooms_dxf(tmp_path / "level_1.dxf"))
    folder = tmp_path / "autosave"
    window.session.autosave_now()
    assert find_autosaves(folder) == []  # a drawing just opened: nothing to keep
    add_note(window)
    window.session.autosave_now()
    [entry] = find_autosaves(folder)
    assert entry.load() == window.bridge.review
    window.prompts.next_save_path = tmp_path / "school.dreview"
    assert file_commands.save(window.context)
    assert find_autosaves(folder) == []


CRASHING_APP = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from designreview.ui.app import create_app
from designreview.ui.window.main_window import MainWindow
app = create_app()
settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
window = MainWindow(settings, Path(sys.argv[1]))
window.open_path(Path(sys.argv[2]))
while window.is_busy():
    app.processEvents()
from designreview.model.edits import AddMarkup
from designreview.model.markups import Comment
stamp = window.bridge.document.stamp()
sheet = window.bridge.review.sheets[0]
window.bridge.submit(AddMarkup(Comment("c-1", sheet.id, stamp, stamp, (1, 1), "note")))
window.session.autosave_now()
print("autosaved", flush=True)
import time; time.sleep(60)
"""


def test_crash_then_restart_offers_and_restores_the_work(make_window, qtbot, tmp_path):
    folder = tmp_path / "autosave"
    drawing = rooms_dxf(tmp_path / "level_1.dxf")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CRASHING_APP,
            str(folder),
            str(drawing),
            str(tmp_path / "crashed.ini"),
        ],
        stdout=subprocess.PIPE,
        cwd=REPO,
    )
    assert proc.stdout.readline().strip() == b"autosaved"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    orphans = orphaned_autosaves(folder)
    assert [entry.title for entry in orphans] == ["level_1"]
    window = make_window()
    dialog = RecoveryDialog(window.session, orphans, window)
    assert dialog.list.count() == 1
    assert "level_1" in dialog.list.item(0).text()
    dialog.restore_selected()
    assert dialog.restored
    qtbot.waitUntil(lambda: window.plan is not None, timeout=30_000)
    assert window.bridge.review.sheets[0].name == "level 1"
    assert window.isWindowModified()
    assert orphaned_autosaves(folder) == []
    assert len(find_autosaves(folder)) == 1  # now this session's own, kept until saved


def test_discarding_in_the_recovery_dialog_removes_only_that_autosave(
    make_window, qtbot, tmp_path
):
    from designreview.review_file.autosave import write_autosave

    folder = tmp_path / "autosave"
    entry = write_autosave(
        folder, full_review(), None, "old work", "2026-11-28T08:00:00"
    )
    window = make_window()
    dialog = RecoveryDialog(window.session, [entry], window)
    dialog.discard(entry)
    assert find_autosaves(folder) == []
    assert not dialog.restored


def test_close_review_empties_the_window_but_keeps_it_open(
    make_window, qtbot, tmp_path
):
    window, path = saved_window(make_window, qtbot, tmp_path)
    assert file_commands.close_review(window.context)
    assert window.plan is None
    assert window.bridge.review.sheets == ()
    assert window.layers_dock.tree.topLevelItemCount() == 0
    assert window.sheet_combo.count() == 0
    assert not lock_path(path).exists()
    assert window.windowTitle().startswith("Untitled review")
