"""``designreview export``: findings and markups for the architects' tools."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.analysis.run import run_checks
from designreview.exports.bcf.export import BcfOptions, write_bcf
from designreview.exports.csv_table import write_findings_csv, write_markups_csv
from designreview.exports.dxf.export import DxfExportOptions, write_review_dxf
from designreview.review_file.inputs import load_review_and_plans

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

EXIT_OK = 0


def markups_path(findings_path: Path) -> Path:
    """Where the markups CSV goes beside the findings CSV.

    Example:
        >>> from pathlib import Path
        >>> markups_path(Path("out/school.csv")).as_posix()
        'out/school-markups.csv'
    """
    return findings_path.with_name(
        f"{findings_path.stem}-markups{findings_path.suffix}"
    )


def run_export_command(options: argparse.Namespace) -> int:
    """Write the chosen export and say what was written."""
    review, plans = load_review_and_plans(options.review)
    result = run_checks(review, plans)
    if options.dxf is not None:
        summary = write_review_dxf(
            review,
            plans,
            result,
            options.dxf,
            DxfExportOptions(
                sheet_id=options.sheet, into_original=options.into_original
            ),
        )
        print(f"{options.dxf}: {summary.total} entities on REVIEW-* layers")
    elif options.bcf is not None:
        version = options.bcf_version
        topics = write_bcf(
            review, plans, result, options.bcf, BcfOptions(version=version)
        )
        print(f"{options.bcf}: {topics} BCF {version} topics")
    else:
        rows = write_findings_csv(review, plans, result, options.csv)
        other = markups_path(options.csv)
        marks = write_markups_csv(review, plans, other)
        print(f"{options.csv}: {rows} findings; {other}: {marks} markups")
    return EXIT_OK
