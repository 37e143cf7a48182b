"""Reading a finished PDF back as page sizes and pixels, for preview and printing.

The packet is laid out once, by reportlab; the screen preview and the printer show
that same file (rendered by PDFium) rather than a second layout that could differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2

from designreview.model.errors import DesignReviewError
from designreview.model.units import POINTS_PER_INCH

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

#: A page is never rendered to more pixels than this (an ANSI D sheet at 300 dpi
#: would be 67 Mpx); above it the resolution is lowered, never the paper size.
MAX_PIXELS = 48_000_000


class PdfReadError(DesignReviewError):
    """The PDF could not be opened or rendered."""


@dataclass(frozen=True, slots=True)
class PagePixels:
    """One page as 8-bit RGBX rows; ``dpi`` is the resolution actually used."""

    width: int
    height: int
    stride: int
    pixels: bytes
    dpi: float


def page_sizes(path: Path, password: str | None = None) -> list[tuple[float, float]]:
    """Width and height of every page in points (1/72 inch), in page order."""
    with _document(path, password) as document:
        return [document[i].get_size() for i in range(len(document))]


def render_pages(
    path: Path,
    dpi: float,
    password: str | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[PagePixels]:
    """Each page at ``dpi`` (lowered for very large pages), white behind the ink."""
    with _document(path, password) as document:
        for index in range(len(document)):
            if stop():
                return
            page = document[index]
            width_pt, height_pt = page.get_size()
            page_dpi = _dpi_within_budget(width_pt, height_pt, dpi)
            bitmap = page.render(
                scale=page_dpi / POINTS_PER_INCH,
                rev_byteorder=True,
                prefer_bgrx=True,
                fill_color=(255, 255, 255, 255),
                optimize_mode="print",
            )
            yield PagePixels(
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                bytes(bitmap.buffer),
                page_dpi,
            )
            bitmap.close()
            page.close()


def _dpi_within_budget(width_pt: float, height_pt: float, dpi: float) -> float:
    """``dpi``, or less if the page would exceed MAX_PIXELS.

    Example:
        >>> round(_dpi_within_budget(2448, 1584, 300))  # ANSI D, 34 x 22 in
        253
        >>> _dpi_within_budget(612, 792, 300)
        300
    """
    pixels = (width_pt / POINTS_PER_INCH * dpi) * (height_pt / POINTS_PER_INCH * dpi)
    if pixels <= MAX_PIXELS:
        return dpi
    return float(dpi * (MAX_PIXELS / pixels) ** 0.5)


class _document:  # noqa: N801 (used as a context manager, like open())
    def __init__(self, path: Path, password: str | None) -> None:
        try:
            self.document = pypdfium2.PdfDocument(str(path), password=password)
        except pypdfium2.PdfiumError as exc:
            raise PdfReadError(
                f"The PDF “{path.name}” could not be opened ({exc}). "
                "Write the packet again."
            ) from exc

    def __enter__(self) -> pypdfium2.PdfDocument:
        return self.document

    def __exit__(self, *_exc: object) -> None:
        self.document.close()
