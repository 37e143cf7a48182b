"""Findings in the window: computed in the background, explained, decided on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from designreview.model.edits import SetDecision
from designreview.model.markups import Stamp
from designreview.model.review import CheckSetting, Decision, DecisionKind
from designreview.ui.dialogs.check_settings_dialog import CheckSettingsDialog
from designreview.ui.window.commands import file_commands, view_commands


@pytest.fixture
def sample(make_window, qtbot):
    window = make_window()
    file_commands.open_sample(window.context)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    qtbot.waitUntil(lambda: bool(window.findings_dock.findings), timeout=60_000)
    return window


def lock_finding(window):
    """The classroom door that cannot be locked (planted flaw 5)."""
    return next(
        f
        for f in window.findings_dock.findings.values()
        if f.rule == "ROOM-1" and "114A" in f.message
    )


def test_findings_are_listed_by_severity_with_a_summary(sample):
    dock = sample.findings_dock
    assert "findings" in dock.summary.text()
    top = dock.tree.topLevelItem(0).text(0)
    assert top.startswith("Fails")  # fails come first
    assert lock_finding(sample).key in dock.ordered_keys()


def test_selecting_a_finding_marks_it_and_zooms_to_it(sample):
    finding = lock_finding(sample)
    sample.findings_dock.select(finding.key)
    overlay = sample.findings.overlay
    assert overlay.finding == finding
    assert overlay.marker.isVisible()
    visible = sample.view.mapToScene(sample.view.viewport().rect()).boundingRect()
    assert visible.contains(overlay.marker.pos())
    assert visible.width() < 60  # zoomed in, not the whole school


def test_decisions_are_recorded_undone_and_shown(sample):
    finding = lock_finding(sample)
    dock = sample.findings_dock
    dock.select(finding.key)
    dock.decide(DecisionKind.DISMISS, "Lock is specified in the door schedule")
    [decision] = sample.bridge.review.decisions
    assert (decision.finding_key, decision.kind) == (finding.key, DecisionKind.DISMISS)
    assert "Dismissed: Lock is specified" in dock._item_for(finding.key).text(1)
    assert sample.isWindowModified()
    sample.bridge.undo_stack.undo()
    assert sample.bridge.review.decisions == ()
    assert dock._item_for(finding.key).text(1) == ""


def test_changing_and_undoing_decisions_keeps_their_order(sample):
    dock = sample.findings_dock
    keys = dock.ordered_keys()[:3]
    assert len(keys) == 3
    for key in keys:
        dock.select(key)
        dock.decide(DecisionKind.ACCEPT)
    recorded = sample.bridge.review.decisions
    dock.select(keys[1])
    dock.decide(DecisionKind.WILL_FIX, owner="Architect")
    # The middle one changes where it stands instead of moving to the end.
    decisions = sample.bridge.review.decisions
    assert [d.finding_key for d in decisions] == keys
    assert decisions[1].kind == DecisionKind.WILL_FIX
    sample.bridge.undo_stack.undo()
    assert sample.bridge.review.decisions == recorded


def test_stepping_through_findings(sample):
    keys = sample.findings_dock.ordered_keys()
    view_commands.next_finding(sample.context)
    assert sample.findings_dock.current().key == keys[0]
    view_commands.previous_finding(sample.context)
    assert sample.findings_dock.current().key == keys[-1]


def test_threshold_change_is_stored_and_rechecked(sample, qtbot):
    dialog = CheckSettingsDialog(sample.bridge, sample)
    dialog.set_value("CAM-1", "identification_px_per_m", "100")
    dialog.accept()
    [setting] = sample.bridge.review.check_settings
    assert (setting.rule_id, setting.name, setting.value) == (
        "CAM-1",
        "identification_px_per_m",
        100.0,
    )
    qtbot.waitUntil(lambda: not sample.findings.runner.is_running(), timeout=30_000)
    sample.bridge.undo_stack.undo()
    assert sample.bridge.review.check_settings == ()


def test_check_settings_show_each_source_and_the_hard_corner_model(sample):
    dialog = CheckSettingsDialog(sample.bridge, sample)
    [row] = [
        i for i, r in enumerate(dialog.rows) if r[:2] == ("ROOM-2", "leaf_thickness_m")
    ]
    assert dialog.table.item(row, 3).text() == "0.04445 m"  # 1 3/4 in
    assert "A250.8" in dialog.table.item(row, 4).text()
    assert "ROOM-2 Hard corner for every occupant assumes:" in (
        dialog.assumptions.text()
    )
    assert "no sampled rays" in dialog.assumptions.text()
    dialog.reject()


def test_check_settings_offer_the_lockdown_plan_densities_with_sources(sample):
    dialog = CheckSettingsDialog(sample.bridge, sample)
    rows = {r[:2]: i for i, r in enumerate(dialog.rows)}
    hall = rows[("REFUGE-1", "hall_m2_per_person")]
    assert dialog.table.item(hall, 3).text() == "2.3 m²"
    assert "Fruin" in dialog.table.item(hall, 4).text()
    library = rows[("REFUGE-1", "library_m2_per_person")]
    assert "IBC 2021 Table 1004.5" in dialog.table.item(library, 4).text()
    assert ("REFUGE-2", "refuge_m2_per_person") in rows
    dialog.reject()


def test_bad_threshold_is_refused_with_a_message(sample):
    dialog = CheckSettingsDialog(sample.bridge, sample)
    dialog.set_value("ROOM-2", "wall_clearance_m", "wide")
    dialog.accept()
    assert "“wide” is not a length" in dialog.error.text()
    assert sample.bridge.review.check_settings == ()
    dialog.reject()


def test_on_a_plan_in_feet_lengths_read_and_are_typed_in_feet(sample):
    # The sample is drawn in inches: the dialog opened from the menu is in feet.
    dialog = CheckSettingsDialog(sample.bridge, sample, imperial=True)
    # The first length of 10 m or more (a walking distance).
    walk = next(
        i for i, (_r, n, d) in enumerate(dialog.rows) if n.endswith("_m") and d >= 10
    )
    rule_id, name, default = dialog.rows[walk]
    assert "(ft-in)" in dialog.table.item(walk, 1).text()
    assert dialog.table.item(walk, 3).text().endswith(f"({default:g} m)")
    # Unchanged, the rounded feet keep the exact default: nothing is stored.
    assert dialog.settings() == ()
    dialog.set_value(rule_id, name, "100'")  # 30.48 m
    dialog.accept()
    [setting] = sample.bridge.review.check_settings
    assert (setting.rule_id, setting.name, setting.value) == (rule_id, name, 30.48)


def test_an_edit_reruns_only_the_checks_it_can_change(sample, qtbot):
    from dataclasses import replace

    from designreview.analysis.parts import Part
    from designreview.analysis.run import rules_reading
    from designreview.model.edits import AddMarkup
    from designreview.model.markups import Comment, Observer, ObserverKind

    runner = sample.findings.runner
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=30_000)
    before = runner.result
    template = next(m for m in sample.bridge.review.markups if isinstance(m, Comment))
    sample.bridge.submit(AddMarkup(replace(template, id="c-new", text="note")))
    assert not runner.is_running()  # a comment changes no finding: nothing reruns
    stamp = sample.bridge.document.stamp()
    post = Observer(
        "o-new", template.sheet_id, stamp, stamp, (60.0, 45.0), ObserverKind.STAFF_POST
    )
    sample.bridge.submit(AddMarkup(post))
    assert runner._pending == {Part.OBSERVERS}
    assert rules_reading(runner._pending) == {"ENTRY-3", "REV-1", "SURV-1"}
    qtbot.waitUntil(
        lambda: runner.result is not before and not runner.is_running(), timeout=30_000
    )
    kept = [f for f in before.findings if f.rule == "ROOM-1"]
    assert [f for f in runner.result.findings if f.rule == "ROOM-1"] == kept


def test_a_drawing_read_for_the_checks_is_kept_for_the_next_run(sample, qtbot):
    loader = sample.loader
    [sheet] = sample.bridge.review.sheets
    loader._cache.clear()  # as for a sheet that was never shown
    sample.findings.runner.run_now()
    qtbot.waitUntil(lambda: not sample.findings.runner.is_running(), timeout=60_000)
    assert loader.cached(sheet) is not None  # the next run does not read it again


def test_findings_alike_are_one_expandable_row(sample):
    dock = sample.findings_dock
    # ROOM-1 fails four doors for one reason (114A, and 130A to 130C of the
    # cafeteria): one row of four under the rule, collapsed, each still listed.
    [fails] = [
        dock.tree.topLevelItem(i)
        for i in range(dock.tree.topLevelItemCount())
        if dock.tree.topLevelItem(i).text(0).startswith("Fails")
    ]
    [rule] = [r for r in _rows(fails) if r.text(0).startswith("ROOM-1")]
    [alike] = _rows(rule)
    assert alike.text(0).startswith(
        "4 alike: Door 114A, Door 130A, Door 130B, Door 130C: Door … of … cannot be "
        "locked."
    )
    assert not alike.isExpanded()
    members = [dock.findings[m.data(0, Qt.ItemDataRole.UserRole)] for m in _rows(alike)]
    assert [m.rule for m in members] == ["ROOM-1"] * 4
    assert all(m.key in dock.ordered_keys() for m in members)
    # Selecting a member opens its group and zooms to that door.
    cafeteria = next(m for m in members if "130B" in m.message)
    dock.select(cafeteria.key)
    assert alike.isExpanded()
    assert sample.findings.overlay.finding == cafeteria
    visible = sample.view.mapToScene(sample.view.viewport().rect()).boundingRect()
    assert visible.contains(sample.findings.overlay.marker.pos())


def _rows(item):
    return [item.child(i) for i in range(item.childCount())]


def _view_state(view):
    bars = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    return view.transform(), bars


def _edit_and_wait_for_checks(window, qtbot, edit):
    runner = window.findings.runner
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=30_000)
    before = runner.result
    window.bridge.submit(edit)
    qtbot.waitUntil(
        lambda: runner.result is not before and not runner.is_running(), timeout=30_000
    )


def test_a_recheck_keeps_the_selected_finding_and_never_moves_the_view(sample, qtbot):
    from PySide6.QtCore import QPointF

    from designreview.model.edits import AddMarkup
    from designreview.model.markups import Observer, ObserverKind

    finding = lock_finding(sample)
    sample.findings_dock.select(finding.key)  # the user's click: zooms to the door
    view = sample.view
    view.zoom_at(QPointF(200, 150), 0.5)  # then the user looks somewhere else
    view._scroll_by(140, -90)
    before = _view_state(view)
    stamp = sample.bridge.document.stamp()
    post = Observer(
        "o-new", finding.sheet_id, stamp, stamp, (60.0, 45.0), ObserverKind.STAFF_POST
    )
    _edit_and_wait_for_checks(sample, qtbot, AddMarkup(post))
    assert _view_state(view) == before
    assert sample.findings_dock.current().key == finding.key
    assert sample.findings.overlay.finding.key == finding.key
    assert sample.findings.overlay.marker.isVisible()


def test_a_finding_the_edit_resolves_is_deselected_without_moving_the_view(
    sample, qtbot
):
    from dataclasses import replace

    from designreview.model.edits import ReplaceMarkup
    from designreview.model.markups import LockFunction

    finding = lock_finding(sample)
    sample.findings_dock.select(finding.key)
    before = _view_state(sample.view)
    door = sample.bridge.review.markup("ap-114a")
    fixed = replace(door, lock=LockFunction.INSIDE_LOCKABLE)
    _edit_and_wait_for_checks(sample, qtbot, ReplaceMarkup(door, fixed))
    assert finding.key not in sample.findings_dock.findings
    assert sample.findings_dock.current() is None
    assert not sample.findings.overlay.marker.isVisible()
    assert _view_state(sample.view) == before


def test_esc_and_a_click_on_empty_plan_clear_the_finding_selection(sample, qtbot):
    from PySide6.QtCore import QPoint
    from tests.ui.drive import click

    from designreview.ui.canvas.coords import to_model

    finding = lock_finding(sample)
    dock, overlay = sample.findings_dock, sample.findings.overlay
    dock.select(finding.key)
    before = _view_state(sample.view)
    sample.view.setFocus()
    qtbot.keyClick(sample.view, Qt.Key.Key_Escape)
    assert dock.current() is None
    assert not overlay.marker.isVisible()
    assert _view_state(sample.view) == before
    dock.select(finding.key)
    assert overlay.marker.isVisible()
    before = _view_state(sample.view)
    corner = to_model(sample.view.mapToScene(QPoint(8, 8)))  # no markup there
    click(sample.view, corner)
    assert dock.current() is None
    assert not overlay.marker.isVisible()
    assert _view_state(sample.view) == before


def test_opening_another_drawing_drops_the_old_findings_at_once(
    sample, qtbot, tmp_path
):
    from tests.fixtures.dxf_files import rooms_dxf
    from tests.ui.conftest import open_and_wait

    old = set(sample.findings_dock.findings)
    sample.findings_dock.select(lock_finding(sample).key)
    assert sample.findings.overlay.marker.isVisible()
    seen = []
    sample.session.review_loaded.connect(
        lambda: seen.append(
            (
                dict(sample.findings_dock.findings),
                sample.findings_dock.tree.topLevelItemCount(),
                sample.findings.overlay.marker.isVisible(),
                sample.findings.overlay.area.isVisible(),
            )
        )
    )
    open_and_wait(qtbot, sample, rooms_dxf(tmp_path / "rooms.dxf"))
    assert seen == [({}, 0, False, False)]  # as the new review opens, nothing old
    runner = sample.findings.runner
    qtbot.waitUntil(
        lambda: runner.is_current and not runner.is_running(), timeout=30_000
    )
    assert not old & set(sample.findings_dock.findings)
    assert sample.prompts.asked == []


def test_another_sheet_shows_no_marker_of_this_ones_finding(sample, qtbot, tmp_path):
    from tests.fixtures.dxf_files import rooms_dxf

    finding = lock_finding(sample)
    sample.findings_dock.select(finding.key)
    assert sample.findings.overlay.marker.isVisible()
    sample.add_sheet(rooms_dxf(tmp_path / "level_2.dxf"))
    qtbot.waitUntil(lambda: len(sample.bridge.review.sheets) == 2, timeout=30_000)
    qtbot.waitUntil(lambda: sample.plan.source_name == "level_2.dxf", timeout=30_000)
    assert not sample.findings.overlay.marker.isVisible()
    view_commands.next_finding(sample.context)  # the user's own step shows it again
    current = sample.findings_dock.current()
    assert sample.current_sheet_id == current.sheet_id
    assert sample.findings.overlay.marker.isVisible()


def test_a_yes_no_threshold_is_a_check_box(sample):
    """EGRESS-1's 'Building sprinklered' reads as a box to tick, not 0 or 1; ticking
    it stores 1 (the 250 ft limit of a sprinklered building applies)."""
    dialog = CheckSettingsDialog(sample.bridge, sample)
    [row] = [
        i for i, r in enumerate(dialog.rows) if r[:2] == ("EGRESS-1", "sprinklered")
    ]
    value = dialog.table.item(row, 2)
    assert dialog.table.item(row, 1).text() == "Building sprinklered"
    assert (value.text(), value.checkState()) == ("no", Qt.CheckState.Unchecked)
    value.setCheckState(Qt.CheckState.Checked)
    assert dialog.settings() == (CheckSetting("EGRESS-1", "sprinklered", 1.0),)
    dialog.restore_defaults()
    assert value.checkState() == Qt.CheckState.Unchecked
    assert dialog.settings() == ()


def test_each_agencys_decision_on_a_finding_is_shown_side_by_side(sample):
    finding = lock_finding(sample)
    review = sample.bridge.review
    police = Decision(
        finding.key, DecisionKind.ACCEPT, Stamp("reviewer-police", "t1"), "must lock"
    )
    sample.bridge.submit(SetDecision.of(review, finding.key, police, "Police"))
    fire = Decision(finding.key, DecisionKind.DISMISS, Stamp("reviewer-fire", "t2"))
    sample.bridge.submit(
        SetDecision.of(sample.bridge.review, finding.key, fire, "Fire")
    )
    assert len(sample.bridge.review.decisions) == 2  # neither replaced the other
    text = sample.findings_dock._item_for(finding.key).text(1)
    assert "must lock — Sgt. Luis Ortega, City Police" in text
    assert "— Pat Okafor, Fire marshal" in text
