"""Every real drawing of the shared corpus imports, or fails with a clear message."""

import pytest
from tests.fixtures.corpus import corpus_file

from designreview.formats.dxf_import import read_dxf
from designreview.model.errors import PlanReadError

LOADABLE = [
    "apartment_bldg_A_000217_paperspace.dxf",
    "barcelona_pavilion_plan_m.dxf",
    "binary_dxf_r2000.dxf",
    "campus_cucs_siteplan_large.dxf",
    "chinese_university_floor2_far_origin.dxf",
    "damaged_recover01_R12.dxf",
    "factory_standard_plan_R2004.dxf",
    "hackerspace_raumzeitlabor_R2007_cm.dxf",
    "medialab_building_R12.dxf",
    "medialab_ml4_R2010_inch.dxf",
    "nested_blocks_dimensions_depth3.dxf",
    "proxy_entities_gh109.dxf",
    "school_escaldes_junior_high_allfloors.dxf",
    "swiss_residential_archilyse_R2004_cm.dxf",
    "uncommon_entities_R2018_inch.dxf",
    "university_udg_cut_campus_R2018.dxf",
    "xref/xref.dxf",
]
UNLOADABLE = {
    "unloadable_gdal_insert_too_many_errors.dxf": "damaged beyond repair",
    "unloadable_r1_4_entities.dxf": "not a DXF drawing",
}


@pytest.mark.parametrize("name", LOADABLE)
def test_corpus_drawing_imports(name):
    plan = read_dxf(corpus_file(name))
    assert plan.layers
    assert plan.linework or plan.labels
    assert plan.extents.width >= 0
    assert plan.extents.height >= 0


@pytest.mark.parametrize(("name", "message"), sorted(UNLOADABLE.items()))
def test_unloadable_corpus_drawing_gives_clear_message(name, message):
    with pytest.raises(PlanReadError, match=message):
        read_dxf(corpus_file(name))


def test_damaged_drawing_reports_the_repair():
    plan = read_dxf(corpus_file("damaged_recover01_R12.dxf"))
    assert any("recover mode" in w for w in plan.warnings)


def test_walls_hidden_in_proxy_entities_are_drawn():
    plan = read_dxf(corpus_file("proxy_entities_gh109.dxf"))
    assert plan.counts.walls > 0
