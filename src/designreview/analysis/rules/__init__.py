"""The review checks of PRODUCT.md section 4: one module per rule, registered here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.analysis.rules import (
    camera_identification,
    dead_ends,
    door_numbers,
    egress_distance,
    glass_reach,
    hard_corner,
    large_space_lockdown,
    lockdown_race,
    map_assets,
    map_doors,
    map_grid,
    map_hallways,
    map_issue,
    map_north,
    map_rooms,
    map_walkthrough,
    primary_entry,
    reception_view,
    refuge_reach,
    revision_flags,
    room_locks,
    room_types,
    safe_rooms,
    surveillance,
    vestibule,
    vision_panel_reach,
)

if TYPE_CHECKING:
    from designreview.analysis.rules.base import Rule

_MODULES: tuple[Rule, ...] = (
    primary_entry,
    vestibule,
    reception_view,
    door_numbers,
    glass_reach,
    room_locks,
    hard_corner,
    vision_panel_reach,
    safe_rooms,
    refuge_reach,
    large_space_lockdown,
    lockdown_race,
    egress_distance,
    dead_ends,
    surveillance,
    camera_identification,
    room_types,
    revision_flags,
    map_doors,
    map_rooms,
    map_hallways,
    map_north,
    map_grid,
    map_assets,
    map_walkthrough,
    map_issue,
)
RULES: dict[str, Rule] = {module.RULE_ID: module for module in _MODULES}
"""Rule id -> module exposing RULE_ID, TITLE, CITATION, READS, Params and check()."""
