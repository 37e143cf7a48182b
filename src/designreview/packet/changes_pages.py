"""Changes since the last drawing: what a revision changed, and what it did to findings.

Shown when a sheet's drawing was replaced (``analysis.revision``): who replaced
it and when, each door and room that changed, and the findings the revision
resolved, the new ones, and those still open, so a meeting starts from what is
different.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reportlab.platypus import Paragraph

from designreview.model.words import counted
from designreview.packet.fonts import paragraph_text
from designreview.packet.layout import STYLES
from designreview.packet.tables import data_table
from designreview.render.markup_text import local_time

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from designreview.model.review import Sheet
    from designreview.packet.context import PacketContext

__all__ = ["changes_pages", "finding_changes"]


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(paragraph_text(text), STYLES[style])


def finding_changes(
    ctx: PacketContext, sheet: Sheet
) -> tuple[list[str], list[str], list[str]]:
    """Keys of the sheet's findings: new, resolved by the revision, still open."""
    if sheet.revision is None:
        return [], [], []
    now = [f.key for f in ctx.findings if f.sheet_id == sheet.id]
    before = set(sheet.revision.findings_before)
    new = [k for k in now if k not in before]
    still = [k for k in now if k in before]
    resolved = sorted(before - set(now))
    return new, resolved, still


def changes_pages(ctx: PacketContext, width: float) -> list[Flowable]:
    """The section's flowables; empty when no sheet's drawing was replaced."""
    revised = [info.sheet for info in ctx.sheets if info.sheet.revision is not None]
    if not revised:
        return []
    flow: list[Flowable] = [_p("Changes since the last drawing", "h1")]
    for sheet in revised:
        revision = sheet.revision
        assert revision is not None
        person = ctx.review.reviewer(revision.by.reviewer_id)
        who = person.name if person is not None else "a reviewer"
        flow.append(_p(f"{sheet.name}", "h2"))
        flow.append(
            _p(
                f"{revision.previous_name} was replaced by {sheet.source_name} on "
                f"{local_time(revision.by.at)} by {who}: "
                f"{counted(len(revision.changes), 'change')} in the drawing."
            )
        )
        if revision.changes:
            rows = [[c.what.title(), c.kind, c.text] for c in revision.changes]
            flow.append(
                data_table(
                    rows,
                    [width * 0.12, width * 0.18, width * 0.7],
                    ["", "Change", "What"],
                )
            )
        flow += _findings(ctx, sheet, width)
        if revision.flagged:
            flow.append(
                _p(
                    f"{counted(len(revision.flagged), 'markup')} lost the door or room "
                    "it was on; check REV-1 lists each until it is moved or deleted."
                )
            )
    return flow


def _findings(ctx: PacketContext, sheet: Sheet, width: float) -> list[Flowable]:
    new, resolved, still = finding_changes(ctx, sheet)
    by_key = {f.key: f for f in ctx.findings}
    flow: list[Flowable] = [
        _p(
            f"Findings: {len(new)} new, {len(resolved)} resolved by the revision, "
            f"{len(still)} still open.",
            "h2",
        )
    ]
    if new:
        rows = [
            [ctx.finding_refs.get(k, ""), by_key[k].rule, by_key[k].message]
            for k in new
        ]
        flow.append(
            data_table(
                rows,
                [width * 0.1, width * 0.14, width * 0.76],
                ["Ref", "Check", "New finding"],
            )
        )
    if resolved:
        rules = Counter(k.split(":", 1)[0] for k in resolved)
        text = ", ".join(f"{rule} ({n})" for rule, n in sorted(rules.items()))
        flow.append(_p(f"Resolved by the revision: {text}."))
    return flow
