"""Each canvas tool driven through the viewport; checks the model and undo stack."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from tests.fixtures.dxf_files import rooms_dxf
from tests.ui.drive import click, double_click, drag, hover

from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Breach,
    Camera,
    Comment,
    CommentShape,
    Observer,
    ResponderMark,
    Sightline,
    Space,
    Zone,
    ZoneKind,
)
from designreview.ui.window.commands import edit_commands, file_commands

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    window.view.zoom_at(window.view.viewport().rect().center().toPointF(), 1.0)
    return window


def use(window, tool_name):
    return window.tools_bar.activate(tool_name)


def markups_of(window, kind):
    return [m for m in window.bridge.review.markups if isinstance(m, kind)]


def close(a, b, tol=0.05):
    return math.dist(a, b) <= tol


@pytest.mark.parametrize(
    ("tool", "kind"),
    [
        ("access_point", AccessPoint),
        ("exterior_door", AccessPoint),
        ("breach", Breach),
        ("observer", Observer),
        ("comment", Comment),
        ("responder_mark", ResponderMark),
    ],
)
def test_click_tools_place_one_markup_each_and_undo(window, tool, kind):
    active = use(window, tool)
    for point in ((2.5, 2.0), (7.5, 2.0)):
        click(window.view, point, mods=ALT)  # Alt: no snapping
        if tool == "comment":
            type_comment(active, "Check the lock")
    placed = markups_of(window, kind)
    assert [
        close(m.position, p)
        for m, p in zip(placed, [(2.5, 2.0), (7.5, 2.0)], strict=True)
    ] == [True, True]
    assert all(m.sheet_id == window.current_sheet_id for m in placed)
    assert window.bridge.undo_stack.count() == 2
    assert window.tools_bar.actions_by_tool[tool].isChecked()  # the tool stays active
    window.bridge.undo_stack.undo()
    assert len(markups_of(window, kind)) == 1
    if tool == "exterior_door":
        assert placed[0].kind is AccessKind.EXTERIOR_DOOR


def test_placing_snaps_to_a_wall_corner(window):
    use(window, "access_point")
    pixel = 1 / window.view.scale_factor()
    click(window.view, (5.0 + 3 * pixel, 4.0 - 2 * pixel))  # near the partition's end
    [door] = markups_of(window, AccessPoint)
    assert door.position == pytest.approx((5.0, 4.0))


def test_snap_marker_follows_the_pointer(window):
    use(window, "access_point")
    pixel = 1 / window.view.scale_factor()
    hover(window.view, (10.0 - 2 * pixel, 0.0 + 2 * pixel))
    marker = window.view._snap_marker
    assert marker.isVisible()
    assert marker.kind.value == "endpoint"
    hover(window.view, (7.3, 2.1))  # open floor: nothing to snap to
    assert not marker.isVisible()


def test_camera_is_placed_and_aimed_by_dragging(window):
    use(window, "camera")
    drag(window.view, (1.0, 1.0), (4.0, 3.0), mods=ALT)
    [camera] = markups_of(window, Camera)
    assert close(camera.position, (1.0, 1.0))
    assert camera.direction_deg == pytest.approx(
        math.degrees(math.atan2(2, 3)), abs=1.0
    )
    assert camera.range_m == pytest.approx(math.hypot(3, 2), abs=0.05)
    assert window.bridge.undo_stack.count() == 1


def test_sightline_is_drawn_from_a_to_b(window):
    use(window, "sightline")
    drag(window.view, (1.0, 2.0), (8.0, 2.0), mods=ALT)
    [line] = markups_of(window, Sightline)
    assert close(line.start, (1.0, 2.0))
    assert close(line.end, (8.0, 2.0))


@pytest.mark.parametrize(
    ("tool", "kind", "zone_kind"),
    [
        ("lockable_zone", Zone, ZoneKind.LOCKABLE_ZONE),
        ("safe_room", Zone, ZoneKind.SAFE_ROOM),
        ("space", Space, None),
        ("cloud", Comment, None),
    ],
)
def test_polygon_tools_draw_then_undo(window, tool, kind, zone_kind):
    use(window, tool)
    for point in [(1, 1), (4, 1), (4, 3)]:
        click(window.view, point, mods=ALT)
    double_click(window.view, (1, 3))
    [made] = markups_of(window, kind)
    vertices = made.cloud if kind is Comment else made.vertices
    assert len(vertices) == 4
    assert all(
        close(v, p, 0.1)
        for v, p in zip(vertices, [(1, 1), (4, 1), (4, 3), (1, 3)], strict=True)
    )
    if zone_kind is not None:
        assert made.kind is zone_kind
    if kind is Comment:
        assert made.shape is CommentShape.CLOUD
    window.bridge.undo_stack.undo()
    assert markups_of(window, kind) == []


def test_escape_cancels_a_polygon(window):
    use(window, "lockable_zone")
    click(window.view, (1, 1), mods=ALT)
    click(window.view, (4, 1), mods=ALT)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    double_click(window.view, (4, 3))
    assert markups_of(window, Zone) == []  # the later clicks start a fresh polygon


def test_enter_finishes_and_backspace_removes_a_corner(window):
    use(window, "space")
    for point in [(1, 1), (4, 1), (9, 3.5)]:
        click(window.view, point, mods=ALT)
    QTest.keyClick(window.view, Qt.Key.Key_Backspace)  # the stray corner goes
    click(window.view, (4, 3), mods=ALT)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    [space] = markups_of(window, Space)
    assert [tuple(round(c, 1) for c in v) for v in space.vertices] == [
        (1, 1),
        (4, 1),
        (4, 3),
    ]


def test_select_and_move_is_one_undo_step(window):
    use(window, "observer")
    click(window.view, (2.0, 2.0), mods=ALT)
    use(window, "select")
    click(window.view, (2.0, 2.0))
    [observer] = markups_of(window, Observer)
    assert window.selection.ids == (observer.id,)
    steps = window.bridge.undo_stack.count()
    drag(window.view, (2.0, 2.0), (3.5, 2.5))
    [moved] = markups_of(window, Observer)
    assert close(moved.position, (3.5, 2.5))
    assert window.bridge.undo_stack.count() == steps + 1
    window.bridge.undo_stack.undo()
    assert close(markups_of(window, Observer)[0].position, (2.0, 2.0))


def test_rubber_band_selects_and_delete_removes_then_undo_restores(window):
    use(window, "observer")
    for point in [(1.0, 1.0), (2.0, 1.5), (8.0, 3.0)]:
        click(window.view, point, mods=ALT)
    before = window.bridge.review.markups
    use(window, "select")
    drag(window.view, (0.5, 0.5), (2.5, 2.0))
    assert len(window.selection.ids) == 2
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(markups_of(window, Observer)) == 1
    assert window.selection.ids == ()
    window.bridge.undo_stack.undo()
    assert window.bridge.review.markups == before


def test_shift_click_adds_to_the_selection(window):
    use(window, "observer")
    click(window.view, (1.0, 1.0), mods=ALT)
    click(window.view, (8.0, 3.0), mods=ALT)
    use(window, "select")
    click(window.view, (1.0, 1.0))
    click(window.view, (8.0, 3.0), mods=Qt.KeyboardModifier.ShiftModifier)
    assert len(window.selection.ids) == 2
    click(window.view, (6.0, 0.5))  # inside the office: picks the room
    assert len(window.selection.ids) == 1
    assert window.properties_dock.title.text() == "Space"
    click(window.view, (14.0, 2.0))  # outside the building: clears
    assert window.selection.ids == ()


def test_measure_reads_length_and_area(window):
    use(window, "measure")
    window.status.snap_buttons["nearest"].setChecked(False)
    window.status.snap_buttons["midpoint"].setChecked(False)
    for point in [(0.02, 0.01), (9.98, 0.02), (9.99, 3.98)]:  # wall corners, snapped
        click(window.view, point)
    tool = window.view.tool
    assert tool.reading == "Length 14.00 m   Area 20.00 m²"
    assert window.bridge.undo_stack.count() == 0  # measuring changes nothing


def test_dragging_a_corner_reshapes_a_zone_in_one_step(window):
    use(window, "lockable_zone")
    for point in [(1, 1), (4, 1), (4, 3)]:
        click(window.view, point, mods=ALT)
    double_click(window.view, (1, 3))
    [zone] = markups_of(window, Zone)
    use(window, "select")
    assert window.selection.ids == (zone.id,)  # the new zone stays selected
    corner = zone.vertices[2]
    steps = window.bridge.undo_stack.count()
    drag(window.view, corner, (6.0, 3.5), mods=ALT)
    [reshaped] = markups_of(window, Zone)
    assert close(reshaped.vertices[2], (6.0, 3.5), 0.1)
    assert reshaped.vertices[:2] == zone.vertices[:2]
    assert window.bridge.undo_stack.count() == steps + 1
    window.bridge.undo_stack.undo()
    assert markups_of(window, Zone) == [zone]


def test_camera_handles_aim_and_widen(window):
    use(window, "camera")
    drag(window.view, (1.0, 2.0), (6.0, 2.0), mods=ALT)
    [camera] = markups_of(window, Camera)
    use(window, "select")
    drag(window.view, (6.0, 2.0), (1.0, 3.5), mods=ALT)  # the tip: aim and range
    [aimed] = markups_of(window, Camera)
    assert aimed.direction_deg == pytest.approx(90.0, abs=2.0)
    assert aimed.range_m == pytest.approx(1.5, abs=0.1)
    assert aimed.fov_deg == camera.fov_deg


def draw_space(window, corners):
    use(window, "space")
    for point in corners[:-1]:
        click(window.view, point, mods=ALT)
    double_click(window.view, corners[-1])
    return markups_of(window, Space)[-1]


def test_split_space_then_merge_back(window):
    from shapely.geometry import Polygon

    space = draw_space(window, [(1, 1), (9, 1), (9, 3), (1, 3)])
    use(window, "split_space")
    drag(window.view, (5.0, 0.5), (5.0, 3.5), mods=ALT)
    halves = markups_of(window, Space)
    assert len(halves) == 2
    areas = sorted(Polygon(s.vertices).area for s in halves)
    assert areas == pytest.approx([8.0, 8.0], abs=0.2)  # clicks land on whole pixels
    assert window.bridge.undo_stack.undoText() == "Split space"
    window.selection.set(tuple(s.id for s in halves))
    edit_commands.merge_selected_spaces(window.context)
    [merged] = markups_of(window, Space)
    assert Polygon(merged.vertices).area == pytest.approx(16.0, abs=0.3)
    window.bridge.undo_stack.undo()
    window.bridge.undo_stack.undo()
    assert markups_of(window, Space) == [space]


def type_comment(tool, text, key=Qt.Key.Key_Return):
    """Type into the comment tool's box at the place, then Enter (or another key)."""
    assert tool.editor is not None
    assert tool.editor.isVisible()
    QTest.keyClicks(tool.editor, text)
    QTest.keyClick(tool.editor, key)


def test_comment_click_is_a_pin_and_drag_is_a_callout(window):
    tool = use(window, "comment")
    click(window.view, (2.0, 2.0), mods=ALT)
    type_comment(tool, "Door hardware?")
    drag(window.view, (6.0, 1.0), (8.0, 3.0), mods=ALT)
    type_comment(tool, "Glass within reach")
    pin, callout = markups_of(window, Comment)
    assert (pin.text, callout.text) == ("Door hardware?", "Glass within reach")
    assert pin.shape is CommentShape.PIN
    assert pin.leader_to is None
    assert callout.shape is CommentShape.CALLOUT
    assert close(callout.leader_to, (6.0, 1.0))
    assert close(callout.position, (8.0, 3.0))
    assert [c.history[0].status.value for c in (pin, callout)] == ["open", "open"]
    assert window.selection.ids == (callout.id,)


def test_a_comment_click_that_types_nothing_leaves_no_comment(window):
    tool = use(window, "comment")
    click(window.view, (2.0, 2.0), mods=ALT)
    type_comment(tool, "   ")  # only spaces, then Enter
    click(window.view, (3.0, 2.0), mods=ALT)
    type_comment(tool, "Dropped", key=Qt.Key.Key_Escape)
    click(window.view, (4.0, 2.0), mods=ALT)
    use(window, "select")  # the box is left empty: another tool is chosen
    click(window.view, (6.0, 2.0), mods=ALT)  # nothing typed, then a click elsewhere
    assert markups_of(window, Comment) == []
    assert window.bridge.undo_stack.count() == 0
    assert not window.isWindowModified()
    assert tool.editor is None


def test_a_comment_typed_is_placed_by_a_click_elsewhere(window):
    tool = use(window, "comment")
    click(window.view, (2.0, 2.0), mods=ALT)
    QTest.keyClicks(tool.editor, "Keep this")
    click(window.view, (7.0, 2.0), mods=ALT)  # places the first, opens a second box
    [comment] = markups_of(window, Comment)
    assert comment.text == "Keep this"
    assert close(comment.position, (2.0, 2.0))
    assert tool.editor is not None


def test_access_point_snaps_onto_a_detected_door(make_window, qtbot):
    window = make_window()
    file_commands.open_sample(window.context)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    door = next(d for d in window.plan.doors if d.number == "115A")
    use(window, "access_point")
    click(window.view, (door.center[0] + 0.3, door.center[1] + 0.2))
    placed = markups_of(window, AccessPoint)[-1]
    assert placed.position == pytest.approx(door.center)
    assert placed.door_number == "115A"
    assert placed.width_m == pytest.approx(door.width_m, abs=1e-3)
    assert placed.lock.value == "inside_lockable"  # CLASSROOM SECURITY hardware
