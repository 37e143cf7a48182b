"""SURV-1: corridors and commons are watched by staff or cameras, without big gaps.

Before any camera is planned (CAM-1 then asks for them, once), staff observers are
still assessed: what they see alone is a warning, not a fail, as the cameras to come
may cover the rest; the blind spots drawn show where they would help most.
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import Polygon

from designreview.analysis.parts import Part
from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.analysis.viewsheds import markup_viewshed
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Camera, Markup, SpaceType
from designreview.model.units import format_square_feet

RULE_ID = "SURV-1"
TITLE = "Corridors and commons are watched"
CITATION = "CPTED natural surveillance; CISA K-12 School Security Guide (3rd ed.)"
READS = frozenset({Part.PLAN, Part.SPACES, Part.OBSERVERS, Part.CAMERAS})
WATCHED = frozenset({SpaceType.CORRIDOR, SpaceType.COMMONS})


@dataclass(frozen=True, slots=True)
class Params:
    """Coverage needed and the largest blind spot allowed."""

    min_visible_fraction: float = 0.9
    max_blind_spot_m2: float = 9.29  # 100 sq ft


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """Coverage of corridors and commons by observers and cameras together."""
    areas = [r for r in ctx.building.rooms if r.space_type in WATCHED]
    if not areas:
        return []
    planned = any(isinstance(m, Camera) for m in ctx.review.markups)
    if not planned and not ctx.building.observers:
        return []  # nothing watches yet: CAM-1's needs-information says so
    watchers: list[Markup] = [*ctx.building.observers, *ctx.building.cameras]
    views = [markup_viewshed(ctx.open_doors(), w) for w in watchers]
    seen = shapely.union_all([v for v in views if v is not None] or [Polygon()])
    zone = shapely.union_all([r.polygon for r in areas])
    blind = zone.difference(seen)
    share = 1 - blind.area / zone.area if zone.area else 1.0
    spots = sorted(
        (g for g in getattr(blind, "geoms", [blind]) if isinstance(g, Polygon)),
        key=lambda g: g.area,
        reverse=True,
    )
    big = [g for g in spots if g.area > params.max_blind_spot_m2]
    if share >= params.min_visible_fraction and not big:
        return []
    where = big[0].representative_point() if big else zone.representative_point()
    gaps = (
        f"{len(big)} blind spot{'s are' if len(big) != 1 else ' is'} larger than "
        f"{format_square_feet(params.max_blind_spot_m2)}"
    )
    if planned:
        severity = Severity.FAIL
        message = (
            f"Staff and cameras see {share:.0%} of corridors and commons; {gaps}. "
            "Add cameras or staff posts, or glazing from offices onto the halls."
        )
    else:
        severity = Severity.WARNING
        message = (
            f"Staff observers alone see {share:.0%} of corridors and commons; "
            f"{gaps}. No cameras are planned yet: place them over these blind "
            "spots, or add staff posts or glazing from offices onto the halls."
        )
    return [
        finding(
            RULE_ID,
            severity,
            message,
            ctx,
            (where.x, where.y),
            tuple(r.id for r in areas),
            CITATION,
            tuple(ring for g in big for ring in polygon_rings(g)),
        )
    ]
