"""Laying out the markup labels on screen so that none covers another or the plan.

Labels keep their pixel size at every zoom while the plan scales, so where they can
go changes with the zoom. After a zoom, a pan, an edit or a new sheet, the labels
in view are placed again (``render.label_space``, as on paper): every symbol, the
finding marker and the drawing's readable text hold their place, and each label
takes the nearest free spot around its anchor, with a leader line when set off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from designreview.render.label_space import LabelSpace
from designreview.ui.canvas.coords import to_scene

if TYPE_CHECKING:
    from designreview.render.label_space import Box
    from designreview.ui.canvas.items.markup_item import MarkupItem
    from designreview.ui.canvas.view import PlanView

MIN_TEXT_PX = 5.0
"""Drawing text smaller than this on screen cannot be read: labels may cover it."""
MAX_LABELS = 400
"""Beyond this many labels in view (a whole campus zoomed out) they keep their spot."""
DELAY_MS = 30


class LabelArranger(QObject):
    """Places the shown sheet's markup labels again when the view or markups change."""

    def __init__(
        self,
        view: PlanView,
        marker: QGraphicsItem | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view, self.marker = view, marker
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.arrange)
        view.zoom_changed.connect(lambda _scale: self.schedule())
        view.horizontalScrollBar().valueChanged.connect(lambda _v: self.schedule())
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.schedule())

    def schedule(self) -> None:
        """Arrange soon, once for a burst of changes."""
        self._timer.start(DELAY_MS)

    def arrange(self) -> None:
        """Place every label in view now."""
        self._timer.stop()
        scene = self.view.plan_scene()
        visible = self._viewport_box(margin=80.0)
        items = [
            item
            for item in scene.markup_layer.items.values()
            if item.isVisible() and _inside(self._anchor(item), visible)
        ]
        if len(items) > MAX_LABELS:
            return
        space = LabelSpace(cell=48.0)
        for box in self._text_boxes(visible):
            space.block(box)
        for item in items:
            radius = item.symbol_radius_px()
            if radius:
                x, y = self._anchor(item)
                space.block((x - radius, y - radius, x + radius, y + radius))
        for box in self._marker_boxes():
            space.block(box)
        for item in items:
            if not item.graphic.label:
                continue
            x, y = self._anchor(item)
            width, height = item.label.size_px()
            placed = space.place((x, y), width, height, item.label_gap_px())
            item.label.place(placed.box[0] - x, placed.box[1] - y, placed.moved)

    def _anchor(self, item: MarkupItem) -> tuple[float, float]:
        point = self.view.mapFromScene(to_scene(item.graphic.anchor))
        return (float(point.x()), float(point.y()))

    def _viewport_box(self, margin: float) -> Box:
        rect = self.view.viewport().rect()
        return (-margin, -margin, rect.width() + margin, rect.height() + margin)

    def _text_boxes(self, visible: Box) -> list[Box]:
        """The drawing's own readable text in view, as boxes in viewport pixels."""
        scene = self.view.plan_scene()
        x0, y0, x1, y1 = visible
        area = self.view.mapToScene(
            QRectF(x0, y0, x1 - x0, y1 - y0).toAlignedRect()
        ).boundingRect()
        boxes: list[Box] = []
        for item in scene.items(area):
            if not isinstance(item, QGraphicsSimpleTextItem) or item.parentItem():
                continue
            if not item.isVisible():
                continue
            rect = self.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
            if min(rect.width(), rect.height()) >= MIN_TEXT_PX:
                boxes.append((rect.left(), rect.top(), rect.right(), rect.bottom()))
        return boxes

    def _marker_boxes(self) -> list[Box]:
        """The selected finding's marker, which labels keep off too."""
        marker = self.marker
        if marker is None or not marker.isVisible():
            return []
        centre = QPointF(self.view.mapFromScene(marker.scenePos()))
        r = marker.boundingRect().width() / 2
        return [(centre.x() - r, centre.y() - r, centre.x() + r, centre.y() + r)]


def _inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]
