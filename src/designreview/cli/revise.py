"""``designreview revise REVIEW --sheet S NEW -o OUT``: a review onto a revised drawing.

The architect sends a new drawing of a floor: its doors and rooms are paired with
the old ones, markups follow them, decisions stay with their findings, and what
lost its door or room is flagged (``review_file.revise``). The review is written
to OUT as a new revision, with what changed printed (or as JSON).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.cli.review_output import check_is_review, check_review_output
from designreview.model.document import utc_now
from designreview.model.ids import ReviewerId
from designreview.model.markups import Stamp
from designreview.model.review import HistoryEntry
from designreview.review_file.archive import read_review
from designreview.review_file.processes import current_user
from designreview.review_file.revise import find_sheet, revise_sheet
from designreview.review_file.revisions import save_revision

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

EXIT_OK = 0


def run_revise_command(options: argparse.Namespace) -> int:
    """Replace the sheet's drawing, carry the review, write OUT."""
    output: Path = options.output
    check_review_output(output, options.force)
    check_is_review(options.review, "revise carries a review onto a new drawing.")
    review = read_review(options.review)
    sheet = find_sheet(review, options.sheet)
    now = utc_now()
    by = Stamp(ReviewerId(current_user()), now)
    revised, report, _plan = revise_sheet(review, sheet, options.drawing, by)
    entry = HistoryEntry(
        by, f"Replaced the drawing of {sheet.name} by {options.drawing.name}"
    )
    revised = replace(revised, history=(*revised.history, entry))
    save_revision(revised, output, saved_by=current_user(), saved_at=now)
    if options.json:
        print(
            json.dumps(
                {
                    "output": str(output),
                    "sheet": sheet.name,
                    "changes": [
                        {
                            "what": c.what,
                            "kind": c.kind.value,
                            "label": c.label,
                            "detail": c.detail,
                            "old_id": c.old_id,
                            "new_id": c.new_id,
                        }
                        for c in report.changes
                    ],
                    "followed": list(report.followed),
                    "flagged": list(report.flagged),
                    "decisions_carried": report.decisions_carried,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"{output}:")
        print("\n".join(report.lines))
    return EXIT_OK
