"""Exact sight through a thick aperture (a glazed opening in a wall or a door leaf).

An aperture is a slot through a wall: a few parallel *gates* (segments across the
opening at given depths, e.g. both faces of a door leaf's glass cut-out and both faces
of the frame). A sight line gets through when it crosses every gate within its ends.
Viewers stand anywhere in a region ``V`` on the near side; the question is which points
beyond the wall some viewer sees through the slot.

Derivation (local frame: ``u`` along the wall, depth ``d`` toward the far side). Fix a
far point ``p``. Lines through ``p`` are ordered by where they cross any depth below
``p`` (they meet only at ``p``), so each gate admits an interval of them, and the lines
from ``p`` to a connected ``V`` form one interval too: the crossing of the line from
``p`` to ``v`` is a linear-fractional function of ``v``, so its extremes over a polygon
lie at vertices of its outer ring. ``p`` is seen iff these intervals share a line, and
by Helly's theorem on the line that holds iff every lower bound is below every upper
bound. Each such pair is a half-plane for ``p``:

* gate ends ``L`` (low ``u``) and ``H`` (high ``u``) of two gates: ``p`` lies left of
  the directed line ``L -> H``;
* the viewers against a high end ``H``: ``p`` lies left of ``v* -> H``, where ``v*`` is
  the vertex of ``V`` whose direction ``H - v`` turns least from ``+u``;
* the viewers against a low end ``L``: ``p`` lies right of ``v** -> L``, ``v**`` the
  vertex whose direction ``L - v`` turns most.

So what a connected viewer region sees through an aperture is one convex polygon, the
intersection of these half-planes beyond the last gate: no rays are sampled. A region in
several parts sees the union of what its parts see. The viewers are taken to see the
whole slot: nothing between them and the wall hides it (exact when the region is
convex, e.g. a straight corridor cut to a reach; generous otherwise).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import Polygon

from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["Aperture", "Gate", "sight_through"]

_FAR_M = 1000.0
"""Half-planes are drawn as squares this large (a school fits in a kilometre)."""


@dataclass(frozen=True, slots=True)
class Gate:
    """One face of the slot: the span ``start``..``end`` along the wall at ``depth``."""

    depth: float
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Aperture:
    """A slot through a wall, in its own frame.

    ``origin`` is where ``u = 0, d = 0`` lies; ``along`` is the unit vector of ``u``;
    depth grows to the left of ``along`` (toward the side being looked into).
    """

    origin: Point2
    along: Point2
    gates: tuple[Gate, ...]

    def to_local(self, xy: np.ndarray) -> np.ndarray:
        """World points (N x 2) as (u, d) in the aperture's frame."""
        ux, uy = self.along
        rel = np.asarray(xy, dtype=float) - np.asarray(self.origin, dtype=float)
        u = rel[:, 0] * ux + rel[:, 1] * uy
        return np.stack([u, rel[:, 1] * ux - rel[:, 0] * uy], axis=1)

    def to_world(self, ud: np.ndarray) -> np.ndarray:
        """Local (u, d) points (N x 2) back in world coordinates."""
        ux, uy = self.along
        u, d = ud[:, 0], ud[:, 1]
        ox, oy = self.origin
        return np.stack([ox + u * ux - d * uy, oy + u * uy + d * ux], axis=1)


def sight_through(aperture: Aperture, viewers: BaseGeometry) -> BaseGeometry:
    """Everything beyond ``aperture`` seen from some point of ``viewers``, exactly.

    Args:
        aperture: The slot; its gates must be parallel (they are, by construction).
        viewers: Where the eyes may be (a polygon or several); the part at or
            beyond the nearest gate's depth is ignored (no line from there gets
            through).

    Returns:
        The seen region beyond the deepest gate, unbounded in principle and cut to a
        square 1 km wide (the caller clips it to the room); empty when nothing gets
        through. One convex polygon for a connected ``viewers``; for several parts,
        the union of theirs (which may be a multipolygon).

    Example:
        A 1 m slot in a thin wall on y = 0, viewers in a strip 1 to 2 m below it, a
        room 7 x 2 m beyond: the lines (-1, -1) -> (1, 0) and (2, -1) -> (0, 0) bound
        the view, so two triangles of 2.25 m² each stay hidden.

        >>> from shapely.geometry import box
        >>> slot = Aperture((0.0, 0.0), (1.0, 0.0), (Gate(0.0, 0.0, 1.0),))
        >>> seen = sight_through(slot, box(-1, -2, 2, -1))
        >>> round(seen.intersection(box(-3, 0, 4, 2)).area, 6)
        9.5
    """
    if not aperture.gates:
        return Polygon()
    near = min(g.depth for g in aperture.gates)
    front = _local_box(aperture, -_FAR_M, near)
    pieces = []
    for part in shapely.get_parts(shapely.intersection(viewers, front)):
        if isinstance(part, Polygon) and not part.is_empty and part.area > 0:
            pieces.append(_seen_from_part(aperture, part))
    return shapely.union_all(pieces) if pieces else Polygon()


def _seen_from_part(aperture: Aperture, part: Polygon) -> BaseGeometry:
    """The half-plane intersection of the module docstring, for one connected part."""
    verts = aperture.to_local(np.asarray(part.exterior.coords)[:-1])
    gates = aperture.gates
    deep = max(g.depth for g in gates)
    points, directions = [], []
    for lo in gates:
        for hi in gates:
            if lo.depth == hi.depth:
                if lo.start > hi.end:
                    return Polygon()  # a gate with its ends swapped lets nothing by
                continue
            points.append((lo.start, lo.depth))
            directions.append((hi.end - lo.start, hi.depth - lo.depth))
    # Viewers lie at or before the nearest gate; a rounding error must not put one
    # past it (its direction would turn a half turn the wrong way).
    for g in gates:
        ahead = np.maximum(g.depth - verts[:, 1], 0.0)
        turn = float(np.arctan2(ahead, g.end - verts[:, 0]).min())
        points.append((g.end, g.depth))
        directions.append((math.cos(turn), math.sin(turn)))
        turn = float(np.arctan2(ahead, g.start - verts[:, 0]).max())
        points.append((g.start, g.depth))
        directions.append((-math.cos(turn), -math.sin(turn)))  # right of d: left of -d
    # Beyond the deepest gate, within a square 2 km wide, cut by every half-plane.
    ring = [(-_FAR_M, deep), (_FAR_M, deep), (_FAR_M, _FAR_M), (-_FAR_M, _FAR_M)]
    for point, direction in zip(points, directions, strict=True):
        ring = _clip(ring, point, direction)
        if len(ring) < 3:
            return Polygon()
    return Polygon(aperture.to_world(np.asarray(ring)))


def _clip(
    ring: list[tuple[float, float]],
    point: tuple[float, float],
    direction: tuple[float, float],
) -> list[tuple[float, float]]:
    """The convex polygon ``ring`` cut to the left of the directed line.

    Shapely has no half-plane intersection; cutting a convex polygon of a few
    corners by a line in plain floats takes microseconds, where an overlay of two
    polygons in GEOS takes tens (ROOM-2 makes about 20 cuts per pane, for every
    classroom of a school).
    """
    (px, py), (dx, dy) = point, direction
    sides = [dx * (y - py) - dy * (x - px) for x, y in ring]
    out: list[tuple[float, float]] = []
    for k, (a, sa) in enumerate(zip(ring, sides, strict=True)):
        b, sb = ring[k - len(ring) + 1], sides[k - len(ring) + 1]
        if sa >= 0:
            out.append(a)
        if (sa > 0 > sb) or (sa < 0 < sb):  # the edge crosses the line
            t = sa / (sa - sb)
            out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    return out


def _local_box(aperture: Aperture, d0: float, d1: float) -> Polygon:
    """Depths ``d0``..``d1`` across the whole width, as a world polygon."""
    ring = np.array([(-_FAR_M, d0), (_FAR_M, d0), (_FAR_M, d1), (-_FAR_M, d1)])
    return Polygon(aperture.to_world(ring))
