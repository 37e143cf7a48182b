"""The command line: every analysis and export without a screen (PRODUCT.md section 7).

Exit status: 0 success, 1 checks failed with ``--strict``, 2 bad input (one line on
stderr, never a traceback), 3 an unexpected internal error.

Each subcommand's module is imported only when that subcommand runs: reading a drawing
needs ezdxf and numpy, checks need shapely, the packet reportlab, and none of them is
worth loading for ``--version``, ``--help`` or a command that does not use it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from designreview.cli.parser import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_STRICT_FAIL,
    SUBCOMMANDS,
    build_parser,
    joined_point_options,
    wants_cli,
)
from designreview.model.errors import DesignReviewError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_STRICT_FAIL",
    "SUBCOMMANDS",
    "main",
    "wants_cli",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run a headless subcommand and return the exit status."""
    args = joined_point_options(list(sys.argv[1:] if argv is None else argv))
    options = build_parser().parse_args(args)
    try:
        return _run(options)
    except BrokenPipeError:
        return _reader_gone()
    except DesignReviewError as exc:
        print(f"designreview: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # never a traceback on the command line
        print(
            f"designreview: internal error ({type(exc).__name__}: "
            f"{_one_line(str(exc))})",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _reader_gone() -> int:
    """Whoever read the output stopped (``inspect ... | head``): not an error.

    Standard output is pointed at the null device, so that Python's own flush at
    exit does not fail on the closed pipe a second time.
    """
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
    return EXIT_OK


def _run(options: argparse.Namespace) -> int:
    """Import the chosen subcommand's module, then run it."""
    if options.command is None:
        build_parser().print_help()
        return EXIT_BAD_INPUT
    _quiet_ezdxf()
    if options.command == "inspect":
        from designreview.cli.inspect_plan import run_inspect_command

        return run_inspect_command(options)
    if options.command == "new":
        from designreview.cli.new_review import run_new_command

        return run_new_command(options)
    if options.command == "check":
        from designreview.cli.analysis import run_check_command

        return run_check_command(options)
    if options.command == "visibility":
        from designreview.cli.queries import run_visibility_command

        return run_visibility_command(options)
    if options.command == "distance":
        from designreview.cli.queries import run_distance_command

        return run_distance_command(options)
    if options.command == "merge":
        from designreview.cli.merge import run_merge_command

        return run_merge_command(options)
    if options.command == "import-bcf":
        from designreview.cli.import_bcf import run_import_bcf_command

        return run_import_bcf_command(options)
    if options.command == "revise":
        from designreview.cli.revise import run_revise_command

        return run_revise_command(options)
    if options.command == "batch":
        from designreview.cli.batch import run_batch_command

        return run_batch_command(options)
    if options.command == "map":
        from designreview.cli.map import run_map_command

        return run_map_command(options)
    if options.command == "export":
        from designreview.cli.export import run_export_command

        return run_export_command(options)
    from designreview.cli.packet import run_packet_command

    return run_packet_command(options)


def _quiet_ezdxf() -> None:
    """Keep ezdxf's warnings about a drawing off stderr: the reports say it better."""
    import logging

    logging.getLogger("ezdxf").setLevel(logging.ERROR)


def _one_line(text: str) -> str:
    return " ".join(text.split())
