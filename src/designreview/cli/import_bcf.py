"""``designreview import-bcf REVIEW BCF -o OUT``: a BIM tool's answers into a review.

The architect answers our BCF topics in the BIM tool (replies, status changes) and
sends the file back; this merges what is new into the findings and comments the
topics are about (``exports.bcf.merge_back``) and writes the review to OUT as a new
revision, atomically. Importing the same file again changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.run import run_checks
from designreview.cli.review_output import check_is_review, check_review_output
from designreview.exports.bcf.merge_back import merge_bcf
from designreview.exports.bcf.reading import read_bcf
from designreview.model.document import utc_now
from designreview.model.ids import ReviewerId
from designreview.model.markups import Stamp
from designreview.model.review import HistoryEntry
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.processes import current_user
from designreview.review_file.revisions import save_revision

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

EXIT_OK = 0


def run_import_bcf_command(options: argparse.Namespace) -> int:
    """Merge the BCF file into the review and write the result."""
    output: Path = options.output
    check_review_output(output, options.force)
    check_is_review(
        options.review,
        "BCF answers go back into the review the topics were exported from.",
    )
    version, topics = read_bcf(options.bcf)
    review, plans = load_review_and_plans(options.review)
    now = utc_now()
    merge = merge_bcf(
        review, run_checks(review, plans), topics,
        file=options.bcf.name, version=version, now=now,
    )  # fmt: skip
    if merge.edit is not None:
        review, _changes = merge.edit.apply(review)
        entry = HistoryEntry(Stamp(ReviewerId(""), now), f"Imported {options.bcf.name}")
        review = replace(review, history=(*review.history, entry))
    save_revision(review, output, saved_by=current_user(), saved_at=now)
    report = merge.report
    if options.json:
        print(json.dumps({
            "output": str(output), "file": report.file, "version": report.version,
            "topics": report.topics, "matched": report.matched,
            "replies_added": report.replies_added,
            "statuses_changed": report.statuses_changed,
            "unmatched": list(report.unmatched), "notes": list(report.notes),
        }))  # fmt: skip
    else:
        print(f"{output}: {report.summary()}")
    return EXIT_OK
