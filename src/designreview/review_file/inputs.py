"""Opening what the command line is given: a review file, or a bare drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.ids import ReviewId, new_id
from designreview.model.review import Review
from designreview.readers.ifc.read import is_ifc
from designreview.review_file.archive import SUFFIX, read_review
from designreview.review_file.sheets import add_drawing, new_review, plans_for_sheets

if TYPE_CHECKING:
    from pathlib import Path

    from designreview.model.plan import Plan


def load_review_and_plans(path: Path) -> tuple[Review, dict[str, Plan]]:
    """The review at ``path`` (or a new one around a drawing) and its sheets' plans.

    Raises:
        DesignReviewError: a subclass with a message for the user.
    """
    if path.suffix.lower() == SUFFIX or is_ifc(path):
        # An IFC model is a review of its floor storeys, one sheet each.
        review = (
            read_review(path) if path.suffix.lower() == SUFFIX else new_review([path])
        )
        plans = plans_for_sheets(review)
        return review, {str(sheet_id): plan for sheet_id, plan in plans.items()}
    empty = Review(id=ReviewId(new_id()))
    sheet, source, plan = add_drawing(empty, path)
    return Review(id=empty.id, sheets=(sheet,), sources=(source,)), {sheet.id: plan}
