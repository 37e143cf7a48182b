"""Autosaves: a crash loses at most about a minute of work; the next start offers it.

Each running window writes its unsaved review to a per-user folder readable only by
that user (``<id>.<pid>.dreview`` plus a small ``.json`` note saying which file it
belongs to and when). A clean close or a save removes it; what a crashed process left
is found at the next start and offered back. Nothing is ever deleted silently: only
the user's choice (discard, or saving the restored review) removes one.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from designreview.review_file.archive import read_review, review_bytes
from designreview.review_file.atomic_write import write_atomic
from designreview.review_file.processes import host_name, is_process_alive

if TYPE_CHECKING:
    from designreview.model.review import Review

_NOTE_SUFFIX = ".autosave.json"


@dataclass(frozen=True, slots=True)
class Autosave:
    """One autosaved review on disk."""

    path: Path
    review_id: str
    original: str
    """The review file it belongs to ('' for a review never saved)."""
    title: str
    saved_at: str
    pid: int
    host: str

    @property
    def is_orphaned(self) -> bool:
        """Left by a process that no longer runs on this machine (a crash)."""
        return self.host == host_name() and not is_process_alive(self.pid)

    def load(self) -> Review:
        """The autosaved review (ReviewFileError if it is damaged)."""
        return read_review(self.path)


def prepare_folder(folder: Path) -> Path:
    """Create the autosave folder, readable and writable by the user only."""
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        folder.chmod(0o700)
    return folder


def write_autosave(
    folder: Path, review: Review, original: Path | None, title: str, saved_at: str
) -> Autosave:
    """Write (or overwrite) this process's autosave of ``review``."""
    prepare_folder(folder)
    stem = f"{review.id}.{os.getpid()}"
    path = folder / f"{stem}.dreview"
    write_atomic(path, review_bytes(review, saved_at=saved_at), keep_backup=False)
    entry = Autosave(
        path, review.id, str(original or ""), title, saved_at, os.getpid(), host_name()
    )
    note = folder / f"{stem}{_NOTE_SUFFIX}"
    write_atomic(
        note, json.dumps(_note(entry), ensure_ascii=False).encode(), keep_backup=False
    )
    for written in (path, note):
        with contextlib.suppress(OSError):
            written.chmod(0o600)
    return entry


def find_autosaves(folder: Path) -> list[Autosave]:
    """Every autosave in ``folder`` with a readable note, newest first."""
    found = []
    for note in folder.glob(f"*{_NOTE_SUFFIX}") if folder.is_dir() else ():
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            entry = Autosave(
                folder / data["file"],
                str(data["review_id"]),
                str(data["original"]),
                str(data["title"]),
                str(data["saved_at"]),
                int(data["pid"]),
                str(data["host"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if entry.path.is_file():
            found.append(entry)
    return sorted(found, key=lambda e: e.saved_at, reverse=True)


def orphaned_autosaves(folder: Path) -> list[Autosave]:
    """Autosaves left by crashed sessions: the ones to offer at start."""
    return [entry for entry in find_autosaves(folder) if entry.is_orphaned]


def remove_autosave(entry: Autosave) -> None:
    """Delete an autosave and its note (after a save, or the user's discard)."""
    note = entry.path.with_name(entry.path.name.removesuffix(".dreview") + _NOTE_SUFFIX)
    for path in (entry.path, note):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def adopt_autosave(folder: Path, entry: Autosave) -> Autosave:
    """Make a restored autosave this process's own, so a crash again keeps it."""
    review = entry.load()
    mine = write_autosave(
        folder,
        review,
        Path(entry.original) if entry.original else None,
        entry.title,
        entry.saved_at,
    )
    if mine.path != entry.path:
        remove_autosave(entry)
    return mine


def _note(entry: Autosave) -> dict[str, object]:
    return {
        "file": entry.path.name,
        "review_id": entry.review_id,
        "original": entry.original,
        "title": entry.title,
        "saved_at": entry.saved_at,
        "pid": entry.pid,
        "host": entry.host,
    }
