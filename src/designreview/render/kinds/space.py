"""Spaces: rooms drawn or corrected by hand, for when detection missed them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import Space, SpaceType
from designreview.render.fields import Field, FieldKind, choice_field
from designreview.render.graphic import MarkupGraphic, centroid
from designreview.render.kinds.spec import KindSpec, area_facts, on_layer

if TYPE_CHECKING:
    from designreview.render.style import Rgb

__all__ = ["SPACE"]


def _graphic(space: Space, color: Rgb) -> MarkupGraphic:
    words = (space.name, space.number, f"({space.space_type.value})")
    label = " ".join(p for p in words if p)
    return MarkupGraphic(
        space.id,
        color,
        centroid(space.vertices),
        outline=space.vertices,
        closed=True,
        fill_alpha=20,
        label=label,
    )


def _facts(space: Space, imperial: bool) -> tuple[str, ...]:
    return area_facts(space.vertices, imperial)


SPACE = KindSpec(
    name="Space",
    fields=(
        Field("name", "Name", FieldKind.TEXT),
        Field("number", "Number", FieldKind.TEXT),
        choice_field("space_type", "Space type", SpaceType),
        Field(
            "occupant_load",
            "Occupant load",
            FieldKind.INTEGER,
            minimum=0,
            maximum=10000,
            optional=True,
        ),
    ),
    label_field="name",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-SPACE"),
    paper_order=0,
    facts=_facts,
)
"""A room outline, faintly filled, labelled with its name and type."""
