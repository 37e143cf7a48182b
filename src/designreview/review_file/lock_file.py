"""Telling a second person that a review is already open somewhere.

A small JSON file beside the review (``.NAME.lock``) says who holds it, on which
machine, since when. It is created exclusively, so two openers cannot both think they
hold it. A lock left by a crashed session on this machine is recognised as stale.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.review_file.errors import ReviewLockedError
from designreview.review_file.processes import current_user, host_name, is_process_alive

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a review open."""

    user: str
    host: str
    pid: int
    since: str

    @property
    def is_stale(self) -> bool:
        """Left by a process of this machine that no longer runs."""
        return self.host == host_name() and not is_process_alive(self.pid)

    def describe(self) -> str:
        """A sentence for the person who tried to open the review."""
        state = " (that session seems to have crashed)" if self.is_stale else ""
        return f"{self.user} on {self.host} since {self.since}{state}"


def lock_path(review_path: Path) -> Path:
    """Where the lock of ``review_path`` lives."""
    return review_path.with_name(f".{review_path.name}.lock")


def acquire_lock(review_path: Path, since: str, take_over: bool = False) -> LockInfo:
    """Hold ``review_path``; with ``take_over`` replace someone else's lock.

    Raises:
        ReviewLockedError: someone holds it (its ``holder`` attribute says who).
    """
    mine = LockInfo(current_user(), host_name(), os.getpid(), since)
    path = lock_path(review_path)
    if take_over:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        holder = read_lock(review_path)
        if holder is None or (holder.pid == mine.pid and holder.host == mine.host):
            return acquire_lock(review_path, since, take_over=True)
        error = ReviewLockedError(
            f"{review_path.name} is open by {holder.describe()}. Open it read-only, "
            "open a copy, or take it over if you are sure they are done."
        )
        error.holder = holder
        raise error from None
    except OSError:
        return mine  # a folder where no lock can be written: work without one
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        json.dump(
            {"user": mine.user, "host": mine.host, "pid": mine.pid, "since": since},
            stream,
        )
    return mine


def read_lock(review_path: Path) -> LockInfo | None:
    """The current holder of ``review_path``, None when unlocked or unreadable."""
    try:
        data = json.loads(lock_path(review_path).read_text(encoding="utf-8"))
        return LockInfo(
            str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def release_lock(review_path: Path) -> None:
    """Give up ``review_path`` if this process holds it."""
    holder = read_lock(review_path)
    if holder is not None and holder.pid == os.getpid() and holder.host == host_name():
        with contextlib.suppress(OSError):
            lock_path(review_path).unlink()
