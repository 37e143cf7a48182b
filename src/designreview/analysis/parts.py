"""The parts of a review the checks read, and which of them an edit changed.

Each rule declares the parts it reads (``READS``); after an edit the runner reruns
only the rules that read a changed part. Deciding both from one vocabulary keeps the
rerun set honest: a rule that starts reading cameras says so at its top, and no list
elsewhere has to be kept in step by hand.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from designreview.model.ids import MarkupId
from designreview.model.markups import (
    AccessPoint,
    Breach,
    Camera,
    Observer,
    ResponderMark,
    Space,
    Zone,
)

if TYPE_CHECKING:
    from designreview.model.changes import ChangeSet
    from designreview.model.review import Review

__all__ = ["ALL_PARTS", "Part", "changed_parts"]


class Part(Enum):
    """One part of a review that a check may read."""

    PLAN = "plan"
    """The sheets and their drawings: walls, glazing, detected doors and rooms."""
    DOORS = "doors"
    """Access points (a door's lock, kind, designation, number, glass, whether it
    stands propped or is forced)."""
    BREACHES = "breaches"
    """Breach points: glass and windows an intruder can break through."""
    SPACES = "spaces"
    """Drawn spaces: room outlines and types, and so which rooms a door joins."""
    OBSERVERS = "observers"
    """Staff posts and reception desks."""
    CAMERAS = "cameras"
    """Planned cameras."""
    ZONES = "zones"
    """Zones such as safe rooms."""
    SETTINGS = "settings"
    """The review's check thresholds (every rule reads its own)."""
    MAP = "map"
    """The responder map's own data: responder marks and the review's map details
    (address, walk-through, profile, issued revision)."""


ALL_PARTS = frozenset(Part)

_MARKUP_PARTS: dict[type, Part] = {
    AccessPoint: Part.DOORS,
    Breach: Part.BREACHES,
    Space: Part.SPACES,
    Observer: Part.OBSERVERS,
    Camera: Part.CAMERAS,
    Zone: Part.ZONES,
    ResponderMark: Part.MAP,
}
"""The part each kind of markup belongs to; sightlines and comments feed no check."""


def changed_parts(changes: ChangeSet, before: Review, after: Review) -> frozenset[Part]:
    """The parts ``changes`` touched, going from review ``before`` to ``after``.

    A markup is looked up in ``after`` (added, updated) or ``before`` (removed), so a
    deleted camera still counts as a camera. An id neither review knows is taken to
    touch everything: rerunning too much is slow, rerunning too little is wrong.

    Example:
        >>> from designreview.model.changes import ChangeSet
        >>> from designreview.model.ids import ReviewId
        >>> from designreview.model.review import Review
        >>> empty = Review(ReviewId("r"))
        >>> changed_parts(ChangeSet(settings=True), empty, empty)
        frozenset({<Part.SETTINGS: 'settings'>})
        >>> changed_parts(ChangeSet(decisions=True), empty, empty)
        frozenset()
        >>> changed_parts(ChangeSet(info=True), empty, empty)
        frozenset({<Part.MAP: 'map'>})
    """
    if changes.everything or changes.sheets:
        return ALL_PARTS
    parts = {Part.SETTINGS} if changes.settings else set()
    if changes.info:  # the map's details sit beside the cover's
        parts.add(Part.MAP)
    for markup_id in (*changes.added, *changes.updated, *changes.removed):
        found = [
            m
            for m in (
                after.markup(MarkupId(markup_id)),
                before.markup(MarkupId(markup_id)),
            )
            if m is not None
        ]
        if not found:
            return ALL_PARTS
        parts.update(_MARKUP_PARTS[type(m)] for m in found if type(m) in _MARKUP_PARTS)
    return frozenset(parts)
