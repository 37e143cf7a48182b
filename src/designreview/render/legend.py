"""What each colour and symbol on the plan means, for the screen's legend and paper.

One list, so the legend on screen and the one printed beside each plan say the
same. The screen's legend lists only what the review shows (a review without
cameras has no camera rows); paper lists every symbol, as a printed legend must
serve whoever picks the page up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from designreview.model.markups import (
    AccessPoint,
    Breach,
    Camera,
    Comment,
    Observer,
    ResponderMark,
    Sightline,
    Zone,
    ZoneKind,
)
from designreview.model.plan import LayerCategory
from designreview.render.graphic import Symbol
from designreview.render.markup_graphics import agency_color
from designreview.render.style import SEVERITY_STYLE, Rgb, Theme, layer_style

if TYPE_CHECKING:
    from collections.abc import Iterable

    from designreview.model.findings import Severity
    from designreview.model.review import Review

__all__ = [
    "AREA_ROWS",
    "SYMBOL_ROWS",
    "LegendRow",
    "LegendSection",
    "Swatch",
    "agencies",
    "legend_sections",
]


class Swatch(Enum):
    """How a legend row shows its colour."""

    SYMBOL = "symbol"
    FILL = "fill"
    DASHED_FILL = "dashed_fill"
    LINE = "line"
    DASHED_LINE = "dashed_line"


@dataclass(frozen=True, slots=True)
class LegendRow:
    """One colour or symbol and what it means."""

    label: str
    color: Rgb
    swatch: Swatch
    symbol: Symbol | None = None
    alpha: float = 1.0
    """The fill's opacity, as the plan draws it."""


@dataclass(frozen=True, slots=True)
class LegendSection:
    """A titled group of rows (marks, areas, findings, agencies)."""

    title: str
    rows: tuple[LegendRow, ...]


MARK_GREY: Rgb = (60, 60, 70)
"""Symbols and areas whose colour is the agency's: shown in grey in the legend."""

SYMBOL_ROWS: tuple[tuple[Symbol, str, tuple[type, ...]], ...] = (
    (Symbol.EXTERIOR_DOOR, "Exterior door (number)", (AccessPoint,)),
    (Symbol.DOOR, "Interior door", (AccessPoint,)),
    (Symbol.BREACH, "Breach point (glass, window)", (Breach,)),
    (Symbol.OBSERVER, "Observer (staff post, desk)", (Observer,)),
    (Symbol.CAMERA, "Camera", (Camera,)),
    (Symbol.COMMENT, "Comment (thread C#)", (Comment,)),
    (Symbol.ENDPOINT, "Sightline end", (Sightline,)),
    (Symbol.ASSET, "Responder item (KB key box, AED, G gas...)", (ResponderMark,)),
)
"""Each point symbol, its words, and the markups drawn with it. Responder items
share one row: their letters say which (the responder map's legend lists each)."""

AREA_ROWS: tuple[tuple[Swatch, float, str, tuple[object, ...]], ...] = (
    (Swatch.DASHED_FILL, 0.14, "Lockable zone", (ZoneKind.LOCKABLE_ZONE,)),
    (Swatch.FILL, 0.27, "Safe room", (ZoneKind.SAFE_ROOM,)),
    (Swatch.FILL, 0.35, "Hard corner (drawn)", (ZoneKind.HARD_CORNER,)),
    (Swatch.DASHED_LINE, 1.0, "Camera field of view (ignores walls)", (Camera,)),
    (Swatch.FILL, 0.18, "Seen: camera or observer viewshed", (Camera, Observer)),
    (Swatch.FILL, 0.24, "Camera recognition (125 px/m)", (Camera,)),
    (Swatch.FILL, 0.35, "Camera identification (250 px/m)", (Camera,)),
)
"""Each filled or outlined area, its opacity, its words, and what draws it (a
markup type, or a kind of zone)."""


def agencies(review: Review) -> list[str]:
    """Agencies in roster order, then any named only on comments.

    Example:
        >>> from designreview.model.review import Review, Reviewer
        >>> agencies(Review("r", reviewers=(Reviewer("a", "Ann", "Police"),)))
        ['Police']
    """
    named = [r.agency for r in review.reviewers if r.agency]
    named += [m.agency for m in review.markups if isinstance(m, Comment) and m.agency]
    return list(dict.fromkeys(named))


def legend_sections(
    review: Review,
    severities: Iterable[Severity] | None = None,
    theme: Theme = Theme.LIGHT,
    *,
    only_in_use: bool = True,
) -> tuple[LegendSection, ...]:
    """The legend of a review's plan: the drawing, marks, areas, findings, agencies.

    Args:
        review: Its markups say which marks and areas are in use, its roster the
            agencies' colours.
        severities: The severities of the findings shown (None: every severity).
        theme: The drawing's line colours follow the theme.
        only_in_use: False lists every mark and area (paper).

    Example:
        >>> from designreview.model.review import Review
        >>> [s.title for s in legend_sections(Review("r"), severities=())]
        ['Drawing']
    """
    present: set[object] = {type(m) for m in review.markups}
    present |= {m.kind for m in review.markups if isinstance(m, Zone)}

    def used(drawn_by: tuple[object, ...]) -> bool:
        return not only_in_use or bool(present.intersection(drawn_by))

    drawing = tuple(
        LegendRow(words, layer_style(category, theme).color, Swatch.LINE)
        for category, words in (
            (LayerCategory.WALL, "Wall"),
            (LayerCategory.DOOR, "Door in the drawing"),
            (LayerCategory.WINDOW, "Window, glazing"),
        )
    )
    marks = tuple(
        LegendRow(words, MARK_GREY, Swatch.SYMBOL, symbol)
        for symbol, words, types in SYMBOL_ROWS
        if used(types)
    )
    areas = tuple(
        LegendRow(words, MARK_GREY, swatch, alpha=alpha)
        for swatch, alpha, words, types in AREA_ROWS
        if used(types)
    )
    shown = set(SEVERITY_STYLE) if severities is None else set(severities)
    findings = tuple(
        LegendRow(style.label, style.color, Swatch.FILL, alpha=0.3)
        for severity, style in SEVERITY_STYLE.items()
        if severity in shown
    )
    colours = tuple(
        LegendRow(a, agency_color(a, review), Swatch.FILL, alpha=0.8)
        for a in agencies(review)
    )
    sections = (
        LegendSection("Drawing", drawing),
        LegendSection("Marks", marks),
        LegendSection("Areas", areas),
        LegendSection("Findings", findings),
        LegendSection("Markups by agency", colours),
    )
    return tuple(s for s in sections if s.rows)
