"""The main window: assembles the canvas, the docks, the menus and the status bar."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
)

from designreview import __version__
from designreview.formats.dxf_import import read_dxf
from designreview.formats.sample import sample_plan_path
from designreview.model.errors import DesignReviewError
from designreview.model.units import format_length
from designreview.render.style import Theme
from designreview.ui import workers
from designreview.ui.actions import ACTIONS
from designreview.ui.canvas.scene import PlanScene
from designreview.ui.canvas.view import PlanView
from designreview.ui.docks.layers_dock import LayersDock
from designreview.ui.recent_files import RecentFiles

if TYPE_CHECKING:
    from designreview.model.plan import Plan

APP_NAME = "designreview"
DXF_FILTER = "DXF drawings (*.dxf *.DXF);;All files (*)"


class MainWindow(QMainWindow):
    """The review window around one plan canvas."""

    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.resize(1280, 820)
        self.setAcceptDrops(True)
        self.plan: Plan | None = None
        self.plan_path: Path | None = None
        self.last_error: str | None = None
        self.error_box: QMessageBox | None = None
        self._job: workers.Job | None = None
        self._theme = Theme.LIGHT
        self.recent = RecentFiles(settings)
        self.scene = PlanScene(self)
        self.view = PlanView(self.scene, self)
        self.setCentralWidget(self.view)
        self.layers_dock = LayersDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layers_dock)
        self.layers_dock.visibility_changed.connect(self.scene.set_layer_visible)
        self.actions_by_id: dict[str, QAction] = {}
        self._build_menus()
        self._build_status_bar()
        self.view.cursor_moved.connect(self._on_view_cursor_moved)
        self.view.zoom_changed.connect(self._on_view_zoom_changed)
        self._update_title()

    # -- opening drawings -------------------------------------------------------
    def open_path(self, path: Path) -> None:
        """Read ``path`` in the background; the current plan stays until it succeeds."""
        if self._job is not None:
            self._job.cancel()
        self.statusBar().showMessage(f"Opening {path.name}…")
        self._set_busy(True)
        self._job = workers.run(
            lambda cancel: read_dxf(path, cancelled=cancel.is_set),
            partial(self._on_plan_read, path),
            partial(self._on_plan_failed, path),
        )

    def is_busy(self) -> bool:
        return self._job is not None

    def choose_and_open(self) -> None:
        start = str(self.plan_path.parent) if self.plan_path else ""
        name, _ = QFileDialog.getOpenFileName(self, "Open drawing", start, DXF_FILTER)
        if name:
            self.open_path(Path(name))

    def open_sample(self) -> None:
        try:
            self.open_path(sample_plan_path())
        except DesignReviewError as exc:
            self.show_error("Sample school missing", str(exc))

    def cancel_open(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _on_plan_read(self, path: Path, plan: Plan) -> None:
        self._job = None
        self._set_busy(False)
        self.plan, self.plan_path = plan, path
        self.scene.set_plan(plan, self._theme)
        self.layers_dock.set_plan(plan)
        self.view.fit_to_drawing()
        if path.resolve() != _resolved_sample():
            self.recent.add(path)
        self._rebuild_recent_menu()
        self._units_label.setText(f"Units: {plan.units.name.lower()}")
        note = f" — {len(plan.warnings)} import notes" if plan.warnings else ""
        self.statusBar().showMessage(f"Opened {path.name}{note}", 8000)
        self._update_title()

    def _on_plan_failed(self, path: Path, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.statusBar().showMessage(f"Could not open {path.name}", 8000)
        self.show_error("Cannot open drawing", message)

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

    # -- drag and drop -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [
            Path(url.toLocalFile())
            for url in event.mimeData().urls()
            if url.isLocalFile()
        ]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- assembly ---------------------------------------------------------------
    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for spec in ACTIONS:
            menu = menus.get(spec.menu) or self.menuBar().addMenu(spec.menu)
            menus[spec.menu] = menu
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
            if spec.id == "quit":
                menu.addSeparator()
            menu.addAction(action)
            self.actions_by_id[spec.id] = action
            if spec.id == "open":
                self.recent_menu = menu.addMenu("Open &Recent")
        menus["&View"].addSeparator()
        menus["&View"].addAction(self.layers_dock.toggleViewAction())
        self._rebuild_recent_menu()

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

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self._progress = QProgressBar()
        self._progress.setRange(0, 0)
        self._progress.setMaximumWidth(160)
        self._cancel = QPushButton("Cancel")
        self._cancel.clicked.connect(self.cancel_open)
        self._coords_label = QLabel("")
        self._coords_label.setMinimumWidth(260)
        self._zoom_label = QLabel("")
        self._units_label = QLabel("")
        for widget in (
            self._progress,
            self._cancel,
            self._coords_label,
            self._zoom_label,
            self._units_label,
        ):
            bar.addPermanentWidget(widget)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self._progress.setVisible(busy)
        self._cancel.setVisible(busy)

    def _on_view_cursor_moved(self, x: float, y: float) -> None:
        self._coords_label.setText(self.coordinates_text(x, y))

    def coordinates_text(self, x: float, y: float) -> str:
        """Cursor position in the drawing's own coordinates, in its units."""
        if self.plan is None:
            return ""
        dx, dy = self.plan.to_drawing_m((x, y))
        imperial = self.plan.is_imperial
        return f"X {format_length(dx, imperial)}   Y {format_length(dy, imperial)}"

    def _on_view_zoom_changed(self, pixels_per_metre: float) -> None:
        # A 96 dpi screen shows 3780 px per metre at 1:1.
        ratio = 3779.5 / pixels_per_metre if pixels_per_metre > 0 else 0
        self._zoom_label.setText(f"Screen scale ≈ 1:{ratio:,.0f}")

    def _update_title(self) -> None:
        name = self.plan_path.name if self.plan_path else "no drawing"
        self.setWindowTitle(f"{name} — {APP_NAME}")


def _resolved_sample() -> Path | None:
    try:
        return sample_plan_path().resolve()
    except DesignReviewError:
        return None
