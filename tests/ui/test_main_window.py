"""The window as a user meets it: open, look, hide layers, zoom, fail gracefully."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from tests.fixtures.dxf_files import rooms_dxf
from tests.ui.conftest import open_and_wait

from designreview.review_file.sample import sample_plan_path
from designreview.ui.window.commands import file_commands


def test_window_opens_the_sample_school(make_window, qtbot):
    window = make_window()
    file_commands.open_sample(window.context)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    assert window.last_error is None
    assert window.plan.source_name == sample_plan_path().name
    assert window.plan.counts.walls > 100
    assert "Sample school review" in window.windowTitle()
    assert not window.isWindowModified()
    assert window.sheet_combo.currentText() == "Level 1"
    assert window.layers_dock.tree.topLevelItemCount() == len(window.plan.layers)
    # The whole drawing is in view after opening.
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.drawing_rect())


def test_hiding_a_layer_hides_its_items(make_window, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    items = window.scene.layer_items("A-WALL")
    assert items
    assert all(item.isVisible() for item in items)
    row = window.layers_dock.item_for("A-WALL")
    row.setCheckState(0, Qt.CheckState.Unchecked)
    assert not any(item.isVisible() for item in items)
    assert all(item.isVisible() for item in window.scene.layer_items("A-DOOR"))
    row.setCheckState(0, Qt.CheckState.Checked)
    assert all(item.isVisible() for item in items)


def test_opening_a_bad_file_shows_a_message_and_keeps_the_plan(
    make_window, qtbot, tmp_path
):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    good = window.plan
    bad = tmp_path / "letter.dxf"
    bad.write_text("Dear architect, this is not a drawing.\n")
    open_and_wait(qtbot, window, bad)
    assert window.plan is good
    assert isinstance(window.error_box, QMessageBox)
    assert "not a DXF drawing" in window.error_box.text()
    assert "Traceback" not in window.error_box.text()
    window.error_box.close()
    assert window.isEnabled()
    # The window still works: another file opens.
    open_and_wait(qtbot, window, rooms_dxf(tmp_path / "again.dxf"))
    assert window.plan is not good


def test_wheel_zoom_keeps_the_point_under_the_cursor(make_window, qtbot, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    view = window.view
    cursor = QPoint(view.viewport().width() // 3, view.viewport().height() // 3)
    before = view.mapToScene(cursor)
    scale = view.scale_factor()
    for _ in range(3):
        view.zoom_at(QPointF(cursor), 1.25)
    assert view.scale_factor() == pytest.approx(scale * 1.25**3)
    after = view.mapToScene(cursor)
    pixel = 1 / view.scale_factor()
    assert abs(after.x() - before.x()) <= 2 * pixel
    assert abs(after.y() - before.y()) <= 2 * pixel


def test_status_bar_shows_cursor_in_plan_units(make_window, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf", insunits=1))
    # 120 inches = 10'-0", 48 inches = 4'-0" (the drawing is in inches).
    assert window.coordinates_text(120 * 0.0254, 48 * 0.0254) == "X 10'-0\"   Y 4'-0\""


def test_dropping_a_file_opens_it(make_window, qtbot, tmp_path):
    window = make_window()
    path = rooms_dxf(tmp_path / "dropped.dxf")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=30_000)
    assert window.plan.source_name == "dropped.dxf"
    assert window.session.display_name == "dropped"
    assert not window.isWindowModified()  # nothing to save until the first edit


def test_recent_files_remember_opened_drawings(make_window, qtbot, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "first.dxf"))
    open_and_wait(qtbot, window, rooms_dxf(tmp_path / "second.dxf"))
    names = [action.text() for action in window.recent_menu.actions() if action.text()]
    assert names[:2] == ["second.dxf", "first.dxf"]
    assert window.recent.recent.paths()[0] == Path(tmp_path / "second.dxf").resolve()


def test_middle_button_drag_pans(make_window, qtbot, tmp_path):
    window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))
    view = window.view
    start = view.viewport().rect().center()
    before = view.mapToScene(start)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.MiddleButton, pos=start)
    drag_to(view, start + QPoint(80, 40), Qt.MouseButton.MiddleButton)
    qtbot.mouseRelease(
        view.viewport(), Qt.MouseButton.MiddleButton, pos=start + QPoint(80, 40)
    )
    # The drawing followed the hand: what was under `start` is now 80, 40 px on.
    moved = view.mapFromScene(before)
    assert abs(moved.x() - (start.x() + 80)) <= 1
    assert abs(moved.y() - (start.y() + 40)) <= 1


def drag_to(view, pos, button):
    """QTest's mouseMove sends no buttons; send a real move with the button held."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        view.viewport().mapToGlobal(QPointF(pos)),
        Qt.MouseButton.NoButton,
        button,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_opening_a_drawing_shows_how_far_the_import_is(make_window, qtbot, tmp_path):
    import ezdxf

    doc = ezdxf.new("R2010")
    for i in range(3000):
        doc.modelspace().add_line((i, 0), (i, 1), {"layer": "WALL"})
    path = tmp_path / "lines.dxf"
    doc.saveas(path)
    window = make_window()
    seen = []
    window.loader.progress_changed.connect(seen.append)
    open_and_wait(qtbot, window, path)
    assert seen == sorted(seen)
    assert seen[-1] == pytest.approx(0.9)
    assert not window.status._progress.isVisible()


def test_no_dock_tab_bar_stands_alone(make_window):
    """Every tab bar of the dock areas holds two docks or more: a bar with one tab
    is a stray, drawn over the dock it sits on (the History dock tabbed without
    being added once left a 'Findings' bar over the Properties dock)."""
    from PySide6.QtWidgets import QTabBar

    window = make_window()
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible()]
    assert bars
    assert all(bar.count() >= 2 for bar in bars)
