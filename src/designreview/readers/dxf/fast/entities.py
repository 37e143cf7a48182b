"""The geometry of one DXF entity, read straight from its tags.

Each reader turns an entity's tags into polylines (numpy ``(n, 2)`` arrays in the
coordinates of the block or layout that holds it) with curves flattened to chords.
Planar entities are defined in their object coordinate system (OCS); for a plan seen
from above that is a 2D affine map, which :func:`ocs_affine` builds with ezdxf's own
arbitrary-axis rule. Where ezdxf's maths already does the work (ellipses, splines,
bulges, the OCS) it is used; only the parsing is ours. An entity whose layout this
module does not know raises :class:`UnsupportedError`, and the file is read by ezdxf.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from designreview.readers.dxf.document import ABSURD_UNITS, CURVE_CHORDS

if TYPE_CHECKING:
    from ezdxf.math import Vec3

    from designreview.readers.dxf.fast.tags import TagFile

__all__ = [
    "Affine",
    "Record",
    "UnsupportedError",
    "arc_points",
    "bulge_polyline",
    "ocs_affine",
]

Affine = np.ndarray
"""A 2D affine map as a 2 x 3 matrix: ``[x', y'] = A[:, :2] @ [x, y] + A[:, 2]``."""
IDENTITY: Affine = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
_ARC_MIN_CHORDS = 8
_FLAT = 1e-9
"""Extrusion x and y below this are a plan seen from above (or below)."""
_MIRROR: Affine = np.array([[-1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
"""The OCS of extrusion (0, 0, -1), seen from above: x runs the other way."""
"""Chords per quarter circle at least, as ezdxf's path flattening draws them."""


class UnsupportedError(Exception):
    """The entity needs ezdxf (a proxy, a multileader, a spline hatch edge...)."""


class AbsurdCurveError(ValueError):
    """A curve so large (or not finite) that flattening it would never end."""


def curve_step(distance: float, size: float) -> float:
    """The chord tolerance for a curve of ``size``.

    Never finer than the size over ``CURVE_CHORDS`` (as the ezdxf walk), so a huge
    curve cannot become millions of chords.
    """
    return max(distance, size / CURVE_CHORDS)


def check_curve_size(size: float) -> float:
    """``size`` when a curve of that size can be flattened.

    Raises:
        AbsurdCurveError: for NaN, infinite or astronomically large curves.
    """
    if not (math.isfinite(size) and size < ABSURD_UNITS):
        raise AbsurdCurveError(size)
    return size


@dataclass(slots=True)
class Record:
    """One entity's tags: ``first[code]`` is the index of the code's first tag."""

    kind: str
    start: int
    end: int
    first: dict[int, int]

    @classmethod
    def read(cls, tags: TagFile, start: int, end: int) -> Record:
        """The record whose ``0`` tag is at ``start`` and next record at ``end``."""
        # Built from the end backwards, so the first occurrence of a code wins.
        first = dict(
            zip(
                tags.codes[end - 1 : start : -1], range(end - 1, start, -1), strict=True
            )
        )
        return cls(tags.record_type(start), start, end, first)

    def number(self, tags: TagFile, code: int, default: float = 0.0) -> float:
        """The value of ``code`` as a float, ``default`` when absent."""
        index = self.first.get(code)
        return default if index is None else float(tags.values[index])

    def integer(self, tags: TagFile, code: int, default: int = 0) -> int:
        """The value of ``code`` as an int, ``default`` when absent."""
        index = self.first.get(code)
        return default if index is None else int(tags.values[index])

    def text(self, tags: TagFile, code: int, default: str = "") -> str:
        """The value of ``code`` as text, ``default`` when absent."""
        index = self.first.get(code)
        return default if index is None else tags.text(index)

    def extrusion(self, tags: TagFile) -> tuple[float, float, float]:
        """The entity's extrusion (its OCS z axis)."""
        return (
            self.number(tags, 210, 0.0),
            self.number(tags, 220, 0.0),
            self.number(tags, 230, 1.0),
        )


def ocs_affine(extrusion: tuple[float, float, float]) -> Affine | None:
    """The map from OCS to the plan's x, y; None for the usual (0, 0, 1).

    Example:
        >>> ocs_affine((0.0, 0.0, -1.0)).round(9).tolist()
        [[-1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    """
    x, y, z = extrusion
    if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(z)):
        raise ValueError("extrusion is not a number")
    if abs(x) > _FLAT or abs(y) > _FLAT:
        # A tilted plane: its elevation moves it in x and y; ezdxf draws those.
        raise UnsupportedError("entity in a tilted plane")
    if z == 0.0:
        raise ValueError("extrusion of zero length")
    return None if z > 0.0 else _MIRROR


def apply(affine: Affine | None, points: np.ndarray) -> np.ndarray:
    """``points`` ``(n, 2)`` mapped by ``affine`` (unchanged for None)."""
    if affine is None:
        return points
    result: np.ndarray = points @ affine[:, :2].T + affine[:, 2]
    return result


def chords(radius: float, span_rad: float, distance: float) -> int:
    """How many chords draw an arc within ``distance`` of it.

    Example:
        >>> chords(1.0, math.pi / 2, 0.02), chords(100.0, math.pi / 2, 0.02)
        (8, 40)
    """
    least = _ARC_MIN_CHORDS * max(1, math.ceil(abs(span_rad) / (math.pi / 2) - 1e-9))
    if radius <= distance:
        return least
    step = 2.0 * math.acos(1.0 - distance / radius)
    return max(least, math.ceil(abs(span_rad) / step))


def arc_points(
    cx: float, cy: float, radius: float, start_deg: float, span_deg: float, d: float
) -> np.ndarray:
    """Points along a counter-clockwise arc, both ends included.

    Example:
        >>> arc_points(0.0, 0.0, 1.0, 0.0, 90.0, 0.02)[[0, -1]].round(9).tolist()
        [[1.0, 0.0], [0.0, 1.0]]
    """
    span = math.radians(span_deg)
    count = chords(radius, span, d)
    angles = math.radians(start_deg) + np.arange(count + 1) * (span / count)
    points = np.empty((count + 1, 2))
    points[:, 0] = cx + radius * np.cos(angles)
    points[:, 1] = cy + radius * np.sin(angles)
    return points


def arc_span(start_deg: float, end_deg: float) -> float:
    """The counter-clockwise span from start to end, a full circle for equal ends.

    Example:
        >>> arc_span(350.0, 10.0), arc_span(30.0, 30.0)
        (20.0, 360.0)
    """
    return (end_deg - start_deg) % 360.0 or 360.0


def bulge_polyline(
    points: list[tuple[float, float]], bulges: list[float], closed: bool, d: float
) -> np.ndarray:
    """A polyline's vertices with its bulges (arc segments) flattened.

    Example:
        >>> line = bulge_polyline([(0.0, 0.0), (2.0, 0.0)], [1.0, 0.0], False, 0.02)
        >>> len(line) > 8, line[len(line) // 2].round(6).tolist()
        (True, [1.0, -1.0])
    """
    curved = any(bulges)
    if curved:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        check_curve_size(max(max(xs) - min(xs), max(ys) - min(ys)))
    if closed and points and points[0] != points[-1]:
        points = [*points, points[0]]
        bulges = [*bulges[: len(points) - 1]]
    if not curved:  # straight segments only: the vertices are the line
        return np.array(points, dtype=np.float64).reshape(-1, 2)
    out: list[np.ndarray] = []
    for index in range(len(points) - 1):
        (x1, y1), (x2, y2) = points[index], points[index + 1]
        bulge = bulges[index] if index < len(bulges) else 0.0
        if bulge == 0.0 or (x1 == x2 and y1 == y2):
            out.append(np.array([[x1, y1]]))
            continue
        out.append(_bulge_arc(x1, y1, x2, y2, bulge, d)[:-1])
    if points:
        out.append(np.array([points[-1]], dtype=np.float64))
    return np.concatenate(out) if out else np.empty((0, 2))


def _bulge_arc(
    x1: float, y1: float, x2: float, y2: float, bulge: float, d: float
) -> np.ndarray:
    """The arc from (x1, y1) to (x2, y2) whose bulge is tan(angle / 4)."""
    from ezdxf.math import bulge_to_arc

    center, start, end, radius = bulge_to_arc((x1, y1), (x2, y2), bulge)
    d = curve_step(d, 2 * radius)
    span = (end - start) % math.tau or math.tau
    steps = start + np.linspace(0.0, span, chords(radius, span, d) + 1)
    points = np.column_stack(
        (center.x + radius * np.cos(steps), center.y + radius * np.sin(steps))
    )
    return points if bulge > 0 else points[::-1]


def ellipse_points(
    center: Vec3,
    major: Vec3,
    extrusion: tuple[float, float, float],
    ratio: float,
    params: tuple[float, float],
    d: float,
) -> np.ndarray:
    """An ellipse or elliptic arc flattened (ezdxf's construction ellipse).

    Equal parameters modulo a full turn (0 to 2 pi, or 4.6 to 10.9) mean the whole
    ellipse, as CAD programs write it.

    Example:
        >>> from ezdxf.math import Vec3
        >>> whole = (0.0, 0.0)
        >>> points = ellipse_points(Vec3(), Vec3(2, 0), (0, 0, 1), 0.5, whole, 0.01)
        >>> round(float(points[:, 0].max()), 6), round(float(points[:, 1].max()), 3)
        (2.0, 1.0)
    """
    from ezdxf.math import ConstructionEllipse, Vec3

    span = (params[1] - params[0]) % math.tau
    if math.isclose(span, 0.0, abs_tol=1e-9) or math.isclose(span, math.tau):
        span = math.tau
    count = chords(major.magnitude, span, d)
    steps = params[0] + np.arange(count + 1) * (span / count)
    ellipse = ConstructionEllipse(center, major, Vec3(extrusion), ratio)
    return _xy(ellipse.vertices(steps.tolist()))


def spline_points(
    control: list[Vec3], degree: int, knots: list[float], weights: list[float], d: float
) -> np.ndarray:
    """A B-spline flattened as the ezdxf walk flattens it.

    The spline becomes cubic Bézier curves in an ezdxf path, flattened with the
    walk's settings, so that a closed spline room has the same outline (and area)
    in both readers; the spline's own flattening differed by 0.6 % in area on a
    3 m circle.
    """
    from ezdxf.math import BSpline
    from ezdxf.path import Path, add_spline

    if len(control) < 2:
        return np.empty((0, 2))
    spline = BSpline(control, degree + 1, knots or None, weights or None)
    path = Path()
    add_spline(path, spline, level=4, reset=True)
    return _xy(path.flattening(d, segments=8))


def hatch_ellipse_params(
    ratio: float, start_deg: float, end_deg: float, ccw: bool
) -> tuple[float, float]:
    """Ellipse parameters of a hatch edge, whose angles are stored in degrees."""
    from ezdxf.math.ellipse import angle_to_param

    if not ccw:
        start_deg, end_deg = 360.0 - end_deg, 360.0 - start_deg
    return (
        angle_to_param(ratio, math.radians(start_deg)),
        angle_to_param(ratio, math.radians(end_deg)),
    )


def _xy(vertices: object) -> np.ndarray:
    points = np.array([(v.x, v.y) for v in vertices], dtype=np.float64)  # type: ignore[attr-defined]
    return points.reshape(-1, 2)
