"""The measure tool: click points to read a length, close the shape to read an area.

Not a markup: it changes nothing in the review. Double-click or Enter ends a
measurement; Esc clears it.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from designreview.model.units import M2_PER_SQ_FT, format_length
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.preview import PreviewPath

if TYPE_CHECKING:
    from designreview.model.geometry import Point2


def polyline_length(points: list[Point2]) -> float:
    """Total length of the open polyline through ``points``."""
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def polygon_area(points: list[Point2]) -> float:
    """Area of the closed polygon through ``points`` (shoelace formula)."""
    twice = sum(
        x1 * y2 - x2 * y1
        for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True)
    )
    return abs(twice) / 2


class MeasureTool(Tool):
    """Click points along what to measure; the status bar shows length and area."""

    name, text, shortcut = "measure", "Measure", "D"
    hint = (
        "Click points to measure a length; three or more points also give the area. "
        "Review > Units checks the drawing's unit against the last length measured."
    )

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self.points: list[Point2] = []
        self._done = False
        self._preview = PreviewPath(ctx.scene)
        self.reading = ""

    def press(self, pos: Point2, mods: Mods) -> bool:
        if self._done:
            self.cancel()
        point = self.point(pos, mods)
        if not self.points or point != self.points[-1]:
            self.points.append(point)
        self._show(self.points)
        return True

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        if self.points and not self._done:
            self._show([*self.points, self.point(pos, mods)])
        return bool(self.points)

    def double_click(self, pos: Point2, mods: Mods) -> bool:
        self._done = True
        self._show(self.points)
        return True

    def key(self, key: int, mods: Mods) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.points:
            self._done = True
            return True
        return super().key(key, mods)

    def measured_m(self) -> float | None:
        """The length of the current measurement in plan metres, if there is one."""
        length = polyline_length(self.points)
        return length if len(self.points) >= 2 and length > 0 else None

    def cancel(self) -> None:
        self.points, self._done, self.reading = [], False, ""
        self._preview.hide_preview()

    def _show(self, points: list[Point2]) -> None:
        plan = self.ctx.plan()
        imperial = plan.is_imperial if plan else False
        text = f"Length {format_length(polyline_length(points), imperial)}"
        if len(points) >= 3:
            area = polygon_area(points)
            text += (
                f"   Area {area / M2_PER_SQ_FT:,.0f} sq ft"
                if imperial
                else f"   Area {area:,.2f} m²"
            )
        self.reading = text
        self._preview.show_points(points, closed=False)
        self.ctx.hint(text)
