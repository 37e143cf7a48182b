"""``write_responder_map``: the responder map PDF, one page per floor and an index.

Printable and readable without special software (a plain PDF, black on white):
each floor north-up at a stated scale with its grid, then an index that finds
every room, exterior door and responder asset by its grid square.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4, TABLOID, landscape, letter
from reportlab.pdfgen.canvas import Canvas

from designreview.analysis.responder_map import map_fingerprint, responder_maps
from designreview.model.errors import DesignReviewError
from designreview.model.responder import ASSET_CODES, ASSET_NAMES
from designreview.packet.fonts import BOLD, REGULAR, draw_text, fit_text, register_fonts
from designreview.packet.layout import GREY, INK
from designreview.packet.map_pages import MARGIN, MapPage, draw_map_page
from designreview.packet.map_symbols import DESIGNATION_WORDS
from designreview.review_file.atomic_write import write_atomic

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.analysis.responder_map import SheetMap
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = ["MAP_PAPERS", "MapOptions", "issue_state", "write_responder_map"]

MAP_PAPERS: dict[str, tuple[float, float]] = {
    "letter": landscape(letter),
    "a4": landscape(A4),
    "tabloid": landscape(TABLOID),
}
"""Landscape sheets the map prints on (tabloid is 11 x 17 in)."""


@dataclass(frozen=True, slots=True)
class MapOptions:
    """How the map is printed: paper (None follows the plan's units)."""

    paper: str | None = None


def issue_state(review: Review, maps: list[SheetMap]) -> tuple[str, bool]:
    """The revision line of the map and whether the issued revision is current."""
    issued = review.responder.issued
    if issued is None:
        return "DRAFT: not issued", False
    if issued.fingerprint != map_fingerprint(review, maps):
        return (
            f"Revision {issued.revision} ({issued.date}) OUT OF DATE",
            False,
        )
    return f"Revision {issued.revision}, issued {issued.date}", True


def write_responder_map(
    review: Review,
    plans: Mapping[str, Plan],
    path: Path | str,
    options: MapOptions = MapOptions(),
) -> int:
    """Write the map of every floor whose plan is read; returns the page count.

    Raises:
        DesignReviewError: when no floor's drawing could be read, or the paper
            is unknown.
    """
    floors = responder_maps(review, plans)
    if not floors:
        raise DesignReviewError(
            "The review has no floor whose drawing could be read: nothing to map."
        )
    maps = [m for _, m in floors]
    imperial = maps[0].is_imperial
    paper = options.paper or ("letter" if imperial else "a4")
    if paper not in MAP_PAPERS:
        raise DesignReviewError(
            f"Unknown paper {paper!r} for the map: use {', '.join(MAP_PAPERS)}."
        )
    size = MAP_PAPERS[paper]
    register_fonts()
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=size, pageCompression=1)
    school = review.info.school
    canv.setTitle(f"Responder map: {school}" if school else "Responder map")
    canv.setAuthor("designreview")
    revision, _ = issue_state(review, maps)
    info = review.responder
    for i, (view, sheet_map) in enumerate(floors):
        page = MapPage(
            school,
            info.address,
            info.walkthrough_date,
            revision,
            review.info.classification,
            i + 1,
            len(floors),
        )
        draw_map_page(canv, size, view, sheet_map, page)
        canv.showPage()
    pages = len(floors) + _index_pages(canv, size, review, maps, revision)
    canv.save()
    write_atomic(Path(path), buffer.getvalue(), keep_backup=False)
    return pages


def _index_rows(maps: list[SheetMap]) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    several = len(maps) > 1
    for m in maps:
        floor = f" ({m.name})" if several else ""
        rows.append(("EXTERIOR DOORS" + floor, "", "", "head"))
        for d in m.doors:
            rows.append((d.number or "?", DESIGNATION_WORDS[d.designation], d.cell, ""))
        rows.append(("ROOMS" + floor, "", "", "head"))
        for r in sorted(m.rooms, key=lambda r: (len(r.number), r.number, r.name)):
            rows.append((r.number or "?", r.hallway or r.name, r.cell, ""))
        rows.append(("RESPONDER ITEMS" + floor, "", "", "head"))
        for k in sorted(m.marks, key=lambda k: (ASSET_NAMES[k.kind], k.label)):
            name = ASSET_NAMES[k.kind]
            words = f"{name}: {k.label}" if k.label else name
            rows.append((ASSET_CODES[k.kind], words, k.cell, ""))
    return rows


def _index_pages(
    canv: Canvas,
    size: tuple[float, float],
    review: Review,
    maps: list[SheetMap],
    revision: str,
) -> int:
    """The index: every door, room and item with its grid square; pages used."""
    width, height = size
    rows = _index_rows(maps)
    columns, leading = 4, 10.5
    col_w = (width - 2 * MARGIN) / columns
    top, bottom = height - MARGIN - 52, MARGIN + 24
    per_column = int((top - bottom) // leading)
    pages = 0
    while rows:
        pages += 1
        _index_header(canv, width, height, review, revision)
        for c in range(columns):
            chunk, rows = rows[:per_column], rows[per_column:]
            x = MARGIN + c * col_w
            for j, (first, second, cell, kind) in enumerate(chunk):
                y = top - j * leading
                canv.setFillColor(INK)
                if kind == "head":
                    draw_text(canv, x, y, first, BOLD, 7, max_width=col_w - 8)
                    continue
                draw_text(canv, x, y, first, BOLD, 7.5, max_width=40)
                text, small = fit_text(second, REGULAR, 6.5, col_w - 80)
                canv.setFillColor(GREY)
                draw_text(canv, x + 42, y, text, REGULAR, small)
                canv.setFillColor(INK)
                draw_text(canv, x + col_w - 12, y, cell or "-", BOLD, 7.5, "right")
        canv.showPage()
    return pages


def _index_header(
    canv: Canvas, width: float, height: float, review: Review, revision: str
) -> None:
    canv.setFillColor(INK)
    banner = review.info.classification.upper()
    draw_text(canv, width / 2, height - MARGIN + 4, banner, BOLD, 8, "centre")
    draw_text(canv, width / 2, MARGIN - 12, banner, BOLD, 8, "centre")
    title = f"RESPONDER MAP INDEX: {review.info.school}".rstrip(": ")
    draw_text(canv, MARGIN, height - MARGIN - 20, title, BOLD, 12)
    canv.setFillColor(GREY)
    made = dt.date.today().isoformat()
    line = f"{review.responder.address}   {revision}   printed {made}".strip()
    draw_text(canv, MARGIN, height - MARGIN - 33, line, REGULAR, 7.5)
    draw_text(
        canv, width - MARGIN, height - MARGIN - 33, "Number / name / grid square",
        REGULAR, 7.5, "right",
    )  # fmt: skip
