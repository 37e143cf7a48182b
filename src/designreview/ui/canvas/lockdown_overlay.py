"""The lockdown race over the plan: bands, race colours, refuge arrows, exposure.

Each layer is one or a few path items refilled for each map; the arrows and the
exposed areas can be switched off (``show_arrows``, ``show_exposed``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from designreview.render.style import (
    BAND_COLORS,
    EXPOSED_STYLE,
    RACE_STYLE,
    REFUGE_ARROW_STYLE,
)
from designreview.ui.canvas.coords import to_scene

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene
    from shapely import Geometry

    from designreview.analysis.lockdown_map import LockdownMap
    from designreview.analysis.refuge_arrows import RefugeArrow
    from designreview.model.geometry import Point2

OVERLAY_Z = 350
_HEAD_M = 1.2
"""Length of an arrow's head, in metres (the plan's scale)."""
_LABEL_PT = 9


class LockdownOverlay:
    """Path items per band, race colour, exposure and arrow, refilled for each map."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self.bands = [_item(scene, OVERLAY_Z) for _ in BAND_COLORS]
        self.rooms = {name: _item(scene, OVERLAY_Z + 1) for name in RACE_STYLE}
        self.exposed = _item(scene, OVERLAY_Z + 2)
        self.arrows = _item(scene, OVERLAY_Z + 3)
        self.arrow_labels: list[QGraphicsSimpleTextItem] = []
        self.show_arrows = True
        self.show_exposed = True
        self.shown: LockdownMap | None = None

    def set_layers(self, arrows: bool, exposed: bool) -> None:
        """Switch the refuge arrows and the exposed areas on or off."""
        self.show_arrows, self.show_exposed = arrows, exposed
        self.show(self.shown)

    def show(self, shown: LockdownMap | None) -> None:
        """Draw ``shown`` (hide everything for None)."""
        self.shown = shown
        for item in (*self.bands, *self.rooms.values(), self.exposed, self.arrows):
            item.setVisible(False)
        for label in self.arrow_labels:
            self.scene.removeItem(label)
        self.arrow_labels = []
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
        if self.show_exposed:
            self._show_exposed(shown)
        if self.show_arrows:
            self._show_arrows(shown.arrows)

    def _show_exposed(self, shown: LockdownMap) -> None:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for room in shown.exposures:
            path.addPath(_geometry_path(room.seen))
        rgb = EXPOSED_STYLE[0]
        _fill(self.exposed, path, QColor(*rgb, 70), QColor(*rgb))
        self.exposed.setBrush(QBrush(QColor(*rgb, 90), Qt.BrushStyle.BDiagPattern))

    def _show_arrows(self, arrows: tuple[RefugeArrow, ...]) -> None:
        path = QPainterPath()
        rgb = REFUGE_ARROW_STYLE[0]
        font = QFont()
        font.setPointSize(_LABEL_PT)
        for arrow in arrows:
            _add_arrow(path, arrow.start, arrow.end)
            label = QGraphicsSimpleTextItem(str(arrow.people))
            label.setToolTip(f"{arrow.space}: {arrow.label}")
            label.setFont(font)
            label.setBrush(QBrush(QColor(*rgb)))
            label.setFlag(label.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setZValue(OVERLAY_Z + 4)
            middle = ((arrow.start[0] + arrow.end[0]) / 2,
                      (arrow.start[1] + arrow.end[1]) / 2)  # fmt: skip
            label.setPos(to_scene(middle))
            self.scene.addItem(label)
            self.arrow_labels.append(label)
        _fill(self.arrows, path, QColor(*rgb), QColor(*rgb))
        self.arrows.setBrush(QBrush(QColor(*rgb)))


def _add_arrow(path: QPainterPath, start: Point2, end: Point2) -> None:
    """A line from ``start`` to ``end`` and a filled head at ``end`` (model metres)."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return
    ux, uy = dx / length, dy / length
    head = min(_HEAD_M, length / 2)
    base = (end[0] - ux * head, end[1] - uy * head)
    left = (base[0] - uy * head * 0.4, base[1] + ux * head * 0.4)
    right = (base[0] + uy * head * 0.4, base[1] - ux * head * 0.4)
    path.moveTo(to_scene(start))
    path.lineTo(to_scene(base))
    path.addPolygon(QPolygonF([to_scene(p) for p in (end, left, right, end)]))


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
