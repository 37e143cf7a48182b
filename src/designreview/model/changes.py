"""What an edit changed, so views update only what it touched (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Ids added, updated and removed by one edit, plus coarse flags."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    sheets: bool = False
    reviewers: bool = False
    info: bool = False
    settings: bool = False
    decisions: bool = False
    everything: bool = False

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Both change sets as one (for batches).

        Example:
            >>> ChangeSet(added=("a",)).merged(ChangeSet(removed=("b",), sheets=True))
            ... # doctest: +NORMALIZE_WHITESPACE
            ChangeSet(added=('a',), updated=(), removed=('b',), sheets=True,
                      reviewers=False, info=False, settings=False, decisions=False,
                      everything=False)
        """
        return ChangeSet(
            added=self.added + other.added,
            updated=self.updated + other.updated,
            removed=self.removed + other.removed,
            sheets=self.sheets or other.sheets,
            reviewers=self.reviewers or other.reviewers,
            info=self.info or other.info,
            settings=self.settings or other.settings,
            decisions=self.decisions or other.decisions,
            everything=self.everything or other.everything,
        )
