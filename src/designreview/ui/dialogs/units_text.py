"""Words and numbers of the Units dialog, kept free of widgets to test them alone.

Which unit a drawing is read in and why, the named unit a known length points to, and
the scale a two-point calibration gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.errors import DesignReviewError, FieldError
from designreview.model.plan import UnitReport, UnitSource
from designreview.model.units import LengthUnit, format_scale, parse_length
from designreview.recognition.units.evidence import calibrated_scale, unit_name

if TYPE_CHECKING:
    from designreview.model.plan import Plan
    from designreview.model.review import Sheet

NOTHING_MEASURED = (
    "Nothing is measured yet. Close this, click the two ends of a known distance "
    "with the Measure tool, then open Units again."
)

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


def calibration_scale(
    measured_units: float | None, known_text: str, imperial: bool
) -> float:
    """Metres per drawing unit that make the measured length the length typed.

    ``known_text`` is read by the app's length parser (feet-inches too; a bare number
    is feet on imperial plans, metres otherwise).

    Raises:
        DesignReviewError: with a message for the user when there is nothing to
            calibrate with.

    Example:
        >>> round(calibration_scale(24.0, "3'", imperial=True), 9)  # 1.5 in a unit
        0.0381
        >>> calibration_scale(1000.0, "1.5 m", imperial=False)
        0.0015
        >>> calibration_scale(24.0, "0 m", imperial=False)
        Traceback (most recent call last):
        ...
        designreview.model.errors.DesignReviewError: The real length must be more than zero.
    """  # noqa: E501
    if measured_units is None or measured_units <= 0:
        raise DesignReviewError(NOTHING_MEASURED)
    if not known_text.strip():
        raise DesignReviewError("Type the real length of the measured distance.")
    try:
        known_m = parse_length(known_text, imperial)
    except FieldError as exc:
        raise DesignReviewError(str(exc)) from exc
    if known_m <= 0:
        raise DesignReviewError("The real length must be more than zero.")
    # In drawing units at 1 m per unit, the measured points are measured_units apart.
    return calibrated_scale((0.0, 0.0), (measured_units, 0.0), known_m, 1.0)


def unit_report_text(
    report: UnitReport, sheet: Sheet | None = None, scale_to_m: float | None = None
) -> str:
    """Which unit the drawing is read in, who decided, and the evidence, in words.

    ``scale_to_m`` is the plan's metres per drawing unit, said when it is calibrated.

    Example:
        >>> from designreview.model.plan import UnitReport, UnitSource
        >>> mm, m = LengthUnit.MILLIMETRE, LengthUnit.METRE
        >>> print(unit_report_text(UnitReport(mm, m, UnitSource.EVIDENCE, 0.96,
        ...       ("169 of 169 door widths are 0.7-1.3 m in metres",), m)))
        The drawing says millimetres, but its geometry says metres (96 % sure), so it is read in metres:
        • 169 of 169 door widths are 0.7-1.3 m in metres
        >>> print(unit_report_text(UnitReport(mm, LengthUnit.INCH, UnitSource.USER,
        ...       reasons=("calibrated by the user: 1 drawing unit = 38.1 mm",
        ...                "$INSUNITS says millimetres"), is_calibrated=True), None,
        ...       0.0381))
        You calibrated this drawing by two points: 1 drawing unit = 38.1 mm.
        • $INSUNITS says millimetres
    """  # noqa: E501
    used = unit_name(report.used)
    stated = unit_name(report.stated) if report.stated else None
    sure = f"{report.confidence:.0%}".replace("%", " %")
    reasons = report.reasons
    if report.is_calibrated or (sheet is not None and sheet.scale_override_m):
        scale = sheet.scale_override_m if sheet is not None else None
        head = _calibrated_head(scale or scale_to_m, sheet is not None)
        reasons = tuple(r for r in reasons if not r.startswith("calibrated by"))
    elif sheet is not None and sheet.unit_override is not None:
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
    lines = [head, *(f"• {reason}" for reason in reasons)]
    checked = report.is_calibrated  # the user measured a known length already
    if (
        not checked
        and report.proposed is not None
        and report.proposed is not report.used
    ):
        lines.append(
            f"Its geometry suggests {unit_name(report.proposed)}: check a known length "
            "before the review relies on distances."
        )
    return "\n".join(lines)


def _calibrated_head(scale_to_m: float | None, of_sheet: bool) -> str:
    what = "sheet" if of_sheet else "drawing"
    if scale_to_m is None:
        return f"You calibrated this {what} by two points."
    shown = format_scale(scale_to_m)
    return f"You calibrated this {what} by two points: 1 drawing unit = {shown}."


def report_or_unit(plan: Plan, sheet: Sheet) -> str:
    if plan.unit_report is None:
        return f"The drawing is read in {unit_name(plan.units)}."
    return unit_report_text(plan.unit_report, sheet, plan.scale_to_m)
