from dataclasses import fields as dataclass_fields
from dataclasses import replace
from enum import Enum

import pytest
from tests.fixtures.reviews import ANN, JOSE, full_review

from designreview.model.edits import Batch, ReplaceMarkup
from designreview.model.errors import FieldError
from designreview.model.ids import MarkupId, ReviewerId
from designreview.model.markups import (
    AccessControl,
    AccessPoint,
    Camera,
    Comment,
    CommentStatus,
    LockFunction,
    Observer,
    Sightline,
    Space,
    Stamp,
    StatusChange,
    Zone,
)
from designreview.model.units import parse_length
from designreview.render.comment_thread import stamp_text, thread
from designreview.render.fields import (
    MIXED,
    ChoiceToggle,
    FieldKind,
    choice_label,
    format_value,
    hint,
    parse_value,
)
from designreview.render.markup_fields import (
    FIELDS,
    choice_states,
    field_edit,
    field_named,
    reply_edit,
    selection_title,
    shared_fields,
    shared_value,
)

NOW = Stamp(ReviewerId("r-ann"), "2026-11-21T10:00:00+00:00")


def two_doors():
    review = full_review()
    door = review.markup(MarkupId("m-door"))
    other = replace(
        door,
        id=MarkupId("m-door2"),
        lock=LockFunction.NONE,
        width_m=0.91,
        access_control=(AccessControl.INTERCOM,),
    )
    return replace(review, markups=(*review.markups, other)), door, other


# -- lengths ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "imperial", "metres"),
    [
        ("36 in", True, 0.9144),
        ('36"', True, 0.9144),
        ("36''", True, 0.9144),
        ("36 inches", False, 0.9144),
        ("3'", True, 0.9144),
        ("3 ft", False, 0.9144),
        ("3'-0\"", True, 0.9144),
        ("3'-6\"", True, 1.0668),
        ("3' 6\"", True, 1.0668),
        ("3'6", True, 1.0668),
        ("3 ft 6 in", True, 1.0668),
        ("3'-6 1/2\"", True, 1.0795),
        ('1/2"', True, 0.0127),
        ("3.5'", True, 1.0668),
        ("3\u2032-0\u2033", True, 0.9144),  # primes from a word processor
        ("0.91 m", True, 0.91),
        ("0.91m", False, 0.91),
        ("1.5 metres", False, 1.5),
        ("91 cm", True, 0.91),
        ("910 mm", False, 0.91),
        ("0,91 m", False, 0.91),
        (".5 m", False, 0.5),
        ("  2 M ", False, 2.0),
        ("3", True, 0.9144),  # bare numbers: feet on imperial plans
        ("3", False, 3.0),  # and metres otherwise
        ("2.5", False, 2.5),
        ("0", False, 0.0),
    ],
)
def test_parse_length(text, imperial, metres):
    assert parse_length(text, imperial) == pytest.approx(metres, abs=1e-9)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "wide",
        "3 m 20",
        "3'-",
        "3 yards",
        '1/0"',
        "3.2.1 m",
        "m",
        "3x",
        "3-6",
    ],
)
def test_parse_length_rejects_garbage(text):
    with pytest.raises(FieldError):
        parse_length(text, imperial=True)


@pytest.mark.parametrize("text", ["-3", "-36 in", "-0.5 m", "\u22122 m", "-3'-0\""])
def test_parse_length_rejects_negatives(text):
    with pytest.raises(FieldError, match="negative"):
        parse_length(text, imperial=False)


def test_length_field_checks_its_range_in_plan_units():
    width = field_named(AccessPoint, "width_m")
    with pytest.raises(FieldError, match="0'-2\" is out of range"):
        parse_value(width, "2 in", imperial=True)
    with pytest.raises(FieldError, match=r"31\.00 m is out of range"):
        parse_value(width, "31", imperial=False)
    assert parse_value(width, "36 in", imperial=False) == pytest.approx(0.9144)


def test_hints_say_what_is_allowed_in_plan_units():
    width = field_named(AccessPoint, "width_m")
    assert "0'-4\"" in hint(width, imperial=True)
    assert "bare number is feet" in hint(width, imperial=True)
    assert "0.10 m" in hint(width, imperial=False)
    assert "bare number is metres" in hint(width, imperial=False)
    assert "160" in hint(field_named(Camera, "resolution_px"), imperial=False)


# -- angles and numbers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "degrees"),
    # Typed as compass bearings (clockwise from north, up the plan); stored as the
    # model's direction (counter-clockwise from east): east 90 -> 0, north 0 -> 90,
    # west -90 = 270 -> 180, 450 = 90 (east) -> 0, 360 = north -> 90.
    [("90", 0.0), ("90°", 0.0), ("-90", 180.0), ("450 deg", 0.0), ("360", 90.0)],
)
def test_directions_are_typed_as_compass_bearings_and_wrap(text, degrees):
    assert parse_value(field_named(Camera, "direction_deg"), text, False) == degrees


@pytest.mark.parametrize(
    ("direction", "shown"),
    [
        (90.0, "0°"),
        (0.0, "90°"),
        (-73.61, "163.61°"),
        (180.0, "270°"),
        (89.999999, "0°"),
    ],
)
def test_directions_read_as_compass_bearings(direction, shown):
    field = field_named(Camera, "direction_deg")
    assert format_value(field, direction, False) == shown


@pytest.mark.parametrize("text", ["0", "361", "-10", "wide", ""])
def test_field_of_view_is_checked(text):
    with pytest.raises(FieldError):
        parse_value(field_named(Camera, "fov_deg"), text, False)


@pytest.mark.parametrize(
    ("text", "value"), [("1920", 1920), ("1,920", 1920), (" 2688 px", 2688)]
)
def test_resolution_reads_whole_numbers(text, value):
    assert parse_value(field_named(Camera, "resolution_px"), text, False) == value


@pytest.mark.parametrize("text", ["", "12.5", "-3", "100", "99999", "many"])
def test_resolution_rejects(text):
    with pytest.raises(FieldError):
        parse_value(field_named(Camera, "resolution_px"), text, False)


def test_optional_counts_accept_blank_as_unknown():
    occupants = field_named(Zone, "occupants")
    assert parse_value(occupants, "  ", False) is None
    assert parse_value(occupants, "28", False) == 28
    assert format_value(occupants, None, False) == ""


def test_texts():
    assert parse_value(field_named(AccessPoint, "door_number"), "  E1 ", False) == "E1"
    assert parse_value(field_named(AccessPoint, "door_number"), "", False) == ""
    with pytest.raises(FieldError, match="empty"):
        parse_value(field_named(Comment, "text"), " \n ", False)


# -- labels and the table itself ---------------------------------------------------


def test_lock_functions_read_as_reviewers_say_them():
    labels = [choice_label(c) for c in field_named(AccessPoint, "lock").choices]
    assert labels == [
        "Lockable from inside",
        "Key or credential outside only",
        "None",
        "Unknown",
    ]


@pytest.mark.parametrize("markup", full_review().markups, ids=lambda m: m.id)
def test_every_field_is_an_attribute_of_its_type(markup):
    names = {f.name: f for f in dataclass_fields(markup)}
    for spec in FIELDS[type(markup)]:
        assert spec.name in names
        value = getattr(markup, spec.name)
        if spec.kind is FieldKind.CHOICE:
            assert value in spec.choices
        if spec.kind is FieldKind.MULTI_CHOICE:
            assert all(isinstance(v, Enum) and v in spec.choices for v in value)
        format_value(spec, value, imperial=True)  # every value can be shown


def test_shared_fields():
    assert shared_fields([AccessPoint, AccessPoint]) == FIELDS[AccessPoint]
    assert shared_fields([AccessPoint, Camera]) == ()
    assert [f.name for f in shared_fields([Observer, Camera, Sightline])] == ["label"]
    assert [f.name for f in shared_fields([Zone, Space])] == ["name"]
    assert shared_fields([]) == ()


def test_shared_values_and_mixed():
    _, door, other = two_doors()
    assert shared_value([door, other], field_named(AccessPoint, "lock")) is MIXED
    assert shared_value([door, other], field_named(AccessPoint, "door_number")) == "E1"
    states = dict(
        choice_states([door, other], field_named(AccessPoint, "access_control"))
    )
    assert states[AccessControl.CARD_READER] is None
    assert states[AccessControl.INTERCOM] is True
    assert states[AccessControl.REMOTE_RELEASE] is False


# -- edits ----------------------------------------------------------------------------


def test_one_markup_makes_one_replace_with_a_fresh_stamp():
    review = full_review()
    door = review.markup(MarkupId("m-door"))
    edit = field_edit([door], field_named(AccessPoint, "lock"), LockFunction.NONE, NOW)
    assert isinstance(edit, ReplaceMarkup)
    assert edit.label == "Set lock function"
    assert edit.after.lock is LockFunction.NONE
    assert edit.after.modified == NOW
    assert edit.after.created == door.created


def test_several_markups_make_one_batch_that_round_trips():
    review, door, other = two_doors()
    edit = field_edit([door, other], field_named(AccessPoint, "width_m"), 1.2, NOW)
    assert isinstance(edit, Batch)
    changed, changes = edit.apply(review)
    assert set(changes.updated) == {"m-door", "m-door2"}
    assert {changed.markup(i).width_m for i in ("m-door", "m-door2")} == {1.2}
    restored, _ = edit.inverted().apply(changed)
    assert restored == review


def test_only_markups_that_change_are_edited():
    _, door, other = two_doors()
    lock = field_named(AccessPoint, "lock")
    edit = field_edit([door, other], lock, LockFunction.NONE, NOW)
    assert isinstance(edit, ReplaceMarkup)
    assert edit.before == door
    assert field_edit([other], lock, LockFunction.NONE, NOW) is None


def test_toggling_one_device_keeps_the_others():
    _, door, other = two_doors()
    access = field_named(AccessPoint, "access_control")
    edit = field_edit(
        [door, other], access, ChoiceToggle(AccessControl.CARD_READER, True), NOW
    )
    assert isinstance(edit, ReplaceMarkup)  # the first door had it already
    assert edit.after.access_control == (
        AccessControl.CARD_READER,
        AccessControl.INTERCOM,
    )
    edit = field_edit(
        [door, other], access, ChoiceToggle(AccessControl.INTERCOM, False), NOW
    )
    assert [e.after.access_control for e in edit.edits] == [
        (AccessControl.CARD_READER,),
        (),
    ]


def test_status_change_appends_to_history():
    comment = full_review().markup(MarkupId("m-comment"))
    status = field_named(Comment, "status")
    edit = field_edit([comment], status, CommentStatus.RESOLVED, NOW)
    assert edit.after.status is CommentStatus.RESOLVED
    assert edit.after.history == (
        *comment.history,
        StatusChange(NOW, CommentStatus.RESOLVED),
    )
    assert field_edit([comment], status, CommentStatus.ANSWERED, NOW) is None


def test_reply_appends_and_undoes():
    review = full_review()
    comment = review.markup(MarkupId("m-comment"))
    edit = reply_edit(comment, "  New hardware ordered. ", NOW)
    changed, _ = edit.apply(review)
    replies = changed.markup(MarkupId("m-comment")).replies
    assert replies[:-1] == comment.replies
    assert (replies[-1].author, replies[-1].text) == (NOW, "New hardware ordered.")
    assert edit.inverted().apply(changed)[0] == review
    assert reply_edit(comment, " ", NOW) is None


# -- words ----------------------------------------------------------------------------


def test_thread_names_authors_in_time_order():
    review = full_review()
    comment = review.markup(MarkupId("m-comment"))
    entries = thread(comment, review)
    assert [(e.author, e.text) for e in entries] == [
        ("Ann Lee (City Police)", "Status: Open"),
        ("José Núñez (Architect)", "Hardware changed to classroom security."),
        ("José Núñez (Architect)", "Status: Answered (see reply)"),
    ]
    assert [e.is_status for e in entries] == [True, False, True]


def test_stamp_text():
    review = full_review()
    ann = Stamp(ANN, "2026-11-20T09:00:00")
    assert stamp_text([ann], review) == "Ann Lee (City Police), 2026-11-20 09:00"
    assert stamp_text([ann, Stamp(JOSE, ann.at)], review) == "(mixed)"
    assert stamp_text([], review) == ""
    stranger = Stamp(ReviewerId("r-gone"), "2026-11-20T09:00:00")
    assert stamp_text([stranger], review).startswith("Unknown reviewer")


def test_selection_titles():
    review, door, other = two_doors()
    camera = review.markup(MarkupId("m-cam"))
    assert selection_title([door, other]) == "2 access points"
    assert selection_title([door, camera]) == "2 markups"
    assert selection_title([camera]) == "Camera"


def test_field_named_refuses_unknown_fields():
    with pytest.raises(KeyError, match="no field 'lock'"):
        field_named(Camera, "lock")
