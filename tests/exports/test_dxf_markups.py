"""The DXF export's words for each markup are the markups list's and the CSV's words."""

from __future__ import annotations

import pytest
from tests.fixtures.reviews import full_review

from designreview.exports.dxf.layers import REVIEW_LAYERS, layer_named
from designreview.exports.dxf.markups import markup_lines
from designreview.model.ids import MarkupId
from designreview.render.kinds import kind_of
from designreview.render.markup_text import local_time


def markup(markup_id: str):
    return full_review().markup(MarkupId(markup_id))


@pytest.mark.parametrize("item", full_review().markups, ids=lambda m: m.id)
def test_every_kind_goes_on_a_styled_review_layer(item):
    name = kind_of(item).dxf_layer(item)
    assert layer_named(name) in REVIEW_LAYERS


def test_zone_layers_follow_the_zone_kind():
    assert kind_of(markup("m-zone")).dxf_layer(markup("m-zone")) == "REVIEW-SAFEROOM"


def test_a_door_says_its_number_then_its_details():
    lines = markup_lines(markup("m-door"), full_review(), imperial=True)
    assert lines[0] == "E1"
    assert lines[1].startswith("Type: Exterior door; Designation: Primary visitor ")
    assert "Width: 6'-0\"" in lines[1]  # 1.83 m = 72.05 in
    assert len(lines) == 2


def test_an_unlabelled_markup_says_what_it_is():
    sight = markup_lines(markup("m-sight"), full_review(), imperial=False)
    assert sight == ["Sightline"]  # a label only, and no details to give


def test_a_comment_says_its_text_byline_details_and_thread():
    review = full_review()
    comment = markup("m-comment")
    lines = markup_lines(comment, review, imperial=False)
    created = local_time("2026-11-20T09:00:00+00:00")  # the machine's time zone
    assert lines == [
        "Door 104 cannot lock from inside — Tür muss abschließbar sein",
        f"Ann Lee (Sheriff), {created}",  # the comment's own agency, not the roster's
        "Status: Answered; Priority: High; Shape: Cloud",
        "Ann Lee (City Police): Status: Open",
        "José Núñez (Architect): Hardware changed to classroom security.",
        "José Núñez (Architect): Status: Answered (see reply)",
    ]
