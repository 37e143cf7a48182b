"""The plan's right-click menu: what can be done to the thing under the cursor."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu

from designreview.model.markups import AccessPoint, Space, SpaceType
from designreview.model.space_overrides import corrected
from designreview.render.fields import choice_label
from designreview.render.markup_fields import field_edit, field_named, shared_value
from designreview.ui.canvas.coords import to_model

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QAction

    from designreview.model.markups import Markup
    from designreview.ui.window.commands.context import WindowContext

_TYPES = tuple(t for t in SpaceType if t is not SpaceType.UNKNOWN)


class PlanMenu(QObject):
    """Builds and shows the plan's context menu; the commands stay the menu bar's."""

    def __init__(
        self,
        ctx: WindowContext,
        actions: dict[str, QAction],
        show_properties: Callable[[], None],
    ) -> None:
        super().__init__(ctx.window)
        self._ctx, self._actions = ctx, actions
        self._show_properties = show_properties
        view = ctx.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_view_menu_requested)

    def menu_at(self, view_pos: QPoint) -> QMenu:
        """Select what lies at ``view_pos`` (unless it is selected) and its menu."""
        self._pick(to_model(self._ctx.view.mapToScene(view_pos)))
        markups = self._selected()
        menu = QMenu(self._ctx.view)
        doors = [m for m in markups if isinstance(m, AccessPoint)]
        spaces = [m for m in markups if isinstance(m, Space)]
        drawn = [m for m in markups if self._ctx.bridge.review.markup(m.id)]
        self._add(menu, "Properties", bool(markups), self._show_properties)
        if spaces:
            self._add_types(menu, spaces)
        menu.addSeparator()
        self._add_action(menu, "flip_hinge", bool(doors))
        self._add_action(menu, "merge_spaces", len(spaces) >= 2)
        self._add_action(menu, "delete", bool(drawn))
        menu.addSeparator()
        self._add_action(menu, "fit", True)
        return menu

    def _on_view_menu_requested(self, view_pos: QPoint) -> None:
        menu = self.menu_at(view_pos)
        menu.exec(self._ctx.view.viewport().mapToGlobal(view_pos))
        menu.deleteLater()

    def _pick(self, pos: tuple[float, float]) -> None:
        select, selection = self._ctx.tools.select, self._ctx.selection
        hit = select.markup_at(pos)
        if hit is None:
            room = select.ctx.detected.at(pos)
            hit = room.id if room is not None else None
        if hit is None:
            selection.clear(initiator=self)
        elif hit not in selection.ids:
            selection.set((hit,), initiator=self)

    def _selected(self) -> list[Markup]:
        ids = self._ctx.selection.ids
        review = self._ctx.bridge.review
        found: dict[str, Markup] = {m.id: m for m in review.markups if m.id in ids}
        missing = [i for i in ids if i not in found]
        detected = self._ctx.tools.select.ctx.detected
        found.update((room.id, room) for room in detected.of(missing))
        return [found[i] for i in ids if i in found]

    def _add_types(self, menu: QMenu, spaces: Sequence[Markup]) -> None:
        field = field_named(Space, "space_type")
        current = shared_value(spaces, field)
        types = menu.addMenu("Room Type")
        for kind in _TYPES:
            action = types.addAction(choice_label(kind))
            action.setCheckable(True)
            action.setChecked(kind is current)
            action.triggered.connect(partial(self._set_type, kind))

    def _set_type(self, kind: SpaceType) -> None:
        spaces = [m for m in self._selected() if isinstance(m, Space)]
        field = field_named(Space, "space_type")
        bridge = self._ctx.bridge
        edit = field_edit(spaces, field, kind, bridge.document.stamp())
        if edit is not None:
            bridge.submit(corrected(edit, bridge.review), self)

    def _add_action(self, menu: QMenu, action_id: str, enabled: bool) -> None:
        source = self._actions[action_id]
        self._add(menu, source.text(), enabled, source.trigger)

    @staticmethod
    def _add(menu: QMenu, text: str, enabled: bool, run: Callable[[], object]) -> None:
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(run)
