"""File > Replace Drawing: the architect's revision of the sheet shown.

The review is carried onto it in the background and adopted as one undoable step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QMessageBox

from designreview.model.merge import AdoptMerge
from designreview.review_file.revise import revise_sheet
from designreview.ui.qt_helpers import tell

if TYPE_CHECKING:
    from pathlib import Path

    from designreview.analysis.revision import RevisionReport
    from designreview.model.plan import Plan
    from designreview.model.review import Review
    from designreview.ui.window.commands.context import WindowContext


def choose_and_replace_drawing(ctx: WindowContext) -> None:
    """Ask for the revised drawing of the sheet shown and carry the review onto it."""
    sheet = ctx.sheets.sheet()
    if sheet is None or ctx.sheets.plan is None:
        ctx.report("Open a drawing first.", 4000)
        return
    path = ctx.prompts().drawing_path(ctx.session.path)
    if path is not None:
        replace_drawing(ctx, path)


def replace_drawing(ctx: WindowContext, path: Path) -> None:
    """Read ``path`` as the new drawing of the sheet shown, in the background."""
    sheet, old = ctx.sheets.sheet(), ctx.sheets.plan
    if sheet is None or old is None:
        return
    before = ctx.bridge.review
    by = ctx.bridge.document.stamp()
    loaded = {k: p for k, p in ctx.loader.cached_plans(before).items() if p is not None}
    ctx.report(f"Reading {path.name} as the new drawing of {sheet.name}…", 0)

    def work(control: object) -> object:
        return revise_sheet(
            before,
            sheet,
            path,
            by,
            old_plan=old,
            known=loaded,
            cancelled=getattr(control, "is_set", None),
            progress=getattr(control, "report", None),
        )

    def done(result: object) -> None:
        after, report, plan = cast("tuple[Review, RevisionReport, Plan]", result)
        _adopt(ctx, before, after, report, plan)

    def failed(message: str) -> None:
        ctx.report(f"Could not replace the drawing of {sheet.name}", 8000)
        tell(ctx.window, QMessageBox.Icon.Warning, "Cannot replace drawing", message)

    ctx.loader.run(work, done, failed)


def _adopt(
    ctx: WindowContext,
    before: Review,
    after: Review,
    report: RevisionReport,
    plan: Plan,
) -> None:
    if ctx.bridge.review is not before:
        ctx.report(
            "The review changed while the new drawing was read; try again.", 8000
        )
        return
    sheet = next(s for s in after.sheets if s.id == report_sheet_id(after, report))
    ctx.loader.remember(sheet, plan)
    ctx.bridge.submit(AdoptMerge(before, after, f"Replace drawing of {sheet.name}"))
    ctx.sheets.show(sheet.id)
    ctx.report(report.lines[0], 8000)
    tell(
        ctx.window,
        QMessageBox.Icon.Information,
        "Drawing replaced",
        "\n".join(report.lines),
    )


def report_sheet_id(review: Review, report: RevisionReport) -> str:
    """The id of the sheet the report is about (reports name their sheet)."""
    return next(s.id for s in review.sheets if s.name == report.sheet)
