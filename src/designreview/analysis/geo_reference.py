"""From the drawing's metres to WGS84, by two points whose place on Earth is known.

Two points fix a similarity (shift, turn, scale) between the drawing and a plane
tangent to the Earth at the first point; over a school campus (hundreds of metres)
the tangent plane departs from the WGS84 ellipsoid by well under a centimetre per
hundred metres, far below what a responder map needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.model.errors import DesignReviewError
from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.responder import GeoPoint

__all__ = ["GeoTransform", "geo_transform"]

_EARTH_M = 6_378_137.0
"""WGS84 equatorial radius."""
_FLATTENING = 1 / 298.257223563


@dataclass(frozen=True, slots=True)
class GeoTransform:
    """Drawing metres to longitude and latitude (degrees), as GeoJSON orders them."""

    origin: Point2
    lat0: float
    lon0: float
    turn: complex
    """Drawing offset -> east + i north, in metres (turn and scale together)."""

    def lon_lat(self, point: Point2) -> tuple[float, float]:
        """The longitude and latitude of a drawing point.

        Example:
            >>> from designreview.model.responder import GeoPoint
            >>> a, b = GeoPoint(0, 0, 0.0, 0.0), GeoPoint(0, 100, 0.0009, 0.0)
            >>> t = geo_transform((a, b))
            >>> [round(v, 6) for v in t.lon_lat((0.0, 50.0))]
            [0.0, 0.00045]
        """
        z = self.turn * complex(point[0] - self.origin[0], point[1] - self.origin[1])
        north_m, east_m = _metres_per_degree(self.lat0)
        return (self.lon0 + z.real / east_m, self.lat0 + z.imag / north_m)


def _metres_per_degree(lat: float) -> tuple[float, float]:
    """Metres per degree of latitude and of longitude at ``lat`` (WGS84)."""
    e2 = _FLATTENING * (2 - _FLATTENING)
    s = math.sin(math.radians(lat))
    w = math.sqrt(1 - e2 * s * s)
    north = math.radians(1) * _EARTH_M * (1 - e2) / w**3
    east = math.radians(1) * _EARTH_M / w * math.cos(math.radians(lat))
    return north, east


def geo_transform(points: Sequence[GeoPoint]) -> GeoTransform:
    """The transform fixed by two reference points.

    Raises:
        DesignReviewError: unless there are exactly two distinct points.
    """
    if len(points) != 2:
        raise DesignReviewError(
            "A geographic reference needs exactly two points, each with its "
            f"drawing position and latitude and longitude (found {len(points)})."
        )
    a, b = points
    drawing = complex(b.x - a.x, b.y - a.y)
    north_m, east_m = _metres_per_degree(a.latitude)
    ground = complex(
        (b.longitude - a.longitude) * east_m, (b.latitude - a.latitude) * north_m
    )
    if abs(drawing) < 1e-6 or abs(ground) < 1e-6:
        raise DesignReviewError(
            "The two geographic reference points are at the same place; "
            "choose two points far apart (two corners of the building)."
        )
    return GeoTransform((a.x, a.y), a.latitude, a.longitude, ground / drawing)
