"""The split tool: draw a line across a space to cut it in two (one undo step).

Works on reviewers' spaces and on detected rooms alike; a detected room split
becomes two spaces of the review that stand in for it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.space_edit import outline_contains, split_outline
from designreview.model.edits import AddMarkup, Batch, ReplaceMarkup
from designreview.model.ids import MarkupId, new_id
from designreview.model.markups import Space
from designreview.model.space_overrides import corrected
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.preview import PreviewPath

if TYPE_CHECKING:
    from designreview.model.geometry import Point2


class SplitSpaceTool(Tool):
    """Press on one wall of a space, drag across it, release on the other wall."""

    name, text, shortcut = "split_space", "Split space", "X"
    hint = "Drag a line across a space, wall to wall, to split it in two."

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self._start: Point2 | None = None
        self._preview = PreviewPath(ctx.scene)

    def press(self, pos: Point2, mods: Mods) -> bool:
        self._start = self.point(pos, mods)
        return True

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        if self._start is None:
            return False
        self._preview.show_points([self._start, self.point(pos, mods)])
        return True

    def release(self, pos: Point2, mods: Mods) -> bool:
        if self._start is None:
            return False
        start, end = self._start, self.point(pos, mods)
        self.cancel()
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        space = self._space_at(middle)
        if space is None or math.dist(start, end) == 0:
            self.ctx.hint("Draw the line across a room, from wall to wall.")
            return True
        try:
            first, second = split_outline(space.vertices, (start, end))
        except ValueError as exc:
            self.ctx.hint(str(exc))
            return True
        stamp = self.ctx.stamp()
        kept = replace(space, vertices=first, modified=stamp)
        other = replace(
            space, id=MarkupId(new_id()), vertices=second, created=stamp, modified=stamp
        )
        split = Batch((ReplaceMarkup(space, kept), AddMarkup(other)), "Split space")
        self.ctx.bridge.submit(corrected(split, self.ctx.bridge.review))
        self.ctx.selection.set((kept.id, other.id), initiator=self)
        return True

    def cancel(self) -> None:
        self._start = None
        self._preview.hide_preview()

    def _space_at(self, point: Point2) -> Space | None:
        sheet_id = self.ctx.sheet_id()
        for markup in reversed(self.ctx.bridge.review.markups):
            if (
                isinstance(markup, Space)
                and markup.sheet_id == sheet_id
                and outline_contains(markup.vertices, point)
            ):
                return markup
        return self.ctx.detected.at(point)
