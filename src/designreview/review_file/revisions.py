"""Saving a review as a new revision of itself (issue 21, point 1)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.model.ids import new_id
from designreview.model.lineage import saved_as
from designreview.review_file.archive import write_review

if TYPE_CHECKING:
    from pathlib import Path

    from designreview.model.review import Review


def save_revision(
    review: Review,
    path: Path,
    saved_by: str = "",
    saved_at: str = "",
    revision: str | None = None,
) -> Review:
    """Save ``review`` to ``path`` as a new revision; the review as saved.

    The saved review's parent is the revision it was opened (or last saved) as, so
    keep working on the returned value: the next save then descends from this one.

    Raises:
        SaveError: nothing was written; the file on disk is unchanged.
    """
    lineage = saved_as(review.lineage, revision or new_id())
    saved = replace(review, lineage=lineage)
    write_review(saved, path, saved_by, saved_at)
    return saved
