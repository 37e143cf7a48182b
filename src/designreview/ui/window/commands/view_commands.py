"""The View menu: zoom, viewsheds, meeting mode, stepping through notes and findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.render.style import Theme
from designreview.ui.window_theme import apply_window_theme

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext


def fit_to_drawing(ctx: WindowContext) -> None:
    """Show the whole drawing."""
    ctx.view.fit_to_drawing()


def zoom_in(ctx: WindowContext) -> None:
    """Zoom in at the centre of the view."""
    ctx.view.zoom_in()


def zoom_out(ctx: WindowContext) -> None:
    """Zoom out at the centre of the view."""
    ctx.view.zoom_out()


def set_viewsheds_visible(ctx: WindowContext, on: bool) -> None:
    """Show or hide what observers and cameras see."""
    ctx.live.set_visible(on)


def set_meeting_mode(ctx: WindowContext, on: bool) -> None:
    """Large marks for a projector, with the sheet's sensitive layers hidden."""
    ctx.meeting.set_active(on, ctx.sheets.sheet())


def next_comment(ctx: WindowContext) -> None:
    """Show the next comment of the sheet shown."""
    ctx.meeting.step(ctx.sheets.sheet_id, forward=True)


def previous_comment(ctx: WindowContext) -> None:
    """Show the previous comment of the sheet shown."""
    ctx.meeting.step(ctx.sheets.sheet_id, forward=False)


def next_finding(ctx: WindowContext) -> None:
    """Show the next finding."""
    ctx.findings.step(+1)


def previous_finding(ctx: WindowContext) -> None:
    """Show the previous finding."""
    ctx.findings.step(-1)


THEME_KEY = "view/theme"
"""Where the chosen theme is remembered between sessions."""


def set_dark_theme(ctx: WindowContext, dark: bool) -> None:
    """The whole window dark (plan, menus, docks, dialogs), or light again."""
    _toggle_theme(ctx, Theme.DARK, dark)


def set_high_contrast(ctx: WindowContext, on: bool) -> None:
    """Black on white with heavier lines, for a washed-out projector."""
    _toggle_theme(ctx, Theme.HIGH_CONTRAST, on)


def _toggle_theme(ctx: WindowContext, theme: Theme, on: bool) -> None:
    # Turning one theme off only returns to light if it is the one in use: the two
    # toggles exclude each other, and switching from one to the other turns the
    # first off after (or before) the second is on.
    if on:
        use_theme(ctx, theme)
    elif ctx.sheets.theme is theme:
        use_theme(ctx, Theme.LIGHT)


def use_theme(ctx: WindowContext, theme: Theme) -> None:
    """Show the plan and the window in ``theme``, and remember it."""
    ctx.sheets.set_theme(theme)
    apply_window_theme(theme)
    ctx.settings.setValue(THEME_KEY, theme.value)
