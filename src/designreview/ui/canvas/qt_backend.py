"""Drawing render primitives as graphics items: the Qt backend of the render frontend.

Segments become QPainterPaths built from numpy through QPainterPath's QDataStream
format (four times faster than moveTo/lineTo loops), split into square tiles so the
scene index can skip what is off screen when zoomed in.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QIODevice
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

if TYPE_CHECKING:
    from designreview.model.plan import SegmentArray
    from designreview.render.primitives import SegmentBatch, TextPrimitive

TILE_M = 50.0
_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_MOVE_TO, _LINE_TO = 0, 1
_TEXT_PIXEL_SIZE = 100


def path_from_segments(segments: SegmentArray) -> QPainterPath:
    """A path of separate segments, in scene coordinates (y flipped)."""
    count = len(segments)
    elements = np.empty(2 * count, dtype=_ELEMENT)
    elements["type"][0::2] = _MOVE_TO
    elements["type"][1::2] = _LINE_TO
    elements["x"][0::2] = segments[:, 0]
    elements["y"][0::2] = -segments[:, 1]
    elements["x"][1::2] = segments[:, 2]
    elements["y"][1::2] = -segments[:, 3]
    header = np.array([2 * count], dtype=">i4").tobytes()
    fill_rule = np.array([0], dtype=">i4").tobytes()
    data = QByteArray(header + elements.tobytes() + fill_rule)
    path = QPainterPath()
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream >> path
    return path


def segment_items(batch: SegmentBatch, tile_m: float = TILE_M) -> list[QGraphicsItem]:
    """One path item per tile of the batch, all with the batch's cosmetic pen."""
    segs = batch.segments
    if len(segs) == 0:
        return []
    mid_x = (segs[:, 0] + segs[:, 2]) / 2
    mid_y = (segs[:, 1] + segs[:, 3]) / 2
    keys = np.floor(mid_x / tile_m) * 1_000_003 + np.floor(mid_y / tile_m)
    order = np.argsort(keys, kind="stable")
    _, starts = np.unique(keys[order], return_index=True)
    pen = QPen(QColor(*batch.style.color))
    pen.setCosmetic(True)
    pen.setWidthF(batch.style.width_px)
    items: list[QGraphicsItem] = []
    for chunk in np.split(order, starts[1:]):
        item = QGraphicsPathItem(path_from_segments(segs[chunk]))
        item.setPen(pen)
        item.setZValue(batch.style.z)
        items.append(item)
    return items


@cache
def _text_font() -> tuple[QFont, float, float]:
    """The font of drawing texts with its ascent and cap height (made once)."""
    font = QFont()
    font.setPixelSize(_TEXT_PIXEL_SIZE)
    metrics = QFontMetricsF(font)
    return font, metrics.ascent(), metrics.capHeight() or metrics.ascent()


def text_item(text: TextPrimitive) -> QGraphicsSimpleTextItem:
    """A text item sized in metres, its baseline start at the primitive's position."""
    font, ascent, cap_height = _text_font()
    item = QGraphicsSimpleTextItem(text.text)
    item.setFont(font)
    item.setBrush(QColor(*text.color))
    item.setScale(text.height_m / cap_height)
    item.setPos(text.position[0], -text.position[1] - ascent)
    item.setTransformOriginPoint(0.0, ascent)  # scale and turn about the baseline
    if text.rotation_deg:
        item.setRotation(-text.rotation_deg)
    item.setZValue(60)  # not selectable, not cached: the item defaults
    return item
