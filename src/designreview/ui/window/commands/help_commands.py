"""The Help menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from designreview import __version__

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
