"""EGRESS-1: exit-access travel distance from every room to an exterior door."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.analysis.distances import distance_field
from designreview.analysis.rules.base import CheckContext, finding
from designreview.analysis.rules.sampling import grid_points
from designreview.model.findings import Finding, Severity

RULE_ID = "EGRESS-1"
TITLE = "Exit-access travel distance"
CITATION = (
    "IBC 2021 Table 1017.2 (200 ft unsprinklered, 250 ft sprinklered, E occupancy)"
)


@dataclass(frozen=True, slots=True)
class Params:
    """Travel distance limits; ``sprinklered`` is 1 for a sprinklered building."""

    unsprinklered_m: float = 60.96  # 200 ft
    sprinklered_m: float = 76.2  # 250 ft
    sprinklered: float = 0.0
    sample_spacing_m: float = 3.0


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per room whose farthest point is too far from every exterior door."""
    exits = [d.center for d in ctx.building.doors if ctx.building.is_exterior(d)]
    if not exits or not ctx.building.rooms:
        return []
    limit = params.sprinklered_m if params.sprinklered else params.unsprinklered_m
    field = distance_field(ctx.walking(), exits)
    results = []
    for room in ctx.building.rooms:
        worst, where = 0.0, None
        for point in grid_points(room.polygon, params.sample_spacing_m, limit=100):
            try:
                walk = field.at(point)
            except ValueError:
                continue
            if walk is not None and walk > worst:
                worst, where = walk, point
        if where is not None and worst > limit:
            results.append(
                finding(
                    RULE_ID,
                    Severity.FAIL,
                    f"From {room.label} the walk to the nearest exit is {worst:.0f} m "
                    f"({worst * 3.281:.0f} ft), over {limit:.0f} m "
                    f"({limit * 3.281:.0f} "
                    "ft). Add an exit or shorten the route.",
                    ctx,
                    where,
                    (room.id,),
                    CITATION,
                )
            )
    return results
