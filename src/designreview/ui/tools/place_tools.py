"""Tools that place a markup with one click: access points, breach points, observers.

Each is the same small machine (IDLE: a click places, the tool stays active); they
differ only in the markup they make, so they share this one class and a table.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.wall_gaps import GapVerdict
from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId, SheetId, new_id
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    AssetKind,
    Breach,
    BreachKind,
    Markup,
    Observer,
    ObserverKind,
    ResponderMark,
)
from designreview.model.units import format_length
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.door_fit import (
    door_near,
    fitted,
    fitted_to_gap,
    gap_near,
    refusal,
)

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
        if isinstance(markup, AccessPoint):
            markup = self._fit_door(markup, pos, mods)
        self.ctx.bridge.submit(AddMarkup(markup, f"Add {self.text.lower()}"))
        self.ctx.selection.set((markup.id,), initiator=self)
        return True

    def _fit_door(self, access: AccessPoint, pos: Point2, mods: Mods) -> AccessPoint:
        """On a detected door, or filling the wall opening clicked (Alt: neither)."""
        access = replace(access, hinge_known=False)
        plan = self.ctx.plan()
        if mods & Mods.AltModifier or plan is None:
            return access
        door = door_near(plan, pos)
        if door is not None:
            self.ctx.hint(
                f"Placed on door {door.number or '(unnumbered)'}; check its "
                "lock and role in Properties."
            )
            return fitted(access, door)
        fit = gap_near(plan, pos)
        if fit is None:
            return access
        if fit.verdict is not GapVerdict.DOOR:
            self.ctx.hint(refusal(fit, plan.is_imperial))
            return access
        self.ctx.hint(
            f"Fitted to the {format_length(fit.gap.width_m, plan.is_imperial)} "
            "opening, hinge at the end nearer the click. To swap it, add 180 to "
            "Angle in Properties, and tick Hinge side known once it is right."
        )
        return fitted_to_gap(access, fit.gap)


def _access_point(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return AccessPoint(mid, sid, stamp, stamp, at, kind=AccessKind.INTERIOR_DOOR)


def _exterior_door(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return AccessPoint(mid, sid, stamp, stamp, at, kind=AccessKind.EXTERIOR_DOOR)


def _breach(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return Breach(mid, sid, stamp, stamp, at, kind=BreachKind.GLAZED_ENTRY)


def _observer(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return Observer(mid, sid, stamp, stamp, at, kind=ObserverKind.STAFF_POST)


def _responder_mark(mid: MarkupId, sid: SheetId, stamp: Stamp, at: Point2) -> Markup:
    return ResponderMark(mid, sid, stamp, stamp, at, kind=AssetKind.KEY_BOX)


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
            "breach",
            "Breach point",
            "B",
            "Click on glass or a window an intruder could break through; set its "
            "type in Properties.",
            _breach,
        ),
        PlaceTool(
            ctx,
            "observer",
            "Observer",
            "O",
            "Click where staff watch from: reception desk, office window, post.",
            _observer,
        ),
        PlaceTool(
            ctx,
            "responder_mark",
            "Responder mark",
            "J",
            "Click where a responder item is (key box, AED, shut-off, hallway "
            "name...); choose the item in Properties.",
            _responder_mark,
        ),
    ]
