"""The Edit menu's own commands (Undo and Redo come from the undo stack)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.render.markup_fields import hinge_flip_edit
from designreview.ui.tools.space_commands import merge_selected_spaces as merge

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext


def delete_selected(ctx: WindowContext) -> None:
    """Delete the selected markups, as the select tool's Delete key does."""
    ctx.tools.select.delete_selected()


def select_all_markups(ctx: WindowContext) -> None:
    """Select every markup drawn on the sheet shown."""
    ctx.selection.set(tuple(ctx.scene.markup_layer.items), initiator=ctx.window)


def merge_selected_spaces(ctx: WindowContext) -> None:
    """Join the selected neighbouring spaces, or say why they cannot be joined."""
    problem = merge(ctx.bridge, ctx.selection, ctx.tools.select.ctx.detected)
    if problem is not None:
        ctx.report(problem, 6000)


def flip_door_hinges(ctx: WindowContext) -> None:
    """Put the hinge of each selected door at its other end, or say what to select."""
    wanted = set(ctx.selection.ids)
    markups = [m for m in ctx.bridge.review.markups if m.id in wanted]
    edit = hinge_flip_edit(markups, ctx.bridge.document.stamp())
    if edit is None:
        ctx.report("Select a door (an access point) to flip its hinge.", 6000)
        return
    ctx.bridge.submit(edit, ctx.window)
