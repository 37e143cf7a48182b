"""CAM-1: every exterior entry is seen by a camera at identification pixel density."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shapely.geometry import Point

from designreview.analysis.coverage import (
    Dori,
    camera_bands,
    coverage,
    slant_distance_m,
)
from designreview.analysis.parts import Part
from designreview.analysis.rules.base import (
    CheckContext,
    finding,
    polygon_rings,
    sentence,
)
from designreview.analysis.viewsheds import markup_viewshed
from designreview.model.findings import Finding, Severity
from designreview.model.markups import Camera, SpaceType

if TYPE_CHECKING:
    from designreview.analysis.building_view import Door

WATCHED_ZONES = frozenset(
    {
        SpaceType.CORRIDOR,
        SpaceType.COMMONS,
        SpaceType.VESTIBULE,
        SpaceType.CAFETERIA,
        SpaceType.GYM,
        SpaceType.LIBRARY,
    }
)

RULE_ID = "CAM-1"
TITLE = "Cameras identify faces at every entry"
CITATION = "EN/IEC 62676-4 DORI: identification 250 px/m, observation 62.5 px/m"
READS = frozenset({Part.PLAN, Part.DOORS, Part.SPACES, Part.CAMERAS})


@dataclass(frozen=True, slots=True)
class Params:
    """Pixel density needed to identify a person (px per metre at the target)."""

    identification_px_per_m: float = 250.0


def pixel_density(camera: Camera, distance_m: float) -> float:
    """Horizontal pixels per metre the camera puts on a target ``distance_m`` away.

    ``distance_m`` runs from the lens to the target (see
    :func:`~designreview.analysis.coverage.slant_distance_m` for a face seen in plan).

    Example:
        >>> from designreview.model.markups import Camera, Stamp
        >>> s = Stamp("r", "t")
        >>> cam = Camera("c", "s", s, s, (0.0, 0.0), 0.0, 90.0, 30.0, 1920)
        >>> round(pixel_density(cam, 3.84), 1)
        250.0
    """
    width = 2 * max(distance_m, 0.1) * math.tan(math.radians(camera.fov_deg) / 2)
    return camera.resolution_px / width


def check(ctx: CheckContext, params: Params) -> list[Finding]:
    """A fail per exterior door no camera identifies people at; coverage per zone.

    A review without any camera yet gets one needs-information finding instead of
    a fail per exterior door of every floor: cameras not planned yet are missing
    information, not a design that fails.
    """
    if not any(isinstance(m, Camera) for m in ctx.review.markups):
        return _no_cameras(ctx)
    views = [(c, markup_viewshed(ctx.open_doors(), c)) for c in ctx.building.cameras]
    results = [
        r
        for d in ctx.building.doors
        if ctx.building.is_exterior(d)
        if (r := _door_finding(ctx, d, views, params)) is not None
    ]
    return results + _zone_coverage(ctx, params)


def _no_cameras(ctx: CheckContext) -> list[Finding]:
    """One finding for the whole review, on its first floor.

    Only when there is something a camera should watch (exterior doors or zones).
    """
    floors = ctx.floors or (ctx.building,)
    if ctx.sheet_id != floors[0].sheet_id:
        return []
    entries = [d for f in floors for d in f.doors if f.is_exterior(d)]
    zones = [r for f in floors for r in f.rooms if r.space_type in WATCHED_ZONES]
    if not entries and not zones:
        return []
    here = [d for d in ctx.building.doors if ctx.building.is_exterior(d)]
    if here:
        where = here[0].center
    else:
        point = (ctx.building.rooms or zones)[0].polygon.representative_point()
        where = (point.x, point.y)
    plural = "s" if len(entries) != 1 else ""
    what = (
        f"identification at the {len(entries)} exterior door{plural}"
        if entries
        else "camera coverage of the halls"
    )
    return [
        finding(
            RULE_ID,
            Severity.NEEDS_INFORMATION,
            f"No cameras are planned in this review, so CAM-1 ({what}) and the "
            "camera part of SURV-1 cannot be assessed. Place the planned cameras "
            "with the Camera tool [M].",
            ctx,
            where,
            (),
            CITATION,
        )
    ]


def _door_finding(
    ctx: CheckContext, door: Door, views: list[tuple[Camera, Any]], params: Params
) -> Finding | None:
    target = Point(door.center)
    best = max(
        (
            pixel_density(c, slant_distance_m(c, math.dist(c.position, door.center)))
            for c, view in views
            if view is not None
            and view.buffer(0.05).covers(target)
            and math.dist(c.position, door.center) >= c.mount_height_m
        ),
        default=0.0,
    )
    if best >= params.identification_px_per_m:
        return None
    seen = f"the best camera gives {best:.0f} px/m" if best else "no camera sees it"
    return finding(
        RULE_ID,
        Severity.FAIL,
        f"{sentence(door.label)} (exterior): {seen}; identifying a face needs "
        f"{params.identification_px_per_m:.0f} px/m. Add or aim a camera at it.",
        ctx,
        door.center,
        door.subjects,
        CITATION,
    )


def _zone_coverage(ctx: CheckContext, params: Params) -> list[Finding]:
    """Information: the share of each public zone cameras observe (62.5 px/m)."""
    cameras = ctx.building.cameras
    if not cameras:
        return []
    level = Dori.OBSERVATION
    seen = [camera_bands(ctx.open_doors(), c)[level] for c in cameras]
    results = []
    for room in ctx.building.rooms:
        if room.space_type not in WATCHED_ZONES:
            continue
        share = coverage([room.polygon], seen)
        where = room.polygon.representative_point()
        results.append(
            finding(
                RULE_ID,
                Severity.INFO,
                f"{room.label}: {share.ratio:.0%} covered by cameras at observation "
                "level "
                f"({level.value:g} px/m).",
                ctx,
                (where.x, where.y),
                (room.id,),
                CITATION,
                polygon_rings(share.uncovered) if share.ratio < 1 else (),
            )
        )
    return results
