"""Observers and cameras show what they see; sightlines show clear or blocked, live."""

from __future__ import annotations

import pytest
from tests.fixtures.dxf_files import rooms_dxf, walled_room_dxf
from tests.ui.drive import click, drag
from tests.ui.test_tools import ALT, markups_of, use

from designreview.model.errors import InsideWallError
from designreview.model.markups import Camera, Observer, Sightline


@pytest.fixture
def window(make_window, qtbot, tmp_path):
    # Two 5 x 4 m rooms side by side; the partition at x = 5 is solid.
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    qtbot.waitUntil(lambda: window.live.index is not None, timeout=30_000)
    return window


def overlay_rect(window, markup_id):
    rect = window.live.overlays[markup_id].path().boundingRect()
    return (
        round(rect.left(), 2),
        round(-rect.bottom(), 2),
        round(rect.right(), 2),
        round(-rect.top(), 2),
    )


def test_observer_sees_its_room_and_follows_a_move(window):
    use(window, "observer")
    click(window.view, (2.5, 2.0), mods=ALT)
    [observer] = markups_of(window, Observer)
    assert overlay_rect(window, observer.id) == (0.0, 0.0, 5.0, 4.0)  # the left room
    use(window, "select")
    drag(window.view, (2.5, 2.0), (7.5, 2.0), mods=ALT)
    assert overlay_rect(window, observer.id) == (5.0, 0.0, 10.0, 4.0)  # now the right
    window.bridge.undo_stack.undo()
    assert overlay_rect(window, observer.id) == (0.0, 0.0, 5.0, 4.0)
    window.bridge.undo_stack.undo()
    assert observer.id not in window.live.overlays


def test_viewsheds_can_be_hidden(window):
    use(window, "observer")
    click(window.view, (2.5, 2.0), mods=ALT)
    [item] = window.live.overlays.values()
    window.actions_by_id["viewsheds"].setChecked(False)
    assert not item.isVisible()
    window.actions_by_id["viewsheds"].setChecked(True)
    assert item.isVisible()


def test_sightline_is_blocked_by_the_partition_and_clear_inside_a_room(window):
    use(window, "sightline")
    tool = window.view.tool
    drag(window.view, (1.0, 2.0), (9.0, 2.0), mods=ALT)
    assert tool.last_clear is False  # shown red while dragging
    drag(window.view, (1.0, 1.0), (4.0, 3.0), mods=ALT)
    assert tool.last_clear is True
    blocked, clear = markups_of(window, Sightline)
    red = window.live.overlays[blocked.id].pen().color()
    green = window.live.overlays[clear.id].pen().color()
    assert (red.red(), red.green()) == (210, 30)
    assert (green.red(), green.green()) == (0, 150)
    # The blocked line stops where the partition cuts it.
    assert overlay_rect(window, blocked.id)[2] == pytest.approx(5.15, abs=0.05)


def test_camera_shows_recognition_and_identification_bands(window):
    use(window, "camera")
    drag(window.view, (0.5, 2.0), (4.5, 2.0), mods=ALT)
    [camera] = markups_of(window, Camera)
    bands = {
        child.data(0): child for child in window.live.overlays[camera.id].childItems()
    }
    assert set(bands) == {"recognition", "identification"}
    ident = bands["identification"].path().boundingRect()
    recog = bands["recognition"].path().boundingRect()
    assert recog.contains(ident)  # identification lies inside recognition
    # 1920 px over 90 degrees identifies up to 3.84 m from the lens; mounted at 3 m,
    # 1.4 m above a face, that is sqrt(3.84^2 - 1.4^2) = 3.576 m in plan, so the band
    # ends at x = 0.5 + 3.576 = 4.076 (3.84 along the floor would reach 4.34).
    assert ident.right() == pytest.approx(4.076, abs=0.02)


def test_observer_inside_a_wall_says_so_in_the_status_bar(make_window, qtbot, tmp_path):
    # A 6 x 4 m room in 0.2 m walls; (3, -0.1) is between the south wall's faces
    # (y = -0.2 and y = 0). It used to show the gap between them as its view.
    window = make_window(walled_room_dxf(tmp_path / "walled.dxf"))
    qtbot.waitUntil(lambda: window.live.index is not None, timeout=30_000)
    plan = window.plan
    use(window, "observer")
    click(window.view, plan.to_local((3.0, -0.1)), mods=ALT)
    [observer] = markups_of(window, Observer)
    assert window.live.overlays[observer.id].path().isEmpty()
    # The click lands within a pixel of (3, -0.1); the message names where it did.
    x, y = plan.to_drawing_m(observer.position)
    assert (x, y) == pytest.approx((3.0, -0.1), abs=0.02)
    message = window.status.currentMessage()
    assert message == f"Observer: {InsideWallError((x, y))}"
    assert message.endswith("lies inside a wall; pick a point in a room or corridor")
    use(window, "select")
    drag(window.view, plan.to_local((3.0, -0.1)), plan.to_local((1.0, 1.0)), mods=ALT)
    # In the room it sees the room (0..6 x 0..4) again.
    left, bottom, right, top = overlay_rect(window, observer.id)
    origin_x, origin_y = plan.to_local((0.0, 0.0))
    assert (left, bottom) == (round(origin_x, 2), round(origin_y, 2))
    assert (right - left, top - bottom) == (6.0, 4.0)
