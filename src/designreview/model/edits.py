"""Edits: the only way a review changes. Each applies itself and knows its inverse."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol, TypeVar

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

if TYPE_CHECKING:
    from collections.abc import Sequence

T = TypeVar("T")


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
        markups = _inserted(review.markups, self.index, self.markup)
        return replace(review, markups=markups), ChangeSet(added=(self.markup.id,))

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
        return cls(markup, index=_index_of(review.markups, markup.id))

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
    index: int | None = None
    """Where in the list of sheets it goes (None: last)."""
    source_index: int | None = None
    """Where its drawing goes among the embedded files, if not already there."""

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Add the sheet and embed its drawing (once per distinct file)."""
        sources = review.sources
        if review.source(self.source.sha256) is None:
            sources = _inserted(sources, self.source_index, self.source)
        sheets = _inserted(review.sheets, self.index, self.sheet)
        added = replace(review, sheets=sheets, sources=sources)
        return added, ChangeSet(added=(self.sheet.id,), sheets=True)

    def inverted(self) -> Edit:
        """Remove the sheet (and its drawing when no other sheet uses it)."""
        return RemoveSheet(
            self.sheet, self.source, self.label, self.index, self.source_index
        )


@dataclass(frozen=True, slots=True)
class RemoveSheet:
    """Remove a sheet."""

    sheet: Sheet
    source: SourceFile
    label: str = "Remove sheet"
    index: int | None = None
    """Its place among the sheets, so undo puts it back there (None: last)."""
    source_index: int | None = None
    """Its drawing's place among the embedded files, for the same reason."""

    @classmethod
    def of(cls, review: Review, sheet: Sheet) -> RemoveSheet:
        """Remove ``sheet`` from ``review``, remembering where it and its drawing sat.

        Raises:
            ValueError: the review does not hold the sheet's drawing.
        """
        source = review.source(sheet.source_sha256)
        if source is None:
            raise ValueError(f"the review holds no drawing for sheet {sheet.name!r}")
        return cls(
            sheet,
            source,
            index=_index_of(review.sheets, sheet.id),
            source_index=review.sources.index(source),
        )

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Drop the sheet; keep the drawing's bytes only if another sheet uses them."""
        sheets = tuple(s for s in review.sheets if s.id != self.sheet.id)
        used = {s.source_sha256 for s in sheets}
        sources = tuple(f for f in review.sources if f.sha256 in used)
        changed = replace(review, sheets=sheets, sources=sources)
        return changed, ChangeSet(removed=(self.sheet.id,), sheets=True)

    def inverted(self) -> Edit:
        """Add it back where it was."""
        return AddSheet(
            self.sheet, self.source, self.label, self.index, self.source_index
        )


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
    index: int | None = None
    """Where an added reviewer goes on the roster (None: last)."""

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Add or update the reviewer (an update keeps its place)."""
        if review.reviewer(self.after.id) is not None:
            return review.with_reviewer(self.after), ChangeSet(reviewers=True)
        reviewers = _inserted(review.reviewers, self.index, self.after)
        return replace(review, reviewers=reviewers), ChangeSet(reviewers=True)

    def inverted(self) -> Edit:
        """Restore the old reviewer, or remove the added one."""
        if self.before is None:
            return RemoveReviewer(self.after, self.label, self.index)
        return SetReviewer(self.after, self.before, self.label)


@dataclass(frozen=True, slots=True)
class RemoveReviewer:
    """Take a reviewer off the roster (their markups keep their name in history)."""

    reviewer: Reviewer
    label: str = "Remove reviewer"
    index: int | None = None
    """Their place on the roster, so undo puts them back there (None: last)."""

    @classmethod
    def of(cls, review: Review, reviewer: Reviewer) -> RemoveReviewer:
        """Remove ``reviewer`` from ``review``, remembering their place for undo."""
        return cls(reviewer, index=_index_of(review.reviewers, reviewer.id))

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Drop the reviewer, keeping the others' order."""
        kept = tuple(r for r in review.reviewers if r.id != self.reviewer.id)
        return replace(review, reviewers=kept), ChangeSet(reviewers=True)

    def inverted(self) -> Edit:
        """Put the reviewer back at their old place on the roster."""
        return SetReviewer(None, self.reviewer, self.label, self.index)


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
    """Several edits as one undo step.

    Removals that remember their index (``RemoveMarkup.of`` and the like) go in
    highest index first: each index then still holds in the review the edit meets,
    both when it applies and when its inverse re-inserts (lowest first) on undo.
    """

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
    index: int | None = None
    """The decision's place in the list: where a withdrawn one was (so undo puts it
    back there) or where a new one goes (None: last). A change keeps its place."""
    agency: str | None = None
    """Whose decision it is: the agency of its reviewer (their id when they have
    none). Each agency's decision on a finding stands beside the others' (a merge
    of agencies' copies keeps them all), so an edit replaces only its own agency's.
    None: the finding's first decision, whoever took it."""

    @classmethod
    def of(
        cls, review: Review, finding_key: str, after: Decision | None, label: str
    ) -> SetDecision:
        """Set ``after``'s agency's decision for ``finding_key`` in ``review``.

        The decision it replaces and its place come from ``review``, so undo restores
        both; other agencies' decisions on the finding stay as they are.
        """
        agency = _agency(review, after) if after is not None else None
        index = _index_of_key(review.decisions, finding_key, review, agency)
        if index is None:
            return cls(finding_key, None, after, label, agency=agency)
        before = review.decisions[index]
        return cls(finding_key, before, after, label, index, agency)

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """Replace the decision for ``finding_key`` with ``after`` (None removes it)."""
        decisions = list(review.decisions)
        at = _index_of_key(review.decisions, self.finding_key, review, self.agency)
        if at is not None:
            del decisions[at]
        if self.after is not None:
            decisions.insert(
                at if at is not None else _slot(decisions, self.index), self.after
            )
        return replace(review, decisions=tuple(decisions)), ChangeSet(decisions=True)

    def inverted(self) -> Edit:
        """Restore the previous decision, at its old place."""
        return SetDecision(
            self.finding_key,
            self.after,
            self.before,
            self.label,
            self.index,
            self.agency,
        )


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


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _index_of(items: Sequence[_HasId], item_id: str) -> int | None:
    """Where the item with ``item_id`` sits in ``items`` (None: not there)."""
    return next((i for i, item in enumerate(items) if item.id == item_id), None)


def _index_of_key(
    decisions: Sequence[Decision],
    key: str,
    review: Review | None = None,
    agency: str | None = None,
) -> int | None:
    """Where ``agency``'s decision about finding ``key`` sits (None: not there).

    Without an agency, the finding's first decision, whoever took it.
    """
    return next(
        (
            i
            for i, d in enumerate(decisions)
            if d.finding_key == key
            and (agency is None or review is None or _agency(review, d) == agency)
        ),
        None,
    )


def _agency(review: Review, decision: Decision) -> str:
    """The agency a decision speaks for: its reviewer's, or their id without one."""
    who = decision.by.reviewer_id
    found = next((r.agency for r in review.reviewers if r.id == who), "")
    return found or who


def _slot(items: Sequence[object], index: int | None) -> int:
    """The insertion point for ``index``: the end when None or past the end."""
    return len(items) if index is None else min(index, len(items))


def _inserted(items: tuple[T, ...], index: int | None, item: T) -> tuple[T, ...]:
    """``items`` with ``item`` inserted at ``index`` (None: appended)."""
    at = _slot(items, index)
    return (*items[:at], item, *items[at:])
