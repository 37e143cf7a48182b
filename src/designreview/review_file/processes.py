"""Whether another process of ours is still running (for stale locks and leftovers)."""

from __future__ import annotations

import getpass
import os
import socket


def is_process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine.

    Where that cannot be known (not POSIX), it answers True: a leftover that might
    still be in use is never removed.

    Example:
        >>> is_process_alive(os.getpid())
        True
    """
    if pid <= 0:
        return False
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by someone else
    return True


def host_name() -> str:
    """This machine's name, as other machines on a shared folder would see it."""
    return socket.gethostname()


def current_user() -> str:
    """The login name of whoever runs this, for "saved by" and lock files."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME", "") or "someone"
