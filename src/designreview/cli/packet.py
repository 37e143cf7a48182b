"""``designreview packet``: the printed packet, one numbered copy per recipient."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from designreview.analysis.run import run_checks
from designreview.model.errors import DesignReviewError
from designreview.packet import PacketOptions
from designreview.packet.copies import write_copies
from designreview.review_file.inputs import load_review_and_plans

if TYPE_CHECKING:
    import argparse

EXIT_OK = 0


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
