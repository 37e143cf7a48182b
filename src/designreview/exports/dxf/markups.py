"""Each markup on its REVIEW-* layer: a marker, its outline and the words about it.

What a markup looks like comes from its kind's graphic, as on screen and on paper;
the layer from its kind's declaration; what the drawing says about it from the words
the markups list, the CSV and the packet use (``render/markup_text``): its label (or
what it is), then its details. A kind needs nothing here unless a CAD drawing shows
more of it than the screen does: a door's opening, whether a sightline is clear, a
comment's revision cloud, leader and thread.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from designreview.analysis.obstacles import sightline
from designreview.exports.dxf.layers import layer_named
from designreview.model.markups import AccessPoint, Comment, Sightline
from designreview.render.comment_thread import thread
from designreview.render.graphic import Symbol
from designreview.render.kinds import kind_of
from designreview.render.markup_graphics import markup_graphic
from designreview.render.markup_text import (
    agency_of,
    author_name,
    details,
    full_label,
    local_time,
    type_name,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.analysis.obstacles import VisibilityIndex
    from designreview.exports.dxf.layers import DxfPen, ReviewLayer
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup
    from designreview.model.review import Review
    from designreview.render.graphic import MarkupGraphic

    _Draw = Callable[
        [
            DxfPen,
            ReviewLayer,
            Any,
            MarkupGraphic,
            list[str],
            VisibilityIndex | None,
            float,
        ],
        None,
    ]

__all__ = ["draw_markup", "markup_lines"]

_MARKER_RADIUS_M = {Symbol.CAMERA: 0.25, Symbol.ENDPOINT: 0.15}
"""Marker circles are 0.3 m across unless listed (a camera's apex, a line's start)."""
_WRAP = 40
"""Characters per line of a markup's text; longer lines are broken."""


def markup_lines(markup: Markup, review: Review, imperial: bool) -> list[str]:
    """What the drawing says about a markup: label or kind, byline, details, thread.

    Example:
        >>> from designreview.model.markups import AccessPoint, LockFunction, Stamp
        >>> from designreview.model.review import Review
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> door = AccessPoint("d", "s", made, made, (0, 0), door_number="E1",
        ...                    lock=LockFunction.INSIDE_LOCKABLE)
        >>> lines = markup_lines(door, Review("r"), imperial=True)
        >>> lines[0], lines[1].split("; ")[2:4]
        ('E1', ['Lock function: Lockable from inside', 'Access control: None'])
    """
    lines = [full_label(markup) or type_name(markup)]
    if isinstance(markup, Comment):
        agency = agency_of(markup, review)
        lines.append(
            f"{author_name(markup, review)}"
            + (f" ({agency})" if agency else "")
            + f", {local_time(markup.created.at)}"
        )
    if words := details(markup, imperial):
        lines.append("; ".join(words))
    if isinstance(markup, Comment):
        lines += [f"{entry.author}: {entry.text}" for entry in thread(markup, review)]
    return lines


def draw_markup(
    pen: DxfPen,
    markup: Markup,
    review: Review,
    index: VisibilityIndex | None,
    text_m: float,
) -> None:
    """Draw one markup on its kind's layer: a marker, its geometry and its words.

    ``index`` (the walls, for sightlines) may be None: sightlines then say nothing
    about whether they are clear.
    """
    layer = layer_named(kind_of(markup).dxf_layer(markup))
    graphic = markup_graphic(markup, review)
    lines = markup_lines(markup, review, pen.is_imperial)
    draw = _DRAW_FOR_KIND.get(type(markup), _draw_graphic)
    draw(pen, layer, markup, graphic, lines, index, text_m)


def _draw_graphic(
    pen: DxfPen,
    layer: ReviewLayer,
    markup: Any,
    graphic: MarkupGraphic,
    lines: list[str],
    index: VisibilityIndex | None,
    text_m: float,
) -> None:
    """Any kind as the screen draws it: marker circle, outline, words beside it."""
    if graphic.symbol is not None:
        radius = _MARKER_RADIUS_M.get(graphic.symbol, 0.3)
        pen.circle(layer, graphic.anchor, radius)
    if len(graphic.outline) >= 2:
        pen.polyline(layer, graphic.outline, closed=graphic.closed)
    if graphic.symbol is not None:
        pen.text(layer, lines, _beside(graphic.anchor), text_m, wrap=_WRAP)
    elif graphic.outline:  # an area: its words in its middle
        pen.text(layer, lines, graphic.anchor, text_m, wrap=_WRAP, centered=True)


def _draw_access_point(
    pen: DxfPen,
    layer: ReviewLayer,
    door: AccessPoint,
    graphic: MarkupGraphic,
    lines: list[str],
    index: VisibilityIndex | None,
    text_m: float,
) -> None:
    """The marker, the opening (its width along its angle), then its words."""
    x, y = door.position
    angle = math.radians(door.angle_deg)
    dx, dy = math.cos(angle) * door.width_m / 2, math.sin(angle) * door.width_m / 2
    pen.circle(layer, door.position, 0.3)
    pen.polyline(layer, ((x - dx, y - dy), (x + dx, y + dy)))
    pen.text(layer, lines, _beside(door.position), text_m, wrap=_WRAP)


def _draw_sightline(
    pen: DxfPen,
    layer: ReviewLayer,
    line: Sightline,
    graphic: MarkupGraphic,
    lines: list[str],
    index: VisibilityIndex | None,
    text_m: float,
) -> None:
    """The line, its start, a cross where a wall blocks it; "clear" or "blocked"."""
    pen.polyline(layer, (line.start, line.end))
    pen.circle(layer, line.start, _MARKER_RADIUS_M[Symbol.ENDPOINT])
    status = ""
    if index is not None:
        try:
            sight = sightline(index, line.start, line.end)
        except ValueError:
            sight = None
        if sight is not None and sight.blocked_at is not None:
            pen.cross(layer, sight.blocked_at, 0.6)
        if sight is not None:
            status = "clear" if sight.is_clear else "blocked"
    title = " - ".join(w for w in (lines[0], status) if w)
    middle = ((line.start[0] + line.end[0]) / 2, (line.start[1] + line.end[1]) / 2)
    pen.text(layer, [title, *lines[1:]], middle, text_m, wrap=_WRAP)


def _draw_comment(
    pen: DxfPen,
    layer: ReviewLayer,
    comment: Comment,
    graphic: MarkupGraphic,
    lines: list[str],
    index: VisibilityIndex | None,
    text_m: float,
) -> None:
    """The pin, a revision cloud and a leader when it has them, then its thread."""
    pen.circle(layer, comment.position, 0.3)
    if len(comment.cloud) >= 3:
        pen.cloud(layer, comment.cloud)
    if comment.leader_to is not None:
        pen.polyline(layer, (comment.position, comment.leader_to))
    pen.text(layer, lines, _beside(comment.position), text_m, wrap=_WRAP)


_DRAW_FOR_KIND: dict[type, _Draw] = {
    AccessPoint: _draw_access_point,
    Sightline: _draw_sightline,
    Comment: _draw_comment,
}
"""Kinds a CAD drawing shows more of than the screen; every other kind is drawn from
its graphic (``_draw_graphic``)."""


def _beside(point: Point2) -> Point2:
    """Where a marker's words go: up and to the right of it."""
    return (point[0] + 0.45, point[1] + 0.45)
