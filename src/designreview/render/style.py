"""Every colour and line weight the product draws with, for screen and paper alike."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from designreview.model.plan import LayerCategory

Rgb = tuple[int, int, int]


class Theme(Enum):
    """Light for paper and bright rooms, dark for projectors and long sessions."""

    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class LineStyle:
    """How a line is drawn: colour and width in screen pixels (cosmetic)."""

    color: Rgb
    width_px: float
    z: int


@dataclass(frozen=True, slots=True)
class Palette:
    """The background and text colours of a theme."""

    background: Rgb
    text: Rgb
    grid: Rgb


_PALETTES = {
    Theme.LIGHT: Palette(
        background=(250, 250, 247), text=(40, 40, 48), grid=(225, 225, 220)
    ),
    Theme.DARK: Palette(
        background=(28, 30, 34), text=(220, 220, 210), grid=(50, 52, 58)
    ),
}

# (light colour, dark colour, width in px, stacking order): walls dark and heavy,
# openings coloured so they stand out, everything else quiet.
_CATEGORY_STYLES: dict[LayerCategory, tuple[Rgb, Rgb, float, int]] = {
    LayerCategory.WALL: ((20, 20, 24), (235, 235, 230), 1.6, 50),
    LayerCategory.DOOR: ((176, 80, 24), (255, 170, 90), 1.2, 45),
    LayerCategory.WINDOW: ((30, 120, 200), (110, 190, 255), 1.2, 44),
    LayerCategory.COLUMN: ((60, 60, 60), (200, 200, 200), 1.2, 40),
    LayerCategory.STAIR: ((110, 90, 150), (180, 160, 220), 1.0, 30),
    LayerCategory.ROOM: ((120, 170, 120), (110, 170, 110), 1.0, 20),
    LayerCategory.LABEL: ((70, 70, 90), (190, 190, 200), 1.0, 25),
    LayerCategory.FURNITURE: ((165, 165, 165), (105, 105, 110), 0.8, 10),
    LayerCategory.ANNOTATION: ((150, 150, 170), (110, 110, 130), 0.8, 15),
    LayerCategory.OTHER: ((110, 110, 115), (150, 150, 155), 1.0, 12),
}


def palette(theme: Theme) -> Palette:
    """Background, text and grid colours for ``theme``."""
    return _PALETTES[theme]


def layer_style(category: LayerCategory, theme: Theme = Theme.LIGHT) -> LineStyle:
    """The style of a drawing layer of the given category.

    Example:
        >>> layer_style(LayerCategory.WALL).width_px
        1.6
    """
    light, dark, width, z = _CATEGORY_STYLES[category]
    return LineStyle(light if theme is Theme.LIGHT else dark, width, z)


def label_color(theme: Theme = Theme.LIGHT) -> Rgb:
    """The colour of drawing text."""
    return _PALETTES[theme].text
