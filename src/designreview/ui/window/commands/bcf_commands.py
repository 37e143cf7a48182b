"""File > Import BCF: the architect's replies and statuses from a BIM tool, merged.

The same merge as ``designreview import-bcf``; the window asks for the file, merges
what is new into the open review as one undoable step, and says what it merged.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from designreview.analysis.run import run_checks
from designreview.exports.bcf.merge_back import merge_bcf
from designreview.exports.bcf.reading import read_bcf
from designreview.model.errors import DesignReviewError
from designreview.ui.qt_helpers import tell
from designreview.ui.session.findings_runner import plans_for_review

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext


def import_bcf(ctx: WindowContext) -> QMessageBox | None:
    """Ask for a BCF file, merge it, and show what was merged (the box shown)."""
    review = ctx.bridge.review
    if not review.sheets:
        ctx.report("Open a review first.", 4000)
        return None
    path = ctx.prompts().bcf_path(ctx.session.path)
    if path is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        version, topics = read_bcf(path)
        cached = ctx.loader.cached_plans(review)
        plans = plans_for_review(review, cached, threading.Event())
        result = run_checks(review, plans)
        merge = merge_bcf(review, result, topics, file=path.name, version=version)
    except DesignReviewError as exc:
        return tell(ctx.window, QMessageBox.Icon.Warning, "Cannot import BCF", str(exc))
    finally:
        QApplication.restoreOverrideCursor()
    if merge.edit is not None:
        ctx.bridge.submit(merge.edit)
    first = merge.report.summary().splitlines()[1]
    ctx.report(first, 8000)
    return tell(
        ctx.window, QMessageBox.Icon.Information, "BCF imported", merge.report.summary()
    )
