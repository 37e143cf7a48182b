"""The main window's menus, built from the actions table and bound to its commands."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from designreview.ui.window.actions import ACTIONS, ToggleSpec

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu

    from designreview.ui.window.commands.context import WindowContext


def build_menus(
    window: QMainWindow, undo_stack: QUndoStack, ctx: WindowContext
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Menus and actions for every row of ACTIONS, each running its command on ctx."""
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
        action.setShortcuts([QKeySequence(key) for key in spec.keys])
        action.setStatusTip(spec.tip)
        if isinstance(spec, ToggleSpec):
            action.setCheckable(True)
            action.toggled.connect(partial(spec.toggle, ctx))
        else:
            action.triggered.connect(lambda _checked=False, run=spec.run: run(ctx))
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
