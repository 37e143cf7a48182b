"""The packet's CJK font: a subset of Droid Sans Fallback, DroidSansFallback-CJK.ttf.

Droid Sans Fallback (Apache-2.0, TrueType outlines, so reportlab can embed it) has
28,600 characters in 4 MB. The packet needs the ones room names, layer names and
reviewers' names are written in: the characters of the national standards GB 2312
(simplified Chinese), Big5 (traditional Chinese), JIS X 0208 (Japanese) and KS X 1001
(Korean), with CJK punctuation, the CJK compatibility block (square units such as
U+33A1 SQUARE M SQUARED) and full-width forms. That keeps 17,000 characters in 2.3 MB;
a character outside it prints as an empty box.

Run with fontTools (installed with ezdxf), from Debian's ``fonts-droid-fallback``::

    python resources/fonts/make_cjk_subset.py SOURCE.ttf TARGET.ttf

with SOURCE ``/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf`` and TARGET
``resources/fonts/DroidSansFallback-CJK.ttf``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

CODECS = ("gb2312", "big5", "euc_jp", "euc_kr")
"""Two-byte encodings whose every character is kept."""
BLOCKS = (
    (0x3000, 0x30FF),  # CJK symbols and punctuation, kana
    (0x3100, 0x318F),  # bopomofo, Hangul compatibility jamo
    (0x3200, 0x33FF),  # enclosed letters, CJK compatibility (square units)
    (0xFF00, 0xFFEF),  # half-width and full-width forms
)


def national_characters(codec: str) -> set[int]:
    """Every character a two-byte national encoding can write."""
    found: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                found.add(ord(text))
    return found


def wanted() -> set[int]:
    """The code points the subset keeps (where the source font has them)."""
    codes = {code for low, high in BLOCKS for code in range(low, high + 1)}
    for codec in CODECS:
        codes |= national_characters(codec)
    return codes


def make_subset(source: Path, target: Path) -> int:
    """Write the subset of ``source`` to ``target``; returns the characters kept."""
    cmap = TTFont(source).getBestCmap()
    codes = sorted(code for code in wanted() if code in cmap)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.notdef_outline = True
    options.hinting = False  # printed, not shown on low-resolution screens
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    font.save(target)
    return len(codes)


def main() -> None:
    """Parse the two paths and write the subset."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="DroidSansFallbackFull.ttf")
    parser.add_argument("target", type=Path, help="the subset to write")
    args = parser.parse_args()
    kept = make_subset(args.source, args.target)
    size = args.target.stat().st_size
    print(f"{args.target}: {kept} characters, {size / 1e6:.1f} MB")  # noqa: T201


if __name__ == "__main__":
    main()
