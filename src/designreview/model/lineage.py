"""Where a review copy comes from: its revision, its parent and earlier revisions.

Agencies mark up their own copies of one review apart, often on machines that never
meet a network. Every save gives the file a new revision id and remembers the one it
was opened from, so any two copies can name their common ancestor without a server
(issue 21, point 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

MAX_CHAIN = 64
"""Earlier revisions each file remembers: a year of weekly saves and merges, in about
2 kB of JSON. Older ones fall off, and a copy that old merges two-way."""


@dataclass(frozen=True, slots=True)
class Lineage:
    """This copy's revision and the revisions it descends from."""

    revision: str = ""
    """The revision this review was last saved (or opened) as; "" before any save."""
    parent: str = ""
    """The revision it was opened from when it was saved ("" for a new review)."""
    chain: tuple[str, ...] = ()
    """Earlier revisions, newest first, the parent first, at most ``MAX_CHAIN``."""
    merged: tuple[str, ...] = ()
    """Revisions of other copies merged in since the last save (they join the chain
    on the next save)."""


def ancestry(lineage: Lineage) -> tuple[str, ...]:
    """Every revision this copy holds the changes of, newest first.

    Example:
        >>> ancestry(Lineage("r3", "r2", ("r2", "r1"), merged=("b1",)))
        ('r3', 'b1', 'r2', 'r1')
    """
    return _unique((lineage.revision, *lineage.merged, *lineage.chain))


def saved_as(lineage: Lineage, revision: str) -> Lineage:
    """The lineage of a save as ``revision`` of a review with ``lineage``.

    Example:
        >>> first = saved_as(Lineage(), "r1")
        >>> first
        Lineage(revision='r1', parent='', chain=(), merged=())
        >>> saved_as(first, "r2")
        Lineage(revision='r2', parent='r1', chain=('r1',), merged=())
    """
    earlier = _unique((lineage.revision, *lineage.merged, *lineage.chain))
    return Lineage(revision, lineage.revision, earlier[:MAX_CHAIN])


def merged_lineage(lineages: Sequence[Lineage]) -> Lineage:
    """The lineage of the merge of copies with ``lineages`` (the first is "ours").

    The result stays the first copy's revision, with the others' revisions and
    chains remembered, so the next save descends from every copy.

    Example:
        >>> a, b = Lineage("a2", "r1", ("r1",)), Lineage("b2", "r1", ("r1",))
        >>> merged_lineage([a, b])
        Lineage(revision='a2', parent='r1', chain=('r1',), merged=('b2',))
    """
    first, others = lineages[0], lineages[1:]
    merged = _unique(
        (*first.merged, *(r for o in others for r in (o.revision, *o.merged)))
    )
    chain = _unique(tuple(r for line in lineages for r in line.chain))
    chain = tuple(r for r in chain if r not in merged and r != first.revision)
    return Lineage(first.revision, first.parent, chain[:MAX_CHAIN], merged)


def common_ancestor(lineages: Sequence[Lineage]) -> str | None:
    """The newest revision every copy descends from (None when they share none).

    Example:
        >>> a = Lineage("a2", "r1", ("r1", "r0"))
        >>> b = Lineage("b1", "r1", ("r1", "r0"))
        >>> common_ancestor([a, b])
        'r1'
        >>> common_ancestor([a, Lineage("r1", "r0", ("r0",))])
        'r1'
        >>> common_ancestor([a, Lineage("x1")]) is None
        True
    """
    if not lineages:
        return None
    others = [set(ancestry(line)) for line in lineages[1:]]
    return next(
        (r for r in ancestry(lineages[0]) if all(r in seen for seen in others)),
        None,
    )


def _unique(revisions: Sequence[str]) -> tuple[str, ...]:
    """``revisions`` without blanks and repeats, in order."""
    return tuple(dict.fromkeys(r for r in revisions if r))
