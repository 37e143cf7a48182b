"""Live visibility: what each observer and camera sees, whether sightlines are clear.

Recomputed as markups are placed, moved and edited. The walls are prepared once per
plan in the background (a triangulation); each viewshed is then an exact query of a
fraction of a millisecond, cheap enough to follow a drag.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem
from shapely import Polygon as ShapelyPolygon

from designreview.analysis.coverage import Dori, camera_bands
from designreview.analysis.obstacles import (
    build_visibility_index,
    obstacle_segments,
    sightline,
)
from designreview.analysis.viewsheds import require_viewshed
from designreview.model.errors import InsideWallError
from designreview.model.markups import Camera, Observer, Sightline
from designreview.render.markup_graphics import agency_color
from designreview.render.markup_text import agency_of
from designreview.ui.canvas.coords import to_scene
from designreview.ui.session import workers

if TYPE_CHECKING:
    from collections.abc import Callable

    from shapely.geometry.base import BaseGeometry

    from designreview.analysis.obstacles import VisibilityIndex
    from designreview.model.changes import ChangeSet
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup
    from designreview.model.plan import Plan
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.session.document_bridge import DocumentBridge

VIEWSHED_Z = 30
_CLEAR, _BLOCKED = QColor(0, 150, 80), QColor(210, 30, 30)


class LiveVisibility(QObject):
    """One overlay item per observer, camera and sightline of the shown sheet."""

    def __init__(
        self,
        bridge: DocumentBridge,
        scene: PlanScene,
        parent: QObject | None = None,
        report: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.scene = bridge, scene
        self._report = report or (lambda _text: None)
        self.index: VisibilityIndex | None = None
        self.overlays: dict[str, QGraphicsPathItem] = {}
        self.visible = True
        self._plan: Plan | None = None
        self._sheet_id: str | None = None
        self._job: workers.Job | None = None

    def set_plan(self, plan: Plan | None, sheet_id: str | None) -> None:
        """Prepare the walls of ``plan`` (in the background) and redraw the overlays."""
        self._sheet_id = sheet_id
        if plan is self._plan:
            self.refresh_all()
            return
        self._plan, self.index = plan, None
        self._clear()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        if plan is None:
            return
        segments = obstacle_segments(plan)
        extents = plan.extents
        self._job = workers.run(
            lambda _cancel: build_visibility_index(segments, extents=extents),
            partial(self._on_index_ready, plan),
            self._on_index_failed,
            owner=self,
        )

    def line_is_clear(self, a: Point2, b: Point2) -> bool | None:
        if self.index is None:
            return None
        return sightline(self.index, a, b).is_clear

    def follow(self, changes: ChangeSet) -> None:
        """Recompute only the overlays of the markups an edit touched."""
        if changes.everything:
            self.refresh_all()
            return
        for markup_id in changes.removed:
            self._drop(markup_id)
        for markup_id in (*changes.added, *changes.updated):
            markup = self.bridge.review.markup(markup_id)  # type: ignore[arg-type]
            if markup is None or markup.sheet_id != self._sheet_id:
                self._drop(markup_id)
            else:
                self.show(markup)

    def preview(self, markup: Markup) -> None:
        """Show ``markup``'s overlay for a shape it does not have yet (a drag)."""
        self.show(markup)

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        for item in self.overlays.values():
            item.setVisible(visible)

    def refresh_all(self) -> None:
        self._clear()
        for markup in self.bridge.review.markups:
            if markup.sheet_id == self._sheet_id:
                self.show(markup)

    def show(self, markup: Markup) -> None:
        if self.index is None or not isinstance(markup, Observer | Camera | Sightline):
            return
        path, color, fill = self._overlay(markup)
        item = self.overlays.get(markup.id)
        if item is None:
            item = QGraphicsPathItem()
            item.setZValue(VIEWSHED_Z)
            item.setVisible(self.visible)
            self.scene.addItem(item)
            self.overlays[markup.id] = item
        pen = QPen(color)
        pen.setCosmetic(True)
        pen.setWidthF(1.2 if fill else 2.5)
        item.setPen(pen)
        fill_color = QColor(color)
        fill_color.setAlpha(45)
        item.setBrush(QBrush(fill_color) if fill else Qt.BrushStyle.NoBrush)
        item.setPath(path)
        self._show_bands(item, markup, color)

    def _show_bands(
        self, item: QGraphicsPathItem, markup: Markup, color: QColor
    ) -> None:
        """Darker shades where a camera recognises and identifies people."""
        for child in item.childItems():
            self.scene.removeItem(child)
        if not isinstance(markup, Camera) or self.index is None:
            return
        bands = camera_bands(self.index, markup)
        for level, alpha in ((Dori.RECOGNITION, 60), (Dori.IDENTIFICATION, 90)):
            band = QGraphicsPathItem(_polygon_path(bands[level]), item)
            shade = QColor(color)
            shade.setAlpha(alpha)
            band.setBrush(shade)
            band.setPen(Qt.PenStyle.NoPen)
            band.setData(0, level.name.lower())

    def _overlay(self, markup: Markup) -> tuple[QPainterPath, QColor, bool]:
        assert self.index is not None
        if isinstance(markup, Sightline):
            result = sightline(self.index, markup.start, markup.end)
            end = result.blocked_at or markup.end
            path = QPainterPath(to_scene(markup.start))
            path.lineTo(to_scene(end))
            if result.blocked_at is not None:
                path.addEllipse(to_scene(end), 0.15, 0.15)
            return path, _CLEAR if result.is_clear else _BLOCKED, False
        color = QColor(
            *agency_color(agency_of(markup, self.bridge.review), self.bridge.review)
        )
        try:
            seen = require_viewshed(self.index, markup)
        except InsideWallError as exc:
            # Say why it shows nothing, at the point as the status bar names points.
            where = self._plan.to_drawing_m(exc.point) if self._plan else exc.point
            self._report(f"{type(markup).__name__}: {InsideWallError(where)}")
            seen = None
        except ValueError:
            seen = None  # outside the analysed area: nothing to see
        return _polygon_path(seen), color, True

    def _on_index_ready(self, plan: Plan, index: object) -> None:
        if plan is not self._plan:
            return
        self._job = None
        self.index = index  # type: ignore[assignment]
        self.refresh_all()

    def _on_index_failed(self, _message: str) -> None:
        self._job = None  # no walls to see against: there is nothing to show

    def _drop(self, markup_id: str) -> None:
        item = self.overlays.pop(markup_id, None)
        if item is not None:
            self.scene.removeItem(item)

    def _clear(self) -> None:
        for markup_id in list(self.overlays):
            self._drop(markup_id)


def _polygon_path(geometry: BaseGeometry | None) -> QPainterPath:
    path = QPainterPath()
    if geometry is None or geometry.is_empty:
        return path
    for polygon in getattr(geometry, "geoms", [geometry]):
        if isinstance(polygon, ShapelyPolygon):
            _add_polygon(path, polygon)
    return path


def _add_polygon(path: QPainterPath, polygon: ShapelyPolygon) -> None:
    for ring in (polygon.exterior, *polygon.interiors):
        path.addPolygon(QPolygonF([to_scene((x, y)) for x, y, *_ in ring.coords]))
