"""The Changes dock: what the last revision of this sheet's drawing changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from designreview.model.review import SheetRevision

NOT_REVISED = (
    "This sheet's drawing has not been replaced. File > Replace Drawing of This "
    "Sheet reads the architect's revision and lists here what changed."
)


class ChangesDock(QDockWidget):
    """The revision's changes, each zoomed to on a click, and the overlay switch."""

    zoom_requested = Signal(float, float)
    overlay_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Changes", parent)
        self.setObjectName("ChangesDock")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary = QLabel(NOT_REVISED)
        self.summary.setWordWrap(True)
        self.overlay = QCheckBox(
            "Overlay the previous drawing (red: removed, blue: added)"
        )
        self.overlay.setEnabled(False)
        self.overlay.toggled.connect(self.overlay_toggled)
        self.list = QListWidget()
        self.list.setObjectName("revision_changes")
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        layout.addWidget(self.summary)
        layout.addWidget(self.overlay)
        layout.addWidget(self.list)
        self.setWidget(body)

    def show_revision(
        self, revision: SheetRevision | None, sheet_name: str = ""
    ) -> None:
        """List ``revision``'s changes (or say the drawing was never replaced)."""
        self.list.clear()
        if revision is None:
            self.summary.setText(NOT_REVISED)
            self.overlay.setChecked(False)
            self.overlay.setEnabled(False)
            return
        self.overlay.setEnabled(True)
        flagged = len(revision.flagged)
        lost = f"; {flagged} markups lost their door or room (REV-1)" if flagged else ""
        self.summary.setText(
            f"{sheet_name}: {revision.previous_name} replaced; "
            f"{len(revision.changes)} changes{lost}."
        )
        for change in revision.changes:
            item = QListWidgetItem(change.text)
            item.setData(Qt.ItemDataRole.UserRole, change.at)
            item.setToolTip("Click to zoom to it")
            self.list.addItem(item)

    def texts(self) -> list[str]:
        """Every change listed, in order (for tests)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        at = item.data(Qt.ItemDataRole.UserRole)
        if at:
            self.zoom_requested.emit(float(at[0]), float(at[1]))
