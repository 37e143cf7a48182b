"""The command line: every analysis and export without a screen (PRODUCT.md section 7).

Exit status: 0 success, 1 checks failed with ``--strict``, 2 bad input (one line on
stderr, never a traceback), 3 an unexpected internal error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from designreview import __version__
from designreview.cli.analysis import (
    run_check_command,
    run_distance_command,
    run_visibility_command,
)
from designreview.cli.deadline import DEFAULT_BUDGET_S
from designreview.cli.export import add_export_command, run_export_command
from designreview.cli.floors import floors_line, floors_report
from designreview.cli.packet import add_packet_command, run_packet_command
from designreview.model.document import utc_now
from designreview.model.errors import DesignReviewError
from designreview.readers.dxf.read import read_dxf
from designreview.review_file.archive import SUFFIX, write_review
from designreview.review_file.processes import current_user
from designreview.review_file.sheets import new_review

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.plan import Plan

EXIT_OK, EXIT_STRICT_FAIL, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
SUBCOMMANDS = frozenset(
    {"inspect", "new", "check", "visibility", "distance", "export", "packet"}
)


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
    _add_analysis_commands(commands)
    add_export_command(commands)
    add_packet_command(commands)
    return parser


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


def _point(text: str) -> tuple[float, float]:
    try:
        x, y = (float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a point; write X,Y in metres, e.g. 12.5,30"
        ) from None
    return (x, y)


POINT_OPTIONS = ("--from", "--to")


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run a headless subcommand and return the exit status."""
    args = joined_point_options(list(sys.argv[1:] if argv is None else argv))
    logging.getLogger("ezdxf").setLevel(logging.ERROR)
    options = build_parser().parse_args(args)
    try:
        return _run(options)
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


def _run(options: argparse.Namespace) -> int:
    if options.command == "inspect":
        report = inspect_report(read_dxf(options.plan))
        if options.json:
            print(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            print(_inspect_text(report))
        return EXIT_OK
    if options.command == "new":
        return _new(options)
    if options.command == "check":
        return run_check_command(options)
    if options.command == "visibility":
        return run_visibility_command(options)
    if options.command == "distance":
        return run_distance_command(options)
    if options.command == "export":
        return run_export_command(options)
    if options.command == "packet":
        return run_packet_command(options)
    build_parser().print_help()
    return EXIT_BAD_INPUT


def _new(options: argparse.Namespace) -> int:
    output: Path = options.output
    if output.suffix.lower() != SUFFIX:
        raise DesignReviewError(f"The review file must end in {SUFFIX}: {output.name}")
    if output.exists() and not options.force:
        raise DesignReviewError(
            f"{output.name} already exists; choose another name or add --force."
        )
    now = utc_now()
    review = new_review(
        list(options.plans),
        created_by=current_user(),
        created_at=now,
        split_floors=options.floors,
    )
    write_review(review, output, saved_by=current_user(), saved_at=now)
    sheets = ", ".join(sheet.name for sheet in review.sheets)
    print(f"{output}: {len(review.sheets)} sheet(s): {sheets}")
    return EXIT_OK


def inspect_report(plan: Plan) -> dict[str, Any]:
    """The ``inspect --json`` contract: what a drawing holds (PRODUCT.md section 7)."""
    return {
        "file": plan.source_name,
        "version": plan.dxf_version,
        "units": plan.units.name.lower(),
        "scale_to_m": plan.scale_to_m,
        "extents": [round(v, 6) for v in plan.drawing_extents_m.as_list()],
        "local_origin": list(plan.origin_m),
        "layers": [
            {
                "name": info.name,
                "category": info.category.value,
                "entities": info.entity_count,
                "visible": info.is_visible,
            }
            for info in plan.layers
        ],
        "counts": {
            "walls": plan.counts.walls,
            "doors": plan.counts.doors,
            "windows": plan.counts.windows,
            "spaces": plan.counts.spaces,
            "labels": len(plan.labels),
            "segments": sum(len(work.segments) for work in plan.linework),
            "doors_by_method": dict(plan.counts.doors_by_method),
            "windows_by_source": dict(plan.counts.windows_by_source),
        },
        "warnings": list(plan.warnings),
        "unit_evidence": _unit_evidence(plan),
        "layouts": list(plan.layouts),
        "reader": plan.reader,
        "xrefs": [
            {"name": x.name, "path": x.path, "status": x.status.value}
            for x in plan.xrefs
        ],
        "floors": floors_report(plan),
    }


def _unit_evidence(plan: Plan) -> dict[str, Any] | None:
    """Why the plan is read in its unit: what the header said, what geometry said."""
    report = plan.unit_report
    if report is None:
        return None
    return {
        "stated": report.stated.name.lower() if report.stated else None,
        "used": report.used.name.lower(),
        "source": report.source.value,
        "confidence": round(report.confidence, 3),
        "proposed": report.proposed.name.lower() if report.proposed else None,
        "reasons": list(report.reasons),
    }


def _by_kind(counts: dict[str, int]) -> str:
    """``block 3, gap 1``: the kinds that gave something, or ``none``."""
    return ", ".join(f"{kind} {n}" for kind, n in counts.items() if n) or "none"


def _inspect_text(report: dict[str, Any]) -> str:
    counts = report["counts"]
    ext = report["extents"]
    lines = [
        f"{report['file']}: DXF {report['version']}, units {report['units']} "
        f"(1 unit = {report['scale_to_m']} m)",
        f"extents (m): {ext[0]:.2f}, {ext[1]:.2f} to {ext[2]:.2f}, {ext[3]:.2f} "
        f"({ext[2] - ext[0]:.1f} x {ext[3] - ext[1]:.1f} m)",
        f"walls {counts['walls']} segments, doors {counts['doors']}, windows "
        f"{counts['windows']}, spaces {counts['spaces']}, labels {counts['labels']}",
        "doors by method: " + _by_kind(counts["doors_by_method"]),
        "windows by source: " + _by_kind(counts["windows_by_source"]),
        f"layers ({len(report['layers'])}):",
    ]
    evidence = report["unit_evidence"]
    if evidence and evidence["source"] == "evidence":
        said = f"the header says {evidence['stated'] or 'nothing'}"
        lines.insert(
            1,
            f"units from the geometry ({said}; {evidence['confidence']:.0%} sure): "
            + "; ".join(evidence["reasons"]),
        )
    floors = floors_line(report["floors"])
    if floors:
        lines.append(floors)
    if report["layouts"]:
        lines.append(f"paper layouts: {', '.join(report['layouts'])}")
    if report["reader"]:
        lines.append(f"read by the {report['reader']}")
    lines += [
        f"  {layer['name']:<32} {layer['category']:<11} {layer['entities']:>7}"
        for layer in report["layers"]
    ]
    lines += [f"note: {warning}" for warning in report["warnings"]]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
