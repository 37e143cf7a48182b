"""Findings in the window: kept current, listed, explained, stepped through."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF

from designreview.model.findings import Severity
from designreview.ui.canvas.coords import to_scene
from designreview.ui.canvas.finding_overlay import FindingOverlay
from designreview.ui.docks.findings_dock import FindingsDock
from designreview.ui.session.findings_runner import FindingsRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from designreview.analysis.run import CheckResult
    from designreview.model.findings import Finding
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.canvas.view import PlanView
    from designreview.ui.presenters.sheet_presenter import SheetPresenter
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader


class FindingsPresenter(QObject):
    """Owns the runner, the dock and the overlay, and keeps them in step."""

    def __init__(
        self,
        bridge: DocumentBridge,
        loader: PlanLoader,
        scene: PlanScene,
        view: PlanView,
        sheets: SheetPresenter,
        status: QStatusBar,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.view, self.sheets, self.status = view, sheets, status
        self.runner = FindingsRunner(bridge, loader, self)
        self.dock = FindingsDock(bridge, window)
        self.overlay = FindingOverlay(scene)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.cancelled.connect(self._on_runner_cancelled)
        self.dock.finding_selected.connect(self.show)
        bridge.changed.connect(lambda changes, _i: self.runner.follow(changes))
        sheets.plan_shown.connect(lambda _plan: self.runner.schedule())
        sheets.sheet_changed.connect(self._on_sheets_sheet_changed)

    def show(self, finding: Finding | None) -> None:
        """Draw a finding's explanation and bring it into view (switching sheet).

        Only the user's own choice (a click in the list, [ or ]) comes here: the
        view moves for nothing else.
        """
        if finding is not None and finding.sheet_id != self.sheets.sheet_id:
            self.sheets.show(finding.sheet_id)
        self.overlay.show(finding)
        if finding is None:
            return
        point = to_scene(finding.location)
        rect = QRectF(point, point)
        if finding.overlay:
            rect = rect.united(self.overlay.area.path().boundingRect())
        self.view.show_area(rect)

    def step(self, step: int) -> None:
        """Select the next (+1) or previous (-1) finding in the dock's order."""
        keys = self.dock.ordered_keys()
        if not keys:
            self.status.showMessage("No findings to show.", 4000)
            return
        current = self.dock.current()
        index = keys.index(current.key) if current and current.key in keys else -step
        self.dock.select(keys[(index + step) % len(keys)])

    def clear(self) -> None:
        """Forget the findings shown: another review is open, checks start over."""
        self.overlay.show(None)
        self.dock.clear("Checking…")
        self.runner.reset()
        self.runner.schedule()

    def deselect(self) -> None:
        """Select no finding and hide its marker; the view does not move."""
        self.dock.clear_selection()
        self.overlay.show(None)

    def _on_runner_finished(self, result: CheckResult) -> None:
        # The finding selected stays selected if it still exists, its marker and
        # overlay as now computed; the view stays where the user left it.
        self.dock.show_result(result)
        self._mark(self.dock.current())
        counts = ", ".join(
            f"{result.count(s)} {s.value}" for s in Severity if result.count(s)
        )
        self.status.showMessage(f"Checks: {counts or 'all passed'}", 6000)

    def _mark(self, finding: Finding | None) -> None:
        """Show ``finding``'s marker if its sheet is the one shown, else none."""
        shown = finding is not None and finding.sheet_id == self.sheets.sheet_id
        self.overlay.show(finding if shown else None)

    def _on_sheets_sheet_changed(self, _sheet_id: object) -> None:
        # Another sheet's plan: a marker at the old finding's place would lie.
        self._mark(self.overlay.finding)

    def _on_runner_cancelled(self) -> None:
        self.dock.mark_not_current()
        self.status.showMessage(
            "Checks cancelled: the findings shown are from before the last edits "
            "and may be out of date. The next edit, or Run Checks Now (F9), checks "
            "again.",
            10_000,
        )
