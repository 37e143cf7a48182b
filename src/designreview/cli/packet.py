"""``designreview packet``: the printed packet, one numbered copy per recipient."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from designreview.analysis.run import run_checks
from designreview.model.errors import DesignReviewError
from designreview.packet import PacketOptions
from designreview.packet.copies import write_copies
from designreview.review_file.inputs import load_review_and_plans

if TYPE_CHECKING:
    import argparse

EXIT_OK = 0


def add_packet_command(commands: Any) -> None:
    """Register ``packet`` on the command line's subparsers."""
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


def run_packet_command(options: argparse.Namespace) -> int:
    """Write one packet per recipient and say where."""
    password = None
    if options.password_env:
        password = os.environ.get(options.password_env)
        if not password:
            raise DesignReviewError(
                f"The environment variable {options.password_env} holds no password."
            )
    review, plans = load_review_and_plans(options.review)
    result = run_checks(review, plans)
    written = write_copies(
        review,
        plans,
        result,
        options.output,
        options.recipient,
        PacketOptions(
            page_size=options.paper,
            plan_page_size=options.plan_paper,
            classification=options.classification,
            password=password,
        ),
    )
    for path, recipient, pages in written:
        print(f"{path}: {pages} pages" + (f" for {recipient}" if recipient else ""))
    return EXIT_OK
