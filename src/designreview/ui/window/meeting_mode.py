"""Meeting mode, for a projector: bigger marks and fonts, sensitive layers hidden.

It also steps through the comments one by one (N and P).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Signal

from designreview.model.markups import Comment
from designreview.ui.canvas.coords import to_scene

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from designreview.model.review import Sheet
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.canvas.view import PlanView
    from designreview.ui.selection import Selection
    from designreview.ui.session.document_bridge import DocumentBridge

PRESENTATION_SCALE = 1.7
FONT_SCALE = 1.35


class MeetingMode(QObject):
    """Switches the window's presentation; knows nothing of files or edits."""

    toggled = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        scene: PlanScene,
        view: PlanView,
        bridge: DocumentBridge,
        selection: Selection,
    ) -> None:
        super().__init__(window)
        self._window, self._scene, self._view = window, scene, view
        self._bridge, self._selection = bridge, selection
        self.active = False
        self._base_point_size = window.font().pointSizeF()
        self._hidden_layers: list[str] = []
        self._cursor = -1

    def set_active(self, active: bool, sheet: Sheet | None) -> None:
        if active == self.active:
            return
        self.active = active
        scale = PRESENTATION_SCALE if active else 1.0
        self._scene.markup_layer.set_presentation_scale(scale)
        font = self._window.font()
        font.setPointSizeF(self._base_point_size * (FONT_SCALE if active else 1.0))
        self._window.setFont(font)
        self.apply_sensitive_layers(sheet)
        self.toggled.emit(active)

    def apply_sensitive_layers(self, sheet: Sheet | None) -> None:
        """Hide the sheet's sensitive layers while active; show them again after."""
        for layer in self._hidden_layers:
            self._scene.set_layer_visible(layer, True)
        self._hidden_layers = []
        if self.active and sheet is not None:
            for layer in sheet.sensitive_layers:
                if self._scene.is_layer_visible(layer):
                    self._scene.set_layer_visible(layer, False)
                    self._hidden_layers.append(layer)

    def comment_ids(self, sheet_id: str | None) -> list[str]:
        """The comments of the sheet in reading order: top to bottom, left to right."""
        comments = [
            m
            for m in self._bridge.review.markups
            if isinstance(m, Comment) and m.sheet_id == sheet_id
        ]
        comments.sort(key=lambda c: (-round(c.position[1], 1), c.position[0]))
        return [c.id for c in comments]

    def step(self, sheet_id: str | None, forward: bool = True) -> str | None:
        """Select and show the next (or previous) comment; its id, or None."""
        ids = self.comment_ids(sheet_id)
        if not ids:
            return None
        current = self._selection.ids[0] if self._selection.ids else None
        index = ids.index(current) if current in ids else (-1 if forward else 0)
        chosen = ids[(index + (1 if forward else -1)) % len(ids)]
        self._selection.set((chosen,), initiator=self)
        self.show_markup(chosen)
        return chosen

    def show_markup(self, markup_id: str) -> None:
        item = self._scene.markup_layer.items.get(markup_id)
        if item is None:
            return
        anchor = to_scene(item.graphic.anchor)
        rect = (
            item.sceneBoundingRect() if item.graphic.outline else QRectF(anchor, anchor)
        )
        self._view.show_area(rect)
