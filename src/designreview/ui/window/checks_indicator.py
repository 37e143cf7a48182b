"""The status bar's "Checking…" mark: shown while the checks rerun after an edit.

Most reruns take a fraction of a second, so at first it is only a word; a run that
lasts longer also says where it is (which check, on which sheet, how far) and offers
a Cancel button, since only a long run is worth stopping.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

CHECKING = "Checking…"
LONG_RUN_MS = 700
"""After this long a run shows its progress and the Cancel button."""


class ChecksIndicator(QWidget):
    """A small "Checking…" word, with progress and Cancel for long runs.

    The word's place is kept while no check runs, so the status bar's other widgets
    do not jump aside at every edit.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChecksIndicator")
        self.label = QLabel(CHECKING)
        self.label.setToolTip("The checks are running again after the last edit.")
        self.label.setFixedWidth(self.label.sizeHint().width())
        self.detail = QLabel("")
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip(
            "Stop these checks; the findings from before stay shown, marked as not "
            "current, until the next edit or Run Checks Now (F9)."
        )
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.detail, self.cancel_button):
            layout.addWidget(widget)
        self._doing = ""
        self._share = 0.0
        self._long = QTimer(self)
        self._long.setSingleShot(True)
        self._long.setInterval(LONG_RUN_MS)
        self._long.timeout.connect(self._on_long_timeout)
        self.set_busy(False)

    def is_checking(self) -> bool:
        """Whether it says "Checking…"."""
        return bool(self.label.text())

    def is_long(self) -> bool:
        """Whether the run has lasted long enough to show where it is."""
        return self.cancel_button.isVisibleTo(self)

    def set_busy(self, busy: bool) -> None:
        self.label.setText(CHECKING if busy else "")
        self.detail.setText("")
        self.detail.setVisible(False)
        self.cancel_button.setVisible(False)
        self._doing, self._share = "", 0.0
        if busy:
            self._long.start()
        else:
            self._long.stop()

    def set_progress(self, share: float, doing: str) -> None:
        """Where the run is; shown once the run is a long one."""
        self._doing, self._share = doing, share
        if self.is_long():
            self._show_progress()

    def _on_long_timeout(self) -> None:
        self.detail.setVisible(True)
        self.cancel_button.setVisible(True)
        self._show_progress()

    def _show_progress(self) -> None:
        self.detail.setText(f"{self._doing}, {self._share:.0%}" if self._doing else "")
