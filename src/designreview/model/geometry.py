"""Small geometric value types shared by every layer (no shapely here)."""

from __future__ import annotations

from dataclasses import dataclass

Point2 = tuple[float, float]
"""A point in metres, model coordinates (y points up, as in DXF)."""


@dataclass(frozen=True, slots=True)
class Extents:
    """An axis-aligned box in metres."""

    min_x: float
    min_y: float
    max_x: float
    max_y: float

    @property
    def width(self) -> float:
        """Size along x.

        Example:
            >>> Extents(0, 0, 4, 3).width
            4
        """
        return self.max_x - self.min_x

    @property
    def height(self) -> float:
        """Size along y."""
        return self.max_y - self.min_y

    @property
    def center(self) -> Point2:
        """The middle of the box.

        Example:
            >>> Extents(0, 0, 4, 2).center
            (2.0, 1.0)
        """
        return ((self.min_x + self.max_x) / 2, (self.min_y + self.max_y) / 2)

    def shifted(self, dx: float, dy: float) -> Extents:
        """The same box moved by (dx, dy).

        Example:
            >>> Extents(0, 0, 1, 1).shifted(10, 20)
            Extents(min_x=10, min_y=20, max_x=11, max_y=21)
        """
        return Extents(
            self.min_x + dx, self.min_y + dy, self.max_x + dx, self.max_y + dy
        )

    def as_list(self) -> list[float]:
        """``[min_x, min_y, max_x, max_y]``, for JSON."""
        return [self.min_x, self.min_y, self.max_x, self.max_y]
