"""The plan view: zoom to the cursor, pan with the middle button or space-drag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from designreview.ui.canvas.coords import to_model
from designreview.ui.canvas.north_arrow import NorthArrow
from designreview.ui.canvas.scene import PlanScene
from designreview.ui.canvas.snap_marker import SnapMarker

if TYPE_CHECKING:
    from designreview.ui.tools.base import Tool

ZOOM_STEP = 1.25
MIN_SCALE = 1e-4  # pixels per metre
MAX_SCALE = 5e4


class PlanView(QGraphicsView):
    """Shows a PlanScene; reports the cursor position in model metres."""

    cursor_moved = Signal(float, float)
    zoom_changed = Signal(float)

    def __init__(self, scene: PlanScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space_held = False
        self.tool: Tool | None = None
        self._keep_fitted = False  # refit on resize until the user zooms or pans
        self._snap_marker = SnapMarker()
        self.north_arrow = NorthArrow(self)  # not the viewport: it scrolls children

    def plan_scene(self) -> PlanScene:
        scene = self.scene()
        assert isinstance(scene, PlanScene)
        return scene

    def scale_factor(self) -> float:
        """Screen pixels per metre."""
        return self.transform().m11()

    def fit_to_drawing(self) -> None:
        rect = self.plan_scene().drawing_rect()
        if rect.isEmpty():
            return
        margin = max(rect.width(), rect.height()) * 0.04
        self.fitInView(
            rect.adjusted(-margin, -margin, margin, margin),
            Qt.AspectRatioMode.KeepAspectRatio,
        )
        self._keep_fitted = True
        self.zoom_changed.emit(self.scale_factor())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._keep_fitted:
            self.fit_to_drawing()

    def show_area(self, rect: QRectF, min_size_m: float = 24.0) -> None:
        """Zoom to show ``rect`` (scene coordinates), at least ``min_size_m`` across."""
        grow_x = max(min_size_m - rect.width(), 0.0) / 2
        grow_y = max(min_size_m - rect.height(), 0.0) / 2
        padded = rect.adjusted(-grow_x, -grow_y, grow_x, grow_y)
        self.fitInView(padded, Qt.AspectRatioMode.KeepAspectRatio)
        self._keep_fitted = False
        self.zoom_changed.emit(self.scale_factor())

    def zoom_at(self, view_pos: QPointF, factor: float) -> None:
        """Scale by ``factor`` keeping the scene point under ``view_pos`` in place."""
        new_scale = self.scale_factor() * factor
        if not MIN_SCALE <= new_scale <= MAX_SCALE:
            return
        self._keep_fitted = False
        anchor = self.mapToScene(view_pos.toPoint())
        self.scale(factor, factor)
        moved = self.mapFromScene(anchor) - view_pos.toPoint()
        self._scroll_by(moved.x(), moved.y())
        self.zoom_changed.emit(self.scale_factor())

    def zoom_in(self) -> None:
        self.zoom_at(QPointF(self.viewport().rect().center()), ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_at(QPointF(self.viewport().rect().center()), 1 / ZOOM_STEP)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_at(event.position(), ZOOM_STEP**steps)
        event.accept()

    def set_tool(self, tool: Tool | None) -> None:
        """Make ``tool`` the one that gets pointer and key events first."""
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = tool
        self._snap_marker.hide_marker()
        if tool is not None:
            tool.activate()

    def model_pos(self, event: QMouseEvent) -> tuple[float, float]:
        return to_model(self.mapToScene(event.position().toPoint()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        wants_pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_held
        )
        if wants_pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.tool is not None
            and self.tool.press(self.model_pos(event), event.modifiers())
        ):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self._scroll_by(-delta.x(), -delta.y())
        x, y = to_model(self.mapToScene(pos))
        self.cursor_moved.emit(x, y)
        if self._pan_from is None and self.tool is not None:
            self._show_snap((x, y), event.modifiers())
            dragging = bool(event.buttons() & Qt.MouseButton.LeftButton)
            if self.tool.move((x, y), dragging, event.modifiers()):
                event.accept()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self._update_cursor()
            event.accept()
            return
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.tool is not None
            and self.tool.release(self.model_pos(event), event.modifiers())
        ):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.tool is not None
            and self.tool.double_click(self.model_pos(event), event.modifiers())
        ):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self._update_cursor()
            event.accept()
            return
        if self.tool is not None and self.tool.key(event.key(), event.modifiers()):
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_snap(self, pos: tuple[float, float], mods: Qt.KeyboardModifier) -> None:
        tool = self.tool
        snapped = None
        if (
            tool is not None
            and tool.snaps
            and not mods & Qt.KeyboardModifier.AltModifier
        ):
            snapped = tool.ctx.snap(pos)
        if snapped is None:
            self._snap_marker.hide_marker()
        else:
            self._snap_marker.show_at(self.scene(), snapped)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self._update_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _scroll_by(self, dx: int, dy: int) -> None:
        self._keep_fitted = False
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setValue(hbar.value() + dx)
        vbar.setValue(vbar.value() + dy)

    def _update_cursor(self) -> None:
        shape = (
            Qt.CursorShape.OpenHandCursor
            if self._space_held
            else Qt.CursorShape.CrossCursor
        )
        self.viewport().setCursor(shape)
