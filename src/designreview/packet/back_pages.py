"""Comment threads, the check thresholds used, and a sign-off block per agency."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from designreview.analysis.rules import RULES
from designreview.analysis.rules.base import threshold_source
from designreview.model.markups import Comment
from designreview.packet.fonts import paragraph_text
from designreview.packet.layout import INK, STYLES
from designreview.packet.tables import EMBEDDED_FONT, cell, data_table, tint
from designreview.render.comment_thread import thread
from designreview.render.fields import choice_label
from designreview.render.markup_graphics import agency_color
from designreview.render.markup_text import agency_of, author_name, local_time
from designreview.render.thresholds import format_threshold, threshold_label

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from designreview.packet.context import PacketContext

__all__ = ["comment_threads", "sign_off", "thresholds"]

_REPLY_STYLE = STYLES["cell"].clone("reply", leftIndent=18, spaceAfter=2)
_STATUS_STYLE = STYLES["small"].clone("status", leftIndent=18, spaceAfter=2)


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(paragraph_text(text), STYLES[style])


def comment_threads(ctx: PacketContext, width: float) -> list[Flowable]:
    """Every comment on the printed sheets with its replies and status changes."""
    by_id: dict[str, Comment] = {
        m.id: m for m in ctx.review.markups if isinstance(m, Comment)
    }
    story: list[Flowable] = [_p("Comment threads", "h1")]
    if not ctx.comment_refs:
        story.append(_p("No comments were made on the printed sheets."))
    for comment_id, ref in ctx.comment_refs.items():
        story += _comment(ctx, by_id[comment_id], ref, width)
    return story


def _comment(
    ctx: PacketContext, comment: Comment, ref: str, width: float
) -> list[Flowable]:
    """One comment: a tinted header (who, when, where), its text, then its thread."""
    review = ctx.review
    agency = agency_of(comment, review)
    status = f"{choice_label(comment.status)} · {choice_label(comment.priority)}"
    when = local_time(comment.created.at)
    parts = (author_name(comment, review), agency, when, _where(ctx, comment))
    header = data_table(
        [
            [
                cell(ref, "cell_bold"),
                cell(f"{status} priority", "cell_bold"),
                cell(" · ".join(p for p in parts if p)),
            ]
        ],
        [34, 150, width - 184],
        extra=[("BACKGROUND", (0, 0), (-1, -1), tint(agency_color(agency, review)))],
    )
    entries = [
        Paragraph(
            f"<b>{paragraph_text(e.author)}</b> · {paragraph_text(e.at)}: "
            + paragraph_text(e.text),
            _STATUS_STYLE if e.is_status else _REPLY_STYLE,
        )
        for e in thread(comment, review)
    ]
    lead = KeepTogether([header, Spacer(1, 3), _p(comment.text)])
    return [lead, *entries, Spacer(1, 8)]


def _where(ctx: PacketContext, comment: Comment) -> str:
    """The comment's sheet and grid square, e.g. "Level 1, grid D3"."""
    info = ctx.sheet_info(comment.sheet_id)
    square = info.grid.cell_of(comment.position) if info else ""
    return f"{info.sheet.name}, grid {square}" if info and square else ""


def _written(name: str, value: float, flag: bool, imperial: bool) -> str:
    if flag:
        return "yes" if value else "no"
    return format_threshold(name, value, imperial)


def thresholds(ctx: PacketContext, width: float) -> list[Flowable]:
    """Every rule's thresholds: default, this review's value, and the source."""
    changed = {(s.rule_id, s.name): s.value for s in ctx.review.check_settings}
    rows: list[list[object]] = []
    for rule_id, rule in RULES.items():
        defaults = rule.Params()
        for index, item in enumerate(fields(defaults)):
            raw = getattr(defaults, item.name)
            # A yes-or-no setting ("sprinklered") reads yes or no, not 1 or 0.
            flag = isinstance(raw, bool) or "flag" in item.metadata
            value = changed.get((rule_id, item.name))
            shown = (
                "default"
                if value is None
                else _written(item.name, value, flag, ctx.is_imperial)
            )
            own = "source" in item.metadata
            rows.append(
                [
                    "" if index else f"{rule_id}\n{rule.TITLE}",
                    item.metadata.get("flag") or threshold_label(item.name),
                    _written(item.name, float(raw), flag, ctx.is_imperial),
                    cell(shown, "cell" if value is None else "cell_bold"),
                    cell(threshold_source(rule, item.name)) if own or not index else "",
                ]
            )
    intro = (
        "Every threshold is a default that a review may change; this review's "
        "values are in bold where they differ. Sources as cited by each check."
    )
    widths = [width * s for s in (0.2, 0.18, 0.16, 0.14, 0.32)]
    header = ["Check", "Threshold", "Default", "This review", "Source"]
    story = [_p("Check thresholds", "h1"), _p(intro), data_table(rows, widths, header)]
    return story + _assumptions()


def _assumptions() -> list[Flowable]:
    """The stated model of each check that has one, an assumption per line."""
    story: list[Flowable] = []
    for rule_id, rule in RULES.items():
        lines = getattr(rule, "ASSUMPTIONS", ())
        if lines:
            story += [Spacer(1, 6), _p(f"{rule_id} {rule.TITLE}: the model", "h2")]
            story += [_p(f"• {line}") for line in lines]
    return story


def sign_off(ctx: PacketContext, width: float) -> list[Flowable]:
    """A block per agency on the roster: each person's name, role, signature, date."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for reviewer in ctx.review.reviewers:
        agency = reviewer.agency or "Other participants"
        groups.setdefault(agency, []).append((reviewer.name, reviewer.role))
    intro = (
        "Each agency's representative signs to record that the agency reviewed the "
        "drawings and the findings in this packet, and marks the agency's position."
    )
    story: list[Flowable] = [_p("Sign-off", "h1"), _p(intro)]
    if not groups:
        groups["Agency: ____________________"] = [("", "")]
    for agency, people in groups.items():
        story += [
            KeepTogether([_agency_block(ctx, agency, people, width)]),
            Spacer(1, 12),
        ]
    return story


def _agency_block(
    ctx: PacketContext, agency: str, people: list[tuple[str, str]], width: float
) -> Table:
    rows: list[list[object]] = [[cell(agency, "h2"), "", "", ""]]
    for name, role in people:
        rows.append(
            [
                cell("Name", "cell_bold"),
                cell(name),
                cell("Role", "cell_bold"),
                cell(role),
            ]
        )
        rows.append([cell("Signature", "cell_bold"), "", cell("Date", "cell_bold"), ""])
    gap = "&nbsp;" * 10
    choices = ("☐ Concur", "☐ Concur with comments", "☐ Do not concur")
    verdict = gap.join(paragraph_text(c) for c in choices)
    rows.append([Paragraph(verdict, STYLES["body"]), "", "", ""])
    table = Table(rows, colWidths=[width * w for w in (0.16, 0.44, 0.1, 0.3)])
    last = len(rows) - 1
    commands: list[Any] = [
        EMBEDDED_FONT,
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("SPAN", (0, 0), (-1, 0)),
        ("SPAN", (0, -1), (-1, -1)),
        ("BACKGROUND", (0, 0), (-1, 0), tint(agency_color(agency, ctx.review))),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, last), (-1, last), 8),
        ("BOTTOMPADDING", (0, last), (-1, last), 8),
    ]
    for row in range(2, last, 2):  # signature rows: room to sign, a line to sign on
        commands += [
            ("TOPPADDING", (0, row), (-1, row), 22),
            ("LINEBELOW", (1, row), (1, row), 0.8, INK),
            ("LINEBELOW", (3, row), (3, row), 0.8, INK),
        ]
    table.setStyle(TableStyle(commands))
    return table
