"""The selected finding's explanation over the plan: a hard corner, blind spots."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from designreview.render.style import SEVERITY_STYLE
from designreview.ui.canvas.coords import to_scene

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene

    from designreview.model.findings import Finding

OVERLAY_Z = 400


class FindingOverlay:
    """One area item and one location marker, reused for whichever finding is shown."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.area = QGraphicsPathItem()
        self.area.setZValue(OVERLAY_Z)
        self.route = QGraphicsPathItem()
        self.route.setZValue(OVERLAY_Z)
        self.marker = QGraphicsPathItem()
        self.marker.setZValue(OVERLAY_Z + 1)
        self.marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        ring = QPainterPath()
        ring.addEllipse(-11, -11, 22, 22)
        ring.addEllipse(-4, -4, 8, 8)
        self.marker.setPath(ring)
        for item in (self.area, self.route, self.marker):
            item.setVisible(False)
            scene.addItem(item)
        self.finding: Finding | None = None

    def show(self, finding: Finding | None) -> None:
        self.finding = finding
        if finding is None:
            for item in (self.area, self.route, self.marker):
                item.setVisible(False)
            return
        color = QColor(*SEVERITY_STYLE[finding.severity].color)
        pen = QPen(color)
        pen.setCosmetic(True)
        pen.setWidthF(2.5)
        fill = QColor(color)
        fill.setAlpha(70)
        areas, routes = QPainterPath(), QPainterPath()
        for ring in finding.overlay:
            closed = len(ring) > 2 and ring[0] == ring[-1]
            (areas if closed else routes).addPolygon(
                QPolygonF([to_scene(p) for p in ring])
            )
        self.area.setPath(areas)
        self.area.setPen(pen)
        self.area.setBrush(QBrush(fill, Qt.BrushStyle.SolidPattern))
        self.area.setVisible(bool(finding.overlay))
        route_pen = QPen(pen)
        route_pen.setWidthF(3.5)
        route_pen.setStyle(Qt.PenStyle.DashLine)
        self.route.setPath(routes)
        self.route.setPen(route_pen)
        self.route.setVisible(not routes.isEmpty())
        self.marker.setPen(pen)
        self.marker.setPos(to_scene(finding.location))
        self.marker.setVisible(True)
