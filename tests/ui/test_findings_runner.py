"""Checks in the background: one import per drawing, progress, cancel, never blocking.

The slow check below is a rule module look-alike added to the rule table for one test:
it waits (without holding the GIL) until the test lets it go, so a run lasts exactly as
long as the test needs, and it records the thread it ran on.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication
from tests.fixtures.dxf_files import rooms_dxf

from designreview.analysis.parts import ALL_PARTS
from designreview.analysis.rules import RULES
from designreview.model.edits import AddMarkup, ReplaceMarkup
from designreview.model.ids import SheetId
from designreview.model.markups import AccessPoint, Observer
from designreview.review_file import sheets as sheets_module
from designreview.review_file.sheets import new_review
from designreview.ui.session import plan_loader as plan_loader_module
from designreview.ui.session.document_bridge import DocumentBridge
from designreview.ui.session.findings_runner import PAUSE_MS, FindingsRunner
from designreview.ui.session.plan_loader import PlanLoader
from designreview.ui.window.checks_indicator import LONG_RUN_MS
from designreview.ui.window.commands import file_commands


@pytest.fixture
def count_imports(monkeypatch):
    """The sheet ids of every drawing import, in order."""
    imports = []
    real = sheets_module._read_sheets  # every import reads through it

    def counting(review, sheets, *args):
        imports.append(sheets[0].id)
        return real(review, sheets, *args)

    monkeypatch.setattr(sheets_module, "_read_sheets", counting)
    return imports


def test_sheets_over_one_drawing_are_imported_once_and_kept(
    qtbot, tmp_path, count_imports
):
    review = new_review([rooms_dxf(tmp_path / "rooms.dxf")])
    first = review.sheets[0]
    floors = tuple(
        replace(first, id=SheetId(f"s{n}"), name=f"Floor {n}", level=n)
        for n in range(4)
    )
    # A fifth sheet reads the same drawing at another scale: a second import.
    halved = replace(first, id=SheetId("half"), name="Half", scale_override_m=0.5)
    review = replace(review, sheets=(*floors, halved))
    count_imports.clear()  # new_review read the drawing once to check it
    loader = PlanLoader()
    runner = FindingsRunner(DocumentBridge(review), loader)
    with qtbot.waitSignal(runner.finished, timeout=60_000) as done:
        runner.run_now()
    # Five sheets, two ways of reading the drawing: two imports, not five.
    assert count_imports == [SheetId("s0"), SheetId("half")]
    # Each sheet is checked: two 5 x 4 m rooms each, 20 m2 on the four floors and
    # 2.5 x 2 = 5 m2 on the sheet read at half scale.
    rooms = done.args[0].rooms
    assert sorted({r.sheet_id for r in rooms}) == sorted(
        ["s0", "s1", "s2", "s3", "half"]
    )
    areas = {
        s: sorted(r.area_m2 for r in rooms if r.sheet_id == s) for s in ("s3", "half")
    }
    assert areas == {"s3": [20.0, 20.0], "half": [5.0, 5.0]}
    # The plans read are kept: the next run reads nothing.
    assert all(loader.cached(sheet) is not None for sheet in review.sheets)
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        runner.run_now()
    assert count_imports == [SheetId("s0"), SheetId("half")]


@dataclass(frozen=True)
class _NoParams:
    pass


class _Gate:
    """A slow check and a counting check, as rule modules the runner can run."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Event()
        self.slow_threads: list[threading.Thread] = []
        self.after_slow = 0
        gate = self

        class Slow:
            RULE_ID, TITLE, CITATION, READS = "SLOW-1", "Slow", "", ALL_PARTS
            Params = _NoParams

            @staticmethod
            def check(ctx, params):
                gate.slow_threads.append(threading.current_thread())
                gate.entered.set()
                gate.release.wait(30)
                return []

        class After:
            RULE_ID, TITLE, CITATION, READS = "AFTER-1", "After", "", ALL_PARTS
            Params = _NoParams

            @staticmethod
            def check(ctx, params):
                gate.after_slow += 1
                return []

        self.rules = {"SLOW-1": Slow, "AFTER-1": After}


@pytest.fixture
def checked(sample, qtbot):
    """The sample school with its first findings."""
    qtbot.waitUntil(lambda: sample.findings.runner.is_current, timeout=60_000)
    qtbot.waitUntil(lambda: not sample.findings.runner.is_running(), timeout=60_000)
    return sample


@pytest.fixture
def gate(monkeypatch):
    gate = _Gate()
    for rule_id, rule in gate.rules.items():  # run last, after the real checks
        monkeypatch.setitem(RULES, rule_id, rule)
    yield gate
    gate.release.set()
    QThreadPool.globalInstance().waitForDone(30_000)


def _add_door(window, markup_id, x=62.0, y=45.0):
    template = next(
        m for m in window.bridge.review.markups if isinstance(m, AccessPoint)
    )
    door = replace(template, id=markup_id, position=(x, y))
    window.bridge.submit(AddMarkup(door))


def test_cancel_stops_the_run_and_keeps_the_old_findings_marked(checked, qtbot, gate):
    runner, dock = checked.findings.runner, checked.findings_dock
    status = checked.status
    before = dict(dock.findings)
    _add_door(checked, "door-new")
    assert status.checks.is_checking()  # "Checking…" from the edit on
    qtbot.waitUntil(gate.entered.is_set, timeout=30_000)
    job = runner._job
    # A run this long says where it is and offers Cancel.
    qtbot.waitUntil(lambda: status.checks.cancel_button.isVisible(), timeout=5_000)
    # The step's report is queued from the worker: with the earlier checks quick
    # (their walks kept), the button may show before it is delivered.
    qtbot.waitUntil(
        lambda: status.checks.detail.text().startswith("SLOW-1 on Level 1, "),
        timeout=5_000,
    )
    status.checks.cancel_button.click()
    assert job.cancel_event.is_set()
    assert not runner.is_running()
    assert not status.checks.is_checking()
    assert dock.findings == before
    assert not dock.is_current()
    assert dock.summary.text().startswith("Not current")
    assert "Checks cancelled" in status.currentMessage()
    gate.release.set()
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)  # let a late answer arrive, if one were sent
    assert gate.after_slow == 0  # the rules stopped at the next check
    assert dock.findings == before
    # The next edit checks again, the door added before the cancel included.
    _add_door(checked, "door-newer", x=64.0)
    qtbot.waitUntil(
        lambda: runner.is_current and not runner.is_running(), timeout=30_000
    )
    assert dock.is_current()
    assert gate.after_slow == 1


def test_an_edit_cancels_the_running_check(checked, qtbot, gate):
    runner = checked.findings.runner
    _add_door(checked, "door-new")
    qtbot.waitUntil(gate.entered.is_set, timeout=30_000)
    first = runner._job
    gate.entered.clear()
    post = next(m for m in checked.bridge.review.markups if isinstance(m, Observer))
    x, y = post.position
    checked.bridge.submit(ReplaceMarkup(post, replace(post, position=(x + 0.5, y))))
    assert first.cancel_event.is_set()  # at once, not after the pause
    assert runner.is_running()  # the newer run is due
    gate.release.set()
    qtbot.waitUntil(
        lambda: runner.is_current and not runner.is_running(), timeout=30_000
    )
    QThreadPool.globalInstance().waitForDone(30_000)
    # Two runs entered the slow check; only the newer one went on to the next.
    assert len(gate.slow_threads) == 2
    assert gate.after_slow == 1
    keys = {f.key for f in runner.result.findings}
    assert keys == set(checked.findings_dock.findings)


def test_the_window_keeps_working_while_a_check_runs(checked, qtbot, gate):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    _add_door(checked, "door-new")
    qtbot.waitUntil(gate.entered.is_set, timeout=30_000)
    # The check is held for 0.5 s; the GUI thread's event loop runs meanwhile. At
    # one tick per 10 ms that is up to 50 ticks; a blocked loop would give none.
    qtbot.wait(500)
    timer.stop()
    assert len(ticks) >= 10
    assert gate.slow_threads[0] is not threading.main_thread()
    assert checked.findings.runner.is_running()
    gate.release.set()
    qtbot.waitUntil(lambda: not checked.findings.runner.is_running(), timeout=30_000)


def test_progress_names_the_check_and_sheet_and_grows(checked, qtbot):
    runner = checked.findings.runner
    steps = []
    runner.progress_changed.connect(lambda share, doing: steps.append((share, doing)))
    busy = []
    runner.busy_changed.connect(busy.append)
    runner.run_now()  # every check, as F9 does
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=60_000)
    [sheet] = checked.bridge.review.sheets
    shares = [share for share, _ in steps]
    assert shares == sorted(shares)
    # One sheet, its plan loaded (no reading): each of the n checks is told before it
    # runs, with k of n done, so the shares go 0, 1/n, ..., (n - 1)/n.
    n = len(RULES)
    assert shares[0] == 0.0
    assert shares[-1] == pytest.approx((n - 1) / n)
    doing = {text for _, text in steps}
    assert f"ROOM-2 on {sheet.name}" in doing
    assert f"EGRESS-1 on {sheet.name}" in doing
    assert busy == [True, False]
    assert not checked.status.checks.is_checking()


def test_a_short_check_shows_only_the_word(checked, qtbot):
    runner, indicator = checked.findings.runner, checked.status.checks
    post = next(m for m in checked.bridge.review.markups if isinstance(m, Observer))
    x, y = post.position
    checked.bridge.submit(ReplaceMarkup(post, replace(post, position=(x + 0.5, y))))
    width = indicator.sizeHint().width()
    assert indicator.label.text() == "Checking…"
    assert not indicator.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=LONG_RUN_MS * 20)
    assert indicator.label.text() == ""
    # Its place is kept, so nothing beside it in the status bar moves.
    assert indicator.isVisible()
    assert indicator.sizeHint().width() == width


def test_an_edit_when_idle_is_checked_at_once_and_one_in_a_burst_waits(
    checked, qtbot, gate
):
    runner = checked.findings.runner
    _add_door(checked, "door-new")
    assert runner._timer.remainingTime() == 0  # the next turn of the event loop
    QApplication.processEvents()
    assert runner._job is not None  # started without waiting for a pause
    qtbot.waitUntil(gate.entered.is_set, timeout=30_000)
    _add_door(checked, "door-newer", x=64.0)  # while the first is being checked
    assert runner._job is None
    assert runner._timer.remainingTime() > PAUSE_MS // 2  # Qt rounds it by 5%
    gate.release.set()
    qtbot.waitUntil(
        lambda: runner.is_current and not runner.is_running(), timeout=30_000
    )
    QThreadPool.globalInstance().waitForDone(30_000)
    assert gate.after_slow == 1  # the burst's first run was cancelled in SLOW-1


def test_opening_a_review_reads_its_drawing_once(make_window, qtbot, monkeypatch):
    # The loader reads the sheet to show it; the first check waits for that plan
    # instead of reading the same drawing beside it (one sheet: one import).
    imports = []
    real = sheets_module.plan_for_sheet

    def counting(review, sheet, *args):
        imports.append(sheet.id)
        return real(review, sheet, *args)

    monkeypatch.setattr(sheets_module, "plan_for_sheet", counting)
    monkeypatch.setattr(plan_loader_module, "plan_for_sheet", counting)
    window = make_window()
    file_commands.open_sample(window.context)
    runner = window.findings.runner
    qtbot.waitUntil(
        lambda: runner.is_current and not runner.is_running(), timeout=60_000
    )
    [sheet] = window.bridge.review.sheets
    assert imports == [sheet.id]
    assert window.findings_dock.findings
