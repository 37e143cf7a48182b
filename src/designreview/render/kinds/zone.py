"""Zones: polygons with a security meaning (lockable zone, safe room, hard corner)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import Zone, ZoneKind
from designreview.render.fields import Field, FieldKind, choice_field
from designreview.render.graphic import MarkupGraphic, centroid
from designreview.render.kinds.spec import KindSpec, area_facts

if TYPE_CHECKING:
    from designreview.render.style import Rgb

__all__ = ["ZONE"]

_NAMES = {
    ZoneKind.LOCKABLE_ZONE: "Lockable zone",
    ZoneKind.SAFE_ROOM: "Safe room",
    ZoneKind.HARD_CORNER: "Hard corner",
}
_FILL_ALPHA = {ZoneKind.SAFE_ROOM: 70, ZoneKind.HARD_CORNER: 90}
_DXF_LAYERS = {
    ZoneKind.LOCKABLE_ZONE: "REVIEW-ZONE",
    ZoneKind.SAFE_ROOM: "REVIEW-SAFEROOM",
    ZoneKind.HARD_CORNER: "REVIEW-HARDCORNER",
}


def _graphic(zone: Zone, color: Rgb) -> MarkupGraphic:
    return MarkupGraphic(
        zone.id,
        color,
        centroid(zone.vertices),
        outline=zone.vertices,
        closed=True,
        fill_alpha=_FILL_ALPHA.get(zone.kind, 35),
        dashed=zone.kind is ZoneKind.LOCKABLE_ZONE,
        label=zone.name,
    )


def _name(zone: Zone) -> str:
    return _NAMES[zone.kind]


def _layer(zone: Zone) -> str:
    return _DXF_LAYERS[zone.kind]


def _facts(zone: Zone, imperial: bool) -> tuple[str, ...]:
    return area_facts(zone.vertices, imperial)


ZONE = KindSpec(
    name="Zone",
    fields=(
        Field("name", "Name", FieldKind.TEXT),
        choice_field("kind", "Type", ZoneKind),
        Field(
            "occupants",
            "Occupants",
            FieldKind.INTEGER,
            minimum=0,
            maximum=10000,
            optional=True,
        ),
    ),
    label_field="name",
    graphic=_graphic,
    dxf_layer=_layer,
    paper_order=1,
    name_of=_name,
    facts=_facts,
)
"""A zone, named by its kind; lockable zones dashed, refuges filled more strongly."""
