"""Keeping the findings current: the checks rerun in the background after edits.

Each run works on a frozen snapshot of the review and the plans already loaded, in a
worker thread, so the window never waits for it. An edit cancels the run that is
checking the review as it was, and a new one starts at once, or after a short pause
when edits come in a burst (see ``PAUSE_MS``); the user
can cancel a long run, and the findings from before stay shown, marked as not
current. Sheets that are not loaded yet are imported once per drawing (as the
command line does), and the plans read are kept for the next run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal

from designreview.analysis.index_cache import IndexCache
from designreview.analysis.parts import ALL_PARTS, Part, changed_parts
from designreview.analysis.run import CheckResult, run_checks
from designreview.review_file.sheets import plans_for_sheets
from designreview.ui.session import workers

if TYPE_CHECKING:
    import threading
    from collections.abc import Mapping

    from designreview.analysis.run import CheckStep
    from designreview.model.changes import ChangeSet
    from designreview.model.plan import Plan
    from designreview.model.review import Review, Sheet
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader

PAUSE_MS = 120
"""How long the runner waits after an edit that comes while a check is due or running.

An edit made when the checks are idle is checked at once (on the next turn of the
event loop, so that the edits one command submits together are checked together):
a single edit's findings then take only the check's own time. Edits arrive one at a
time (a drag shows a preview and submits one edit on release), so a burst is an undo
key held down (a repeat every 30 to 50 ms) or fast clicking; each edit of a burst
cancels the running check and waits this long for the next. On the sample school
(``benchmarks/bench_edit_checks.py``, a shared 2-core machine) moving a camera showed
its findings after a median of 420 to 445 ms with the old fixed pause of 400 ms, 150
to 160 ms with 120 ms, and 35 to 55 ms checked at once.
"""

READ_SHARE = 0.5
"""The part of the progress bar given to reading drawings, when a run must read any."""


class FindingsRunner(QObject):
    """Runs the checks off the GUI thread and announces each new result."""

    finished = Signal(object)  # CheckResult
    failed = Signal(str)
    cancelled = Signal()
    """The user stopped a run; ``result`` is the one from before, not current."""
    busy_changed = Signal(bool)
    """A run is waiting for the pause to end or running (True), or neither."""
    progress_changed = Signal(float, str)  # share done, what the run is doing

    def __init__(
        self, bridge: DocumentBridge, loader: PlanLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge, self.loader = bridge, loader
        self.result = CheckResult((), ())
        self.is_current = False
        """Whether ``result`` follows every edit so far (False until the first run
        finishes, and after a cancel)."""
        self._has_result = False
        self._pending: frozenset[Part] = ALL_PARTS
        """The parts changed since the result was computed and not yet being checked."""
        self._running: frozenset[Part] = frozenset()
        """The parts the running job checks."""
        self._before = bridge.review
        self._job: workers.Job | None = None
        self._busy = False
        self.first_pause_ms, self.pause_ms = 0, PAUSE_MS
        """The pause after an edit when idle, and in a burst of edits."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_now)
        self.indexes = IndexCache()
        """Walking and sight indexes kept between runs: an edit that leaves the
        walls, openings and shut doors as they were builds none of them again."""

    def reset(self) -> None:
        """Forget the result: another review is open, and all of it is checked."""
        self._timer.stop()
        self._drop_job()
        self.result = CheckResult((), ())
        self._has_result = False
        self.is_current = False
        self._pending = ALL_PARTS
        self._before = self.bridge.review
        self._update_busy()

    def is_running(self) -> bool:
        return self._job is not None or self._timer.isActive()

    def follow(self, changes: ChangeSet) -> None:
        """Rerun the checks an edit can affect; decisions and names affect none."""
        review = self.bridge.review
        parts = changed_parts(changes, self._before, review)
        self._before = review  # to know the kind of a markup deleted next
        if not parts:
            return
        pause = self.pause_ms if self.is_running() else self.first_pause_ms
        self._pending |= parts
        self._drop_job()  # it checks the review as it was before this edit
        self._timer.start(pause)
        self._update_busy()

    def schedule(self) -> None:
        """Run the pending checks after a short pause (all of them if none is)."""
        if not self._pending:
            self._pending = ALL_PARTS
        self._timer.start(self.pause_ms)
        self._update_busy()

    def run_now(self) -> None:
        """Start a run of the pending checks (all of them if none is) at once.

        While the loader reads a sheet (a review just opened, a sheet added) the run
        waits for it and then uses its plan, rather than read the drawing beside it.
        """
        self._timer.stop()
        if self.loader.is_busy():
            self._timer.start(self.pause_ms)
            self._update_busy()
            return
        self._drop_job()
        review = self.bridge.review
        changed, self._pending = self._pending or ALL_PARTS, frozenset()
        previous = self.result if self._has_result else None
        cached = self.loader.cached_plans(review)
        self._running = changed
        self._job = job = workers.run(
            lambda control: _check(
                review, cached, control, (previous, changed), self.indexes
            ),
            lambda answer: self._on_done(job, review, answer),
            lambda message: self._on_failed(job, message),
            owner=self,
            on_progress=lambda share, doing: self._on_progress(job, share, doing),
        )
        self._update_busy()

    def cancel(self) -> None:
        """Stop the waiting or running check; the findings shown stay, not current."""
        if not self.is_running():
            return
        self._timer.stop()
        self._drop_job()
        self.is_current = False
        self.cancelled.emit()
        self._update_busy()

    def _drop_job(self) -> None:
        """Cancel the running job; what it was checking is pending again."""
        if self._job is None:
            return
        self._job.cancel()
        self._job = None
        self._pending |= self._running
        self._running = frozenset()

    def _update_busy(self) -> None:
        busy = self.is_running()
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_progress(self, job: workers.Job, share: float, doing: str) -> None:
        if job is self._job:  # an overtaken run's progress is not this one's
            self.progress_changed.emit(share, doing)

    def _on_done(self, job: workers.Job, review: Review, answer: object) -> None:
        result, plans = cast("tuple[CheckResult, dict[str, Plan]]", answer)
        for sheet in review.sheets:  # drawings read for the checks are kept
            plan = plans.get(sheet.id)
            if plan is not None and self.loader.cached(sheet) is None:
                self.loader.remember(sheet, plan)
        if job is not self._job:
            return
        self._job, self._running = None, frozenset()
        self.result = result
        self._has_result = True
        self.is_current = True
        self.finished.emit(result)
        self._update_busy()

    def _on_failed(self, job: workers.Job, message: str) -> None:
        if job is not self._job:
            return
        self._job = None
        self._pending |= self._running
        self._running = frozenset()
        self.failed.emit(message)
        self._update_busy()


def _check(
    review: Review,
    cached: Mapping[str, Plan | None],
    control: workers.JobControl,
    since: tuple[CheckResult | None, frozenset[Part]],
    indexes: IndexCache,
) -> tuple[CheckResult, dict[str, Plan]]:
    """The checks' result, and the plans read for it (the loader keeps them).

    ``since`` is the previous result and the parts changed since it.
    """
    previous, changed = since
    reporter = _Reporter(review, control, reads=None in cached.values())
    plans = plans_for_review(review, cached, control, reporter)
    result = run_checks(
        review,
        plans,
        previous=previous,
        cancelled=control.is_set,
        changed=changed,
        progress=reporter.checking,
        indexes=indexes,
    )
    return result, plans


def plans_for_review(
    review: Review,
    cached: Mapping[str, Plan | None],
    cancel: threading.Event,
    reporter: _Reporter | None = None,
) -> dict[str, Plan]:
    """Every sheet's plan: the loaded ones as they are, the others read now.

    The sheets not loaded yet are read as the command line reads them, once per
    drawing and way of reading it: forty sheets over one drawing import it once,
    and floors of one drawing read its file once.
    """
    known = {sheet_id: plan for sheet_id, plan in cached.items() if plan is not None}
    plans = plans_for_sheets(
        review,
        cancel.is_set,
        reporter.read if reporter else None,
        known=known,
        reading=reporter.reading if reporter else None,
    )
    return {str(sheet_id): plan for sheet_id, plan in plans.items()}


class _Reporter:
    """Turns the steps of one run into the share done and the words the window shows."""

    def __init__(
        self, review: Review, control: workers.JobControl, *, reads: bool
    ) -> None:
        self._control = control
        self._names = {str(sheet.id): sheet.name for sheet in review.sheets}
        self._checks_from = READ_SHARE if reads else 0.0
        self._doing = ""

    def reading(self, sheet: Sheet, number: int, count: int) -> None:
        self._doing = f"reading sheet {sheet.name} ({number + 1} of {count})"
        self.read(0.0)

    def read(self, share: float) -> None:
        self._control.report(share * self._checks_from, self._doing)

    def checking(self, step: CheckStep) -> None:
        name = self._names.get(step.sheet_id, step.sheet_id)
        start = self._checks_from
        self._control.report(
            start + (1.0 - start) * step.share, f"{step.rule_id} on {name}"
        )
