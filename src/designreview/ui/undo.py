"""The only QUndoCommand: a thin adapter from model edits to Qt's undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from designreview.model.document import Document
    from designreview.model.edits import Edit


class EditCommand(QUndoCommand):
    """Applies a model edit on redo and its inverse on undo."""

    def __init__(self, doc: Document, edit: Edit, initiator: object = None) -> None:
        super().__init__(edit.label)
        self._doc, self._edit, self._initiator = doc, edit, initiator

    def redo(self) -> None:
        self._doc.apply(self._edit, self._initiator)

    def undo(self) -> None:
        self._doc.apply(self._edit.inverted(), self._initiator)
