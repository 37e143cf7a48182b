"""The main window: assembles canvas, docks, toolbars, menus and status bar.

Its methods are the menus' commands; each hands the work to the part that does it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QUndoView

from designreview import __version__
from designreview.model.edits import (
    ReplaceSheet,
)
from designreview.model.ids import ReviewId, new_id
from designreview.model.review import Review
from designreview.render.style import Theme
from designreview.ui.canvas.scene import PlanScene
from designreview.ui.canvas.view import PlanView
from designreview.ui.dialogs.check_settings_dialog import CheckSettingsDialog
from designreview.ui.dialogs.layer_roles_dialog import LayerRolesDialog
from designreview.ui.dialogs.packet_dialog import PacketDialog
from designreview.ui.dialogs.prompts import Prompts
from designreview.ui.dialogs.reviewers_dialog import ReviewersDialog
from designreview.ui.dialogs.units_dialog import UnitsDialog
from designreview.ui.docks.import_dock import ImportDock
from designreview.ui.docks.layers_dock import LayersDock
from designreview.ui.docks.markups_dock import MarkupsDock
from designreview.ui.docks.properties_dock import PropertiesDock
from designreview.ui.document_bridge import DocumentBridge
from designreview.ui.exporter import Exporter
from designreview.ui.findings_presenter import FindingsPresenter
from designreview.ui.live_visibility import LiveVisibility
from designreview.ui.meeting_mode import MeetingMode
from designreview.ui.opener import Opener
from designreview.ui.plan_loader import PlanLoader
from designreview.ui.recent_files import RecentFiles
from designreview.ui.review_session import ReviewSession
from designreview.ui.reviewer_bar import ReviewerBar
from designreview.ui.selection import Selection
from designreview.ui.sheet_presenter import SheetPresenter
from designreview.ui.status_bar import PlanStatusBar
from designreview.ui.tool_bar import ToolsToolBar
from designreview.ui.tools.base import ToolContext
from designreview.ui.tools.space_commands import merge_selected_spaces
from designreview.ui.window_menus import RecentMenu, build_menus

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from designreview.analysis.snapping import SnapKind
    from designreview.model.changes import ChangeSet
    from designreview.model.plan import Plan

APP_NAME = "designreview"


class MainWindow(QMainWindow):
    """The review window: one review, one sheet shown at a time."""

    def __init__(self, settings: QSettings, autosave_dir: Path) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.resize(1280, 820)
        self.setAcceptDrops(True)
        self.last_error: str | None = None
        self.error_box: QMessageBox | None = None
        self.bridge = DocumentBridge(Review(id=ReviewId(new_id())), parent=self)
        self.prompts = Prompts(self)
        autosave_s = int(str(settings.value("autosave_interval_s", 60)))
        self.session = ReviewSession(
            self.bridge, self.prompts, autosave_dir, self.show_error, autosave_s, self
        )
        self.selection = Selection(self)
        self._build_canvas()
        self.actions_by_id, self.menus = build_menus(self, self.bridge.undo_stack)
        self._build_bars(settings)
        self._connect()
        self.actions_by_id["viewsheds"].setChecked(True)
        self._update_title()

    # -- assembly -------------------------------------------------------------------
    def _build_canvas(self) -> None:
        self.loader = PlanLoader(self)
        self.scene = PlanScene(self)
        self.view = PlanView(self.scene, self)
        self.setCentralWidget(self.view)
        self.layers_dock = LayersDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layers_dock)
        self.import_dock = ImportDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.import_dock)
        self.tabifyDockWidget(self.layers_dock, self.import_dock)
        self.layers_dock.raise_()
        self.import_dock.layers_requested.connect(lambda: self.edit_layer_roles())
        self.import_dock.units_requested.connect(lambda: self.edit_units())
        self.status = PlanStatusBar(self)
        self.setStatusBar(self.status)
        self.sheets = SheetPresenter(
            self.bridge, self.loader, self.scene, self.view, self.layers_dock, self
        )
        self.live = LiveVisibility(
            self.bridge, self.scene, self, report=lambda t: self.status.showMessage(t)
        )
        self.findings = FindingsPresenter(
            self.bridge,
            self.loader,
            self.scene,
            self.view,
            self.sheets,
            self.status,
            self,
        )
        self.opener = Opener(
            self.session, self.loader, self.sheets, self.status, self.show_error, self
        )
        self.meeting = MeetingMode(
            self, self.scene, self.view, self.bridge, self.selection
        )
        self.exporter = Exporter(
            self.bridge,
            self.loader,
            prompts=lambda: self.prompts,
            review_path=lambda: self.session.path,
            sheet_id=lambda: self.sheets.sheet_id,
            report=lambda text: self.status.showMessage(text, 10_000),
            show_error=self.show_error,
            parent=self,
        )
        self.tool_context = ToolContext(
            self.bridge,
            self.selection,
            self.scene,
            self.view,
            sheet_id=lambda: self.sheets.sheet_id,
            plan=lambda: self.sheets.plan,
            hint=lambda text: self.status.showMessage(text),
            line_is_clear=self.live.line_is_clear,
            preview=self.live.preview,
        )

    def _build_bars(self, settings: QSettings) -> None:
        file_menu = self.menus["&File"]
        recent = QMenu("Open &Recent", file_menu)
        file_menu.insertMenu(self.actions_by_id["add_sheet"], recent)
        self.recent = RecentMenu(recent, RecentFiles(settings))
        self.recent.open_requested.connect(self.open_path)
        self.recent_menu = recent
        self.opener.recent = self.recent
        sheet_bar = self.sheets.toolbar(self)
        sheet_bar.addAction(self.actions_by_id["add_sheet"])
        self.addToolBar(sheet_bar)
        self.sheet_combo = self.sheets.combo
        self.reviewer_bar = ReviewerBar(self.bridge, self)
        self.reviewer_bar.manage_requested.connect(self.edit_reviewers)
        self.addToolBar(self.reviewer_bar)
        self.tools_bar = ToolsToolBar(self.view, self.tool_context, self)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.tools_bar)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.properties_dock = PropertiesDock(self.bridge, self.selection, self)
        self.addDockWidget(right, self.properties_dock)
        self.markups_dock = MarkupsDock(self.bridge, self.selection, self)
        self.addDockWidget(right, self.markups_dock)
        self.markups_dock.zoom_requested.connect(self.meeting.show_markup)
        self.findings_dock = self.findings.dock
        self.addDockWidget(right, self.findings_dock)
        self.history_dock = QDockWidget("History", self)
        self.history_dock.setObjectName("HistoryDock")
        self.history_dock.setWidget(QUndoView(self.bridge.undo_stack))
        self.tabifyDockWidget(self.markups_dock, self.findings_dock)
        self.tabifyDockWidget(self.findings_dock, self.history_dock)
        self.markups_dock.raise_()
        # Properties on top with room for a door's nine fields; the list below.
        self.resizeDocks(
            [self.properties_dock, self.markups_dock],
            [470, 330],
            Qt.Orientation.Vertical,
        )
        self.resizeDocks([self.properties_dock], [380], Qt.Orientation.Horizontal)
        view_menu = self.menus["&View"]
        view_menu.addSeparator()
        docks = (
            self.layers_dock,
            self.import_dock,
            self.properties_dock,
            self.markups_dock,
            self.findings_dock,
            self.history_dock,
        )
        for dock in docks:
            view_menu.addAction(dock.toggleViewAction())

    def _connect(self) -> None:
        self.layers_dock.visibility_changed.connect(self.scene.set_layer_visible)
        self.layers_dock.sensitive_changed.connect(self._on_layers_sensitive_changed)
        self.view.cursor_moved.connect(
            lambda x, y: self.status.show_cursor(self.plan, x, y)
        )
        self.view.zoom_changed.connect(self.status.show_zoom)
        self.loader.busy_changed.connect(self.status.set_busy)
        self.loader.progress_changed.connect(self.status.set_progress)
        self.status.cancel_requested.connect(self.loader.cancel)
        self.status.snapping_changed.connect(self._on_status_snapping_changed)
        self.sheets.plan_shown.connect(self._on_sheets_plan_shown)
        self.findings.runner.failed.connect(
            partial(self.show_error, "Checks could not run")
        )
        self.sheets.sheet_changed.connect(lambda _id: self.selection.clear(self))
        self.sheets.failed.connect(partial(self.show_error, "Cannot show sheet"))
        self.session.state_changed.connect(self._update_title)
        self.session.review_loaded.connect(self.sheets.show_first)
        self.bridge.changed.connect(self._on_bridge_changed)
        self.selection.changed.connect(
            lambda ids, _i: self.scene.markup_layer.highlight(ids, self.bridge.review)
        )

    # -- what is shown ----------------------------------------------------------------
    @property
    def plan(self) -> Plan | None:
        return self.sheets.plan

    @property
    def current_sheet_id(self) -> str | None:
        return self.sheets.sheet_id

    def is_busy(self) -> bool:
        return self.loader.is_busy()

    def _on_bridge_changed(self, changes: ChangeSet, _initiator: object) -> None:
        self.sheets.follow(changes)
        self.live.follow(changes)
        if set(changes.removed) & set(self.selection.ids):
            self.selection.discard(changes.removed)
        if changes.sheets or changes.everything:
            self.meeting.apply_sensitive_layers(self.sheets.sheet())
            self.layers_dock.set_sensitive(self._sensitive_layers())

    def _on_sheets_plan_shown(self, plan: Plan | None) -> None:
        self.live.set_plan(plan, self.sheets.sheet_id)
        self.import_dock.show_plan(plan)
        if plan is not None:
            self.status.show_plan(plan)
            self.properties_dock.set_imperial(plan.is_imperial)
            self.layers_dock.set_sensitive(self._sensitive_layers())
            self.meeting.apply_sensitive_layers(self.sheets.sheet())
        self._update_title()

    def _sensitive_layers(self) -> tuple[str, ...]:
        sheet = self.sheets.sheet()
        return sheet.sensitive_layers if sheet else ()

    def _on_layers_sensitive_changed(self, layer: str, sensitive: bool) -> None:
        sheet = self.sheets.sheet()
        if sheet is None:
            return
        layers = [name for name in sheet.sensitive_layers if name != layer]
        if sensitive:
            layers.append(layer)
        after = replace(sheet, sensitive_layers=tuple(layers))
        verb = "Mark" if sensitive else "Unmark"
        self.bridge.submit(ReplaceSheet(sheet, after, f"{verb} {layer} as sensitive"))

    def _on_status_snapping_changed(self, on: bool, kinds: frozenset[SnapKind]) -> None:
        self.tool_context.snapping = on
        self.tool_context.snap_kinds = kinds

    # -- opening ----------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        self.opener.open_path(path)

    def choose_and_open(self) -> None:
        path = self.prompts.open_path(self.session.path)
        if path is not None:
            self.opener.open_path(path)

    def open_sample(self) -> None:
        self.opener.open_sample()

    def choose_and_add_sheet(self) -> None:
        path = self.prompts.drawing_path(self.session.path)
        if path is not None:
            self.opener.add_sheet(path)

    def add_sheet(self, path: Path) -> None:
        self.opener.add_sheet(path)

    # -- review commands ----------------------------------------------------------
    def close_review(self) -> bool:
        """Close the review (asking about unsaved changes); the window stays."""
        if not self.session.maybe_close():
            return False
        self.loader.cancel()
        self.session.start_untitled(
            Review(id=ReviewId(new_id())), "Untitled review", modified=False
        )
        return True

    def save(self) -> bool:
        return self.session.save()

    def save_as(self) -> bool:
        saved = self.session.save_as()
        if saved and self.session.path is not None:
            self.recent.add(self.session.path)
        return saved

    def export_dxf(self) -> None:
        self.exporter.export_dxf(into_original=False)

    def export_dxf_into_original(self) -> None:
        self.exporter.export_dxf(into_original=True)

    def export_bcf(self) -> None:
        self.exporter.export_bcf()

    def export_csv(self) -> None:
        self.exporter.export_csv()

    def make_packet(self) -> None:
        if not self.bridge.review.sheets:
            self.status.showMessage("Open a drawing first.", 4000)
            return
        dialog = PacketDialog(
            self.bridge, self.loader, self._default_packet_path(), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def _default_packet_path(self) -> Path:
        review_path = self.session.path
        if review_path is not None:
            return review_path.with_name(f"{review_path.stem}-packet.pdf")
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(folder or Path.home()) / "review-packet.pdf"

    def edit_reviewers(self) -> None:
        ReviewersDialog(self.bridge, self).exec()

    def delete_selected(self) -> None:
        self.tools_bar.tools["select"].delete_selected()  # type: ignore[attr-defined]

    def merge_selected_spaces(self) -> None:
        problem = merge_selected_spaces(self.bridge, self.selection)
        if problem is not None:
            self.status.showMessage(problem, 6000)

    def select_all_markups(self) -> None:
        self.selection.set(tuple(self.scene.markup_layer.items), initiator=self)

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

    # -- view commands ------------------------------------------------------------
    def fit_to_drawing(self) -> None:
        self.view.fit_to_drawing()

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def set_dark_theme(self, dark: bool) -> None:
        self.sheets.set_theme(Theme.DARK if dark else Theme.LIGHT)

    # -- findings -------------------------------------------------------------------
    def run_checks(self) -> None:
        self.findings.runner.run_now()

    def edit_layer_roles(self) -> None:
        sheet, plan = self.sheets.sheet(), self.sheets.plan
        if sheet is None or plan is None:
            self.status.showMessage("Open a drawing first.", 4000)
            return
        dialog = LayerRolesDialog(self.bridge, sheet, plan, self)
        dialog.layer_highlighted.connect(self.scene.highlight_layer)
        dialog.exec()
        self.scene.highlight_layer(None)

    def edit_units(self) -> None:
        sheet, plan = self.sheets.sheet(), self.sheets.plan
        if sheet is None or plan is None:
            self.status.showMessage("Open a drawing first.", 4000)
            return
        measured_m = self.tools_bar.tools["measure"].measured_m()  # type: ignore[attr-defined]
        measured_units = None if measured_m is None else measured_m / plan.scale_to_m
        UnitsDialog(self.bridge, sheet, plan, measured_units, parent=self).exec()

    def choose_layout(self) -> None:
        sheet, plan = self.sheets.sheet(), self.sheets.plan
        if sheet is None or plan is None:
            self.status.showMessage("Open a drawing first.", 4000)
            return
        if not plan.layouts and sheet.layout is None:
            self.status.showMessage("This drawing has only model space.", 6000)
            return
        model = "Model space"
        names = [model, *plan.layouts]
        if sheet.layout is not None and sheet.layout not in names:
            names.append(sheet.layout)
        current = names.index(sheet.layout) if sheet.layout else 0
        chosen = self.prompts.choose_item(
            f"Layout — {sheet.name}", "Read the drawing from:", names, current
        )
        if chosen is None:
            return
        layout = None if chosen == model else chosen
        if layout != sheet.layout:
            self.bridge.submit(
                ReplaceSheet(
                    sheet, replace(sheet, layout=layout), f"Layout of {sheet.name}"
                )
            )

    def edit_check_settings(self) -> None:
        CheckSettingsDialog(self.bridge, self).exec()

    def next_finding(self) -> None:
        self.findings.step(+1)

    def previous_finding(self) -> None:
        self.findings.step(-1)

    def set_viewsheds_visible(self, on: bool) -> None:
        self.live.set_visible(on)

    def set_meeting_mode(self, on: bool) -> None:
        self.meeting.set_active(on, self.sheets.sheet())

    def next_comment(self) -> None:
        self.meeting.step(self.sheets.sheet_id, forward=True)

    def previous_comment(self) -> None:
        self.meeting.step(self.sheets.sheet_id, forward=False)

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

    def _update_title(self) -> None:
        state = " (read-only)" if self.session.read_only else ""
        self.setWindowTitle(f"{self.session.display_name}[*]{state} — {APP_NAME}")
        self.setWindowModified(self.bridge.is_modified())
        self.actions_by_id["save"].setEnabled(not self.session.read_only)
