"""SURV-1: corridors and commons are watched by staff or cameras, without big gaps."""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import Polygon

from designreview.analysis.rules.base import CheckContext, finding, polygon_rings
from designreview.analysis.viewsheds import markup_viewshed
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Markup, SpaceType
from designreview.model.units import format_square_feet

RULE_ID = "SURV-1"
TITLE = "Corridors and commons are watched"
CITATION = "CPTED natural surveillance; CISA K-12 School Security Guide (3rd ed.)"
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
    return [
        finding(
            RULE_ID,
            Severity.FAIL,
            f"Staff and cameras see {share:.0%} of corridors and commons; "
            f"{len(big)} blind spots are larger than "
            f"{format_square_feet(params.max_blind_spot_m2)}. Add "
            "cameras or staff posts, or glazing from offices onto the halls.",
            ctx,
            (where.x, where.y),
            tuple(r.id for r in areas),
            CITATION,
            tuple(ring for g in big for ring in polygon_rings(g)),
        )
    ]
