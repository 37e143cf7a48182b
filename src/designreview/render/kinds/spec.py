"""What one declaration says about a kind of markup, and helpers the kinds share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from designreview.model.units import format_square_feet
from designreview.render.fields import Field
from designreview.render.graphic import MarkupGraphic
from designreview.render.style import Rgb

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.geometry import Point2

__all__ = ["KindSpec", "area_facts", "no_facts", "on_layer", "polygon_area"]


def no_facts(markup: Any, imperial: bool) -> tuple[str, ...]:
    """A kind that says nothing beyond its fields."""
    return ()


@dataclass(frozen=True, slots=True)
class KindSpec:
    """Everything the product shows and says about one markup type, in one place.

    A new kind is a model dataclass, one module in ``render/kinds/`` declaring its
    spec and a line in ``KINDS``: the properties panel, the markups list, the canvas,
    the packet and the CSV, BCF and DXF exports all read it.
    """

    name: str
    """What reviewers call it ("Access point"): lists, exports, panel titles."""
    fields: tuple[Field, ...]
    """What the properties panel edits, in order; exports list the same values."""
    label_field: str
    """The attribute a list shows as its number or label (a long text is cut)."""
    graphic: Callable[[Any, Rgb], MarkupGraphic]
    """How it is drawn (screen, paper, BCF snapshots, DXF) in a reviewer's colour."""
    dxf_layer: Callable[[Any], str]
    """The REVIEW-* layer of the DXF export that it goes on."""
    paper_order: int = 3
    """Stacking on paper, low first: areas under lines under point symbols."""
    name_of: Callable[[Any], str] | None = None
    """A name that depends on the markup (a zone is a safe room or a hard corner)."""
    facts: Callable[[Any, bool], tuple[str, ...]] = no_facts
    """Words beyond its fields for exports ("Area: 12.0 m²"), imperial or not."""
    end_field: str | None = None
    """A second point it runs to (a sightline's end), given beside its anchor."""


def on_layer(name: str) -> Callable[[Any], str]:
    """A kind whose markups all go on one DXF layer.

    Example:
        >>> on_layer("REVIEW-CAMERA")(None)
        'REVIEW-CAMERA'
    """

    def layer(markup: Any) -> str:
        return name

    return layer


def polygon_area(points: Sequence[Point2]) -> float:
    """The area of a reviewer's polygon by the shoelace formula (no shapely needed).

    Example:
        >>> polygon_area([(0, 0), (4, 0), (4, 3)])  # half of 4 x 3
        6.0
    """
    pairs = zip(points, (*points[1:], *points[:1]), strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2


def area_facts(vertices: Sequence[Point2], imperial: bool) -> tuple[str, ...]:
    """The area of a polygon in words, with square feet on imperial plans.

    Example:
        >>> square = [(0, 0), (10, 0), (10, 10), (0, 10)]
        >>> area_facts(square, imperial=False), area_facts(square, imperial=True)
        (('Area: 100.0 m²',), ('Area: 100.0 m² (1076 sq ft)',))
    """
    area = polygon_area(vertices)
    square_feet = f" ({format_square_feet(area)})" if imperial else ""
    return (f"Area: {area:.1f} m²{square_feet}",)
