"""Findings: what a review check concluded, where, about what, and on which authority.

Findings are recomputed from the review and its drawings, never saved; the reviewers'
decisions about them are saved, keyed by the finding's stable ``key``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from designreview.model.geometry import Point2


class Severity(Enum):
    """How serious a finding is. ``NEEDS_INFORMATION`` is never a silent pass."""

    FAIL = "fail"
    WARNING = "warning"
    INFO = "info"
    NEEDS_INFORMATION = "needs-information"

    @property
    def rank(self) -> int:
        """Sort order: fails first.

        Example:
            >>> sorted(Severity, key=lambda s: s.rank)[0]
            <Severity.FAIL: 'fail'>
        """
        return _RANK[self]


_RANK = {
    Severity.FAIL: 0,
    Severity.NEEDS_INFORMATION: 1,
    Severity.WARNING: 2,
    Severity.INFO: 3,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One conclusion of one check.

    ``key`` is stable across recomputation (rule id plus the subjects), so a decision
    recorded against it survives edits elsewhere. ``overlay`` holds the polygons or
    polylines that explain it (a hard corner, blind spots, a path), in local metres.
    """

    key: str
    rule: str
    severity: Severity
    message: str
    sheet_id: str
    location: Point2
    subjects: tuple[str, ...] = ()
    overlay: tuple[tuple[Point2, ...], ...] = ()
    citation: str = ""
