"""Correcting rooms by hand: merging two spaces, splitting one along a line.

For when room detection got a room wrong: two halves of a classroom detected as two
spaces, or a commons and its corridor detected as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely
from shapely.geometry import LineString, Polygon
from shapely.ops import split

from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["merge_outlines", "outline_contains", "split_outline", "uncovered"]

Outline = tuple[Point2, ...]


def merge_outlines(outlines: Sequence[Outline], tolerance_m: float = 0.05) -> Outline:
    """One outline covering ``outlines``; they must touch or overlap.

    Spaces drawn on either side of a wall are joined across gaps up to
    ``tolerance_m`` wide (a partition's thickness is not a reason to refuse).

    Raises:
        ValueError: when the spaces do not form one connected area.

    Example:
        >>> merged = merge_outlines([((0, 0), (2, 0), (2, 1), (0, 1)),
        ...                          ((2, 0), (4, 0), (4, 1), (2, 1))])
        >>> Polygon(merged).area
        4.0
    """
    polygons = [Polygon(outline).buffer(0) for outline in outlines]
    union = shapely.union_all(
        [p.buffer(tolerance_m, join_style="mitre") for p in polygons]
    )
    union = union.buffer(-tolerance_m, join_style="mitre")
    if not isinstance(union, Polygon) or union.is_empty:
        raise ValueError("The spaces do not touch; only neighbouring spaces can merge.")
    simplified = union.simplify(tolerance_m / 10)
    assert isinstance(simplified, Polygon)
    return _outline(simplified)


def split_outline(
    outline: Outline, cut: tuple[Point2, Point2]
) -> tuple[Outline, Outline]:
    """The two parts of ``outline`` on either side of the line ``cut``.

    The cut is extended to cross the whole outline, so a line drawn roughly from wall
    to wall is enough.

    Raises:
        ValueError: when the line does not divide the space in two.

    Example:
        >>> left, right = split_outline(((0, 0), (4, 0), (4, 2), (0, 2)),
        ...                             ((1, 0.5), (1, 1.5)))
        >>> sorted([Polygon(left).area, Polygon(right).area])
        [2.0, 6.0]
    """
    polygon = Polygon(outline).buffer(0)
    (x1, y1), (x2, y2) = cut
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    if length == 0 or not isinstance(polygon, Polygon):
        raise ValueError("Draw a line across the space to split it.")
    reach = (
        2
        * max(
            polygon.bounds[2] - polygon.bounds[0], polygon.bounds[3] - polygon.bounds[1]
        )
        / length
    )
    line = LineString(
        [
            (x1 - (x2 - x1) * reach, y1 - (y2 - y1) * reach),
            (x2 + (x2 - x1) * reach, y2 + (y2 - y1) * reach),
        ]
    )
    parts = [g for g in split(polygon, line).geoms if isinstance(g, Polygon)]
    if len(parts) != 2:
        raise ValueError("The line must cross the space once, from wall to wall.")
    first, second = sorted(parts, key=lambda p: (p.centroid.x, p.centroid.y))
    return _outline(first), _outline(second)


def _outline(polygon: Polygon) -> Outline:
    coords = list(polygon.exterior.coords)[:-1]
    return tuple((round(float(x), 6), round(float(y), 6)) for x, y in coords)


def outline_contains(outline: Outline, point: Point2) -> bool:
    """Whether ``point`` lies inside ``outline`` (or on its edge).

    Example:
        >>> outline_contains(((0, 0), (2, 0), (2, 2), (0, 2)), (1, 1))
        True
    """
    if len(outline) < 3:
        return False
    return bool(Polygon(outline).buffer(0).covers(shapely.Point(point)))


def uncovered(outlines: Sequence[Outline], drawn: Sequence[Outline]) -> tuple[int, ...]:
    """Which of ``outlines`` (detected rooms) no ``drawn`` space stands in for.

    A drawn space stands in for a detected room when it covers a point inside it
    (its representative point), the rule the checks' building view applies: a
    room retyped, merged or split by hand is the reviewer's space from then on.

    Example:
        >>> rooms = [((0, 0), (4, 0), (4, 3), (0, 3)), ((4, 0), (8, 0), (8, 3), (4, 3))]
        >>> uncovered(rooms, [((0, 0), (4, 0), (4, 3), (0, 3))])
        (1,)
    """
    polygons = [Polygon(o).buffer(0) for o in drawn if len(o) >= 3]
    if not polygons:
        return tuple(range(len(outlines)))
    tree = shapely.STRtree(polygons)
    kept = []
    for index, outline in enumerate(outlines):
        if len(outline) < 3:
            continue
        inside = Polygon(outline).buffer(0).representative_point()
        if not len(tree.query(inside, "covered_by")):
            kept.append(index)
    return tuple(kept)
