"""Confirming or changing a drawing's units: a named unit, or a two-point calibration.

A length measured with the Measure tool and its real length either confirm a named
unit or, for drawings at no standard scale, calibrate how long one drawing unit is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from designreview.model.edits import ReplaceSheet
from designreview.model.errors import DesignReviewError
from designreview.model.units import LengthUnit, format_scale
from designreview.ui.dialogs.units_text import (
    CHOICES,
    calibration_scale,
    report_or_unit,
    unit_for_measurement,
)
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from designreview.model.plan import Plan
    from designreview.model.review import Sheet
    from designreview.ui.session.document_bridge import DocumentBridge


class UnitsDialog(QDialog):
    """Shows the unit in use and why; keeps a named unit or a calibration per sheet."""

    def __init__(
        self,
        bridge: DocumentBridge,
        sheet: Sheet,
        plan: Plan,
        measured_units: float | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Units — {sheet.name}")
        self.bridge, self.sheet, self.plan = bridge, sheet, plan
        self.measured = measured_units
        notes = [w for w in plan.warnings if "unit" in w.lower()]
        self.report = QLabel("\n\n".join([report_or_unit(plan, sheet), *notes]))
        self.report.setWordWrap(True)
        self.advice = QLabel("")
        self.advice.setWordWrap(True)
        # Room for two lines of advice, so a message never squeezes the report.
        self.advice.setMinimumHeight(2 * self.advice.fontMetrics().lineSpacing())
        layout = QVBoxLayout(self)
        layout.addWidget(self.report)
        layout.addLayout(self._build_form())
        layout.addWidget(self.advice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)

    def _build_form(self) -> QFormLayout:
        self.combo = QComboBox()
        for unit in CHOICES:
            self.combo.addItem(f"{unit.name.lower()} ({unit.symbol})", unit)
        self.combo.setCurrentIndex(max(self.combo.findData(self.plan.units), 0))
        self.combo.activated.connect(self._on_combo_activated)
        self.named = QRadioButton("Named unit:")
        self.calibrate = QRadioButton("Calibrate by two points:")
        group = QButtonGroup(self)
        group.addButton(self.named)
        group.addButton(self.calibrate)
        current = self.sheet.scale_override_m
        (self.calibrate if current else self.named).setChecked(True)
        self.calibrate.toggled.connect(self._on_calibrate_toggled)
        self.scale_label = QLabel(self._scale_text(current))
        self.known = QLineEdit()
        self.known.setPlaceholderText(
            "e.g. 3'-0\" or 0.9 m" if self.plan.is_imperial else "e.g. 0.9 m or 900 mm"
        )
        self.known.textChanged.connect(self._on_known_edited)
        if self.measured is None:
            self.known.setEnabled(False)
            measured = "nothing yet (use the Measure tool on a known distance)"
        else:
            measured = f"{self.measured:g} drawing units (last Measure tool length)"
        form = QFormLayout()
        form.addRow("Measured length:", QLabel(measured))
        form.addRow("Its real length:", self.known)
        form.addRow(self.named, self.combo)
        form.addRow(self.calibrate, self.scale_label)
        return form

    def chosen(self) -> LengthUnit:
        unit: LengthUnit = self.combo.currentData()
        return unit

    def is_calibrating(self) -> bool:
        return self.calibrate.isChecked()

    def scale(self) -> float:
        """The calibrated scale to keep; DesignReviewError says why there is none."""
        if not self.known.text().strip() and self.sheet.scale_override_m:
            return self.sheet.scale_override_m  # the calibration kept as it was
        return calibration_scale(
            self.measured, self.known.text(), self.plan.is_imperial
        )

    def accept(self) -> None:
        after = self._sheet_after()
        if after is None:
            return  # the advice says what is missing
        if after != self.sheet:
            label = "Calibrate" if after.scale_override_m else "Units of"
            self.bridge.submit(
                ReplaceSheet(self.sheet, after, f"{label} {self.sheet.name}")
            )
        super().accept()

    def _sheet_after(self) -> Sheet | None:
        """The sheet as the dialog says, None (and advice) when it cannot say yet."""
        if self.is_calibrating():
            try:
                scale = self.scale()
            except DesignReviewError as exc:
                self.advice.setText(str(exc))
                return None
            return replace(self.sheet, unit_override=None, scale_override_m=scale)
        unit = self.chosen()
        unchanged = (
            unit is self.plan.units
            and self.sheet.unit_override is None
            and self.sheet.scale_override_m is None
        )
        # Choosing a named unit ends a calibration.
        after = replace(self.sheet, unit_override=None if unchanged else unit)
        return replace(after, scale_override_m=None)

    def _scale_text(self, scale: float | None) -> str:
        if scale is None and self.measured is None:
            return "measure a known distance first"
        if scale is None:
            return "type the real length of the measured distance above"
        return f"1 drawing unit = {format_scale(scale, self.plan.is_imperial)}"

    def _on_combo_activated(self, _index: int) -> None:
        self.named.setChecked(True)

    def _on_calibrate_toggled(self, checked: bool) -> None:
        if not checked:
            self.advice.setText("")
            return
        try:
            self.scale_label.setText(self._scale_text(self.scale()))
        except DesignReviewError as exc:
            self.advice.setText(str(exc))

    def _on_known_edited(self, text: str) -> None:
        if not text.strip():  # back to the scale the sheet has, if any
            self.scale_label.setText(self._scale_text(self.sheet.scale_override_m))
            self.advice.setText("")
            return
        try:
            scale = calibration_scale(self.measured, text, self.plan.is_imperial)
        except DesignReviewError as exc:
            self.scale_label.setText(self._scale_text(None))
            self.advice.setText(str(exc))
            return
        self.scale_label.setText(self._scale_text(scale))
        assert self.measured is not None  # calibration_scale checked it
        unit = unit_for_measurement(self.measured, scale * self.measured)
        if unit is None:
            with signals_blocked(self.calibrate):
                self.calibrate.setChecked(True)
            self.advice.setText(
                "That length matches no standard unit, so the drawing will be read "
                "at the calibrated scale."
            )
            return
        self.combo.setCurrentIndex(self.combo.findData(unit))
        with signals_blocked(self.named):
            self.named.setChecked(True)
        self.advice.setText(
            f"That makes the drawing unit the {unit.name.lower()}. To keep the "
            "measured scale exactly instead, choose Calibrate by two points."
        )
