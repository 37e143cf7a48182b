"""Calibrating a sheet by two points: kept with the sheet, said everywhere, undoable."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from tests.fixtures.dxf_files import rooms_dxf

from designreview.model.edits import ReplaceSheet
from designreview.model.errors import DesignReviewError
from designreview.model.units import LengthUnit
from designreview.ui.dialogs.units_dialog import UnitsDialog
from designreview.ui.dialogs.units_text import calibration_scale
from designreview.ui.docks.import_dock import report_lines
from designreview.ui.window.commands import review_commands


@pytest.fixture
def window(make_window, tmp_path):
    return make_window(rooms_dxf(tmp_path / "rooms.dxf"))  # metres, 10 m wide


def open_units(window, monkeypatch, measured=None):
    """The Units dialog as Review > Units opens it, after measuring ``measured``."""
    if measured is not None:
        window.tools_bar.tools["measure"].points = list(measured)
    shown = []
    monkeypatch.setattr(UnitsDialog, "exec", lambda self: shown.append(self) or 0)
    review_commands.edit_units(window.context)
    [dialog] = shown
    return dialog


def set_sheet(window, qtbot, **changes):
    sheet = window.sheets.sheet()
    window.bridge.submit(ReplaceSheet(sheet, replace(sheet, **changes)))
    qtbot.waitUntil(lambda: window.loader.cached(window.sheets.sheet()) is not None)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=30_000)


def test_calibrating_by_two_points_keeps_the_scale_and_undoes(
    window, qtbot, monkeypatch
):
    set_sheet(window, qtbot, unit_override=LengthUnit.FOOT)
    steps = window.bridge.undo_stack.count()
    # 24 drawing units measured (read as feet now) that are really 3 feet.
    dialog = open_units(window, monkeypatch, [(0.0, 0.0), (24 * 0.3048, 0.0)])
    assert dialog.measured == pytest.approx(24)
    qtbot.keyClicks(dialog.known, "3'-0\"")
    assert dialog.is_calibrating()  # 1.5 in a unit is no standard unit
    assert dialog.scale_label.text() == "1 drawing unit = 38.1 mm (1.5 in)"
    assert "matches no standard unit" in dialog.advice.text()
    dialog.accept()

    sheet = window.bridge.review.sheets[0]
    assert sheet.scale_override_m == pytest.approx(0.0381)
    assert sheet.unit_override is None  # one way of reading the units at a time
    assert window.bridge.undo_stack.count() == steps + 1
    assert window.bridge.undo_stack.undoText() == "Calibrate rooms"
    qtbot.waitUntil(lambda: window.plan.is_calibrated, timeout=30_000)
    assert window.plan.extents.width == pytest.approx(10 * 0.0381)
    assert "calibrated, 1 unit = 38.1 mm" in window.status.units_label.text()
    assert "calibrated by two points" in report_lines(window.plan)[1]
    again = open_units(window, monkeypatch)
    assert again.is_calibrating()
    assert again.report.text().startswith(
        "You calibrated this sheet by two points: 1 drawing unit = 38.1 mm."
    )
    assert "check a known length" not in again.report.text()
    again.reject()

    window.bridge.undo_stack.undo()
    sheet = window.bridge.review.sheets[0]
    assert (sheet.unit_override, sheet.scale_override_m) == (LengthUnit.FOOT, None)
    qtbot.waitUntil(lambda: not window.plan.is_calibrated, timeout=30_000)
    assert window.plan.extents.width == pytest.approx(10 * 0.3048)


def test_choosing_a_named_unit_again_ends_the_calibration(window, qtbot, monkeypatch):
    set_sheet(window, qtbot, scale_override_m=0.0381)
    qtbot.waitUntil(lambda: window.plan.is_calibrated, timeout=30_000)
    dialog = open_units(window, monkeypatch)
    dialog.combo.setFocus()
    assert dialog.chosen() is window.plan.units  # the unit nearest the scale: inch
    qtbot.keyClick(dialog.combo, Qt.Key.Key_Down)  # the user picks the foot
    assert dialog.chosen() is LengthUnit.FOOT
    assert not dialog.is_calibrating()
    dialog.accept()
    sheet = window.bridge.review.sheets[0]
    assert (sheet.unit_override, sheet.scale_override_m) == (LengthUnit.FOOT, None)
    assert window.bridge.undo_stack.undoText() == "Units of rooms"
    window.bridge.undo_stack.undo()
    assert window.bridge.review.sheets[0].scale_override_m == 0.0381


def test_a_standard_length_picks_the_unit_but_can_be_kept_exactly(
    window, qtbot, monkeypatch
):
    dialog = open_units(window, monkeypatch, [(0.0, 0.0), (0.9, 0.0)])
    qtbot.keyClicks(dialog.known, "0.91")  # metres on a metric plan: 1 % off metres
    assert not dialog.is_calibrating()
    assert dialog.chosen() is LengthUnit.METRE
    dialog.calibrate.click()  # keep the measured 1.011 m a unit instead
    dialog.accept()
    assert window.bridge.review.sheets[0].scale_override_m == pytest.approx(0.91 / 0.9)


def test_calibration_says_what_is_missing(window, qtbot, monkeypatch):
    steps = window.bridge.undo_stack.count()
    dialog = open_units(window, monkeypatch)  # nothing measured
    assert not dialog.known.isEnabled()
    dialog.calibrate.click()
    assert "Nothing is measured yet" in dialog.advice.text()
    dialog.accept()
    assert dialog.result() != UnitsDialog.DialogCode.Accepted
    dialog.reject()

    dialog = open_units(window, monkeypatch, [(0.0, 0.0), (2.0, 0.0)])
    dialog.calibrate.click()
    assert "Type the real length" in dialog.advice.text()
    for typed, said in [
        ("0", "more than zero"),
        ("0'-0\"", "more than zero"),
        ("two feet", "is not a length"),
        ("-3 m", "cannot be negative"),
    ]:
        dialog.known.clear()
        qtbot.keyClicks(dialog.known, typed)
        assert said in dialog.advice.text()
        dialog.accept()
        assert said in dialog.advice.text()
        assert dialog.result() != UnitsDialog.DialogCode.Accepted
    assert window.bridge.undo_stack.count() == steps
    assert window.bridge.review.sheets[0].scale_override_m is None
    dialog.reject()


def test_calibration_reads_lengths_as_the_plan_writes_them():
    assert calibration_scale(24.0, "3'-0\"", imperial=True) == pytest.approx(0.0381)
    assert calibration_scale(24.0, "3", imperial=True) == pytest.approx(0.0381)
    assert calibration_scale(24.0, "36 in", imperial=False) == pytest.approx(0.0381)
    assert calibration_scale(1000.0, "1.5", imperial=False) == pytest.approx(0.0015)
    with pytest.raises(DesignReviewError, match="Nothing is measured yet"):
        calibration_scale(None, "3'", imperial=True)
