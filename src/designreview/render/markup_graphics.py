"""How each markup looks: one description that the canvas and the packet both draw.

A graphic has optional geometry in metres (a polygon, a polyline), an optional symbol
drawn at a fixed screen size at an anchor point, and a short label. Colours come from
the reviewer's agency, so the room can tell the police's marks from the architect's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from designreview.model.geometry import Point2
from designreview.model.markups import (
    AccessPoint,
    Camera,
    Comment,
    CommentStatus,
    Markup,
    Observer,
    Sightline,
    Space,
    Zone,
    ZoneKind,
)
from designreview.render.markup_text import agency_of
from designreview.render.style import AGENCY_COLORS, NO_AGENCY_COLOR, Rgb

if TYPE_CHECKING:
    from designreview.model.review import Review


class Symbol(Enum):
    """Point symbols, drawn at a fixed size on screen and paper."""

    DOOR = "door"
    EXTERIOR_DOOR = "exterior_door"
    OBSERVER = "observer"
    CAMERA = "camera"
    COMMENT = "comment"
    ENDPOINT = "endpoint"


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


def agency_color(agency: str, review: Review) -> Rgb:
    """The colour of an agency: stable within a review, in the order of its roster.

    Example:
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("a", "Ann", "Police"),
        ...                                 Reviewer("b", "Bo", "Architect")))
        >>> agency_color("Architect", review) == AGENCY_COLORS[1]
        True
    """
    agencies = list(dict.fromkeys(r.agency for r in review.reviewers if r.agency))
    if agency not in agencies:
        if not agency:
            return NO_AGENCY_COLOR
        agencies.append(agency)
    return AGENCY_COLORS[agencies.index(agency) % len(AGENCY_COLORS)]


def markup_graphic(markup: Markup, review: Review) -> MarkupGraphic:
    """How ``markup`` is drawn."""
    color = agency_color(agency_of(markup, review), review)
    return _GRAPHIC_FOR_KIND[type(markup)](markup, color)


def camera_wedge(camera: Camera, steps: int = 24) -> tuple[Point2, ...]:
    """The camera's field of view as a polygon: apex, arc at its range.

    Example:
        >>> from designreview.model.markups import Stamp
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


def _access_point(markup: Markup, color: Rgb) -> MarkupGraphic:
    assert isinstance(markup, AccessPoint)
    exterior = markup.kind.value == "exterior_door"
    return MarkupGraphic(
        markup.id,
        color,
        markup.position,
        symbol=Symbol.EXTERIOR_DOOR if exterior else Symbol.DOOR,
        rotation_deg=markup.angle_deg,
        label=markup.door_number,
    )


def _observer(markup: Markup, color: Rgb) -> MarkupGraphic:
    assert isinstance(markup, Observer)
    return MarkupGraphic(
        markup.id, color, markup.position, symbol=Symbol.OBSERVER, label=markup.label
    )


def _camera(markup: Markup, color: Rgb) -> MarkupGraphic:
    assert isinstance(markup, Camera)
    return MarkupGraphic(
        markup.id,
        color,
        markup.position,
        outline=camera_wedge(markup),
        closed=True,
        fill_alpha=40,
        symbol=Symbol.CAMERA,
        rotation_deg=markup.direction_deg,
        label=markup.label,
    )


def _sightline(markup: Markup, color: Rgb) -> MarkupGraphic:
    assert isinstance(markup, Sightline)
    return MarkupGraphic(
        markup.id,
        color,
        markup.start,
        outline=(markup.start, markup.end),
        symbol=Symbol.ENDPOINT,
        label=markup.label,
    )


def _zone(markup: Markup, color: Rgb) -> MarkupGraphic:
    assert isinstance(markup, Zone)
    fill = {ZoneKind.SAFE_ROOM: 70, ZoneKind.HARD_CORNER: 90}.get(markup.kind, 35)
    return MarkupGraphic(
        markup.id,
        color,
        _centroid(markup.vertices),
        outline=markup.vertices,
        closed=True,
        fill_alpha=fill,
        dashed=markup.kind is ZoneKind.LOCKABLE_ZONE,
        label=markup.name,
    )


def _space(markup: Markup, color: Rgb) -> MarkupGraphic:
    assert isinstance(markup, Space)
    label = " ".join(p for p in (markup.name, f"({markup.space_type.value})") if p)
    return MarkupGraphic(
        markup.id,
        color,
        _centroid(markup.vertices),
        outline=markup.vertices,
        closed=True,
        fill_alpha=20,
        label=label,
    )


def _comment(markup: Markup, color: Rgb) -> MarkupGraphic:
    assert isinstance(markup, Comment)
    done = markup.status in (CommentStatus.RESOLVED, CommentStatus.REJECTED)
    first_words = " ".join(markup.text.split()[:6])
    if markup.leader_to is not None and not markup.cloud:
        return MarkupGraphic(
            markup.id,
            color,
            markup.position,
            outline=(markup.position, markup.leader_to),
            dashed=done,
            symbol=Symbol.COMMENT,
            label=first_words,
        )
    return MarkupGraphic(
        markup.id,
        color,
        markup.position,
        outline=markup.cloud,
        closed=bool(markup.cloud),
        fill_alpha=25 if markup.cloud else 0,
        dashed=done,
        symbol=Symbol.COMMENT,
        label=first_words,
    )


def _centroid(points: tuple[Point2, ...]) -> Point2:
    if not points:
        return (0.0, 0.0)
    return (
        sum(p[0] for p in points) / len(points),
        sum(p[1] for p in points) / len(points),
    )


_GRAPHIC_FOR_KIND = {
    AccessPoint: _access_point,
    Observer: _observer,
    Camera: _camera,
    Sightline: _sightline,
    Zone: _zone,
    Space: _space,
    Comment: _comment,
}
