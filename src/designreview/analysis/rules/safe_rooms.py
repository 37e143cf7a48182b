"""SAFE-1: a safe room holds the people it is meant for, from its usable area."""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely.geometry import Polygon

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding
from designreview.model.findings import Finding, Severity

RULE_ID = "SAFE-1"
TITLE = "Safe room capacity"
CITATION = "FEMA P-361 (2021) and ICC 500 occupant density"
READS = frozenset({Part.ZONES})


@dataclass(frozen=True, slots=True)
class Params:
    """Area per person (standing or seated) and for wheelchair users."""

    standing_m2: float = 0.46  # 5 sq ft
    wheelchair_m2: float = 0.93  # 10 sq ft
    wheelchair_per_occupants: float = 200.0  # one space per 200 occupants


def capacity(area_m2: float, params: Params) -> int:
    """People a safe room of ``area_m2`` holds, with wheelchair spaces set aside.

    46 m² hold 100 standing at 0.46 m² each, so one wheelchair space (0.93 m²) is
    set aside: (46 - 0.93) / 0.46 = 97.98, so 97 standing plus 1 wheelchair user.

    Example:
        >>> capacity(46.0, Params())
        98
    """
    people = area_m2 / params.standing_m2
    chairs = math.ceil(people / params.wheelchair_per_occupants)
    usable = area_m2 - chairs * params.wheelchair_m2
    return int(usable / params.standing_m2) + chairs


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """Fail when a safe room is too small; needs-information when its load is unset."""
    results = []
    for zone in ctx.building.safe_rooms():
        polygon = Polygon(zone.vertices)
        if not polygon.is_valid or polygon.area == 0:
            continue
        holds = capacity(polygon.area, params)
        where = polygon.representative_point()
        name = zone.name or "A safe room"
        if zone.occupants is None:
            results.append(
                finding(
                    RULE_ID,
                    Severity.NEEDS_INFORMATION,
                    f"{name} holds {holds} people; enter how many it must shelter.",
                    ctx,
                    (where.x, where.y),
                    (zone.id,),
                    CITATION,
                )
            )
        elif zone.occupants > holds:
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"{name} must shelter {zone.occupants} people but its "
                    f"{polygon.area:.0f} m² hold {holds}.",
                    ctx,
                    (where.x, where.y),
                    (zone.id,),
                    CITATION,
                )
            )
    return results
