"""Regression: PySide6 6.12.0 on CPython 3.11 aborted after a few thousand void calls.

Every Qt method returning nothing dropped a reference to None; with a mortal None
(CPython 3.11) the interpreter died with ``none_dealloc``. The dependency pin keeps
PySide6 below 6.12 on 3.11; this test fails (by crashing) if that ever regresses.
"""

import sys

from PySide6.QtGui import QPainterPath, QPen


def test_100k_void_qt_calls_keep_none_alive():
    refs_before = sys.getrefcount(None)
    pen = QPen()
    path = QPainterPath()
    for i in range(50_000):
        pen.setWidthF(1.0 + (i % 3))
        path.lineTo(float(i % 100), 0.0)
    assert pen.widthF() in (1.0, 2.0, 3.0)
    # On 3.12+ None is immortal and its count is meaningless; on 3.11 it must not fall.
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) >= refs_before - 1000
