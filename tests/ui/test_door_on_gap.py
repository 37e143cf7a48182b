"""A click in a bare wall opening with the door tool fits the door to the opening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.fixtures.dxf_files import gap_rooms_dxf
from tests.ui.conftest import open_and_wait
from tests.ui.drive import click
from tests.ui.test_properties_dock import choose

from designreview.analysis.run import run_checks
from designreview.model.findings import Severity
from designreview.model.markups import AccessPoint, LockFunction
from designreview.ui.window.commands import file_commands

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(gap_rooms_dxf(tmp_path / "gap_rooms.dxf"))
    window.view.zoom_at(window.view.viewport().rect().center().toPointF(), 1.0)
    return window


def doors(window):
    return [m for m in window.bridge.review.markups if isinstance(m, AccessPoint)]


def room_1(window):
    """ROOM-1 findings for the classroom, from the checks run on the window's review."""
    plans = {window.current_sheet_id: window.plan}
    found = run_checks(window.bridge.review, plans).findings
    return [f for f in found if f.rule == "ROOM-1"]


def test_a_click_in_a_wall_gap_places_a_door_fitted_to_it(window):
    assert window.plan.doors == ()  # the importer found no door in the gap
    assert room_1(window) == []  # so the classroom has no door to check
    window.tools_bar.activate("access_point")
    # The opening in the wall y = 5 runs from x = 3 to 3.9 (middle 3.45). A click
    # 0.2 m right of the middle and 0.3 m into the corridor, (3.65, 5.3), is
    # 0.39 m from the end at x = 3.9 and 0.72 m from the one at x = 3: the hinge
    # goes to x = 3.9, so the door points from there to x = 3, angle 180.
    click(window.view, (3.65, 5.3))
    [door] = doors(window)
    assert door.position == pytest.approx((3.45, 5.0))
    assert door.width_m == pytest.approx(0.9)
    assert door.angle_deg == pytest.approx(180.0)
    assert door.hinge_known is False
    assert "0.90 m opening" in window.status.currentMessage()

    # The checks see it as the classroom's door: its lock is not known yet.
    [asked] = room_1(window)
    assert asked.severity is Severity.NEEDS_INFORMATION
    assert door.id in asked.subjects
    window.selection.set((door.id,))
    choose(window.properties_dock.editors["lock"], LockFunction.NONE)
    [failed] = room_1(window)
    assert failed.severity is Severity.FAIL

    stack = window.bridge.undo_stack
    stack.undo()
    assert room_1(window)[0].severity is Severity.NEEDS_INFORMATION
    stack.undo()
    assert doors(window) == []
    assert room_1(window) == []
    stack.redo()
    stack.redo()
    assert room_1(window)[0].severity is Severity.FAIL


def test_saved_gap_door_reopens_with_its_fit(make_window, qtbot, window, tmp_path):
    window.tools_bar.activate("access_point")
    click(window.view, (3.3, 4.8))  # 0.15 m left of the middle, classroom side
    [door] = doors(window)
    # Nearer end x = 3 (0.36 m) than x = 3.9 (0.63 m): angle 0.
    assert door.angle_deg == pytest.approx(0.0)
    window.prompts.next_save_path = tmp_path / "gap.dreview"
    assert file_commands.save(window.context)
    other = make_window()
    open_and_wait(qtbot, other, tmp_path / "gap.dreview")
    assert doors(other) == [door]
    assert room_1(other)[0].severity is Severity.NEEDS_INFORMATION


def test_a_three_metre_opening_is_refused_with_the_reason(window):
    window.tools_bar.activate("access_point")
    # The corridor's north wall is open from x = 2 to 5: 3 m, wider than 2.5 m.
    click(window.view, (3.7, 7.9))
    [door] = doors(window)
    assert door.width_m == pytest.approx(0.91)  # a plain point, as without a gap
    message = window.status.currentMessage()
    assert "3.00 m wide, wider than a double door (2.50 m)" in message


def test_alt_click_places_a_plain_point_in_a_gap(window):
    window.tools_bar.activate("access_point")
    click(window.view, (3.45, 5.1), mods=ALT)
    [door] = doors(window)
    assert door.width_m == pytest.approx(0.91)
    assert door.position == pytest.approx((3.45, 5.1), abs=0.02)
