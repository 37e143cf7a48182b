"""Who is speaking: the current reviewer, whose name every change records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from designreview.model.ids import ReviewerId
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from designreview.ui.session.document_bridge import DocumentBridge


class ReviewerBar(QToolBar):
    """A combo of the roster; choosing a name makes that person the author of edits."""

    manage_requested = Signal()

    def __init__(self, bridge: DocumentBridge, parent=None) -> None:
        super().__init__("Reviewer", parent)
        self.setObjectName("ReviewerToolBar")
        self.bridge = bridge
        self.addWidget(QLabel(" Reviewer: "))
        self.combo = QComboBox()
        self.combo.setMinimumWidth(220)
        self.combo.activated.connect(self._on_combo_activated)
        self.addWidget(self.combo)
        self.addAction("Reviewers…", self.manage_requested.emit)
        bridge.changed.connect(
            lambda changes, _i: (
                self.refresh() if changes.reviewers or changes.everything else None
            )
        )
        self.refresh()

    def refresh(self) -> None:
        reviewers = self.bridge.review.reviewers
        current = self.bridge.document.reviewer_id
        if reviewers and current not in {r.id for r in reviewers}:
            current = reviewers[0].id
            self.bridge.document.reviewer_id = current
        with signals_blocked(self.combo):
            self.combo.clear()
            for reviewer in reviewers:
                agency = f" ({reviewer.agency})" if reviewer.agency else ""
                self.combo.addItem(f"{reviewer.name}{agency}", reviewer.id)
            if not reviewers:
                self.combo.addItem("No reviewers yet — add them", "")
            self.combo.setCurrentIndex(max(self.combo.findData(current), 0))

    def _on_combo_activated(self, index: int) -> None:
        reviewer_id = self.combo.itemData(index)
        if reviewer_id:
            self.bridge.document.reviewer_id = ReviewerId(reviewer_id)
