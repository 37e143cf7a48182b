"""Camera coverage: DORI bands of a camera's view and the share of a zone it covers.

A camera resolves fewer pixels per metre the farther the target: at distance d a
camera of ``resolution_px`` across a horizontal field of view ``fov`` puts
``resolution_px / (2 d tan(fov / 2))`` pixels on each metre. EN/IEC 62676-4 names
four levels: detection 25, observation 62.5, recognition 125, identification 250
px/m. The area right under the lens is not seen either: for a camera tilted to look
ahead, anything closer than about its mounting height is below the picture.

The distance d runs from the lens to the target's face, ``FACE_HEIGHT_M`` above the
floor, not along the plan: a camera mounted at h sees a face a plan distance p away
at the slant distance sqrt(p² + (h - 1.6)²). So a level reached up to a slant
distance D covers a disk of plan radius sqrt(D² - (h - 1.6)²), and none at all when
D is shorter than the height difference. A camera mounted below face height looks
up at it by the same difference. The height is the camera markup's
``mount_height_m``; a camera placed without one has the markup's default, 3 m, a
ceiling mount (there is no unknown height).
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

__all__ = [
    "FACE_HEIGHT_M",
    "Coverage",
    "Dori",
    "camera_bands",
    "coverage",
    "dori_distance_m",
    "dori_plan_radius_m",
    "slant_distance_m",
]

FACE_HEIGHT_M = 1.6
"""The height of the face DORI densities are measured at (EN/IEC 62676-4)."""


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


def slant_distance_m(camera: Camera, plan_distance_m: float) -> float:
    """From ``camera``'s lens to a face ``plan_distance_m`` away in plan.

    Example:
        A camera at 3.6 m, a face at 1.6 m 3 m away: sqrt(3² + 2²) = sqrt(13).

        >>> from designreview.model.markups import Camera, Stamp
        >>> s = Stamp("r", "t")
        >>> cam = Camera("c", "s", s, s, (0.0, 0.0), mount_height_m=3.6)
        >>> round(slant_distance_m(cam, 3.0), 4)
        3.6056
    """
    return math.hypot(plan_distance_m, _drop_m(camera))


def dori_plan_radius_m(camera: Camera, level: Dori) -> float:
    """How far in plan ``camera`` reaches ``level`` at face height (0: nowhere).

    Example:
        1920 px over 90 degrees reaches 250 px/m up to 3.84 m from the lens; mounted
        at 3.6 m that is sqrt(3.84² - 2²) = 3.278 m in plan, and at 5.5 m, 3.9 m
        above the face, nowhere:

        >>> from designreview.model.markups import Camera, Stamp
        >>> s = Stamp("r", "t")
        >>> cam = Camera("c", "s", s, s, (0.0, 0.0), 0.0, 90.0, 50.0, 1920, 3.6)
        >>> round(dori_plan_radius_m(cam, Dori.IDENTIFICATION), 3)
        3.278
        >>> from dataclasses import replace
        >>> dori_plan_radius_m(replace(cam, mount_height_m=5.5), Dori.IDENTIFICATION)
        0.0
    """
    reach, drop = dori_distance_m(camera, level), _drop_m(camera)
    return math.sqrt(reach * reach - drop * drop) if reach > drop else 0.0


def _drop_m(camera: Camera) -> float:
    """How far the lens is above (or below) a face; 0 for a height that is no number."""
    height = camera.mount_height_m
    return abs(height - FACE_HEIGHT_M) if math.isfinite(height) else 0.0


def dori_distance_m(camera: Camera, level: Dori) -> float:
    """The farthest distance from the lens at which ``camera`` reaches ``level``.

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

    Each band is where at least that level holds at face height (plan radius
    :func:`dori_plan_radius_m`, at most the camera's range), so bands nest:
    identification lies inside recognition, inside observation, inside detection.
    """
    view = markup_viewshed(index, camera)
    if view is None or view.is_empty:
        return {level: Polygon() for level in Dori}
    blind = Point(camera.position).buffer(max(camera.mount_height_m, 0.0), 64)
    seen = view.difference(blind)
    bands: dict[Dori, BaseGeometry] = {}
    for level in Dori:
        radius = min(dori_plan_radius_m(camera, level), camera.range_m)
        disk = Point(camera.position).buffer(radius, 128) if radius > 0 else None
        bands[level] = seen.intersection(disk) if disk is not None else Polygon()
    return bands


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
