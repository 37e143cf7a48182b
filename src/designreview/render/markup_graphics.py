"""How each markup looks: one description that the canvas and the packet both draw.

Each kind's declaration makes its :class:`~designreview.render.graphic.MarkupGraphic`;
this module gives it its colour, which comes from the reviewer's agency, so the room
can tell the police's marks from the architect's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.render.kinds import kind_of
from designreview.render.markup_text import agency_of
from designreview.render.style import AGENCY_COLORS, NO_AGENCY_COLOR

if TYPE_CHECKING:
    from designreview.model.markups import Markup
    from designreview.model.review import Review
    from designreview.render.graphic import MarkupGraphic
    from designreview.render.style import Rgb

__all__ = ["agency_color", "markup_graphic"]


def agency_color(agency: str, review: Review) -> Rgb:
    """The colour of an agency: stable within a review, in the order of its roster.

    Example:
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("a", "Ann", "Police"),
        ...                                 Reviewer("b", "Bo", "Architect")))
        >>> agency_color("Architect", review) == AGENCY_COLORS[1]
        True
    """
    agencies = list(dict.fromkeys(r.agency for r in review.reviewers if r.agency))
    if agency not in agencies:
        if not agency:
            return NO_AGENCY_COLOR
        agencies.append(agency)
    return AGENCY_COLORS[agencies.index(agency) % len(AGENCY_COLORS)]


def markup_graphic(markup: Markup, review: Review) -> MarkupGraphic:
    """How ``markup`` is drawn, in the colour of its agency.

    Example:
        >>> from designreview.model.markups import Observer, Stamp
        >>> from designreview.model.review import Review
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> desk = Observer("o", "s", made, made, (1.0, 2.0))
        >>> graphic = markup_graphic(desk, Review("r"))
        >>> graphic.anchor, graphic.symbol.value, graphic.color == NO_AGENCY_COLOR
        ((1.0, 2.0), 'observer', True)
    """
    color = agency_color(agency_of(markup, review), review)
    return kind_of(markup).graphic(markup, color)
