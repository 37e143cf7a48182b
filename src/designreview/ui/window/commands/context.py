"""What a menu command may use: the parts of the window it hands the work to.

Commands are plain functions of this context instead of methods of the window, so
mypy checks every name they use: renaming a part, or a command the actions table
names, fails the type check instead of a menu at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from designreview.ui.canvas.scene import PlanScene
from designreview.ui.canvas.view import PlanView
from designreview.ui.dialogs.prompts import Prompts
from designreview.ui.presenters.findings_presenter import FindingsPresenter
from designreview.ui.presenters.live_visibility import LiveVisibility
from designreview.ui.presenters.sheet_presenter import SheetPresenter
from designreview.ui.selection import Selection
from designreview.ui.session.document_bridge import DocumentBridge
from designreview.ui.session.exporter import Exporter
from designreview.ui.session.opener import Opener
from designreview.ui.session.plan_loader import PlanLoader
from designreview.ui.session.review_session import ReviewSession
from designreview.ui.tools.tool_set import CanvasTools
from designreview.ui.window.meeting_mode import MeetingMode
from designreview.ui.window.recent_menu import RecentMenu
from designreview.ui.window.status_bar import PlanStatusBar


@dataclass(frozen=True, slots=True)
class WindowContext:
    """The review, the sheet shown, the canvas and the window's helpers."""

    window: QMainWindow
    """Parent of the commands' dialogs; closing it quits."""
    bridge: DocumentBridge
    session: ReviewSession
    prompts: Callable[[], Prompts]
    """The window's questions to the user, asked for when needed (tests script them)."""
    loader: PlanLoader
    sheets: SheetPresenter
    scene: PlanScene
    view: PlanView
    selection: Selection
    tools: CanvasTools
    status: PlanStatusBar
    opener: Opener
    exporter: Exporter
    findings: FindingsPresenter
    meeting: MeetingMode
    live: LiveVisibility
    recent: RecentMenu
    settings: QSettings
    """The user's settings (theme, recent files), kept between sessions."""

    def report(self, text: str, timeout_ms: int) -> None:
        """A short message in the status bar, such as why a command did nothing."""
        self.status.showMessage(text, timeout_ms)
