"""CAM-1: every exterior entry is seen by a camera at identification pixel density."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shapely.geometry import Point

from designreview.analysis.rules.base import CheckContext, finding, sentence
from designreview.analysis.viewsheds import markup_viewshed
from designreview.model.findings import Finding, Severity

if TYPE_CHECKING:
    from designreview.model.markups import Camera

RULE_ID = "CAM-1"
TITLE = "Cameras identify faces at every entry"
CITATION = "EN/IEC 62676-4 DORI: identification 250 px/m, observation 62.5 px/m"


@dataclass(frozen=True, slots=True)
class Params:
    """Pixel density needed to identify a person (px per metre at the target)."""

    identification_px_per_m: float = 250.0


def pixel_density(camera: Camera, distance_m: float) -> float:
    """Horizontal pixels per metre the camera puts on a target ``distance_m`` away.

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
    """A fail for each exterior door no camera identifies people at."""
    results = []
    doors = [d for d in ctx.building.doors if ctx.building.is_exterior(d)]
    views = [(c, markup_viewshed(ctx.open_doors(), c)) for c in ctx.building.cameras]
    for door in doors:
        target = Point(door.center)
        best = max(
            (
                pixel_density(c, math.dist(c.position, door.center))
                for c, view in views
                if view is not None and view.buffer(0.05).covers(target)
            ),
            default=0.0,
        )
        if best >= params.identification_px_per_m:
            continue
        seen = f"the best camera gives {best:.0f} px/m" if best else "no camera sees it"
        results.append(
            finding(
                RULE_ID,
                Severity.FAIL,
                f"{sentence(door.label)} (exterior): {seen}; identifying a "
                f"face needs {params.identification_px_per_m:.0f} px/m. Add or aim "
                "a camera at it.",
                ctx,
                door.center,
                door.subjects,
                CITATION,
            )
        )
    return results
