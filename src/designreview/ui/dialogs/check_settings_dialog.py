"""The check settings: every threshold with its default and its source, editable."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from designreview.analysis.rules import RULES
from designreview.analysis.rules.base import threshold_source
from designreview.model.edits import SetCheckSettings
from designreview.model.errors import FieldError
from designreview.model.review import CheckSetting
from designreview.render.thresholds import (
    format_threshold,
    parse_threshold,
    threshold_label,
    threshold_text,
)

if TYPE_CHECKING:
    from designreview.ui.session.document_bridge import DocumentBridge

_RULE, _NAME, _VALUE, _DEFAULT, _SOURCE = range(5)


def threshold_rows() -> list[tuple[str, str, float]]:
    """(rule id, parameter name, default) for every numeric threshold of every rule."""
    rows = []
    for rule_id, rule in RULES.items():
        defaults = rule.Params()
        rows += [
            (rule_id, f.name, float(getattr(defaults, f.name)))
            for f in fields(defaults)
        ]
    return rows


def flag_label(rule_id: str, name: str) -> str | None:
    """The words of a yes/no threshold ("Building sprinklered"), None for a number."""
    for item in fields(RULES[rule_id].Params()):
        if item.name == name and "flag" in item.metadata:
            return str(item.metadata["flag"])
    return None


def model_assumptions_text() -> str:
    """Each check's stated model (its ASSUMPTIONS), one line per assumption."""
    parts = []
    for rule_id, rule in RULES.items():
        lines = getattr(rule, "ASSUMPTIONS", ())
        if lines:
            parts.append(f"{rule_id} {rule.TITLE} assumes:")
            parts += [f"  • {line}" for line in lines]
    return "\n".join(parts)


class CheckSettingsDialog(QDialog):
    """A table of thresholds; OK stores the changed ones in the review (one step)."""

    def __init__(
        self, bridge: DocumentBridge, parent=None, *, imperial: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check settings")
        self.resize(900, 480)
        self.bridge = bridge
        self.imperial = imperial
        """Lengths and areas read and are typed in feet (a plan drawn in feet)."""
        current = {(s.rule_id, s.name): s.value for s in bridge.review.check_settings}
        self.rows = threshold_rows()
        self.table = QTableWidget(len(self.rows), 5)
        self.table.setHorizontalHeaderLabels(
            ["Check", "Threshold", "Value", "Default", "Source"]
        )
        for row, (rule_id, name, default) in enumerate(self.rows):
            rule = RULES[rule_id]
            value = current.get((rule_id, name), default)
            flag = flag_label(rule_id, name)
            cells = (
                f"{rule_id} {rule.TITLE}",
                flag or _unit_label(name, imperial),
                _yes_no(value) if flag else threshold_text(name, value, imperial),
                _yes_no(default) if flag else format_threshold(name, default, imperial),
                threshold_source(rule, name),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != _VALUE or flag:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == _VALUE and flag:  # a yes/no: a box to tick
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(_check(value))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Thresholds apply to this review only. "
                + (
                    "Lengths in feet and inches (or type metres, e.g. 30 m), "
                    "areas in square feet."
                    if imperial
                    else "Lengths in metres, areas in square metres."
                )
            )
        )
        layout.addWidget(self.table)
        self.assumptions = QLabel(model_assumptions_text())
        self.assumptions.setWordWrap(True)
        layout.addWidget(self.assumptions)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def set_value(self, rule_id: str, name: str, value: str) -> None:
        row = self.rows.index(next(r for r in self.rows if r[:2] == (rule_id, name)))
        self._show_value(row, float(value) if flag_label(rule_id, name) else value)

    def restore_defaults(self) -> None:
        for row, (rule_id, name, default) in enumerate(self.rows):
            flag = flag_label(rule_id, name)
            shown = threshold_text(name, default, self.imperial)
            self._show_value(row, default if flag else shown)

    def _show_value(self, row: int, value: str | float) -> None:
        item = self.table.item(row, _VALUE)
        assert item is not None
        if isinstance(value, float):  # a yes/no threshold
            item.setCheckState(_check(value))
            item.setText(_yes_no(value))
        else:
            item.setText(value)

    def settings(self) -> tuple[CheckSetting, ...] | None:
        """The thresholds that differ from the defaults; None if one is not a number."""
        changed = []
        for row, (rule_id, name, default) in enumerate(self.rows):
            item = self.table.item(row, _VALUE)
            assert item is not None
            if flag_label(rule_id, name):
                ticked = item.checkState() == Qt.CheckState.Checked
                if float(ticked) != default:
                    changed.append(CheckSetting(rule_id, name, float(ticked)))
                continue
            text = item.text()
            try:
                value = parse_threshold(name, text, self.imperial)
            except FieldError as exc:
                self.error.setText(f"{rule_id} {threshold_label(name)}: {exc}")
                return None
            # What is shown unchanged keeps the exact value (feet are rounded).
            if text == threshold_text(name, default, self.imperial):
                value = default
            if value != default:
                changed.append(CheckSetting(rule_id, name, value))
        return tuple(changed)

    def accept(self) -> None:
        settings = self.settings()
        if settings is None:
            return
        before = self.bridge.review.check_settings
        if settings != before:
            self.bridge.submit(SetCheckSettings(before, settings))
        super().accept()


def _unit_label(name: str, imperial: bool) -> str:
    """``Max walk (ft-in)``: the threshold's words and the unit the value is in."""
    if name.endswith("px_per_m"):
        unit = "px/m"
    elif name.endswith("fraction"):
        unit = "0 to 1"
    elif "m2" in name:
        unit = "sq ft" if imperial else "m²"
    elif name.endswith("_m"):
        unit = "ft-in" if imperial else "m"
    else:
        return threshold_label(name)
    return f"{threshold_label(name)} ({unit})"


def _yes_no(value: float) -> str:
    return "yes" if value else "no"


def _check(value: float) -> Qt.CheckState:
    return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
