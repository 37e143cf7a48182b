"""The lockdown race over the plan: isochrone bands and each room's race colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from designreview.render.style import BAND_COLORS, RACE_STYLE
from designreview.ui.canvas.coords import to_scene

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene
    from shapely import Geometry

    from designreview.analysis.lockdown_map import LockdownMap

OVERLAY_Z = 350


class LockdownOverlay:
    """One path item per band and per race colour, refilled for each map."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.bands = [_item(scene, OVERLAY_Z) for _ in BAND_COLORS]
        self.rooms = {name: _item(scene, OVERLAY_Z + 1) for name in RACE_STYLE}

    def show(self, shown: LockdownMap | None) -> None:
        """Draw ``shown`` (hide everything for None)."""
        for item in (*self.bands, *self.rooms.values()):
            item.setVisible(False)
        if shown is None:
            return
        for item, band, color in zip(
            self.bands, shown.bands, BAND_COLORS, strict=False
        ):
            _fill(item, _geometry_path(band.area), QColor(*color, 80), None)
        paths = {name: QPainterPath() for name in RACE_STYLE}
        for room in shown.rooms:
            for ring in room.outline:
                paths[room.status.value].addPolygon(
                    QPolygonF([to_scene(p) for p in ring])
                )
        for name, path in paths.items():
            rgb = RACE_STYLE[name][0]
            _fill(self.rooms[name], path, QColor(*rgb, 60), QColor(*rgb))


def _item(scene: QGraphicsScene, z: int) -> QGraphicsPathItem:
    item = QGraphicsPathItem()
    item.setZValue(z)
    item.setVisible(False)
    scene.addItem(item)
    return item


def _fill(
    item: QGraphicsPathItem, path: QPainterPath, fill: QColor, edge: QColor | None
) -> None:
    pen = QPen(edge) if edge is not None else QPen(Qt.PenStyle.NoPen)
    pen.setCosmetic(True)
    pen.setWidthF(2.0)
    item.setPen(pen)
    item.setBrush(QBrush(fill, Qt.BrushStyle.SolidPattern))
    item.setPath(path)
    item.setVisible(not path.isEmpty())


def _geometry_path(geometry: Geometry) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for part in getattr(geometry, "geoms", [geometry]):
        if part.is_empty or not hasattr(part, "exterior"):
            continue
        for ring in (part.exterior, *part.interiors):
            path.addPolygon(QPolygonF([to_scene((x, y)) for x, y, *_ in ring.coords]))
    return path
