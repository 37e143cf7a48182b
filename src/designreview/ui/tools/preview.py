"""Preview items that tools draw while the user is still drawing (not the model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from designreview.ui.canvas.coords import to_scene

if TYPE_CHECKING:
    from designreview.model.geometry import Point2

PREVIEW_Z = 500
OK_COLOR = QColor(0, 150, 80)
BLOCKED_COLOR = QColor(200, 30, 30)
DRAW_COLOR = QColor(0, 110, 200)


class PreviewPath(QGraphicsPathItem):
    """A dashed outline in scene metres, added to the scene on first use."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__()
        self._scene = scene
        self.setZValue(PREVIEW_Z)
        self.set_color(DRAW_COLOR)

    def set_color(self, color: QColor) -> None:
        pen = QPen(color)
        pen.setCosmetic(True)
        pen.setWidthF(2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(30)
        self.setBrush(fill)

    def show_points(self, points: list[Point2], closed: bool = False) -> None:
        if self.scene() is None:
            self._scene.addItem(self)
        path = QPainterPath()
        if len(points) >= 2:
            polygon = QPolygonF([to_scene(p) for p in points])
            if closed:
                polygon.append(polygon.first())
            path.addPolygon(polygon)
        self.setPath(path)

    def hide_preview(self) -> None:
        if self.scene() is not None:
            self._scene.removeItem(self)
