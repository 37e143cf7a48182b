"""File > Merge Review: the conflicts with every value, who and when, and a choice.

The merge itself is ``model/merge.py``; this dialog only collects a choice per
conflict, shows what the merge takes, and submits the result as one undoable edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from designreview.model.merge import AdoptMerge, Copy, MergeResult, merge_reviews
from designreview.model.merge_report import option_text, value_text, who_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.merge_items import Conflict, Option
    from designreview.ui.session.document_bridge import DocumentBridge

_ITEM, _FIELD, _BASE, _CHOICE = range(4)
_ACTIONS = {"replied": "reply added", "status": "status change added"}


class MergeDialog(QDialog):
    """Conflicts with a choice each, the changes taken, and OK to merge."""

    def __init__(
        self,
        bridge: DocumentBridge,
        copies: Sequence[Copy],
        base: Copy | None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge Review")
        self.resize(900, 560)
        self.bridge, self.copies, self.base = bridge, list(copies), base
        self.choices: dict[str, int] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.conflicts = QTableWidget(0, 4)
        self.conflicts.setHorizontalHeaderLabels(
            ["Item", "Field", "Ancestor", "Keep (value, by whom, when)"]
        )
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes = QTableWidget(0, 5)
        self.changes.setHorizontalHeaderLabels(
            ["Item", "Change", "Value", "From", "By"]
        )
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Conflicts: choose which value to keep"))
        layout.addWidget(self.conflicts, 2)
        layout.addWidget(QLabel("Changes taken from the copies"))
        layout.addWidget(self.changes, 1)
        layout.addWidget(buttons)
        self.merged = self._merge()
        self._fill()

    def choice_combo(self, row: int) -> QComboBox:
        """The choice of conflict ``row`` (for tests and keyboard users alike)."""
        combo = self.conflicts.cellWidget(row, _CHOICE)
        assert isinstance(combo, QComboBox)
        return combo

    def accept(self) -> None:
        """Merge with the choices made: one step on the undo stack."""
        self.merged = self._merge()
        self.bridge.submit(AdoptMerge(self.bridge.review, self.merged.review))
        super().accept()

    def _merge(self) -> MergeResult:
        return merge_reviews(self.copies, self.base, self.choices)

    def _fill(self) -> None:
        result, review = self.merged, self.merged.review
        against = (
            f"against their common ancestor {result.base}"
            if result.base
            else "with no common ancestor: every difference is a conflict (choose "
            "the file the copies were sent from as well, to merge three-way)"
        )
        self.summary.setText(
            f"Merging {', '.join(result.copies)} {against}. "
            f"{len(result.changes)} changes taken, {len(result.conflicts)} conflicts."
        )
        self.conflicts.setRowCount(len(result.conflicts))
        for row, conflict in enumerate(result.conflicts):
            base = value_text(conflict.base) if result.base else "(no ancestor)"
            field = conflict.field or "deleted against an edit"
            for column, text in ((_ITEM, conflict.label), (_FIELD, field),
                                 (_BASE, base)):  # fmt: skip
                self.conflicts.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox()
            for option in conflict.options:
                combo.addItem(_option_text(conflict, option, review))
            combo.setCurrentIndex(conflict.chosen)
            combo.currentIndexChanged.connect(
                lambda index, key=conflict.key: self._on_choice_changed(key, index)
            )
            self.conflicts.setCellWidget(row, _CHOICE, combo)
        self.conflicts.resizeColumnsToContents()
        self.changes.setRowCount(len(result.changes))
        for row, change in enumerate(result.changes):
            action = _ACTIONS.get(change.action, change.action)
            if change.action == "changed":
                action += f" {change.field}"
            value = value_text(change.value) if change.field else ""
            cells = (change.label, action, value, ", ".join(change.copies),
                     who_text(change.by, review))  # fmt: skip
            for column, text in enumerate(cells):
                self.changes.setItem(row, column, QTableWidgetItem(text))
        self.changes.resizeColumnsToContents()

    def _on_choice_changed(self, key: str, index: int) -> None:
        self.choices[key] = index
        before = [c.key for c in self.merged.conflicts]
        self.merged = self._merge()
        if [c.key for c in self.merged.conflicts] != before:
            # Keeping a deleted item brings its own conflicts back (or the reverse):
            # rebuild once the combo that changed has finished its signal.
            QTimer.singleShot(0, self, self._fill)


def _option_text(conflict: Conflict, option: Option, review) -> str:
    value = "deleted" if option.deleted else option_text(conflict, option)
    return f"{', '.join(option.copies)}: {value} ({who_text(option.by, review)})"
