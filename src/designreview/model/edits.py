"""Edits: the only way a review changes. Each applies itself and knows its inverse."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from designreview.model.changes import ChangeSet
from designreview.model.markups import Markup
from designreview.model.review import (
    CheckSetting,
    Decision,
    Review,
    Reviewer,
    ReviewInfo,
    Sheet,
    SourceFile,
)


class Edit(Protocol):
    """A change to a review that can be undone."""

    @property
    def label(self) -> str:
        """Menu text for undo and redo."""
        ...

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """The changed review and what changed."""
        ...

    def inverted(self) -> Edit:
        """The edit that undoes this one."""
        ...


@dataclass(frozen=True, slots=True)
class AddMarkup:
    """Place a new markup."""

    markup: Markup
    label: str = "Add markup"
    index: int | None = None
    """Where in the drawing order it goes (None: on top)."""

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Add the markup."""
        markups = list(review.markups)
        markups.insert(len(markups) if self.index is None else self.index, self.markup)
        return replace(review, markups=tuple(markups)), ChangeSet(
            added=(self.markup.id,)
        )

    def inverted(self) -> Edit:
        """Remove it again."""
        return RemoveMarkup(self.markup, self.label, self.index)


@dataclass(frozen=True, slots=True)
class RemoveMarkup:
    """Delete a markup."""

    markup: Markup
    label: str = "Delete markup"
    index: int | None = None
    """Its place in the drawing order, so undo puts it back there."""

    @classmethod
    def of(cls, review: Review, markup: Markup) -> RemoveMarkup:
        """Delete ``markup`` from ``review``, remembering its place for undo."""
        ids = [m.id for m in review.markups]
        return cls(markup, index=ids.index(markup.id) if markup.id in ids else None)

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Remove the markup."""
        return review.without_markup(self.markup.id), ChangeSet(
            removed=(self.markup.id,)
        )

    def inverted(self) -> Edit:
        """Put it back where it was."""
        return AddMarkup(self.markup, self.label, self.index)


@dataclass(frozen=True, slots=True)
class ReplaceMarkup:
    """Change a markup's attributes or geometry."""

    before: Markup
    after: Markup
    label: str = "Edit markup"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Swap in the new version."""
        return review.with_markup(self.after), ChangeSet(updated=(self.after.id,))

    def inverted(self) -> Edit:
        """Swap the old version back."""
        return ReplaceMarkup(self.after, self.before, self.label)


@dataclass(frozen=True, slots=True)
class AddSheet:
    """Add a drawing as a new sheet, with its bytes."""

    sheet: Sheet
    source: SourceFile
    label: str = "Add sheet"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Add the sheet and embed its drawing (once per distinct file)."""
        sources = review.sources
        if review.source(self.source.sha256) is None:
            sources = (*sources, self.source)
        added = replace(review.with_sheet(self.sheet), sources=sources)
        return added, ChangeSet(added=(self.sheet.id,), sheets=True)

    def inverted(self) -> Edit:
        """Remove the sheet (and its drawing when no other sheet uses it)."""
        return RemoveSheet(self.sheet, self.source, self.label)


@dataclass(frozen=True, slots=True)
class RemoveSheet:
    """Remove a sheet."""

    sheet: Sheet
    source: SourceFile
    label: str = "Remove sheet"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Drop the sheet; keep the drawing's bytes only if another sheet uses them."""
        sheets = tuple(s for s in review.sheets if s.id != self.sheet.id)
        used = {s.source_sha256 for s in sheets}
        sources = tuple(f for f in review.sources if f.sha256 in used)
        changed = replace(review, sheets=sheets, sources=sources)
        return changed, ChangeSet(removed=(self.sheet.id,), sheets=True)

    def inverted(self) -> Edit:
        """Add it back."""
        return AddSheet(self.sheet, self.source, self.label)


@dataclass(frozen=True, slots=True)
class ReplaceSheet:
    """Change how a sheet is read (units, layer roles, name)."""

    before: Sheet
    after: Sheet
    label: str = "Edit sheet"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Swap in the new sheet settings."""
        return review.with_sheet(self.after), ChangeSet(
            updated=(self.after.id,), sheets=True
        )

    def inverted(self) -> Edit:
        """Swap the old settings back."""
        return ReplaceSheet(self.after, self.before, self.label)


@dataclass(frozen=True, slots=True)
class SetReviewer:
    """Add a reviewer, or change one (``before`` None means add)."""

    before: Reviewer | None
    after: Reviewer
    label: str = "Edit reviewer"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Add or update the reviewer."""
        return review.with_reviewer(self.after), ChangeSet(reviewers=True)

    def inverted(self) -> Edit:
        """Restore the old reviewer, or remove the added one."""
        if self.before is None:
            return RemoveReviewer(self.after, self.label)
        return SetReviewer(self.after, self.before, self.label)


@dataclass(frozen=True, slots=True)
class RemoveReviewer:
    """Take a reviewer off the roster (their markups keep their name in history)."""

    reviewer: Reviewer
    label: str = "Remove reviewer"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Drop the reviewer, keeping the others' order."""
        kept = tuple(r for r in review.reviewers if r.id != self.reviewer.id)
        return replace(review, reviewers=kept), ChangeSet(reviewers=True)

    def inverted(self) -> Edit:
        """Put the reviewer back (at the end of the roster)."""
        return SetReviewer(None, self.reviewer, self.label)


@dataclass(frozen=True, slots=True)
class SetReviewInfo:
    """Change the cover information (school, project, classification...)."""

    before: ReviewInfo
    after: ReviewInfo
    label: str = "Edit review details"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Replace the cover information."""
        return replace(review, info=self.after), ChangeSet(info=True)

    def inverted(self) -> Edit:
        """Restore it."""
        return SetReviewInfo(self.after, self.before, self.label)


@dataclass(frozen=True, slots=True)
class Batch:
    """Several edits as one undo step."""

    edits: tuple[Edit, ...]
    label: str = "Edit"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Apply each edit in order."""
        changes = ChangeSet()
        for edit in self.edits:
            review, change = edit.apply(review)
            changes = changes.merged(change)
        return review, changes

    def inverted(self) -> Edit:
        """Undo each edit, last first."""
        return Batch(tuple(e.inverted() for e in reversed(self.edits)), self.label)


@dataclass(frozen=True, slots=True)
class SetDecision:
    """Record, change or withdraw the reviewers' decision about one finding."""

    finding_key: str
    before: Decision | None
    after: Decision | None
    label: str = "Record decision"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Replace the decision for ``finding_key`` with ``after`` (None removes it)."""
        kept = tuple(d for d in review.decisions if d.finding_key != self.finding_key)
        decisions = (*kept, self.after) if self.after is not None else kept
        return replace(review, decisions=decisions), ChangeSet(decisions=True)

    def inverted(self) -> Edit:
        """Restore the previous decision."""
        return SetDecision(self.finding_key, self.after, self.before, self.label)


@dataclass(frozen=True, slots=True)
class SetCheckSettings:
    """Change this review's check thresholds (all of them, as one step)."""

    before: tuple[CheckSetting, ...]
    after: tuple[CheckSetting, ...]
    label: str = "Change check thresholds"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Use ``after`` as the review's thresholds."""
        return replace(review, check_settings=self.after), ChangeSet(settings=True)

    def inverted(self) -> Edit:
        """Go back to the previous thresholds."""
        return SetCheckSettings(self.after, self.before, self.label)
