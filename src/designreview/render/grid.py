"""The responder grid: letters across, numbers down, at a round spacing.

Responders talk about a school in grid squares ("intruder in C4"), as on a
Collaborative Response Graphics map. The grid depends only on the building, never on
the paper, so a whole sheet, a zoomed snippet and the screen all name the same square.
Columns run west to east from A, rows north to south from 1 (north is +y).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.model.geometry import Extents
from designreview.model.units import M_PER_FT

if TYPE_CHECKING:
    from designreview.model.geometry import Point2

__all__ = ["ResponderGrid", "column_label", "responder_grid"]

_FEET = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000)
_METRES = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
MAX_CELLS = 16
"""At most this many squares along the building's longer side."""


def column_label(index: int) -> str:
    """The letters of column ``index`` (0 is A, 25 is Z, 26 is AA), like a spreadsheet.

    Example:
        >>> [column_label(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)]
        ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']
    """
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class ResponderGrid:
    """Square cells of ``spacing_m`` from the north-west corner (``x0``, ``y_top``)."""

    x0: float
    y_top: float
    spacing_m: float
    columns: int
    rows: int
    spacing_label: str

    @property
    def extents(self) -> Extents:
        """The box the grid covers (metres, local coordinates)."""
        return Extents(
            self.x0,
            self.y_top - self.rows * self.spacing_m,
            self.x0 + self.columns * self.spacing_m,
            self.y_top,
        )

    def column_x(self, index: int) -> float:
        """The west edge of column ``index``."""
        return self.x0 + index * self.spacing_m

    def row_y(self, index: int) -> float:
        """The north edge of row ``index`` (row 0 is labelled 1)."""
        return self.y_top - index * self.spacing_m

    def cell_of(self, point: Point2) -> str:
        """The square a point lies in, e.g. "C4"; "" outside the grid.

        Example:
            >>> grid = ResponderGrid(0.0, 30.0, 10.0, 4, 3, "10 m")
            >>> grid.cell_of((25.0, 29.0)), grid.cell_of((0.0, 0.0))
            ('C1', 'A3')
            >>> grid.cell_of((-1.0, 5.0))
            ''
        """
        x, y = point
        inside_x = self.x0 <= x <= self.column_x(self.columns)
        if not (inside_x and self.row_y(self.rows) <= y <= self.y_top):
            return ""
        col = min(math.floor((x - self.x0) / self.spacing_m), self.columns - 1)
        row = min(math.floor((self.y_top - y) / self.spacing_m), self.rows - 1)
        return f"{column_label(col)}{row + 1}"


def responder_grid(extents: Extents, imperial: bool) -> ResponderGrid:
    """A grid over ``extents`` with the finest round spacing of at most 16 squares.

    Imperial plans get spacings in feet (10, 20, 25, 50 ... ft), others in metres.
    Grid lines fall on multiples of the spacing, so the grid stays put when a markup
    moves the extents a little.

    Example:
        >>> grid = responder_grid(Extents(29.6, 26.8, 122.8, 89.3), imperial=True)
        >>> grid.spacing_label, grid.columns, grid.rows
        ('25 ft', 14, 9)
        >>> grid.cell_of((30.0, 89.0))
        'A1'
        >>> responder_grid(Extents(0, 0, 200, 150), imperial=False).spacing_label
        '20 m'
    """
    unit_m, steps, unit = (M_PER_FT, _FEET, "ft") if imperial else (1.0, _METRES, "m")
    longest = max(extents.width, extents.height, 1e-6)
    step = next((s for s in steps if longest / (s * unit_m) <= MAX_CELLS - 1), None)
    if step is None:
        step = math.ceil(longest / unit_m / (MAX_CELLS - 1))
    spacing = step * unit_m
    x0 = math.floor(extents.min_x / spacing) * spacing
    x1 = math.ceil(extents.max_x / spacing) * spacing
    y0 = math.floor(extents.min_y / spacing) * spacing
    y_top = math.ceil(extents.max_y / spacing) * spacing
    columns = max(1, round((x1 - x0) / spacing))
    rows = max(1, round((y_top - y0) / spacing))
    return ResponderGrid(x0, y_top, spacing, columns, rows, f"{step:g} {unit}")
