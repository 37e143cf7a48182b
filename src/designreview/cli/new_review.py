"""``designreview new``: a review file from drawings, one sheet each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.cli.review_output import check_review_output
from designreview.model.document import utc_now
from designreview.model.words import counted
from designreview.review_file.processes import current_user
from designreview.review_file.revisions import save_revision
from designreview.review_file.sheets import new_review

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

EXIT_OK = 0


def run_new_command(options: argparse.Namespace) -> int:
    """``designreview new PLAN [PLAN ...] -o REVIEW [--force]``."""
    output: Path = options.output
    check_review_output(output, options.force, "review file")
    now = utc_now()
    review = new_review(
        list(options.plans),
        created_by=current_user(),
        created_at=now,
        split_floors=options.floors,
    )
    save_revision(review, output, saved_by=current_user(), saved_at=now)
    sheets = ", ".join(sheet.name for sheet in review.sheets)
    print(f"{output}: {counted(len(review.sheets), 'sheet')}: {sheets}")
    return EXIT_OK
