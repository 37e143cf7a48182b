"""A markup's label on the canvas: screen-sized text on a halo, with a leader line.

The label keeps its pixel size at any zoom (it ignores the view's scale, as the
symbols do); where it sits beside its anchor is decided for all labels together
(``canvas.label_layout``), and when that is further off than beside the symbol a
thin leader line runs back to the anchor.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
)

HALO = QColor(255, 255, 255, 200)
PAD_PX = 2.0


class MarkupLabel:
    """The text, its halo and its leader line, all children of the markup's item."""

    def __init__(self, parent: QGraphicsItem) -> None:
        self.halo = QGraphicsPathItem(parent)  # behind the text: made first
        self.halo.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.halo.setPen(Qt.PenStyle.NoPen)
        self.halo.setBrush(HALO)
        self.text = QGraphicsSimpleTextItem(parent)
        self.text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.leader = QGraphicsLineItem(parent)
        self.leader.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.leader.setVisible(False)
        self.scale = 1.0
        self.offset = QPointF(0.0, 0.0)
        """Where the text's top left sits from the anchor, in screen pixels."""

    def set_text(self, text: str, anchor: QPointF, color: QColor) -> None:
        self.text.setText(text)
        self.text.setBrush(color)
        self.text.setPos(anchor)
        self.halo.setPos(anchor)
        self.leader.setPos(anchor)
        pen = QPen(color)
        pen.setCosmetic(True)
        pen.setWidthF(1.0)
        self.leader.setPen(pen)

    def parts(self) -> tuple[QGraphicsItem, ...]:
        return (self.halo, self.text, self.leader)

    def set_scale(self, scale: float) -> None:
        """Bigger text for a projector (meeting mode); the offset keeps its pixels."""
        self.scale = scale
        self.text.setScale(scale)

    def size_px(self) -> tuple[float, float]:
        """The label's width and height on screen, its halo's margins included."""
        rect = self.text.boundingRect()
        return (rect.width() + 2 * PAD_PX) * self.scale, rect.height() * self.scale

    def place(self, dx: float, dy: float, leader: bool) -> None:
        """Put the text's top left (dx, dy) pixels from the anchor (y down)."""
        self.offset = QPointF(dx, dy)
        shift = self.text.transform().fromTranslate(
            dx / self.scale + PAD_PX, dy / self.scale
        )
        self.text.setTransform(shift)  # in the text's units, which scale scales
        width, height = self.size_px()
        halo = QPainterPath()
        if self.text.text():
            halo.addRoundedRect(QRectF(dx, dy, width, height), 2.0, 2.0)
        self.halo.setPath(halo)
        if leader and self.text.text():
            tip = QPointF(min(max(0.0, dx), dx + width), min(max(0.0, dy), dy + height))
            self.leader.setLine(QLineF(QPointF(0.0, 0.0), tip))
        self.leader.setVisible(leader and bool(self.text.text()))
