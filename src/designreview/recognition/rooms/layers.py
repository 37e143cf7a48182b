"""Which drawn outlines are rooms, judged by the layers they are on.

Two ways of drawing rooms are recognised. Most plans put room outlines on a room
layer (``A-AREA-BNDY``, ``Raum``) or on layers named for a use (``Offices``); the
walk keeps those outlines. Some put each room on a layer of its own, named by its
number (``E14-433A``, ``E15-412`` ...): no layer name says "room", so the walk keeps
only their lines, and the outline is rebuilt here from them. Both the unit guess
(room sizes) and room detection use what this module finds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from designreview.model.plan import LayerCategory
from designreview.recognition.found import RawOutline
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles

if TYPE_CHECKING:
    from collections.abc import Mapping

    from designreview.model.geometry import Point2
    from designreview.model.plan import SegmentArray
    from designreview.recognition.found import WalkResult

__all__ = [
    "MIN_ROOM_LAYERS",
    "ROOM_LAYER_SHARE",
    "one_room_layers",
    "room_layer_outlines",
]

MIN_ROOM_LAYERS = 5
"""Layers of one room outline each needed before they count as rooms."""
ROOM_LAYER_SHARE = 0.5
"""A layer named for a use (``Offices``) holds rooms if this share is outlines."""


def room_layer_outlines(
    found: WalkResult, category: Mapping[str, LayerCategory]
) -> list[RawOutline]:
    """Outlines on room layers, and on use-named layers that are mostly outlines.

    Example:
        >>> from designreview.recognition.found import WalkResult
        >>> found = WalkResult()
        >>> square = ((0, 0), (4, 0), (4, 3), (0, 3))
        >>> found.outlines += [RawOutline("1", square, "Offices")]
        >>> found.top_level_counts.update({"Offices": 1})
        >>> other = {"Offices": LayerCategory.OTHER}
        >>> [outline.key for outline in room_layer_outlines(found, other)]
        ['1']
    """
    per_layer: dict[str, int] = {}
    for outline in found.outlines:
        per_layer[outline.layer] = per_layer.get(outline.layer, 0) + 1
    holds_rooms = {
        layer
        for layer, count in per_layer.items()
        if category.get(layer) is LayerCategory.ROOM
        or count >= ROOM_LAYER_SHARE * found.top_level_counts.get(layer, 0)
    }
    return [outline for outline in found.outlines if outline.layer in holds_rooms]


def one_room_layers(
    found: WalkResult, roles: LayerRoles = DEFAULT_ROLES
) -> list[RawOutline]:
    """The room outlines of a drawing that puts each room on a layer of its own.

    A layer counts when it holds exactly one closed outline and no other line,
    and is neither a room layer (the walk keeps those outlines already) nor a
    recognised layer such as walls; the pattern counts when at least
    :data:`MIN_ROOM_LAYERS` layers follow it (one gear or frame is no room).
    Outlines are in drawing units and keyed ``layer-<name>``.

    Example:
        >>> from array import array
        >>> from designreview.recognition.found import WalkResult
        >>> square = [0, 0, 4, 0, 4, 0, 4, 3, 4, 3, 0, 3, 0, 3, 0, 0]
        >>> found = WalkResult()
        >>> for n in range(MIN_ROOM_LAYERS):
        ...     found.segments[f"R-{n}"] = array("d", square)
        ...     found.closed_outlines[f"R-{n}"] = 1
        >>> [room] = one_room_layers(found)[:1]
        >>> room.key, room.layer, room.points
        ('layer-R-0', 'R-0', ((0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 3.0)))
        >>> len(one_room_layers(found)), one_room_layers(WalkResult())
        (5, [])
    """
    outlines = []
    for layer, count in found.closed_outlines.items():
        buf = found.segments.get(layer)
        if count != 1 or buf is None or roles.is_space(layer):
            continue
        if roles.is_corrected(layer):  # the reviewer said what it holds
            continue
        if roles.category(layer) is not LayerCategory.OTHER:
            continue
        points = _one_loop(np.frombuffer(buf, dtype=np.float64).reshape(-1, 4))
        if points:
            outlines.append(RawOutline(f"layer-{layer}", points, layer))
    return outlines if len(outlines) >= MIN_ROOM_LAYERS else []


def _one_loop(seg: SegmentArray) -> tuple[Point2, ...]:
    """The corners of ``seg`` if its lines run end to start round one closed loop."""
    if len(seg) < 3 or not np.isfinite(seg).all():
        return ()
    tolerance = 1e-6 * max(1.0, float(np.max(np.abs(seg))))
    steps = np.hypot(seg[1:, 0] - seg[:-1, 2], seg[1:, 1] - seg[:-1, 3])
    closing = np.hypot(seg[0, 0] - seg[-1, 2], seg[0, 1] - seg[-1, 3])
    if np.any(steps > tolerance) or closing > tolerance:
        return ()
    return tuple((float(x), float(y)) for x, y in seg[:, :2])
