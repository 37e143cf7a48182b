"""Questions the review session asks the user, as one replaceable object.

The session never builds dialogs itself; it asks these. Tests substitute scripted
answers here, at the process edge, and drive everything else for real.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from designreview.ui.dialogs.floors_dialog import FloorsDialog

if TYPE_CHECKING:
    from collections.abc import Sequence

Button = QMessageBox.StandardButton
REVIEW_FILTER = "designreview reviews (*.dreview)"
DRAWING_FILTER = (
    "DXF drawings and IFC models (*.dxf *.DXF *.ifc *.IFC);;"
    "DXF drawings (*.dxf *.DXF);;IFC models (*.ifc *.IFC)"
)
OPEN_FILTER = (
    "Reviews, drawings and models (*.dreview *.dxf *.DXF *.ifc *.IFC);;"
    + REVIEW_FILTER
    + ";;"
    + DRAWING_FILTER
    + ";;All files (*)"
)


class SaveChoice(Enum):
    """What to do with unsaved changes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class LockChoice(Enum):
    """What to do when someone else has the review open."""

    READ_ONLY = "read_only"
    COPY = "copy"
    TAKE_OVER = "take_over"
    CANCEL = "cancel"


class DiskChoice(Enum):
    """What to do when another program changed the open review on disk."""

    RELOAD = "reload"
    KEEP_MINE = "keep_mine"
    SAVE_AS = "save_as"


class Prompts:
    """The real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def unsaved_changes(self, title: str) -> SaveChoice:
        answer = QMessageBox.question(
            self._parent,
            "Unsaved changes",
            f"Save the changes to {title} before closing it?",
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        return {Button.Save: SaveChoice.SAVE, Button.Discard: SaveChoice.DISCARD}.get(
            answer, SaveChoice.CANCEL
        )

    def locked(self, name: str, holder: str) -> LockChoice:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Review in use",
            f"{name} is open by {holder}.",
            parent=self._parent,
        )
        box.setInformativeText(
            "Open it read-only, open a copy to save under another name, or take it "
            "over if you are sure the other person has finished."
        )
        read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton("Open a Copy", QMessageBox.ButtonRole.AcceptRole)
        take = box.addButton("Take Over…", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(Button.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is take:
            sure = QMessageBox.warning(
                self._parent,
                "Take over the review?",
                f"If {holder} is still working, one of you will lose changes. Take "
                "it over anyway?",
                Button.Yes | Button.No,
                Button.No,
            )
            return LockChoice.TAKE_OVER if sure == Button.Yes else LockChoice.CANCEL
        if clicked is read_only:
            return LockChoice.READ_ONLY
        return LockChoice.COPY if clicked is copy else LockChoice.CANCEL

    def changed_on_disk(self, name: str) -> DiskChoice:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Changed on disk",
            f"Another program changed {name} on disk.",
            parent=self._parent,
        )
        box.setInformativeText(
            "Reload it (your unsaved changes are dropped), keep "
            "your version, or save yours under another name."
        )
        reload_button = box.addButton("Reload", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Keep Mine", QMessageBox.ButtonRole.RejectRole)
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is reload_button:
            return DiskChoice.RELOAD
        return DiskChoice.SAVE_AS if clicked is save_as else DiskChoice.KEEP_MINE

    def save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent, "Save review as", str(suggested), REVIEW_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return (
            path if path.suffix.lower() == ".dreview" else path.with_suffix(".dreview")
        )

    def choose_item(
        self, title: str, label: str, items: list[str], current: int
    ) -> str | None:
        """One of ``items`` from a list, or None when cancelled."""
        item, ok = QInputDialog.getItem(
            self._parent, title, label, items, current, editable=False
        )
        return item if ok else None

    def ask_length(
        self, title: str, label: str, value_m: float, low_m: float, high_m: float
    ) -> float | None:
        """A length in metres between ``low_m`` and ``high_m``; None when cancelled."""
        value, ok = QInputDialog.getDouble(
            self._parent, title, label, value_m, low_m, high_m, 2
        )
        return float(value) if ok else None

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        """A line of text typed by the user, or None when cancelled."""
        answer, ok = QInputDialog.getText(self._parent, title, label, text=text)
        return answer if ok else None

    def split_drawing(
        self,
        drawing: str,
        parts: Sequence[tuple[str, str]],
        kind: str,
        checked: Sequence[bool] = (),
    ) -> list[tuple[int, str]] | None:
        """Which floors (or layouts) become sheets, renamed; None: one sheet for all.

        For an IFC model's storeys, ``checked`` says which are offered ticked
        (floors) and which unticked (foundation and roof levels).
        """
        dialog = FloorsDialog(drawing, parts, kind, self._parent, checked)
        if dialog.exec() != FloorsDialog.DialogCode.Accepted:
            return None
        return dialog.chosen() or None

    def export_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        """Where to write an export; the filter's first suffix is added if missing."""
        name, _ = QFileDialog.getSaveFileName(
            self._parent, title, str(suggested), file_filter
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suggested.suffix)

    def open_path(self, start: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Open review or drawing", str(start or ""), OPEN_FILTER
        )
        return Path(name) if name else None

    def review_paths(self, start: Path | None) -> list[Path]:
        """Other copies of the review to merge into this one (none: cancelled)."""
        names, _ = QFileDialog.getOpenFileNames(
            self._parent, "Merge review copies", str(start or ""), REVIEW_FILTER
        )
        return [Path(name) for name in names]

    def bcf_path(self, start: Path | None) -> Path | None:
        """A BCF file a BIM tool wrote back, to import; None when cancelled."""
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            "Import BCF from a BIM tool",
            str(start.parent if start else ""),
            "BCF files (*.bcf *.bcfzip);;All files (*)",
        )
        return Path(name) if name else None

    def drawing_path(self, start: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            "Add a drawing as a sheet",
            str(start or ""),
            DRAWING_FILTER + ";;All files (*)",
        )
        return Path(name) if name else None
