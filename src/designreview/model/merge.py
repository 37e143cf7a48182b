"""Merging copies of one review that agencies marked up apart (issue 21, point 2).

A three-way merge against the copies' common ancestor: markups, comments, reviewers,
sheets, settings and decisions match by id (a decision by finding *and agency*, so
each agency's own decision stands beside the others'); the review's history and the
embedded drawings are unions. Without an ancestor the merge is two-way: an item only
one copy holds is kept, and every field the copies hold differently is a conflict.
Nothing is lost: whatever a conflict did not take is listed with it. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from designreview.model.changes import ChangeSet
from designreview.model.lineage import common_ancestor, merged_lineage
from designreview.model.markups import Stamp
from designreview.model.merge_items import (
    Change,
    Conflict,
    ItemMerger,
    Prefer,
    Side,
)
from designreview.model.review import Decision, HistoryEntry, Review

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from designreview.model.markups import Markup

Touches = Mapping[str, Stamp]
"""Who last touched each id in one copy, from its history."""

__all__ = [
    "AdoptMerge",
    "Change",
    "Conflict",
    "Copy",
    "MergeResult",
    "Prefer",
    "common_base",
    "decision_key",
    "merge_reviews",
]


@dataclass(frozen=True, slots=True)
class Copy:
    """One copy of the review and the name it goes by in the report (its file)."""

    name: str
    review: Review


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged review, every change it took and every conflict it settled."""

    review: Review
    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]
    copies: tuple[str, ...]
    base: str
    """The common ancestor's name; "" for a two-way merge."""
    notes: tuple[str, ...] = ()
    """What the reader should know about the inputs (copies of different reviews)."""


def common_base(copies: Sequence[Copy], candidates: Sequence[Copy]) -> Copy | None:
    """The candidate that is the copies' common ancestor revision, if one is.

    Only a copy whose content is exactly its saved revision may serve (a file as
    read, not a review edited since it was opened).
    """
    revision = common_ancestor([c.review.lineage for c in copies])
    if revision is None:
        return None
    return next((c for c in candidates if c.review.lineage.revision == revision), None)


def merge_reviews(
    copies: Sequence[Copy],
    base: Copy | None = None,
    choices: Mapping[str, int] | None = None,
    prefer: Prefer = Prefer.FIRST,
) -> MergeResult:
    """Merge ``copies`` (the first is "ours") against their ancestor ``base``.

    ``choices`` settles conflicts by key (the index of the option to take); the
    others follow ``prefer``.

    Raises:
        ValueError: fewer than two copies.
    """
    if len(copies) < 2:
        raise ValueError("a merge needs at least two copies")
    merger = ItemMerger(dict(choices or {}), prefer, two_way=base is None)
    old = base.review if base is not None else None
    reviews = [c.review for c in copies]
    names = [c.name for c in copies]
    agency = _agencies([*reviews, *([old] if old else [])])
    since = set(old.history) if old else set()
    touches: list[Touches] = [_last_touches(r, since) for r in reviews]

    def merged(
        what: str,
        items: Callable[[Review], Sequence[Any]],
        key: Callable[[Any], str],
        label: Callable[[Any], str],
        by: Callable[[Touches, Any, str], Stamp | None],
        atomic: bool = False,
    ) -> tuple[Any, ...]:
        return _merge_collection(
            merger, what, old, (reviews, names, touches), items, key, label, by,
            atomic,
        )  # fmt: skip

    first = reviews[0]
    review = replace(
        first,
        info=merger.merge(
            "info", "info", "Review details", old.info if old else None,
            [Side(n, r.info, t.get(_INFO))
             for n, r, t in zip(names, reviews, touches, strict=True)],
        ),
        reviewers=merged("reviewer", attrgetter("reviewers"), _id, _name, _reviewer_by),
        sheets=merged("sheet", attrgetter("sheets"), _id, _name, _touched),
        markups=merged("markup", attrgetter("markups"), _id, markup_label, _markup_by),
        decisions=merged(
            "decision", attrgetter("decisions"), lambda d: decision_key(d, agency),
            lambda d: f"Decision on {d.finding_key}", _decision_by, atomic=True,
        ),
        check_settings=merged(
            "setting", attrgetter("check_settings"), _setting_key, _setting_key,
            _setting_by,
        ),
        history=_history([*([old] if old else []), *reviews]),
        lineage=merged_lineage([r.lineage for r in reviews]),
    )  # fmt: skip
    used = {s.sha256 for r in reviews for s in r.sources}
    sources = {s.sha256: s for r in reviews for s in r.sources if s.sha256 in used}
    needed = {s.source_sha256 for s in review.sheets}
    review = replace(
        review, sources=tuple(s for k, s in sources.items() if k in needed)
    )
    return MergeResult(
        review,
        tuple(merger.changes),
        tuple(merger.conflicts),
        tuple(names),
        base.name if base is not None else "",
        tuple(
            f"{c.name} is a copy of another review (id {c.review.id}, not "
            f"{first.id}); it was merged all the same."
            for c in copies[1:]
            if c.review.id != first.id
        ),
    )


@dataclass(frozen=True, slots=True)
class AdoptMerge:
    """Take the result of a merge into the open review: one undoable step."""

    before: Review
    after: Review
    label: str = "Merge review"

    def apply(self, review: Review) -> tuple[Review, ChangeSet]:
        """The merged review, keeping the history written since the merge began."""
        extra = review.history[len(self.before.history) :]
        merged = replace(self.after, history=(*self.after.history, *extra))
        return merged, ChangeSet(everything=True)

    def inverted(self) -> AdoptMerge:
        """Back to the review as it was before the merge."""
        return AdoptMerge(self.after, self.before, self.label)


def decision_key(decision: Decision, agency: Mapping[str, str]) -> str:
    """A decision's identity in a merge: its finding and the agency that took it.

    Example:
        >>> from designreview.model.review import DecisionKind
        >>> d = Decision("ROOM-1:d1", DecisionKind.ACCEPT, Stamp("r-ann", "t"))
        >>> decision_key(d, {"r-ann": "City Police"})
        'ROOM-1:d1 | City Police'
        >>> decision_key(d, {})
        'ROOM-1:d1 | r-ann'
    """
    who = agency.get(decision.by.reviewer_id) or decision.by.reviewer_id
    return f"{decision.finding_key} | {who}"


def markup_label(markup: Markup) -> str:
    """How the report names a markup: its kind, its name or number, its id.

    Example:
        >>> from designreview.model.markups import Camera
        >>> s = Stamp("r", "t")
        >>> markup_label(Camera("m1", "s1", s, s, (0, 0), label="CAM-01"))
        'Camera CAM-01 (m1)'
    """
    name = next(
        (
            str(getattr(markup, f))
            for f in ("door_number", "label", "name", "number", "text")
            if getattr(markup, f, "")
        ),
        "",
    )
    short = name if len(name) <= 40 else name[:39] + "…"
    return f"{type(markup).__name__} {short} ({markup.id})".replace("  ", " ")


def _merge_collection(
    merger: ItemMerger,
    what: str,
    base: Review | None,
    copies: tuple[list[Review], list[str], list[Touches]],
    items: Callable[[Review], Sequence[Any]],
    key: Callable[[Any], str],
    label: Callable[[Any], str],
    by: Callable[[Touches, Any, str], Stamp | None],
    atomic: bool,
) -> tuple[Any, ...]:
    """Every item of one collection, merged by key, in the first copy's order."""
    reviews, names, touches = copies
    held = [{key(i): i for i in items(r)} for r in reviews]
    old = {key(i): i for i in items(base)} if base is not None else {}
    order = dict.fromkeys(k for h in held for k in h)
    order.update(dict.fromkeys(old))
    out = []
    for k in order:
        sides = [
            Side(n, h.get(k), by(t, h.get(k), k))
            for n, t, h in zip(names, touches, held, strict=True)
        ]
        shown = next((s.item for s in sides if s.item is not None), old.get(k))
        item = merger.merge(what, k, label(shown), old.get(k), sides, atomic)
        if item is not None:
            out.append(item)
    return tuple(out)


def _agencies(reviews: Sequence[Review]) -> dict[str, str]:
    return {r.id: r.agency for review in reviews for r in review.reviewers}


def _history(reviews: Sequence[Review]) -> tuple[HistoryEntry, ...]:
    """Every copy's history once, in time order (histories only grow)."""
    entries = dict.fromkeys(e for r in reviews for e in r.history)
    return tuple(sorted(entries, key=lambda e: e.by.at))


def _decision_by(_touches: Touches, decision: Any, _k: str) -> Stamp | None:
    return decision.by if isinstance(decision, Decision) else None


def _touched(touches: Touches, _item: Any, key: str) -> Stamp | None:
    """Who last changed the item with this id, by the copy's own history."""
    return touches.get(key)


def _markup_by(touches: Touches, markup: Any, key: str) -> Stamp | None:
    stamp = getattr(markup, "modified", None)
    return stamp if isinstance(stamp, Stamp) else touches.get(key)


def _reviewer_by(touches: Touches, _item: Any, key: str) -> Stamp | None:
    return touches.get(key) or touches.get(_ROSTER)


def _setting_by(touches: Touches, _item: Any, _key: str) -> Stamp | None:
    return touches.get(_SETTINGS)


_INFO, _ROSTER, _SETTINGS = "@info", "@roster", "@settings"
_UNNAMED = {
    "Edit review details": _INFO,
    "Edit reviewers": _ROSTER,
    "Edit reviewer": _ROSTER,
    "Remove reviewer": _ROSTER,
    "Change check thresholds": _SETTINGS,
}
"""Edits that name no ids in the history, known by their label: the last such edit
made in a copy since the ancestor says who changed its details, roster or
thresholds."""


def _last_touches(review: Review, since: set[HistoryEntry]) -> dict[str, Stamp]:
    """Each id's last history entry's stamp (one pass, not one per item)."""
    touches = {i: entry.by for entry in review.history for i in entry.ids}
    for entry in review.history:
        if entry.label in _UNNAMED and entry not in since:
            touches[_UNNAMED[entry.label]] = entry.by
    return touches


def _id(item: Any) -> str:
    return str(item.id)


def _name(item: Any) -> str:
    return f"{type(item).__name__} {item.name} ({item.id})"


def _setting_key(setting: Any) -> str:
    return f"{setting.rule_id} {setting.name}"
