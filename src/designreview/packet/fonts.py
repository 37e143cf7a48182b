"""Fonts of the packet, every one embedded: DejaVu Sans, and a CJK font beside it.

Reviewers' names and room labels come in any language ("José Núñez", "教室 101",
"12 ㎡"). DejaVu Sans, shipped in ``resources/fonts`` and embedded as a subset,
covers Latin, Greek and Cyrillic. A character it lacks is drawn in Droid Sans
Fallback (``DroidSansFallback-CJK.ttf``, Apache-2.0, shipped as a 2.3 MB subset of
17,000 Chinese, Japanese and Korean characters, see ``make_cjk_subset.py`` there),
also embedded as a subset, so the glyphs print on any reader and the text stays
searchable. Anything neither font has prints as a blank box; nothing raises.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Literal
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from designreview.resources import resource

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "BOLD",
    "CJK",
    "REGULAR",
    "draw_text",
    "paragraph_text",
    "register_fonts",
    "runs",
]

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CJK = "DroidSansFallback"
_FILES = (
    (REGULAR, "DejaVuSans.ttf"),
    (BOLD, "DejaVuSans-Bold.ttf"),
    (CJK, "DroidSansFallback-CJK.ttf"),
)
_VARIANTS: tuple[tuple[Literal[0, 1], Literal[0, 1]], ...] = (
    (0, 0),
    (0, 1),
    (1, 0),
    (1, 1),
)


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) and the CJK fallback, once."""
    for name, file in _FILES:
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    for bold, italic in _VARIANTS:
        addMapping(REGULAR, bold, italic, BOLD if bold else REGULAR)
        addMapping(CJK, bold, italic, CJK)  # no bold CJK: <b> keeps the regular


@cache
def _covered(font: str) -> frozenset[int]:
    register_fonts()
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return frozenset(getattr(face, "charWidths", {}))


def _font_for(char: str, font: str) -> str:
    code = ord(char)
    if code in _covered(font) or code not in _covered(CJK):
        return font
    return CJK


def runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """``text`` cut into (text, font name) runs, each drawable in its font.

    Example:
        >>> [font for _text, font in runs("Aula 教室 12 ㎡")]
        ['DejaVuSans', 'DroidSansFallback', 'DejaVuSans', 'DroidSansFallback']
    """
    found: list[tuple[str, str]] = []
    for char in text:
        name = _font_for(char, font)
        if found and found[-1][1] == name:
            found[-1] = (found[-1][0] + char, name)
        else:
            found.append((char, name))
    return found


def paragraph_text(text: str, font: str = REGULAR) -> str:
    """Plain ``text`` as a Paragraph's markup: escaped, CJK in its font, lines kept.

    Example:
        >>> paragraph_text("R&D <lab> 教室")
        'R&amp;D &lt;lab&gt; <font name="DroidSansFallback">教室</font>'
    """
    parts = []
    for piece, name in runs(text, font):
        escaped = escape(piece).replace("\n", "<br/>")
        parts.append(
            escaped if name == font else f'<font name="{name}">{escaped}</font>'
        )
    return "".join(parts)


def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` in points, with its fallback runs."""
    return sum(pdfmetrics.stringWidth(t, f, size) for t, f in runs(text, font))


def fit_text(text: str, font: str, size: float, max_width: float) -> tuple[str, float]:
    """``text`` and a size that fit ``max_width``: shrunk up to a quarter, then cut.

    Example:
        >>> register_fonts()
        >>> fit_text("Level 1", REGULAR, 10, 100)
        ('Level 1', 10)
        >>> fit_text("A very long drawing file name.dxf", REGULAR, 10, 80)
        ('A very long drawin…', 7.5)
    """
    width = text_width(text, font, size)
    if width <= max_width:
        return text, size
    size = max(size * max_width / width, size * 0.75)
    if text_width(text, font, size) <= max_width:
        return text, size
    while len(text) > 1 and text_width(text + "…", font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…", size


def draw_text(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    font: str = REGULAR,
    size: float = 8.0,
    align: str = "left",
    max_width: float | None = None,
) -> float:
    """Draw one line of ``text`` at baseline ``y``; returns its width.

    ``align`` is "left", "centre" or "right" of ``x``; text wider than ``max_width``
    is shrunk a little and then cut short with an ellipsis.
    """
    if max_width is not None:
        text, size = fit_text(text, font, size, max_width)
    width = text_width(text, font, size)
    start = {"left": x, "centre": x - width / 2, "right": x - width}[align]
    for piece, name in runs(text, font):
        canv.setFont(name, size)
        canv.drawString(start, y, piece)
        start += pdfmetrics.stringWidth(piece, name, size)
    return width
