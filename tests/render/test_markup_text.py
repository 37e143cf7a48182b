"""Markups in words: the texts a markups list shows, and the door numbering rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta, timezone

import pytest
from tests.fixtures.reviews import ANN, SHEET, full_review

from designreview.model.ids import MarkupId, ReviewerId
from designreview.model.markups import AccessPoint, Stamp, Zone, ZoneKind
from designreview.render.door_numbers import door_numbers, number_doors
from designreview.render.markup_text import (
    NO_AUTHOR,
    MarkupRow,
    agency_of,
    author_name,
    describe,
    first_words,
    local_time,
    markup_label,
    natural_key,
    status_text,
    type_name,
)

MADE = Stamp(ANN, "2026-11-20T09:00:00+00:00")


def door(markup_id: str, number: str = "") -> AccessPoint:
    return AccessPoint(
        MarkupId(markup_id), SHEET, MADE, MADE, (0.0, 0.0), door_number=number
    )


def by_id(markup_id: str):
    review = full_review()
    return review, review.markup(MarkupId(markup_id))


@pytest.mark.parametrize(
    ("markup_id", "kind", "label"),
    [
        ("m-door", "Access point", "E1"),
        ("m-obs", "Observer", "Réception"),
        ("m-cam", "Camera", "CAM-01"),
        ("m-sight", "Sightline", ""),
        ("m-zone", "Safe room", "Aula 3 \u2013 refugio"),
        ("m-space", "Space", "教室 101"),
        ("m-comment", "Comment", "Door 104 cannot lock from inside \u2014 Tür\u2026"),
    ],
)
def test_type_and_label_of_every_kind(markup_id, kind, label):
    _, markup = by_id(markup_id)
    assert type_name(markup) == kind
    assert markup_label(markup) == label


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (ZoneKind.LOCKABLE_ZONE, "Lockable zone"),
        (ZoneKind.SAFE_ROOM, "Safe room"),
        (ZoneKind.HARD_CORNER, "Hard corner"),
    ],
)
def test_zone_names_by_kind(kind, name):
    assert type_name(Zone(MarkupId("z"), SHEET, MADE, MADE, (), kind)) == name


def test_describe_a_comment_in_utc():
    review, comment = by_id("m-comment")
    row = describe(comment, review)
    assert row == MarkupRow(
        type_name="Comment",
        label=markup_label(comment),
        author="Ann Lee",
        agency="Sheriff",
        status="Answered",
        modified=row.modified,
        sheet="Level 1",
        full_text=comment.text,
    )
    assert local_time(comment.modified.at, UTC) == "2026-11-20 09:30"


def test_agency_falls_back_to_the_author():
    review, camera = by_id("m-cam")
    assert agency_of(camera, review) == "City Police"
    _, comment = by_id("m-comment")
    assert agency_of(replace(comment, agency=""), review) == "City Police"


def test_unknown_author_and_sheet():
    review, camera = by_id("m-cam")
    stranger = Stamp(ReviewerId("r-gone"), MADE.at)
    orphan = replace(camera, created=stranger, sheet_id="s-nowhere")
    assert author_name(orphan, review) == NO_AUTHOR
    assert agency_of(orphan, review) == ""
    assert describe(orphan, review).sheet == ""


def test_status_only_for_comments():
    review, comment = by_id("m-comment")
    assert status_text(comment) == "Answered"
    assert status_text(review.markups[0]) == ""


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 40, ""),
        ("exactly ten", 11, "exactly ten"),
        ("exactly ten!", 11, "exactly\u2026"),
        ("line\nbreaks\tand  spaces", 40, "line breaks and spaces"),
        ("Stop, here, please", 12, "Stop, here\u2026"),
    ],
)
def test_first_words(text, limit, expected):
    assert first_words(text, limit) == expected


@pytest.mark.parametrize(
    ("iso", "zone", "expected"),
    [
        ("2026-11-20T09:30:00+00:00", UTC, "2026-11-20 09:30"),
        ("2026-11-20T23:30:00+00:00", timezone(timedelta(hours=2)), "2026-11-21 01:30"),
        ("2026-11-20T09:30:00Z", timezone(timedelta(hours=-8)), "2026-11-20 01:30"),
        ("2026-11-20", UTC, "2026-11-20 00:00"),
        ("", UTC, ""),
        ("not a date", UTC, "not a date"),
    ],
)
def test_local_time(iso, zone, expected):
    assert local_time(iso, zone) == expected


def test_natural_key_orders_numbers_by_value():
    labels = ["D-10", "D-9", "d-1", "E1", "A-100", "A-20"]
    assert sorted(labels, key=natural_key) == [
        "A-20",
        "A-100",
        "d-1",
        "D-9",
        "D-10",
        "E1",
    ]


@pytest.mark.parametrize(
    ("count", "prefix", "taken", "expected"),
    [
        (0, "D-", (), []),
        (2, "", (), ["01", "02"]),
        (2, "D-", ("D-001", "D-3"), ["D-02", "D-04"]),
        (1, "D-", ("D-", "D-1a", "X-1"), ["D-01"]),
        (
            3,
            "D-",
            ("D-\u0661",),
            ["D-01", "D-02", "D-03"],
        ),  # non-ASCII digits are not numbers
        (2, "D-", tuple(f"D-{n:02}" for n in range(1, 99)), ["D-099", "D-100"]),
    ],
)
def test_door_numbers(count, prefix, taken, expected):
    assert door_numbers(count, prefix, taken) == expected


def test_number_doors_in_the_given_order():
    doors = [door("c", "x"), door("a", "y"), door("b", "z")]
    assert number_doors(doors, "EXT-") == {"a": "EXT-02", "b": "EXT-03", "c": "EXT-01"}


def test_number_doors_keeps_other_doors_numbers():
    numbers = number_doors([door("a"), door("b")], "D-", others=[door("k", "D-02")])
    assert numbers == {"a": "D-01", "b": "D-03"}


def test_number_doors_reports_only_changes():
    assert number_doors([door("a", "D-01"), door("b", "D-02")], "D-") == {}
    assert number_doors([door("a", "D-02"), door("b", "D-01")], "D-") == {
        "a": "D-01",
        "b": "D-02",
    }
