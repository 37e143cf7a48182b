"""The findings dock's search box and filters: severity, check, decision, sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from designreview.model.findings import Severity
from designreview.render.finding_detail import DECISION_WORDS, OPEN, FindingFilter
from designreview.render.style import SEVERITY_STYLE
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from collections.abc import Sequence


class FindingFilterBar(QWidget):
    """What the user asks to see; ``changed`` fires on every change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            "Search findings (words in message, rule, source)"
        )
        self.search.setClearButtonEnabled(True)
        self.severity = QComboBox()
        self.rule = QComboBox()
        self.decision = QComboBox()
        self.sheet = QComboBox()
        self.severity.addItem("Any severity", None)
        for severity in sorted(Severity, key=lambda s: s.rank):
            self.severity.addItem(SEVERITY_STYLE[severity].title, severity)
        self.decision.addItem("Any decision", None)
        self.decision.addItem("Open (no decision)", OPEN)
        for kind, text in DECISION_WORDS.items():
            self.decision.addItem(text, kind.value)
        self.rule.addItem("Any check", None)
        self.sheet.addItem("Any sheet", None)
        rows = (QHBoxLayout(), QHBoxLayout())
        for n, combo in enumerate(
            (self.severity, self.rule, self.decision, self.sheet)
        ):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            # Narrow boxes, two to a row: the dock must not squeeze the plan.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            rows[n // 2].addWidget(combo)
        self.search.textChanged.connect(lambda _t: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        for row in rows:
            layout.addLayout(row)

    def current(self) -> FindingFilter:
        """The filter the boxes spell."""
        return FindingFilter(
            text=self.search.text(),
            severity=self.severity.currentData(),
            rule=self.rule.currentData(),
            decision=self.decision.currentData(),
            sheet_id=self.sheet.currentData(),
        )

    def offer(self, rules: Sequence[str], sheets: Sequence[tuple[str, str]]) -> None:
        """List these checks and sheets (name, id); a choice still listed is kept."""
        for combo, head, entries in (
            (self.rule, "Any check", [(r, r) for r in rules]),
            (self.sheet, "Any sheet", list(sheets)),
        ):
            kept = combo.currentData()
            with signals_blocked(combo):
                combo.clear()
                combo.addItem(head, None)
                for text, data in entries:
                    combo.addItem(text, data)
                index = combo.findData(kept) if kept is not None else 0
                combo.setCurrentIndex(max(index, 0))
