"""The review as a file: open, save, autosave, locks and changes made by others.

Owns no widgets: it asks questions through :class:`Prompts` and reports errors through
a callback, so the main window stays an assembler and tests can script the answers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from designreview.model.document import utc_now
from designreview.model.errors import DesignReviewError
from designreview.model.ids import ReviewId, new_id
from designreview.review_file.archive import read_review
from designreview.review_file.autosave import (
    Autosave,
    adopt_autosave,
    remove_autosave,
    write_autosave,
)
from designreview.review_file.errors import ReviewLockedError
from designreview.review_file.lock_file import acquire_lock, release_lock
from designreview.review_file.processes import current_user
from designreview.review_file.revisions import save_revision
from designreview.ui.dialogs.prompts import DiskChoice, LockChoice, Prompts, SaveChoice

if TYPE_CHECKING:
    from designreview.model.review import Review
    from designreview.ui.session.document_bridge import DocumentBridge

DEFAULT_AUTOSAVE_S = 60
ErrorSink = Callable[[str, str], None]


class ReviewSession(QObject):
    """Where the open review lives on disk, and keeping it safe there."""

    state_changed = Signal()  # path, read-only or modified state changed
    review_loaded = Signal()  # a different review is now open

    def __init__(
        self,
        bridge: DocumentBridge,
        prompts: Prompts,
        autosave_dir: Path,
        on_error: ErrorSink,
        autosave_s: int = DEFAULT_AUTOSAVE_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.prompts, self.autosave_dir = bridge, prompts, autosave_dir
        self._on_error = on_error
        self.path: Path | None = None
        self.untitled_name = "Untitled review"
        self.read_only = False
        self.on_disk: Review | None = None
        """The review as last read from or written to ``path``: a merge's ancestor
        when the copies descend from it."""
        self._autosave: Autosave | None = None
        self._disk_signature: tuple[int, int] | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(max(1, autosave_s) * 1000)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        bridge.modified_changed.connect(self.state_changed)

    # -- what is open -------------------------------------------------------------
    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.untitled_name

    def start_untitled(self, review: Review, name: str, modified: bool) -> None:
        """Show a review that has no file yet (a new one, the sample, a copy)."""
        self._forget_file()
        self.untitled_name = name
        self.bridge.replace_review(review, modified=modified)
        self.review_loaded.emit()
        self.state_changed.emit()

    def open_review(self, path: Path) -> bool:
        """Open the review at ``path``; False when the user cancelled or it failed."""
        try:
            review = read_review(path)
        except DesignReviewError as exc:
            self._on_error("Cannot open review", str(exc))
            return False
        read_only = False
        try:
            acquire_lock(path, utc_now())
        except ReviewLockedError as exc:
            choice = self.prompts.locked(path.name, _describe(exc.holder))
            if choice is LockChoice.CANCEL:
                return False
            if choice is LockChoice.COPY:
                copy = replace(review, id=ReviewId(new_id()))
                self.start_untitled(copy, f"Copy of {path.name}", modified=True)
                return True
            if choice is LockChoice.TAKE_OVER:
                acquire_lock(path, utc_now(), take_over=True)
            read_only = choice is LockChoice.READ_ONLY
        self._forget_file()
        self.path, self.read_only, self.on_disk = path, read_only, review
        self.bridge.replace_review(review)
        self._watch(path)
        self.review_loaded.emit()
        self.state_changed.emit()
        return True

    # -- saving -------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the review file, asking for a name if it has none or is read-only."""
        if self.path is None or self.read_only:
            return self.save_as()
        return self._write(self.path)

    def save_as(self, path: Path | None = None) -> bool:
        """Save under a new name; the new file becomes the open one."""
        if path is None:
            suggested = self.path or Path.home() / f"{self.untitled_name}.dreview"
            path = self.prompts.save_path(suggested)
            if path is None:
                return False
        if path != self.path:
            try:
                acquire_lock(path, utc_now())
            except ReviewLockedError as exc:
                self._on_error("Review in use", str(exc))
                return False
        if not self._write(path):
            if path != self.path:
                release_lock(path)
            return False
        if path != self.path:
            old = self.path
            self.path, self.read_only = path, False
            if old is not None:
                release_lock(old)
                self._watcher.removePath(str(old))
            self._watch(path)
        self.state_changed.emit()
        return True

    def _write(self, path: Path) -> bool:
        self._unwatch_during_save()
        try:
            saved = save_revision(
                self.bridge.review, path, saved_by=current_user(), saved_at=utc_now()
            )
        except DesignReviewError as exc:
            self._on_error("Cannot save review", str(exc))
            return False
        finally:
            self._rewatch_after_save()
        self.bridge.document.record_saved(saved.lineage)
        self.on_disk = saved
        self._disk_signature = _signature(path)
        self.bridge.set_modified(False)
        self._drop_autosave()
        self.state_changed.emit()
        return True

    def maybe_close(self) -> bool:
        """Ask about unsaved changes; True when the review may be closed."""
        if self.bridge.is_modified():
            choice = self.prompts.unsaved_changes(self.display_name)
            if choice is SaveChoice.CANCEL or (
                choice is SaveChoice.SAVE and not self.save()
            ):
                return False
        self._forget_file()
        self._drop_autosave()
        return True

    # -- autosave and recovery ----------------------------------------------------
    def autosave_now(self) -> None:
        """Write the autosave if something changed since the last one."""
        if not self.bridge.needs_autosave():
            return
        try:
            self._autosave = write_autosave(
                self.autosave_dir,
                self.bridge.review,
                self.path,
                self.display_name,
                utc_now(),
            )
        except DesignReviewError as exc:
            self._on_error("Autosave failed", str(exc))
            return
        self.bridge.mark_autosaved()

    def restore(self, entry: Autosave) -> bool:
        """Open a crashed session's autosave as an unsaved review."""
        try:
            review = entry.load()
            mine = adopt_autosave(self.autosave_dir, entry)
        except DesignReviewError as exc:
            self._on_error("Cannot restore autosave", str(exc))
            return False
        original = Path(entry.original) if entry.original else None
        self.start_untitled(review, f"{entry.title} (recovered)", modified=True)
        if original is not None and original.parent.is_dir():
            self.path = original
            acquire_lock_quietly(original)
        self._autosave = mine
        self.state_changed.emit()
        return True

    # -- changes made by others ---------------------------------------------------
    def check_disk(self) -> None:
        """Ask what to do if another program changed the open file."""
        if self.path is None or self._disk_signature is None:
            return
        current = _signature(self.path)
        if current is None or current == self._disk_signature:
            return
        self._disk_signature = current
        choice = self.prompts.changed_on_disk(self.path.name)
        if choice is DiskChoice.RELOAD:
            try:
                review = read_review(self.path)
            except DesignReviewError as exc:
                self._on_error("Cannot reload review", str(exc))
                return
            self.bridge.replace_review(review)
            self.on_disk = review
            self.review_loaded.emit()
        elif choice is DiskChoice.SAVE_AS:
            self.save_as()
        else:
            self.bridge.set_modified(True)
        self.state_changed.emit()

    def _on_watcher_file_changed(self, name: str) -> None:
        if self.path is not None and Path(name) == self.path:
            # An atomic replace swaps the file: watch the new one.
            self._watcher.addPath(name)
            QTimer.singleShot(200, self.check_disk)

    def _watch(self, path: Path) -> None:
        self._disk_signature = _signature(path)
        self._watcher.addPath(str(path))

    def _unwatch_during_save(self) -> None:
        self._watcher.blockSignals(True)

    def _rewatch_after_save(self) -> None:
        self._watcher.blockSignals(False)
        if self.path is not None and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))

    def _forget_file(self) -> None:
        if self.path is not None:
            if not self.read_only:
                release_lock(self.path)
            self._watcher.removePath(str(self.path))
        self.path, self.read_only, self._disk_signature = None, False, None
        self.on_disk = None

    def _drop_autosave(self) -> None:
        if self._autosave is not None:
            remove_autosave(self._autosave)
            self._autosave = None


def acquire_lock_quietly(path: Path) -> None:
    """Hold ``path`` if nobody else does; a restored review may still be saved as."""
    with contextlib.suppress(ReviewLockedError):
        acquire_lock(path, utc_now())


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def _describe(holder: object) -> str:
    describe = getattr(holder, "describe", None)
    return describe() if callable(describe) else "someone else"
