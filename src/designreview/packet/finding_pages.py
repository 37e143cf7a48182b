"""The findings table, and a page per significant finding or group of findings alike.

The table lists every finding. Findings of one rule that say the same thing about
different subjects (nine exterior doors no camera sees) share one page that names
each member, its place and its decision (:mod:`designreview.render.finding_groups`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Paragraph, Spacer

from designreview.analysis.rules import RULES
from designreview.packet.fonts import paragraph_text
from designreview.packet.front_pages import decision_name, rule_title
from designreview.packet.layout import STYLES
from designreview.packet.plan_pages import FindingSnippet
from designreview.packet.tables import (
    cell,
    data_table,
    key_value_table,
    severity_cell,
    severity_width,
    tint,
)
from designreview.render.comment_thread import stamp_text
from designreview.render.style import SEVERITY_STYLE

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from designreview.model.findings import Finding
    from designreview.packet.context import PacketContext
    from designreview.render.finding_groups import FindingGroup

__all__ = [
    "decision_text",
    "finding_page",
    "findings_table",
    "group_page",
    "group_ref",
]

_TABLE_SHARES = (0.05, 0.1, 0.15, 0.13, 0.34, 0.23)


def decision_text(ctx: PacketContext, finding: Finding) -> str:
    """The recorded decisions in words, with owner, reason and who made each.

    Agencies decide apart (a merge keeps each agency's own decision side by side),
    so every one is listed, in the order they were recorded.
    """
    decisions = [d for d in ctx.review.decisions if d.finding_key == finding.key]
    if not decisions:
        return "Open: no decision recorded"
    blocks = []
    for decision in decisions:
        lines = [decision_name(decision.kind)]
        if decision.owner:
            lines.append(f"Owner: {decision.owner}")
        if decision.reason:
            lines.append(f"Reason: {decision.reason}")
        lines.append(stamp_text([decision.by], ctx.review))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def findings_table(ctx: PacketContext, width: float) -> list[Flowable]:
    """Every finding, fails first: reference, rule, location, message, decision."""
    rows = [
        [
            cell(ctx.finding_refs[f.key], "cell_bold"),
            severity_cell(f.severity),
            f"{f.rule}\n{rule_title(f.rule)}",
            ctx.location(f),
            f.message,
            decision_text(ctx, f),
        ]
        for f in ctx.findings
    ]
    header = ["Ref", "Severity", "Rule", "Location", "Finding", "Decision"]
    widths = [width * share for share in _TABLE_SHARES]
    wider = max(severity_width() - widths[1], 0.0)  # taken from the message
    widths[1] += wider
    widths[4] -= wider
    intro = (
        "Every finding of the checks on the printed sheets. Findings of the severities "
        "chosen for this packet also have a page of their own, with a plan snippet."
    )
    return [
        Paragraph("Findings", STYLES["h1"]),
        Paragraph(intro, STYLES["body"]),
        data_table(rows or [["", "", "", "", "No findings.", ""]], widths, header),
    ]


def finding_page(
    ctx: PacketContext, finding: Finding, width: float, height: float
) -> list[Flowable]:
    """One finding: heading, zoomed plan, what was found, where, why, the decision."""
    ref = ctx.finding_refs[finding.key]
    style = SEVERITY_STYLE[finding.severity]
    rgb = style.color
    heading = data_table(
        [
            [
                cell(ref, "h1"),
                Paragraph(
                    f"{style.label.upper()} · {finding.rule}<br/>"
                    + paragraph_text(rule_title(finding.rule)),
                    STYLES["h2"],
                ),
            ]
        ],
        [52, width - 52],
        extra=[("BACKGROUND", (0, 0), (-1, -1), tint(rgb))],
    )
    citation = finding.citation or str(getattr(RULES.get(finding.rule), "CITATION", ""))
    facts = [
        ("Location", ctx.location(finding)),
        ("Drawing coordinates", ctx.coordinates(finding)),
        ("Source", citation or "—"),
        ("Decision", decision_text(ctx, finding)),
    ]
    return [
        heading,
        Spacer(1, 6),
        FindingSnippet(ctx, finding, height * 0.55),
        Spacer(1, 6),
        Paragraph(paragraph_text(finding.message), STYLES["body"]),
        key_value_table(facts, [1.4 * 72, width - 1.4 * 72]),
        Spacer(1, 8),
        *_meeting_notes(width),
    ]


def group_ref(ctx: PacketContext, group: FindingGroup) -> str:
    """A group's references: 'F3' for one finding, 'F3' to 'F8' for several."""
    refs = [ctx.finding_refs[f.key] for f in group.findings]
    return refs[0] if len(refs) == 1 else f"{refs[0]}\u2013{refs[-1]}"


def group_page(
    ctx: PacketContext, group: FindingGroup, width: float, height: float
) -> list[Flowable]:
    """Findings alike on one page: what they share, then each member and its place."""
    first = group.findings[0]
    style = SEVERITY_STYLE[group.severity]
    rgb = style.color
    heading = data_table(
        [
            [
                cell(group_ref(ctx, group), "h2"),
                Paragraph(
                    f"{style.label.upper()} · {group.rule} · "
                    f"{len(group.findings)} alike<br/>"
                    + paragraph_text(rule_title(group.rule)),
                    STYLES["h2"],
                ),
            ]
        ],
        [84, width - 84],
        extra=[("BACKGROUND", (0, 0), (-1, -1), tint(rgb))],
    )
    citation = first.citation or str(getattr(RULES.get(group.rule), "CITATION", ""))
    rows = [
        [
            cell(ctx.finding_refs[f.key], "cell_bold"),
            name,
            ctx.location(f),
            ctx.coordinates(f),
            decision_text(ctx, f),
        ]
        for f, name in zip(group.findings, group.members, strict=True)
    ]
    shares = (0.08, 0.22, 0.2, 0.22, 0.28)
    return [
        heading,
        Spacer(1, 6),
        FindingSnippet(ctx, first, height * 0.4, group.findings[1:]),
        Spacer(1, 6),
        Paragraph(paragraph_text(group.summary), STYLES["body"]),
        Paragraph(paragraph_text(f"Source: {citation or '—'}"), STYLES["body"]),
        Spacer(1, 4),
        data_table(
            rows,
            [width * share for share in shares],
            ["Ref", "Subject", "Location", "Drawing coordinates", "Decision"],
        ),
        Spacer(1, 8),
        *_meeting_notes(width),
    ]


def _meeting_notes(width: float) -> list[Flowable]:
    """Boxes and lines to write the meeting's decision on."""
    gap = "&nbsp;" * 8
    choices = ("☐ Accept", "☐ Will fix", "☐ Dismiss", "Owner: " + "_" * 24)
    line = Paragraph(gap.join(paragraph_text(c) for c in choices), STYLES["cell_bold"])
    rows: list[list[object]] = [[line], [cell("Notes:")], [""], [""]]
    table = data_table(rows, [width])
    table.setStyle([("TOPPADDING", (0, 2), (-1, -1), 9)])
    return [Paragraph("At the meeting", STYLES["h2"]), table]
