"""A one-line text box floating over the canvas, where a note is typed as it is placed.

Enter or leaving the box hands the text over once; Esc drops it. The tool that opened
it decides what an empty text means (a comment with no words is not made).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent
    from PySide6.QtWidgets import QWidget

WIDTH_PX = 260
OFFSET_PX = QPoint(14, -10)
"""Beside the pin, so the box does not cover what the comment is about."""


class InlineTextEdit(QLineEdit):
    """Shows at a viewport position; ``finished`` carries the text, or None on Esc."""

    finished = Signal(object)  # str, or None when dropped

    def __init__(self, viewport: QWidget, at: QPoint) -> None:
        super().__init__(viewport)
        self._done = False
        self.setPlaceholderText("Type the comment, Enter to place it, Esc to drop")
        self.setFixedWidth(WIDTH_PX)
        self.move(_inside(viewport, at + OFFSET_PX, WIDTH_PX, self.sizeHint().height()))
        self.returnPressed.connect(lambda: self.finish(self.text()))
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self, text: str | None) -> None:
        """Hand the text over (None: dropped) and close; later calls do nothing."""
        if self._done:
            return
        self._done = True
        self.hide()
        self.finished.emit(text)
        self.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # its own context menu
            self.finish(self.text())


def _inside(viewport: QWidget, at: QPoint, width: int, height: int) -> QPoint:
    """``at`` moved so that a box of ``width`` x ``height`` stays in the viewport."""
    x = min(max(at.x(), 0), max(viewport.width() - width, 0))
    y = min(max(at.y(), 0), max(viewport.height() - height, 0))
    return QPoint(x, y)
