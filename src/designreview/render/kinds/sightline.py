"""Sightlines: a line from A to B that the app reports as clear or blocked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.render.fields import Field, FieldKind
from designreview.render.graphic import MarkupGraphic, Symbol
from designreview.render.kinds.spec import KindSpec, on_layer

if TYPE_CHECKING:
    from designreview.model.markups import Sightline
    from designreview.render.style import Rgb

__all__ = ["SIGHTLINE"]


def _graphic(line: Sightline, color: Rgb) -> MarkupGraphic:
    return MarkupGraphic(
        line.id,
        color,
        line.start,
        outline=(line.start, line.end),
        symbol=Symbol.ENDPOINT,
        label=line.label,
    )


SIGHTLINE = KindSpec(
    name="Sightline",
    fields=(Field("label", "Label", FieldKind.TEXT),),
    label_field="label",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-SIGHTLINE"),
    paper_order=2,
    end_field="end",
)
"""A line from its start (marked) to its end."""
