"""Keeping the findings current: the checks rerun in the background after edits.

Edits come in bursts (a drag, a batch), so a rerun waits for a short pause. Each run
works on a frozen snapshot of the review and the plans already loaded; the answer of
a run that a newer one has overtaken is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal

from designreview.analysis.parts import ALL_PARTS, Part, changed_parts
from designreview.analysis.run import CheckResult, run_checks
from designreview.review_file.sheets import plans_for_sheets
from designreview.ui.session import workers

if TYPE_CHECKING:
    import threading
    from collections.abc import Mapping

    from designreview.model.changes import ChangeSet
    from designreview.model.plan import Plan
    from designreview.model.review import Review
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader

PAUSE_MS = 400


class FindingsRunner(QObject):
    """Runs the checks off the GUI thread and announces each new result."""

    finished = Signal(object)  # CheckResult
    failed = Signal(str)

    def __init__(
        self, bridge: DocumentBridge, loader: PlanLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge, self.loader = bridge, loader
        self.result = CheckResult((), ())
        self._has_result = False
        self._pending: frozenset[Part] | None = None
        """The parts changed since the last run; None: rerun everything."""
        self._before = bridge.review
        self._job: workers.Job | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.run_now)

    def is_running(self) -> bool:
        return self._job is not None or self._timer.isActive()

    def follow(self, changes: ChangeSet) -> None:
        """Rerun the checks an edit can affect; decisions and names affect none."""
        review = self.bridge.review
        parts = changed_parts(changes, self._before, review)
        self._before = review  # to know the kind of a markup deleted next
        if not parts:
            return
        if parts == ALL_PARTS:
            self._pending = None  # everything
        elif self._pending is not None:
            self._pending = self._pending | parts
        elif self._timer.isActive() or self._job is not None:
            pass  # a full run is already due
        else:
            self._pending = parts
        self.schedule()

    def schedule(self) -> None:
        """Run every check after a short pause (or the pending subset)."""
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        review = self.bridge.review
        only, self._pending = self._pending, None
        previous = self.result if only is not None and self._has_result else None
        changed = ALL_PARTS if only is None else only
        cached = self.loader.cached_plans(review)
        if self._job is not None:
            self._job.cancel()
        self._job = job = workers.run(
            lambda cancel: _check(review, cached, cancel, previous, changed),
            lambda answer: self._on_done(job, review, answer),
            lambda message: self._on_failed(job, message),
            owner=self,
        )

    def _on_done(self, job: workers.Job, review: Review, answer: object) -> None:
        result, plans = cast("tuple[CheckResult, dict[str, Plan]]", answer)
        for sheet in review.sheets:  # drawings read for the checks are kept
            plan = plans.get(sheet.id)
            if plan is not None and self.loader.cached(sheet) is None:
                self.loader.remember(sheet, plan)
        if job is not self._job:
            return
        self._job = None
        self.result = result
        self._has_result = True
        self.finished.emit(result)

    def _on_failed(self, job: workers.Job, message: str) -> None:
        if job is not self._job:
            return
        self._job = None
        self.failed.emit(message)


def _check(
    review: Review,
    cached: dict[str, Plan | None],
    cancel: threading.Event,
    previous: CheckResult | None,
    changed: frozenset[Part],
) -> tuple[CheckResult, dict[str, Plan]]:
    """The checks' result, and the plans read for it (the loader keeps them)."""
    plans = plans_for_review(review, cached, cancel)
    result = run_checks(
        review, plans, previous=previous, cancelled=cancel.is_set, changed=changed
    )
    return result, plans


def plans_for_review(
    review: Review, cached: Mapping[str, Plan | None], cancel: threading.Event
) -> dict[str, Plan]:
    """Every sheet's plan: the loaded ones as they are, the others read now.

    The others are read together, so floors of one drawing read its file once.
    """
    missing = tuple(s for s in review.sheets if cached.get(s.id) is None)
    read = plans_for_sheets(replace(review, sheets=missing), cancel.is_set)
    plans: dict[str, Plan] = {}
    for sheet in review.sheets:
        plan = cached.get(sheet.id)
        plans[str(sheet.id)] = plan if plan is not None else read[sheet.id]
    return plans
