"""Fitting an access point onto a door: one the importer found, or a wall gap.

Position, angle, width, number and lock come from the drawing, so the reviewer only
confirms them. Where the importer found no door, a click in an opening of the walls
fits the door to the opening (``analysis/wall_gaps.py``).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.building_view import lock_from_hardware
from designreview.analysis.obstacles import obstacle_segments
from designreview.analysis.wall_gaps import GapParams, GapVerdict, wall_gap
from designreview.model.plan import LayerCategory
from designreview.model.units import format_length

if TYPE_CHECKING:
    from designreview.analysis.wall_gaps import GapFit, WallGap
    from designreview.model.building import DetectedDoor
    from designreview.model.geometry import Point2
    from designreview.model.markups import AccessPoint
    from designreview.model.plan import Plan

DOOR_REACH_M = 0.75
"""A click this close to a detected door's opening means that door."""
WALLS = frozenset({LayerCategory.WALL})


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
        hinge_known=door.hinge_known,
        ifc_guid=door.guid or access.ifc_guid,
    )


def gap_near(plan: Plan | None, point: Point2) -> GapFit | None:
    """The opening in the plan's walls at ``point``, if there is one."""
    if plan is None:
        return None
    return wall_gap(obstacle_segments(plan, WALLS), point)


def fitted_to_gap(access: AccessPoint, gap: WallGap) -> AccessPoint:
    """``access`` filling ``gap``: hinge at the end nearer the click, not confirmed."""
    return replace(
        access,
        position=(round(gap.middle[0], 4), round(gap.middle[1], 4)),
        width_m=round(gap.width_m, 3),
        angle_deg=round(gap.angle_deg % 360.0, 2),
        hinge_known=False,
    )


def refusal(fit: GapFit, imperial: bool) -> str:
    """Why the opening at a click holds no door, in the plan's units."""
    width = format_length(fit.gap.width_m, imperial)
    low, high = GapParams().door_width_m
    if fit.verdict is GapVerdict.TOO_WIDE:
        widest = format_length(high, imperial)
        return (
            f"The opening here is {width} wide, wider than a double door "
            f"({widest}); placed a plain access point. Alt+click places one "
            "without looking for an opening."
        )
    narrowest = format_length(low, imperial)
    return (
        f"The opening here is {width} wide, narrower than a door ({narrowest}); "
        "placed a plain access point."
    )
