"""The reviewer roster: who takes part, for which agency and role, their e-mail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from designreview.model.edits import Batch, Edit, RemoveReviewer, SetReviewer
from designreview.model.ids import ReviewerId, new_id
from designreview.model.review import Reviewer

if TYPE_CHECKING:
    from designreview.ui.session.document_bridge import DocumentBridge

_NAME, _AGENCY, _ROLE, _EMAIL = range(4)


def roster_edits(old: tuple[Reviewer, ...], new: list[Reviewer]) -> list[Edit]:
    """The edits that turn roster ``old`` into ``new`` (matched by id)."""
    before = {r.id: r for r in old}
    after_ids = {r.id for r in new}
    # Last first, each with its place, so that undo (the inverses in reverse) puts
    # every reviewer back where they were on the roster.
    edits: list[Edit] = [
        RemoveReviewer(r, index=i)
        for i, r in reversed(list(enumerate(old)))
        if r.id not in after_ids
    ]
    for reviewer in new:
        previous = before.get(reviewer.id)
        if previous != reviewer:
            edits.append(SetReviewer(previous, reviewer))
    return edits


class ReviewersDialog(QDialog):
    """Edit the roster in a table; OK applies every change as one undo step."""

    def __init__(self, bridge: DocumentBridge, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reviewers")
        self.resize(760, 320)
        self.bridge = bridge
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Name", "Agency", "Role", "E-mail"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self._ids: list[ReviewerId] = []
        for reviewer in bridge.review.reviewers:
            self.add_row(reviewer)
        add, remove = QPushButton("Add Reviewer"), QPushButton("Remove")
        add.clicked.connect(lambda: self.add_row(None))
        remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def add_row(self, reviewer: Reviewer | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(reviewer.id if reviewer else ReviewerId(new_id()))
        values = (
            (reviewer.name, reviewer.agency, reviewer.role, reviewer.email)
            if reviewer
            else ("", "", "", "")
        )
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        return row

    def remove_selected(self) -> None:
        for row in sorted(
            {i.row() for i in self.table.selectedIndexes()}, reverse=True
        ):
            self.table.removeRow(row)
            del self._ids[row]

    def roster(self) -> list[Reviewer]:
        """The reviewers as the table shows them (rows without a name are dropped)."""
        people = []
        for row, reviewer_id in enumerate(self._ids):
            name, agency, role, email = (
                self._text(row, c) for c in (_NAME, _AGENCY, _ROLE, _EMAIL)
            )
            if name:
                people.append(Reviewer(reviewer_id, name, agency, role, email))
        return people

    def accept(self) -> None:
        edits = roster_edits(self.bridge.review.reviewers, self.roster())
        if edits:
            self.bridge.submit(Batch(tuple(edits), "Edit reviewers"))
        super().accept()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""
