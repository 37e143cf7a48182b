"""The plan scene: a projection of a plan into graphics items, grouped by layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from designreview.render.frontend import plan_primitives
from designreview.render.primitives import SegmentBatch
from designreview.render.style import Theme, palette
from designreview.ui.canvas.markup_layer import MarkupLayer
from designreview.ui.canvas.qt_backend import segment_items, text_item

if TYPE_CHECKING:
    from designreview.model.plan import Plan


class PlanScene(QGraphicsScene):
    """Holds the drawing of one plan; hides and shows it layer by layer."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._layer_items: dict[str, list[QGraphicsItem]] = {}
        self._plan: Plan | None = None
        self._theme = Theme.LIGHT
        self.markup_layer = MarkupLayer(self)

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def set_plan(self, plan: Plan, theme: Theme = Theme.LIGHT) -> None:
        """Replace the drawing with ``plan`` (markups stay; they are another layer)."""
        self._remove_plan_items()
        self._plan, self._theme = plan, theme
        self.setBackgroundBrush(QColor(*palette(theme).background))
        for primitive in plan_primitives(plan, theme):
            if isinstance(primitive, SegmentBatch):
                items = segment_items(primitive)
            else:
                items = [text_item(primitive)]
            for item in items:
                self.addItem(item)
            self._layer_items.setdefault(primitive.source_id, []).extend(items)
        for info in plan.layers:
            if not info.is_visible:
                self.set_layer_visible(info.name, False)
        self.setSceneRect(self._padded_rect(plan))

    def clear_plan(self) -> None:
        """Show no drawing (no review, or a review without sheets)."""
        self._remove_plan_items()
        self._plan = None

    def _remove_plan_items(self) -> None:
        for items in self._layer_items.values():
            for item in items:
                self.removeItem(item)
        self._layer_items = {}

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        for item in self._layer_items.get(layer, ()):
            item.setVisible(visible)

    def highlight_layer(self, layer: str | None) -> None:
        """Dim every other layer (None: show all at full strength)."""
        for name, items in self._layer_items.items():
            for item in items:
                item.setOpacity(1.0 if layer in (None, name) else 0.15)

    def dim_drawing(self, dim: bool) -> None:
        """Dim the whole drawing (under a compare overlay), or show it in full."""
        for items in self._layer_items.values():
            for item in items:
                item.setOpacity(0.3 if dim else 1.0)

    def is_layer_visible(self, layer: str) -> bool:
        items = self._layer_items.get(layer, ())
        return any(item.isVisible() for item in items)

    def layer_items(self, layer: str) -> list[QGraphicsItem]:
        return list(self._layer_items.get(layer, ()))

    def drawing_rect(self) -> QRectF:
        """The plan's extents in scene coordinates."""
        if self._plan is None:
            return QRectF()
        ext = self._plan.extents
        return QRectF(
            ext.min_x, -ext.max_y, max(ext.width, 1e-3), max(ext.height, 1e-3)
        )

    def _padded_rect(self, plan: Plan) -> QRectF:
        # Room around the drawing so zooming out and panning never hit a wall.
        rect = self.drawing_rect()
        margin = max(rect.width(), rect.height(), 10.0) * 3
        return rect.adjusted(-margin, -margin, margin, margin)
