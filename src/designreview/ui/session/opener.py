"""Opening things: reviews, drawings (a new review), the sample, extra sheets."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

from designreview.model.document import utc_now
from designreview.model.edits import AddSheet, Batch
from designreview.model.errors import DesignReviewError
from designreview.model.ids import ReviewId, new_id
from designreview.model.review import Review
from designreview.recognition.floors import plan_floors
from designreview.review_file.archive import SUFFIX, read_review
from designreview.review_file.processes import current_user
from designreview.review_file.sample import sample_plan_path, sample_review_path
from designreview.review_file.sheets import (
    add_drawing,
    floor_sheets,
    layout_sheets,
    storey_sheets,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QStatusBar

    from designreview.model.plan import Plan
    from designreview.model.review import Sheet, SourceFile
    from designreview.ui.presenters.sheet_presenter import SheetPresenter
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader
    from designreview.ui.session.review_session import ReviewSession
    from designreview.ui.window.recent_menu import RecentMenu


class Opener(QObject):
    """Reads drawings in the background; replaces the review only when allowed."""

    def __init__(
        self,
        session: ReviewSession,
        loader: PlanLoader,
        sheets: SheetPresenter,
        status: QStatusBar,
        show_error: Callable[[str, str], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.session, self.loader, self.sheets = session, loader, sheets
        self.bridge: DocumentBridge = session.bridge
        self.status, self.show_error = status, show_error
        self.recent: RecentMenu | None = None

    def open_path(self, path: Path) -> None:
        """Open a review, or start a new review from a drawing."""
        if path.suffix.lower() == SUFFIX:
            if self.session.maybe_close() and self.session.open_review(path):
                self._remember(path)
            return
        self.status.showMessage(f"Opening {path.name}…")
        empty = Review(id=ReviewId(new_id()))
        self.loader.run(
            lambda control: add_drawing(empty, path, control.is_set, control.report),
            partial(self._on_drawing_read, path),
            partial(self._on_drawing_failed, path),
        )

    def open_sample(self) -> None:
        """The bundled sample review (or its bare drawing) as an untitled copy."""
        try:
            review = read_review(sample_review_path())
        except DesignReviewError:
            try:
                self.open_path(sample_plan_path())
            except DesignReviewError as exc:
                self.show_error("Sample school missing", str(exc))
            return
        if self.session.maybe_close():
            self.session.start_untitled(review, "Sample school review", modified=False)

    def add_sheet(self, path: Path) -> None:
        """Add a drawing to the open review as a new sheet (undoable)."""
        review = self.bridge.review
        self.status.showMessage(f"Adding {path.name}…")
        self.loader.run(
            lambda control: add_drawing(review, path, control.is_set, control.report),
            self._on_sheet_added,
            partial(self._on_drawing_failed, path),
        )

    def _on_drawing_read(self, path: Path, result: object) -> None:
        sheet, source, plan = cast("tuple[Sheet, SourceFile, Plan]", result)
        if not self.session.maybe_close():
            return
        empty = Review(
            id=ReviewId(new_id()), created_by=current_user(), created_at=utc_now()
        )
        sheets = self._split(empty, sheet, plan)
        review = replace(empty, sheets=sheets, sources=(source,))
        if sheets == (sheet,):
            self.loader.remember(sheet, plan)
        # Nothing is lost by closing it unedited: the drawing is still on disk, and
        # opening it again makes the same review. The first edit makes it modified.
        self.session.start_untitled(review, path.stem, modified=False)
        self._remember(path)

    def _on_sheet_added(self, result: object) -> None:
        sheet, source, plan = cast("tuple[Sheet, SourceFile, Plan]", result)
        review = self.bridge.review
        sheet = with_known_roles(sheet, plan, review.sheets)
        sheets = self._split(review, sheet, plan)
        if sheets == (sheet,):
            self.loader.remember(sheet, plan)
            self.bridge.submit(AddSheet(sheet, source, f"Add sheet {sheet.name}"))
        else:
            adds = tuple(AddSheet(s, source, f"Add sheet {s.name}") for s in sheets)
            self.bridge.submit(
                Batch(adds, f"Add {len(sheets)} sheets of {sheet.source_name}")
            )
        self.sheets.show(sheets[0].id)

    def _split(self, review: Review, sheet: Sheet, plan: Plan) -> tuple[Sheet, ...]:
        """The sheets a new drawing becomes: one per floor the user confirms, or one.

        Floors side by side in model space are offered first; a drawing whose
        model space is one plan but which has several paper-space layouts is
        offered one sheet per layout.
        """
        prompts = self.session.prompts
        if plan.bim is not None:
            return self._split_storeys(review, sheet, plan)
        floors = plan_floors(plan)
        if len(floors) > 1:
            parts = [(f.name, f"{f.wall_count:,} wall lines") for f in floors]
            chosen = prompts.split_drawing(sheet.source_name, parts, "floors")
            if chosen:
                picked = [replace(floors[i], name=name) for i, name in chosen]
                return floor_sheets(review, sheet, picked)
        elif len(plan.layouts) > 1 and sheet.layout is None:
            parts = [(name, "paper-space layout") for name in plan.layouts]
            chosen = prompts.split_drawing(sheet.source_name, parts, "layouts")
            if chosen:
                picked_layouts = [(plan.layouts[i], name) for i, name in chosen]
                return layout_sheets(review, sheet, picked_layouts)
        return (sheet,)

    def _split_storeys(
        self, review: Review, sheet: Sheet, plan: Plan
    ) -> tuple[Sheet, ...]:
        """An IFC model's storeys as sheets: the floors ticked, pseudo-storeys not."""
        storeys = plan.bim.storeys if plan.bim is not None else ()
        if len(storeys) < 2:
            return (sheet,)
        parts = [(s.name, s.summary) for s in storeys]
        chosen = self.session.prompts.split_drawing(
            sheet.source_name, parts, "storeys", [s.is_floor for s in storeys]
        )
        if not chosen:
            return (sheet,)
        picked = [(storeys[i].guid, name) for i, name in chosen]
        return storey_sheets(review, sheet, picked)

    def _on_drawing_failed(self, path: Path, message: object) -> None:
        self.status.showMessage(f"Could not open {path.name}", 8000)
        self.show_error("Cannot open drawing", str(message))

    def _remember(self, path: Path) -> None:
        if self.recent is not None:
            self.recent.add(path)


def with_known_roles(sheet: Sheet, plan: Plan, others: tuple[Sheet, ...]) -> Sheet:
    """``sheet`` with the layer roles corrected on the review's other sheets.

    The same office names its layers the same way on every floor.
    """
    known = {o.layer: o for other in others for o in other.layer_overrides}
    names = {info.name for info in plan.layers}
    carried = tuple(known[name] for name in sorted(names) if name in known)
    return replace(sheet, layer_overrides=carried) if carried else sheet
