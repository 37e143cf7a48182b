"""The finding detail pane: one finding in full, its subjects as links to select."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from designreview.analysis.rules import RULES
from designreview.model.ids import SheetId
from designreview.model.merge import markup_label
from designreview.render.finding_detail import (
    SUBJECT_LINK,
    decision_lines,
    finding_html,
)
from designreview.render.style import SEVERITY_STYLE

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.model.findings import Finding
    from designreview.model.markups import Markup
    from designreview.model.plan import Plan
    from designreview.model.review import Review


class FindingDetailPane(QTextBrowser):
    """The message, source, place, overlay, subjects and every decision."""

    subject_chosen = Signal(str)  # a markup id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("finding_detail")
        self.setOpenLinks(False)
        self.setPlaceholderText("Select a finding to read it in full.")
        self.anchorClicked.connect(self._on_link)

    def show_finding(
        self,
        finding: Finding | None,
        review: Review,
        plan_of: Callable[[str], Plan | None],
    ) -> None:
        """Show ``finding`` (clear for None); ``plan_of`` names its doors and rooms."""
        if finding is None:
            self.clear()
            return
        sheet = review.sheet(SheetId(finding.sheet_id))
        x, y = finding.location
        where = f"{sheet.name if sheet else 'sheet'}, at ({x:.1f}, {y:.1f}) m"
        self.setHtml(
            finding_html(
                finding,
                review,
                title=getattr(RULES.get(finding.rule), "TITLE", ""),
                severity=SEVERITY_STYLE[finding.severity].title,
                where=where,
                subjects=subject_names(finding, review, plan_of(finding.sheet_id)),
                decisions=decision_lines(finding, review),
            )
        )

    def _on_link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(SUBJECT_LINK):
            self.subject_chosen.emit(text.removeprefix(SUBJECT_LINK))


def subject_names(
    finding: Finding, review: Review, plan: Plan | None
) -> list[tuple[str, str]]:
    """Each subject with how people name it: a markup's label, a door or room."""
    marks: dict[str, Markup] = {m.id: m for m in review.markups}
    doors = {d.id: d for d in plan.doors} if plan is not None else {}
    rooms = {s.id: s for s in plan.spaces} if plan is not None else {}
    named = []
    for subject in finding.subjects:
        if subject in marks:
            named.append((subject, markup_label(marks[subject])))
        elif subject in doors:
            number = doors[subject].number
            named.append((subject, f"Door {number}" if number else f"Door ({subject})"))
        elif subject in rooms:
            room = rooms[subject]
            words = " ".join(p for p in (room.number, room.name) if p)
            named.append((subject, f"Room {words}" if words else f"Room ({subject})"))
        else:
            named.append((subject, subject))
    return named
