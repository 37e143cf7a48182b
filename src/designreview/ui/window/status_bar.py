"""The status bar: progress and cancel, checking, snapping, cursor, scale, units."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QToolButton

from designreview.analysis.snapping import SnapKind
from designreview.model.units import format_length, format_scale
from designreview.ui.window.checks_indicator import ChecksIndicator

if TYPE_CHECKING:
    from designreview.model.plan import Plan

_PX_PER_M_AT_96_DPI = 3779.5
_SNAP_LABELS = {
    "snap": ("Snap", "Snap to the drawing (hold Alt to place freely)"),
    SnapKind.ENDPOINT.value: ("End", "Snap to endpoints"),
    SnapKind.MIDPOINT.value: ("Mid", "Snap to midpoints"),
    SnapKind.INTERSECTION.value: ("Int", "Snap to intersections"),
    SnapKind.NEAREST.value: ("Near", "Snap to the nearest point on a line"),
}


class PlanStatusBar(QStatusBar):
    """Shows where the cursor is in the drawing's own coordinates and units."""

    cancel_requested = Signal()
    snapping_changed = Signal(bool, frozenset)  # on, kinds

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._progress = QProgressBar()
        self._progress.setRange(0, 0)
        self._progress.setMaximumWidth(160)
        self._cancel = QPushButton("Cancel")
        self._cancel.clicked.connect(self.cancel_requested)
        self.checks = ChecksIndicator()
        self.coords_label = QLabel("")
        self.coords_label.setMinimumWidth(260)
        self.zoom_label = QLabel("")
        self.units_label = QLabel("")
        self.snap_buttons = {
            key: self._snap_button(*text) for key, text in _SNAP_LABELS.items()
        }
        for widget in (
            self._progress,
            self._cancel,
            self.checks,
            *self.snap_buttons.values(),
            self.coords_label,
            self.zoom_label,
            self.units_label,
        ):
            self.addPermanentWidget(widget)
        self.set_busy(False)

    def _snap_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setChecked(True)
        button.setAutoRaise(True)
        button.toggled.connect(self._on_snap_button_toggled)
        return button

    def _on_snap_button_toggled(self, _checked: bool) -> None:
        on = self.snap_buttons["snap"].isChecked()
        kinds = frozenset(
            kind for kind in SnapKind if self.snap_buttons[kind.value].isChecked()
        )
        for kind in SnapKind:
            self.snap_buttons[kind.value].setEnabled(on)
        self.snapping_changed.emit(on, kinds)

    def set_busy(self, busy: bool) -> None:
        self._progress.setRange(0, 0)  # busy until the work says how far it is
        self._progress.setVisible(busy)
        self._cancel.setVisible(busy)
        if not busy:
            self.clearMessage()

    def set_progress(self, share: float) -> None:
        """Show how far the running work is (0 to 1)."""
        self._progress.setRange(0, 100)
        self._progress.setValue(round(share * 100))

    def show_plan(self, plan: Plan) -> None:
        units = plan.units.name.lower()
        if plan.is_calibrated:
            units = f"calibrated, 1 unit = {format_scale(plan.scale_to_m)}"
        self.units_label.setText(f"Units: {units}")
        notes = f" — {len(plan.warnings)} import notes" if plan.warnings else ""
        self.showMessage(f"{plan.source_name}{notes}", 8000)

    def show_cursor(self, plan: Plan | None, x: float, y: float) -> None:
        self.coords_label.setText(self.coordinates_text(plan, x, y))

    def show_zoom(self, pixels_per_metre: float) -> None:
        ratio = _PX_PER_M_AT_96_DPI / pixels_per_metre if pixels_per_metre > 0 else 0
        self.zoom_label.setText(f"Screen scale ≈ 1:{ratio:,.0f}")

    @staticmethod
    def coordinates_text(plan: Plan | None, x: float, y: float) -> str:
        """A local point in the drawing's own coordinates, in its units."""
        if plan is None:
            return ""
        dx, dy = plan.to_drawing_m((x, y))
        imperial = plan.is_imperial
        return f"X {format_length(dx, imperial)}   Y {format_length(dy, imperial)}"
