"""The previous drawing over the current one: removed lines red, added lines blue.

The plan itself stays underneath, dimmed, so the unchanged lines read grey; only
what the revision took away or added stands out (``render.compare``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene

    from designreview.model.plan import SegmentArray
    from designreview.render.compare import DrawingDifference

COMPARE_Z = 340
REMOVED_COLOR = QColor(205, 32, 38)
"""Lines only the previous drawing has."""
ADDED_COLOR = QColor(20, 90, 220)
"""Lines only the new drawing has."""
_WIDTH_PX = 2.5


class CompareOverlay:
    """Two path items over the plan: the removed and the added lines."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.removed = _item(scene, REMOVED_COLOR, Qt.PenStyle.DashLine)
        self.added = _item(scene, ADDED_COLOR, Qt.PenStyle.SolidLine)
        self.shown: DrawingDifference | None = None

    def show(self, difference: DrawingDifference | None) -> None:
        """Draw ``difference`` over the plan (None hides the overlay)."""
        self.shown = difference
        for item, segments in (
            (self.removed, None if difference is None else difference.removed),
            (self.added, None if difference is None else difference.added),
        ):
            item.setVisible(segments is not None)
            item.setPath(_path(segments) if segments is not None else QPainterPath())

    def counts(self) -> tuple[int, int]:
        """How many lines are removed and added (for the dock and for tests)."""
        if self.shown is None:
            return (0, 0)
        return (len(self.shown.removed), len(self.shown.added))


def _item(
    scene: QGraphicsScene, color: QColor, style: Qt.PenStyle
) -> QGraphicsPathItem:
    item = QGraphicsPathItem()
    pen = QPen(color, _WIDTH_PX, style)
    pen.setCosmetic(True)
    item.setPen(pen)
    item.setZValue(COMPARE_Z)
    item.setVisible(False)
    scene.addItem(item)
    return item


def _path(segments: SegmentArray) -> QPainterPath:
    path = QPainterPath()
    for x1, y1, x2, y2 in segments.tolist():
        path.moveTo(QPointF(x1, -y1))
        path.lineTo(QPointF(x2, -y2))
    return path
