"""File > Merge Review: other agencies' copies of this review merged into it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from designreview.model.errors import DesignReviewError
from designreview.model.merge import Copy, common_base
from designreview.review_file.archive import read_review
from designreview.ui.dialogs.merge_dialog import MergeDialog

if TYPE_CHECKING:
    from pathlib import Path

    from designreview.ui.window.commands.context import WindowContext


def merge_review(ctx: WindowContext) -> None:
    """Ask for the other copies, then show the merge and its conflicts."""
    paths = ctx.prompts().review_paths(ctx.session.path)
    if not paths:
        return
    try:
        copies, base = merge_inputs(ctx, paths)
    except DesignReviewError as exc:
        QMessageBox.warning(ctx.window, "Cannot merge", str(exc))
        return
    dialog = MergeDialog(ctx.bridge, copies, base, ctx.window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def merge_inputs(
    ctx: WindowContext, paths: list[Path]
) -> tuple[list[Copy], Copy | None]:
    """The open review and the copies at ``paths``, and their common ancestor.

    The ancestor is one of the files, or the open review as it was last saved,
    when every copy descends from it; else there is none (a two-way merge).

    Raises:
        DesignReviewError: a file is no review, or is this review itself.
    """
    ours = Copy(ctx.session.display_name, ctx.bridge.review)
    files = [Copy(path.name, read_review(path)) for path in paths]
    if ctx.session.path is not None and ctx.session.path in paths:
        raise DesignReviewError("That is the open review; choose other copies of it.")
    candidates = list(files)
    if ctx.session.on_disk is not None:
        candidates.append(Copy(f"{ours.name} as saved", ctx.session.on_disk))
    base = common_base([ours, *files], candidates)
    others = [c for c in files if c is not base]
    return [ours, *(others or files)], base
