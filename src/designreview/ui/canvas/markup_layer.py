"""The markups of the shown sheet as items, kept in step with the model by id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.ids import MarkupId
from designreview.model.markup_geometry import handles
from designreview.render.markup_graphics import markup_graphic
from designreview.render.markup_text import full_label
from designreview.ui.canvas.items.markup_item import MARKUP_ID_ROLE, MarkupItem

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QGraphicsScene

    from designreview.model.changes import ChangeSet
    from designreview.model.markups import Space
    from designreview.model.review import Review


class MarkupLayer:
    """One item per markup of a sheet; a change touches only the listed ids."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self.items: dict[str, MarkupItem] = {}
        self._sheet_id: str | None = None
        self._highlighted: set[str] = set()
        self._stand_ins: list[MarkupItem] = []
        self.presentation_scale = 1.0
        self.on_changed: Callable[[], None] = lambda: None
        """Told after markups were shown, changed or resized (labels move then)."""

    def show(self, review: Review, sheet_id: str | None) -> None:
        """Show every markup of ``sheet_id`` (a new review or another sheet)."""
        for item in self.items.values():
            self._scene.removeItem(item)
        self.items = {}
        self._sheet_id = sheet_id
        for markup in review.markups:
            if markup.sheet_id == sheet_id:
                self._put(markup.id, review)
        self.on_changed()

    def apply(self, review: Review, changes: ChangeSet) -> None:
        """Follow an edit: rebuild all on ``everything``, else only the listed ids."""
        if changes.everything:
            self.show(review, self._sheet_id)
            return
        for markup_id in changes.removed:
            self._drop(markup_id)
        for markup_id in (*changes.added, *changes.updated):
            self._put(markup_id, review)
        self.on_changed()

    def set_presentation_scale(self, scale: float) -> None:
        self.presentation_scale = scale
        for item in self.items.values():
            item.set_presentation_scale(scale)
        self.on_changed()

    def highlight(self, ids: tuple[str, ...], review: Review | None = None) -> None:
        """Mark the selected markups; the only selected one shows its handles."""
        self._highlighted = set(ids)
        for markup_id, item in self.items.items():
            item.set_highlighted(markup_id in self._highlighted)
            markup = None
            if review is not None and len(ids) == 1:
                markup = review.markup(MarkupId(markup_id))
            item.show_handles(handles(markup) if markup and markup_id in ids else ())

    def show_stand_ins(self, spaces: list[Space], review: Review) -> None:
        """Outline the selected detected rooms, which are no markups (yet)."""
        for item in self._stand_ins:
            self._scene.removeItem(item)
        self._stand_ins = []
        for space in spaces:
            item = MarkupItem(markup_graphic(space, review))
            item.set_highlighted(True)
            # Not picked as a markup: a click on it picks the room (select tool).
            for part in (item, *item.childItems()):
                part.setData(MARKUP_ID_ROLE, "")
            self._scene.addItem(item)
            self._stand_ins.append(item)

    def _put(self, markup_id: str, review: Review) -> None:
        markup = review.markup(markup_id)  # type: ignore[arg-type]
        if markup is None or markup.sheet_id != self._sheet_id:
            self._drop(markup_id)
            return
        graphic = markup_graphic(markup, review)
        item = self.items.get(markup_id)
        if item is None:
            item = MarkupItem(graphic)
            item.set_presentation_scale(self.presentation_scale)
            self._scene.addItem(item)
            self.items[markup_id] = item
        else:
            item.setPos(0, 0)
            item.update_from(graphic)
        item.set_tooltip(full_label(markup))  # the whole text on hover
        item.set_highlighted(markup_id in self._highlighted)
        selected_alone = self._highlighted == {markup_id}
        item.show_handles(handles(markup) if selected_alone else ())

    def _drop(self, markup_id: str) -> None:
        item = self.items.pop(markup_id, None)
        if item is not None:
            self._scene.removeItem(item)
