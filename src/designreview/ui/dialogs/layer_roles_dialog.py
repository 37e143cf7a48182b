"""Correcting what each drawing layer holds and how doors are found in it.

The choices are kept with the sheet: a layer's role, and the ways of finding doors
(block, arc, line across an opening, leaf line, gap) switched off for a drawing
where one of them takes things that are no doors for doors.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from designreview.model.building import DoorMethod
from designreview.model.edits import ReplaceSheet
from designreview.model.plan import LayerCategory
from designreview.model.review import LayerOverride

if TYPE_CHECKING:
    from designreview.model.plan import Plan
    from designreview.model.review import Sheet
    from designreview.ui.session.document_bridge import DocumentBridge

_NAME, _ROLE, _COUNT = range(3)


class LayerRolesDialog(QDialog):
    """One row per layer: its role (editable) and size; picking a row highlights it."""

    layer_highlighted = Signal(str)

    def __init__(
        self, bridge: DocumentBridge, sheet: Sheet, plan: Plan, parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Layer roles — {sheet.name}")
        self.resize(560, 520)
        self.bridge, self.sheet, self.plan = bridge, sheet, plan
        self.table = QTableWidget(len(plan.layers), 3)
        self.table.setHorizontalHeaderLabels(["Layer", "Holds", "Entities"])
        self.combos: dict[str, QComboBox] = {}
        self.shown = {info.name: info.category for info in plan.layers}
        for row, info in enumerate(plan.layers):
            self.table.setItem(row, _NAME, QTableWidgetItem(info.name))
            combo = QComboBox()
            for category in LayerCategory:
                combo.addItem(category.value, category)
            combo.setCurrentIndex(combo.findData(info.category))
            self.table.setCellWidget(row, _ROLE, combo)
            count = QTableWidgetItem(str(info.entity_count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight)
            self.table.setItem(row, _COUNT, count)
            self.combos[info.name] = combo
        self.table.resizeColumnsToContents()
        self.table.currentCellChanged.connect(self._on_table_current_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Walls and columns block sight and walking; windows "
                "are seen through; doors are detected from their "
                "layer. The choice is saved with this sheet."
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(self._methods_box())
        layout.addWidget(buttons)

    def _methods_box(self) -> QGroupBox:
        """One check box per way of finding doors, with how many it found."""
        box = QGroupBox("Find doors drawn as")
        row = QHBoxLayout(box)
        found = dict(self.plan.counts.doors_by_method)
        self.methods: dict[DoorMethod, QCheckBox] = {}
        for method in DoorMethod:
            check = QCheckBox(f"{method.label} ({found.get(method.value, 0)})")
            check.setChecked(method not in self.sheet.door_methods_off)
            row.addWidget(check)
            self.methods[method] = check
        return box

    def methods_off(self) -> tuple[DoorMethod, ...]:
        """The ways of finding doors left unchecked, in the list's order."""
        return tuple(m for m, check in self.methods.items() if not check.isChecked())

    def set_role(self, layer: str, category: LayerCategory) -> None:
        combo = self.combos[layer]
        combo.setCurrentIndex(combo.findData(category))

    def overrides(self) -> tuple[LayerOverride, ...]:
        """The sheet's corrections: the rows changed here, and the earlier ones.

        A row is compared with what the list showed, not with the rules: a layer
        whose outlines became rooms shows ``room`` without a correction, and
        choosing ``other`` for it must be kept.
        """
        before = {o.layer: o for o in self.sheet.layer_overrides}
        chosen = []
        for name, combo in self.combos.items():
            category = combo.currentData()
            if category is not self.shown[name]:
                chosen.append(LayerOverride(name, category))
            elif name in before:
                chosen.append(before[name])
        return tuple(sorted(chosen, key=lambda o: o.layer))

    def accept(self) -> None:
        after = replace(
            self.sheet,
            layer_overrides=self.overrides(),
            door_methods_off=self.methods_off(),
        )
        if after != self.sheet:
            self.bridge.submit(
                ReplaceSheet(self.sheet, after, f"Layer roles of {self.sheet.name}")
            )
        super().accept()

    def _on_table_current_changed(self, row: int, *_args: int) -> None:
        item = self.table.item(row, _NAME)
        if item is not None:
            self.layer_highlighted.emit(item.text())
