"""ROOM-2: every classroom keeps a hard corner out of sight of its door glass.

In a lockdown the doors are closed; an attacker in the corridor looks through the
vision panels and sidelites. The hard corner is the part of the room that no point of
the corridor within reach of the door glass can see, less a clearance along the walls,
and it must hold every occupant.

The model, stated once in :data:`ASSUMPTIONS` (shown in Check settings and printed on
the packet's thresholds page): each glazed opening of each door is a thick aperture
(:mod:`designreview.analysis.rules.door_glass`), the viewers are the space outside the
door within ``viewer_reach_m`` of its glass, and what they see of the room is the exact
union of the straight lines through every face of the aperture
(:func:`designreview.analysis.apertures.sight_through`), clipped to the room.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Polygon

from designreview.analysis.apertures import sight_through
from designreview.analysis.isovist import CIRCLE_QUAD_SEGS
from designreview.analysis.parts import Part
from designreview.analysis.rules.base import (
    CheckContext,
    finding,
    polygon_rings,
)
from designreview.analysis.rules.door_glass import door_glass, outside_of
from designreview.model.findings import Finding, Severity
from designreview.model.markups import SpaceType
from designreview.model.units import format_square_feet

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from designreview.analysis.building_view import Door, Room

RULE_ID = "ROOM-2"
TITLE = "Hard corner for every occupant"
CITATION = "MSD Public Safety Commission (2019); FEMA P-361 occupant density"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES})
ROOMS = frozenset({SpaceType.CLASSROOM, SpaceType.LAB})


ASSUMPTIONS = (
    "Viewers stand anywhere in the space outside the door (the corridor, or outdoors) "
    "within the viewer reach of the glass; that space's walls, its far wall too, "
    "bound where they stand.",
    "Sight passes only through door glass: a vision panel 0.25 m wide centred in the "
    "leaf (unless the door is marked as having none) and glazing in the door's wall "
    "within 1.5 m of its middle (sidelites).",
    "The closed leaf is as thick as the leaf thickness, its face on the drawn door "
    "line; the door frame and a sidelite's reveal are as deep as the jambs drawn "
    "across the wall, and a sight line must cross every face of them.",
    "A point is seen when a straight line through every face of an opening joins it "
    "to a viewer; this is computed exactly, with no sampled rays (the reach is a "
    "128-gon inscribed in its circle).",
    "Viewers see the whole opening from where they stand, and only the room's outline "
    "hides anyone inside it (furniture and columns do not), so a corridor bend or a "
    "room that folds behind its own walls counts as seen: the safe direction.",
    "The hard corner is the largest connected hidden part of the room after the wall "
    "clearance is kept from every side of the room's outline.",
)
"""The model ROOM-2 measures with, one sentence each, for the people who rely on it."""


@dataclass(frozen=True, slots=True)
class Params:
    """Thresholds of ROOM-2 (metres and square metres); each names its source."""

    area_per_occupant_m2: float = field(
        default=0.46,  # 5 sq ft
        metadata={"source": "FEMA P-361 (2021): 5 sq ft per standing occupant"},
    )
    wall_clearance_m: float = field(
        default=0.45,
        metadata={
            "source": "ROOM-2 default: room to stand clear of the walls, for the "
            "hard corner of the MSD Public Safety Commission (2019)"
        },
    )
    viewer_reach_m: float = field(
        default=3.0,
        metadata={
            "source": "ROOM-2 default: an attacker at the door (MSD Public Safety "
            "Commission, 2019)"
        },
    )
    leaf_thickness_m: float = field(
        default=0.04445,  # 1 3/4 in
        metadata={"source": "ANSI/SDI A250.8: standard steel door leaf, 1 3/4 in"},
    )
    classroom_m2_per_occupant: float = field(
        default=1.86,  # 20 sq ft net, when no occupant load is given
        metadata={"source": "IBC Table 1004.5: classroom, 20 sq ft net per occupant"},
    )


def hard_corner(ctx: CheckContext, room: Room, params: Params) -> Polygon:
    """The largest part of ``room`` unseen from its door glass, less the clearance."""
    key = ("hard_corner", room.id, params)
    if key not in ctx.memo:
        ctx.memo[key] = _hard_corner(ctx, room, params)
    result: Polygon = ctx.memo[key]
    return result


def _hard_corner(ctx: CheckContext, room: Room, params: Params) -> Polygon:
    seen = [
        _seen_through(ctx, room, door, params) for door in ctx.building.doors_of(room)
    ]
    usable = room.polygon.buffer(-params.wall_clearance_m, join_style="mitre")
    hidden = usable.difference(shapely.union_all(seen)) if seen else usable
    parts = [g for g in getattr(hidden, "geoms", [hidden]) if isinstance(g, Polygon)]
    return max(parts, key=lambda g: g.area) if parts else Polygon()


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail for each classroom whose hard corner is too small for its occupants."""
    results = []
    for room in ctx.building.rooms:
        if room.space_type not in ROOMS or not ctx.building.doors_of(room):
            continue
        corner = hard_corner(ctx, room, params)
        occupants = room.occupant_load or math.ceil(
            room.polygon.area / params.classroom_m2_per_occupant
        )
        needed = occupants * params.area_per_occupant_m2
        if corner.area >= needed:
            continue
        where = (
            corner.representative_point()
            if not corner.is_empty
            else (room.polygon.representative_point())
        )
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{room.label}: the corner out of sight of the door glass is "
                f"{corner.area:.1f} m² ({format_square_feet(corner.area)}); "
                f"{occupants} occupants need {needed:.1f} m² "
                f"({format_square_feet(needed)}). Move or narrow the door glass, or "
                "drop the sidelite.",
                ctx,
                (where.x, where.y),
                (room.id,),
                CITATION,
                polygon_rings(corner) if not corner.is_empty else (),
            )
        )
    return results


def _seen_through(
    ctx: CheckContext, room: Room, door: Door, params: Params
) -> BaseGeometry:
    """What eyes outside ``door`` can see of ``room`` through its glass, exactly."""
    if params.viewer_reach_m <= 0:
        return Polygon()  # nobody at the glass
    outside = outside_of(ctx.building, room, door)
    views = []
    for glass in door_glass(ctx.building, room, door, params.leaf_thickness_m):
        viewers: BaseGeometry = glass.glass.buffer(
            params.viewer_reach_m, quad_segs=CIRCLE_QUAD_SEGS
        )
        if outside is not None:
            viewers = viewers.intersection(outside)
        seen = sight_through(glass.aperture, viewers).intersection(room.polygon)
        # A piece cut off by the room's outline lies behind one of its walls.
        views += [
            part
            for part in shapely.get_parts(seen)
            if isinstance(part, Polygon) and part.distance(glass.exit) < 1e-6
        ]
    return shapely.union_all(views) if views else Polygon()
