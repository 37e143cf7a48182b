"""One school of a batch: its checks, its map's mandate items and its map, as a row.

A plain function of plain arguments returning a frozen row, so a process pool or a
Dask cluster can run it anywhere and send the row back; a school that cannot be read
gives an error row instead of stopping the batch.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from designreview.model.errors import DesignReviewError

__all__ = ["SchoolRow", "check_school"]


@dataclass(frozen=True, slots=True)
class SchoolRow:
    """What the batch report says of one school."""

    path: str
    school: str = ""
    error: str = ""
    """Why the review could not be checked; "" when it was."""
    fails: int = 0
    warnings: int = 0
    infos: int = 0
    questions: int = 0
    """Findings that need information."""
    mandate_missing: tuple[str, ...] = ()
    """The MAP rules (of the profile) the school's map still fails, once each."""
    map_pdf: str = ""
    map_pages: int = 0
    seconds: float = 0.0

    @property
    def is_ok(self) -> bool:
        """Whether the review was read and checked."""
        return not self.error


def check_school(path: str, maps_dir: str | None, profile: str | None) -> SchoolRow:
    """Check the review at ``path``; write its map into ``maps_dir`` (None: no map)."""
    started = time.perf_counter()
    try:
        row = _checked(Path(path), maps_dir, profile)
    except DesignReviewError as exc:
        row = SchoolRow(path, error=str(exc))
    except Exception as exc:  # one broken school must not stop a district's batch
        row = SchoolRow(path, error=f"Unexpected {type(exc).__name__}: {exc}")
    return replace(row, seconds=round(time.perf_counter() - started, 3))


def _checked(path: Path, maps_dir: str | None, profile: str | None) -> SchoolRow:
    from designreview.analysis.map_profiles import profile_named
    from designreview.analysis.run import run_checks
    from designreview.model.findings import Severity
    from designreview.review_file.inputs import load_review_and_plans

    review, plans = load_review_and_plans(path)
    if profile:
        key = profile_named(profile).key
        review = replace(review, responder=replace(review.responder, profile=key))
    findings = run_checks(review, plans).findings

    def count(severity: Severity) -> int:
        return sum(1 for f in findings if f.severity is severity)

    missing = sorted(
        {f.rule for f in findings if f.rule.startswith("MAP-")},
        key=lambda r: int(r.split("-")[1]),
    )
    pdf, pages = "", 0
    if maps_dir is not None:
        from designreview.packet.responder_map import write_responder_map

        target = Path(maps_dir) / f"{path.stem}-responder-map.pdf"
        pages = write_responder_map(review, plans, target)
        pdf = str(target)
    return SchoolRow(
        str(path),
        review.info.school or path.stem,
        "",
        count(Severity.FAIL),
        count(Severity.WARNING),
        count(Severity.INFO),
        count(Severity.NEEDS_INFORMATION),
        tuple(missing),
        pdf,
        pages,
    )
