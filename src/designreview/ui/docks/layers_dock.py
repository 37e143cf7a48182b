"""The layers dock: every drawing layer with its type and size, and a visibility box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from designreview.model.plan import Plan

_NAME, _TYPE, _COUNT = range(3)


class LayersDock(QDockWidget):
    """Lists the plan's layers; ticking a box shows or hides that layer."""

    visibility_changed = Signal(str, bool)
    sensitive_changed = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__("Layers", parent)
        self.setObjectName("LayersDock")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Layer", "Type", "Entities"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSortingEnabled(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu)
        self._sensitive: set[str] = set()
        show_all, hide_all = QPushButton("Show all"), QPushButton("Hide all")
        show_all.clicked.connect(lambda: self.set_all_visible(True))
        hide_all.clicked.connect(lambda: self.set_all_visible(False))
        buttons = QHBoxLayout()
        buttons.addWidget(show_all)
        buttons.addWidget(hide_all)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.setWidget(body)

    def set_plan(self, plan: Plan) -> None:
        with signals_blocked(self.tree):
            self.tree.clear()
            for info in plan.layers:
                item = QTreeWidgetItem([info.name, info.category.value, ""])
                item.setData(_COUNT, Qt.ItemDataRole.DisplayRole, info.entity_count)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = (
                    Qt.CheckState.Checked
                    if info.is_visible
                    else Qt.CheckState.Unchecked
                )
                item.setCheckState(_NAME, state)
                self.tree.addTopLevelItem(item)
            self.tree.sortItems(_NAME, Qt.SortOrder.AscendingOrder)
            for column in (_NAME, _TYPE, _COUNT):
                self.tree.resizeColumnToContents(column)

    def set_sensitive(self, layers: tuple[str, ...]) -> None:
        """Mark the layers hidden in meeting mode."""
        self._sensitive = set(layers)
        with signals_blocked(self.tree):
            for index in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(index)
                if item is None:
                    continue
                category = item.data(_TYPE, Qt.ItemDataRole.UserRole) or item.text(
                    _TYPE
                )
                item.setData(_TYPE, Qt.ItemDataRole.UserRole, category)
                sensitive = item.text(_NAME) in self._sensitive
                item.setText(
                    _TYPE, f"{category} · sensitive" if sensitive else category
                )

    def _on_tree_context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        layer = item.text(_NAME)
        menu = QMenu(self)
        action = menu.addAction("Sensitive (hidden in meeting mode)")
        action.setCheckable(True)
        action.setChecked(layer in self._sensitive)
        action.toggled.connect(lambda on: self.sensitive_changed.emit(layer, on))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def clear(self) -> None:
        with signals_blocked(self.tree):
            self.tree.clear()

    def item_for(self, layer: str) -> QTreeWidgetItem | None:
        matches = self.tree.findItems(layer, Qt.MatchFlag.MatchExactly, _NAME)
        return matches[0] if matches else None

    def set_all_visible(self, visible: bool) -> None:
        state = Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None:
                item.setCheckState(_NAME, state)

    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == _NAME:
            visible = item.checkState(_NAME) == Qt.CheckState.Checked
            self.visibility_changed.emit(item.text(_NAME), visible)
