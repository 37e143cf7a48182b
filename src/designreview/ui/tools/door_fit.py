"""Fitting an access point onto a door the importer found in the drawing.

Position, angle, width, number and lock come from the drawing, so the reviewer only
confirms them.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.building_view import lock_from_hardware

if TYPE_CHECKING:
    from designreview.model.building import DetectedDoor
    from designreview.model.geometry import Point2
    from designreview.model.markups import AccessPoint
    from designreview.model.plan import Plan

DOOR_REACH_M = 0.75
"""A click this close to a detected door's opening means that door."""


def door_near(
    plan: Plan | None, point: Point2, reach_m: float = DOOR_REACH_M
) -> DetectedDoor | None:
    """The detected door whose opening is nearest ``point``, within ``reach_m``."""
    if plan is None or not plan.doors:
        return None
    best = min(plan.doors, key=lambda d: math.dist(d.center, point))
    return best if math.dist(best.center, point) <= reach_m else None


def fitted(access: AccessPoint, door: DetectedDoor) -> AccessPoint:
    """``access`` moved onto ``door``, with the door's geometry, number and lock."""
    (hx, hy), (lx, ly) = door.hinge, door.latch
    return replace(
        access,
        position=door.center,
        width_m=round(door.width_m, 3),
        angle_deg=round(math.degrees(math.atan2(ly - hy, lx - hx)), 2),
        door_number=door.number or access.door_number,
        lock=lock_from_hardware(door.hardware) if door.hardware else access.lock,
    )
