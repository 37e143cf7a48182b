"""The markups of a review as a Qt table model, and the proxy that filters it.

The model keeps one row per markup, in the order markups arrived, and answers the
bridge's change sets by touching only the rows they name. Sorting and the search box
are Qt's own (QSortFilterProxyModel); the proxy adds exact-match column filters.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from designreview.render.markup_text import NO_AUTHOR, describe, natural_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from designreview.model.changes import ChangeSet
    from designreview.model.markups import Markup
    from designreview.model.review import Review

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    """The table's columns, in order."""

    TYPE = 0
    LABEL = 1
    AUTHOR = 2
    AGENCY = 3
    STATUS = 4
    MODIFIED = 5
    SHEET = 6


HEADERS = ("Type", "Number / label", "Author", "Agency", "Status", "Modified", "Sheet")
# Plain ints, not Qt enums: data() runs for every comparison while Qt sorts, and
# comparing against PySide enum members is several times slower.
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 3
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_COLUMN_COUNT = len(Column)
_LABEL = int(Column.LABEL)
# Qt 6.10 replaced invalidateRowsFilter() (deprecated there) with begin/endFilterChange.
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")
# Past this many separate runs of changed rows, one dataChanged over all is cheaper.
_MAX_RANGES = 32


class _Row:
    """One markup and its texts, cached so sorting never re-describes it."""

    __slots__ = ("full_text", "keys", "markup", "texts")

    def __init__(self, markup: Markup, review: Review) -> None:
        d = describe(markup, review)
        self.markup = markup
        # In Column order.
        self.texts = (
            d.type_name,
            d.label,
            d.author,
            d.agency,
            d.status,
            d.modified,
            d.sheet,
        )
        self.keys = tuple(natural_key(text) for text in self.texts)
        self.full_text = d.full_text


def _ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of row numbers as (first, last), ascending."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class MarkupTableModel(QAbstractTableModel):
    """One row per markup of the review: type, label, author, agency, status, dates."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._row_of: dict[str, int] = {}

    def reset(self, review: Review) -> None:
        self.beginResetModel()
        self._rows = [_Row(m, review) for m in review.markups]
        self._reindex()
        self.endResetModel()

    def apply(self, changes: ChangeSet, review: Review) -> None:
        """Follow one change set: insert, update and remove only the rows it names."""
        if changes.everything:
            self.reset(review)
            return
        current: dict[str, Markup] = {m.id: m for m in review.markups}
        touched = dict.fromkeys(changes.added + changes.updated + changes.removed)
        gone = [
            self._row_of[i] for i in touched if i in self._row_of and i not in current
        ]
        self._remove(gone)
        if changes.reviewers or changes.sheets:  # names shown in every row may change
            self._rows = [
                _Row(current.get(r.markup.id, r.markup), review) for r in self._rows
            ]
            self._refresh(range(len(self._rows)))
        else:
            kept = [i for i in touched if i in self._row_of and i in current]
            for markup_id in kept:
                self._rows[self._row_of[markup_id]] = _Row(current[markup_id], review)
            self._refresh(self._row_of[i] for i in kept)
        new = [current[i] for i in touched if i in current and i not in self._row_of]
        self._append([_Row(m, review) for m in new])

    def markup(self, row: int) -> Markup:
        return self._rows[row].markup

    def row_of(self, markup_id: str) -> int | None:
        return self._row_of.get(markup_id)

    def text(self, row: int, column: int) -> str:
        return self._rows[row].texts[column]

    def values(self, column: Column) -> list[str]:
        """The distinct non-empty texts of a column, in natural order."""
        found = {row.texts[column] for row in self._rows} - {"", NO_AUTHOR}
        return sorted(found, key=natural_key)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else _COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = _DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == SORT_ROLE:  # the hot path, first
            return row.keys[column]
        if role == _DISPLAY_ROLE:
            return row.texts[column]
        if role == ID_ROLE:
            return row.markup.id
        if role == SEARCH_ROLE:
            return row.full_text if column == _LABEL else row.texts[column]
        if role == _TOOLTIP_ROLE and column == _LABEL:
            return row.full_text
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return HEADERS[section]
        return None

    def _reindex(self) -> None:
        self._row_of = {row.markup.id: i for i, row in enumerate(self._rows)}

    def _remove(self, rows: list[int]) -> None:
        for first, last in reversed(_ranges(rows)):  # last first: indices stay valid
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        if rows:
            self._reindex()

    def _refresh(self, rows: Iterable[int]) -> None:
        runs = _ranges(rows)
        if len(runs) > _MAX_RANGES:
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, len(Column) - 1)
            )

    def _append(self, rows: list[_Row]) -> None:
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        for offset, row in enumerate(rows):
            self._row_of[row.markup.id] = start + offset
        self.endInsertRows()


class MarkupFilterProxy(QSortFilterProxyModel):
    """Sorts naturally; keeps rows matching every column filter and the search text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._exact: dict[Column, str] = {}
        self._search = ""
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filters(self, exact: dict[Column, str], search: str) -> None:
        """Keep rows that read ``exact`` in its columns and hold ``search`` anywhere.

        An empty value in ``exact`` means any; ``search`` ignores case.
        """
        search = search.strip()
        if search != self._search:
            self._exact = {column: value for column, value in exact.items() if value}
            self._search = search
            self.setFilterFixedString(search)  # refilters every row by itself
            return
        if _HAS_FILTER_CHANGE:
            self.beginFilterChange()
        self._exact = {column: value for column, value in exact.items() if value}
        if _HAS_FILTER_CHANGE:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MarkupTableModel)
        if any(model.text(source_row, c) != v for c, v in self._exact.items()):
            return False
        return super().filterAcceptsRow(source_row, source_parent)
