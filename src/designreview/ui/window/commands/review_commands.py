"""The Review menu: who reviews, how the drawing is read, the checks' settings."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.model.edits import ReplaceSheet
from designreview.ui.dialogs.check_settings_dialog import CheckSettingsDialog
from designreview.ui.dialogs.layer_roles_dialog import LayerRolesDialog
from designreview.ui.dialogs.reviewers_dialog import ReviewersDialog
from designreview.ui.dialogs.units_dialog import UnitsDialog

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext

MODEL_SPACE = "Model space"


def edit_reviewers(ctx: WindowContext) -> None:
    """Who takes part in the review, for which agency."""
    ReviewersDialog(ctx.bridge, ctx.window).exec()


def edit_layer_roles(ctx: WindowContext) -> None:
    """Correct what each layer of the sheet shown holds, its layer lit on the plan."""
    sheet, plan = ctx.sheets.sheet(), ctx.sheets.plan
    if sheet is None or plan is None:
        ctx.report("Open a drawing first.", 4000)
        return
    dialog = LayerRolesDialog(ctx.bridge, sheet, plan, ctx.window)
    dialog.layer_highlighted.connect(ctx.scene.highlight_layer)
    dialog.exec()
    ctx.scene.highlight_layer(None)


def edit_units(ctx: WindowContext) -> None:
    """Confirm or change the drawing's unit, offering the last measured length."""
    sheet, plan = ctx.sheets.sheet(), ctx.sheets.plan
    if sheet is None or plan is None:
        ctx.report("Open a drawing first.", 4000)
        return
    measured_m = ctx.tools.measure.measured_m()
    measured_units = None if measured_m is None else measured_m / plan.scale_to_m
    UnitsDialog(ctx.bridge, sheet, plan, measured_units, parent=ctx.window).exec()


def choose_layout(ctx: WindowContext) -> None:
    """Read the sheet from model space or from one of its paper-space layouts."""
    sheet, plan = ctx.sheets.sheet(), ctx.sheets.plan
    if sheet is None or plan is None:
        ctx.report("Open a drawing first.", 4000)
        return
    if not plan.layouts and sheet.layout is None:
        ctx.report("This drawing has only model space.", 6000)
        return
    names = [MODEL_SPACE, *plan.layouts]
    if sheet.layout is not None and sheet.layout not in names:
        names.append(sheet.layout)
    current = names.index(sheet.layout) if sheet.layout else 0
    chosen = ctx.prompts().choose_item(
        f"Layout — {sheet.name}", "Read the drawing from:", names, current
    )
    if chosen is None:
        return
    layout = None if chosen == MODEL_SPACE else chosen
    if layout != sheet.layout:
        after = replace(sheet, layout=layout)
        ctx.bridge.submit(ReplaceSheet(sheet, after, f"Layout of {sheet.name}"))


CUT_HEIGHTS_M = (0.3, 3.0)
"""Below 0.3 m a plan misses low walls' openings; above 3 m it cuts the next floor."""


def choose_cut_height(ctx: WindowContext) -> None:
    """Where an IFC storey is cut into a plan, above its floor (undoable)."""
    sheet, plan = ctx.sheets.sheet(), ctx.sheets.plan
    if sheet is None or plan is None:
        ctx.report("Open a drawing first.", 4000)
        return
    if plan.bim is None:
        ctx.report("The cut height is for IFC models; this sheet is a drawing.", 6000)
        return
    low, high = CUT_HEIGHTS_M
    chosen = ctx.prompts().ask_length(
        f"Cut Height — {sheet.name}",
        f"Cut {plan.bim.storey_name} this high above its floor (m):",
        plan.bim.cut_height_m,
        low,
        high,
    )
    if chosen is None or abs(chosen - plan.bim.cut_height_m) < 0.005:
        return
    after = replace(sheet, cut_height_m=round(chosen, 3))
    ctx.bridge.submit(ReplaceSheet(sheet, after, f"Cut height of {sheet.name}"))


def edit_check_settings(ctx: WindowContext) -> None:
    """The review checks' thresholds, with their sources."""
    plan = ctx.sheets.plan
    imperial = plan is not None and plan.is_imperial
    CheckSettingsDialog(ctx.bridge, ctx.window, imperial=imperial).exec()


def run_checks(ctx: WindowContext) -> None:
    """Recompute every finding now rather than after the next edit."""
    ctx.findings.runner.run_now()
