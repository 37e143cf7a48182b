"""The menus' table: every row is an action bound to its command, and a few run.

Commands are triggered as the menu does (QAction.trigger) and checked on the review
and the undo stack, not on pixels.
"""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtGui import QKeySequence
from shapely.geometry import Polygon
from tests.fixtures.dxf_files import rooms_dxf

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId
from designreview.model.markups import AccessPoint, Space
from designreview.review_file.archive import read_review
from designreview.ui.window.actions import ACTIONS, CommandSpec, ToggleSpec


@pytest.fixture
def window(make_window, tmp_path):
    return make_window(rooms_dxf(tmp_path / "rooms.dxf"))


def trigger(window, action_id):
    window.actions_by_id[action_id].trigger()


def add(window, markup):
    window.bridge.submit(AddMarkup(markup))
    return markup


def space(window, markup_id, vertices):
    stamp = window.bridge.document.stamp()
    sheet = window.current_sheet_id
    return add(window, Space(MarkupId(markup_id), sheet, stamp, stamp, vertices))


def door(window, markup_id, position):
    stamp = window.bridge.document.stamp()
    sheet = window.current_sheet_id
    return add(window, AccessPoint(MarkupId(markup_id), sheet, stamp, stamp, position))


def test_every_row_is_a_menu_action_that_runs_a_command(make_window):
    window = make_window()
    assert len({spec.id for spec in ACTIONS}) == len(ACTIONS)
    for spec in ACTIONS:
        action = window.actions_by_id[spec.id]
        assert action in window.menus[spec.menu].actions(), spec.id
        assert action.text() == spec.text
        assert action.shortcuts() == [QKeySequence(key) for key in spec.keys]
        assert action.statusTip() == spec.tip
        if isinstance(spec, ToggleSpec):
            command, arguments = spec.toggle, ["ctx", "on"]
        else:
            assert isinstance(spec, CommandSpec)
            command, arguments = spec.run, ["ctx"]
        assert action.isCheckable() is isinstance(spec, ToggleSpec)
        assert command.__module__.startswith("designreview.ui.window.commands."), (
            spec.id
        )
        # A command takes the window context (and a toggle its new state), nothing
        # else: the menu passes no more.
        assert len(inspect.signature(command).parameters) == len(arguments), spec.id


def test_select_all_then_delete_removes_this_sheets_markups_in_one_undo_step(window):
    made = (
        door(window, "m-door-1", (5.0, 1.45)),
        door(window, "m-door-2", (0.0, 2.0)),
        space(window, "m-room", ((0.0, 0.0), (5.0, 0.0), (5.0, 4.0), (0.0, 4.0))),
    )
    steps = window.bridge.undo_stack.count()
    trigger(window, "select_all")
    assert set(window.selection.ids) == {"m-door-1", "m-door-2", "m-room"}
    assert window.bridge.undo_stack.count() == steps  # selecting is not an edit
    trigger(window, "delete")
    assert window.bridge.review.markups == ()
    assert window.selection.ids == ()
    assert window.bridge.undo_stack.count() == steps + 1
    assert window.bridge.undo_stack.undoText() == "Delete 3 markups"
    trigger(window, "undo")
    assert window.bridge.review.markups == made  # back in their drawing order


def test_merge_spaces_joins_the_two_selected_rooms(window):
    # The two rooms of the drawing, 5 m x 4 m each, side by side along x = 5:
    # merged they are one 10 m x 4 m room, 40 m².
    space(window, "m-west", ((0.0, 0.0), (5.0, 0.0), (5.0, 4.0), (0.0, 4.0)))
    space(window, "m-east", ((5.0, 0.0), (10.0, 0.0), (10.0, 4.0), (5.0, 4.0)))
    trigger(window, "select_all")
    trigger(window, "merge_spaces")
    [merged] = window.bridge.review.markups
    assert isinstance(merged, Space)
    assert Polygon(merged.vertices).area == pytest.approx(40.0)
    assert Polygon(merged.vertices).bounds == (0.0, 0.0, 10.0, 4.0)
    trigger(window, "undo")
    assert [m.id for m in window.bridge.review.markups] == ["m-west", "m-east"]


def test_merge_spaces_with_one_room_selected_says_why_and_changes_nothing(window):
    room = space(window, "m-west", ((0.0, 0.0), (5.0, 0.0), (5.0, 4.0), (0.0, 4.0)))
    window.selection.set(("m-west",))
    steps = window.bridge.undo_stack.count()
    trigger(window, "merge_spaces")
    assert window.status.currentMessage() == (
        "Select two or more neighbouring spaces to merge."
    )
    assert window.bridge.undo_stack.count() == steps
    assert window.bridge.review.markups == (room,)


def test_save_writes_the_review_and_close_starts_an_empty_one(window, tmp_path):
    room = space(window, "m-west", ((0.0, 0.0), (5.0, 0.0), (5.0, 4.0), (0.0, 4.0)))
    path = tmp_path / "rooms.dreview"
    window.prompts.next_save_path = path
    trigger(window, "save")
    assert window.prompts.asked == ["save_path"]  # a new review asks for a name
    assert read_review(path).markups == (room,)
    assert not window.isWindowModified()
    trigger(window, "close_review")
    assert window.bridge.review.sheets == ()
    assert window.bridge.review.markups == ()
    assert window.session.path is None
    assert "Untitled review" in window.windowTitle()


def test_drawing_layout_of_a_drawing_without_layouts_says_so(window):
    steps = window.bridge.undo_stack.count()
    trigger(window, "layout")
    assert window.status.currentMessage() == "This drawing has only model space."
    assert window.bridge.undo_stack.count() == steps
    assert window.bridge.review.sheets[0].layout is None


def test_quit_closes_an_unmodified_window(window):
    window.bridge.set_modified(False)
    trigger(window, "quit")
    assert not window.isVisible()
    assert window.prompts.asked == []  # nothing unsaved, nothing asked
