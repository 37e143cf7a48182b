"""ENTRY-3: the reception point sees the whole vestibule and its door sets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.analysis.viewsheds import markup_viewshed
from designreview.model.findings import Finding, Severity
from designreview.model.markups import ObserverKind, SpaceType

if TYPE_CHECKING:
    from designreview.analysis.building_view import Room

RULE_ID = "ENTRY-3"
TITLE = "Reception sees the vestibule"
CITATION = "CPTED natural surveillance; CISA K-12 School Security Guide (3rd ed.)"
READS = frozenset({Part.PLAN, Part.SPACES, Part.OBSERVERS})


@dataclass(frozen=True, slots=True)
class Params:
    """Share of the vestibule that must be visible from reception."""

    visible_fraction: float = 1.0
    tolerance_m2: float = 0.25


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """For each vestibule: how much of it the reception observers can see."""
    vestibules = [r for r in ctx.building.rooms if r.space_type is SpaceType.VESTIBULE]
    if not vestibules:
        return []
    desks = [o for o in ctx.building.observers if o.kind is ObserverKind.RECEPTION_DESK]
    if not desks:
        return [
            finding(
                RULE_ID,
                Severity.NEEDS_INFORMATION,
                "No reception desk is marked; place an observer (reception desk) "
                "where staff receive visitors.",
                ctx,
                _point(vestibules[0]),
                tuple(v.id for v in vestibules),
                CITATION,
            )
        ]
    views = [markup_viewshed(ctx.open_doors(), desk) for desk in desks]
    seen = shapely.union_all([v for v in views if v is not None])
    results = []
    for room in vestibules:
        unseen = room.polygon.difference(seen)
        share = 1 - unseen.area / room.polygon.area
        if share >= params.visible_fraction or unseen.area <= params.tolerance_m2:
            continue
        where = room.polygon.representative_point()
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"Reception sees {share:.0%} of {room.label}; a visitor there "
                "waits unseen. "
                "Add glazing between reception and the vestibule or move the desk.",
                ctx,
                (where.x, where.y),
                (room.id, *(d.id for d in desks)),
                CITATION,
                polygon_rings(unseen),
            )
        )
    return results


def _point(room: Room) -> tuple[float, float]:
    where = room.polygon.representative_point()
    return (where.x, where.y)
