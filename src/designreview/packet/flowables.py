"""Small flowables: where a section starts (header, bookmark, outline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

if TYPE_CHECKING:
    from designreview.packet.layout import PageState

__all__ = ["SectionStart"]


class SectionStart(Flowable):
    """Marks the start of a section: running header, bookmark and outline entry.

    Takes no space. The first page a top-level section starts on is remembered in the
    pass's ``PageState``, so the next pass can print a table of contents.
    """

    def __init__(
        self, title: str, state: PageState, level: int = 0, header: str | None = None
    ) -> None:
        """A section called ``title`` at outline ``level``; ``header`` runs on top."""
        super().__init__()
        self.title = title
        self.state = state
        self.level = level
        self.header = header or title
        self.key = f"s{id(self)}"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """No space at all."""
        return (0.0, 0.0)

    def draw(self) -> None:
        """Record the section on this page."""
        self.state.section = self.header
        if self.level == 0:
            self.state.section_pages.setdefault(self.title, self.canv.getPageNumber())
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level)
