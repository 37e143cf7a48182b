"""Access points: doors and gates, with their lock and entry control."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import (
    AccessControl,
    AccessKind,
    AccessPoint,
    Designation,
    DoorConstruction,
    LockFunction,
)
from designreview.render.fields import Field, FieldKind, choice_field
from designreview.render.graphic import MarkupGraphic, Symbol
from designreview.render.kinds.spec import KindSpec, on_layer

if TYPE_CHECKING:
    from designreview.render.style import Rgb

__all__ = ["ACCESS_POINT"]


def _graphic(door: AccessPoint, color: Rgb) -> MarkupGraphic:
    exterior = door.kind is AccessKind.EXTERIOR_DOOR
    return MarkupGraphic(
        door.id,
        color,
        door.position,
        symbol=Symbol.EXTERIOR_DOOR if exterior else Symbol.DOOR,
        rotation_deg=door.angle_deg,
        label=door.door_number,
    )


ACCESS_POINT = KindSpec(
    name="Access point",
    fields=(
        Field("door_number", "Door number", FieldKind.TEXT),
        choice_field("kind", "Type", AccessKind),
        choice_field("designation", "Designation", Designation),
        choice_field("lock", "Lock function", LockFunction),
        Field(
            "access_control",
            "Access control",
            FieldKind.MULTI_CHOICE,
            tuple(AccessControl),
        ),
        Field("has_vision_panel", "Vision panel", FieldKind.BOOL),
        Field("has_sidelite", "Sidelite", FieldKind.BOOL),
        Field("width_m", "Width", FieldKind.LENGTH, minimum=0.1, maximum=30.0),
        Field("angle_deg", "Angle", FieldKind.ANGLE, wraps=True),
        Field("hinge_known", "Hinge side known", FieldKind.BOOL),
        Field("is_propped", "Propped or unlocked", FieldKind.BOOL),
        Field("is_forced", "Forced by an intruder", FieldKind.BOOL),
        choice_field("construction", "Construction", DoorConstruction),
    ),
    label_field="door_number",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-ACCESS"),
)
"""A door or gate: a door symbol turned to its angle, labelled with its number."""
