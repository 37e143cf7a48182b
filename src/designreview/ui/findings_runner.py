"""Keeping the findings current: the checks rerun in the background after edits.

Edits come in bursts (a drag, a batch), so a rerun waits for a short pause. Each run
works on a frozen snapshot of the review and the plans already loaded; the answer of
a run that a newer one has overtaken is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from designreview.analysis.run import CheckResult, run_checks
from designreview.formats.sheets import plan_for_sheet
from designreview.ui import workers

if TYPE_CHECKING:
    import threading

    from designreview.model.changes import ChangeSet
    from designreview.model.plan import Plan
    from designreview.model.review import Review
    from designreview.ui.document_bridge import DocumentBridge
    from designreview.ui.plan_loader import PlanLoader

PAUSE_MS = 400


class FindingsRunner(QObject):
    """Runs the checks off the GUI thread and announces each new result."""

    finished = Signal(object)  # CheckResult
    failed = Signal(str)
    running_changed = Signal(bool)

    def __init__(
        self, bridge: DocumentBridge, loader: PlanLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge, self.loader = bridge, loader
        self.result = CheckResult((), ())
        self._job: workers.Job | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.run_now)

    def is_running(self) -> bool:
        return self._job is not None or self._timer.isActive()

    def follow(self, changes: ChangeSet) -> None:
        """Rerun after edits that can change a finding (not decisions or names)."""
        if changes.decisions and not (
            changes.added
            or changes.updated
            or changes.removed
            or changes.sheets
            or changes.settings
            or changes.everything
        ):
            return
        if changes.reviewers and not (
            changes.added or changes.updated or changes.removed
        ):
            return
        self.schedule()

    def schedule(self) -> None:
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        review = self.bridge.review
        cached: dict[str, Plan | None] = {
            str(s.id): self.loader.cached(s) for s in review.sheets
        }
        if self._job is not None:
            self._job.cancel()
        self._job = job = workers.run(
            lambda cancel: _check(review, cached, cancel),
            lambda result: self._on_done(job, result),
            lambda message: self._on_failed(job, message),
            owner=self,
        )
        self.running_changed.emit(True)

    def _on_done(self, job: workers.Job, result: object) -> None:
        if job is not self._job:
            return
        self._job = None
        self.result = result  # type: ignore[assignment]
        self.running_changed.emit(False)
        self.finished.emit(result)

    def _on_failed(self, job: workers.Job, message: str) -> None:
        if job is not self._job:
            return
        self._job = None
        self.running_changed.emit(False)
        self.failed.emit(message)


def _check(
    review: Review, cached: dict[str, Plan | None], cancel: threading.Event
) -> CheckResult:
    plans: dict[str, Plan] = {}
    for sheet in review.sheets:
        plan = cached.get(sheet.id)
        if plan is None:
            plan = plan_for_sheet(review, sheet, cancel.is_set)
        plans[str(sheet.id)] = plan
    return run_checks(review, plans)
