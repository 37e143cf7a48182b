"""Table helpers shared by the text pages: cells that wrap, one look for all tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, TableStyle

from designreview.packet.fonts import REGULAR, paragraph_text
from designreview.packet.layout import INK, STYLES
from designreview.packet.reportlab_backend import color
from designreview.render.style import SEVERITY_STYLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.findings import Severity

__all__ = ["EMBEDDED_FONT", "cell", "data_table", "severity_cell", "severity_width"]

EMBEDDED_FONT = ("FONT", (0, 0), (-1, -1), REGULAR)
"""A table's own font: reportlab's default, Helvetica, would be named, not embedded."""

PADDING = 3.0
"""Left and right padding of every cell, in points."""
_LINE = Color(0.75, 0.75, 0.78)
_ZEBRA = Color(0.96, 0.96, 0.97)


def cell(text: str, style: str = "cell") -> Paragraph:
    """A table cell that wraps, from plain text (escaped, any language)."""
    return Paragraph(paragraph_text(text), STYLES[style])


def severity_cell(severity: Severity) -> Paragraph:
    """The severity's name in bold, in its colour."""
    style = SEVERITY_STYLE[severity]
    hex_color = "#{:02x}{:02x}{:02x}".format(*style.color)
    return Paragraph(
        f'<font color="{hex_color}">{style.label}</font>', STYLES["cell_bold"]
    )


def severity_width() -> float:
    """The narrowest column that holds every severity's longest word unbroken.

    "Needs information" may wrap between its words, never inside "information".
    """
    style = STYLES["cell_bold"]
    words = (w for s in SEVERITY_STYLE.values() for w in s.label.split())
    longest = max(stringWidth(w, style.fontName, style.fontSize) for w in words)
    return longest + 2 * PADDING + 1.0  # a point spare: wrapping rounds


def data_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    header: Sequence[str] | None = None,
    extra: Sequence[Any] = (),
) -> LongTable:
    """A table that splits across pages, repeating its header row on each.

    ``rows`` hold strings (wrapped into cells) or flowables; ``extra`` adds
    TableStyle commands (row 0 is the header when there is one).
    """
    body = [[cell(v) if isinstance(v, str) else v for v in row] for row in rows]
    data = ([[cell(h, "head") for h in header]] if header else []) + body
    table = LongTable(data, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[Any] = [
        EMBEDDED_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), INK)]
    first = 1 if header else 0
    commands += [
        ("BACKGROUND", (0, i), (-1, i), _ZEBRA) for i in range(first + 1, len(data), 2)
    ]
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def key_value_table(
    pairs: Sequence[tuple[str, str]], widths: Sequence[float]
) -> LongTable:
    """Label and value rows without a header, labels in bold."""
    rows = [[cell(k, "cell_bold"), cell(v)] for k, v in pairs]
    return data_table(rows, widths)


def tint(rgb: tuple[int, int, int], alpha: float = 0.15) -> Color:
    """A pale version of a colour, for cell backgrounds."""
    return color(rgb, alpha)
