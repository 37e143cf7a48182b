"""What drawing one markup takes: its outline, its symbol and its label.

A graphic has optional geometry in metres (a polygon, a polyline), an optional symbol
drawn at a fixed screen size at an anchor point, and a short label. Each kind's
declaration (``render/kinds/``) makes its graphic; the canvas, the packet, the BCF
snapshots and the DXF export draw it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from designreview.model.geometry import Point2
from designreview.render.style import Rgb

if TYPE_CHECKING:
    from designreview.model.markups import Camera

__all__ = ["MarkupGraphic", "Symbol", "camera_wedge", "centroid"]


class Symbol(Enum):
    """Point symbols, drawn at a fixed size on screen and paper."""

    DOOR = "door"
    EXTERIOR_DOOR = "exterior_door"
    OBSERVER = "observer"
    CAMERA = "camera"
    COMMENT = "comment"
    ENDPOINT = "endpoint"
    BREACH = "breach"
    ASSET = "asset"
    """A responder asset (key box, AED, trauma kit, alarm panel): a square."""
    SHUTOFF = "shutoff"
    """A gas, electric or water shut-off: a triangle."""
    HAZARD = "hazard"
    """Hazardous materials: a diamond."""
    SITE = "site"
    """Outside the building (staging, reunification, parking): a circle."""
    NAME = "name"
    """A name on the map (a hallway, a road, a stair): a small cross."""


@dataclass(frozen=True, slots=True)
class MarkupGraphic:
    """Everything needed to draw one markup."""

    markup_id: str
    color: Rgb
    anchor: Point2
    outline: tuple[Point2, ...] = ()
    closed: bool = False
    fill_alpha: int = 0
    dashed: bool = False
    symbol: Symbol | None = None
    rotation_deg: float = 0.0
    label: str = ""


def camera_wedge(camera: Camera, steps: int = 24) -> tuple[Point2, ...]:
    """The camera's field of view as a polygon: apex, arc at its range.

    Example:
        >>> from designreview.model.markups import Camera, Stamp
        >>> s = Stamp("r", "t")
        >>> wedge = camera_wedge(Camera("c", "s", s, s, (0.0, 0.0), 0.0, 90.0, 10.0), 2)
        >>> [(round(x, 3), round(y, 3)) for x, y in wedge]
        [(0.0, 0.0), (7.071, -7.071), (10.0, 0.0), (7.071, 7.071)]
    """
    half = camera.fov_deg / 2
    x0, y0 = camera.position
    arc = [
        math.radians(camera.direction_deg - half + camera.fov_deg * i / steps)
        for i in range(steps + 1)
    ]
    r = camera.range_m
    return ((x0, y0), *((x0 + r * math.cos(a), y0 + r * math.sin(a)) for a in arc))


def centroid(points: tuple[Point2, ...]) -> Point2:
    """The mean of a polygon's corners: where its label goes ((0, 0) for none).

    Example:
        >>> centroid(((0, 0), (4, 0), (4, 2), (0, 2)))
        (2.0, 1.0)
    """
    if not points:
        return (0.0, 0.0)
    return (
        sum(p[0] for p in points) / len(points),
        sum(p[1] for p in points) / len(points),
    )
