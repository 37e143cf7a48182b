"""Where a door lies round the building: the clockwise order of exterior doors.

Responders find an exterior door by walking round the building from the main entry,
so doors are numbered clockwise along the outline of the floor's rooms (ENTRY-4 and
the responder map both order them this way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely
from shapely.geometry.polygon import orient

if TYPE_CHECKING:
    from designreview.analysis.building_view import BuildingView, Door

__all__ = ["outline_position"]


def outline_position(building: BuildingView, start: Door, door: Door) -> float:
    """How far ``door`` lies clockwise from ``start`` around ``building`` (metres)."""
    rooms = [r.polygon.buffer(0.3, join_style="mitre") for r in building.rooms]
    footprint = shapely.union_all(rooms) if rooms else shapely.Polygon()
    parts = getattr(footprint, "geoms", [footprint])
    outline = max(parts, key=lambda p: p.area) if parts else footprint
    if not isinstance(outline, shapely.Polygon) or outline.is_empty:
        return 0.0
    ring = orient(outline, sign=-1.0).exterior  # clockwise
    base = ring.project(shapely.Point(start.center))
    return float((ring.project(shapely.Point(door.center)) - base) % ring.length)
