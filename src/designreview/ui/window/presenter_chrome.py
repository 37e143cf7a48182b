"""Presenter mode's window: full screen, docks and bars away, a clear indicator.

Meeting mode (:mod:`meeting_mode`) makes the marks and fonts large; this puts the
plan on the whole projector. One key (F6) brings the findings back beside it, Esc
leaves, and every dock and bar that was shown comes back as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow, QStatusBar, QWidget

INDICATOR_TEXT = "● MEETING  ·  F6: findings  ·  Esc: leave"


class PresenterChrome(QObject):
    """Hides and restores the window's docks and bars around a presentation."""

    def __init__(
        self,
        window: QMainWindow,
        status: QStatusBar,
        findings: QDockWidget,
        leave: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window, self._findings = window, findings
        self._restore: list[QWidget] = []
        self._was_full_screen = False
        self.indicator = QLabel(INDICATOR_TEXT)
        self.indicator.setObjectName("meeting_indicator")
        self.indicator.setStyleSheet(
            "QLabel { background: #b3261e; color: white; font-weight: bold;"
            " padding: 2px 10px; border-radius: 3px; }"
        )
        self.indicator.hide()
        status.addPermanentWidget(self.indicator)
        self._leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._leave.activated.connect(leave)
        self._toggle = QShortcut(QKeySequence(Qt.Key.Key_F6), window)
        self._toggle.activated.connect(self.toggle_findings)
        for shortcut in (self._leave, self._toggle):
            shortcut.setEnabled(False)

    def set_active(self, active: bool) -> None:
        """Enter or leave the presentation."""
        if active:
            self._enter()
        else:
            self._exit()

    def toggle_findings(self) -> None:
        """Show the findings beside the plan, or put them away again."""
        shown = not self._findings.isVisible()
        self._findings.setVisible(shown)
        if shown:
            self._findings.raise_()

    def _enter(self) -> None:
        window = self._window
        bars: list[QWidget] = [
            *window.findChildren(QDockWidget),
            *window.findChildren(QToolBar),
        ]
        self._restore = [w for w in bars if w.isVisible()]
        for widget in self._restore:
            widget.hide()
        self._was_full_screen = window.isFullScreen()
        window.showFullScreen()
        self.indicator.show()
        for shortcut in (self._leave, self._toggle):
            shortcut.setEnabled(True)

    def _exit(self) -> None:
        for shortcut in (self._leave, self._toggle):
            shortcut.setEnabled(False)
        self.indicator.hide()
        if not self._was_full_screen:
            self._window.showNormal()
        self._findings.hide()
        for widget in self._restore:
            widget.show()
        self._restore = []
