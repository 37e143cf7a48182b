"""The command line's arguments: every subcommand's parser, without its code.

Building the parser imports nothing but argparse, so ``designreview --version`` and
``--help`` answer before numpy, shapely, ezdxf or reportlab are loaded (PRODUCT.md
section 8: under 0.15 s); each subcommand imports its own module when it runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from designreview import __version__
from designreview.cli.deadline import DEFAULT_BUDGET_S

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_STRICT_FAIL",
    "SUBCOMMANDS",
    "build_parser",
    "joined_point_options",
    "wants_cli",
]

EXIT_OK, EXIT_STRICT_FAIL, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
SUBCOMMANDS = frozenset(
    {
        "inspect",
        "new",
        "check",
        "visibility",
        "distance",
        "export",
        "packet",
        "merge",
        "import-bcf",
        "revise",
        "map",
        "batch",
    }
)
POINT_OPTIONS = ("--from", "--to")


class _OneLineParser(argparse.ArgumentParser):
    """Usage mistakes are bad input: one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"designreview: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _OneLineParser(
        prog="designreview",
        description="Security design review of school floor plans. "
        "Without a subcommand, opens the app (on FILE, or the sample school).",
    )
    parser.add_argument(
        "--version", action="version", version=f"designreview {__version__}"
    )
    commands = parser.add_subparsers(dest="command", parser_class=_OneLineParser)
    _add_plan_commands(commands)
    _add_analysis_commands(commands)
    _add_export_command(commands)
    _add_packet_command(commands)
    _add_merge_command(commands)
    _add_import_bcf_command(commands)
    _add_revise_command(commands)
    _add_map_command(commands)
    _add_batch_command(commands)
    return parser


def _add_plan_commands(commands: Any) -> None:
    inspect = commands.add_parser(
        "inspect", help="what a drawing holds: units, layers, counts"
    )
    inspect.add_argument("plan", type=Path, metavar="PLAN", help="a DXF drawing")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    new = commands.add_parser("new", help="a review from drawings, one sheet each")
    new.add_argument("plans", type=Path, nargs="+", metavar="PLAN", help="DXF drawings")
    new.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="REVIEW",
        help="the review file to write (.dreview)",
    )
    new.add_argument(
        "--force", action="store_true", help="overwrite REVIEW if it exists"
    )
    new.add_argument(
        "--floors",
        action="store_true",
        help="a sheet per floor when a drawing has several side by side",
    )


def _add_analysis_commands(commands: Any) -> None:
    check = commands.add_parser("check", help="run the review checks: findings")
    check.add_argument("file", type=Path, metavar="FILE", help="a plan or a review")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a check fails"
    )
    check.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_BUDGET_S,
        metavar="S",
        help=f"stop after S seconds (default {DEFAULT_BUDGET_S:g}; 0 for no limit)",
    )
    vis = commands.add_parser("visibility", help="what a point sees (exact polygon)")
    vis.add_argument("plan", type=Path, metavar="PLAN", help="a DXF drawing")
    vis.add_argument(
        "--from",
        dest="origin",
        type=_point,
        required=True,
        metavar="X,Y",
        help="the viewer, metres in the drawing's frame",
    )
    vis.add_argument(
        "--dir",
        type=float,
        default=None,
        metavar="DEG",
        help="view direction, degrees counter-clockwise from +x",
    )
    vis.add_argument(
        "--fov",
        type=float,
        default=360.0,
        metavar="DEG",
        help="field of view in degrees (default 360)",
    )
    vis.add_argument(
        "--range", type=float, default=None, metavar="M", help="how far it sees, metres"
    )
    vis.add_argument("--json", action="store_true", help="machine-readable output")
    walk = commands.add_parser("distance", help="walking distance around walls")
    walk.add_argument("plan", type=Path, metavar="PLAN", help="a DXF drawing")
    walk.add_argument(
        "--from",
        dest="start",
        type=_point,
        required=True,
        metavar="X,Y",
        help="start, metres in the drawing's frame",
    )
    walk.add_argument(
        "--to",
        dest="end",
        type=_point,
        required=True,
        metavar="X,Y",
        help="destination, metres in the drawing's frame",
    )
    walk.add_argument("--json", action="store_true", help="machine-readable output")


def _add_export_command(commands: Any) -> None:
    export = commands.add_parser(
        "export", help="markups and findings as DXF, BCF 2.1 or 3.0, or CSV"
    )
    export.add_argument(
        "review", type=Path, metavar="REVIEW", help="a review (.dreview) or a plan"
    )
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--dxf",
        type=Path,
        metavar="OUT",
        help="REVIEW-* layers in the drawing's coordinates and units",
    )
    target.add_argument(
        "--bcf", type=Path, metavar="OUT", help="BCF topics for BIM tools"
    )
    target.add_argument(
        "--csv",
        type=Path,
        metavar="OUT",
        help="findings (OUT) and markups (OUT with -markups)",
    )
    export.add_argument(
        "--sheet",
        metavar="NAME",
        default=None,
        help="the sheet to export as DXF (a name or id)",
    )
    export.add_argument(
        "--into-original",
        action="store_true",
        help="DXF: add the review layers to a copy of the drawing",
    )
    export.add_argument(
        "--bcf-version",
        choices=("2.1", "3.0"),
        default="2.1",
        help="BCF: the version to write (default 2.1, which most BIM tools read)",
    )


def _add_packet_command(commands: Any) -> None:
    packet = commands.add_parser("packet", help="the printed review packet (PDF)")
    packet.add_argument(
        "review", type=Path, metavar="REVIEW", help="a review or a plan"
    )
    packet.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    packet.add_argument(
        "--recipient",
        action="append",
        default=[],
        metavar="NAME",
        help="who receives a numbered copy (repeat for several)",
    )
    packet.add_argument("--paper", choices=("letter", "a4"), default="letter")
    packet.add_argument(
        "--plan-paper",
        choices=("same", "ansi-d", "a1"),
        default="same",
        help="paper for the plan pages",
    )
    packet.add_argument(
        "--classification",
        default=None,
        help="banner text on every page (default: the review's)",
    )
    packet.add_argument(
        "--password-env",
        metavar="VAR",
        default=None,
        help="encrypt with the password in environment variable VAR",
    )


def _add_merge_command(commands: Any) -> None:
    merge = commands.add_parser(
        "merge", help="merge copies of a review marked up apart (three-way)"
    )
    merge.add_argument(
        "reviews", type=Path, nargs="+", metavar="REVIEW",
        help="[BASE] A B [C ...]: the copies; a first file that every other "
        "descends from is their common ancestor",
    )  # fmt: skip
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    merge.add_argument(
        "--report", type=Path, required=True, metavar="REPORT",
        help="every change and conflict: Markdown, or JSON for a .json name",
    )  # fmt: skip
    merge.add_argument(
        "--base", type=Path, default=None, metavar="BASE",
        help="the common ancestor, when the files do not say which it is",
    )  # fmt: skip
    merge.add_argument(
        "--prefer", choices=("first", "last", "newest"), default="first",
        help="a conflict takes the first copy's value (default), the last's, "
        "or the most recent change",
    )  # fmt: skip
    merge.add_argument("--force", action="store_true", help="overwrite OUT, REPORT")
    merge.add_argument("--json", action="store_true", help="machine-readable output")


def _add_import_bcf_command(commands: Any) -> None:
    bcf = commands.add_parser(
        "import-bcf", help="a BIM tool's replies and statuses on our BCF topics"
    )
    bcf.add_argument(
        "review", type=Path, metavar="REVIEW", help="the review (.dreview)"
    )
    bcf.add_argument(
        "bcf", type=Path, metavar="BCF", help="the BCF file the BIM tool wrote back"
    )
    bcf.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    bcf.add_argument("--force", action="store_true", help="overwrite OUT")
    bcf.add_argument("--json", action="store_true", help="machine-readable output")


def _add_revise_command(commands: Any) -> None:
    revise = commands.add_parser(
        "revise", help="carry a review onto a sheet's revised drawing"
    )
    revise.add_argument("review", type=Path, metavar="REVIEW", help="the review")
    revise.add_argument(
        "--sheet", required=True, metavar="S", help="the sheet's name (or id)"
    )
    revise.add_argument(
        "drawing", type=Path, metavar="NEW", help="the revised drawing (.dxf, .ifc)"
    )
    revise.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    revise.add_argument("--force", action="store_true", help="overwrite OUT")
    revise.add_argument("--json", action="store_true", help="machine-readable output")


def _add_map_command(commands: Any) -> None:
    responder = commands.add_parser(
        "map", help="the responder map (PDF, GeoJSON, DXF) checked against a state"
    )
    responder.add_argument("review", type=Path, metavar="REVIEW", help="a review")
    responder.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT.pdf"
    )
    responder.add_argument(
        "--geojson", type=Path, default=None, metavar="F",
        help="also a GeoJSON: rooms, doors, items and grid squares",
    )  # fmt: skip
    responder.add_argument(
        "--dxf", type=Path, default=None, metavar="F",
        help="also a DXF on MAP-* layers in the drawing's units",
    )  # fmt: skip
    responder.add_argument(
        "--profile", choices=("texas", "florida", "new-jersey"), default=None,
        help="the state mandate to check (default: the review's, else texas)",
    )  # fmt: skip
    responder.add_argument(
        "--paper", choices=("letter", "a4", "tabloid"), default=None,
        help="landscape paper (default: letter for feet, a4 for metres)",
    )  # fmt: skip
    responder.add_argument(
        "--issue", action="store_true",
        help="record this map as the review's next revision (writes REVIEW)",
    )  # fmt: skip
    responder.add_argument(
        "--strict", action="store_true",
        help="exit with status 1 when a mandate item is missing",
    )  # fmt: skip
    responder.add_argument(
        "--json", action="store_true", help="machine-readable output"
    )


def _add_batch_command(commands: Any) -> None:
    batch = commands.add_parser(
        "batch", help="checks, mandate and map over many reviews (a district)"
    )
    batch.add_argument(
        "source", type=Path, metavar="DIR|LIST",
        help="a folder of reviews (searched through) or a text file listing them",
    )  # fmt: skip
    batch.add_argument(
        "-o", "--output", type=Path, required=True, metavar="REPORT",
        help="the report folder: summary.csv, summary.html, maps/",
    )  # fmt: skip
    batch.add_argument(
        "--profile", choices=("texas", "florida", "new-jersey"), default=None,
        help="the state mandate for every review (default: each review's)",
    )  # fmt: skip
    batch.add_argument(
        "--scheduler", default=None, metavar="ADDRESS",
        help="run on the Dask cluster at ADDRESS (the dask extra)",
    )  # fmt: skip
    batch.add_argument(
        "--workers", type=int, default=None, metavar="N",
        help="local worker processes (default: one per CPU)",
    )  # fmt: skip
    batch.add_argument("--no-maps", action="store_true", help="skip the map PDFs")
    batch.add_argument("--quiet", action="store_true", help="no progress lines")
    batch.add_argument(
        "--strict", action="store_true",
        help="exit with status 1 when a review fails a check or cannot be read",
    )  # fmt: skip


def _point(text: str) -> tuple[float, float]:
    try:
        x, y = (float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a point; write X,Y in metres, e.g. 12.5,30"
        ) from None
    return (x, y)


def joined_point_options(args: list[str]) -> list[str]:
    """``args`` with each point option joined to its value, as ``--from=-2,1``.

    argparse takes a value that starts with ``-`` for an option unless it looks
    like a negative number (``-2``, ``-.5``); a point ``-2,1`` does not, so
    ``--from -2,1`` would fail with "expected one argument". Joined, it parses.

    Example:
        >>> joined_point_options(["distance", "p.dxf", "--from", "-2,1", "--to", "3,4"])
        ['distance', 'p.dxf', '--from=-2,1', '--to=3,4']
        >>> joined_point_options(["visibility", "p.dxf", "--from=-2,-1", "--json"])
        ['visibility', 'p.dxf', '--from=-2,-1', '--json']
    """
    out: list[str] = []
    values = iter(args)
    for arg in values:
        if arg == "--":
            out += [arg, *values]
            break
        following = next(values, None) if arg in POINT_OPTIONS else None
        out.append(arg if following is None else f"{arg}={following}")
    return out


def wants_cli(args: Sequence[str]) -> bool:
    """Whether ``args`` name a subcommand or an option rather than a file to open.

    Example:
        >>> wants_cli(["inspect", "a.dxf"]), wants_cli(["--version"]), wants_cli([])
        (True, True, False)
        >>> wants_cli(["school.dxf"])
        False
    """
    return bool(args) and (args[0] in SUBCOMMANDS or args[0].startswith("-"))
