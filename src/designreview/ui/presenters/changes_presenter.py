"""The Changes dock and the compare overlay, kept to the sheet shown.

The previous drawing is read in the background the first time the overlay is
asked for, and kept per drawing; the difference itself is ``render.compare``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF

from designreview.model.errors import DesignReviewError
from designreview.render.compare import drawing_difference
from designreview.review_file.sheets import plan_for_sheet
from designreview.ui.canvas.compare_overlay import CompareOverlay
from designreview.ui.docks.changes_dock import ChangesDock
from designreview.ui.session import workers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from designreview.model.plan import Plan
    from designreview.model.review import Review, Sheet
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.canvas.view import PlanView
    from designreview.ui.presenters.sheet_presenter import SheetPresenter
    from designreview.ui.session.document_bridge import DocumentBridge

ZOOM_M = 12.0


class ChangesPresenter(QObject):
    """Fills the dock for the sheet shown; draws the overlay while it is switched on."""

    def __init__(
        self,
        bridge: DocumentBridge,
        scene: PlanScene,
        view: PlanView,
        sheets: SheetPresenter,
        status: QStatusBar,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.scene, self.view, self.sheets = bridge, scene, view, sheets
        self.status = status
        self.dock = ChangesDock()
        self.overlay = CompareOverlay(scene)
        self.previous: dict[str, Plan] = {}
        self.dock.zoom_requested.connect(self._zoom)
        self.dock.overlay_toggled.connect(lambda _on: self.refresh())
        bridge.changed.connect(lambda _changes, _by: self.refresh())
        sheets.plan_shown.connect(lambda _plan: self.refresh())

    def refresh(self) -> None:
        """The dock and the overlay for the sheet shown now."""
        sheet, plan = self.sheets.sheet(), self.sheets.plan
        revision = sheet.revision if sheet is not None else None
        self.dock.show_revision(revision, sheet.name if sheet is not None else "")
        if (
            sheet is None
            or plan is None
            or revision is None
            or not self.dock.overlay.isChecked()
        ):
            self._hide()
            return
        old = self.previous.get(revision.previous_sha256)
        if old is None:
            self._read_previous(self.bridge.review, sheet)
            return
        self.overlay.show(drawing_difference(old, plan))
        self.scene.dim_drawing(True)
        removed, added = self.overlay.counts()
        self.status.showMessage(
            f"Compared with {revision.previous_name}: {removed} lines removed, "
            f"{added} added",
            8000,
        )

    def _hide(self) -> None:
        self.overlay.show(None)
        self.scene.dim_drawing(False)

    def _read_previous(self, review: Review, sheet: Sheet) -> None:
        revision = sheet.revision
        assert revision is not None
        old_sheet = replace(
            sheet,
            source_sha256=revision.previous_sha256,
            source_name=revision.previous_name,
            revision=None,
        )
        self.status.showMessage(f"Reading {revision.previous_name} to compare…", 0)

        def work(_control: object) -> object:
            try:
                return plan_for_sheet(review, old_sheet)
            except DesignReviewError:
                return plan_for_sheet(review, replace(old_sheet, storey=None))

        def done(result: object) -> None:
            self.previous[revision.previous_sha256] = result  # type: ignore[assignment]
            self.refresh()

        def failed(message: str) -> None:
            self.dock.overlay.setChecked(False)
            self.status.showMessage(f"Cannot compare: {message}", 10000)

        workers.run(work, done, failed, owner=self)

    def _zoom(self, x: float, y: float) -> None:
        half = ZOOM_M / 2
        self.view.show_area(QRectF(x - half, -y - half, ZOOM_M, ZOOM_M), ZOOM_M)
