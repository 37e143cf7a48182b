"""Where this user's cache entries go: one place for every reader and command."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

CACHE_ENV = "DESIGNREVIEW_CACHE_DIR"
"""Set to move the cache (tests, shared machines)."""


def cache_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """Where this user's cache entries go, by the platform's custom.

    Example:
        >>> cache_folder({"DESIGNREVIEW_CACHE_DIR": "/tmp/c"}).as_posix()
        '/tmp/c'
    """
    if environ.get(CACHE_ENV):
        return Path(environ[CACHE_ENV])
    if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"], "designreview", "Cache")
    if sys.platform == "darwin":
        return Path("~/Library/Caches/designreview").expanduser()
    base = environ.get("XDG_CACHE_HOME") or str(Path("~/.cache").expanduser())
    return Path(base, "designreview")
