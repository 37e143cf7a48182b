"""Tools that draw a polygon: lockable zones, safe rooms, spaces, comment clouds.

States: IDLE -> DRAWING on the first click; each click adds a vertex; double-click or
Enter finishes (three vertices at least), Backspace removes the last, Esc cancels.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId, SheetId, new_id
from designreview.model.markups import (
    Comment,
    CommentShape,
    CommentStatus,
    Markup,
    Space,
    StatusChange,
    Zone,
    ZoneKind,
)
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.preview import PreviewPath

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.model.geometry import Point2
    from designreview.model.markups import Stamp


class _State(Enum):
    IDLE = "idle"
    DRAWING = "drawing"


class PolygonTool(Tool):
    """Click the corners; double-click or Enter closes the polygon."""

    def __init__(
        self,
        ctx: ToolContext,
        name: str,
        text: str,
        shortcut: str,
        hint: str,
        factory: Callable[[MarkupId, SheetId, Stamp, tuple[Point2, ...]], Markup],
    ) -> None:
        super().__init__(ctx)
        self.name, self.text, self.shortcut, self.hint = name, text, shortcut, hint
        self._factory = factory
        self._state = _State.IDLE
        self.vertices: list[Point2] = []
        self._cursor: Point2 | None = None
        self._preview = PreviewPath(ctx.scene)

    def press(self, pos: Point2, mods: Mods) -> bool:
        point = self.point(pos, mods)
        if self.vertices and point == self.vertices[-1]:
            return True  # the second press of a double-click
        self.vertices.append(point)
        self._state = _State.DRAWING
        self._show()
        return True

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        if self._state is _State.IDLE:
            return False
        self._cursor = self.point(pos, mods)
        self._show()
        return True

    def double_click(self, pos: Point2, mods: Mods) -> bool:
        if self._state is _State.DRAWING:
            self.finish()
        return True

    def key(self, key: int, mods: Mods) -> bool:
        if self._state is _State.DRAWING and key in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.finish()
            return True
        if self._state is _State.DRAWING and key == Qt.Key.Key_Backspace:
            self.vertices.pop()
            if not self.vertices:
                self.cancel()
            self._show()
            return True
        return super().key(key, mods)

    def finish(self) -> None:
        """Submit the polygon as one markup, if it has an area."""
        sheet_id = self.ctx.sheet_id()
        vertices = tuple(dict.fromkeys(self.vertices))
        if sheet_id is None or len(vertices) < 3:
            self.ctx.hint("A polygon needs at least three corners.")
            self.cancel()
            return
        markup = self._factory(
            MarkupId(new_id()), SheetId(sheet_id), self.ctx.stamp(), vertices
        )
        self.cancel()
        self.ctx.bridge.submit(AddMarkup(markup, f"Add {self.text.lower()}"))
        self.ctx.selection.set((markup.id,), initiator=self)

    def cancel(self) -> None:
        self._state = _State.IDLE
        self.vertices = []
        self._cursor = None
        self._preview.hide_preview()

    def _show(self) -> None:
        points = [*self.vertices, *([self._cursor] if self._cursor else [])]
        self._preview.show_points(points, closed=len(points) >= 3)


def _zone(
    kind: ZoneKind,
) -> Callable[[MarkupId, SheetId, Stamp, tuple[Point2, ...]], Markup]:
    def make(
        mid: MarkupId, sid: SheetId, stamp: Stamp, pts: tuple[Point2, ...]
    ) -> Markup:
        return Zone(mid, sid, stamp, stamp, pts, kind=kind)

    return make


def _space(
    mid: MarkupId, sid: SheetId, stamp: Stamp, pts: tuple[Point2, ...]
) -> Markup:
    return Space(mid, sid, stamp, stamp, pts)


def _cloud(
    mid: MarkupId, sid: SheetId, stamp: Stamp, pts: tuple[Point2, ...]
) -> Markup:
    centre = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    return Comment(
        mid,
        sid,
        stamp,
        stamp,
        centre,
        text="",
        shape=CommentShape.CLOUD,
        cloud=pts,
        history=(StatusChange(stamp, CommentStatus.OPEN),),
    )


def polygon_tools(ctx: ToolContext) -> list[Tool]:
    """The polygon tools, in toolbar order."""
    finish = (
        " Double-click or Enter to finish, Backspace removes a corner, Esc cancels."
    )
    return [
        PolygonTool(
            ctx,
            "lockable_zone",
            "Lockable zone",
            "Z",
            "Click the corners of an area that can be secured in a lockdown." + finish,
            _zone(ZoneKind.LOCKABLE_ZONE),
        ),
        PolygonTool(
            ctx,
            "safe_room",
            "Safe room",
            "R",
            "Click the corners of a refuge room." + finish,
            _zone(ZoneKind.SAFE_ROOM),
        ),
        PolygonTool(
            ctx,
            "space",
            "Space",
            "P",
            "Click the corners of a room the import missed; name and type it "
            "in Properties." + finish,
            _space,
        ),
        PolygonTool(
            ctx,
            "cloud",
            "Cloud",
            "K",
            "Click around the area a comment is about." + finish,
            _cloud,
        ),
    ]
