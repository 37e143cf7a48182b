"""The edits of the responder map's details, apart from the markups and sheets.

A sheet's true north is a ``ReplaceSheet``; responder marks are ordinary markups.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from designreview.model.changes import ChangeSet
from designreview.model.responder import ResponderInfo

if TYPE_CHECKING:
    from designreview.model.edits import Edit
    from designreview.model.review import Review

__all__ = ["SetResponderInfo"]


@dataclass(frozen=True, slots=True)
class SetResponderInfo:
    """Change the map's details: address, walk-through, profile, issued revision."""

    before: ResponderInfo
    after: ResponderInfo
    label: str = "Edit responder map details"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Replace the map's details (the MAP checks read them: ``info``)."""
        return replace(review, responder=self.after), ChangeSet(info=True)

    def inverted(self) -> Edit:
        """Restore them."""
        return SetResponderInfo(self.after, self.before, self.label)
