"""A comment's conversation in words: who said what and when.

The properties panel, the packet's comment pages and the DXF export list a thread
the same way: replies and status changes in the order they were recorded, each with
its author from the review's roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.render.fields import choice_label
from designreview.render.markup_text import local_time

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.markups import Comment, Stamp
    from designreview.model.review import Review

__all__ = ["ThreadEntry", "stamp_text", "thread"]


@dataclass(frozen=True, slots=True)
class ThreadEntry:
    """One line of a comment thread: a reply or a status change."""

    author: str
    at: str
    text: str
    is_status: bool = False


def _reviewer_text(review: Review, stamp: Stamp) -> str:
    reviewer = review.reviewer(stamp.reviewer_id)
    if reviewer is None or not reviewer.name:
        return "Unknown reviewer"
    return f"{reviewer.name} ({reviewer.agency})" if reviewer.agency else reviewer.name


def stamp_text(stamps: Sequence[Stamp], review: Review, separator: str = ", ") -> str:
    """Who and when, from the review's roster; "(mixed)" when the stamps differ.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee", "Police"),))
        >>> stamp_text([Stamp("r-1", "2026-11-20T09:00")], review)
        'Ann Lee (Police), 2026-11-20 09:00'
        >>> stamp_text([Stamp("r-1", "x"), Stamp("r-9", "x")], review)
        '(mixed)'
    """
    if not stamps:
        return ""
    if any(s != stamps[0] for s in stamps[1:]):
        return "(mixed)"
    when = local_time(stamps[0].at)
    return f"{_reviewer_text(review, stamps[0])}{separator}{when}"


def thread(comment: Comment, review: Review) -> tuple[ThreadEntry, ...]:
    """A comment's replies and status changes, in the order they were recorded.

    Example:
        >>> from designreview.model.markups import (
        ...     Comment, CommentStatus, Reply, Stamp, StatusChange)
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee"),))
        >>> t0, t1 = Stamp("r-1", "2026-11-20T09:00"), Stamp("r-9", "2026-11-20T09:30")
        >>> note = Comment("c", "s", t0, t1, (0, 0), "Lock?",
        ...                replies=(Reply(t1, "Done."),),
        ...                history=(StatusChange(t0, CommentStatus.OPEN),
        ...                         StatusChange(t1, CommentStatus.RESOLVED, "ok")))
        >>> for entry in thread(note, review):
        ...     print(entry.author, "|", entry.at, "|", entry.text)
        Ann Lee | 2026-11-20 09:00 | Status: Open
        Unknown reviewer | 2026-11-20 09:30 | Done.
        Unknown reviewer | 2026-11-20 09:30 | Status: Resolved (ok)
    """
    timed = [(r.author.at, _entry(review, r.author, r.text)) for r in comment.replies]
    for change in comment.history:
        note = f" ({change.note})" if change.note else ""
        text = f"Status: {choice_label(change.status)}{note}"
        timed.append((change.by.at, _entry(review, change.by, text, True)))
    # Stamps come from one clock in UTC, so their ISO text sorts by time; the sort is
    # stable, so a reply and the status change it prompted keep that order.
    return tuple(entry for _, entry in sorted(timed, key=lambda pair: pair[0]))


def _entry(
    review: Review, stamp: Stamp, text: str, is_status: bool = False
) -> ThreadEntry:
    author = _reviewer_text(review, stamp)
    return ThreadEntry(author, local_time(stamp.at), text, is_status)
