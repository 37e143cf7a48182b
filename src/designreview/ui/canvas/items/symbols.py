"""Symbol shapes in screen pixels, centred on the origin (y down, Qt's way)."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from designreview.render.graphic import Symbol
from designreview.render.symbols import symbol_paths

SIZE_PX = 16.0
_OUTLINED = frozenset(
    {Symbol.ASSET, Symbol.SHUTOFF, Symbol.HAZARD, Symbol.SITE, Symbol.NAME}
)
"""Symbols drawn from their paper outline (``render/symbols.py``), y flipped."""


def _add_outline(path: QPainterPath, symbol: Symbol, size: float) -> None:
    for stroke in symbol_paths(symbol):
        points = [QPointF(x * size, -y * size) for x, y in stroke.points]
        if stroke.closed:
            points.append(points[0])
        path.addPolygon(QPolygonF(points))


@cache
def symbol_path(symbol: Symbol, size: float = SIZE_PX) -> QPainterPath:
    """The outline of ``symbol`` about ``size`` pixels across."""
    h = size / 2
    path = QPainterPath()
    if symbol in (Symbol.DOOR, Symbol.EXTERIOR_DOOR):
        path.addRect(QRectF(-h, -h * 0.35, size, h * 0.7))  # a door leaf in plan
        path.moveTo(-h, 0)
        path.arcTo(QRectF(-h - size, -size, 2 * size, 2 * size), 0, -90)
        if symbol is Symbol.EXTERIOR_DOOR:
            path.addEllipse(QPointF(0, 0), h * 0.25, h * 0.25)
    elif symbol is Symbol.OBSERVER:
        path.moveTo(-h, 0)
        path.quadTo(0, -h, h, 0)
        path.quadTo(0, h, -h, 0)
        path.addEllipse(QPointF(0, 0), h * 0.35, h * 0.35)
    elif symbol is Symbol.CAMERA:
        path.addRect(QRectF(-h, -h * 0.45, h * 1.3, h * 0.9))
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(h * 0.3, 0),
                    QPointF(h, -h * 0.5),
                    QPointF(h, h * 0.5),
                    QPointF(h * 0.3, 0),
                ]
            )
        )
    elif symbol is Symbol.COMMENT:
        path.addRoundedRect(QRectF(-h, -size * 1.1, size, size * 0.8), 3, 3)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(-h * 0.3, -size * 0.3),
                    QPointF(0, 0),
                    QPointF(h * 0.3, -size * 0.3),
                ]
            )
        )
    elif symbol is Symbol.BREACH:
        radii = (h, h * 0.4)
        star = [
            QPointF(
                radii[i % 2] * math.cos(math.pi * i / 8),
                -radii[i % 2] * math.sin(math.pi * i / 8),
            )
            for i in range(17)
        ]
        path.addPolygon(QPolygonF(star))
    elif symbol in _OUTLINED:
        _add_outline(path, symbol, size)
    else:
        path.addEllipse(QPointF(0, 0), h * 0.4, h * 0.4)
    return path
