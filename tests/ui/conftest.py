"""Fixtures for the window: real widgets, temporary settings, no leaked windows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from designreview.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    """A shown main window; fails the test if it leaves other top-level windows."""
    before = set(QApplication.topLevelWidgets())
    windows = []

    def make(path=None):
        window = MainWindow(settings)
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
        window.close()
    QApplication.processEvents()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w not in before and w.isVisible() and w not in windows
    ]
    assert not leaked, f"leaked top-level widgets: {leaked}"


def open_and_wait(qtbot, window, path):
    window.open_path(path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
