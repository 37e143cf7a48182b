"""The cover and the summary: what an officer reads before the meeting starts."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from designreview.analysis.rules import RULES
from designreview.model.markups import Comment, CommentStatus
from designreview.model.review import DecisionKind
from designreview.model.words import counted
from designreview.packet.fonts import paragraph_text
from designreview.packet.layout import INK, STYLES
from designreview.packet.plan_pages import paper_name
from designreview.packet.tables import (
    EMBEDDED_FONT,
    cell,
    data_table,
    severity_cell,
)
from designreview.render.fields import choice_label
from designreview.render.finding_detail import DECISION_WORDS
from designreview.render.finding_groups import group_findings
from designreview.render.style import SEVERITY_STYLE

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from designreview.model.findings import Finding, Severity
    from designreview.packet.context import PacketContext

__all__ = ["SECTIONS", "cover", "summary"]

DEFAULT_DISTRIBUTION = (
    "Limited to the agencies named on this cover. Do not copy, "
    "forward or post this packet without the approval of the school district; it "
    "describes the security weaknesses of a school."
)
SECTIONS = (
    "Summary",
    "Plans",
    "Findings table",
    "Finding pages",
    "Comment threads",
    "Check thresholds",
    "Sign-off",
)
"""Top-level sections after the cover, in order (the cover's contents)."""
SEVERITIES = tuple(SEVERITY_STYLE)
"""Worst first, as the legends list them."""
_TOP_CHECKS = 10
_DECISIONS = (None, DecisionKind.WILL_FIX, DecisionKind.ACCEPT, DecisionKind.DISMISS)


def rule_title(rule_id: str) -> str:
    """The rule's title ("Occupied rooms lock from inside"), or "" if unknown."""
    rule = RULES.get(rule_id)
    return str(getattr(rule, "TITLE", "")) if rule else ""


def decision_name(kind: DecisionKind | None) -> str:
    """How a decision reads ("Open" when none is recorded)."""
    return "Open" if kind is None else DECISION_WORDS[kind]


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(paragraph_text(text), STYLES[style])


def _boxed(flowables: list[Flowable], width: float, stroke: Color = INK) -> Table:
    box = Table([[flowables]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                EMBEDDED_FONT,
                ("BOX", (0, 0), (-1, -1), 1.2, stroke),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box


def cover(ctx: PacketContext, width: float) -> list[Flowable]:
    """Who, what, when, for whom; classification and distribution; contents."""
    info = ctx.review.info
    counts = Counter(f.severity for f in ctx.findings)
    found = ", ".join(
        f"{counts[s]} {SEVERITY_STYLE[s].label.lower()}"
        for s in SEVERITIES
        if counts[s]
    )
    facts = [
        ("Meeting date", info.meeting_date or "not set"),
        ("Review", str(ctx.review.id)),
        ("Sheets", ", ".join(s.sheet.name for s in ctx.sheets) or "none"),
        ("Findings", f"{len(ctx.findings)} ({found or 'none'})"),
    ]
    attendees = [[r.name, r.agency, r.role] for r in ctx.review.reviewers]
    return [
        Spacer(1, 10),
        _p("SCHOOL SECURITY DESIGN REVIEW", "small"),
        _p(info.school or "School not named", "title"),
        _p(info.project or "", "subtitle"),
        Spacer(1, 8),
        data_table(
            [[cell(k, "cell_bold"), v] for k, v in facts], [1.3 * 72, width - 1.3 * 72]
        ),
        _p("Attendees and agencies", "h2"),
        data_table(
            attendees or [["No reviewers listed", "", ""]],
            _thirds(width),
            ["Name", "Agency", "Role"],
        ),
        Spacer(1, 12),
        _boxed(_copy_box(ctx), width),
        Spacer(1, 8),
        _boxed(_marking_box(ctx), width, Color(0.6, 0.1, 0.1)),
        _p("Contents", "h2"),
        _contents(ctx, width),
    ]


def _thirds(width: float) -> list[float]:
    return [width * 0.34, width * 0.3, width * 0.36]


def _copy_box(ctx: PacketContext) -> list[Flowable]:
    options = ctx.options
    number = (
        f"Copy No. {options.copy_number}"
        if options.copy_number
        else "Copy not numbered"
    )
    recipient = options.recipient or "Recipient not named"
    return [
        _p(f"{number} · Issued to: {recipient}", "h2"),
        _p(
            "This copy is logged to its recipient. Keep it secured; return or destroy "
            "it when it is no longer needed.",
            "small",
        ),
    ]


def _marking_box(ctx: PacketContext) -> list[Flowable]:
    distribution = ctx.review.info.distribution.strip() or DEFAULT_DISTRIBUTION
    return [
        _p(labelled("Classification", ctx.classification), "h2"),
        _p(labelled("Distribution", distribution), "body"),
    ]


def labelled(label: str, text: str) -> str:
    """``text`` after ``label``, unless the text already begins with that word.

    Example:
        >>> labelled("Distribution", "Limited to the agencies named")
        'Distribution: Limited to the agencies named'
        >>> labelled("Distribution", "Distribution is limited to the police")
        'Distribution is limited to the police'
    """
    if text.casefold().startswith(label.casefold()):
        return text
    return f"{label}: {text}"


def _contents(ctx: PacketContext, width: float) -> Table:
    rows = [
        [cell(title), cell(str(ctx.section_pages.get(title, "" if ctx.draft else "—")))]
        for title in SECTIONS
    ]
    return data_table(rows, [width - 60, 60])


def summary(ctx: PacketContext, width: float) -> list[Flowable]:
    """Counts by severity and decision, comments by status, the worst findings."""
    comments = [
        m
        for m in ctx.review.markups
        if isinstance(m, Comment) and m.id in ctx.comment_refs
    ]
    decided = sum(1 for f in ctx.findings if f.key in ctx.decisions)
    found = counted(len(ctx.findings), "finding")
    intro = f"The checks found {found} on {counted(len(ctx.sheets), 'sheet')}"
    if ctx.findings:
        intro += (
            f"; reviewers recorded a decision on {decided} of them"
            if decided
            else "; no decision is recorded yet"
        )
    intro += f". Reviewers left {counted(len(comments), 'comment thread')}."
    return [
        _p("Summary", "h1"),
        _p(intro),
        _p("Findings by severity and decision", "h2"),
        _severity_table(ctx, width),
        _p("Comments by status", "h2"),
        _comment_table(comments, width),
        _p("Most serious findings, by check", "h2"),
        _by_check(ctx, width),
        _p("Sheets", "h2"),
        _sheet_table(ctx, width),
    ]


def _severity_table(ctx: PacketContext, width: float) -> Table:
    header = ["Severity", *(decision_name(k) for k in _DECISIONS), "Total"]
    rows = []
    for severity in SEVERITIES:
        mine = [f for f in ctx.findings if f.severity is severity]
        kinds = Counter(
            ctx.decisions[f.key].kind if f.key in ctx.decisions else None for f in mine
        )
        rows.append(
            [
                severity_cell(severity),
                *(str(kinds[k]) for k in _DECISIONS),
                str(len(mine)),
            ]
        )
    first = width * 0.3
    return data_table(rows, [first] + [(width - first) / 5] * 5, header)


def _comment_table(comments: list[Comment], width: float) -> Table:
    counts = Counter(c.status for c in comments)
    header = [choice_label(s) for s in CommentStatus] + ["Total"]
    row = [str(counts[s]) for s in CommentStatus] + [str(len(comments))]
    return data_table([row], [width / 5] * 5, header)


def _by_check(ctx: PacketContext, width: float) -> Table:
    """One row per check and severity, worst first: how many, which, an example."""
    groups: dict[tuple[Severity, str], list[Finding]] = {}
    for finding in ctx.findings:
        groups.setdefault((finding.severity, finding.rule), []).append(finding)
    ranked = sorted(groups.items(), key=lambda g: (g[0][0].rank, -len(g[1]), g[0][1]))
    rows = []
    for (severity, rule), found in ranked[:_TOP_CHECKS]:
        refs = [ctx.finding_refs[f.key] for f in found]
        shown = refs[0] if len(refs) == 1 else f"{refs[0]}\u2013{refs[-1]}"
        title = rule_title(rule)
        rows.append(
            [
                severity_cell(severity),
                f"{rule}\n{title}",
                str(len(found)),
                shown,
                group_findings(found)[0].summary,  # what the first ones share
            ]
        )
    if len(ranked) > _TOP_CHECKS:
        rows.append(
            ["", "", "", "", f"… {len(ranked) - _TOP_CHECKS} more checks in the table."]
        )
    header = ["Severity", "Check", "Count", "Refs", "Example"]
    widths = [62, 112, 34, 50, width - 258]
    return data_table(rows or [["", "", "", "", "No findings."]], widths, header)


def _sheet_table(ctx: PacketContext, width: float) -> Table:
    rows = [
        [
            s.sheet.name,
            s.sheet.source_name,
            f"{s.scale.label} ({s.scale.ratio_label}) on {paper_name(ctx, True)}",
            f"{s.grid.spacing_label} squares, {s.grid.columns} x {s.grid.rows}",
        ]
        for s in ctx.sheets
    ]
    widths = [width * 0.18, width * 0.3, width * 0.3, width * 0.22]
    return data_table(
        rows or [["No sheets", "", "", ""]],
        widths,
        ["Sheet", "Drawing", "Scale", "Grid"],
    )
