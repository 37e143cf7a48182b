"""Markup symbols as plain outlines, for any backend (paper, screen, export).

Each symbol is a few polylines in symbol units: the symbol is about 1 unit across,
centred on its anchor, with y up (model axes). A backend scales them to its fixed
symbol size (16 px on screen, about 9 pt on paper) and rotates them by the graphic's
``rotation_deg`` counter-clockwise. The shapes follow the canvas's symbols: a door
leaf with its swing, an eye for an observer, a camera body with its lens, a speech
bubble for a comment, a star of broken glass for a breach point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from designreview.model.geometry import Point2
from designreview.render.graphic import Symbol

__all__ = ["SymbolPath", "symbol_paths"]

_STEPS = 12


@dataclass(frozen=True, slots=True)
class SymbolPath:
    """One stroke of a symbol; a closed one is filled as well."""

    points: tuple[Point2, ...]
    closed: bool


def _rect(x: float, y: float, w: float, h: float) -> SymbolPath:
    return SymbolPath(((x, y), (x + w, y), (x + w, y + h), (x, y + h)), True)


def _circle(cx: float, cy: float, r: float) -> SymbolPath:
    return SymbolPath(
        tuple(
            (
                cx + r * math.cos(2 * math.pi * i / _STEPS),
                cy + r * math.sin(2 * math.pi * i / _STEPS),
            )
            for i in range(_STEPS)
        ),
        True,
    )


def _quad(p0: Point2, c: Point2, p1: Point2) -> list[Point2]:
    """A quadratic Bezier from p0 to p1 as points (p0 excluded)."""
    points = []
    for i in range(1, _STEPS + 1):
        t = i / _STEPS
        a, b, d = (1 - t) ** 2, 2 * (1 - t) * t, t**2
        points.append(
            (a * p0[0] + b * c[0] + d * p1[0], a * p0[1] + b * c[1] + d * p1[1])
        )
    return points


def _door(exterior: bool) -> tuple[SymbolPath, ...]:
    swing = [(-0.5, 0.0), (0.5, 0.0)] + [
        (-0.5 + math.cos(a), math.sin(a))
        for a in (-math.pi / 2 * i / _STEPS for i in range(1, _STEPS + 1))
    ]
    parts = [_rect(-0.5, -0.175, 1.0, 0.35), SymbolPath(tuple(swing), False)]
    if exterior:
        parts.append(_circle(0.0, 0.0, 0.125))
    return tuple(parts)


def _observer() -> tuple[SymbolPath, ...]:
    eye = [(-0.5, 0.0), *_quad((-0.5, 0.0), (0.0, 0.5), (0.5, 0.0))]
    eye += _quad((0.5, 0.0), (0.0, -0.5), (-0.5, 0.0))[:-1]
    return (SymbolPath(tuple(eye), True), _circle(0.0, 0.0, 0.175))


def _camera() -> tuple[SymbolPath, ...]:
    lens = SymbolPath(((0.15, 0.0), (0.5, 0.25), (0.5, -0.25)), True)
    return (_rect(-0.5, -0.225, 0.65, 0.45), lens)


def _breach() -> tuple[SymbolPath, ...]:
    """An eight-pointed star, like glass broken at its middle."""
    star = tuple(
        (
            (0.5 if i % 2 == 0 else 0.2) * math.cos(math.pi * i / 8),
            (0.5 if i % 2 == 0 else 0.2) * math.sin(math.pi * i / 8),
        )
        for i in range(16)
    )
    return (SymbolPath(star, True),)


def _comment() -> tuple[SymbolPath, ...]:
    bubble = _rect(-0.5, 0.3, 1.0, 0.8)
    pointer = SymbolPath(((-0.15, 0.3), (0.0, 0.0), (0.15, 0.3)), False)
    return (bubble, pointer)


def _polygon(corners: int, radius: float, turn: float) -> SymbolPath:
    return SymbolPath(
        tuple(
            (
                radius * math.cos(turn + 2 * math.pi * i / corners),
                radius * math.sin(turn + 2 * math.pi * i / corners),
            )
            for i in range(corners)
        ),
        True,
    )


_RESPONDER: dict[Symbol, tuple[SymbolPath, ...]] = {
    Symbol.ASSET: (_rect(-0.45, -0.45, 0.9, 0.9),),
    Symbol.SHUTOFF: (_polygon(3, 0.55, math.pi / 2),),
    Symbol.HAZARD: (_polygon(4, 0.55, 0.0),),
    Symbol.SITE: (_circle(0.0, 0.0, 0.5),),
    Symbol.NAME: (
        SymbolPath(((-0.2, 0.0), (0.2, 0.0)), False),
        SymbolPath(((0.0, -0.2), (0.0, 0.2)), False),
    ),
}
"""Responder map items: plain outlines their letters are printed in."""


@cache
def symbol_paths(symbol: Symbol) -> tuple[SymbolPath, ...]:
    """The strokes of ``symbol`` in symbol units (about 1 across, y up).

    Example:
        >>> [p.closed for p in symbol_paths(Symbol.EXTERIOR_DOOR)]
        [True, False, True]
        >>> box = symbol_paths(Symbol.CAMERA)[0].points
        >>> min(x for x, _ in box), round(max(x for x, _ in box), 6)
        (-0.5, 0.15)
    """
    if symbol in (Symbol.DOOR, Symbol.EXTERIOR_DOOR):
        return _door(symbol is Symbol.EXTERIOR_DOOR)
    if symbol is Symbol.OBSERVER:
        return _observer()
    if symbol is Symbol.CAMERA:
        return _camera()
    if symbol is Symbol.COMMENT:
        return _comment()
    if symbol is Symbol.BREACH:
        return _breach()
    if symbol in _RESPONDER:
        return _RESPONDER[symbol]
    return (_circle(0.0, 0.0, 0.2),)
