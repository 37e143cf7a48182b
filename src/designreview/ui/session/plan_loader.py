"""Plans of the open review's sheets: imported in the background, cached by content."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from designreview.review_file.sheets import plan_for_sheet
from designreview.ui.session import workers

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.model.plan import Plan
    from designreview.model.review import Review, Sheet

SheetKey = tuple[object, ...]


def sheet_key(sheet: Sheet) -> SheetKey:
    """Everything that changes a sheet's plan: its drawing and how it is read."""
    return (
        sheet.source_sha256,
        sheet.unit_override,
        sheet.scale_override_m,
        sheet.layout,
        sheet.region,
        sheet.layer_overrides,
        sheet.door_methods_off,
        sheet.storey,
        sheet.cut_height_m,
    )


class PlanLoader(QObject):
    """Loads one sheet's plan at a time off the GUI thread; newer requests win."""

    loaded = Signal(str, object)  # sheet id, Plan
    failed = Signal(str, str)  # sheet id, message
    busy_changed = Signal(bool)
    progress_changed = Signal(float)
    """The share of the running import done, 0 to 1 (imports that know it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[SheetKey, Plan] = {}
        self._job: workers.Job | None = None

    def is_busy(self) -> bool:
        return self._job is not None

    def remember(self, sheet: Sheet, plan: Plan) -> None:
        self._cache[sheet_key(sheet)] = plan

    def cached(self, sheet: Sheet) -> Plan | None:
        return self._cache.get(sheet_key(sheet))

    def cached_plans(self, review: Review) -> dict[str, Plan | None]:
        """Each sheet's plan as already loaded, None where it is not (yet)."""
        return {str(sheet.id): self.cached(sheet) for sheet in review.sheets}

    def load(self, review: Review, sheet: Sheet) -> None:
        """Emit ``loaded`` with the plan, from the cache or a background import."""
        plan = self.cached(sheet)
        if plan is not None:
            self.loaded.emit(sheet.id, plan)
            return
        self.run(
            lambda control: plan_for_sheet(
                review, sheet, control.is_set, control.report
            ),
            partial(self._on_plan_done, sheet),
            partial(self._on_failed, sheet.id),
        )

    def run(
        self,
        fn: Callable[..., object],
        on_done: Callable[[object], None],
        on_failed: Callable[[str], None],
    ) -> None:
        """Any import-like job, with the same busy state and cancellation."""
        self.cancel()
        self._job = job = workers.run(
            fn,
            lambda result: self._finish(job, on_done, result),
            lambda message: self._finish(job, on_failed, message),
            owner=self,
            on_progress=lambda share, _doing: self._on_progress(job, share),
        )
        self.busy_changed.emit(True)

    def _on_progress(self, job: workers.Job, share: float) -> None:
        if job is self._job:  # a superseded import's progress is not this one's
            self.progress_changed.emit(share)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.busy_changed.emit(False)

    def _finish(
        self, job: workers.Job, callback: Callable[[Any], None], value: object
    ) -> None:
        if job is not self._job:
            return  # superseded or cancelled: its answer is no longer wanted
        self._job = None
        self.busy_changed.emit(False)
        callback(value)

    def _on_plan_done(self, sheet: Sheet, plan: object) -> None:
        self._cache[sheet_key(sheet)] = plan  # type: ignore[assignment]
        self.loaded.emit(sheet.id, plan)

    def _on_failed(self, sheet_id: str, message: object) -> None:
        self.failed.emit(sheet_id, str(message))
