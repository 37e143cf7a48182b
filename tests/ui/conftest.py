"""Fixtures for the window: real widgets, temporary settings, scripted answers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from designreview.ui.dialogs.prompts import DiskChoice, LockChoice, SaveChoice
from designreview.ui.window.commands import file_commands
from designreview.ui.window.main_window import MainWindow


class ScriptedPrompts:
    """Answers the session's questions as a test says, and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.save_choice = SaveChoice.DISCARD
        self.lock_choice = LockChoice.READ_ONLY
        self.disk_choice = DiskChoice.RELOAD
        self.next_save_path = None
        self.next_open_path = None
        self.next_export_path = None
        self.next_item = None
        self.next_split = None
        self.next_length = None
        self.next_merge_paths = []
        self.next_bcf_path = None
        self.next_text = None

    def unsaved_changes(self, title):
        self.asked.append(f"unsaved:{title}")
        return self.save_choice

    def locked(self, name, holder):
        self.asked.append(f"locked:{holder}")
        return self.lock_choice

    def changed_on_disk(self, name):
        self.asked.append(f"changed:{name}")
        return self.disk_choice

    def save_path(self, suggested):
        self.asked.append("save_path")
        return self.next_save_path

    def choose_item(self, title, label, items, current):
        self.asked.append(f"choose:{title}:{'|'.join(items)}")
        return self.next_item

    def ask_length(self, title, label, value_m, low_m, high_m):
        self.asked.append(f"length:{title}:{value_m}")
        return self.next_length

    def ask_text(self, title, label, text):
        self.asked.append(f"text:{title}:{text}")
        return self.next_text

    def split_drawing(self, drawing, parts, kind, checked=()):
        self.asked.append(f"split:{kind}:{'|'.join(name for name, _ in parts)}")
        self.checked = list(checked)
        return self.next_split

    def export_path(self, title, suggested, file_filter):
        self.asked.append(f"export:{title}")
        return self.next_export_path

    def open_path(self, start):
        return self.next_open_path

    def drawing_path(self, start):
        return self.next_open_path

    def bcf_path(self, start):
        self.asked.append("bcf_path")
        return self.next_bcf_path

    def review_paths(self, start):
        self.asked.append("review_paths")
        return list(self.next_merge_paths)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings, tmp_path):
    """A shown main window; fails the test if it leaves other top-level windows."""
    before = set(QApplication.topLevelWidgets())
    windows = []

    def make(path=None):
        window = MainWindow(settings, tmp_path / "autosave")
        window.prompts = ScriptedPrompts()
        window.session.prompts = window.prompts
        qtbot.addWidget(window)
        window.resize(1000, 700)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        if path is not None:
            open_and_wait(qtbot, window, path)
        return window

    yield make
    for window in windows:
        window.bridge.set_modified(False)
        window.close()
    QApplication.processEvents()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w not in before and w.isVisible() and w not in windows
    ]
    assert not leaked, f"leaked top-level widgets: {leaked}"


@pytest.fixture
def sample(make_window, qtbot):
    """A window showing the sample school review."""
    window = make_window()
    file_commands.open_sample(window.context)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    return window


def open_and_wait(qtbot, window, path):
    window.open_path(path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
