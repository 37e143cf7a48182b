"""The main window: assembles canvas, docks, toolbars, menus and status bar.

The menus' commands are functions in ui/commands/ of the WindowContext built here;
the window itself only wires its parts together and answers the window's own events.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QUndoView

from designreview.model.edits import ReplaceSheet
from designreview.model.ids import ReviewId, SheetId, new_id
from designreview.model.review import Review
from designreview.render.style import Theme
from designreview.ui.canvas.label_layout import LabelArranger
from designreview.ui.canvas.scene import PlanScene
from designreview.ui.canvas.view import PlanView
from designreview.ui.dialogs.prompts import Prompts
from designreview.ui.docks.import_dock import ImportDock
from designreview.ui.docks.layers_dock import LayersDock
from designreview.ui.docks.legend_dock import LegendDock
from designreview.ui.docks.markups_dock import MarkupsDock
from designreview.ui.docks.properties_dock import PropertiesDock
from designreview.ui.presenters.changes_presenter import ChangesPresenter
from designreview.ui.presenters.findings_presenter import FindingsPresenter
from designreview.ui.presenters.live_visibility import LiveVisibility
from designreview.ui.presenters.lockdown_presenter import LockdownPresenter
from designreview.ui.presenters.sheet_presenter import SheetPresenter
from designreview.ui.selection import Selection
from designreview.ui.session.document_bridge import DocumentBridge
from designreview.ui.session.exporter import Exporter
from designreview.ui.session.opener import Opener
from designreview.ui.session.plan_loader import PlanLoader
from designreview.ui.session.recent_files import RecentFiles
from designreview.ui.session.review_session import ReviewSession
from designreview.ui.tools.base import ToolContext
from designreview.ui.tools.tool_set import make_tools
from designreview.ui.window.commands import review_commands, view_commands
from designreview.ui.window.commands.context import WindowContext
from designreview.ui.window.meeting_mode import MeetingMode
from designreview.ui.window.menus import build_menus
from designreview.ui.window.plan_menu import PlanMenu
from designreview.ui.window.presenter_chrome import PresenterChrome
from designreview.ui.window.recent_menu import RecentMenu
from designreview.ui.window.reviewer_bar import ReviewerBar
from designreview.ui.window.status_bar import PlanStatusBar
from designreview.ui.window.tool_bar import ToolsToolBar

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
        self.settings = settings
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
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent = RecentMenu(self.recent_menu, RecentFiles(settings))
        self.context = self._command_context()
        self.actions_by_id, self.menus = build_menus(
            self, self.bridge.undo_stack, self.context
        )
        self._build_bars()
        self.plan_menu = PlanMenu(
            self.context, self.actions_by_id, self._show_properties
        )
        self.presenter = PresenterChrome(
            self, self.status, self.findings_dock, self._leave_meeting
        )
        self.meeting.toggled.connect(self.presenter.set_active)
        self._themes = QActionGroup(self)
        self._themes.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for key in ("dark_theme", "high_contrast"):
            self._themes.addAction(self.actions_by_id[key])
        self._connect()
        self._restore_theme()
        self.actions_by_id["viewsheds"].setChecked(True)
        self._update_title()

    def _restore_theme(self) -> None:
        """The theme chosen last time, as if chosen again now."""
        saved = str(self.settings.value(view_commands.THEME_KEY, Theme.LIGHT.value))
        action = {
            Theme.DARK.value: "dark_theme",
            Theme.HIGH_CONTRAST.value: "high_contrast",
        }.get(saved)
        if action is not None:
            self.actions_by_id[action].setChecked(True)

    def _leave_meeting(self) -> None:
        self.actions_by_id["meeting_mode"].setChecked(False)
        view_commands.set_meeting_mode(self.context, False)  # when set directly

    def _show_legend(self) -> None:
        """The legend of what the plan shows now: marks, areas, findings' severities."""
        runner = self.findings.runner
        severities = {f.severity for f in runner.result.findings}
        self.legend_dock.show_legend(self.bridge.review, severities, self.sheets.theme)

    def _show_properties(self) -> None:
        self.properties_dock.show()
        self.properties_dock.raise_()

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
        self.labels = LabelArranger(self.view, self.findings.overlay.marker, self)
        self.scene.markup_layer.on_changed = self.labels.schedule
        self.findings.dock.finding_selected.connect(lambda _f: self.labels.schedule())
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
            clear_finding=self.findings.deselect,
        )
        self.canvas_tools = make_tools(self.tool_context)

    def _command_context(self) -> WindowContext:
        return WindowContext(
            window=self,
            bridge=self.bridge,
            session=self.session,
            prompts=lambda: self.prompts,
            loader=self.loader,
            sheets=self.sheets,
            scene=self.scene,
            view=self.view,
            selection=self.selection,
            tools=self.canvas_tools,
            status=self.status,
            opener=self.opener,
            exporter=self.exporter,
            findings=self.findings,
            meeting=self.meeting,
            live=self.live,
            recent=self.recent,
            settings=self.settings,
        )

    def _build_bars(self) -> None:
        self.menus["&File"].insertMenu(
            self.actions_by_id["add_sheet"], self.recent_menu
        )
        self.recent.open_requested.connect(self.open_path)
        self.opener.recent = self.recent
        sheet_bar = self.sheets.toolbar(self)
        sheet_bar.addAction(self.actions_by_id["add_sheet"])
        self.addToolBar(sheet_bar)
        self.sheet_combo = self.sheets.combo
        self.reviewer_bar = ReviewerBar(self.bridge, self)
        self.addToolBar(self.reviewer_bar)
        self.tools_bar = ToolsToolBar(self.view, self.canvas_tools, self)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.tools_bar)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.properties_dock = PropertiesDock(
            self.bridge, self.selection, self, self.tool_context.detected.of
        )
        self.addDockWidget(right, self.properties_dock)
        self.markups_dock = MarkupsDock(self.bridge, self.selection, self)
        self.addDockWidget(right, self.markups_dock)
        self.markups_dock.zoom_requested.connect(self.meeting.show_markup)
        self.findings.dock.plan_of = self._plan_of_sheet
        self.findings.dock.subject_chosen.connect(self._select_subject)
        self.findings.dock.export_requested.connect(self.exporter.export_findings_csv)
        self.findings_dock = self.findings.dock
        self.addDockWidget(right, self.findings_dock)
        self.lockdown = LockdownPresenter(
            self.bridge,
            self.scene,
            self.sheets,
            self.status,
            self,
            self.findings.runner.indexes,
        )
        self.lockdown_dock = self.lockdown.dock
        self.addDockWidget(right, self.lockdown_dock)
        self.changes = ChangesPresenter(
            self.bridge, self.scene, self.view, self.sheets, self.status, self
        )
        self.changes_dock = self.changes.dock
        self.addDockWidget(right, self.changes_dock)
        self.legend_dock = LegendDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.legend_dock)
        self.tabifyDockWidget(self.import_dock, self.legend_dock)
        self.layers_dock.raise_()
        self.history_dock = QDockWidget("History", self)
        self.history_dock.setObjectName("HistoryDock")
        self.history_dock.setWidget(QUndoView(self.bridge.undo_stack))
        self.addDockWidget(right, self.history_dock)
        self.tabifyDockWidget(self.markups_dock, self.findings_dock)
        self.tabifyDockWidget(self.findings_dock, self.lockdown_dock)
        self.tabifyDockWidget(self.lockdown_dock, self.changes_dock)
        self.tabifyDockWidget(self.changes_dock, self.history_dock)
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
            self.legend_dock,
            self.properties_dock,
            self.markups_dock,
            self.findings_dock,
            self.lockdown_dock,
            self.changes_dock,
            self.history_dock,
        )
        for dock in docks:
            view_menu.addAction(dock.toggleViewAction())

    def _connect(self) -> None:
        ctx = self.context
        self.import_dock.layers_requested.connect(
            lambda: review_commands.edit_layer_roles(ctx)
        )
        self.import_dock.units_requested.connect(
            lambda: review_commands.edit_units(ctx)
        )
        self.reviewer_bar.manage_requested.connect(
            lambda: review_commands.edit_reviewers(ctx)
        )
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
        runner = self.findings.runner
        runner.failed.connect(partial(self.show_error, "Checks could not run"))
        runner.busy_changed.connect(self.status.checks.set_busy)
        runner.progress_changed.connect(self.status.checks.set_progress)
        self.status.checks.cancel_requested.connect(runner.cancel)
        self.sheets.sheet_changed.connect(lambda _id: self.selection.clear(self))
        self.sheets.failed.connect(partial(self.show_error, "Cannot show sheet"))
        self.session.state_changed.connect(self._update_title)
        self.session.review_loaded.connect(self.findings.clear)
        self.session.review_loaded.connect(self.sheets.show_first)
        self.bridge.changed.connect(self._on_bridge_changed)
        self.selection.changed.connect(self._on_selection_changed)
        self.bridge.changed.connect(lambda _changes, _by: self._show_legend())
        runner.finished.connect(lambda _result: self._show_legend())
        self.sheets.plan_shown.connect(lambda _plan: self._show_legend())

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
        # A corrected room whose correction is undone is a detected room again:
        # it stays selected, as its stand-in.
        gone = set(changes.removed) - set(self.tool_context.detected.all())
        if gone & set(self.selection.ids):
            self.selection.discard(tuple(gone))
        self._show_stand_ins()
        if changes.sheets or changes.everything:
            self.meeting.apply_sensitive_layers(self.sheets.sheet())
            self.layers_dock.set_sensitive(self._sensitive_layers())

    def _on_selection_changed(self, ids: tuple[str, ...], _initiator: object) -> None:
        self.scene.markup_layer.highlight(ids, self.bridge.review)
        self._show_stand_ins()

    def _show_stand_ins(self) -> None:
        rooms = self.tool_context.detected.of(self.selection.ids)
        self.scene.markup_layer.show_stand_ins(rooms, self.bridge.review)

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

    def add_sheet(self, path: Path) -> None:
        self.opener.add_sheet(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.maybe_close():
            self.loader.cancel()
            self.findings.runner.cancel()
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

    def _plan_of_sheet(self, sheet_id: str) -> Plan | None:
        """The loaded plan of a sheet, if any (the findings dock names doors by it)."""
        sheet = self.bridge.review.sheet(SheetId(sheet_id))
        return self.loader.cached(sheet) if sheet is not None else None

    def _select_subject(self, markup_id: str) -> None:
        """Select a finding's subject on the plan and bring it into view."""
        self.selection.set((markup_id,), initiator=self)
        self.meeting.show_markup(markup_id)

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
