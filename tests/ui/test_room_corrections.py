"""Detected rooms corrected by hand: retype several, merge, split; undo; reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from shapely.geometry import Polygon
from tests.fixtures.dxf_files import gap_rooms_dxf, rooms_dxf
from tests.ui.conftest import open_and_wait
from tests.ui.drive import click, drag
from tests.ui.test_properties_dock import choose

from designreview.analysis.building_view import building_view
from designreview.model.markups import Space, SpaceType
from designreview.ui.window.commands import edit_commands, file_commands

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(gap_rooms_dxf(tmp_path / "gap_rooms.dxf"))
    window.view.zoom_at(window.view.viewport().rect().center().toPointF(), 1.0)
    window.tools_bar.activate("select")
    return window


def spaces(window):
    return [m for m in window.bridge.review.markups if isinstance(m, Space)]


def room_types(window):
    """What the checks see: each room's name and type on the shown sheet."""
    sheet = window.bridge.review.sheets[0]
    view = building_view(window.bridge.review, sheet, window.plan)
    return sorted((r.name, r.space_type.value) for r in view.rooms)


def test_retype_two_detected_rooms_in_one_step_then_reopen(
    window, make_window, qtbot, tmp_path
):
    assert room_types(window) == [("CLASSROOM", "classroom"), ("CORRIDOR", "corridor")]
    click(window.view, (4.0, 2.0))  # inside the classroom
    click(window.view, (4.0, 6.5), mods=CTRL)  # Ctrl adds the corridor
    assert window.properties_dock.title.text() == "2 spaces"
    choose(window.properties_dock.editors["space_type"], SpaceType.LAB)
    assert room_types(window) == [("CLASSROOM", "lab"), ("CORRIDOR", "lab")]
    assert len(spaces(window)) == 2
    stack = window.bridge.undo_stack
    stack.undo()  # one step restores both
    assert spaces(window) == []
    assert room_types(window) == [("CLASSROOM", "classroom"), ("CORRIDOR", "corridor")]
    stack.redo()
    assert room_types(window) == [("CLASSROOM", "lab"), ("CORRIDOR", "lab")]
    window.prompts.next_save_path = tmp_path / "rooms.dreview"
    assert file_commands.save(window.context)
    other = make_window()
    open_and_wait(qtbot, other, tmp_path / "rooms.dreview")
    assert room_types(other) == [("CLASSROOM", "lab"), ("CORRIDOR", "lab")]


def test_merge_two_detected_rooms_then_undo(make_window, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    window.tools_bar.activate("select")
    # Classroom (0..5) x (0..4) and office (5..10) x (0..4), found from the walls,
    # share the wall x = 5: merged, one 10 x 4 = 40 m2 space.
    click(window.view, (2.0, 2.0))
    click(window.view, (7.0, 2.0), mods=CTRL)
    edit_commands.merge_selected_spaces(window.context)
    [merged] = spaces(window)
    assert Polygon(merged.vertices).area == pytest.approx(40.0)
    assert room_types(window) == [("CLASSROOM", "classroom")]
    window.bridge.undo_stack.undo()
    assert spaces(window) == []
    assert len(room_types(window)) == 2
    window.bridge.undo_stack.redo()
    assert room_types(window) == [("CLASSROOM", "classroom")]


def test_rooms_apart_are_not_merged(window):
    # The outlines stop 0.1 m short of the wall y = 5 on both sides: 0.2 m apart,
    # more than the 0.05 m the merge bridges.
    click(window.view, (4.0, 2.0))
    click(window.view, (4.0, 6.5), mods=CTRL)
    edit_commands.merge_selected_spaces(window.context)
    assert spaces(window) == []
    assert "do not touch" in window.status.currentMessage()


def test_split_a_detected_room_then_undo(window):
    window.tools_bar.activate("split_space")
    drag(window.view, (4.0, 0.0), (4.0, 5.0), mods=ALT)
    halves = sorted(Polygon(s.vertices).area for s in spaces(window))
    # The classroom 7.8 x 4.8 cut at x = 4: 3.9 x 4.8 = 18.72 m2 each side.
    assert halves == pytest.approx([18.72, 18.72], abs=0.2)
    assert len(room_types(window)) == 3  # two halves and the corridor
    window.bridge.undo_stack.undo()
    assert spaces(window) == []
    assert len(room_types(window)) == 2
