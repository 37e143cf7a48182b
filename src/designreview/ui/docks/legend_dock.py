"""The legend dock: every colour and symbol on the plan, and what it means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem

from designreview.render.legend import Swatch, legend_sections
from designreview.ui.canvas.items.symbols import symbol_path

if TYPE_CHECKING:
    from collections.abc import Iterable

    from designreview.model.findings import Severity
    from designreview.model.review import Review
    from designreview.render.legend import LegendRow
    from designreview.render.style import Theme

_ICON_PX = 20


class LegendDock(QDockWidget):
    """Sections of swatches and symbols, listing only what the review shows."""

    def __init__(self, parent=None) -> None:
        super().__init__("Legend", parent)
        self.setObjectName("LegendDock")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setObjectName("legend_rows")
        self.setWidget(self.tree)

    def show_legend(
        self, review: Review, severities: Iterable[Severity] | None, theme: Theme
    ) -> None:
        """List the legend of ``review`` with the findings' ``severities``."""
        self.tree.clear()
        for section in legend_sections(review, severities, theme):
            head = QTreeWidgetItem(self.tree, [section.title])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for row in section.rows:
                item = QTreeWidgetItem(head, [row.label])
                item.setIcon(0, _icon(row))
                item.setToolTip(0, row.label)
            head.setExpanded(True)

    def labels(self) -> list[str]:
        """Every row's words, section titles first in each group (for tests)."""
        found: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is None:
                continue
            found.append(head.text(0))
            rows = (head.child(k) for k in range(head.childCount()))
            found += [row.text(0) for row in rows if row is not None]
        return found


def _icon(row: LegendRow) -> QIcon:
    """The row's swatch or symbol, drawn as the plan draws it."""
    pixmap = QPixmap(_ICON_PX, _ICON_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(*row.color)
    pen = QPen(color, 1.5)
    if row.swatch in (Swatch.DASHED_FILL, Swatch.DASHED_LINE):
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    if row.swatch is Swatch.SYMBOL and row.symbol is not None:
        path = symbol_path(row.symbol, _ICON_PX * 0.7)
        painter.translate(QPointF(_ICON_PX / 2, _ICON_PX / 2))
        painter.drawPath(path)
    elif row.swatch is Swatch.LINE:
        painter.drawLine(2, _ICON_PX // 2, _ICON_PX - 2, _ICON_PX // 2)
    else:
        fill = QColor(color)
        fill.setAlphaF(0.0 if row.swatch is Swatch.DASHED_LINE else row.alpha)
        painter.setBrush(QBrush(fill))
        painter.drawRect(2, 4, _ICON_PX - 4, _ICON_PX - 8)
    painter.end()
    return QIcon(pixmap)
