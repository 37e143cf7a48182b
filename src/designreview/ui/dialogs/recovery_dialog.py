"""Offering back the work of a session that crashed: restore, save as, or discard."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from designreview.review_file.autosave import Autosave, remove_autosave

if TYPE_CHECKING:
    from designreview.ui.session.review_session import ReviewSession


class RecoveryDialog(QDialog):
    """Lists autosaves left by crashed sessions, newest first, with their times."""

    def __init__(self, session: ReviewSession, entries: list[Autosave], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.session, self.entries = session, list(entries)
        self.restored = False
        self.list = QListWidget()
        intro = QLabel(
            "designreview closed unexpectedly. These reviews had changes "
            "that were not saved; their last autosave can be restored."
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton("Restore")
        self.save_as_button = QPushButton("Save As…")
        self.discard_button = QPushButton("Discard…")
        later = QPushButton("Decide Later")
        for button, role in (
            (self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.save_as_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole),
            (later, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            buttons.addButton(button, role)
        self.restore_button.clicked.connect(self.restore_selected)
        self.save_as_button.clicked.connect(self.save_selected_as)
        self.discard_button.clicked.connect(self.discard_selected)
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self._fill()

    def run(self) -> bool:
        """Show the dialog; True when a review was restored into the window."""
        self.exec()
        return self.restored

    def selected(self) -> Autosave | None:
        item = self.list.currentItem()
        return None if item is None else self.entries[self.list.row(item)]

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is not None and self.session.restore(entry):
            self.restored = True
            self.accept()

    def save_selected_as(self) -> None:
        entry = self.selected()
        if entry is None or not self.session.restore(entry):
            return
        self.restored = True
        if self.session.save_as():
            self.accept()

    def discard_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        sure = QMessageBox.warning(
            self,
            "Discard unsaved work?",
            f"The unsaved changes to {entry.title} will be deleted for good.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if sure == QMessageBox.StandardButton.Discard:
            self.discard(entry)

    def discard(self, entry: Autosave) -> None:
        remove_autosave(entry)
        self.entries.remove(entry)
        self._fill()
        if not self.entries:
            self.reject()

    def _fill(self) -> None:
        self.list.clear()
        for entry in self.entries:
            where = entry.original or "never saved"
            item = QListWidgetItem(
                f"{entry.title}\n  autosaved {_when(entry.saved_at)} — {where}"
            )
            item.setData(Qt.ItemDataRole.ToolTipRole, where)
            self.list.addItem(item)
        if self.entries:
            self.list.setCurrentRow(0)
        enabled = bool(self.entries)
        for button in (self.restore_button, self.save_as_button, self.discard_button):
            button.setEnabled(enabled)


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
