"""Findings and markups as CSV, for spreadsheets (PRODUCT.md section 3).

UTF-8 with a byte-order mark, so Excel reads "José Núñez" and "教室" right; commas,
quoting by the csv module (RFC 4180: a comma, quote or line break is quoted), CRLF line
ends. One header row, then one row per finding or markup. A finding's "IFC GUIDs" are
the GlobalIds of its subjects in the BIM model (space-separated; blank for a DXF
plan), so a BIM tool's search finds the very door or room. Coordinates are metres in
the drawing's own frame, as on the command line; times are "YYYY-MM-DD HH:MM" in local
time, as the app shows them and as spreadsheets read dates. Lengths in the details
follow the plan's units, as in the properties panel.

A spreadsheet runs text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return) as a formula, so such text gets a leading apostrophe (CSV injection,
OWASP). Numbers this module formats itself are left alone: a negative coordinate stays
a number.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from designreview.analysis.rules import RULES
from designreview.model.bim_links import subject_guids
from designreview.model.errors import DesignReviewError
from designreview.model.ids import MarkupId, SheetId
from designreview.model.markups import AccessPoint, Comment, Space, Stamp
from designreview.render.finding_detail import DECISION_WORDS
from designreview.render.kinds import kind_of
from designreview.render.markup_graphics import markup_graphic
from designreview.render.markup_text import (
    agency_of,
    author_name,
    details,
    local_time,
    markup_label,
    priority_text,
    status_text,
    type_name,
)
from designreview.render.style import SEVERITY_STYLE
from designreview.review_file.atomic_write import write_atomic
from designreview.review_file.errors import SaveError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from datetime import tzinfo
    from pathlib import Path

    from designreview.analysis.run import CheckResult
    from designreview.model.findings import Finding
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup
    from designreview.model.plan import Plan
    from designreview.model.review import Decision, Review

__all__ = [
    "FINDING_COLUMNS",
    "MARKUP_COLUMNS",
    "safe_cell",
    "write_findings_csv",
    "write_markups_csv",
]

FINDING_COLUMNS = (
    "ID", "Rule", "Rule title", "Severity", "Sheet", "X (m)", "Y (m)", "Rooms",
    "Subjects", "IFC GUIDs", "Message", "Citation", "Decision", "Reason", "Owner",
    "Decided by", "Decided at",
)  # fmt: skip
MARKUP_COLUMNS = (
    "ID", "Type", "Sheet", "Label", "X (m)", "Y (m)", "Author", "Agency", "Status",
    "Priority", "Created", "Modified", "Details", "Text", "Thread",
)  # fmt: skip
DECISION_NAMES = DECISION_WORDS  # as the findings dock says them
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | float | None
"""Text (guarded against formulas), a number in metres, or nothing."""


def safe_cell(value: Cell) -> str:
    """A cell as written: numbers to the millimetre, formula-like text defused.

    Example:
        >>> safe_cell("=SUM(A1:A9)"), safe_cell("-1+2"), safe_cell(-12.5)
        ("'=SUM(A1:A9)", "'-1+2", '-12.500')
        >>> safe_cell("Door 104, east"), safe_cell(None)
        ('Door 104, east', '')
    """
    if value is None:
        return ""
    if isinstance(value, float | int):
        return f"{value:.3f}"
    text = value.replace("\x00", "")
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_findings_csv(
    review: Review,
    plans: Mapping[str, Plan],
    result: CheckResult,
    path: Path,
    *,
    zone: tzinfo | None = None,
) -> int:
    """Write one row per finding of ``result`` (fails first) to ``path``.

    ``zone`` is the time zone of the times written (default: this computer's).

    Returns:
        The number of rows written after the header.

    Raises:
        DesignReviewError: the file could not be written (the message says why).
    """
    decisions = {d.finding_key: d for d in review.decisions}
    rows = [
        _finding_row(review, plans, f, decisions.get(f.key), zone)
        for f in result.findings
    ]
    _write(path, FINDING_COLUMNS, rows)
    return len(rows)


def write_markups_csv(
    review: Review,
    plans: Mapping[str, Plan],
    path: Path,
    *,
    zone: tzinfo | None = None,
) -> int:
    """Write one row per markup of ``review``, in the review's order, to ``path``.

    Returns:
        The number of rows written after the header.

    Raises:
        DesignReviewError: the file could not be written (the message says why).
    """
    rows = [_markup_row(review, plans, m, zone) for m in review.markups]
    _write(path, MARKUP_COLUMNS, rows)
    return len(rows)


def _finding_row(
    review: Review,
    plans: Mapping[str, Plan],
    finding: Finding,
    decision: Decision | None,
    zone: tzinfo | None,
) -> list[Cell]:
    plan = plans.get(finding.sheet_id)
    rooms, others = _subject_names(review, plan, finding.subjects)
    x, y = _drawing_xy(plan, finding.location)
    decided: list[Cell] = ["", "", "", "", ""]
    if decision is not None:
        decided = [
            DECISION_NAMES[decision.kind],
            decision.reason,
            decision.owner,
            _who(review, decision.by),
            local_time(decision.by.at, zone),
        ]
    return [
        finding.key,
        finding.rule,
        getattr(RULES.get(finding.rule), "TITLE", ""),
        SEVERITY_STYLE[finding.severity].label,
        _sheet_name(review, finding.sheet_id),
        x,
        y,
        "; ".join(rooms),
        "; ".join(others),
        " ".join(subject_guids(finding.subjects, review, plan)),
        finding.message,
        finding.citation,
        *decided,
    ]


def _markup_row(
    review: Review, plans: Mapping[str, Plan], markup: Markup, zone: tzinfo | None
) -> list[Cell]:
    plan = plans.get(markup.sheet_id)
    x, y = _drawing_xy(plan, markup_graphic(markup, review).anchor)
    return [
        markup.id,
        type_name(markup),
        _sheet_name(review, markup.sheet_id),
        markup_label(markup),
        x,
        y,
        author_name(markup, review),
        agency_of(markup, review),
        status_text(markup),
        priority_text(markup),
        local_time(markup.created.at, zone),
        local_time(markup.modified.at, zone),
        _details(markup, plan),
        markup.text if isinstance(markup, Comment) else "",
        _thread(review, markup, zone) if isinstance(markup, Comment) else "",
    ]


def _details(markup: Markup, plan: Plan | None) -> str:
    """Every attribute in words ("Lock function: None; Vision panel: No; ...").

    Status and priority have columns of their own; a markup that runs to a second
    point (a sightline) gives it in the drawing's frame, as X and Y give the first.
    """
    imperial = plan.is_imperial if plan is not None else False
    parts = list(details(markup, imperial, leave_out=("status", "priority")))
    end = kind_of(markup).end_field
    if end is not None and plan is not None:
        x, y = plan.to_drawing_m(getattr(markup, end))
        parts.append(f"To: {x:.3f}, {y:.3f} m")
    return "; ".join(parts)


def _thread(review: Review, comment: Comment, zone: tzinfo | None) -> str:
    """Replies and status changes, one a line: "when, who: what"."""
    entries = [(r.author, r.text) for r in comment.replies]
    for change in comment.history:
        note = f" ({change.note})" if change.note else ""
        entries.append((change.by, f"Status: {change.status.value.capitalize()}{note}"))
    entries.sort(key=lambda entry: entry[0].at)  # UTC stamps sort as text; stable
    return "\n".join(
        f"{local_time(stamp.at, zone)}, {_who(review, stamp)}: {text}"
        for stamp, text in entries
    )


def _subject_names(
    review: Review, plan: Plan | None, subjects: Iterable[str]
) -> tuple[list[str], list[str]]:
    """The rooms among a finding's subjects, and the rest, as people name them."""
    rooms: dict[str, None] = {}
    others: dict[str, None] = {}
    spaces = {s.id: s for s in plan.spaces} if plan is not None else {}
    doors = {d.id: d for d in plan.doors} if plan is not None else {}
    for subject in subjects:
        markup = review.markup(MarkupId(subject))
        if subject in spaces:
            space = spaces[subject]
            rooms[_room(space.name, space.number) or subject] = None
        elif isinstance(markup, Space):
            rooms[markup.name or subject] = None
        elif subject in doors:
            others[_door(doors[subject].number)] = None
        elif isinstance(markup, AccessPoint):
            others[_door(markup.door_number)] = None
        elif markup is not None:
            others[f"{type_name(markup)} {markup_label(markup)}".strip()] = None
        else:
            others[subject] = None
    return list(rooms), list(others)


def _room(name: str, number: str) -> str:
    return " ".join(part for part in (name, number) if part)


def _door(number: str) -> str:
    return f"Door {number}" if number else "Unnumbered door"


def _drawing_xy(plan: Plan | None, local: Point2) -> tuple[Cell, Cell]:
    if plan is None:
        return None, None  # without its plan a sheet's origin is unknown: leave blank
    x, y = plan.to_drawing_m(local)
    return float(x), float(y)


def _sheet_name(review: Review, sheet_id: str) -> str:
    sheet = review.sheet(SheetId(sheet_id))
    return sheet.name if sheet is not None else sheet_id


def _who(review: Review, stamp: Stamp) -> str:
    reviewer = review.reviewer(stamp.reviewer_id)
    if reviewer is None:
        return stamp.reviewer_id
    name = reviewer.name or reviewer.id
    return f"{name} ({reviewer.agency})" if reviewer.agency else name


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    try:
        write_atomic(path, text.getvalue().encode("utf-8-sig"), keep_backup=False)
    except SaveError as exc:
        cause = exc.__cause__
        reason = f" ({cause.strerror})" if isinstance(cause, OSError) else ""
        raise DesignReviewError(
            f"The CSV file {path.name} could not be written{reason}. Choose another "
            "folder, or free some space, and export again."
        ) from exc
