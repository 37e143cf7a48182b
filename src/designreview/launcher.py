"""The ``designreview`` command: a subcommand runs headless, else the app opens.

It sits above both the command line and the user interface so that neither imports the
other and headless commands never load Qt. Before either starts it makes sure that
nothing outside our control can end the process with a traceback: ezdxf's font cache
in an unreadable home folder, or Qt on a machine without a display.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, MutableMapping, Sequence

EXIT_BAD_INPUT = 2
_HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc", "eglfs", "linuxfb"})


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the command line or to the app (``designreview [FILE]``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    give_ezdxf_a_cache(os.environ)
    from designreview.cli import SUBCOMMANDS, wants_cli
    from designreview.cli import main as cli_main

    if wants_cli(args):
        return cli_main(args)
    problem = why_the_app_cannot_start(args, os.environ, sorted(SUBCOMMANDS))
    if problem:
        sys.stderr.write(f"designreview: {problem}\n")
        return EXIT_BAD_INPUT
    from designreview.ui.app import main as app_main

    return app_main(args)


def give_ezdxf_a_cache(environ: MutableMapping[str, str]) -> bool:
    """Point ezdxf's font cache at a private folder when the home folder is unusable.

    ezdxf reads its font cache from ``$XDG_CACHE_HOME/ezdxf`` (or ``~/.cache/ezdxf``)
    when it is first imported; where that folder cannot even be looked at (a HOME
    that belongs to another user), the import ends in a PermissionError traceback.
    Returns whether the cache was moved.
    """
    base = environ.get("XDG_CACHE_HOME") or str(Path("~/.cache").expanduser())
    try:
        (Path(base) / "ezdxf" / "font_manager_cache.json").exists()
    except OSError:
        environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="designreview-cache-")
        return True
    return False


def why_the_app_cannot_start(
    args: Sequence[str], environ: Mapping[str, str], commands: Sequence[str]
) -> str:
    """What stops the window from opening, in one line, or "" when nothing does.

    Example:
        >>> why_the_app_cannot_start(["chek"], {"DISPLAY": ":0"}, ["check"])
        "'chek' is neither a command nor a file. Commands: check (see --help)."
        >>> why_the_app_cannot_start([], {"QT_QPA_PLATFORM": "offscreen"}, ["check"])
        ''
    """
    if args and not Path(args[0]).exists():
        if not Path(args[0]).suffix:
            return (
                f"{args[0]!r} is neither a command nor a file. Commands: "
                f"{', '.join(commands)} (see --help)."
            )
        return f"{args[0]} does not exist. Check the path."
    if sys.platform.startswith("linux") and not _has_display(environ):
        return (
            "the app needs a display and none was found (DISPLAY and WAYLAND_DISPLAY "
            f"are not set). These commands run without one: {', '.join(commands)}."
        )
    return ""


def _has_display(environ: Mapping[str, str]) -> bool:
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in _HEADLESS_PLATFORMS:
        return True
    if platform == "wayland":
        return bool(environ.get("WAYLAND_DISPLAY"))
    if platform == "xcb":
        return bool(environ.get("DISPLAY"))
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))
