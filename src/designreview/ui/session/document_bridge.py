"""Owns the Document and the undo stack; re-emits every change as one Qt signal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from designreview.model.document import Document
from designreview.ui.undo import EditCommand

if TYPE_CHECKING:
    from designreview.model.changes import ChangeSet
    from designreview.model.edits import Edit
    from designreview.model.ids import ReviewerId
    from designreview.model.review import Review


class DocumentBridge(QObject):
    """Widgets call :meth:`submit`; they never touch the model."""

    changed = Signal(object, object)  # ChangeSet, initiator
    edited = Signal()  # any change since the last autosave or save
    modified_changed = Signal()  # is_modified() may have a new answer

    def __init__(
        self,
        review: Review,
        reviewer_id: ReviewerId | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = Document(review, reviewer_id)
        self.undo_stack = QUndoStack(self)
        self.document.subscribe(self._on_document_changed)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self._edits_since_autosave = 0

    @property
    def review(self) -> Review:
        return self.document.review

    def submit(self, edit: Edit, initiator: object = None) -> None:
        """Apply ``edit`` as one undoable step."""
        self.undo_stack.push(EditCommand(self.document, edit, initiator))

    def replace_review(self, review: Review, modified: bool = False) -> None:
        """Swap in another review (opened, restored, reloaded); forget undo history."""
        self.undo_stack.clear()
        self.document.replace_review(review)
        self.set_modified(modified)
        self._edits_since_autosave = 1 if modified else 0

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean() or self._forced_dirty

    def set_modified(self, modified: bool) -> None:
        self._forced_dirty = modified
        if not modified:
            self.undo_stack.setClean()
        self.modified_changed.emit()

    def needs_autosave(self) -> bool:
        return self.is_modified() and self._edits_since_autosave > 0

    def mark_autosaved(self) -> None:
        self._edits_since_autosave = 0

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self.modified_changed.emit()

    def _on_document_changed(self, changes: ChangeSet, initiator: object) -> None:
        self._edits_since_autosave += 1
        self.changed.emit(changes, initiator)
        self.edited.emit()

    _forced_dirty = False
