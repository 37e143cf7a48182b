"""Camera coverage: DORI bands of a camera's view and the share of a zone it covers.

A camera resolves fewer pixels per metre the farther the target: at distance d a
camera of ``resolution_px`` across a horizontal field of view ``fov`` puts
``resolution_px / (2 d tan(fov / 2))`` pixels on each metre. EN/IEC 62676-4 names
four levels: detection 25, observation 62.5, recognition 125, identification 250
px/m. The area right under the lens is not seen either: for a camera tilted to look
ahead, anything closer than about its mounting height is below the picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from designreview.analysis.viewsheds import markup_viewshed

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.analysis.obstacles import VisibilityIndex
    from designreview.model.markups import Camera

__all__ = ["Coverage", "Dori", "camera_bands", "coverage", "dori_distance_m"]


class Dori(Enum):
    """The four EN/IEC 62676-4 levels, with their pixel densities (px per metre)."""

    DETECTION = 25.0
    OBSERVATION = 62.5
    RECOGNITION = 125.0
    IDENTIFICATION = 250.0


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a set of zones is seen, and where it is not."""

    ratio: float
    covered_m2: float
    zone_m2: float
    uncovered: BaseGeometry


def dori_distance_m(camera: Camera, level: Dori) -> float:
    """The farthest distance at which ``camera`` reaches ``level``.

    Example:
        >>> from designreview.model.markups import Camera, Stamp
        >>> s = Stamp("r", "t")
        >>> cam = Camera("c", "s", s, s, (0.0, 0.0), 0.0, 90.0, 50.0, 1920)
        >>> round(dori_distance_m(cam, Dori.IDENTIFICATION), 2)
        3.84
    """
    half = math.radians(min(max(camera.fov_deg, 1.0), 179.0)) / 2
    return camera.resolution_px / (2 * math.tan(half) * level.value)


def camera_bands(index: VisibilityIndex, camera: Camera) -> dict[Dori, BaseGeometry]:
    """The camera's viewshed in DORI bands, less the blind zone under the lens.

    Each band is where at least that level holds, so bands nest: identification lies
    inside recognition, inside observation, inside detection.
    """
    view = markup_viewshed(index, camera)
    if view is None or view.is_empty:
        return {level: Polygon() for level in Dori}
    blind = Point(camera.position).buffer(max(camera.mount_height_m, 0.0), 64)
    seen = view.difference(blind)
    return {
        level: seen.intersection(
            Point(camera.position).buffer(
                min(dori_distance_m(camera, level), camera.range_m), 128
            )
        )
        for level in Dori
    }


def coverage(zones: Sequence[BaseGeometry], views: Sequence[BaseGeometry]) -> Coverage:
    """Fraction of zone area seen from at least one view.

    Example:
        >>> from shapely.geometry import box
        >>> coverage([box(0, 0, 10, 10)], [box(0, 0, 5, 10)]).ratio
        0.5
    """
    zone = shapely.union_all(list(zones)) if zones else Polygon()
    seen = shapely.union_all(list(views)) if views else Polygon()
    covered = zone.intersection(seen)
    area = zone.area
    return Coverage(
        covered.area / area if area else 1.0, covered.area, area, zone.difference(seen)
    )
