"""What a first responders' map needs beyond the plan (issue 20, PRODUCT.md section 3).

State mandates (Texas 19 TAC 61.1031, Florida 1013.13, New Jersey 18A:41-7.1) and
Collaborative Response Graphics practice list what a school map for police, fire and
EMS must show: key boxes, AEDs, shut-offs, hazards, stair numbers, hallway names,
staging and reunification places, parking and roads. Each is a responder mark, one
markup kind whose ``kind`` says which item it is. The review's map details (address,
walk-through date, state profile, items marked "none on site", the issued revision)
are a ``ResponderInfo`` on the review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from designreview.model.markups import AssetKind, ResponderMark

if TYPE_CHECKING:
    from designreview.model.plan import Plan
    from designreview.model.review import Sheet

__all__ = [
    "AssetKind",
    "GeoPoint",
    "MapIssue",
    "ResponderInfo",
    "ResponderMark",
    "true_north_of",
]


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """A point of the drawing and where it is on Earth: two place the map for GIS.

    ``x`` and ``y`` are metres in the drawing's own frame (as the command line
    gives them), ``latitude`` and ``longitude`` WGS84 degrees.
    """

    x: float
    y: float
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class MapIssue:
    """One issued revision of the responder map and what it showed."""

    revision: int
    date: str
    """ISO date (YYYY-MM-DD) the revision was issued."""
    fingerprint: str
    """A digest of everything the map shows, to tell when it goes out of date."""


@dataclass(frozen=True, slots=True)
class ResponderInfo:
    """The review's responder map details (absent: nothing entered yet)."""

    address: str = ""
    walkthrough_date: str = ""
    """The last walk-through of the building with responders (YYYY-MM-DD)."""
    profile: str = "texas"
    """The state profile the map is checked against (``texas``, ``florida``,
    ``new-jersey``)."""
    none_on_site: tuple[AssetKind, ...] = ()
    """Items the school does not have (no gas service): marked rather than missing."""
    geo_reference: tuple[GeoPoint, ...] = ()
    """Two points tying the drawing to WGS84, or none."""
    grid_cell_m: float | None = field(default=None, metadata={"exclusive_minimum": 0.0})
    """The grid's square in metres; None lets the map choose a round size."""
    issued: MapIssue | None = None
    """The last issued revision of the map; None before the first issue."""


def true_north_of(sheet: Sheet, plan: Plan | None) -> float | None:
    """Where true north points on ``sheet``, clockwise from the plan's up, degrees.

    The reviewer's angle wins; otherwise the IFC model's; None when neither says.

    Example:
        >>> from designreview.model.review import Sheet
        >>> true_north_of(Sheet("s", "L1", "a.dxf", "0", true_north_deg=20.0), None)
        20.0
        >>> true_north_of(Sheet("s", "L1", "a.dxf", "0"), None) is None
        True
    """
    if sheet.true_north_deg is not None:
        return sheet.true_north_deg
    if plan is not None and plan.bim is not None:
        return plan.bim.true_north_deg
    return None


ASSET_NAMES: dict[AssetKind, str] = {
    AssetKind.KEY_BOX: "Key box (Knox box)",
    AssetKind.AED: "AED",
    AssetKind.TRAUMA_KIT: "Trauma kit",
    AssetKind.FIRE_ALARM_PANEL: "Fire alarm panel",
    AssetKind.PANIC_ALERT: "Panic alert",
    AssetKind.GAS_SHUTOFF: "Gas shut-off",
    AssetKind.ELECTRIC_SHUTOFF: "Electric shut-off",
    AssetKind.WATER_SHUTOFF: "Water shut-off",
    AssetKind.HAZMAT: "Hazardous materials",
    AssetKind.STAIR_NUMBER: "Stair number",
    AssetKind.HALLWAY_NAME: "Hallway name",
    AssetKind.STAGING_AREA: "Staging area",
    AssetKind.REUNIFICATION: "Reunification point",
    AssetKind.PARKING: "Parking",
    AssetKind.ROAD: "Road",
}
"""What reviewers and the map's legend call each item."""

ASSET_CODES: dict[AssetKind, str] = {
    AssetKind.KEY_BOX: "KB",
    AssetKind.AED: "AED",
    AssetKind.TRAUMA_KIT: "TK",
    AssetKind.FIRE_ALARM_PANEL: "FACP",
    AssetKind.PANIC_ALERT: "PA",
    AssetKind.GAS_SHUTOFF: "G",
    AssetKind.ELECTRIC_SHUTOFF: "E",
    AssetKind.WATER_SHUTOFF: "W",
    AssetKind.HAZMAT: "HZ",
    AssetKind.STAIR_NUMBER: "ST",
    AssetKind.HALLWAY_NAME: "",
    AssetKind.STAGING_AREA: "SA",
    AssetKind.REUNIFICATION: "RP",
    AssetKind.PARKING: "P",
    AssetKind.ROAD: "",
}
"""The letters printed in each item's symbol, readable in black and white (the
codes responders' map sets use: KB key box, FACP fire alarm control panel)."""

NAMED_KINDS = frozenset({AssetKind.HALLWAY_NAME, AssetKind.ROAD})
"""Items that are a name on the map rather than a symbol."""
