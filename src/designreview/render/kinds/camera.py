"""Cameras: where they look, how far, and what their sensor resolves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.render.fields import Field, FieldKind
from designreview.render.graphic import MarkupGraphic, Symbol, camera_wedge
from designreview.render.kinds.spec import KindSpec, on_layer

if TYPE_CHECKING:
    from designreview.model.markups import Camera
    from designreview.render.style import Rgb

__all__ = ["CAMERA"]


def _graphic(camera: Camera, color: Rgb) -> MarkupGraphic:
    return MarkupGraphic(
        camera.id,
        color,
        camera.position,
        outline=camera_wedge(camera),
        closed=True,
        dashed=True,  # the lens's reach, through walls: not what the camera sees
        symbol=Symbol.CAMERA,
        rotation_deg=camera.direction_deg,
        label=camera.label,
    )


CAMERA = KindSpec(
    name="Camera",
    fields=(
        Field("label", "Label", FieldKind.TEXT),
        Field("direction_deg", "Direction", FieldKind.ANGLE, wraps=True),
        Field("fov_deg", "Field of view", FieldKind.ANGLE, minimum=1, maximum=360),
        Field("range_m", "Range", FieldKind.LENGTH, minimum=0.5, maximum=1000.0),
        Field(
            "resolution_px",
            "Resolution (px)",
            FieldKind.INTEGER,
            minimum=160,
            maximum=16384,
        ),
        Field(
            "mount_height_m",
            "Mount height",
            FieldKind.LENGTH,
            minimum=0.0,
            maximum=50.0,
        ),
    ),
    label_field="label",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-CAMERA"),
)
"""A camera: its symbol turned to its direction inside a dashed field-of-view wedge.

The wedge is unfilled: it ignores walls. What the camera really sees is its
viewshed, shaded by the plan's live overlay, so the two never look alike."""
