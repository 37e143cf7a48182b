"""Writing the packet off the GUI thread from a frozen snapshot of the review."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from designreview.analysis.run import run_checks
from designreview.packet import PacketOptions
from designreview.packet.copies import write_copies
from designreview.ui.session.findings_runner import plans_for_review

if TYPE_CHECKING:
    import threading
    from collections.abc import Mapping

    from designreview.model.plan import Plan
    from designreview.model.review import Review


@dataclass(frozen=True, slots=True)
class PacketRequest:
    """What the packet dialog asks for: where, for whom, and how it is printed."""

    output: Path
    recipients: tuple[str, ...]
    options: PacketOptions


def write_packets(
    review: Review,
    cached: Mapping[str, Plan | None],
    request: PacketRequest,
    cancel: threading.Event,
) -> list[tuple[Path, str, int]]:
    """Check the review afresh and write every copy; (path, recipient, pages) each."""
    plans = plans_for_review(review, cached, cancel)
    result = run_checks(review, plans)
    return write_copies(
        review,
        plans,
        result,
        request.output,
        list(request.recipients),
        request.options,
        stop=cancel.is_set,
    )
