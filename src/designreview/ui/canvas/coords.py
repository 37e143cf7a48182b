"""The one place that knows Qt's y axis points down while the model's points up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

if TYPE_CHECKING:
    from designreview.model.geometry import Point2


def to_scene(point: Point2) -> QPointF:
    """Model metres (y up) to scene coordinates (y down)."""
    return QPointF(point[0], -point[1])


def to_model(point: QPointF) -> Point2:
    """Scene coordinates (y down) to model metres (y up)."""
    return (point.x(), -point.y())
