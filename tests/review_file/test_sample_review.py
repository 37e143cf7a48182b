"""The bundled sample review matches its generator and embeds the sample drawing."""

import importlib.util
from pathlib import Path

from designreview.review_file.archive import read_review
from designreview.review_file.sample import sample_plan_path, sample_review_path
from designreview.review_file.sheets import plan_for_sheet

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


def generator():
    spec = importlib.util.spec_from_file_location(
        "make_sample_review", SAMPLES / "make_sample_review.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_sample_review_is_what_the_generator_makes():
    committed = read_review(sample_review_path())
    assert committed == generator().sample_review(SAMPLES / "sample_school.dxf")


def test_sample_review_embeds_the_drawing_and_its_plan_opens():
    review = read_review(sample_review_path())
    [sheet] = review.sheets
    assert review.source(sheet.source_sha256).data == sample_plan_path().read_bytes()
    plan = plan_for_sheet(review, sheet)
    assert plan.counts.doors == 39
    # Every markup sits inside the drawing.
    ext = plan.extents
    for markup in review.markups:
        x, y = markup.position
        assert ext.min_x <= x <= ext.max_x
        assert ext.min_y <= y <= ext.max_y
