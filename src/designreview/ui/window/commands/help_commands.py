"""The Help menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar

from designreview import __version__
from designreview.ui.dialogs.guide_dialog import GuideDialog
from designreview.ui.dialogs.shortcuts_dialog import ShortcutsDialog, shortcut_rows

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext


def show_about(ctx: WindowContext) -> None:
    """What designreview is for, and its version."""
    QMessageBox.about(
        ctx.window,
        "About designreview",
        f"<b>designreview {__version__}</b><p>Security design review of school "
        "floor plans, for architects, police, fire and EMS, and school staff, "
        "before the building is built.</p>",
    )


def show_shortcuts(ctx: WindowContext) -> None:
    """Every shortcut of the menus, the tools and the plan, in a searchable table."""
    window = ctx.window
    menus = [
        (menu.title(), action)
        for menu in window.menuBar().findChildren(QMenu)
        if menu.title()
        for action in menu.actions()
    ]
    tools = [
        action
        for bar in window.findChildren(QToolBar, "ToolsToolBar")
        for action in bar.actions()
    ]
    ShortcutsDialog(shortcut_rows(menus, tools), window).exec()


def show_quick_start(ctx: WindowContext) -> None:
    """The guide's walk through a first review of the sample school."""
    GuideDialog("quick-start", ctx.window).exec()


def show_guide(ctx: WindowContext) -> None:
    """The user guide shipped with the app."""
    GuideDialog("", ctx.window).exec()
