"""Snapping a pointer to the drawing: endpoints, midpoints, intersections, nearest.

Pure numpy over the plan's segment arrays; the tolerance comes in metres (the canvas
converts its pixel tolerance at the current zoom).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np
import numpy.typing as npt

from designreview.model.geometry import Point2

__all__ = ["SnapKind", "SnapResult", "snap_point"]

Segments = npt.NDArray[np.float64]


class SnapKind(Enum):
    """What the pointer snapped to, in order of preference."""

    ENDPOINT = "endpoint"
    INTERSECTION = "intersection"
    MIDPOINT = "midpoint"
    NEAREST = "nearest"


@dataclass(frozen=True, slots=True)
class SnapResult:
    """The snapped point and what it is."""

    point: Point2
    kind: SnapKind


def snap_point(
    segments: Segments,
    point: Point2,
    tolerance_m: float,
    kinds: frozenset[SnapKind] = frozenset(SnapKind),
) -> SnapResult | None:
    """The best snap for ``point`` within ``tolerance_m``, or None.

    Endpoints win over intersections, which win over midpoints, which win over the
    nearest point on a segment.

    Example:
        >>> segs = np.array([[0.0, 0.0, 4.0, 0.0], [2.0, -1.0, 2.0, 1.0]])
        >>> snap_point(segs, (3.95, 0.02), 0.1).kind.value
        'endpoint'
        >>> snap_point(segs, (2.05, 0.03), 0.1).point
        (2.0, 0.0)
        >>> snap_point(segs, (3.0, 0.05), 0.1)
        SnapResult(point=(3.0, 0.0), kind=<SnapKind.NEAREST: 'nearest'>)
        >>> snap_point(segs, (3.0, 0.5), 0.1) is None
        True
    """
    near = _segments_near(segments, point, tolerance_m)
    if len(near) == 0:
        return None
    p = np.array(point)
    finders = (
        (SnapKind.ENDPOINT, _endpoints),
        (SnapKind.INTERSECTION, _intersections),
        (SnapKind.MIDPOINT, _midpoints),
        (SnapKind.NEAREST, lambda s: _nearest_points(s, p)),
    )
    for kind, candidates_of in finders:
        if kind not in kinds:
            continue
        candidates = candidates_of(near)
        if len(candidates) == 0:
            continue
        distances = np.hypot(*(candidates - p).T)
        best = int(np.argmin(distances))
        if distances[best] <= tolerance_m:
            x, y = candidates[best]
            return SnapResult((float(x), float(y)), kind)
    return None


def _segments_near(segments: Segments, point: Point2, tol: float) -> Segments:
    if len(segments) == 0:
        return segments
    x, y = point
    lo_x = np.minimum(segments[:, 0], segments[:, 2]) - tol
    hi_x = np.maximum(segments[:, 0], segments[:, 2]) + tol
    lo_y = np.minimum(segments[:, 1], segments[:, 3]) - tol
    hi_y = np.maximum(segments[:, 1], segments[:, 3]) + tol
    mask = (lo_x <= x) & (x <= hi_x) & (lo_y <= y) & (y <= hi_y)
    near: Segments = segments[mask]
    return near


def _endpoints(segs: Segments) -> npt.NDArray[np.float64]:
    return np.concatenate([segs[:, 0:2], segs[:, 2:4]])


def _midpoints(segs: Segments) -> npt.NDArray[np.float64]:
    mids: npt.NDArray[np.float64] = (segs[:, 0:2] + segs[:, 2:4]) / 2
    return mids


def _nearest_points(
    segs: Segments, p: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    a, b = segs[:, 0:2], segs[:, 2:4]
    ab = b - a
    length2 = np.maximum((ab * ab).sum(axis=1), 1e-18)
    t = np.clip(((p - a) * ab).sum(axis=1) / length2, 0.0, 1.0)
    nearest: npt.NDArray[np.float64] = a + ab * t[:, None]
    return nearest


def _intersections(segs: Segments) -> npt.NDArray[np.float64]:
    """Crossings among the few segments near the pointer (pairwise, vectorised)."""
    segs = segs[:64]
    a, b = segs[:, None, 0:2], segs[:, None, 2:4]
    c, d = segs[None, :, 0:2], segs[None, :, 2:4]
    r, s = b - a, d - c
    denom = r[..., 0] * s[..., 1] - r[..., 1] * s[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = ((c - a)[..., 0] * s[..., 1] - (c - a)[..., 1] * s[..., 0]) / denom
        u = ((c - a)[..., 0] * r[..., 1] - (c - a)[..., 1] * r[..., 0]) / denom
    ok = (np.abs(denom) > 1e-12) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
    along = np.where(ok, t, 0.0)  # parallel pairs' t is inf or nan: never used
    points: npt.NDArray[np.float64] = (a + r * along[..., None])[ok]
    return points
