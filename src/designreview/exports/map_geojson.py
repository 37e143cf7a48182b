"""The responder map as GeoJSON: one feature per room, door, item and grid square.

Every feature carries its grid square, so a responder platform or a GIS can find
"room 118" or "door E7" and the square to call. With a geographic reference (two
points of the drawing with their latitude and longitude) the geometry is WGS84, as
RFC 7946 asks, and each feature keeps its drawing position in ``drawing_geometry``;
without one the geometry is in the drawing's own metres (``"crs": "drawing"``), as
the command line reports coordinates.
"""

from __future__ import annotations

import itertools
import json
from typing import TYPE_CHECKING, Any

from designreview.analysis.geo_reference import geo_transform
from designreview.analysis.responder_map import responder_maps
from designreview.model.responder import ASSET_NAMES
from designreview.review_file.atomic_write import write_atomic

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from pathlib import Path

    from designreview.analysis.responder_map import SheetMap
    from designreview.model.geometry import Point2
    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = ["map_geojson", "write_map_geojson"]


def write_map_geojson(review: Review, plans: Mapping[str, Plan], path: Path) -> int:
    """Write the map's GeoJSON to ``path``; returns the number of features."""
    data = map_geojson(review, plans)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    write_atomic(path, text.encode("utf-8"), keep_backup=False)
    return len(data["features"])


def map_geojson(review: Review, plans: Mapping[str, Plan]) -> dict[str, Any]:
    """The FeatureCollection of every floor's map."""
    geo = (
        geo_transform(review.responder.geo_reference)
        if review.responder.geo_reference
        else None
    )
    features: list[dict[str, Any]] = []
    for _, sheet_map in responder_maps(review, plans):
        plan = plans[sheet_map.sheet_id]

        def drawing(point: Point2, plan: Plan = plan) -> list[float]:
            x, y = plan.to_drawing_m(point)
            return [round(x, 3), round(y, 3)]

        features += _features(sheet_map, drawing, geo.lon_lat if geo else None)
    out: dict[str, Any] = {"type": "FeatureCollection"}
    if geo is None:
        out["crs"] = "drawing"
        out["crs_note"] = "metres in the drawing's own coordinates (no WGS84 reference)"
    out["name"] = review.info.school or "Responder map"
    out["features"] = features
    return out


def _features(
    sheet_map: SheetMap,
    drawing: Callable[[Point2], list[float]],
    lon_lat: Callable[[Point2], tuple[float, float]] | None,
) -> list[dict[str, Any]]:
    floor: dict[str, Any] = {"floor": sheet_map.name, "sheet_id": sheet_map.sheet_id}
    out = []
    props: dict[str, Any]
    for label, corners in sheet_map.grid.cells():
        ring = [sheet_map.from_map(c) for c in corners]
        props = {"feature": "grid_cell", "grid": label, "size": sheet_map.grid.label}
        out.append(_polygon(ring, {**props, **floor}, drawing, lon_lat))
    for room in sheet_map.rooms:
        props = {
            "feature": "room",
            "number": room.number,
            "name": room.hallway or room.name,
            "space_type": room.space_type.value,
            "grid": room.cell,
        }
        out.append(_polygon(room.outline, {**props, **floor}, drawing, lon_lat))
    for door in sheet_map.doors:
        props = {
            "feature": "exterior_door",
            "number": door.number,
            "designation": door.designation.value,
            "clockwise_order": door.order,
            "grid": door.cell,
        }
        out.append(_point(door.position, {**props, **floor}, drawing, lon_lat))
    for mark in sheet_map.marks:
        props = {
            "feature": "asset",
            "kind": mark.kind.value,
            "name": ASSET_NAMES[mark.kind],
            "label": mark.label,
            "grid": mark.cell,
        }
        out.append(_point(mark.position, {**props, **floor}, drawing, lon_lat))
    return out


def _ccw(ring: Sequence[Point2]) -> list[Point2]:
    """A closed ring, counter-clockwise (RFC 7946's right-hand rule)."""
    points = list(ring)
    if points[0] != points[-1]:
        points.append(points[0])
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(points))
    return points if area >= 0 else points[::-1]


def _polygon(
    ring: Sequence[Point2],
    props: dict[str, Any],
    drawing: Callable[[Point2], list[float]],
    lon_lat: Callable[[Point2], tuple[float, float]] | None,
) -> dict[str, Any]:
    points = _ccw(ring)  # a similarity keeps the turn of a ring
    local = {"type": "Polygon", "coordinates": [[drawing(p) for p in points]]}
    return _feature(local, props, lon_lat)


def _point(
    point: Point2,
    props: dict[str, Any],
    drawing: Callable[[Point2], list[float]],
    lon_lat: Callable[[Point2], tuple[float, float]] | None,
) -> dict[str, Any]:
    return _feature({"type": "Point", "coordinates": drawing(point)}, props, lon_lat)


def _feature(
    local: dict[str, Any],
    props: dict[str, Any],
    lon_lat: Callable[[Point2], tuple[float, float]] | None,
) -> dict[str, Any]:
    if lon_lat is None:
        return {"type": "Feature", "geometry": local, "properties": props}

    def geo(xy: list[float]) -> list[float]:
        lon, lat = lon_lat((xy[0], xy[1]))
        return [round(lon, 8), round(lat, 8)]

    if local["type"] == "Point":
        geometry = {"type": "Point", "coordinates": geo(local["coordinates"])}
    else:
        rings = [[geo(p) for p in ring] for ring in local["coordinates"]]
        geometry = {"type": "Polygon", "coordinates": rings}
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": props,
        "drawing_geometry": local,
    }
