"""Observers: reception desks, office windows and staff posts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import Observer, ObserverKind
from designreview.render.fields import Field, FieldKind, choice_field
from designreview.render.graphic import MarkupGraphic, Symbol
from designreview.render.kinds.spec import KindSpec, on_layer

if TYPE_CHECKING:
    from designreview.render.style import Rgb

__all__ = ["OBSERVER"]


def _graphic(observer: Observer, color: Rgb) -> MarkupGraphic:
    return MarkupGraphic(
        observer.id,
        color,
        observer.position,
        symbol=Symbol.OBSERVER,
        label=observer.label,
    )


OBSERVER = KindSpec(
    name="Observer",
    fields=(
        choice_field("kind", "Type", ObserverKind),
        Field("label", "Label", FieldKind.TEXT),
    ),
    label_field="label",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-OBSERVER"),
)
"""A place from which staff watch: an eye symbol and its label."""
