"""Each markup kind declared once: the table, and the words every output reads."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields

import pytest
from tests.fixtures.reviews import full_review

from designreview.model.ids import MarkupId
from designreview.model.markups import (
    MARKUP_TYPES,
    AccessPoint,
    Breach,
    Camera,
    Comment,
    Observer,
    ResponderMark,
    Sightline,
    Space,
    Zone,
)
from designreview.render.kinds import KINDS, kind_of
from designreview.render.markup_fields import FIELDS
from designreview.render.markup_graphics import markup_graphic
from designreview.render.markup_text import details, full_label, priority_text


def markup(markup_id: str):
    return full_review().markup(MarkupId(markup_id))


def test_every_model_kind_has_one_declaration_in_the_models_order():
    assert tuple(KINDS) == MARKUP_TYPES
    assert {t: spec.fields for t, spec in KINDS.items()} == dict(FIELDS)


@pytest.mark.parametrize("kind", MARKUP_TYPES, ids=lambda t: t.__name__)
def test_a_kinds_label_and_end_are_attributes_of_its_type(kind):
    names = {f.name for f in dataclass_fields(kind)}
    spec = KINDS[kind]
    assert spec.label_field in names
    assert spec.end_field is None or spec.end_field in names


@pytest.mark.parametrize("item", full_review().markups, ids=lambda m: m.id)
def test_the_graphic_comes_from_the_kind(item):
    graphic = markup_graphic(item, full_review())
    assert graphic.markup_id == item.id
    assert graphic == kind_of(item).graphic(item, graphic.color)


def test_paper_stacks_areas_under_lines_under_symbols_under_comments():
    order = sorted(MARKUP_TYPES, key=lambda t: KINDS[t].paper_order)
    assert order == [
        Space, Zone, Sightline, AccessPoint, Breach, Observer, Camera,
        ResponderMark, Comment,
    ]  # fmt: skip


def test_door_details_in_feet_and_in_metres():
    door = markup("m-door")
    # 1.83 m / 0.0254 = 72.05 in, which rounds to 72 in = 6'-0".
    assert details(door, imperial=True) == (
        "Type: Exterior door",
        "Designation: Primary visitor entry",
        "Lock function: Lockable from inside",
        "Access control: Card reader, Intercom",
        "Vision panel: Yes",
        "Sidelite: No",
        "Width: 6'-0\"",
        "Angle: 0°",  # 90 counter-clockwise from east: north, bearing 0
        "Hinge side known: Yes",
        "Propped or unlocked: No",
        "Forced by an intruder: No",
        "Construction: Unknown",
    )
    assert details(door, imperial=False)[6] == "Width: 1.83 m"


def test_area_details_by_the_shoelace_formula():
    # Safe room 5 m x 4 m = 20.0 m²; 20 / 0.09290304 = 215.28 sq ft.
    assert details(markup("m-zone"), imperial=True) == (
        "Type: Safe room",
        "Occupants: 28",
        "Area: 20.0 m² (215 sq ft)",
    )
    # Space: the triangle (0,0) (9,0) (9,9) is half of 9 x 9 = 40.5 m²; the
    # classroom's name is its label, so it is not repeated.
    assert details(markup("m-space"), imperial=False) == (
        "Space type: Classroom",
        "Occupant load: 30",
        "Area: 40.5 m²",
    )


def test_camera_details_and_leaving_fields_out():
    camera = markup("m-cam")
    assert details(camera, imperial=False) == (
        "Direction: 45°",
        "Field of view: 92.5°",
        "Range: 25.00 m",
        "Resolution (px): 2688",
        "Mount height: 3.20 m",
    )
    kept = details(camera, imperial=False, leave_out=("range_m", "mount_height_m"))
    assert kept == ("Direction: 45°", "Field of view: 92.5°", "Resolution (px): 2688")


def test_comment_words():
    comment = markup("m-comment")
    assert full_label(comment).startswith("Door 104 cannot lock from inside — Tür")
    assert priority_text(comment) == "High"
    assert priority_text(markup("m-door")) == ""
    assert details(comment, imperial=False) == (
        "Status: Answered",
        "Priority: High",
        "Shape: Cloud",
    )
    assert details(comment, False, leave_out=("status", "priority")) == (
        "Shape: Cloud",
    )
