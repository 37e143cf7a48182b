"""Fonts of the packet: DejaVu Sans embedded, a fallback for Chinese, Japanese, Korean.

Reviewers' names and room labels come in any language ("José Núñez", "教室 101").
DejaVu Sans, shipped in ``resources/fonts`` and embedded as a subset, covers Latin,
Greek and Cyrillic. It has no CJK glyphs, so runs of CJK text switch to one of the
Adobe CJK fonts every PDF reader knows by name (not embedded: the text stays correct
and searchable, and readers without those fonts substitute one). Anything else DejaVu
lacks prints as a blank box; nothing raises. A CJK TrueType font dropped into
``resources/fonts`` as ``DroidSansFallbackFull.ttf`` (Apache-2.0, 4 MB) is embedded
instead of the Adobe fonts, so the glyphs print on any reader.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Literal
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from designreview.resources import resource

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = ["BOLD", "REGULAR", "draw_text", "paragraph_text", "register_fonts", "runs"]

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_CJK = "STSong-Light"
_CJK_TTF = "DesignReviewCJK"
_CJK_TTF_FILE = "DroidSansFallbackFull.ttf"
_HANGUL = "HYSMyeongJo-Medium"
_VARIANTS: tuple[tuple[Literal[0, 1], Literal[0, 1]], ...] = (
    (0, 0),
    (0, 1),
    (1, 0),
    (1, 1),
)
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_CJK_RANGES = (
    (0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x3100, 0x312F), (0x31A0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)  # fmt: skip


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) and the CJK fallbacks, once."""
    for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    for bold, italic in _VARIANTS:
        addMapping(REGULAR, bold, italic, BOLD if bold else REGULAR)
    for name in (_CJK, _HANGUL):
        pdfmetrics.registerFont(UnicodeCIDFont(name))
        for bold, italic in _VARIANTS:  # no bold CJK: <b> keeps the regular face
            addMapping(name, bold, italic, name)


@cache
def _covered(font: str) -> frozenset[int]:
    register_fonts()
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return frozenset(getattr(face, "charWidths", {}))


@cache
def _embedded_cjk() -> str | None:
    """The embeddable CJK font's name, if the installation ships one."""
    node = resource("fonts", _CJK_TTF_FILE)
    if not node.is_file():
        return None
    pdfmetrics.registerFont(TTFont(_CJK_TTF, str(node)))
    return _CJK_TTF


def _in(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(low <= code <= high for low, high in ranges)


def _font_for(char: str, font: str) -> str:
    code = ord(char)
    if code in _covered(font):
        return font
    hangul = _in(_HANGUL_RANGES, code)
    if not (hangul or _in(_CJK_RANGES, code)):
        return font
    embedded = _embedded_cjk()
    if embedded is not None and code in _covered(embedded):
        return embedded
    return _HANGUL if hangul else _CJK


def runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """``text`` cut into (text, font name) runs, each drawable in its font.

    Example:
        >>> runs("Aula 教室 1")
        [('Aula ', 'DejaVuSans'), ('教室', 'STSong-Light'), (' 1', 'DejaVuSans')]
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
        'R&amp;D &lt;lab&gt; <font name="STSong-Light">教室</font>'
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
