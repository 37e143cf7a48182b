"""Findings alike, listed once: the groups the findings dock and the packet show.

Nine exterior doors that fail CAM-1 for the same reason are one problem to a
reviewer, told nine times. Findings of one rule and severity whose messages differ
only in the names and numbers they quote (a door, a room, a distance) are one group;
the findings themselves stay individual (the command line, CSV and BCF list each,
and every decision is still taken per finding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.model.findings import Finding, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["FindingGroup", "group_findings", "message_shape", "quoted"]

_QUOTED = re.compile(
    r"(?:\b[A-Z][\w'-]*\s+)*[\w-]*\d(?:[\w.,-]*\w)?"
    r"|(?:\b[A-Z][\w'-]*\s+)+[A-Z][A-Z.-]*\b"
)
"""A name with a number or a capital code (Door E1, Classroom 114, Door EAST), or
a bare number."""
_LEADING = ("From ", "Parts of ", "In ", "At ")
"""Sentence openings that the pattern above takes for part of a name."""
_SHOWN = 6
"""Members named in a group's title before "and N more"."""


@dataclass(frozen=True, slots=True)
class FindingGroup:
    """Findings of one rule and severity saying one thing about different subjects.

    A group of one is a finding on its own.
    """

    rule: str
    severity: Severity
    findings: tuple[Finding, ...]

    @property
    def is_group(self) -> bool:
        """Whether more than one finding is in it."""
        return len(self.findings) > 1

    @property
    def members(self) -> tuple[str, ...]:
        """What each finding is about, as its message names it (Door E1, ...)."""
        quotes = [quoted(f.message) for f in self.findings]
        varying = [
            i
            for i in range(min(len(q) for q in quotes))
            if len({q[i] for q in quotes}) > 1
        ]
        at = varying[0] if varying else 0
        return tuple(
            _name(q[at]) if len(q) > at else f.key
            for q, f in zip(quotes, self.findings, strict=True)
        )

    @property
    def summary(self) -> str:
        """The message the members share, what differs between them shown as '…'."""
        first = self.findings[0].message
        if not self.is_group:
            return first
        quotes = [quoted(f.message) for f in self.findings]
        shown = iter(
            [_common_words([q[i] for q in quotes]) for i in range(len(quotes[0]))]
        )
        return _QUOTED.sub(lambda _m: next(shown), first)

    @property
    def title(self) -> str:
        """How many, and which: '9 alike: Door E1, Door E2, … and 3 more'."""
        names = list(self.members)
        shown = ", ".join(names[:_SHOWN])
        more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
        return f"{len(names)} alike: {shown}{more}"


def quoted(message: str) -> list[str]:
    """The names and numbers a message quotes, in order.

    Example:
        >>> quoted("Door 130A of Cafeteria 130 cannot be locked.")
        ['Door 130A', 'Cafeteria 130']
        >>> quoted("Door E1 (exterior): no camera sees it; it needs 250 px/m.")
        ['Door E1', '250']
        >>> quoted("Door WEST (exterior): no camera sees it.")
        ['Door WEST']
    """
    return [m.group(0) for m in _QUOTED.finditer(message)]


def message_shape(message: str) -> str:
    """``message`` with every name and number it quotes replaced by '#'.

    Example:
        >>> message_shape("Door 114A of Classroom 114 cannot be locked.")
        '# of # cannot be locked.'
        >>> message_shape("Door 130B of Cafeteria 130 cannot be locked.")
        '# of # cannot be locked.'
    """
    return _QUOTED.sub("#", message)


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """Findings of one rule, severity and message shape together, in their order.

    A group sits where its first finding was; its members keep their order.

    Example:
        >>> from designreview.model.findings import Finding, Severity
        >>> def fail(key, text):
        ...     return Finding(key, "CAM-1", Severity.FAIL, text, "s", (0.0, 0.0))
        >>> groups = group_findings([
        ...     fail("a", "Door E1 (exterior): no camera sees it."),
        ...     fail("b", "Door E2 (exterior): no camera sees it."),
        ...     fail("c", "Door E3 (exterior): the best camera gives 80 px/m."),
        ... ])
        >>> [(g.title, g.summary) for g in groups]  # doctest: +NORMALIZE_WHITESPACE
        [('2 alike: Door E1, Door E2', 'Door … (exterior): no camera sees it.'),
         ('1 alike: Door E3', 'Door E3 (exterior): the best camera gives 80 px/m.')]
    """
    groups: dict[tuple[str, Severity, str], list[Finding]] = {}
    for finding in findings:
        key = (finding.rule, finding.severity, message_shape(finding.message))
        groups.setdefault(key, []).append(finding)
    return [
        FindingGroup(rule, severity, tuple(members))
        for (rule, severity, _shape), members in groups.items()
    ]


def _common_words(texts: list[str]) -> str:
    """What all ``texts`` say, words that differ as '…': 'Door 1', 'Door 2' -> 'Door …'.

    Example:
        >>> _common_words(["Door 114A", "Door 130B"]), _common_words(["250", "250"])
        ('Door …', '250')
    """
    if len(set(texts)) == 1:
        return texts[0]
    words = [t.split() for t in texts]
    same = []
    for column in zip(*words, strict=False):
        if len(set(column)) > 1:
            break
        same.append(column[0])
    return " ".join([*same, "…"])


def _name(text: str) -> str:
    for opening in _LEADING:
        if text.startswith(opening):
            return text[len(opening) :]
    return text
