"""Confirming or changing a drawing's units, with a known length to check against."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from designreview.model.edits import ReplaceSheet
from designreview.model.plan import UnitReport, UnitSource
from designreview.model.units import LengthUnit

if TYPE_CHECKING:
    from designreview.model.plan import Plan
    from designreview.model.review import Sheet
    from designreview.ui.document_bridge import DocumentBridge

CHOICES = (
    LengthUnit.INCH,
    LengthUnit.FOOT,
    LengthUnit.MILLIMETRE,
    LengthUnit.CENTIMETRE,
    LengthUnit.DECIMETRE,
    LengthUnit.METRE,
)


def unit_for_measurement(measured_units: float, known_m: float) -> LengthUnit | None:
    """The standard unit in which ``measured_units`` drawing units make ``known_m``.

    Within 3%, else None (the drawing is not at a standard scale).

    Example:
        >>> unit_for_measurement(36.0, 0.9144).name
        'INCH'
        >>> unit_for_measurement(900.0, 0.9).name
        'MILLIMETRE'
        >>> unit_for_measurement(7.0, 1.0) is None
        True
    """
    if measured_units <= 0 or known_m <= 0:
        return None
    metres_per_unit = known_m / measured_units
    best = min(CHOICES, key=lambda u: abs(u.metres - metres_per_unit) / u.metres)
    return best if abs(best.metres - metres_per_unit) / best.metres <= 0.03 else None


def unit_report_text(report: UnitReport, sheet: Sheet | None = None) -> str:
    """Which unit the drawing is read in, who decided, and the evidence, in words.

    Example:
        >>> from designreview.model.plan import UnitReport, UnitSource
        >>> mm, m = LengthUnit.MILLIMETRE, LengthUnit.METRE
        >>> print(unit_report_text(UnitReport(mm, m, UnitSource.EVIDENCE, 0.96,
        ...       ("169 of 169 door widths are 0.7-1.3 m in metres",), m)))
        The drawing says millimetres, but its geometry says metres (96 % sure), so it is read in metres:
        • 169 of 169 door widths are 0.7-1.3 m in metres
    """  # noqa: E501
    used = _plural(report.used)
    stated = _plural(report.stated) if report.stated else None
    sure = f"{report.confidence:.0%}".replace("%", " %")
    if sheet is not None and sheet.unit_override is not None:
        head = f"You chose {used} for this sheet."
    elif report.source is UnitSource.EVIDENCE and stated:
        head = (
            f"The drawing says {stated}, but its geometry says {used} ({sure} sure), "
            f"so it is read in {used}:"
        )
    elif report.source is UnitSource.EVIDENCE:
        head = f"The drawing names no unit; its geometry says {used} ({sure} sure):"
    else:
        head = f"The drawing says {used}, and it is read in {used}."
    lines = [head, *(f"• {reason}" for reason in report.reasons)]
    if report.proposed is not None and report.proposed is not report.used:
        lines.append(
            f"Its geometry suggests {_plural(report.proposed)}: check a known length "
            "before the review relies on distances."
        )
    return "\n".join(lines)


def _report_or_unit(plan: Plan, sheet: Sheet) -> str:
    if plan.unit_report is None:
        return f"The drawing is read in {_plural(plan.units)}."
    return unit_report_text(plan.unit_report, sheet)


def _plural(unit: LengthUnit) -> str:
    return {LengthUnit.FOOT: "feet", LengthUnit.INCH: "inches"}.get(
        unit, f"{unit.name.lower()}s"
    )


class UnitsDialog(QDialog):
    """Shows the unit in use and why; the choice is saved with the sheet."""

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
        self.combo = QComboBox()
        for unit in CHOICES:
            self.combo.addItem(f"{unit.name.lower()} ({unit.symbol})", unit)
        self.combo.setCurrentIndex(max(self.combo.findData(plan.units), 0))
        self.known = QDoubleSpinBox()
        self.known.setRange(0.0, 10_000.0)
        self.known.setDecimals(3)
        self.known.setSuffix(" m")
        self.known.valueChanged.connect(self._on_known_changed)
        self.measured = measured_units
        self.advice = QLabel("")
        self.advice.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Drawing unit:", self.combo)
        if measured_units is not None:
            form.addRow(
                f"Measured: {measured_units:g} units. Its real length:", self.known
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        notes = [w for w in plan.warnings if "unit" in w.lower()]
        self.report = QLabel("\n\n".join([_report_or_unit(plan, sheet), *notes]))
        self.report.setWordWrap(True)
        layout.addWidget(self.report)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(buttons)

    def chosen(self) -> LengthUnit:
        unit: LengthUnit = self.combo.currentData()
        return unit

    def accept(self) -> None:
        unit = self.chosen()
        unchanged = unit is self.plan.units and self.sheet.unit_override is None
        after = replace(self.sheet, unit_override=None if unchanged else unit)
        if after != self.sheet:
            self.bridge.submit(
                ReplaceSheet(self.sheet, after, f"Units of {self.sheet.name}")
            )
        super().accept()

    def _on_known_changed(self, known_m: float) -> None:
        if self.measured is None:
            return
        unit = unit_for_measurement(self.measured, known_m)
        if unit is None:
            self.advice.setText(
                "That length does not match a standard unit; check "
                "the two points and the length."
            )
            return
        self.combo.setCurrentIndex(self.combo.findData(unit))
        self.advice.setText(f"That makes the drawing unit the {unit.name.lower()}.")
