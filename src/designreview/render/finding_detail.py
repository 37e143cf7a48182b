"""Reading findings in the app: a filter over them, and one finding in full.

No Qt here: the findings dock asks which findings a filter keeps and shows the
HTML this writes (with ``subject:ID`` links the dock turns into a selection).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.model.findings import Severity
from designreview.model.review import DecisionKind
from designreview.render.markup_text import local_time

if TYPE_CHECKING:
    from designreview.model.findings import Finding
    from designreview.model.review import Review

DECISION_WORDS = {
    DecisionKind.ACCEPT: "Accepted",
    DecisionKind.WILL_FIX: "Will fix",
    DecisionKind.DISMISS: "Dismissed",
}
"""How each decision reads, in the findings dock, its detail pane, CSV and packet."""
OPEN = "open"
"""The decision filter's choice for findings nobody has decided yet."""
SUBJECT_LINK = "subject:"


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """Which findings to show; every field left at None (or "") keeps all."""

    text: str = ""
    """Words that must all appear in the message, rule id or citation."""
    severity: Severity | None = None
    rule: str | None = None
    decision: str | None = None
    """A decision kind's value (``accept``), ``open`` for none, None for all."""
    sheet_id: str | None = None

    def keeps(self, finding: Finding, decided: frozenset[str]) -> bool:
        """Whether ``finding`` passes, ``decided`` being its decisions' kinds.

        Example:
            >>> from designreview.model.findings import Finding, Severity
            >>> f = Finding("ROOM-1:d", "ROOM-1", Severity.FAIL, "Door 7 cannot lock",
            ...             "s1", (0.0, 0.0))
            >>> FindingFilter(text="door 7").keeps(f, frozenset())
            True
            >>> FindingFilter(decision="open").keeps(f, frozenset({"accept"}))
            False
        """
        if self.severity is not None and finding.severity is not self.severity:
            return False
        if self.rule is not None and finding.rule != self.rule:
            return False
        if self.sheet_id is not None and finding.sheet_id != self.sheet_id:
            return False
        if self.decision == OPEN and decided:
            return False
        if self.decision not in (None, OPEN) and self.decision not in decided:
            return False
        words = self.text.casefold().split()
        haystack = f"{finding.rule} {finding.message} {finding.citation}".casefold()
        return all(word in haystack for word in words)


def finding_html(
    finding: Finding,
    review: Review,
    *,
    title: str,
    severity: str,
    where: str,
    subjects: list[tuple[str, str]],
    decisions: list[str],
) -> str:
    """One finding in full: message, source, place, overlay, subjects, decisions.

    ``subjects`` pairs each subject's id with how people name it; markups among
    them become ``subject:ID`` links.
    """
    esc = html.escape
    shown = len(finding.overlay)
    overlay = (
        f"The plan outlines {shown} area{'s' if shown != 1 else ''} or path"
        f"{'s' if shown != 1 else ''} for this finding (in its severity's colour)."
        if shown
        else "The plan marks the finding's place with a ring."
    )
    marks = {m.id for m in review.markups}
    rows = []
    for subject_id, label in subjects:
        text = esc(label)
        if subject_id in marks:
            text = f'<a href="{SUBJECT_LINK}{esc(subject_id)}">{text}</a>'
        rows.append(f"<li>{text}</li>")
    subject_list = f"<ul>{''.join(rows)}</ul>" if rows else "<p>None named.</p>"
    decided = (
        "".join(f"<li>{esc(d)}</li>" for d in decisions)
        if decisions
        else "<li>Open: no decision recorded.</li>"
    )
    return (
        f"<h3>{esc(finding.rule)} {esc(title)}</h3>"
        f"<p><b>{esc(severity)}</b> · {esc(where)}</p>"
        f"<p>{esc(finding.message)}</p>"
        f"<p><b>Source:</b> {esc(finding.citation or 'not given')}</p>"
        f"<p><b>On the plan:</b> {overlay}</p>"
        f"<p><b>About:</b></p>{subject_list}"
        f"<p><b>Decisions:</b></p><ul>{decided}</ul>"
    )


def decision_lines(finding: Finding, review: Review) -> list[str]:
    """Each agency's decision on ``finding``: kind, reason, owner, who and when."""
    lines = []
    for decision in review.decisions:
        if decision.finding_key != finding.key:
            continue
        person = review.reviewer(decision.by.reviewer_id)
        who = (
            f"{person.name} ({person.agency})"
            if person and person.agency
            else (person.name if person else decision.by.reviewer_id or "someone")
        )
        parts = [DECISION_WORDS[decision.kind]]
        if decision.reason:
            parts.append(f"“{decision.reason}”")
        if decision.owner:
            parts.append(f"owner {decision.owner}")
        parts.append(f"by {who}, {local_time(decision.by.at)}")
        lines.append(" — ".join(parts))
    return lines
