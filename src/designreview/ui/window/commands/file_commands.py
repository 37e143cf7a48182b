"""The File menu: open, add a sheet, close, save, the packet, exports, quit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt

from designreview.model.ids import ReviewId, new_id
from designreview.model.review import Review
from designreview.ui.dialogs.packet_dialog import PacketDialog

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext


def choose_and_open(ctx: WindowContext) -> None:
    """Ask for a review or a drawing and open it."""
    path = ctx.prompts().open_path(ctx.session.path)
    if path is not None:
        ctx.opener.open_path(path)


def open_sample(ctx: WindowContext) -> None:
    """The bundled sample school and its review, as an untitled copy."""
    ctx.opener.open_sample()


def choose_and_add_sheet(ctx: WindowContext) -> None:
    """Ask for a drawing and add it to the review as another sheet."""
    path = ctx.prompts().drawing_path(ctx.session.path)
    if path is not None:
        ctx.opener.add_sheet(path)


def close_review(ctx: WindowContext) -> bool:
    """Close the review (asking about unsaved changes); the window stays."""
    if not ctx.session.maybe_close():
        return False
    ctx.loader.cancel()
    ctx.session.start_untitled(
        Review(id=ReviewId(new_id())), "Untitled review", modified=False
    )
    return True


def save(ctx: WindowContext) -> bool:
    """Save the review where it is (asks for a name the first time)."""
    return ctx.session.save()


def save_as(ctx: WindowContext) -> bool:
    """Save the review under a new name and remember it among the recent files."""
    saved = ctx.session.save_as()
    if saved and ctx.session.path is not None:
        ctx.recent.add(ctx.session.path)
    return saved


def make_packet(ctx: WindowContext) -> None:
    """The packet dialog, once the review has a drawing to print."""
    if not ctx.bridge.review.sheets:
        ctx.report("Open a drawing first.", 4000)
        return
    dialog = PacketDialog(
        ctx.bridge, ctx.loader, default_packet_path(ctx.session.path), ctx.window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def default_packet_path(review_path: Path | None) -> Path:
    """Beside the review as ``<name>-packet.pdf``, else in the user's documents."""
    if review_path is not None:
        return review_path.with_name(f"{review_path.stem}-packet.pdf")
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(folder or Path.home()) / "review-packet.pdf"


def export_dxf(ctx: WindowContext) -> None:
    """The markups and findings alone, on REVIEW-* layers."""
    ctx.exporter.export_dxf(into_original=False)


def export_dxf_into_original(ctx: WindowContext) -> None:
    """A copy of the architect's drawing with the REVIEW-* layers added."""
    ctx.exporter.export_dxf(into_original=True)


def export_bcf(ctx: WindowContext) -> None:
    """A BCF topic per finding and comment."""
    ctx.exporter.export_bcf()


def export_csv(ctx: WindowContext) -> None:
    """Findings and markups as spreadsheets."""
    ctx.exporter.export_csv()


def quit_window(ctx: WindowContext) -> None:
    """Close the window, which asks about unsaved changes first."""
    ctx.window.close()
