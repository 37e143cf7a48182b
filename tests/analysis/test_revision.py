"""A revised drawing: its doors and rooms paired with the old ones, the review carried.

Two plans of one corridor with three rooms, worked out by hand: in the revision
door 2 moved 1.2 m east, door 3 was removed, room 102 was renamed LAB, room 103
grew from 4 x 5 to 5 x 5 m, and room 104 is new.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tests.fixtures.plans import SHEET, plan_of, review_of

from designreview.analysis.revision import carry_review
from designreview.analysis.revision_match import ChangeKind, match_plans
from designreview.analysis.run import run_checks
from designreview.model.building import DetectedDoor, DetectedSpace
from designreview.model.ids import MarkupId, ReviewerId
from designreview.model.markups import AccessPoint, Comment, Space, SpaceType, Stamp
from designreview.model.review import Decision, DecisionKind, SourceFile
from designreview.model.space_overrides import override_id

S = Stamp(ReviewerId("r-ann"), "2026-12-08T10:00:00Z")
WALLS = [[0, 0, 20, 0], [0, 5, 20, 5]]


def _rect(x0: float, x1: float) -> tuple[tuple[float, float], ...]:
    return ((x0, 0.0), (x1, 0.0), (x1, 5.0), (x0, 5.0))


OLD_DOORS = (
    DetectedDoor("door-a", (1.0, 5.0), (1.9, 5.0), (1.0, 5.9), "1", "CLASSROOM"),
    DetectedDoor("door-b", (6.0, 5.0), (6.9, 5.0), (6.0, 5.9), "2", "CLASSROOM"),
    DetectedDoor("door-c", (11.0, 5.0), (11.9, 5.0), (11.0, 5.9), "3", "OFFICE"),
)
OLD_ROOMS = (
    DetectedSpace("space-a", _rect(0, 4), "CLASSROOM", "101", SpaceType.CLASSROOM),
    DetectedSpace("space-b", _rect(5, 9), "OFFICE", "102", SpaceType.OFFICE),
    DetectedSpace("space-c", _rect(10, 14), "STORAGE", "103", SpaceType.STORAGE),
)
# New ids throughout, as a new import gives; door 2 has lost its number too, so
# only its place can pair it (7.2 m instead of 6.0: 1.2 m east).
NEW_DOORS = (
    DetectedDoor("d-1", (1.0, 5.0), (1.9, 5.0), (1.0, 5.9), "1", "CLASSROOM"),
    DetectedDoor("d-2", (7.2, 5.0), (8.1, 5.0), (7.2, 5.9), "", "CLASSROOM"),
    DetectedDoor("d-4", (16.0, 5.0), (16.9, 5.0), (16.0, 5.9), "4", "CLASSROOM"),
)
NEW_ROOMS = (
    DetectedSpace("r-1", _rect(0, 4), "CLASSROOM", "101", SpaceType.CLASSROOM),
    DetectedSpace("r-2", _rect(5, 9), "LAB", "102", SpaceType.LAB),
    DetectedSpace("r-3", _rect(10, 15), "STORAGE", "103", SpaceType.STORAGE),
    DetectedSpace("r-4", _rect(16, 20), "CLASSROOM", "104", SpaceType.CLASSROOM),
)
OLD = plan_of(WALLS, OLD_DOORS, OLD_ROOMS)
NEW = plan_of(WALLS, NEW_DOORS, NEW_ROOMS)


def test_doors_and_rooms_pair_by_number_then_by_place() -> None:
    match = match_plans(OLD, NEW)
    assert match.doors == {"door-a": "d-1", "door-b": "d-2"}
    assert match.rooms == {"space-a": "r-1", "space-b": "r-2", "space-c": "r-3"}
    texts = sorted(c.text for c in match.changes)
    assert texts == sorted(
        [
            "Door 2 moved 1.20 m",  # named as the old drawing numbered it
            "Door 3 removed",
            "Door 4 added",
            "Room 102 OFFICE renamed to 102 LAB",
            "Room 103 STORAGE resized from 20.0 m² to 25.0 m²",
            "Room 104 CLASSROOM added",
        ]
    )


def test_a_lock_change_is_a_change() -> None:
    locked = (
        OLD_DOORS[0].__class__(
            "x", (1.0, 5.0), (1.9, 5.0), (1.0, 5.9), "1", "STOREROOM"
        ),
    )
    match = match_plans(plan_of(WALLS, OLD_DOORS[:1]), plan_of(WALLS, locked))
    [change] = match.changes
    assert change.kind is ChangeKind.RELOCKED
    assert change.text.startswith("Door 1 lock changed from")


def _review():
    on_b = AccessPoint(MarkupId("ap-b"), SHEET, S, S, (6.45, 5.0), door_number="2")
    on_c = AccessPoint(MarkupId("ap-c"), SHEET, S, S, (11.45, 5.0), door_number="3")
    note = Comment(
        MarkupId("note"), SHEET, S, S, (12.0, 2.5), "Shelving blocks the view"
    )
    fixed = Space(
        override_id(SHEET, "space-b"),
        SHEET,
        S,
        S,
        _rect(5, 9),
        "OFFICE",
        SpaceType.OFFICE,
    )
    review = review_of([on_b, on_c, note, fixed])
    # One decision names the detected door and room, one the room's correction.
    on_ids = Decision("ROOM-1:door-b:space-b", DecisionKind.ACCEPT, S, "agreed")
    on_fix = Decision(f"LOCK-1:{override_id(SHEET, 'space-b')}", DecisionKind.ACCEPT, S)
    from dataclasses import replace

    return replace(review, decisions=(on_ids, on_fix))


def test_markups_follow_their_doors_and_rooms_and_the_orphans_are_flagged() -> None:
    review = _review()
    sheet = review.sheets[0]
    from dataclasses import replace

    new_sheet = replace(sheet, source_name="rev2.dxf", source_sha256="y")
    source = SourceFile("rev2.dxf", "y", b"0")
    match = match_plans(OLD, NEW)
    revised, report = carry_review(
        review, sheet, new_sheet, source, (OLD, NEW), match, S
    )
    by_id = {m.id: m for m in revised.markups}
    # The access point on door 2 moved 1.2 m east with it.
    assert math.dist(by_id["ap-b"].position, (7.65, 5.0)) < 1e-9
    # Door 3 is gone: its access point stays where it was, flagged.
    assert by_id["ap-c"].position == (11.45, 5.0)
    # The comment is in room 103, which is still there (resized, its middle moved
    # 0.5 m east): it moves with the room.
    assert math.dist(by_id["note"].position, (12.5, 2.5)) < 1e-9
    # The correction of room 102 now corrects r-2, and keeps the room's outline.
    assert override_id(SHEET, "r-2") in by_id
    assert report.flagged == ("ap-c",)
    assert set(report.followed) == {"ap-b", "note", override_id(SHEET, "r-2")}
    # The decisions follow their subjects' new ids.
    keys = [d.finding_key for d in revised.decisions]
    assert keys == ["ROOM-1:d-2:r-2", f"LOCK-1:{override_id(SHEET, 'r-2')}"]
    assert report.decisions_carried == 2
    new = revised.sheets[0]
    assert new.source_sha256 == "y"
    assert new.revision.previous_sha256 == "x"
    assert {s.sha256 for s in revised.sources} >= {"y"}


def test_the_revision_check_lists_the_flagged_markup_until_it_is_deleted() -> None:
    review = _review()
    sheet = review.sheets[0]
    from dataclasses import replace

    new_sheet = replace(sheet, source_sha256="y")
    revised, _ = carry_review(
        review, sheet, new_sheet, SourceFile("r.dxf", "y", b"0"), (OLD, NEW),
        match_plans(OLD, NEW), S,
    )  # fmt: skip
    result = run_checks(revised, {SHEET: NEW})
    flags = [f for f in result.findings if f.rule == "REV-1"]
    assert [f.subjects for f in flags] == [("ap-c",)]
    assert "test.dxf that the revised drawing does not have" in flags[0].message
    gone = replace(revised, markups=tuple(m for m in revised.markups if m.id != "ap-c"))
    assert not [f for f in run_checks(gone, {SHEET: NEW}).findings if f.rule == "REV-1"]
    # Moved by a reviewer (a later stamp): it counts again, and is no longer listed.
    later = Stamp(ReviewerId("r-ann"), "2026-12-08T11:00:00Z")
    moved = replace(
        revised,
        markups=tuple(
            replace(m, position=(16.45, 5.0), modified=later) if m.id == "ap-c" else m
            for m in revised.markups
        ),
    )
    assert not [
        f for f in run_checks(moved, {SHEET: NEW}).findings if f.rule == "REV-1"
    ]


def test_a_flagged_access_point_does_not_stand_for_a_door() -> None:
    # Door 3 is gone and its access point flagged: the checks see no door there.
    from designreview.analysis.building_view import building_view

    review = _review()
    sheet = review.sheets[0]
    revised, _ = carry_review(
        review, sheet, replace(sheet, source_sha256="y"), SourceFile("r", "y", b"0"),
        (OLD, NEW), match_plans(OLD, NEW), S,
    )  # fmt: skip
    view = building_view(revised, revised.sheets[0], NEW)
    assert all(math.dist(d.center, (11.45, 5.0)) > 1.0 for d in view.doors)
