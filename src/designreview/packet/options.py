"""What a packet is printed for: recipient, copy, paper, classification, protection."""

from __future__ import annotations

from dataclasses import dataclass, field

from designreview.model.errors import DesignReviewError
from designreview.model.findings import Severity
from designreview.model.units import POINTS_PER_INCH

__all__ = ["PAGE_SIZES", "PLAN_PAGE_SIZES", "PacketError", "PacketOptions"]

_INCH = POINTS_PER_INCH
_MM = POINTS_PER_INCH / 25.4  # 25.4 mm to the inch

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "letter": (8.5 * _INCH, 11 * _INCH),
    "a4": (210 * _MM, 297 * _MM),
}
"""Portrait sizes (points) of the text pages."""

PLAN_PAGE_SIZES: dict[str, tuple[float, float] | None] = {
    "same": None,
    "ansi-d": (34 * _INCH, 22 * _INCH),
    "a1": (841 * _MM, 594 * _MM),
}
"""Landscape sizes (points) of the whole-sheet plan pages; None: the text size."""

DEFAULT_FINDING_PAGES = frozenset({Severity.FAIL, Severity.NEEDS_INFORMATION})


class PacketError(DesignReviewError):
    """The packet could not be made (bad options, protection unavailable, disk)."""


@dataclass(frozen=True, slots=True)
class PacketOptions:
    """How one copy of the packet is printed.

    Attributes:
        recipient: who this copy is issued to (printed on the cover and every page).
        copy_number: the copy's number for the distribution log, if numbered.
        page_size: "letter" or "a4" for the text pages.
        plan_page_size: "same" (the text size, landscape), "ansi-d" or "a1".
        classification: overrides the review's classification marking.
        include_sheets: sheet ids to print, in review order; None prints all.
        finding_pages: severities that get a page of their own per finding.
        password: protects the file with AES-256 (needs pikepdf) when given.
    """

    recipient: str = ""
    copy_number: int | None = None
    page_size: str = "letter"
    plan_page_size: str = "same"
    classification: str | None = None
    include_sheets: tuple[str, ...] | None = None
    finding_pages: frozenset[Severity] = field(
        default_factory=lambda: DEFAULT_FINDING_PAGES
    )
    password: str | None = None

    def __post_init__(self) -> None:
        """Reject sizes and copy numbers the packet cannot print."""
        if self.page_size not in PAGE_SIZES:
            raise PacketError(
                f"Unknown page size “{self.page_size}”: use letter or a4."
            )
        if self.plan_page_size not in PLAN_PAGE_SIZES:
            raise PacketError(
                f"Unknown plan page size “{self.plan_page_size}”: "
                "use same, ansi-d or a1."
            )
        if self.copy_number is not None and self.copy_number < 1:
            raise PacketError("A copy number starts at 1.")
        if self.password == "":
            raise PacketError("An empty password would protect nothing.")

    @property
    def text_page(self) -> tuple[float, float]:
        """The portrait size of the text pages, in points."""
        return PAGE_SIZES[self.page_size]

    @property
    def plan_page(self) -> tuple[float, float]:
        """The landscape size of the whole-sheet plan pages, in points."""
        width, height = PLAN_PAGE_SIZES[self.plan_page_size] or self.text_page[::-1]
        return (width, height)
