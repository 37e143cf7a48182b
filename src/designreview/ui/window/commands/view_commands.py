"""The View menu: zoom, viewsheds, meeting mode, stepping through notes and findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.render.style import Theme

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


def set_dark_theme(ctx: WindowContext, dark: bool) -> None:
    """Dark background for projectors, light otherwise."""
    ctx.sheets.set_theme(Theme.DARK if dark else Theme.LIGHT)
