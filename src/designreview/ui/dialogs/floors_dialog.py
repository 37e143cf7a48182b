"""Floors of a drawing being added: which become sheets, and under what names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


class FloorsDialog(QDialog):
    """A checkable, renamable list of a drawing's floors (or layouts) to split into."""

    def __init__(
        self,
        drawing: str,
        parts: Sequence[tuple[str, str]],
        kind: str = "floors",
        parent: QWidget | None = None,
        checked: Sequence[bool] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Floors — {drawing}")
        self._names = [name for name, _detail in parts]
        where = {
            "floors": " side by side",
            "layouts": " in its paper-space layouts",
        }.get(kind, "")
        unticked = (
            " Storeys without doors (foundation or roof levels) are not ticked."
            if kind == "storeys"
            else ""
        )
        intro = QLabel(
            f"{drawing} holds {len(parts)} {kind}{where}. Each checked one becomes "
            "a sheet of its own, so every check sees one floor. Double-click a name "
            f"to change it.{unticked}"
        )
        intro.setWordWrap(True)
        self.parts = QListWidget()
        ticks = list(checked) + [True] * (len(parts) - len(checked))
        for (name, detail), tick in zip(parts, ticks, strict=True):
            item = QListWidgetItem(name)
            item.setFlags(
                item.flags()
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEditable
            )
            item.setCheckState(
                Qt.CheckState.Checked if tick else Qt.CheckState.Unchecked
            )
            item.setToolTip(detail)
            self.parts.addItem(item)
        buttons = QDialogButtonBox()
        self.split_button = QPushButton(f"One Sheet per {kind[:-1].title()}")
        self.whole_button = QPushButton(
            "Ground Floor Only" if kind == "storeys" else "One Sheet for All"
        )
        buttons.addButton(self.split_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.whole_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.parts.itemChanged.connect(self._on_parts_item_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.parts)
        layout.addWidget(buttons)

    def chosen(self) -> list[tuple[int, str]]:
        """The checked parts, in order, as (index, name); a blank name is undone."""
        chosen = []
        for row in range(self.parts.count()):
            item = self.parts.item(row)
            if item.checkState() is Qt.CheckState.Checked:
                chosen.append((row, item.text().strip() or self._names[row]))
        return chosen

    def _on_parts_item_changed(self, _item: QListWidgetItem) -> None:
        self.split_button.setEnabled(bool(self.chosen()))
