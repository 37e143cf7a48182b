"""Writing a file so that a crash, a full disk or a power cut never breaks it.

Write to a temporary file in the same folder, flush and fsync it, keep the previous
version as ``NAME.bak``, then rename over the original (atomic on POSIX and NTFS) and
fsync the folder. At every instant the path holds the old or the new file, complete.
On network shares a rename can fail while another program holds the file open: retry a
few times, then give up with the original untouched (never truncate the only copy).

A save keeps what the replaced file was: its mode, owner and group, and, when the path
is a symbolic link, the link itself (the link's target is replaced). A read-only file is
refused, not replaced. New files get ``new_mode`` (reviews: readable by their owner
only, since they hold plans marked for official use).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import time
from typing import TYPE_CHECKING

from designreview.review_file.errors import SaveError
from designreview.review_file.processes import is_process_alive

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

BACKUP_SUFFIX = ".bak"
_RETRY_DELAYS_S = (0.05, 0.1, 0.2, 0.4, 0.8)


def write_atomic(
    path: Path,
    data: bytes,
    keep_backup: bool = True,
    verify: Callable[[bytes], None] | None = None,
    new_mode: int = 0o644,
) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old file as a backup.

    ``verify`` is called with the bytes read back from the temporary file before it
    replaces the original; it raises to stop a bad write from landing. ``new_mode`` is
    the mode of a file that did not exist (less the umask); a replaced file keeps its
    own.

    Raises:
        SaveError: the file could not be written; the original is unchanged.
    """
    path = _through_link(path)
    replaced = _stat_or_none(path)
    if replaced is not None and not replaced.st_mode & stat.S_IWUSR:
        raise SaveError(
            f"{path.name} is read-only, so it was not replaced. Nothing was lost: save "
            "under another name with File > Save As, or make the file writable first."
        )
    folder = path.parent
    temp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    _remove_stale_temporaries(path)
    try:
        _write_synced(temp, data, new_mode)
        if replaced is not None:
            _keep_protection(temp, replaced)
        if verify is not None:
            verify(temp.read_bytes())
        if keep_backup and path.exists():
            _make_backup(path)
        _replace_with_retries(temp, path)
        _fsync_folder(folder)
    except OSError as exc:
        raise SaveError(_message(path, exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _remove_stale_temporaries(path: Path) -> None:
    """Delete half-written temporaries left by saves that were killed."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        pid = leftover.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not is_process_alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _through_link(path: Path) -> Path:
    """The file a save replaces: the target of a symbolic link, else ``path``.

    Replacing the link itself would leave its target stale and the link gone.
    """
    if path.is_symlink():
        return type(path)(os.path.realpath(path))
    return path


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SaveError(_message(path, exc)) from exc


def _keep_protection(temp: Path, replaced: os.stat_result) -> None:
    """Give the new file the mode, owner and group of the one it replaces."""
    os.chmod(temp, stat.S_IMODE(replaced.st_mode))
    if hasattr(os, "chown"):
        # Only the owner's own group, or root, may set these; a file of another
        # owner that we may write keeps our ownership rather than failing the save.
        with contextlib.suppress(PermissionError):
            os.chown(temp, replaced.st_uid, replaced.st_gid)


def _write_synced(temp: Path, data: bytes, mode: int) -> None:
    fd = os.open(
        temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode
    )
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_backup(path: Path) -> None:
    """Keep the current file as NAME.bak, itself replaced atomically."""
    backup = backup_path(path)
    staging = path.with_name(
        f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.bak.tmp"
    )
    try:
        try:
            os.link(path, staging)  # instant, no second copy of the bytes
        except OSError:
            shutil.copy2(path, staging)  # file systems without hard links
        os.replace(staging, backup)
    finally:
        with contextlib.suppress(OSError):
            staging.unlink(missing_ok=True)


def _replace_with_retries(temp: Path, path: Path) -> None:
    for delay in (*_RETRY_DELAYS_S, None):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            # Windows and SMB shares refuse while another program has the file open.
            if delay is None:
                raise
            time.sleep(delay)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) cannot sync a folder
    finally:
        os.close(fd)


def _message(path: Path, exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.EROFS: "the folder is on a read-only disk",
        errno.EACCES: "you do not have permission to write in that folder",
        errno.EPERM: "the file is in use or protected",
        errno.ENOENT: "the folder does not exist",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return (
        f"{path.name} could not be saved: {reason}. Nothing was lost: the review is "
        "still open and the file on disk is unchanged. Free some space or choose "
        "another folder with File > Save As."
    )
