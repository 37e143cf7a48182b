"""Help > Keyboard Shortcuts: every key the window answers, searchable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from PySide6.QtGui import QAction

Row = tuple[str, str, str]
"""What it does, its keys, where it lives (a menu, the tools, the plan)."""

PLAN_GESTURES: tuple[Row, ...] = (
    ("Pan the plan", "Space + drag, or middle button drag", "Plan"),
    ("Pan the plan by a step", "Arrow keys", "Plan"),
    ("Zoom at the cursor", "Mouse wheel", "Plan"),
    ("Add to or take from the selection", "Shift+click or Ctrl+click", "Plan"),
    ("Select in a box", "Drag on empty plan (Select tool)", "Plan"),
    ("Menu of what is under the cursor", "Right-click", "Plan"),
    ("Cancel the tool's drawing; clear the finding shown", "Esc", "Plan"),
    ("Place freely, without snapping, while held", "Alt", "Plan"),
    ("Show or hide the findings beside the plan", "F6", "Meeting mode"),
    ("Leave meeting mode", "Esc", "Meeting mode"),
)
"""The plan's own keys and gestures: no menu lists them."""


def shortcut_rows(
    menu_actions: Iterable[tuple[str, QAction]], tool_actions: Iterable[QAction]
) -> list[Row]:
    """Every command with a key: the menus', the tools', then the plan's gestures.

    ``menu_actions`` are (menu title, action) pairs.
    """
    rows: list[Row] = []
    for menu, action in menu_actions:
        keys = _keys(action)
        if keys:
            rows.append((_plain(action.text()), keys, _plain(menu)))
    for action in tool_actions:
        keys = _keys(action)
        if keys:
            rows.append((_plain(action.text()) + " tool", keys, "Tools"))
    return [*rows, *PLAN_GESTURES]


def _keys(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(k.toString(native) for k in action.shortcuts() if not k.isEmpty())


def _plain(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


class ShortcutsDialog(QDialog):
    """A table of commands and their keys with a search box above it."""

    def __init__(self, rows: Sequence[Row], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(640, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search commands and keys")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Command", "Keys", "Where"])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def shown_commands(self) -> list[str]:
        """The commands the search leaves shown, in order."""
        return [
            self.table.item(row, 0).text()  # type: ignore[union-attr]
            for row in range(self.table.rowCount())
            if not self.table.isRowHidden(row)
        ]

    def _on_search_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.table.rowCount()):
            cells = " ".join(
                self.table.item(row, c).text()  # type: ignore[union-attr]
                for c in range(3)
            ).casefold()
            self.table.setRowHidden(row, not all(w in cells for w in words))
