"""The select tool: pick, add to the pick, rubber-band, move by dragging, delete.

A click on no markup picks the detected room under it, a band also picks the rooms
wholly inside it, so they can be retyped, renamed or merged (``detected_spaces``).

States: IDLE; PRESSED_ON_MARKUP -> MOVING once the pointer travels; RUBBER_BAND when
pressed on empty canvas. A move is one undo step, submitted on release.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from designreview.model.edits import Batch, RemoveMarkup, ReplaceMarkup
from designreview.model.ids import MarkupId
from designreview.model.markup_geometry import handles, translated, with_handle_moved
from designreview.render.markup_graphics import markup_graphic
from designreview.ui.canvas.coords import to_scene
from designreview.ui.canvas.items.markup_item import markup_id_of
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.preview import PreviewPath

if TYPE_CHECKING:
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup

PICK_TOLERANCE_PX = 5.0
_ADDS = Mods.ShiftModifier | Mods.ControlModifier
"""Shift or Ctrl with a click adds to the selection or takes away (CAD habits)."""
DRAG_START_PX = 3.0


class _State(Enum):
    IDLE = "idle"
    PRESSED = "pressed"
    MOVING = "moving"
    RESHAPING = "reshaping"
    RUBBER_BAND = "rubber_band"


class SelectTool(Tool):
    """Click a markup to select it, drag to move, Delete to remove."""

    name, text, shortcut = "select", "Select", "S"
    hint = (
        "Click a markup or a room to select it (Shift or Ctrl adds), drag it to "
        "move, drag on empty space to select an area, Delete removes."
    )
    snaps = False

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self._state = _State.IDLE
        self._origin: Point2 = (0.0, 0.0)
        self._band = PreviewPath(ctx.scene)
        self._handle: tuple[Markup, int] | None = None

    def press(self, pos: Point2, mods: Mods) -> bool:
        self._origin = pos
        if self._grab_handle(pos):
            self._state = _State.RESHAPING
            return True
        hit = self.markup_at(pos)
        selection = self.ctx.selection
        if hit is None:
            self._state = _State.RUBBER_BAND
            if not mods & _ADDS:
                selection.clear(initiator=self)
                self.ctx.clear_finding()
            return True
        if mods & _ADDS:
            ids = selection.ids
            selection.set(
                tuple(i for i in ids if i != hit) if hit in ids else (*ids, hit),
                initiator=self,
            )
        elif hit not in selection.ids:
            selection.set((hit,), initiator=self)
        self._state = _State.PRESSED
        return True

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        if self._state is _State.IDLE or not dragging:
            return False
        if self._state is _State.RESHAPING:
            self._reshape_preview(pos)
            return True
        dx, dy = pos[0] - self._origin[0], pos[1] - self._origin[1]
        if self._state is _State.PRESSED and self._pixels(dx, dy) >= DRAG_START_PX:
            self._state = _State.MOVING
        if self._state is _State.MOVING:
            self._move_preview(dx, dy)
        elif self._state is _State.RUBBER_BAND:
            x0, y0 = self._origin
            self._band.show_points([(x0, y0), (pos[0], y0), pos, (x0, pos[1])], True)
        return True

    def release(self, pos: Point2, mods: Mods) -> bool:
        state, self._state = self._state, _State.IDLE
        if state is _State.RESHAPING:
            self._submit_reshape(pos)
        elif state is _State.MOVING:
            self._submit_move(pos[0] - self._origin[0], pos[1] - self._origin[1])
        elif state is _State.RUBBER_BAND:
            self._band.hide_preview()
            add = bool(mods & _ADDS)
            dx, dy = pos[0] - self._origin[0], pos[1] - self._origin[1]
            if self._pixels(dx, dy) < DRAG_START_PX:
                self._pick_room(pos, add)
            else:
                self._select_in_band(pos, add)
        return state is not _State.IDLE

    def key(self, key: int, mods: Mods) -> bool:
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.ctx.selection.ids:
            self.delete_selected()
            return True
        return super().key(key, mods)

    def cancel(self) -> None:
        if self._state in (_State.MOVING, _State.RESHAPING):
            self._move_preview(0.0, 0.0)  # back where the model has them
            for markup_id in self.ctx.selection.ids:
                markup = self.ctx.bridge.review.markup(MarkupId(markup_id))
                item = self.ctx.scene.markup_layer.items.get(markup_id)
                if markup is not None and item is not None:
                    item.update_from(markup_graphic(markup, self.ctx.bridge.review))
        self._state = _State.IDLE
        self._band.hide_preview()

    def delete_selected(self) -> None:
        review = self.ctx.bridge.review
        markups = [
            m for m in (review.markup(MarkupId(i)) for i in self.ctx.selection.ids) if m
        ]
        # Last first, so that undo (which runs the inverses in reverse) re-inserts
        # each markup at its old index.
        removals = sorted(
            (RemoveMarkup.of(review, m) for m in markups),
            key=lambda edit: edit.index or 0,
            reverse=True,
        )
        if removals:
            label = (
                "Delete markup"
                if len(removals) == 1
                else f"Delete {len(removals)} markups"
            )
            self.ctx.selection.clear(initiator=self)
            self.ctx.bridge.submit(Batch(tuple(removals), label))

    def markup_at(self, pos: Point2) -> str | None:
        """The id of the top markup under ``pos`` (within a few pixels)."""
        tolerance = PICK_TOLERANCE_PX / max(self.ctx.view.scale_factor(), 1e-9)
        centre = to_scene(pos)
        rect = QRectF(
            centre - QPointF(tolerance, tolerance),
            centre + QPointF(tolerance, tolerance),
        )
        items = self.ctx.scene.items(
            rect,
            Qt.ItemSelectionMode.IntersectsItemShape,
            Qt.SortOrder.DescendingOrder,
            self.ctx.view.transform(),
        )
        for item in items:
            markup_id = markup_id_of(item)
            if markup_id is not None:
                return markup_id
        return None

    def _move_preview(self, dx: float, dy: float) -> None:
        review = self.ctx.bridge.review
        for markup_id in self.ctx.selection.ids:
            item = self.ctx.scene.markup_layer.items.get(markup_id)
            if item is not None:
                item.move_preview(dx, dy)
            markup = review.markup(MarkupId(markup_id))
            if markup is not None:
                self.ctx.preview(translated(markup, dx, dy))

    def _grab_handle(self, pos: Point2) -> bool:
        """Start reshaping if ``pos`` is on a handle of the one selected markup."""
        ids = self.ctx.selection.ids
        markup = (
            self.ctx.bridge.review.markup(MarkupId(ids[0])) if len(ids) == 1 else None
        )
        if markup is None:
            return False
        tolerance = PICK_TOLERANCE_PX / max(self.ctx.view.scale_factor(), 1e-9)
        for index, point in enumerate(handles(markup)):
            if (
                abs(point[0] - pos[0]) <= tolerance
                and abs(point[1] - pos[1]) <= tolerance
            ):
                self._handle = (markup, index)
                return True
        return False

    def _reshaped(self, pos: Point2) -> Markup | None:
        if self._handle is None:
            return None
        markup, index = self._handle
        return with_handle_moved(markup, index, self.point(pos, Mods.NoModifier))

    def _reshape_preview(self, pos: Point2) -> None:
        reshaped = self._reshaped(pos)
        if reshaped is not None:
            item = self.ctx.scene.markup_layer.items.get(reshaped.id)
            if item is not None:
                item.update_from(markup_graphic(reshaped, self.ctx.bridge.review))
                item.show_handles(handles(reshaped))
            self.ctx.preview(reshaped)

    def _submit_reshape(self, pos: Point2) -> None:
        reshaped = self._reshaped(pos)
        if reshaped is None or self._handle is None:
            return
        before = self._handle[0]
        self._handle = None
        after = replace(reshaped, modified=self.ctx.stamp())
        self.ctx.bridge.submit(ReplaceMarkup(before, after, "Reshape markup"))

    def _submit_move(self, dx: float, dy: float) -> None:
        review, stamp = self.ctx.bridge.review, self.ctx.stamp()
        edits = []
        for markup_id in self.ctx.selection.ids:
            before = review.markup(markup_id)  # type: ignore[arg-type]
            if before is not None:
                after = replace(translated(before, dx, dy), modified=stamp)
                edits.append(ReplaceMarkup(before, after, "Move markup"))
        for item in self.ctx.scene.markup_layer.items.values():
            item.move_preview(0.0, 0.0)
        if edits:
            label = "Move markup" if len(edits) == 1 else f"Move {len(edits)} markups"
            self.ctx.bridge.submit(Batch(tuple(edits), label))

    def _select_in_band(self, pos: Point2, add: bool) -> None:
        rect = QRectF(to_scene(self._origin), to_scene(pos)).normalized()
        found = [
            markup_id
            for markup_id, item in self.ctx.scene.markup_layer.items.items()
            if rect.intersects(item.sceneBoundingRect())
            or rect.contains(to_scene(item.graphic.anchor))
        ]
        found += self.ctx.detected.inside(self._origin, pos)
        ids = (*self.ctx.selection.ids, *found) if add else tuple(found)
        self.ctx.selection.set(ids, initiator=self)

    def _pick_room(self, pos: Point2, add: bool) -> None:
        """A click on no markup picks the detected room there (Shift: toggles it)."""
        room = self.ctx.detected.at(pos)
        if room is None:
            return
        ids = self.ctx.selection.ids
        if not add:
            self.ctx.selection.set((room.id,), initiator=self)
        elif room.id in ids:
            self.ctx.selection.set(tuple(i for i in ids if i != room.id), self)
        else:
            self.ctx.selection.set((*ids, room.id), initiator=self)

    def _pixels(self, dx: float, dy: float) -> float:
        return float((dx * dx + dy * dy) ** 0.5 * self.ctx.view.scale_factor())
