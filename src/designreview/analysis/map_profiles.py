"""What each state's mandate asks of a school's responder map, item by item.

A profile names, for each MAP check it applies, the section that requires it, the
responder assets that must be on the map (or marked "none on site") and how old the
last walk-through may be. The sections are the ones the mandates are known by
(Texas 19 TAC 61.1031 and 61.1040 and Education Code 37.351; Florida s. 1013.13;
New Jersey N.J.S.A. 18A:41-7.1); a district checks its own adopted version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from designreview.model.errors import DesignReviewError
from designreview.model.markups import AssetKind

__all__ = ["PROFILES", "MapProfile", "profile_named"]


@dataclass(frozen=True, slots=True)
class MapProfile:
    """One state's responder map requirements."""

    key: str
    """As typed on the command line: ``texas``, ``florida``, ``new-jersey``."""
    name: str
    citations: Mapping[str, str]
    """MAP rule id -> the section requiring it; a rule not listed does not apply."""
    required_assets: tuple[AssetKind, ...]
    walkthrough_days: int
    """The last walk-through may be at most this many days old."""


_UTILITIES = (
    AssetKind.GAS_SHUTOFF,
    AssetKind.ELECTRIC_SHUTOFF,
    AssetKind.WATER_SHUTOFF,
)
_TX_MAP = "Texas Education Code 37.351 (as amended by SB 2467)"
_TX_DOORS = "19 TAC 61.1031 and 61.1040 (exterior doors numbered and designated)"
_FL = "Florida Statutes s. 1013.13"
_NJ = "N.J.S.A. 18A:41-7.1"

TEXAS = MapProfile(
    "texas",
    "Texas",
    MappingProxyType(
        {
            "MAP-1": _TX_DOORS,
            "MAP-2": f"{_TX_MAP}: room numbers and labels",
            "MAP-3": f"{_TX_MAP}: hallway names",
            "MAP-4": f"{_TX_MAP}: oriented to true north",
            "MAP-5": f"{_TX_MAP}: grid overlay with known distances",
            "MAP-6": f"{_TX_MAP}; 19 TAC 61.1040: access points, utility "
            "shut-offs, key boxes, hazards",
            "MAP-7": f"{_TX_MAP}: maps verified each school year",
            "MAP-8": f"{_TX_MAP}: maps updated after any change",
        }
    ),
    (
        AssetKind.KEY_BOX,
        AssetKind.AED,
        AssetKind.FIRE_ALARM_PANEL,
        *_UTILITIES,
        AssetKind.HAZMAT,
        AssetKind.STAGING_AREA,
        AssetKind.REUNIFICATION,
    ),
    365,
)
FLORIDA = MapProfile(
    "florida",
    "Florida",
    MappingProxyType(
        {
            "MAP-1": f"{_FL}: exterior access points numbered",
            "MAP-2": f"{_FL}: room labels",
            "MAP-3": f"{_FL}: hallway names",
            "MAP-4": f"{_FL}: oriented to true north",
            "MAP-5": f"{_FL}: gridded with known distances",
            "MAP-6": f"{_FL}: utility shut-offs, hazards, key boxes",
            "MAP-7": f"{_FL}: verified annually",
            "MAP-8": f"{_FL}: re-issued after any change",
        }
    ),
    (AssetKind.KEY_BOX, AssetKind.AED, *_UTILITIES, AssetKind.HAZMAT),
    365,
)
NEW_JERSEY = MapProfile(
    "new-jersey",
    "New Jersey",
    MappingProxyType(
        {
            "MAP-1": f"{_NJ}: access points",
            "MAP-2": f"{_NJ}: room labels",
            "MAP-3": f"{_NJ}: hallway names",
            "MAP-4": f"{_NJ}: oriented to true north",
            "MAP-5": f"{_NJ}: gridded with known distances",
            "MAP-6": f"{_NJ}: utility shut-offs, hazards, key boxes",
            "MAP-7": f"{_NJ}: reviewed annually",
            "MAP-8": f"{_NJ}: updated after any change",
        }
    ),
    (
        AssetKind.KEY_BOX,
        AssetKind.AED,
        *_UTILITIES,
        AssetKind.HAZMAT,
        AssetKind.STAGING_AREA,
        AssetKind.REUNIFICATION,
    ),
    365,
)
PROFILES: Final[Mapping[str, MapProfile]] = MappingProxyType(
    {p.key: p for p in (TEXAS, FLORIDA, NEW_JERSEY)}
)
"""Every state profile by its key."""


def profile_named(key: str) -> MapProfile:
    """The profile ``key`` (``texas``, ``florida``, ``new-jersey``).

    Raises:
        DesignReviewError: for a state without a profile, naming the ones there are.

    Example:
        >>> profile_named("new-jersey").name
        'New Jersey'
    """
    found = PROFILES.get(key.strip().lower())
    if found is None:
        known = ", ".join(PROFILES)
        raise DesignReviewError(
            f"There is no responder map profile {key!r}; choose one of {known}."
        )
    return found
