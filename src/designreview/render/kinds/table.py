"""Every kind of markup and its declaration, keyed by the markup's type."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from designreview.model.markups import (
    AccessPoint,
    Breach,
    Camera,
    Comment,
    Observer,
    ResponderMark,
    Sightline,
    Space,
    Zone,
)
from designreview.render.kinds.access_point import ACCESS_POINT
from designreview.render.kinds.breach import BREACH
from designreview.render.kinds.camera import CAMERA
from designreview.render.kinds.comment import COMMENT
from designreview.render.kinds.observer import OBSERVER
from designreview.render.kinds.responder import RESPONDER
from designreview.render.kinds.sightline import SIGHTLINE
from designreview.render.kinds.space import SPACE
from designreview.render.kinds.zone import ZONE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.model.markups import Markup
    from designreview.render.kinds.spec import KindSpec

__all__ = ["KINDS", "kind_of"]

KINDS: Final[Mapping[type, KindSpec]] = MappingProxyType(
    {
        AccessPoint: ACCESS_POINT,
        Breach: BREACH,
        Observer: OBSERVER,
        Camera: CAMERA,
        Sightline: SIGHTLINE,
        Zone: ZONE,
        Space: SPACE,
        Comment: COMMENT,
        ResponderMark: RESPONDER,
    }
)
"""One declaration per markup type, in the model's order (napari's layer_to_visual)."""


def kind_of(markup: Markup) -> KindSpec:
    """The declaration of ``markup``'s kind.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> kind_of(Camera("c", "s", made, made, (0.0, 0.0))).name
        'Camera'
    """
    return KINDS[type(markup)]
