"""Where labels go on a view so that none covers another, a marker or the plan's text.

Screen and paper place labels the same way: markers and symbols stay where the
plan has them and block their place; each label then takes the first free spot
around its anchor, nearest first (right, above, below, left, the corners), and
further out when those are taken. A label set further out than the first ring is
``moved``, and the backend draws a leader line to its anchor. When nothing is free
the spot that covers least is taken. Boxes are (x0, y0, x1, y1) in the backend's
units (points on paper, pixels on screen), y up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from designreview.model.geometry import Point2

__all__ = ["Box", "LabelSpace", "Placement", "overlap_area", "rotated_box"]

Box = tuple[float, float, float, float]
RINGS = 8
"""How many rings of spots around an anchor are tried before the least-bad one."""


def overlap_area(a: Box, b: Box) -> float:
    """The area two boxes share.

    Example:
        >>> overlap_area((0, 0, 2, 2), (1, 1, 3, 3))
        1
        >>> overlap_area((0, 0, 1, 1), (1, 0, 2, 1))  # touching is not covering
        0
    """
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0


def rotated_box(
    origin: Point2, width: float, height: float, rotation_deg: float
) -> Box:
    """The upright box around a ``width`` x ``height`` box turned about ``origin``.

    Example:
        >>> [round(v, 6) for v in rotated_box((10, 0), 4, 1, 90)]
        [9.0, 0.0, 10.0, 4.0]
    """
    turn = math.radians(rotation_deg)
    cos, sin = math.cos(turn), math.sin(turn)
    corners = [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]
    xs = [origin[0] + x * cos - y * sin for x, y in corners]
    ys = [origin[1] + x * sin + y * cos for x, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a label went, and whether it is far enough off to need a leader line."""

    box: Box
    moved: bool


class LabelSpace:
    """The boxes labels, markers and the plan's text hold on one view."""

    def __init__(self, bounds: Box | None = None, cell: float = 40.0) -> None:
        """No label placed yet; labels stay inside ``bounds`` when they can.

        ``cell`` is the side of the squares the boxes are filed under, so that a
        label is tested only against its neighbours (a few times a label's size).
        """
        self.bounds = bounds
        self.boxes: list[Box] = []
        """The labels placed, in order."""
        self.blocked: list[Box] = []
        """Markers, symbols and text that labels keep off but that do not move."""
        self._cell = cell
        self._cells: dict[tuple[int, int], list[Box]] = {}

    def block(self, box: Box) -> None:
        """Keep labels off ``box`` (a marker, a symbol, the drawing's own text)."""
        self.blocked.append(box)
        self._file(box)

    def near(self, box: Box) -> set[Box]:
        """The boxes filed in the squares ``box`` touches."""
        found: set[Box] = set()
        for key in self._keys(box):
            found.update(self._cells.get(key, ()))
        return found

    def _file(self, box: Box) -> None:
        for key in self._keys(box):
            self._cells.setdefault(key, []).append(box)

    def _keys(self, box: Box) -> Iterator[tuple[int, int]]:
        c = self._cell
        for i in range(math.floor(box[0] / c), math.floor(box[2] / c) + 1):
            for j in range(math.floor(box[1] / c), math.floor(box[3] / c) + 1):
                yield (i, j)

    def cost(self, box: Box) -> float:
        """How much of ``box`` is taken, or outside the bounds (0: free)."""
        taken = sum(overlap_area(box, other) for other in self.near(box))
        if self.bounds is not None:
            area = (box[2] - box[0]) * (box[3] - box[1])
            taken += 4 * (area - overlap_area(box, self.bounds))
        return taken

    def place(
        self, anchor: Point2, width: float, height: float, gap: float
    ) -> Placement:
        """Put a ``width`` x ``height`` label by ``anchor``, ``gap`` clear of it.

        Example:
            >>> space = LabelSpace()
            >>> space.place((0, 0), 10, 4, 2).box
            (2.0, -2.0, 12.0, 2.0)
            >>> space.block((0, 5, 30, 30))  # nothing above
            >>> moved = space.place((0, 0), 10, 4, 2)  # right is taken: below
            >>> moved.box, moved.moved
            ((-5.0, -6.0, 5.0, -2.0), False)
        """
        best: tuple[float, Box, bool] | None = None
        for ring, box in _spots(anchor, width, height, gap):
            cost = self.cost(box)
            if best is None or cost < best[0]:
                best = (cost, box, ring > 1)
            if cost == 0:
                break
        assert best is not None
        self.boxes.append(best[1])
        self._file(best[1])
        return Placement(best[1], best[2])

    def free_spot(
        self, box: Box, step: float, down: Point2 = (0.0, -1.0), tries: int = 6
    ) -> Point2:
        """How far to move ``box`` along ``down`` (then back) to cover no other.

        For the plan's own text, which keeps to its line: a room number enlarged
        for paper goes a line under its room name instead of over it. ``down`` is
        the text's own downward direction (turned with it); (0, 0) when no spot is
        free within ``tries`` lines either way.

        Example:
            >>> space = LabelSpace()
            >>> space.block((0, 0, 10, 3))
            >>> space.free_spot((0, 1, 4, 4), 4.5)
            (0.0, -4.5)
            >>> space.free_spot((0, 1, 4, 4), 12, down=(1.0, 0.0))  # turned text
            (12.0, 0.0)
        """
        for along in _steps(step, tries):
            dx, dy = down[0] * along + 0.0, down[1] * along + 0.0  # no -0.0
            moved = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
            if not any(overlap_area(moved, b) for b in self.near(moved)):
                return (dx, dy)
        return (0.0, 0.0)


def _steps(step: float, tries: int) -> Iterator[float]:
    yield 0.0
    for i in range(1, tries + 1):
        yield i * step  # along ``down`` first
        yield -i * step


def _spots(
    anchor: Point2, width: float, height: float, gap: float
) -> Iterable[tuple[int, Box]]:
    """Boxes around ``anchor``, ring by ring, each ring nearest spots first."""
    ax, ay = anchor
    for ring in range(1, RINGS + 1):  # the first free one ends the search
        d = gap + (ring - 1) * max(height, gap) * 1.2
        corner = d * 0.75
        for x0, y0 in (
            (ax + d, ay - height / 2),  # right
            (ax - width / 2, ay + d),  # above
            (ax - width / 2, ay - d - height),  # below
            (ax - d - width, ay - height / 2),  # left
            (ax + corner, ay + corner),  # above right
            (ax + corner, ay - corner - height),  # below right
            (ax - corner - width, ay + corner),  # above left
            (ax - corner - width, ay - corner - height),  # below left
        ):
            yield ring, (x0, y0, x0 + width, y0 + height)
