"""The marker that shows what the pointer snapped to (a square, triangle, cross...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from designreview.analysis.snapping import SnapKind
from designreview.ui.canvas.coords import to_scene

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene

    from designreview.analysis.snapping import SnapResult

_HALF = 6.0


def _marker_path(kind: SnapKind) -> QPainterPath:
    path = QPainterPath()
    h = _HALF
    if kind is SnapKind.ENDPOINT:
        path.addRect(QRectF(-h, -h, 2 * h, 2 * h))
    elif kind is SnapKind.MIDPOINT:
        path.addPolygon(
            QPolygonF([QPointF(0, -h), QPointF(h, h), QPointF(-h, h), QPointF(0, -h)])
        )
    elif kind is SnapKind.INTERSECTION:
        path.moveTo(-h, -h)
        path.lineTo(h, h)
        path.moveTo(-h, h)
        path.lineTo(h, -h)
    else:
        path.addEllipse(QPointF(0, 0), h * 0.8, h * 0.8)
    return path


class SnapMarker(QGraphicsPathItem):
    """Drawn at a fixed size on screen, on top of everything."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(1000)
        pen = QPen(QColor(0, 170, 90))
        pen.setWidthF(2.0)
        self.setPen(pen)
        self.kind: SnapKind | None = None

    def show_at(self, scene: QGraphicsScene, snapped: SnapResult) -> None:
        if self.scene() is not scene:
            if self.scene() is not None:
                self.scene().removeItem(self)
            scene.addItem(self)
        if snapped.kind is not self.kind:
            self.kind = snapped.kind
            self.setPath(_marker_path(snapped.kind))
        self.setPos(to_scene(snapped.point))
        self.setVisible(True)

    def hide_marker(self) -> None:
        self.setVisible(False)
