"""The one mutable object: holds the current review and tells subscribers of changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from designreview.model.changes import ChangeSet
from designreview.model.ids import ReviewerId
from designreview.model.markups import Stamp
from designreview.model.review import HistoryEntry, Review

if TYPE_CHECKING:
    from designreview.model.edits import Edit
    from designreview.model.lineage import Lineage

Listener = Callable[[ChangeSet, object], None]


def utc_now() -> str:
    """The current time as ISO 8601 UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Document:
    """Every change goes through :meth:`apply`; listeners hear of it once.

    Each applied edit is also written to the review's append-only history, with the
    current reviewer and the time.
    """

    def __init__(self, review: Review, reviewer_id: ReviewerId | None = None) -> None:
        """Start from ``review``; ``reviewer_id`` is who makes the changes."""
        self._review = review
        self.reviewer_id: ReviewerId = reviewer_id or ReviewerId("")
        self._listeners: list[Listener] = []
        self.clock: Callable[[], str] = utc_now

    @property
    def review(self) -> Review:
        """The current review (a frozen snapshot)."""
        return self._review

    def stamp(self) -> Stamp:
        """Who is making a change now, and when."""
        return Stamp(self.reviewer_id, self.clock())

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changes, initiator)`` after every edit."""
        self._listeners.append(listener)

    def apply(self, edit: Edit, initiator: object = None) -> ChangeSet:
        """Apply ``edit``, record it in the history and notify listeners."""
        review, changes = edit.apply(self._review)
        ids = changes.added + changes.updated + changes.removed
        entry = HistoryEntry(self.stamp(), edit.label, ids)
        self._review = replace(review, history=(*review.history, entry))
        for listener in list(self._listeners):
            listener(changes, initiator)
        return changes

    def replace_review(self, review: Review, initiator: object = None) -> None:
        """Swap the whole review (after opening a file); not an undoable edit."""
        self._review = review
        for listener in list(self._listeners):
            listener(ChangeSet(everything=True), initiator)

    def record_saved(self, lineage: Lineage) -> None:
        """Take the lineage of the revision just saved: not an edit, nothing to undo.

        Nothing a view shows changes, so listeners are not told.
        """
        self._review = replace(self._review, lineage=lineage)
