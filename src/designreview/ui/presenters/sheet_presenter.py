"""Which sheet is shown: its plan on the canvas and in the layers dock, its markups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from designreview.model.ids import SheetId
from designreview.model.responder import true_north_of
from designreview.render.style import Theme
from designreview.ui.qt_helpers import signals_blocked

if TYPE_CHECKING:
    from designreview.model.changes import ChangeSet
    from designreview.model.geometry import Extents
    from designreview.model.plan import Plan
    from designreview.model.review import Sheet
    from designreview.ui.canvas.scene import PlanScene
    from designreview.ui.canvas.view import PlanView
    from designreview.ui.docks.layers_dock import LayersDock
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader


class SheetPresenter(QObject):
    """Shows one sheet at a time and follows the review as it changes."""

    plan_shown = Signal(object)  # Plan or None
    sheet_changed = Signal(object)  # sheet id or None
    failed = Signal(str)

    def __init__(
        self,
        bridge: DocumentBridge,
        loader: PlanLoader,
        scene: PlanScene,
        view: PlanView,
        layers_dock: LayersDock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.loader = bridge, loader
        self.scene, self.view, self.layers_dock = scene, view, layers_dock
        self.sheet_id: str | None = None
        self.plan: Plan | None = None
        self.theme = Theme.LIGHT
        self._fitted: tuple[str, Extents] | None = None
        """The sheet and extents the view was last fitted to."""
        self.combo = QComboBox()
        self.combo.setMinimumWidth(220)
        self.combo.activated.connect(self._on_combo_activated)
        loader.loaded.connect(self._on_loader_loaded)
        loader.failed.connect(lambda _sheet, message: self.failed.emit(message))

    def toolbar(self, parent=None) -> QToolBar:
        bar = QToolBar("Sheets", parent)
        bar.setObjectName("SheetsToolBar")
        bar.addWidget(QLabel(" Sheet: "))
        bar.addWidget(self.combo)
        return bar

    def sheet(self) -> Sheet | None:
        if self.sheet_id is None:
            return None
        return self.bridge.review.sheet(SheetId(self.sheet_id))

    def show(self, sheet_id: str) -> None:
        """Show the sheet ``sheet_id`` (its plan loads in the background if needed)."""
        sheet = self.bridge.review.sheet(SheetId(sheet_id))
        if sheet is None:
            return
        changed = sheet_id != self.sheet_id
        self.sheet_id = sheet_id
        self.refresh_combo()
        self.scene.markup_layer.show(self.bridge.review, sheet_id)
        if changed:
            self.sheet_changed.emit(sheet_id)
        self.loader.load(self.bridge.review, sheet)

    def show_first(self) -> None:
        """After a review was opened: its first sheet, or nothing."""
        self.sheet_id, self._fitted = None, None
        sheets = self.bridge.review.sheets
        if sheets:
            self.show(sheets[0].id)
        else:
            self.clear()

    def follow(self, changes: ChangeSet) -> None:
        """Keep the canvas in step with an edit."""
        self.scene.markup_layer.apply(self.bridge.review, changes)
        if not changes.sheets:
            return
        self._show_north()
        sheets = self.bridge.review.sheets
        if self.sheet() is not None:
            self.show(self.sheet_id or "")
        elif sheets:
            self.show(sheets[-1].id)
        else:
            self.clear()

    def _show_north(self) -> None:
        sheet = self.sheet()
        north = true_north_of(sheet, self.plan) if sheet is not None else None
        self.view.north_arrow.set_true_north(north)

    def clear(self) -> None:
        self.sheet_id, self.plan, self._fitted = None, None, None
        self.view.north_arrow.set_true_north(None)
        self.scene.clear_plan()
        self.scene.markup_layer.show(self.bridge.review, None)
        self.layers_dock.clear()
        self.refresh_combo()
        self.sheet_changed.emit(None)
        self.plan_shown.emit(None)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.plan is not None:
            hidden = [
                info.name
                for info in self.plan.layers
                if not self.scene.is_layer_visible(info.name)
            ]
            self.scene.set_plan(self.plan, theme)
            for name in hidden:
                self.scene.set_layer_visible(name, False)

    def refresh_combo(self) -> None:
        with signals_blocked(self.combo):
            self.combo.clear()
            for sheet in self.bridge.review.sheets:
                self.combo.addItem(sheet.name, sheet.id)
            self.combo.setCurrentIndex(self.combo.findData(self.sheet_id))

    def _on_combo_activated(self, index: int) -> None:
        sheet_id = self.combo.itemData(index)
        if sheet_id and sheet_id != self.sheet_id:
            self.show(sheet_id)

    def _on_loader_loaded(self, sheet_id: str, plan: Plan) -> None:
        if sheet_id != self.sheet_id:
            return
        # The view fits a sheet shown anew, or one whose drawing changed size (its
        # units corrected); a plan read again after another correction keeps the
        # view where the user left it.
        fit = (sheet_id, plan.extents) != self._fitted
        self.plan = plan
        self.scene.set_plan(plan, self.theme)
        self.layers_dock.set_plan(plan)
        self._show_north()
        if fit:
            self._fitted = (sheet_id, plan.extents)
            self.view.fit_to_drawing()
        self.plan_shown.emit(plan)
