"""The whole window in the plan's theme: menus, docks and dialogs, not the plan alone.

Qt's Fusion style follows the application palette everywhere, so one palette per
theme colours every widget alike. The plan's own colours come from
``render.style``; these are the window's around it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from designreview.render.style import Theme

Role = QPalette.ColorRole

_DARK = {
    Role.Window: (45, 47, 52),
    Role.WindowText: (225, 225, 218),
    Role.Base: (32, 34, 38),
    Role.AlternateBase: (45, 47, 52),
    Role.ToolTipBase: (60, 62, 68),
    Role.ToolTipText: (235, 235, 230),
    Role.Text: (225, 225, 218),
    Role.Button: (52, 54, 60),
    Role.ButtonText: (225, 225, 218),
    Role.BrightText: (255, 110, 110),
    Role.Highlight: (70, 130, 200),
    Role.HighlightedText: (255, 255, 255),
    Role.PlaceholderText: (150, 150, 150),
    Role.Link: (120, 180, 255),
}
_HIGH_CONTRAST = {
    Role.Window: (255, 255, 255),
    Role.WindowText: (0, 0, 0),
    Role.Base: (255, 255, 255),
    Role.AlternateBase: (235, 235, 235),
    Role.ToolTipBase: (255, 255, 200),
    Role.ToolTipText: (0, 0, 0),
    Role.Text: (0, 0, 0),
    Role.Button: (240, 240, 240),
    Role.ButtonText: (0, 0, 0),
    Role.BrightText: (200, 0, 0),
    Role.Highlight: (0, 0, 0),
    Role.HighlightedText: (255, 255, 0),
    Role.PlaceholderText: (70, 70, 70),
    Role.Link: (0, 0, 200),
}


def window_palette(theme: Theme) -> QPalette:
    """The palette of every widget in ``theme`` (light: the style's own)."""
    palette = QStyleFactory.create("Fusion").standardPalette()
    colours = {Theme.DARK: _DARK, Theme.HIGH_CONTRAST: _HIGH_CONTRAST}.get(theme, {})
    for role, rgb in colours.items():
        palette.setColor(role, QColor(*rgb))
    if theme is Theme.DARK:  # greyed-out entries must stay readable on dark
        disabled = QPalette.ColorGroup.Disabled
        for role in (Role.WindowText, Role.Text, Role.ButtonText):
            palette.setColor(disabled, role, QColor(125, 125, 125))
    return palette


def apply_window_theme(theme: Theme) -> None:
    """Colour the running application's widgets for ``theme``."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.setStyle("Fusion")
    app.setPalette(window_palette(theme))
