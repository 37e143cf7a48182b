"""Moving and reshaping markups: the geometry behind dragging them on the canvas."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from designreview.model.markups import Camera, Comment, Sightline, Space, Zone

if TYPE_CHECKING:
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup

_POINT_FIELDS = frozenset({"position", "start", "end"})
_POINTS_FIELDS = frozenset({"vertices", "cloud"})


def translated(markup: Markup, dx: float, dy: float) -> Markup:
    """``markup`` moved by (dx, dy) metres.

    Example:
        >>> from designreview.model.markups import Stamp, Zone
        >>> s = Stamp("r", "t")
        >>> translated(Zone("z", "s", s, s, ((0, 0), (1, 0), (1, 1))), 2, 3).vertices
        ((2, 3), (3, 3), (3, 4))
    """
    changes: dict[str, Any] = {}
    for spec in fields(markup):
        value = getattr(markup, spec.name)
        if spec.name in _POINT_FIELDS:
            changes[spec.name] = (value[0] + dx, value[1] + dy)
        elif spec.name in _POINTS_FIELDS:
            changes[spec.name] = tuple((x + dx, y + dy) for x, y in value)
    return replace(markup, **changes)


def handles(markup: Markup) -> tuple[Point2, ...]:
    """The points a reviewer can grab to reshape ``markup`` (none for pins).

    Polygons offer their corners, sightlines their two ends, cameras the tip of their
    view (aim and range) and the two edges of their field of view.

    Example:
        >>> from designreview.model.markups import Sightline, Stamp
        >>> s = Stamp("r", "t")
        >>> handles(Sightline("l", "s", s, s, (0, 0), (5, 0)))
        ((0, 0), (5, 0))
    """
    if isinstance(markup, Zone | Space):
        return markup.vertices
    if isinstance(markup, Comment):
        return markup.cloud
    if isinstance(markup, Sightline):
        return (markup.start, markup.end)
    if isinstance(markup, Camera):
        return tuple(_camera_point(markup, offset) for offset in (0.0, -0.5, 0.5))
    return ()


def with_handle_moved(markup: Markup, index: int, point: Point2) -> Markup:
    """``markup`` reshaped by dragging its handle ``index`` to ``point``.

    Example:
        >>> from designreview.model.markups import Camera, Stamp
        >>> s = Stamp("r", "t")
        >>> cam = Camera("c", "s", s, s, (0.0, 0.0), 0.0, 90.0, 10.0)
        >>> moved = with_handle_moved(cam, 0, (0.0, 5.0))
        >>> round(moved.direction_deg), round(moved.range_m)
        (90, 5)
        >>> round(with_handle_moved(cam, 2, (1.0, 1.0)).fov_deg)
        90
    """
    if isinstance(markup, Zone | Space):
        return replace(markup, vertices=_replaced(markup.vertices, index, point))
    if isinstance(markup, Comment):
        return replace(markup, cloud=_replaced(markup.cloud, index, point))
    if isinstance(markup, Sightline):
        if index == 0:
            return replace(markup, start=point)
        return replace(markup, end=point)
    if isinstance(markup, Camera):
        return _camera_reshaped(markup, index, point)
    return markup


def _replaced(
    points: tuple[Point2, ...], index: int, point: Point2
) -> tuple[Point2, ...]:
    return tuple(point if i == index else p for i, p in enumerate(points))


def _camera_point(camera: Camera, fov_fraction: float) -> Point2:
    angle = math.radians(camera.direction_deg + fov_fraction * camera.fov_deg)
    x, y = camera.position
    return (x + camera.range_m * math.cos(angle), y + camera.range_m * math.sin(angle))


def _camera_reshaped(camera: Camera, index: int, point: Point2) -> Camera:
    dx, dy = point[0] - camera.position[0], point[1] - camera.position[1]
    if math.hypot(dx, dy) < 1e-6:
        return camera
    bearing = math.degrees(math.atan2(dy, dx))
    if index == 0:
        return replace(camera, direction_deg=bearing, range_m=math.hypot(dx, dy))
    half = abs((bearing - camera.direction_deg + 180.0) % 360.0 - 180.0)
    return replace(camera, fov_deg=min(max(2 * half, 1.0), 360.0))
