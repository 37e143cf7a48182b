"""The comment tool: click for a pin, drag for a callout with a leader line.

A callout's drag starts at what the comment is about and ends where the note sits.
The text is typed in a box at the place; a comment is made only when it has words,
so a stray click leaves nothing behind.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId, SheetId, new_id
from designreview.model.markups import (
    Comment,
    CommentShape,
    CommentStatus,
    StatusChange,
)
from designreview.ui.canvas.coords import to_scene
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.inline_text import InlineTextEdit
from designreview.ui.tools.preview import PreviewPath

if TYPE_CHECKING:
    from designreview.model.geometry import Point2

CALLOUT_MIN_PX = 12.0
PIN_PREVIEW_PX = 6.0


class CommentTool(Tool):
    """Pressed, released, then typing until the box closes (Esc drops the comment)."""

    name, text, shortcut = "comment", "Comment", "C"
    hint = (
        "Click to pin a comment, or drag from its subject for a callout; "
        "type it there, Enter places it."
    )

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self._subject: Point2 | None = None
        self._preview = PreviewPath(ctx.scene)
        self.editor: InlineTextEdit | None = None
        """The box the comment being placed is typed into, while it is open."""

    def press(self, pos: Point2, mods: Mods) -> bool:
        if self.editor is not None:  # a click elsewhere places the comment typed
            self.editor.finish(self.editor.text())
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
        callout = math.dist(pos, subject) * scale >= CALLOUT_MIN_PX
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
        self._ask_text(comment)
        return True

    def deactivate(self) -> None:
        if self.editor is not None:  # what was typed is kept, as on leaving the box
            self.editor.finish(self.editor.text())
        super().deactivate()

    def cancel(self) -> None:
        self._subject = None
        if self.editor is not None:
            self.editor.finish(None)
        self._preview.hide_preview()

    def _ask_text(self, comment: Comment) -> None:
        """Mark the place and open a box for the text; nothing is made until then."""
        view = self.ctx.view
        if comment.leader_to is not None:
            self._preview.show_points([comment.leader_to, comment.position])
        else:
            r = PIN_PREVIEW_PX / max(view.scale_factor(), 1e-9)
            x, y = comment.position
            self._preview.show_points(
                [(x - r, y), (x, y + r), (x + r, y), (x, y - r)], True
            )
        at = view.mapFromScene(to_scene(comment.position))
        self.editor = InlineTextEdit(view.viewport(), at)
        self.editor.finished.connect(partial(self._on_editor_finished, comment))

    def _on_editor_finished(self, comment: Comment, text: str | None) -> None:
        self.editor = None
        self._preview.hide_preview()
        words = (text or "").strip()
        if not words:
            self.ctx.hint("No comment placed: nothing was typed.")
            return
        callout = comment.shape is CommentShape.CALLOUT
        self.ctx.bridge.submit(
            AddMarkup(
                replace(comment, text=words),
                "Add callout" if callout else "Add comment",
            )
        )
        self.ctx.selection.set((comment.id,), initiator=self)
