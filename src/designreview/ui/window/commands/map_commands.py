"""Menu commands of the responder map: the map dialog and a sheet's true north."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt

from designreview.model.edits import ReplaceSheet
from designreview.ui.dialogs.responder_map_dialog import ResponderMapDialog

if TYPE_CHECKING:
    from designreview.ui.window.commands.context import WindowContext


def responder_map(ctx: WindowContext) -> None:
    """The responder map dialog, once the review has a drawing."""
    if not ctx.bridge.review.sheets:
        ctx.report("Open a drawing first.", 4000)
        return
    dialog = ResponderMapDialog(
        ctx.bridge, ctx.loader, default_map_path(ctx.session.path), ctx.window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ctx.window.responder_map_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()


def default_map_path(review_path: Path | None) -> Path:
    """Beside the review as ``<name>-responder-map.pdf``, else in the documents."""
    if review_path is not None:
        return review_path.with_name(f"{review_path.stem}-responder-map.pdf")
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(folder or Path.home()) / "responder-map.pdf"


def parse_bearing(text: str) -> float | None:
    """Degrees typed by the user ("12", "-8.5", "12°"), None for blank.

    Raises:
        ValueError: for text that is not an angle.
    """
    cleaned = text.strip().rstrip("°").strip()
    if not cleaned:
        return None
    value = float(cleaned)
    if not -360.0 <= value <= 360.0:
        raise ValueError(text)
    return value


def set_true_north(ctx: WindowContext) -> None:
    """Ask where true north lies on this sheet, clockwise from the plan's up."""
    sheet = ctx.sheets.sheet()
    if sheet is None:
        ctx.report("Open a drawing first.", 4000)
        return
    current = "" if sheet.true_north_deg is None else f"{sheet.true_north_deg:g}"
    answer = ctx.prompts().ask_text(
        f"True North — {sheet.name}",
        "Degrees clockwise from the plan's up to true north (blank: unknown):",
        current,
    )
    if answer is None:
        return
    try:
        value = parse_bearing(answer)
    except ValueError:
        ctx.report(
            f"“{answer}” is not an angle: type degrees clockwise, e.g. 12 or -8.5.",
            8000,
        )
        return
    if value == sheet.true_north_deg:
        return
    after = replace(sheet, true_north_deg=value)
    ctx.bridge.submit(ReplaceSheet(sheet, after, "Set true north"))
