"""Every colour and line weight the product draws with, for screen and paper alike."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from designreview.model.findings import Severity
from designreview.model.plan import LayerCategory

Rgb = tuple[int, int, int]


class Theme(Enum):
    """Light for paper, dark for long sessions, high contrast for projectors.

    High contrast is black on white with every line heavier, for a washed-out
    projector in a bright room.
    """

    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


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
    Theme.HIGH_CONTRAST: Palette(
        background=(255, 255, 255), text=(0, 0, 0), grid=(170, 170, 170)
    ),
}
_HIGH_CONTRAST_WIDTH = 1.7
"""High contrast draws every line this much heavier, in the light colour darkened."""

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


@dataclass(frozen=True, slots=True)
class SeverityStyle:
    """How a severity looks and reads wherever a finding is shown.

    Example:
        >>> SEVERITY_STYLE[Severity.WARNING].label, SEVERITY_STYLE[Severity.INFO].title
        ('Warning', 'Information')
        >>> [s.rank for s in SEVERITY_STYLE] == sorted(s.rank for s in Severity)
        True
    """

    color: Rgb
    """Overlay, marker and table text, on screen, paper and BCF snapshots."""
    label: str
    """One finding's severity, in tables, legends and exports ("Fail")."""
    title: str
    """A group of findings of this severity, in the findings dock ("Fails")."""


SEVERITY_STYLE: dict[Severity, SeverityStyle] = {
    Severity.FAIL: SeverityStyle((210, 30, 30), "Fail", "Fails"),
    Severity.NEEDS_INFORMATION: SeverityStyle(
        (150, 90, 200), "Needs information", "Needs information"
    ),
    Severity.WARNING: SeverityStyle((230, 140, 0), "Warning", "Warnings"),
    # Dark grey, not blue: blue is the first agency's colour, and so the colour of
    # what its cameras cover; an info finding ("0% covered") must not look covered.
    Severity.INFO: SeverityStyle((95, 100, 110), "Info", "Information"),
}
"""Every severity's colour and words, worst first (the order legends list them in)."""

AGENCY_COLORS: tuple[Rgb, ...] = (
    (0, 114, 178),  # blue
    (213, 94, 0),  # vermillion
    (0, 158, 115),  # green
    (204, 121, 167),  # purple-pink
    (230, 159, 0),  # orange
    (86, 180, 233),  # sky
    (120, 94, 240),  # violet
)  # Okabe-Ito colours: distinguishable with colour-blindness and on a projector
"""The colours of the agencies' markups, in the order of a review's roster."""
NO_AGENCY_COLOR: Rgb = (90, 90, 100)
"""Markups of a reviewer without an agency."""


def palette(theme: Theme) -> Palette:
    """Background, text and grid colours for ``theme``."""
    return _PALETTES[theme]


def layer_style(category: LayerCategory, theme: Theme = Theme.LIGHT) -> LineStyle:
    """The style of a drawing layer of the given category.

    Example:
        >>> layer_style(LayerCategory.WALL).width_px
        1.6
        >>> contrast = layer_style(LayerCategory.WALL, Theme.HIGH_CONTRAST)
        >>> contrast.color, round(contrast.width_px, 2)
        ((11, 11, 13), 2.72)
    """
    light, dark, width, z = _CATEGORY_STYLES[category]
    if theme is Theme.HIGH_CONTRAST:
        deep = tuple(int(c * 0.55) for c in light)
        return LineStyle((deep[0], deep[1], deep[2]), width * _HIGH_CONTRAST_WIDTH, z)
    return LineStyle(light if theme is Theme.LIGHT else dark, width, z)


def label_color(theme: Theme = Theme.LIGHT) -> Rgb:
    """The colour of drawing text."""
    return _PALETTES[theme].text


RACE_STYLE: dict[str, tuple[Rgb, str]] = {
    "lost": ((210, 30, 30), "Lost: a walking intruder arrives first"),
    "close": ((230, 140, 0), "Close: only a hurried intruder arrives first"),
    "safe": ((0, 158, 115), "Safe: locks with the margin to spare"),
    "unreached": ((150, 150, 160), "Out of reach from this entry"),
    "unknown": ((150, 90, 200), "Lock function unknown"),
}
"""The lockdown race per room (``RaceStatus`` values): colour and legend words,
in the order a legend lists them (red, amber, green as on screen and paper)."""
BAND_COLORS: tuple[Rgb, ...] = ((200, 40, 40), (235, 130, 40), (240, 200, 80))
"""Isochrone bands of intruder arrival, nearest first (0-30, 30-60, 60-120 s)."""
REFUGE_ARROW_STYLE: tuple[Rgb, str] = (
    (30, 90, 200),
    "Lockdown plan: people sent to a refuge",
)
"""The refuge assignment arrows, on screen and on paper."""
EXPOSED_STYLE: tuple[Rgb, str] = (
    (120, 40, 160),
    "Seen through door glass on the route",
)
"""The part of each room the intruder's route sees through its door glass."""
