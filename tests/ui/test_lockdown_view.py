"""The Lockdown view on the sample school: the race per room, after an edit too."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel

from designreview.model.edits import AddMarkup, ReplaceMarkup
from designreview.model.ids import MarkupId
from designreview.model.markups import Breach, BreachKind, LockFunction
from designreview.ui.canvas.coords import to_scene
from designreview.ui.window.commands import file_commands


@pytest.fixture
def sample(make_window, qtbot):
    window = make_window()
    file_commands.open_sample(window.context)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    window.lockdown_dock.show()
    window.lockdown_dock.raise_()
    qtbot.waitUntil(
        lambda: window.lockdown.shown is not None and not window.lockdown.is_busy,
        timeout=60_000,
    )
    return window


def test_the_view_races_every_room_from_the_propped_kitchen_door(sample):
    dock = sample.lockdown_dock
    # The only way in is E5, marked propped (sample_plans/README.md).
    assert [dock.entries.itemText(i) for i in range(dock.entries.count())] == [
        "door E5 (propped open)"
    ]
    # 114A and the cafeteria's doors do not lock: red. Reception 102 is 23.9 s
    # away on foot (8.6 s to secure, 15 s spare) but 13 s at a run: amber. Classroom
    # 120, 65 s away, is green.
    assert dock.status_of("CLASSROOM 114") == "Lost"
    assert dock.status_of("CAFETERIA 130") == "Lost"
    assert dock.status_of("RECEPTION 102") == "Close"
    assert dock.status_of("CLASSROOM 120") == "Safe"
    assert dock.status_of("PRINCIPAL 104") == "Out of reach from this entry"
    overlay = sample.lockdown.overlay
    assert overlay.rooms["lost"].isVisible()
    assert [item.isVisible() for item in overlay.bands] == [True, True, True]


def test_a_push_button_lock_on_114a_wins_its_race(sample, qtbot):
    # Marked lockable from inside, 114A secures in 5 s + 5 m of hall at 1.4 m/s:
    # 8.6 s against 45 s on foot and 25 s at a run.
    door = sample.bridge.review.markup(MarkupId("ap-114a"))
    fixed = replace(door, lock=LockFunction.INSIDE_LOCKABLE)
    before = sample.lockdown.shown
    sample.bridge.submit(ReplaceMarkup(door, fixed, "Set lock function"))
    qtbot.waitUntil(
        lambda: sample.lockdown.shown is not before and not sample.lockdown.is_busy,
        timeout=60_000,
    )
    assert sample.lockdown_dock.status_of("CLASSROOM 114") == "Safe"
    # 114A now shuts for the intruder: the bands are walked again, after the
    # race, and drawn when they come.
    assert sample.lockdown.shown.pending == ()
    assert [band.to_s for band in sample.lockdown.shown.bands] == [30, 60, 120]
    assert all(item.isVisible() for item in sample.lockdown.overlay.bands)
    sample.bridge.undo_stack.undo()
    qtbot.waitUntil(
        lambda: sample.lockdown_dock.status_of("CLASSROOM 114") == "Lost",
        timeout=60_000,
    )


def test_hidden_the_view_draws_nothing(sample, qtbot):
    sample.lockdown_dock.hide()
    assert not any(i.isVisible() for i in sample.lockdown.overlay.bands)


def test_choosing_another_entry_races_from_there(sample, qtbot):
    # Glass beside E2 at the west end of corridor 150, (30.48, 41.148) m: in after
    # 10 s at (31.08, 41.148), then about 8 m to 109A's approach (38.86, 39.12):
    # 15.8 s on foot against 8.6 s to secure, 7 s spare: classroom 109 loses.
    # From E5 it is 54 s away and safe.
    sheet = sample.current_sheet_id
    made = sample.bridge.review.markups[0].created
    breach = Breach("b-e2", sheet, made, made, (30.48, 41.148), BreachKind.GLAZED_ENTRY)
    sample.bridge.submit(AddMarkup(breach, "Add breach point"))
    dock = sample.lockdown_dock
    qtbot.waitUntil(lambda: dock.entries.count() == 2, timeout=60_000)
    assert dock.status_of("CLASSROOM 109") == "Safe"
    index = dock.entries.findData("b-e2")
    dock.entries.setCurrentIndex(index)
    dock.entries.activated.emit(index)
    qtbot.waitUntil(lambda: dock.status_of("CLASSROOM 109") == "Lost", timeout=60_000)
    assert dock.note.text() == ("From breach point glazed entry (10 s to break in).")
    assert dock.entries.currentText().startswith("breach point")


def test_an_arrow_runs_from_the_cafeteria_to_each_refuge_its_plan_names(sample):
    shown = sample.lockdown.shown
    cafe = [a for a in shown.arrows if a.space == "CAFETERIA 130"]
    # The packet's lockdown plan page for the cafeteria names the same refuges: its
    # 274 people (ceil(380.31 / 1.39)) all placed, one arrow per refuge.
    assert sum(a.people for a in cafe) == 274
    assert len({a.refuge for a in cafe}) == len(cafe) >= 2
    overlay = sample.lockdown.overlay
    assert overlay.arrows.isVisible()
    labels = {item.toolTip() for item in overlay.arrow_labels}
    for arrow in cafe:
        assert f"CAFETERIA 130: {arrow.people} to {arrow.refuge}" in labels
    assert "Lockdown plan: people sent to a refuge" in {
        w.text().split("</span> ")[-1]
        for w in sample.lockdown_dock.findChildren(QLabel)
    }


def test_the_exposed_area_of_a_classroom_with_a_vision_panel_is_drawn(sample):
    shown = sample.lockdown.shown
    seen = {e.label: e for e in shown.exposures}
    # Classroom 120's door has the default 0.25 m vision panel; the walk from E5
    # to it passes the door, and sees into most of the room through the panel.
    room = seen["CLASSROOM 120"]
    assert room.on_route
    assert 0.5 < room.share <= 1.0
    assert room.seconds > 0
    overlay = sample.lockdown.overlay
    assert overlay.exposed.isVisible()
    middle = room.seen.representative_point()
    assert overlay.exposed.path().contains(to_scene((middle.x, middle.y)))
    dock = sample.lockdown_dock
    assert dock.cell_of("CLASSROOM 120", 5) == f"{room.share:.0%}"
    assert dock.cell_of("CLASSROOM 120", 6) == f"{room.seconds:.1f}"


def test_the_arrows_and_exposed_areas_switch_off_and_on(sample):
    dock, overlay = sample.lockdown_dock, sample.lockdown.overlay
    dock.arrows_box.setChecked(False)
    assert not overlay.arrows.isVisible()
    assert overlay.arrow_labels == []
    assert overlay.exposed.isVisible()
    dock.exposed_box.setChecked(False)
    assert not overlay.exposed.isVisible()
    assert overlay.rooms["lost"].isVisible()  # the race colours stay
    dock.arrows_box.setChecked(True)
    dock.exposed_box.setChecked(True)
    assert overlay.arrows.isVisible()
    assert overlay.exposed.isVisible()


def test_the_plan_shows_no_race_while_its_tab_is_behind_another(make_window, qtbot):
    """The Lockdown tab sits behind Markups when the app opens: its bands and
    room colours must not cover the plan (they did, though nobody chose the
    view). Bringing the tab forward draws them; putting Markups back hides them."""
    window = make_window()
    file_commands.open_sample(window.context)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    qtbot.wait(300)  # time for a race job, had one started
    overlay = window.lockdown.overlay
    assert not window.lockdown.on_screen()
    assert not any(item.isVisible() for item in overlay.bands)
    window.lockdown_dock.raise_()
    qtbot.waitUntil(
        lambda: any(item.isVisible() for item in overlay.bands), timeout=60_000
    )
    window.markups_dock.raise_()
    qtbot.waitUntil(lambda: not any(item.isVisible() for item in overlay.bands))
