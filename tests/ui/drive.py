"""Driving the canvas as a person does: press, move with the button held, release.

QTest's mouseMove sends no buttons, so drags are sent as real QMouseEvents.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from designreview.ui.canvas.coords import to_scene

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton
NO_MODS = Qt.KeyboardModifier.NoModifier


def view_point(view, model_point) -> QPointF:
    return QPointF(view.mapFromScene(to_scene(model_point)))


def send(view, kind, model_point, button=LEFT, buttons=LEFT, mods=NO_MODS):
    pos = view_point(view, model_point)
    event = QMouseEvent(
        kind, pos, view.viewport().mapToGlobal(pos), button, buttons, mods
    )
    QApplication.sendEvent(view.viewport(), event)


def click(view, point, mods=NO_MODS):
    send(view, QEvent.Type.MouseButtonPress, point, mods=mods)
    send(view, QEvent.Type.MouseButtonRelease, point, buttons=NONE, mods=mods)


def double_click(view, point):
    click(view, point)
    send(view, QEvent.Type.MouseButtonDblClick, point)
    send(view, QEvent.Type.MouseButtonRelease, point, buttons=NONE)


def drag(view, start, end, steps=5, mods=NO_MODS):
    send(view, QEvent.Type.MouseButtonPress, start, mods=mods)
    for i in range(1, steps + 1):
        t = i / steps
        point = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        send(view, QEvent.Type.MouseMove, point, button=NONE, mods=mods)
    send(view, QEvent.Type.MouseButtonRelease, end, buttons=NONE, mods=mods)


def hover(view, point):
    send(view, QEvent.Type.MouseMove, point, button=NONE, buttons=NONE)
