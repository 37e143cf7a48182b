"""Doors of the real drawings, by how each drawing draws them.

The expected counts were written down from renderings of each drawing (walls,
door-layer lines and the detected openings coloured by method), counting the
doors a person sees. A count is met within the tolerance given (door openings a
person reads as doors but a detector cannot tell from a window or a wall end).
"""

from __future__ import annotations

import pytest
from tests.fixtures.corpus import corpus_file

from designreview.model.building import DoorMethod
from designreview.readers.dxf.read import read_dxf

pytestmark = pytest.mark.slow

BLOCK, ARC, LEAF, GAP = (DoorMethod.BLOCK, DoorMethod.ARC, DoorMethod.LEAF,
                         DoorMethod.GAP)  # fmt: skip

SEEN = {
    # name: {method: (doors seen, tolerance)}
    # 55 door blocks; the closets' bifold doors and the lift doors are openings
    # between jambs (about 45 of them).
    "apartment_bldg_A_000217_paperspace.dxf": {BLOCK: (55, 0), GAP: (45, 10)},
    # 44 + 28 + 4 swing arcs on 门线 (0.75, 0.9 and 1.0 m leaves) make 48 doors
    # (some are pairs); two double doors of 0.59 m leaves drawn open 53 degrees
    # (the lift lobbies); the toilets' entries are bare openings (about 8).
    "chinese_university_floor2_far_origin.dxf": {ARC: (50, 2), GAP: (8, 4)},
    # Every door of ML4 is a gap between jambs: about 105 in office walls.
    "medialab_ml4_R2010_inch.dxf": {GAP: (105, 15)},
    # The Media Lab building draws no door symbol either: about 130 openings.
    "medialab_building_R12.dxf": {GAP: (130, 20)},
    # 20 swing arcs; its window openings are closed by window lines, no doors.
    "swiss_residential_archilyse_R2004_cm.dxf": {ARC: (20, 0), GAP: (0, 3)},
    # The Escaldes school: door blocks and arcs only, no opening is left bare.
    "school_escaldes_junior_high_allfloors.dxf": {
        BLOCK: (105, 0),
        ARC: (22, 0),
        GAP: (0, 0),
    },
}


@pytest.mark.parametrize(("name", "seen"), sorted(SEEN.items()))
def test_corpus_doors_by_method(name, seen):
    plan = read_dxf(corpus_file(name))
    by = dict(plan.counts.doors_by_method)
    for method, (expected, tolerance) in seen.items():
        assert abs(by[method.value] - expected) <= tolerance, (method, by)
    assert sum(by.values()) == plan.counts.doors == len(plan.doors)
    for door in plan.doors:
        assert 0.6 <= door.width_m <= 2.6 or door.method in (BLOCK, ARC)
        if door.method is GAP:
            assert not door.hinge_known


def test_no_door_warning_on_a_plan_with_doors_only_where_none_are_found():
    plan = read_dxf(corpus_file("campus_cucs_siteplan_large.dxf"))
    # A site plan: no door symbol, no opening of door width in walls.
    assert plan.doors == ()
    [warning] = [w for w in plan.warnings if w.startswith("No doors found")]
    assert "Review > Layer Roles" in warning
