"""The findings dock: findings by severity and rule, with the decisions taken.

Findings of one rule that say the same thing about different subjects are one
expandable row ("4 alike: Door 114A, ..."); each member stays a row of its own to
select, zoom to and decide on.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designreview.analysis.rules import RULES
from designreview.model.edits import SetDecision
from designreview.model.findings import Finding, Severity
from designreview.model.review import Decision, DecisionKind
from designreview.render.finding_detail import DECISION_WORDS
from designreview.render.finding_groups import group_findings
from designreview.render.style import SEVERITY_STYLE
from designreview.ui.docks.finding_detail_pane import FindingDetailPane
from designreview.ui.docks.finding_filter_bar import FindingFilterBar
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.analysis.run import CheckResult
    from designreview.model.plan import Plan
    from designreview.render.finding_detail import FindingFilter
    from designreview.ui.session.document_bridge import DocumentBridge

DECISION_TEXT = DECISION_WORDS
_KEY = Qt.ItemDataRole.UserRole
NOT_CURRENT = "Not current (checks cancelled; F9 checks again):"


class FindingsDock(QDockWidget):
    """Shows the latest check result; reviewers record their decision per finding."""

    finding_selected = Signal(object)  # Finding or None
    subject_chosen = Signal(str)  # a markup id, from the detail pane's links
    export_requested = Signal(object)  # the keys of the findings shown

    def __init__(self, bridge: DocumentBridge, parent=None) -> None:
        super().__init__("Findings", parent)
        self.setObjectName("FindingsDock")
        self.bridge = bridge
        self.findings: dict[str, Finding] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Finding", "Decision"])
        self.tree.setColumnWidth(0, 300)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.summary = QLabel("Checks have not run yet.")
        self.summary.setWordWrap(True)
        self.plan_of: Callable[[str], Plan | None] = lambda _sheet_id: None
        """The plan of a sheet, to name a finding's doors and rooms (set by the
        presenter; None names them by id)."""
        self.filters = FindingFilterBar()
        self.filters.changed.connect(self.apply_filter)
        # The boxes by their old names, for the tests and the presenter.
        self.search = self.filters.search
        self.severity_filter, self.rule_filter = (
            self.filters.severity,
            self.filters.rule,
        )
        self.decision_filter, self.sheet_filter = (
            self.filters.decision,
            self.filters.sheet,
        )
        self.detail = FindingDetailPane()
        self.detail.subject_chosen.connect(self.subject_chosen)
        self.export_button = QPushButton("Export Shown…")
        self.export_button.setToolTip(
            "Write the findings shown (after search and filters) as CSV"
        )
        self.export_button.clicked.connect(
            lambda _checked=False: self.export_requested.emit(self.shown_keys())
        )
        buttons = QHBoxLayout()
        self.decision_buttons = {}
        for kind, text in (
            (DecisionKind.ACCEPT, "Accept"),
            (DecisionKind.WILL_FIX, "Will Fix"),
            (DecisionKind.DISMISS, "Dismiss…"),
        ):
            button = QPushButton(text)
            button.clicked.connect(partial(self._on_decision_clicked, kind))
            buttons.addWidget(button)
            self.decision_buttons[kind] = button
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.filters)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._enable_decisions(None)
        bridge.changed.connect(self._on_bridge_changed)

    def show_result(self, result: CheckResult) -> None:
        current = self.current()
        self.findings = {f.key: f for f in result.findings}
        counts = ", ".join(
            f"{result.count(s)} {SEVERITY_STYLE[s].title.lower()}"
            for s in Severity
            if result.count(s)
        )
        self.summary.setText(
            f"{len(result.findings)} findings: {counts}"
            if result.findings
            else "No findings: every check passed."
        )
        with signals_blocked(self.tree):
            self.tree.clear()
            for severity in sorted(Severity, key=lambda s: s.rank):
                self._add_group(
                    severity, [f for f in result.findings if f.severity is severity]
                )
        self._fill_choices(result)
        self.apply_filter()
        if current is not None and current.key in self.findings:
            with signals_blocked(self.tree):  # kept, not chosen again: no zoom
                self.select(current.key)
        self._enable_decisions(self.current())
        self._show_detail(self.current())

    def clear(self, text: str = "Checks have not run yet.") -> None:
        """List no findings (a review was closed or another opened)."""
        self.findings = {}
        self.summary.setText(text)
        with signals_blocked(self.tree):
            self.tree.clear()
        self._enable_decisions(None)

    def clear_selection(self) -> None:
        """Select no finding; its marker goes and the view stays where it is."""
        if self.tree.currentItem() is not None:
            self.tree.setCurrentIndex(QModelIndex())
        self.tree.clearSelection()

    def mark_not_current(self) -> None:
        """Say that the findings listed are from before the last edits."""
        text = self.summary.text()
        if not text.startswith(NOT_CURRENT):
            self.summary.setText(f"{NOT_CURRENT} {text}")

    def is_current(self) -> bool:
        return not self.summary.text().startswith(NOT_CURRENT)

    def current(self) -> Finding | None:
        item = self.tree.currentItem()
        key = item.data(0, _KEY) if item is not None else None
        return self.findings.get(key) if key else None

    def select(self, key: str) -> None:
        item = self._item_for(key)
        if item is not None:
            parent = item.parent()
            while parent is not None:  # a member of a collapsed group
                parent.setExpanded(True)
                parent = parent.parent()
            self.tree.setCurrentItem(item)

    def ordered_keys(self) -> list[str]:
        """The findings in the order the dock lists them."""
        return [item.data(0, _KEY) for item in self._finding_items()]

    def decide(self, kind: DecisionKind, reason: str = "", owner: str = "") -> None:
        """Record ``kind`` for the current finding (one undoable step)."""
        finding = self.current()
        if finding is None:
            return
        after = Decision(finding.key, kind, self.bridge.document.stamp(), reason, owner)
        label = f"{DECISION_TEXT[kind]}: {finding.rule}"
        self.bridge.submit(
            SetDecision.of(self.bridge.review, finding.key, after, label)
        )

    def _add_group(self, severity: Severity, findings: list[Finding]) -> None:
        if not findings:
            return
        group = QTreeWidgetItem([f"{SEVERITY_STYLE[severity].title} ({len(findings)})"])
        self.tree.addTopLevelItem(group)
        for rule_id in sorted({f.rule for f in findings}):
            mine = [f for f in findings if f.rule == rule_id]
            title = getattr(RULES.get(rule_id), "TITLE", "")
            rule = QTreeWidgetItem([f"{rule_id} {title} ({len(mine)})"])
            group.addChild(rule)
            for alike in group_findings(mine):
                parent = rule
                if alike.is_group:
                    parent = QTreeWidgetItem([f"{alike.title}: {alike.summary}"])
                    parent.setToolTip(0, f"{alike.title}\n\n{alike.summary}")
                    rule.addChild(parent)
                for finding in alike.findings:
                    parent.addChild(self._finding_item(finding))
        group.setExpanded(True)
        for rule_item in _children(group):
            rule_item.setExpanded(severity is not Severity.INFO)

    def _finding_item(self, finding: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([finding.message, self._decision_text(finding)])
        item.setData(0, _KEY, finding.key)
        item.setToolTip(0, f"{finding.message}\n\nSource: {finding.citation}")
        return item

    def _decision_text(self, finding: Finding) -> str:
        """Every agency's decision on ``finding``, side by side, joined by ``;``."""
        review = self.bridge.review
        parts = []
        for decision in review.decisions:
            if decision.finding_key != finding.key:
                continue
            reviewer = review.reviewer(decision.by.reviewer_id)
            who = ""
            if reviewer is not None:
                agency = f", {reviewer.agency}" if reviewer.agency else ""
                who = f" — {reviewer.name}{agency}"
            why = f": {decision.reason}" if decision.reason else ""
            parts.append(f"{DECISION_TEXT[decision.kind]}{why}{who}")
        return "; ".join(parts)

    def _item_for(self, key: str) -> QTreeWidgetItem | None:
        return next((i for i in self._finding_items() if i.data(0, _KEY) == key), None)

    def _finding_items(self) -> list[QTreeWidgetItem]:
        """Every finding row, in display order (severities, rules, findings alike)."""
        found: list[QTreeWidgetItem] = []
        todo = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while todo:
            item = todo.pop(0)
            if item is None:
                continue
            if item.data(0, _KEY):
                found.append(item)
            todo[:0] = _children(item)
        return found

    def _on_tree_current_changed(self, current, _previous) -> None:
        finding = self.current()
        self._enable_decisions(finding)
        self._show_detail(finding)
        self.finding_selected.emit(finding)

    # -- search, filters and the detail pane ----------------------------------
    def current_filter(self) -> FindingFilter:
        """What the search box and the filter boxes ask for."""
        return self.filters.current()

    def apply_filter(self) -> None:
        """Hide the findings the filter drops, and groups left empty."""
        chosen = self.current_filter()
        shown = 0
        for item in self._finding_items():
            finding = self.findings.get(item.data(0, _KEY))
            keep = finding is not None and chosen.keeps(finding, self._decided(finding))
            item.setHidden(not keep)
            shown += keep
        for i in range(self.tree.topLevelItemCount()):
            _hide_empty(self.tree.topLevelItem(i))
        total = len(self.findings)
        self.export_button.setEnabled(shown > 0)
        if total and shown < total:
            self.tree.setHeaderLabels(
                [f"Finding ({shown} of {total} shown)", "Decision"]
            )
        else:
            self.tree.setHeaderLabels(["Finding", "Decision"])

    def shown_keys(self) -> list[str]:
        """The keys of the findings the filter shows, in the dock's order."""
        return [i.data(0, _KEY) for i in self._finding_items() if not i.isHidden()]

    def _decided(self, finding: Finding) -> frozenset[str]:
        return frozenset(
            d.kind.value
            for d in self.bridge.review.decisions
            if d.finding_key == finding.key
        )

    def _fill_choices(self, result: CheckResult) -> None:
        """The rule and sheet boxes list what the result holds; choices are kept."""
        sheets = [(s.name, str(s.id)) for s in self.bridge.review.sheets]
        self.filters.offer(sorted({f.rule for f in result.findings}), sheets)

    def _show_detail(self, finding: Finding | None) -> None:
        self.detail.show_finding(finding, self.bridge.review, self.plan_of)

    def _enable_decisions(self, finding: Finding | None) -> None:
        for button in self.decision_buttons.values():
            button.setEnabled(finding is not None)

    def _on_decision_clicked(self, kind: DecisionKind, _checked: bool = False) -> None:
        reason = ""
        if kind is DecisionKind.DISMISS:
            reason, ok = QInputDialog.getText(
                self, "Dismiss finding", "Why is this finding dismissed?"
            )
            if not ok or not reason.strip():
                return
        self.decide(kind, reason.strip())

    def _on_bridge_changed(self, changes, _initiator) -> None:
        if changes.decisions or changes.reviewers or changes.everything:
            for key in self.findings:
                item = self._item_for(key)
                if item is not None:
                    item.setText(1, self._decision_text(self.findings[key]))
            self.apply_filter()
            self._show_detail(self.current())


def _children(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
    if item is None:
        return []
    found = (item.child(i) for i in range(item.childCount()))
    return [child for child in found if child is not None]


def _hide_empty(item: QTreeWidgetItem | None) -> bool:
    """Hide a group whose findings are all hidden; True when something shows."""
    if item is None:
        return False
    if item.data(0, _KEY):
        return not item.isHidden()
    shows = False
    for child in _children(item):
        shows = _hide_empty(child) or shows
    item.setHidden(not shows)
    return shows
