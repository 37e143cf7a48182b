"""Breach points: glass or windows an intruder can break through."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import Breach, BreachKind
from designreview.render.fields import Field, FieldKind, choice_field
from designreview.render.graphic import MarkupGraphic, Symbol
from designreview.render.kinds.spec import KindSpec, on_layer

if TYPE_CHECKING:
    from designreview.render.style import Rgb

__all__ = ["BREACH"]


def _graphic(breach: Breach, color: Rgb) -> MarkupGraphic:
    return MarkupGraphic(
        breach.id,
        color,
        breach.position,
        symbol=Symbol.BREACH,
        label=breach.label,
    )


BREACH = KindSpec(
    name="Breach point",
    fields=(
        choice_field("kind", "Type", BreachKind),
        Field("label", "Label", FieldKind.TEXT),
    ),
    label_field="label",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-BREACH"),
)
"""Where an intruder can break in: a broken-glass star and its label."""
