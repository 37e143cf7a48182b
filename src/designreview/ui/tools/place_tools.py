"""Tools that place a markup with one click: access points and observers.

Each is the same small machine (IDLE: a click places, the tool stays active); they
differ only in the markup they make, so they share this one class and a table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId, SheetId, new_id
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Markup,
    Observer,
    ObserverKind,
)
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.door_fit import door_near, fitted

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.model.geometry import Point2
    from designreview.model.markups import Stamp


class PlaceTool(Tool):
    """Click to place a markup where the (snapped) pointer is."""

    def __init__(
        self,
        ctx: ToolContext,
        name: str,
        text: str,
        shortcut: str,
        hint: str,
        factory: Callable[[MarkupId, SheetId, Stamp, Point2], Markup],
    ) -> None:
        super().__init__(ctx)
        self.name, self.text, self.shortcut, self.hint = name, text, shortcut, hint
        self._factory = factory

    def press(self, pos: Point2, mods: Mods) -> bool:
        sheet_id = self.ctx.sheet_id()
        if sheet_id is None:
            self.ctx.hint("Open a drawing first.")
            return True
        markup = self._factory(
            MarkupId(new_id()),
            SheetId(sheet_id),
            self.ctx.stamp(),
            self.point(pos, mods),
        )
        door = door_near(self.ctx.plan(), pos)
        if isinstance(markup, AccessPoint) and door and not mods & Mods.AltModifier:
            markup = fitted(markup, door)
            self.ctx.hint(
                f"Placed on door {door.number or '(unnumbered)'}; check its "
                "lock and role in Properties."
            )
        self.ctx.bridge.submit(AddMarkup(markup, f"Add {self.text.lower()}"))
        self.ctx.selection.set((markup.id,), initiator=self)
        return True


def _access_point(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return AccessPoint(mid, sid, stamp, stamp, at, kind=AccessKind.INTERIOR_DOOR)


def _exterior_door(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return AccessPoint(mid, sid, stamp, stamp, at, kind=AccessKind.EXTERIOR_DOOR)


def _observer(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return Observer(mid, sid, stamp, stamp, at, kind=ObserverKind.STAFF_POST)


def place_tools(ctx: ToolContext) -> list[Tool]:
    """The one-click tools, in toolbar order."""
    return [
        PlaceTool(
            ctx,
            "access_point",
            "Access point",
            "A",
            "Click on a door or wall to mark an interior door; set its lock in "
            "Properties.",
            _access_point,
        ),
        PlaceTool(
            ctx,
            "exterior_door",
            "Exterior door",
            "E",
            "Click on an exterior door; mark the primary visitor entry in Properties.",
            _exterior_door,
        ),
        PlaceTool(
            ctx,
            "observer",
            "Observer",
            "O",
            "Click where staff watch from: reception desk, office window, post.",
            _observer,
        ),
    ]
