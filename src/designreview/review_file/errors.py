"""Errors about review files, each with a message a user can act on."""

from __future__ import annotations

from designreview.model.errors import DesignReviewError


class ReviewFileError(DesignReviewError):
    """A review file could not be opened."""


class NotAReviewFileError(ReviewFileError):
    """The file is not a designreview review at all."""


class DamagedReviewFileError(ReviewFileError):
    """The file is a review but parts of it are missing or corrupt."""


class UnsafeReviewFileError(ReviewFileError):
    """The file contains something a review never contains (path tricks, bombs)."""


class FutureVersionError(ReviewFileError):
    """The file was written by a newer designreview."""


class SaveError(DesignReviewError):
    """A review could not be written; the previous file on disk is unchanged."""


class ReviewLockedError(DesignReviewError):
    """Someone else has the review open; ``holder`` says who (a LockInfo)."""

    holder: object = None
