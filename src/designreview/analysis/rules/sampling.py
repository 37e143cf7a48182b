"""Points spread over rooms, for checks that must hold at every point of a room."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import Polygon

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from designreview.model.geometry import Point2


def grid_points(polygon: Polygon, spacing_m: float, limit: int = 400) -> list[Point2]:
    """Points of a square grid inside ``polygon`` (coarser if there would be too many).

    Example:
        >>> len(grid_points(Polygon([(0, 0), (10, 0), (10, 4), (0, 4)]), 2.0))
        10
    """
    if polygon.is_empty:
        return []
    spacing = max(spacing_m, math.sqrt(polygon.area / limit))
    minx, miny, maxx, maxy = polygon.bounds
    xs = np.arange(minx + spacing / 2, maxx, spacing)
    ys = np.arange(miny + spacing / 2, maxy, spacing)
    grid = np.array([(x, y) for x in xs for y in ys]).reshape(-1, 2)
    if len(grid) == 0:
        point = polygon.representative_point()
        return [(point.x, point.y)]
    inside = shapely.contains_xy(polygon, grid[:, 0], grid[:, 1])
    points = [(float(x), float(y)) for x, y in grid[inside]]
    if not points:
        point = polygon.representative_point()
        points = [(point.x, point.y)]
    return points


def squares(points: list[Point2], size_m: float) -> BaseGeometry:
    """The union of squares of ``size_m`` around ``points`` (to draw problem areas)."""
    half = size_m / 2
    boxes = [shapely.box(x - half, y - half, x + half, y + half) for x, y in points]
    return shapely.union_all(boxes) if boxes else Polygon()
