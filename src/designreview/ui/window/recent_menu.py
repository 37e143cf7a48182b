"""The File menu's Open Recent: the recent files as actions, and Clear List."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from designreview.ui.session.recent_files import RecentFiles


class RecentMenu(QObject):
    """Open Recent: most recent first, and a way to clear the list."""

    open_requested = Signal(Path)

    def __init__(self, menu: QMenu, recent: RecentFiles) -> None:
        super().__init__(menu)
        self.menu, self.recent = menu, recent
        self.rebuild()

    def add(self, path: Path) -> None:
        self.recent.add(path)
        self.rebuild()

    def rebuild(self) -> None:
        self.menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.menu.addAction(path.name)
            action.setStatusTip(str(path))
            action.triggered.connect(
                lambda _checked=False, p=path: self.open_requested.emit(p)
            )
        if paths:
            self.menu.addSeparator()
            self.menu.addAction("Clear List", self._on_clear_triggered)
        self.menu.setEnabled(bool(paths))

    def _on_clear_triggered(self) -> None:
        self.recent.clear()
        self.rebuild()
