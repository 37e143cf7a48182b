"""A sheet's drawing replaced by the architect's revision, the review carried onto it.

Reads the old and the new plan the same way (the sheet's units, layer roles; for
an IFC model the storey of the same name), pairs their doors and rooms, records
the findings on the old drawing, and hands the rest to ``analysis.revision``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.revision import RevisionReport, carry_review
from designreview.analysis.revision_match import match_plans
from designreview.analysis.run import run_checks
from designreview.model.errors import DesignReviewError
from designreview.readers.ifc.read import ifc_storeys, is_ifc
from designreview.review_file.sheets import (
    plan_for_sheet,
    plans_for_sheets,
    source_from_path,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from designreview.model.markups import Stamp
    from designreview.model.plan import Plan
    from designreview.model.review import Review, Sheet
    from designreview.readers.dxf.walk import CancelCheck, ProgressReport


def find_sheet(review: Review, name_or_id: str) -> Sheet:
    """The sheet named (or with the id) ``name_or_id``; a clear error if none."""
    for sheet in review.sheets:
        if name_or_id in (sheet.name, sheet.id):
            return sheet
    names = ", ".join(s.name for s in review.sheets) or "none"
    raise DesignReviewError(
        f"The review has no sheet {name_or_id!r}; its sheets are {names}."
    )


def revise_sheet(
    review: Review,
    sheet: Sheet,
    path: Path,
    by: Stamp,
    *,
    old_plan: Plan | None = None,
    known: Mapping[str, Plan] | None = None,
    cancelled: CancelCheck | None = None,
    progress: ProgressReport | None = None,
) -> tuple[Review, RevisionReport, Plan]:
    """``review`` with ``sheet`` reading the drawing at ``path``; the new plan too.

    ``known`` holds plans already read (the app's, by sheet id): the findings on
    the old drawing are checked without reading those sheets' drawings again.

    Raises:
        DesignReviewError: the new drawing cannot be read, or is the same file.
    """
    source = source_from_path(path)
    if source.sha256 == sheet.source_sha256:
        raise DesignReviewError(
            f"{path.name} is the drawing sheet {sheet.name!r} already shows; choose "
            "the revised drawing."
        )
    old = old_plan if old_plan is not None else plan_for_sheet(review, sheet)
    new_sheet = replace(
        sheet,
        source_name=source.name,
        source_sha256=source.sha256,
        storey=_storey(path, source.sha256, old) if is_ifc(path) else None,
        region=sheet.region if not is_ifc(path) else None,
    )
    with_new = replace(
        review.with_sheet(new_sheet),
        sources=(*review.sources, source)
        if review.source(source.sha256) is None
        else review.sources,
    )
    new = plan_for_sheet(with_new, new_sheet, cancelled, progress)
    before = _findings(review, sheet, old, known or {})
    match = match_plans(old, new)
    revised, report = carry_review(
        review, sheet, new_sheet, source, (old, new), match, by, before
    )
    return revised, report, new


def _storey(path: Path, sha256: str, old: Plan) -> str | None:
    """The new model's storey with the old one's name (or GlobalId); None: default."""
    if old.bim is None:
        return None
    for storey in ifc_storeys(path, sha256=sha256):
        if storey.guid == old.bim.storey_guid or storey.name == old.bim.storey_name:
            return storey.guid
    return None


def _findings(
    review: Review, sheet: Sheet, old: Plan, known: Mapping[str, Plan]
) -> tuple[str, ...]:
    """The keys of ``sheet``'s findings on its old drawing."""
    plans = plans_for_sheets(review, known={**known, sheet.id: old})
    result = run_checks(review, {str(k): v for k, v in plans.items()})
    return tuple(f.key for f in result.findings if f.sheet_id == sheet.id)
