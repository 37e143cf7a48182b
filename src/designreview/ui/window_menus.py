"""The main window's menus, built from the actions table, and the recent-files menu."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from designreview.ui.actions import ACTIONS

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu

    from designreview.ui.recent_files import RecentFiles


def build_menus(
    window: QMainWindow, undo_stack: QUndoStack
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Menus and actions for every row of ACTIONS; slots are the window's methods."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in ACTIONS:
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
            if spec.menu == "&Edit":
                _add_undo_redo(menus[spec.menu], window, undo_stack, actions)
        menu = menus[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.id}")
        action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        slot = getattr(window, spec.slot)
        if spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, s=slot: s())
        menu.addAction(action)
        actions[spec.id] = action
    return actions, menus


def _add_undo_redo(
    menu: QMenu, window: QMainWindow, stack: QUndoStack, actions: dict[str, QAction]
) -> None:
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.StandardKey.Redo)
    menu.addActions([undo, redo])
    menu.addSeparator()
    actions.update(undo=undo, redo=redo)


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
