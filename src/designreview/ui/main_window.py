"""The main window: assembles the canvas, the docks, the menus and the status bar."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QMessageBox

from designreview import __version__
from designreview.formats.project_file import SUFFIX, read_review
from designreview.formats.sample import sample_plan_path, sample_review_path
from designreview.formats.sheets import add_drawing
from designreview.model.edits import AddSheet
from designreview.model.errors import DesignReviewError
from designreview.model.ids import ReviewId, new_id
from designreview.model.review import Review
from designreview.render.style import Theme
from designreview.ui.actions import ACTIONS
from designreview.ui.canvas.scene import PlanScene
from designreview.ui.canvas.view import PlanView
from designreview.ui.dialogs.prompts import Prompts
from designreview.ui.docks.layers_dock import LayersDock
from designreview.ui.document_bridge import DocumentBridge
from designreview.ui.plan_loader import PlanLoader
from designreview.ui.recent_files import RecentFiles
from designreview.ui.review_session import ReviewSession
from designreview.ui.selection import Selection
from designreview.ui.status_bar import PlanStatusBar
from designreview.ui.tool_bar import ToolsToolBar
from designreview.ui.tools.base import ToolContext

if TYPE_CHECKING:
    from designreview.model.changes import ChangeSet
    from designreview.model.plan import Plan
    from designreview.model.review import Sheet, SourceFile

APP_NAME = "designreview"


class MainWindow(QMainWindow):
    """The review window: one review, one sheet shown at a time."""

    def __init__(self, settings: QSettings, autosave_dir: Path) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.resize(1280, 820)
        self.setAcceptDrops(True)
        self.plan: Plan | None = None
        self.current_sheet_id: str | None = None
        self.last_error: str | None = None
        self.error_box: QMessageBox | None = None
        self._theme = Theme.LIGHT
        self.recent = RecentFiles(settings)
        self.bridge = DocumentBridge(Review(id=ReviewId(new_id())), parent=self)
        self.prompts = Prompts(self)
        autosave_s = int(str(settings.value("autosave_interval_s", 60)))
        self.session = ReviewSession(
            self.bridge, self.prompts, autosave_dir, self.show_error, autosave_s, self
        )
        self.loader = PlanLoader(self)
        self.scene = PlanScene(self)
        self.view = PlanView(self.scene, self)
        self.setCentralWidget(self.view)
        self.layers_dock = LayersDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layers_dock)
        self.status = PlanStatusBar(self)
        self.setStatusBar(self.status)
        self.actions_by_id: dict[str, QAction] = {}
        self.selection = Selection(self)
        self.tool_context = ToolContext(
            self.bridge,
            self.selection,
            self.scene,
            self.view,
            sheet_id=lambda: self.current_sheet_id,
            plan=lambda: self.plan,
            hint=lambda text: self.status.showMessage(text),
        )
        self._build_menus()
        self._build_sheet_bar()
        self.tools_bar = ToolsToolBar(self.view, self.tool_context, self)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.tools_bar)
        self._connect()
        self._update_title()

    def _connect(self) -> None:
        self.layers_dock.visibility_changed.connect(self.scene.set_layer_visible)
        self.view.cursor_moved.connect(self._on_view_cursor_moved)
        self.view.zoom_changed.connect(self.status.show_zoom)
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        self.loader.busy_changed.connect(self.status.set_busy)
        self.status.cancel_requested.connect(self.loader.cancel)
        self.session.state_changed.connect(self._update_title)
        self.session.review_loaded.connect(self._on_session_review_loaded)
        self.bridge.changed.connect(self._on_bridge_changed)
        self.selection.changed.connect(self._on_selection_changed)

    # -- opening ------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        """Open a review, or start a new review from a drawing."""
        if path.suffix.lower() == SUFFIX:
            if self.session.maybe_close() and self.session.open_review(path):
                self.recent.add(path)
                self._rebuild_recent_menu()
            return
        self.status.showMessage(f"Opening {path.name}…")
        self.loader.run(
            lambda cancel: add_drawing(
                Review(id=ReviewId(new_id())), path, cancel.is_set
            ),
            partial(self._on_drawing_read, path),
            partial(self._on_drawing_failed, path),
        )

    def is_busy(self) -> bool:
        return self.loader.is_busy()

    def choose_and_open(self) -> None:
        path = self.prompts.open_path(self.session.path)
        if path is not None:
            self.open_path(path)

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

    def choose_and_add_sheet(self) -> None:
        path = self.prompts.drawing_path(self.session.path)
        if path is not None:
            self.add_sheet(path)

    def add_sheet(self, path: Path) -> None:
        """Add a drawing to the open review as a new sheet (undoable)."""
        review = self.bridge.review
        self.status.showMessage(f"Adding {path.name}…")
        self.loader.run(
            lambda cancel: add_drawing(review, path, cancel.is_set),
            self._on_sheet_added,
            partial(self._on_drawing_failed, path),
        )

    def _on_drawing_read(self, path: Path, result: object) -> None:
        sheet, source, plan = cast("tuple[Sheet, SourceFile, Plan]", result)
        if not self.session.maybe_close():
            return
        review = replace(
            Review(id=ReviewId(new_id())), sheets=(sheet,), sources=(source,)
        )
        self.loader.remember(sheet, plan)
        self.session.start_untitled(review, path.stem, modified=True)
        self.recent.add(path)
        self._rebuild_recent_menu()

    def _on_sheet_added(self, result: object) -> None:
        sheet, source, plan = cast("tuple[Sheet, SourceFile, Plan]", result)
        self.loader.remember(sheet, plan)
        self.bridge.submit(AddSheet(sheet, source, f"Add sheet {sheet.name}"))
        self.show_sheet(sheet.id)

    def _on_drawing_failed(self, path: Path, message: object) -> None:
        self.status.showMessage(f"Could not open {path.name}", 8000)
        self.show_error("Cannot open drawing", str(message))

    # -- sheets -------------------------------------------------------------------
    def show_sheet(self, sheet_id: str) -> None:
        sheet = self.bridge.review.sheet(sheet_id)  # type: ignore[arg-type]
        if sheet is None:
            return
        if sheet_id != self.current_sheet_id:
            self.selection.clear(initiator=self)
        self.current_sheet_id = sheet_id
        self._refresh_sheet_combo()
        self.scene.markup_layer.show(self.bridge.review, sheet_id)
        self.loader.load(self.bridge.review, sheet)

    def current_sheet(self) -> Sheet | None:
        if self.current_sheet_id is None:
            return None
        return self.bridge.review.sheet(self.current_sheet_id)  # type: ignore[arg-type]

    def _on_session_review_loaded(self) -> None:
        sheets = self.bridge.review.sheets
        self.current_sheet_id = None
        if sheets:
            self.show_sheet(sheets[0].id)
        else:
            self._clear_plan()
            self.scene.markup_layer.show(self.bridge.review, None)
            self._refresh_sheet_combo()

    def _clear_plan(self) -> None:
        self.plan = None
        self.scene.clear_plan()
        self.layers_dock.clear()

    def _on_selection_changed(self, ids: tuple[str, ...], _initiator: object) -> None:
        self.scene.markup_layer.highlight(ids)

    def _on_bridge_changed(self, changes: ChangeSet, _initiator: object) -> None:
        self.scene.markup_layer.apply(self.bridge.review, changes)
        gone = set(changes.removed)
        if gone & set(self.selection.ids):
            self.selection.discard(tuple(gone))
        if changes.sheets:
            sheets = self.bridge.review.sheets
            if self.current_sheet() is not None:
                self.show_sheet(self.current_sheet_id or "")
            elif sheets:
                self.show_sheet(sheets[-1].id)
            else:
                self.current_sheet_id = None
                self._clear_plan()
            self._refresh_sheet_combo()

    def _on_loader_loaded(self, sheet_id: str, plan: Plan) -> None:
        if sheet_id != self.current_sheet_id:
            return
        first = self.plan is None or self.plan is not plan
        self.plan = plan
        self.scene.set_plan(plan, self._theme)
        self.layers_dock.set_plan(plan)
        if first:
            self.view.fit_to_drawing()
        self.status.show_plan(plan)
        self._update_title()

    def _on_loader_failed(self, _sheet_id: str, message: str) -> None:
        self.show_error("Cannot show sheet", message)

    # -- saving -------------------------------------------------------------------
    def close_review(self) -> bool:
        """Close the review (asking about unsaved changes); the window stays."""
        if not self.session.maybe_close():
            return False
        self.loader.cancel()
        empty = Review(id=ReviewId(new_id()))
        self.session.start_untitled(empty, "Untitled review", modified=False)
        return True

    def save(self) -> bool:
        return self.session.save()

    def save_as(self) -> bool:
        saved = self.session.save_as()
        if saved and self.session.path is not None:
            self.recent.add(self.session.path)
            self._rebuild_recent_menu()
        return saved

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.maybe_close():
            self.loader.cancel()
            event.accept()
        else:
            event.ignore()

    def show_error(self, title: str, message: str) -> None:
        """A clear, non-blocking message; the window stays usable behind it."""
        self.last_error = message
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box

    # -- view commands --------------------------------------------------------------
    def fit_to_drawing(self) -> None:
        self.view.fit_to_drawing()

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def set_dark_theme(self, dark: bool) -> None:
        self._theme = Theme.DARK if dark else Theme.LIGHT
        if self.plan is not None:
            hidden = [
                info.name
                for info in self.plan.layers
                if not self.scene.is_layer_visible(info.name)
            ]
            self.scene.set_plan(self.plan, self._theme)
            for name in hidden:
                self.scene.set_layer_visible(name, False)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About designreview",
            f"<b>designreview {__version__}</b><p>Security design review of school "
            "floor plans, for architects, police, fire and EMS, and school staff, "
            "before the building is built.</p>",
        )

    def coordinates_text(self, x: float, y: float) -> str:
        return self.status.coordinates_text(self.plan, x, y)

    # -- drag and drop --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [
            Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()
        ]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- assembly -------------------------------------------------------------------
    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for spec in ACTIONS:
            menu = menus.get(spec.menu) or self.menuBar().addMenu(spec.menu)
            menus[spec.menu] = menu
            if spec.separator_before:
                menu.addSeparator()
            action = QAction(spec.text, self)
            action.setObjectName(f"action_{spec.id}")
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
            action.setStatusTip(spec.tip)
            action.setCheckable(spec.checkable)
            slot = getattr(self, spec.slot)
            if spec.checkable:
                action.toggled.connect(slot)
            else:
                action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            self.actions_by_id[spec.id] = action
            if spec.id == "open_sample":
                self.recent_menu = menu.addMenu("Open &Recent")
            if spec.menu == "&File" and spec.id == "open":
                self._add_edit_menu(menus)
        menus["&View"].addSeparator()
        menus["&View"].addAction(self.layers_dock.toggleViewAction())
        self._rebuild_recent_menu()

    def _add_edit_menu(self, menus: dict[str, QMenu]) -> None:
        edit = self.menuBar().addMenu("&Edit")
        menus["&Edit"] = edit
        undo = self.bridge.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.bridge.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        edit.addActions([undo, redo])
        self.actions_by_id.update(undo=undo, redo=redo)

    def _build_sheet_bar(self) -> None:
        bar = self.addToolBar("Sheets")
        bar.setObjectName("SheetsToolBar")
        bar.addWidget(QLabel(" Sheet: "))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumWidth(220)
        self.sheet_combo.activated.connect(self._on_sheet_combo_activated)
        bar.addWidget(self.sheet_combo)
        bar.addAction(self.actions_by_id["add_sheet"])

    def _refresh_sheet_combo(self) -> None:
        combo = self.sheet_combo
        combo.blockSignals(True)
        combo.clear()
        for sheet in self.bridge.review.sheets:
            combo.addItem(sheet.name, sheet.id)
        index = combo.findData(self.current_sheet_id)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _on_sheet_combo_activated(self, index: int) -> None:
        sheet_id = self.sheet_combo.itemData(index)
        if sheet_id and sheet_id != self.current_sheet_id:
            self.show_sheet(sheet_id)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear List", self._on_recent_clear_triggered)
        self.recent_menu.setEnabled(bool(paths))

    def _on_recent_clear_triggered(self) -> None:
        self.recent.clear()
        self._rebuild_recent_menu()

    def _on_view_cursor_moved(self, x: float, y: float) -> None:
        self.status.show_cursor(self.plan, x, y)

    def _update_title(self) -> None:
        state = " (read-only)" if self.session.read_only else ""
        self.setWindowTitle(f"{self.session.display_name}[*]{state} — {APP_NAME}")
        self.setWindowModified(self.bridge.is_modified())
        self.actions_by_id["save"].setEnabled(not self.session.read_only)
