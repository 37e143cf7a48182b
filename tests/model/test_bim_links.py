"""A finding's subjects as the GlobalIds of the IFC elements they are."""

from __future__ import annotations

from dataclasses import replace

from tests.fixtures.bim_plans import DOOR, HALL, ROOM, WALL, ifc_classroom
from tests.fixtures.plans import SHEET, classroom, review_of

from designreview.model.bim_links import LinkedElement, linked_elements, subject_guids
from designreview.model.ids import MarkupId, ReviewerId
from designreview.model.markups import AccessPoint, Stamp

STAMP = Stamp(ReviewerId("r"), "2026-11-20T10:00:00+00:00")
PLACED_DOOR = "0pLxF3b6X9RvG$sQ1mYt2K"


def test_detected_doors_spaces_and_model_elements_resolve_in_order():
    review, plans = ifc_classroom()
    plan = plans[SHEET]
    subjects = [ROOM, DOOR, "sheet-1", WALL, ROOM]  # a repeat is named once
    assert subject_guids(subjects, review, plan) == (ROOM, DOOR, WALL)
    assert linked_elements([DOOR, HALL], review, plan) == (
        LinkedElement(DOOR, "IfcDoor", "Door 100"),
        LinkedElement(HALL, "IfcSpace", "Corridor 150"),
    )


def test_an_access_point_placed_on_an_ifc_door_names_that_door():
    review, plans = ifc_classroom()
    point = AccessPoint(
        MarkupId("ap-1"), SHEET, STAMP, STAMP, (0.75, 0.0), ifc_guid=PLACED_DOOR
    )
    drawn = replace(point, id=MarkupId("ap-2"), ifc_guid="")
    review = review.with_markup(point).with_markup(drawn)
    assert subject_guids(["ap-1", "ap-2"], review, plans[SHEET]) == (PLACED_DOOR,)
    # not in the plan's element list: the GlobalId alone
    assert linked_elements(["ap-1"], review, plans[SHEET]) == (
        LinkedElement(PLACED_DOOR),
    )


def test_a_dxf_plan_names_no_guids():
    plan = classroom()
    assert subject_guids(["door-0", "room", "hall"], review_of(), plan) == ()
    assert subject_guids([DOOR], review_of(), None) == ()
