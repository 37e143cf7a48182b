"""The glazed openings of a closed door, as thick apertures (see analysis/apertures).

A door's glass is its vision panel (in the leaf) and the sidelites beside it (in the
wall). Each becomes an :class:`~designreview.analysis.apertures.Aperture` in the door's
frame: ``u`` along the door line from the end that keeps the room on the left, depth 0
on the drawn door line, growing into the room. The depths come from the drawing: the
jambs drawn at the ends of an opening (short wall lines across the wall) give the
frame's depth, as deep as the wall is drawn; a door drawn in a single-line wall has a
frame no deeper than its leaf.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from shapely.geometry import LineString, Point

from designreview.analysis.apertures import Aperture, Gate
from designreview.analysis.rules.base import SIDELITE_M, VISION_PANEL_M

if TYPE_CHECKING:
    from shapely.geometry import Polygon

    from designreview.analysis.building_view import BuildingView, Door, Room

__all__ = ["Glass", "door_glass", "outside_of"]

JAMB_MAX_M = 0.6
"""A line across the wall at an opening's end no longer than this is its jamb (a
longer one is a wall meeting the opening, e.g. at a room's corner)."""
_ON_M = 0.02
"""A jamb's end lies this close to the opening's end and to a face of the wall."""
_PARALLEL = 1e-3
"""Sine of the largest angle between lines taken as parallel (or square)."""


@dataclass(frozen=True, slots=True)
class Glass:
    """One glazed opening: the slot to look through and its glass (for the reach)."""

    aperture: Aperture
    glass: LineString
    """The glass's face toward the viewers, in world coordinates."""
    exit: LineString
    """The opening's face on the room side: what is seen through it touches this."""


def door_glass(
    building: BuildingView, room: Room, door: Door, leaf_thickness_m: float
) -> list[Glass]:
    """The vision panel and sidelites of ``door`` as seen into ``room``.

    The panel is ``VISION_PANEL_M`` wide, centred in the leaf, unless the door is
    marked as having none; the closed leaf lies on the drawn door line, on the side
    where the frame is deeper. Sidelites are glazing lines parallel to the door, in
    its wall (within ``JAMB_MAX_M``) and within ``SIDELITE_M`` of its middle, whose
    room side lies in ``room``; lines of one window at different depths (a frame
    drawn as a rectangle) are one sidelite as deep as they spread.
    """
    origin, along = _frame(room, door)
    width = math.dist(door.hinge, door.latch)
    if width == 0:
        return []
    base = Aperture(origin, along, ())
    near = _near(building.walls, door.center, width)
    walls = base.to_local(near[:, :2]), base.to_local(near[:, 2:])
    lo, hi = _jamb_depths(walls, 0.0, width)
    found = []
    if door.has_vision_panel is not False:
        leaf = (-leaf_thickness_m, 0.0) if -lo >= hi else (0.0, leaf_thickness_m)
        pane = min(VISION_PANEL_M, width)
        p0, p1 = (width - pane) / 2, (width + pane) / 2
        gates = (
            Gate(leaf[0], p0, p1),
            Gate(leaf[1], p0, p1),
            Gate(min(lo, leaf[0]), 0.0, width),
            Gate(max(hi, leaf[1]), 0.0, width),
        )
        found.append(_glass(Aperture(origin, along, gates), (p0, p1), leaf))
    found += _sidelites(building, room, base, walls, width)
    return found


def _frame(room: Room, door: Door) -> tuple[tuple[float, float], tuple[float, float]]:
    """The door's origin and direction that keep ``room`` on the left (depth > 0)."""
    (hx, hy), (lx, ly) = door.hinge, door.latch
    width = math.hypot(lx - hx, ly - hy) or 1.0
    ux, uy = (lx - hx) / width, (ly - hy) / width
    cx, cy = door.center
    left = room.polygon.distance(Point(cx - uy * 0.6, cy + ux * 0.6))
    right = room.polygon.distance(Point(cx + uy * 0.6, cy - ux * 0.6))
    if left <= right:
        return (hx, hy), (ux, uy)
    return (lx, ly), (-ux, -uy)


def _jamb_depths(
    lines: tuple[np.ndarray, np.ndarray], start: float, end: float
) -> tuple[float, float]:
    """The depths the jambs at ``start`` and ``end`` span, with 0 (the door line)."""
    a, b = lines
    du, dd = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
    length = np.hypot(du, dd)
    square = (np.abs(du) <= _PARALLEL * length) & (length <= JAMB_MAX_M)
    at_end = (np.abs(a[:, 0] - start) <= _ON_M) | (np.abs(a[:, 0] - end) <= _ON_M)
    d0, d1 = np.minimum(a[:, 1], b[:, 1]), np.maximum(a[:, 1], b[:, 1])
    near_line = (d0 <= _ON_M) & (d1 >= -_ON_M)
    jambs = square & at_end & near_line & (length > 0)
    if not jambs.any():
        return 0.0, 0.0
    return min(0.0, float(d0[jambs].min())), max(0.0, float(d1[jambs].max()))


def _sidelites(
    building: BuildingView,
    room: Room,
    base: Aperture,
    walls: tuple[np.ndarray, np.ndarray],
    width: float,
) -> list[Glass]:
    glazing = _near(
        building.glazing, base.to_world(np.array([[width / 2, 0.0]]))[0], width
    )
    if not len(glazing):
        return []
    a, b = base.to_local(glazing[:, :2]), base.to_local(glazing[:, 2:])
    du, dd = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
    length = np.hypot(du, dd)
    mid_u = (a[:, 0] + b[:, 0]) / 2
    parallel = (np.abs(dd) <= _PARALLEL * length) & (length > 0)
    in_wall = np.abs(a[:, 1]) <= JAMB_MAX_M
    beside = np.abs(mid_u - width / 2) <= SIDELITE_M
    # Lines of one window (both faces, the glass between) share their span.
    spans: dict[tuple[float, float], tuple[float, float, list[float]]] = {}
    for i in np.flatnonzero(parallel & in_wall & beside):
        u0, u1 = sorted((float(a[i, 0]), float(b[i, 0])))
        if u1 <= _ON_M or u0 >= width - _ON_M:  # beside the opening, not in it
            key = (round(u0, 3), round(u1, 3))
            spans.setdefault(key, (u0, u1, []))[2].append(float(a[i, 1]))
    lines = (np.r_[walls[0], a], np.r_[walls[1], b])
    found = []
    for _key, (u0, u1, depths) in sorted(spans.items()):
        lo, hi = _jamb_depths(lines, u0, u1)
        lo, hi = min(lo, *depths), max(hi, *depths)
        inside = base.to_world(np.array([[(u0 + u1) / 2, hi + 0.3]]))[0]
        if not room.polygon.covers(Point(*inside)):
            continue  # the glazing of a neighbouring room in the same wall
        gates = (Gate(lo, u0, u1), Gate(hi, u0, u1)) if hi > lo else (Gate(lo, u0, u1),)
        found.append(
            _glass(Aperture(base.origin, base.along, gates), (u0, u1), (lo, hi))
        )
    return found


def _near(
    segments: np.ndarray, centre: np.ndarray | tuple[float, float], width: float
) -> np.ndarray:
    """The segments whose bounding boxes come near a door's middle.

    No jamb or sidelite of the door lies farther, so only a handful of the plan's
    segments are turned into the door's frame.
    """
    reach = width + SIDELITE_M + JAMB_MAX_M
    cx, cy = float(centre[0]), float(centre[1])
    xs, ys = segments[:, [0, 2]], segments[:, [1, 3]]
    keep = (
        (xs.min(axis=1) <= cx + reach)
        & (xs.max(axis=1) >= cx - reach)
        & (ys.min(axis=1) <= cy + reach)
        & (ys.max(axis=1) >= cy - reach)
    )
    found: np.ndarray = segments[keep]
    return found


def _glass(
    aperture: Aperture, span: tuple[float, float], depths: tuple[float, float]
) -> Glass:
    u0, u1 = span
    deep = max(g.depth for g in aperture.gates)
    ends = np.array([[u0, depths[0]], [u1, depths[0]], [u0, deep], [u1, deep]])
    world = aperture.to_world(ends)
    return Glass(aperture, LineString(world[:2]), LineString(world[2:]))


def outside_of(building: BuildingView, room: Room, door: Door) -> Polygon | None:
    """The space on the other side of ``door`` from ``room`` (None: outdoors)."""
    sides = building.door_rooms.get(door.id, (None, None))
    other = next((s for s in sides if s != room.id), None)
    found = building.room(other) if other is not None else None
    return found.polygon if found is not None else None
