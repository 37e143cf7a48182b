"""The markups dock: every markup in a table to filter, sort, select and number.

The table follows the review through the bridge's change sets and mirrors the shared
selection both ways. Door numbering is one undoable batch of edits; the numbering
rule itself is :func:`designreview.render.markup_text.number_doors`.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designreview.model.edits import Batch, ReplaceMarkup
from designreview.model.markups import AccessPoint
from designreview.render.door_numbers import number_doors
from designreview.ui.presenters.markup_rows import (
    ID_ROLE,
    Column,
    MarkupFilterProxy,
    MarkupTableModel,
)
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from designreview.model.changes import ChangeSet
    from designreview.model.markups import Markup
    from designreview.ui.selection import Selection
    from designreview.ui.session.document_bridge import DocumentBridge

ALL = "All"
_FILTER_COLUMNS = (Column.TYPE, Column.AUTHOR, Column.AGENCY, Column.STATUS)
_SELECT_ROWS = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect
    | QItemSelectionModel.SelectionFlag.Rows
)


class MarkupsDock(QDockWidget):
    """Lists every markup with filters and sorting; numbers doors in sequence."""

    zoom_requested = Signal(str)  # markup id

    def __init__(
        self, bridge: DocumentBridge, selection: Selection, parent=None
    ) -> None:
        super().__init__("Markups", parent)
        self.setObjectName("MarkupsDock")
        self._bridge, self._selection = bridge, selection
        self._quiet = False
        self.table_model = MarkupTableModel(self)
        self.proxy = MarkupFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.view = self._make_view()
        self.filter_combos = {column: QComboBox() for column in _FILTER_COLUMNS}
        self.type_combo = self.filter_combos[Column.TYPE]
        self.author_combo = self.filter_combos[Column.AUTHOR]
        self.agency_combo = self.filter_combos[Column.AGENCY]
        self.status_combo = self.filter_combos[Column.STATUS]
        self.search_edit = QLineEdit(
            placeholderText="Search markups", clearButtonEnabled=True
        )
        self.count_label = QLabel()
        self.prefix_edit = QLineEdit("D-", maxLength=12)
        self.prefix_edit.setMaximumWidth(64)
        self.prefix_edit.setToolTip("Door number prefix")
        self.number_doors_action = QAction("Number doors", self)
        self.number_doors_action.setToolTip(
            "Number the selected doors (every listed door when no row is selected)"
            " in table order, as one undo step"
        )
        self._lay_out()
        self._connect()
        self.reload()

    def reload(self) -> None:
        """Rebuild every row from the bridge's review."""
        with self._quietly():
            self.table_model.reset(self._bridge.review)
            self._fill_filters()
            self._show_selection(self._selection.ids)
        self.view.resizeColumnsToContents()
        self._update_counts()

    def selected_ids(self) -> tuple[str, ...]:
        """Ids of the selected rows, top to bottom."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=QModelIndex.row)
        return tuple(index.data(ID_ROLE) for index in rows)

    def visible_ids(self) -> tuple[str, ...]:
        """Ids of the rows that pass the filters, in the table's order."""
        proxy = self.proxy
        return tuple(proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount()))

    def number_doors(self) -> None:
        """Number the target doors prefix-01, -02, ... in table order, as one step."""
        doors = self._target_doors()
        chosen = {door.id for door in doors}
        others = [
            m
            for m in self._bridge.review.markups
            if isinstance(m, AccessPoint) and m.id not in chosen
        ]
        numbers = number_doors(doors, self.prefix_edit.text().strip(), others)
        if not numbers:
            return
        stamp = self._bridge.document.stamp()
        edits = tuple(
            ReplaceMarkup(d, replace(d, door_number=numbers[d.id], modified=stamp))
            for d in doors
            if d.id in numbers
        )
        self._bridge.submit(Batch(edits, "Number doors"), initiator=self)

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(Column.TYPE, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing
        rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
        columns = view.horizontalHeader()
        columns.setStretchLastSection(True)
        columns.setHighlightSections(False)
        columns.setMaximumSectionSize(view.fontMetrics().averageCharWidth() * 32)
        return view

    def _lay_out(self) -> None:
        filters = QGridLayout()
        labels = {Column.TYPE: "Type", Column.AUTHOR: "Author"}
        labels |= {Column.AGENCY: "Agency", Column.STATUS: "Status"}
        for i, (column, combo) in enumerate(self.filter_combos.items()):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            filters.addWidget(QLabel(labels[column]), i // 2, (i % 2) * 2)
            filters.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.addWidget(self.search_edit, 2, 0, 1, 4)
        numbering = QHBoxLayout()
        numbering.addWidget(self.count_label, 1)
        numbering.addWidget(QLabel("Prefix"))
        numbering.addWidget(self.prefix_edit)
        button = QToolButton()
        button.setDefaultAction(self.number_doors_action)
        numbering.addWidget(button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(numbering)
        self.setWidget(body)

    def _connect(self) -> None:
        self._bridge.changed.connect(self._on_bridge_changed)
        self._selection.changed.connect(self._on_selection_changed)
        self.view.selectionModel().selectionChanged.connect(
            self._on_view_selection_changed
        )
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        for combo in self.filter_combos.values():
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(self._on_filter_changed)
        self.number_doors_action.triggered.connect(self.number_doors)

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Let the view follow the model without its selection echoing back.

        A flag rather than blocking the selection model's signals: the view repaints
        from those signals, so blocking them would leave stale highlighting.
        """
        previous, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = previous

    def _fill_filters(self) -> None:
        """Offer the values the review holds now; keep each combo's current choice."""
        for column, combo in self.filter_combos.items():
            chosen = combo.currentData() or ""
            values = self.table_model.values(column)
            if chosen and chosen not in values:
                values.append(chosen)  # keep a filter whose last match just went
            with signals_blocked(combo):
                combo.clear()
                combo.addItem(ALL, "")
                for value in values:
                    combo.addItem(value, value)
                combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def _show_selection(self, ids: tuple[str, ...]) -> QModelIndex | None:
        """Select the visible rows of ``ids``; the first of them, if any."""
        chosen = QItemSelection()
        first = None
        for markup_id in ids:
            row = self.table_model.row_of(markup_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.table_model.index(row, 0))
            if index.isValid():
                chosen.select(index, index)
                first = first or index
        with self._quietly():
            self.view.selectionModel().select(chosen, _SELECT_ROWS)
        return first

    def _target_rows(self) -> list[int] | range:
        """The selected rows in table order, or every listed row if none is."""
        selected = self.view.selectionModel().selectedRows()
        return sorted(i.row() for i in selected) or range(self.proxy.rowCount())

    def _markups_at(self, proxy_rows: Iterable[int]) -> Iterator[Markup]:
        proxy, model = self.proxy, self.table_model
        for row in proxy_rows:
            yield model.markup(proxy.mapToSource(proxy.index(row, 0)).row())

    def _target_doors(self) -> list[AccessPoint]:
        markups = self._markups_at(self._target_rows())
        return [m for m in markups if isinstance(m, AccessPoint)]

    def _update_counts(self) -> None:
        shown, total = self.proxy.rowCount(), self.table_model.rowCount()
        self.count_label.setText(
            f"{total} markups" if shown == total else f"{shown} of {total} markups"
        )
        self._update_number_action()

    def _update_number_action(self) -> None:
        markups = self._markups_at(self._target_rows())  # stops at the first door
        has_door = any(isinstance(m, AccessPoint) for m in markups)
        self.number_doors_action.setEnabled(has_door)

    def _on_bridge_changed(self, changes: ChangeSet, initiator: object) -> None:
        if changes.everything:  # another review: start over, fit the columns again
            self.reload()
            return
        with self._quietly():
            self.table_model.apply(changes, self._bridge.review)
            self._fill_filters()
            self._show_selection(self._selection.ids)
        self._update_counts()

    def _on_selection_changed(self, ids: tuple[str, ...], initiator: object) -> None:
        if initiator is self:
            return
        first = self._show_selection(ids)
        if first is not None:
            self.view.scrollTo(first)
        self._update_number_action()

    def _on_view_selection_changed(self) -> None:
        if self._quiet:
            return
        self._selection.set(self.selected_ids(), initiator=self)
        self._update_number_action()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        self.zoom_requested.emit(index.data(ID_ROLE))

    def _on_filter_changed(self) -> None:
        with self._quietly():
            exact = {
                c: combo.currentData() or "" for c, combo in self.filter_combos.items()
            }
            self.proxy.set_filters(exact, self.search_edit.text())
            self._show_selection(self._selection.ids)
        self._update_counts()
