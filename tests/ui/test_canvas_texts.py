"""Drawing texts sit where the drawing puts them, at the size it gives them."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF

from designreview.render.primitives import TextPrimitive
from designreview.ui.canvas.qt_backend import text_item


@pytest.mark.parametrize("rotation", [0.0, 30.0, -90.0])
def test_a_text_starts_its_baseline_at_its_anchor(qapp, rotation):
    text = TextPrimitive("L", "OFFICE", (10.0, 5.0), 0.25, rotation, (0, 0, 0))
    item = text_item(text)
    metrics = QFontMetricsF(item.font())
    ascent, cap_height = metrics.ascent(), metrics.capHeight()
    start = item.mapToScene(QPointF(0.0, ascent))  # baseline start, item units
    assert (start.x(), start.y()) == pytest.approx((10.0, -5.0))  # scene y is down
    top = item.mapToScene(QPointF(0.0, ascent - cap_height))
    height = math.hypot(start.x() - top.x(), start.y() - top.y())
    assert height == pytest.approx(0.25)  # the drawing's text height is cap height
