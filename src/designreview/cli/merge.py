"""``designreview merge [BASE] A B [C ...] -o OUT --report REPORT``: one review again.

Agencies mark up copies of one review apart; this merges them three-way against their
common ancestor (issue 21). The ancestor is the file named with ``--base``, else the
file among those named that every other descends from (so ``merge BASE A B`` needs
no flag), else none: then the merge is two-way and every difference is a conflict.
Conflicts take the value ``--prefer`` says; the report lists each with every value,
who set it and when, and every change taken.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.cli.review_output import check_free, check_review_output
from designreview.model.document import utc_now
from designreview.model.errors import DesignReviewError
from designreview.model.ids import ReviewerId
from designreview.model.markups import Stamp
from designreview.model.merge import Copy, Prefer, common_base, merge_reviews
from designreview.model.merge_report import report_data, report_markdown
from designreview.model.review import HistoryEntry
from designreview.review_file.archive import read_review
from designreview.review_file.atomic_write import write_atomic
from designreview.review_file.processes import current_user
from designreview.review_file.revisions import save_revision

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from designreview.model.merge import MergeResult

EXIT_OK = 0


def run_merge_command(options: argparse.Namespace) -> int:
    """Merge the named copies, write the merged review and the report."""
    output: Path = options.output
    report: Path = options.report
    _check_outputs(output, report, options.force)
    named = [Copy(path.name, read_review(path)) for path in options.reviews]
    base = Copy(options.base.name, read_review(options.base)) if options.base else None
    if base is None:
        base = common_base(named, named)
    copies = [c for c in named if c is not base] if base is not None else named
    if len(copies) < 2:
        copies = named
    if len(copies) < 2:
        raise DesignReviewError("Name at least two review copies to merge.")
    prefer = Prefer(options.prefer)
    result = merge_reviews(copies, base, prefer=prefer)
    now = utc_now()
    label = f"Merged {', '.join(result.copies)}" + (
        f" against {result.base}" if result.base else " (no common ancestor)"
    )
    entry = HistoryEntry(Stamp(ReviewerId(""), now), label)
    merged = replace(result.review, history=(*result.review.history, entry))
    save_revision(merged, output, saved_by=current_user(), saved_at=now)
    _write_report(report, result, prefer)
    _say(options, output, report, result)
    return EXIT_OK


def _check_outputs(output: Path, report: Path, force: bool) -> None:
    check_review_output(output, force, "merged review")
    check_free(report, force)
    if not report.parent.is_dir():
        raise DesignReviewError(f"The folder for the report {report} does not exist.")


def _write_report(report: Path, result: MergeResult, prefer: Prefer) -> None:
    """Markdown, or JSON when the report's name ends in ``.json``."""
    if report.suffix.lower() == ".json":
        data = report_data(result, prefer)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        text = report_markdown(result, prefer)
    write_atomic(report, text.encode("utf-8"), keep_backup=False)


def _say(
    options: argparse.Namespace, output: Path, report: Path, result: MergeResult
) -> None:
    if options.json:
        summary = {
            "output": str(output),
            "report": str(report),
            "base": result.base or None,
            "copies": list(result.copies),
            "changes": len(result.changes),
            "conflicts": len(result.conflicts),
        }
        print(json.dumps(summary))
        return
    against = f" against {result.base}" if result.base else " (two-way: no ancestor)"
    print(
        f"{output}: merged {len(result.copies)} copies{against}, "
        f"{len(result.changes)} changes taken, {len(result.conflicts)} conflicts "
        f"(see {report})"
    )
