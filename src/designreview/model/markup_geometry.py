"""Moving markups: every point of a markup shifted alike, whatever its kind."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from designreview.model.markups import Markup

_POINT_FIELDS = frozenset({"position", "start", "end"})
_POINTS_FIELDS = frozenset({"vertices", "cloud"})


def translated(markup: Markup, dx: float, dy: float) -> Markup:
    """``markup`` moved by (dx, dy) metres.

    Example:
        >>> from designreview.model.markups import Stamp, Zone
        >>> s = Stamp("r", "t")
        >>> translated(Zone("z", "s", s, s, ((0, 0), (1, 0), (1, 1))), 2, 3).vertices
        ((2, 3), (3, 3), (3, 4))
    """
    changes: dict[str, Any] = {}
    for spec in fields(markup):
        value = getattr(markup, spec.name)
        if spec.name in _POINT_FIELDS:
            changes[spec.name] = (value[0] + dx, value[1] + dy)
        elif spec.name in _POINTS_FIELDS:
            changes[spec.name] = tuple((x + dx, y + dy) for x, y in value)
    return replace(markup, **changes)
