"""The plan's right-click menu: retype a room, flip a door's hinge, and what is off."""

from __future__ import annotations

import pytest
from tests.fixtures.dxf_files import gap_rooms_dxf
from tests.ui.drive import click, view_point
from tests.ui.test_room_corrections import room_types

from designreview.model.markups import AccessPoint


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(gap_rooms_dxf(tmp_path / "gap_rooms.dxf"))
    window.view.zoom_at(window.view.viewport().rect().center().toPointF(), 1.0)
    window.tools_bar.activate("select")
    return window


def menu_at(window, point):
    return window.plan_menu.menu_at(view_point(window.view, point).toPoint())


def entries(menu):
    """Each entry by its text (mnemonic marks dropped), separators left out."""
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def test_right_click_on_a_room_selects_it_and_retypes_it_in_one_step(window):
    menu = menu_at(window, (4.0, 6.5))  # inside the corridor
    [corridor] = window.selection.ids
    assert corridor == window.tool_context.detected.at((4.0, 6.5)).id
    types = entries(entries(menu)["Room Type"].menu())
    assert [t for t, a in types.items() if a.isChecked()] == ["Corridor"]
    assert not entries(menu)["Merge Spaces"].isEnabled()  # one room only
    types["Commons"].trigger()
    assert room_types(window) == [("CLASSROOM", "classroom"), ("CORRIDOR", "commons")]
    window.bridge.undo_stack.undo()
    assert room_types(window) == [("CLASSROOM", "classroom"), ("CORRIDOR", "corridor")]


def test_right_click_on_a_gap_door_flips_its_hinge_and_undo_restores_it(window):
    window.tools_bar.activate("access_point")
    # As in test_door_on_gap: the click (3.65, 5.3) fits a 0.9 m door to the
    # opening x 3..3.9 with the hinge guessed at x = 3.9, angle 180, not known.
    click(window.view, (3.65, 5.3))
    window.tools_bar.activate("select")
    [door] = [m for m in window.bridge.review.markups if isinstance(m, AccessPoint)]
    assert (door.angle_deg, door.hinge_known) == (pytest.approx(180.0), False)
    menu = menu_at(window, (3.45, 5.0))
    assert window.selection.ids == (door.id,)
    flip = entries(menu)["Flip Door Hinge"]
    assert flip.isEnabled()
    flip.trigger()
    flipped = window.bridge.review.markup(door.id)
    # The hinge moves to x = 3: the angle from hinge to latch is now 0 degrees,
    # and the reviewer who flipped it has said which end it is.
    assert (flipped.angle_deg, flipped.hinge_known) == (pytest.approx(0.0), True)
    window.bridge.undo_stack.undo()
    assert window.bridge.review.markup(door.id) == door


def test_right_click_on_empty_paper_offers_only_what_needs_no_selection(window):
    click(window.view, (4.0, 2.0))  # the classroom is selected first
    menu = menu_at(window, (-30.0, -30.0))  # far outside the building
    assert window.selection.ids == ()
    enabled = {text for text, a in entries(menu).items() if a.isEnabled()}
    assert enabled == {"Fit to Drawing"}
    assert "Room Type" not in entries(menu)
