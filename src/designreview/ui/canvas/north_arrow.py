"""The canvas's north arrow: a small compass in the view's corner, never scaled."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

SIZE_PX = 54
MARGIN_PX = 10


class NorthArrow(QWidget):
    """Points to true north (turned from the plan's up), or up while it is unknown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(SIZE_PX, SIZE_PX + 12)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.true_north_deg: float | None = None
        self._update_tip()
        if parent is not None:
            parent.installEventFilter(self)  # stay in the top-right corner
            self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - MARGIN_PX, MARGIN_PX)

    def set_true_north(self, degrees: float | None) -> None:
        self.true_north_deg = degrees
        self._update_tip()
        self.update()

    def _update_tip(self) -> None:
        if self.true_north_deg is None:
            self.setToolTip("True north is not set: the arrow shows the plan's up.")
        else:
            self.setToolTip(f"True north, {self.true_north_deg:g}° from the plan's up")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = SIZE_PX / 2
        painter.setPen(QPen(QColor(40, 40, 50), 1.2))
        painter.setBrush(QColor(255, 255, 255, 210))
        painter.drawEllipse(QPointF(c, c), c - 2, c - 2)
        painter.translate(c, c)
        painter.rotate(self.true_north_deg or 0.0)  # Qt turns clockwise on screen
        arrow = QPainterPath()
        arrow.moveTo(0, -c * 0.8)
        arrow.lineTo(c * 0.32, c * 0.55)
        arrow.lineTo(0, c * 0.3)
        arrow.lineTo(-c * 0.32, c * 0.55)
        arrow.closeSubpath()
        painter.setBrush(QColor(40, 40, 50))
        painter.drawPath(arrow)
        painter.resetTransform()
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        label = "N" if self.true_north_deg is not None else "N?"
        painter.drawText(
            QRectF(0, SIZE_PX - 2, SIZE_PX, 14), Qt.AlignmentFlag.AlignCenter, label
        )
        painter.end()
