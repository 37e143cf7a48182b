"""Review > Split into Floors: a sheet of floors side by side becomes one per floor."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.model.edits import AddSheet, Batch, Edit, RemoveSheet
from designreview.recognition.floors import plan_floors
from designreview.review_file.sheets import floor_sheets

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext


def split_into_floors(ctx: WindowContext) -> None:
    """Offer the floors of the sheet shown; the checked ones replace it (undoable).

    For a drawing opened as one sheet (One Sheet for All, or a review made before
    floors were found). A sheet with markups is not split: its markups would have
    to be moved floor by floor, which the reviewer should see happen.
    """
    sheet, plan = ctx.sheets.sheet(), ctx.sheets.plan
    if sheet is None or plan is None:
        ctx.report("Open a drawing first.", 4000)
        return
    review = ctx.bridge.review
    floors = plan_floors(plan) if sheet.region is None else ()
    if len(floors) < 2:
        ctx.report("This sheet shows one floor: no empty band parts its walls.", 6000)
        return
    if any(m.sheet_id == sheet.id for m in review.markups):
        ctx.report(
            "This sheet has markups, so it stays whole. Add the drawing again "
            "(Add Sheet from Drawing) to get a sheet per floor.",
            8000,
        )
        return
    parts = [(f.name, f"{f.wall_count:,} wall lines") for f in floors]
    chosen = ctx.prompts().split_drawing(sheet.source_name, parts, "floors")
    if not chosen:
        return
    others = replace(review, sheets=tuple(s for s in review.sheets if s.id != sheet.id))
    picked = [replace(floors[i], name=name) for i, name in chosen]
    new = floor_sheets(others, sheet, picked)
    remove = RemoveSheet.of(review, sheet)
    at = review.sheets.index(sheet)
    # The floors go in after the sheet, then it goes: its drawing stays embedded.
    edits: list[Edit] = [
        AddSheet(s, remove.source, f"Add sheet {s.name}", index=at + 1 + n)
        for n, s in enumerate(new)
    ]
    edits.append(remove)
    ctx.bridge.submit(Batch(tuple(edits), f"Split {sheet.name} into floors"))
    ctx.sheets.show(new[0].id)
