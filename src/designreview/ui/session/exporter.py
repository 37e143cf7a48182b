"""File > Export: markups as DXF, issues as BCF, findings and markups as CSV.

The same writers as ``designreview export``; the window only asks where, runs them
off the GUI thread on a snapshot of the review, and says what was written.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths

from designreview.analysis.run import run_checks
from designreview.exports.bcf.export import BcfOptions, write_bcf
from designreview.exports.csv_table import write_findings_csv, write_markups_csv
from designreview.exports.dxf.export import DxfExportOptions, write_review_dxf
from designreview.ui.session import workers
from designreview.ui.session.findings_runner import plans_for_review

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable, Mapping

    from designreview.model.plan import Plan
    from designreview.model.review import Review
    from designreview.ui.dialogs.prompts import Prompts
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader


BCF_CHOICES = {
    "BCF 2.1 (most BIM tools)": "2.1",
    "BCF 3.0": "3.0",
}
"""The BCF versions the export offers, as the choice reads, first the default."""


class Exporter(QObject):
    """Runs one export at a time and reports it in the status bar or an error box."""

    def __init__(
        self,
        bridge: DocumentBridge,
        loader: PlanLoader,
        prompts: Callable[[], Prompts],
        review_path: Callable[[], Path | None],
        sheet_id: Callable[[], str | None],
        report: Callable[[str], None],
        show_error: Callable[[str, str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.loader = bridge, loader
        self._prompts, self._review_path, self._sheet_id = (
            prompts,
            review_path,
            sheet_id,
        )
        self._report, self._show_error = report, show_error
        self.job: workers.Job | None = None
        self.last_message = ""

    def export_dxf(self, into_original: bool = False) -> None:
        """The review's layers alone, or added to a copy of the drawing."""
        sheet_id = self._sheet_id()
        title = (
            "Export markups into a copy of the drawing"
            if into_original
            else "Export markups as DXF"
        )
        suffix = "-reviewed.dxf" if into_original else "-review.dxf"
        path = self._ask(title, suffix, "DXF drawings (*.dxf)")
        if path is None:
            return
        options = DxfExportOptions(sheet_id=sheet_id, into_original=into_original)

        def write(
            review: Review, plans: Mapping[str, Plan], _cancel: threading.Event
        ) -> str:
            result = run_checks(review, plans)
            summary = write_review_dxf(review, plans, result, path, options)
            return f"{path.name}: {summary.total} entities on REVIEW-* layers"

        self._run(write)

    def export_bcf(self) -> None:
        """A BCF topic per finding and comment, for BIM tools, in the chosen version."""
        path = self._ask("Export issues as BCF", ".bcf", "BCF (*.bcf *.bcfzip)")
        if path is None:
            return
        choice = self._prompts().choose_item(
            "Export issues as BCF", "BCF version:", list(BCF_CHOICES), 0
        )
        if choice is None:
            return
        options = BcfOptions(version=BCF_CHOICES[choice])

        def write(
            review: Review, plans: Mapping[str, Plan], _cancel: threading.Event
        ) -> str:
            result = run_checks(review, plans)
            topics = write_bcf(review, plans, result, path, options)
            return f"{path.name}: {topics} BCF {options.version} topics"

        self._run(write)

    def export_csv(self) -> None:
        """Findings, and markups beside them (NAME-markups.csv), for spreadsheets."""
        path = self._ask("Export findings as CSV", "-findings.csv", "CSV (*.csv)")
        if path is None:
            return
        markups = path.with_name(f"{path.stem}-markups{path.suffix}")

        def write(
            review: Review, plans: Mapping[str, Plan], _cancel: threading.Event
        ) -> str:
            rows = write_findings_csv(review, plans, run_checks(review, plans), path)
            marks = write_markups_csv(review, plans, markups)
            return f"{path.name}: {rows} findings; {markups.name}: {marks} markups"

        self._run(write)

    def export_findings_csv(self, keys: object) -> None:
        """Only the findings listed (the findings dock's search and filters)."""
        chosen = set(keys) if isinstance(keys, list | tuple | set) else set()
        path = self._ask("Export shown findings as CSV", "-findings.csv", "CSV (*.csv)")
        if path is None:
            return

        def write(
            review: Review, plans: Mapping[str, Plan], _cancel: threading.Event
        ) -> str:
            result = run_checks(review, plans)
            shown = replace(
                result, findings=tuple(f for f in result.findings if f.key in chosen)
            )
            rows = write_findings_csv(review, plans, shown, path)
            return f"{path.name}: {rows} findings (those shown)"

        self._run(write)

    def _ask(self, title: str, suffix: str, file_filter: str) -> Path | None:
        if not self.bridge.review.sheets:
            self._report("Open a drawing first.")
            return None
        if self.job is not None:
            self._report("An export is still being written; wait for it to finish.")
            return None
        review_path = self._review_path()
        if review_path is not None:
            suggested = review_path.with_name(review_path.stem + suffix)
        else:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            suggested = Path(folder or Path.home()) / ("review" + suffix)
        return self._prompts().export_path(title, suggested, file_filter)

    def _run(
        self, write: Callable[[Review, Mapping[str, Plan], threading.Event], str]
    ) -> None:
        review = self.bridge.review
        cached = self.loader.cached_plans(review)
        self._report("Exporting…")
        self.job = workers.run(
            lambda cancel: write(
                review, plans_for_review(review, cached, cancel), cancel
            ),
            self._on_done,
            self._on_failed,
            owner=self,
        )

    def _on_done(self, message: object) -> None:
        self.job = None
        self.last_message = f"Exported {message}"
        self._report(self.last_message)

    def _on_failed(self, message: str) -> None:
        self.job = None
        self.last_message = message
        self._report("The export failed.")
        self._show_error("Export failed", f"The export did not finish. {message}")
