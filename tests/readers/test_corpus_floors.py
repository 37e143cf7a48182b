"""Floors side by side found in the real drawings of the shared corpus."""

from __future__ import annotations

import pytest
from tests.fixtures.corpus import corpus_file

from designreview.readers.dxf.read import read_dxf
from designreview.recognition.floors import plan_floors
from designreview.review_file.sheets import new_review, plans_for_sheets

ESCALDES = "school_escaldes_junior_high_allfloors.dxf"
ESCALDES_FLOORS = [
    "SCHOOL YARD FLOOR",
    "GROUND FLOOR",
    "1ST FLOOR",
    "2ND FLOOR",
    "TOP FLOOR",
]


def test_the_escaldes_school_has_five_floors_named_by_their_titles():
    floors = plan_floors(read_dxf(corpus_file(ESCALDES)))
    assert [f.name for f in floors] == ESCALDES_FLOORS
    assert all(f.is_titled for f in floors)
    # The floors' walls, read off the drawing (metres): x from 70.7, 174.0, 277.0,
    # 377.7 and 495.7, every one from y 161.1 to 216.5; the band of pipe and
    # section diagrams below (y 47 to 150) has no wall lines and is no floor.
    assert [round(f.outline.min_x, 1) for f in floors] == [
        70.7,
        174.0,
        277.0,
        377.7,
        495.7,
    ]
    assert {(round(f.outline.min_y, 1), round(f.outline.max_y, 1)) for f in floors} == {
        (161.1, 216.5)
    }
    assert sum(f.wall_count for f in floors) == 772  # every wall line, once


def test_the_escaldes_floors_split_its_doors_and_rooms_without_loss():
    review = new_review([corpus_file(ESCALDES)], split_floors=True)
    whole = read_dxf(corpus_file(ESCALDES))
    plans = plans_for_sheets(review)
    floors = [plans[s.id] for s in review.sheets]
    assert [s.name for s in review.sheets] == ESCALDES_FLOORS
    assert sum(p.counts.walls for p in floors) == whole.counts.walls
    assert sum(len(p.doors) for p in floors) == len(whole.doors)
    assert sum(len(p.spaces) for p in floors) == len(whole.spaces)


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("apartment_bldg_A_000217_paperspace.dxf", 1),  # a section beside: no floor
        ("barcelona_pavilion_plan_m.dxf", 1),  # the annex 4.5 m off the hall
        ("campus_cucs_siteplan_large.dxf", 1),  # 28 wall lines in five scraps
        ("chinese_university_floor2_far_origin.dxf", 1),
        ("factory_standard_plan_R2004.dxf", 4),  # four plans stacked, 21 m apart
        ("hackerspace_raumzeitlabor_R2007_cm.dxf", 1),
        ("medialab_building_R12.dxf", 1),
        ("medialab_ml4_R2010_inch.dxf", 1),
        ("swiss_residential_archilyse_R2004_cm.dxf", 1),
        ("university_udg_cut_campus_R2018.dxf", 1),
    ],
)
def test_other_corpus_drawings_are_one_floor_unless_plans_sit_side_by_side(name, count):
    assert len(plan_floors(read_dxf(corpus_file(name)))) == count


def test_the_factory_plans_have_no_titles_and_its_legend_names_none():
    # Four plans stacked 21.7 m apart; the third has a legend row below it (room
    # types, all 0.73 m tall) and no text naming a level: every plan is numbered.
    floors = plan_floors(read_dxf(corpus_file("factory_standard_plan_R2004.dxf")))
    assert [f.name for f in floors] == ["Floor 1", "Floor 2", "Floor 3", "Floor 4"]
