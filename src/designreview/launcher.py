"""The ``designreview`` command: a subcommand runs headless, else the app opens.

It sits above both the command line and the user interface so that neither imports the
other and headless commands never load Qt.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the command line or to the app (``designreview [FILE]``)."""
    from designreview.cli import main as cli_main
    from designreview.cli import wants_cli

    args = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(args):
        return cli_main(args)
    from designreview.ui.app import main as app_main

    return app_main(args)
