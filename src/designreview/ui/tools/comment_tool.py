"""The comment tool: click for a pin, drag for a callout with a leader line.

A callout's drag starts at what the comment is about and ends where the note sits.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId, SheetId, new_id
from designreview.model.markups import (
    Comment,
    CommentShape,
    CommentStatus,
    StatusChange,
)
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.preview import PreviewPath

if TYPE_CHECKING:
    from designreview.model.geometry import Point2

CALLOUT_MIN_PX = 12.0


class CommentTool(Tool):
    """States: IDLE; PRESSED after a press; a release makes a pin or a callout."""

    name, text, shortcut = "comment", "Comment", "C"
    hint = (
        "Click to pin a comment, or drag from what it is about to where the note "
        "should sit for a callout. Type the comment in Properties."
    )

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self._subject: Point2 | None = None
        self._preview = PreviewPath(ctx.scene)

    def press(self, pos: Point2, mods: Mods) -> bool:
        self._subject = self.point(pos, mods)
        return True

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        if self._subject is None or not dragging:
            return False
        self._preview.show_points([self._subject, pos])
        return True

    def release(self, pos: Point2, mods: Mods) -> bool:
        subject, self._subject = self._subject, None
        self._preview.hide_preview()
        sheet_id = self.ctx.sheet_id()
        if subject is None or sheet_id is None:
            return subject is not None
        scale = self.ctx.view.scale_factor()
        dragged = math.dist(pos, subject) * scale
        callout = dragged >= CALLOUT_MIN_PX
        stamp = self.ctx.stamp()
        comment = Comment(
            MarkupId(new_id()),
            SheetId(sheet_id),
            stamp,
            stamp,
            pos if callout else subject,
            text="",
            shape=CommentShape.CALLOUT if callout else CommentShape.PIN,
            leader_to=subject if callout else None,
            history=(StatusChange(stamp, CommentStatus.OPEN),),
        )
        self.ctx.bridge.submit(
            AddMarkup(comment, "Add callout" if callout else "Add comment")
        )
        self.ctx.selection.set((comment.id,), initiator=self)
        return True

    def cancel(self) -> None:
        self._subject = None
        self._preview.hide_preview()
