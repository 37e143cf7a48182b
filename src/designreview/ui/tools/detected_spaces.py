"""The detected rooms of the shown sheet a reviewer can pick and correct.

Each is offered as its stand-in (``model/space_overrides.py``): the space it
becomes once changed. Rooms a reviewer's space already stands in for are not
offered (their space is picked instead), as the checks leave them out too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.analysis.space_edit import outline_contains, uncovered
from designreview.model.markups import Space
from designreview.model.space_overrides import stand_in

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.model.geometry import Point2
    from designreview.model.markups import Stamp
    from designreview.model.plan import Plan
    from designreview.model.review import Review
    from designreview.ui.session.document_bridge import DocumentBridge


class DetectedSpaces:
    """Stand-ins for the shown sheet's detected rooms, worked out once per edit."""

    def __init__(
        self,
        bridge: DocumentBridge,
        sheet_id: Callable[[], str | None],
        plan: Callable[[], Plan | None],
    ) -> None:
        self._bridge, self._sheet_id, self._plan = bridge, sheet_id, plan
        self._key: tuple[object, ...] | None = None
        self._spaces: dict[str, Space] = {}

    def all(self) -> dict[str, Space]:
        """Every offered stand-in by id, in drawing order."""
        review, sheet_id, plan = self._bridge.review, self._sheet_id(), self._plan()
        key = (review.markups, sheet_id, plan)
        if key != self._key:
            self._key = key
            stamp = self._bridge.document.stamp()
            self._spaces = _stand_ins(review, sheet_id, plan, stamp)
        return self._spaces

    def of(self, ids: tuple[str, ...] | list[str]) -> list[Space]:
        """The stand-ins among ``ids``, in their order."""
        spaces = self.all()
        return [spaces[i] for i in ids if i in spaces]

    def at(self, point: Point2) -> Space | None:
        """The offered room under ``point`` (the smallest, where rooms nest)."""
        hits = [s for s in self.all().values() if outline_contains(s.vertices, point)]
        return min(hits, key=_box_area, default=None)

    def inside(self, corner: Point2, other: Point2) -> list[str]:
        """The offered rooms lying wholly inside the box between two corners."""
        x0, x1 = sorted((corner[0], other[0]))
        y0, y1 = sorted((corner[1], other[1]))
        return [
            space_id
            for space_id, space in self.all().items()
            if all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in space.vertices)
        ]


def _stand_ins(
    review: Review, sheet_id: str | None, plan: Plan | None, stamp: Stamp
) -> dict[str, Space]:
    if sheet_id is None or plan is None or not plan.spaces:
        return {}
    drawn = [
        m.vertices
        for m in review.markups
        if isinstance(m, Space) and m.sheet_id == sheet_id
    ]
    found = plan.spaces
    open_rooms = uncovered([room.outline for room in found], drawn)
    spaces = (stand_in(found[i], sheet_id, stamp) for i in open_rooms)
    return {s.id: s for s in spaces if review.markup(s.id) is None}


def _box_area(space: Space) -> float:
    xs = [p[0] for p in space.vertices]
    ys = [p[1] for p in space.vertices]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))
