"""One markup on the canvas: its geometry in metres, its symbol and label in pixels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem

from designreview.ui.canvas.coords import to_scene
from designreview.ui.canvas.items.label_item import MarkupLabel
from designreview.ui.canvas.items.symbols import SIZE_PX, symbol_path

if TYPE_CHECKING:
    from designreview.render.graphic import MarkupGraphic

MARKUP_ID_ROLE = 0
MARKUP_Z = 100
_SELECTED = QColor(255, 200, 0)


class MarkupItem(QGraphicsPathItem):
    """Draws a MarkupGraphic; knows its markup by id, never holds the markup itself."""

    def __init__(self, graphic: MarkupGraphic) -> None:
        super().__init__()
        self.setZValue(MARKUP_Z)
        self._symbol = QGraphicsPathItem(self)
        self._symbol.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.label = MarkupLabel(self)
        self._selected = False
        self._presentation = 1.0
        self._handles: list[QGraphicsRectItem] = []
        self.graphic = graphic
        self.update_from(graphic)

    @property
    def markup_id(self) -> str:
        return self.graphic.markup_id

    def update_from(self, graphic: MarkupGraphic) -> None:
        """Show ``graphic`` (the model changed)."""
        self.graphic = graphic
        for item in (self, self._symbol, *self.label.parts()):
            item.setData(MARKUP_ID_ROLE, graphic.markup_id)
        self.setPath(_outline_path(graphic))
        self._symbol.setPath(
            symbol_path(graphic.symbol) if graphic.symbol else QPainterPath()
        )
        self._symbol.setPos(to_scene(graphic.anchor))
        self._symbol.setRotation(-graphic.rotation_deg)
        self.label.set_text(
            graphic.label, to_scene(graphic.anchor), QColor(*graphic.color).darker(150)
        )
        dx, dy = self.label_gap_px(), -self.label.size_px()[1] / 2
        self.label.place(dx, dy, leader=False)  # until the labels are laid out
        self._restyle()

    def set_tooltip(self, text: str) -> None:
        """What shows on hover: the whole label (a comment's full text)."""
        for item in (self, self._symbol, self.label.text):
            item.setToolTip(text)

    def label_gap_px(self) -> float:
        """How far the label stays from the anchor: clear of the symbol."""
        return SIZE_PX * 0.7 * self._presentation if self.graphic.symbol else 2.0

    def symbol_radius_px(self) -> float:
        """Half the symbol's size on screen (0 without a symbol)."""
        return SIZE_PX * 0.6 * self._presentation if self.graphic.symbol else 0.0

    def show_handles(self, points: tuple[tuple[float, float], ...]) -> None:
        """Small squares at the points that can be dragged (the selected markup)."""
        for handle in self._handles:
            if handle.scene() is not None:
                handle.scene().removeItem(handle)
        self._handles = []
        for point in points:
            handle = QGraphicsRectItem(QRectF(-4, -4, 8, 8), self)
            handle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            handle.setPos(to_scene(point))
            handle.setBrush(QColor(255, 255, 255))
            handle.setPen(QPen(_SELECTED, 0))
            handle.setZValue(1)
            self._handles.append(handle)

    def set_presentation_scale(self, scale: float) -> None:
        """Bigger symbols and labels for a projector (meeting mode)."""
        self._presentation = scale
        self._symbol.setScale(scale)
        self.label.set_scale(scale)
        offset = self.label.offset
        self.label.place(offset.x(), offset.y(), self.label.leader.isVisible())

    def set_highlighted(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self._restyle()

    def move_preview(self, dx: float, dy: float) -> None:
        """Show the markup moved by (dx, dy) metres while it is dragged."""
        self.setPos(dx, -dy)

    def _restyle(self) -> None:
        g = self.graphic
        color = QColor(*g.color)
        pen = QPen(_SELECTED if self._selected else color)
        pen.setCosmetic(True)
        pen.setWidthF(3.0 if self._selected else 2.0)
        if g.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(g.fill_alpha)
        self.setBrush(
            QBrush(fill) if g.closed and g.fill_alpha else Qt.BrushStyle.NoBrush
        )
        symbol_pen = QPen(_SELECTED if self._selected else color.darker(130))
        symbol_pen.setCosmetic(True)
        symbol_pen.setWidthF(1.8)
        self._symbol.setPen(symbol_pen)
        self._symbol.setBrush(QColor(255, 255, 255, 230))


def _outline_path(graphic: MarkupGraphic) -> QPainterPath:
    path = QPainterPath()
    if len(graphic.outline) >= 2:
        polygon = QPolygonF([to_scene(p) for p in graphic.outline])
        if graphic.closed:
            polygon.append(polygon.first())
        path.addPolygon(polygon)
    return path


def markup_id_of(item: QGraphicsItem | None) -> str | None:
    """The id of the markup an item (or one of its parts) shows."""
    while item is not None:
        value = item.data(MARKUP_ID_ROLE)
        if isinstance(value, str) and value:
            return value
        item = item.parentItem()
    return None
