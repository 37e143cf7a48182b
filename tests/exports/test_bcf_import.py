"""BCF back in: an architect's replies and status changes, written by bcf-client
(IfcOpenShell's BCF library) as an independent BIM tool, merged once and only once."""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from tests.fixtures.bim_plans import ARCHITECT, POLICE, ifc_classroom
from tests.fixtures.plans import SHEET

from designreview.analysis.run import run_checks
from designreview.exports.bcf.export import BcfOptions, topic_guid, write_bcf
from designreview.exports.bcf.merge_back import merge_bcf
from designreview.exports.bcf.reading import BcfReadError, read_bcf
from designreview.exports.bcf.topics import thread_id
from designreview.model.ids import MarkupId
from designreview.model.markups import Comment, CommentStatus, Stamp
from designreview.model.review import DecisionKind

bcf_v2 = pytest.importorskip("bcf.v2.bcfxml")
bcf_v3 = pytest.importorskip("bcf.v3.bcfxml")
from bcf.v2 import model as mdl2  # noqa: E402
from bcf.v3 import model as mdl3  # noqa: E402
from xsdata.models.datatype import XmlDateTime  # noqa: E402

REPLIED = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
OPENED = "2026-11-20T10:00:00+00:00"
REPLY = "Moved the vision panel 450 mm from the lever; see revision C."
DOOR_REPLY = "Hardware changed to a classroom security lock (ANSI F88)."


@pytest.fixture
def case():
    review, plans = ifc_classroom()
    police = Stamp(POLICE.id, OPENED)
    comment = Comment(
        MarkupId("c-glass"), SHEET, police, police, (4.0, -1.0),
        "Vision panel within reach of the lever",
    )  # fmt: skip
    review = replace(review, markups=(comment,))
    result = run_checks(review, plans)
    return review, plans, result


def room1_topic(review, result):
    finding = next(f for f in result.findings if f.rule == "ROOM-1")
    return finding, topic_guid(review.id, "finding", finding.key)


def comment_topic(review):
    return topic_guid(review.id, "comment", "c-glass")


def architect_answers_v2(path, review, result):
    """What an architect does in a BIM tool: reply on two topics, close them."""
    _finding, door_topic = room1_topic(review, result)
    with bcf_v2.BcfXml.load(path) as bcf:
        for guid, text, status in (
            (comment_topic(review), REPLY, "Closed"),
            (door_topic, DOOR_REPLY, "In Progress"),
        ):
            topic = bcf.topics[guid]
            topic.comments.append(
                mdl2.Comment(
                    guid=str(uuid.uuid4()),
                    date=XmlDateTime.from_datetime(REPLIED),
                    author=ARCHITECT.email,
                    comment=text,
                )
            )
            topic.topic.topic_status = status
            topic.topic.modified_date = XmlDateTime.from_datetime(REPLIED)
            topic.topic.modified_author = ARCHITECT.email
        bcf.save(path.with_name("answered.bcf"))
    return path.with_name("answered.bcf")


def imported(review, result, path):
    version, topics = read_bcf(path)
    merge = merge_bcf(
        review, result, topics, file=path.name, version=version,
        now="2026-11-24T09:00:00+00:00",
    )  # fmt: skip
    after = review if merge.edit is None else merge.edit.apply(review)[0]
    return after, merge


def test_round_trip_through_bcf_client_merges_once(case, tmp_path):
    review, plans, result = case
    path = tmp_path / "review.bcf"
    write_bcf(review, plans, result, path)
    answered = architect_answers_v2(path, review, result)

    after, merge = imported(review, result, answered)
    report = merge.report
    assert (report.matched, report.replies_added, report.statuses_changed) == (
        len(result.findings) + 1, 2, 2,
    )  # fmt: skip
    assert report.unmatched == ()
    assert "2 replies added, 2 statuses changed." in report.summary()
    # the comment: the reply once, by the architect (known by e-mail), and closed
    comment = after.markup(MarkupId("c-glass"))
    assert [(r.author.reviewer_id, r.text) for r in comment.replies] == [
        (ARCHITECT.id, REPLY)
    ]
    assert comment.replies[0].author.at == "2026-11-23T14:05:00+00:00"
    assert comment.status is CommentStatus.RESOLVED
    assert comment.history[-1].by == Stamp(ARCHITECT.id, "2026-11-23T14:05:00+00:00")
    # the door: the architect will fix it, and says how
    finding, door_topic = room1_topic(review, result)
    [decision] = after.decisions
    assert (decision.finding_key, decision.kind) == (finding.key, DecisionKind.WILL_FIX)
    assert decision.by.reviewer_id == ARCHITECT.id
    assert decision.reason == DOOR_REPLY
    thread = after.markup(thread_id(door_topic))
    assert [r.text for r in thread.replies] == [DOOR_REPLY]
    assert thread.position == finding.location
    # one undo step
    assert merge.edit.inverted().apply(after)[0] == review

    again, second = imported(after, result, answered)
    assert second.edit is None
    assert again == after
    assert "Nothing new" in second.report.summary()


def test_a_re_export_and_its_answers_do_not_duplicate(case, tmp_path):
    """The reply comes back in our next export; answering that again adds nothing."""
    review, plans, result = case
    path = tmp_path / "review.bcf"
    write_bcf(review, plans, result, path)
    after, _ = imported(review, result, architect_answers_v2(path, review, result))
    again = tmp_path / "again.bcf"
    write_bcf(after, plans, result, again)
    _finding, door_topic = room1_topic(review, result)
    with bcf_v2.BcfXml.load(again) as bcf:
        texts = [c.comment for c in bcf.topics[door_topic].comments]
        assert texts.count(DOOR_REPLY) == 1  # in the finding's own topic
        assert bcf.topics[door_topic].topic.topic_status == "In Progress"
        assert str(thread_id(door_topic)) not in {
            t.topic.title for t in bcf.topics.values()
        }
        assert len(bcf.topics) == len(result.findings) + 1  # no topic for the thread
    final, merge = imported(after, result, again)
    assert merge.edit is None
    assert final == after


def test_bcf30_round_trip(case, tmp_path):
    review, plans, result = case
    path = tmp_path / "review3.bcf"
    write_bcf(review, plans, result, path, BcfOptions(version="3.0"))
    with bcf_v3.BcfXml.load(path) as bcf:
        topic = bcf.topics[comment_topic(review)]
        topic.comments = [
            *topic.comments,
            mdl3.Comment(
                guid=str(uuid.uuid4()),
                date=XmlDateTime.from_datetime(REPLIED),
                author="Dana Whitfield",  # known by name, when no e-mail is given
                comment=REPLY,
            ),
        ]
        topic.topic.topic_status = "In Progress"
        bcf.save(tmp_path / "answered3.bcf")
    after, merge = imported(review, result, tmp_path / "answered3.bcf")
    assert merge.report.version == "3.0"
    comment = after.markup(MarkupId("c-glass"))
    assert [(r.author.reviewer_id, r.text) for r in comment.replies] == [
        (ARCHITECT.id, REPLY)
    ]
    assert comment.status is CommentStatus.ANSWERED
    _again, second = imported(after, result, tmp_path / "answered3.bcf")
    assert second.edit is None


def test_topics_of_another_review_are_reported_not_merged(case, tmp_path):
    review, plans, result = case
    path = tmp_path / "other.bcf"
    write_bcf(replace(review, id="someone-else"), plans, result, path)
    after, merge = imported(review, result, path)
    assert after == review
    assert merge.report.matched == 0
    assert len(merge.report.unmatched) == len(result.findings) + 1
    first = result.findings[0].rule
    summary = merge.report.summary()
    unmatched = len(result.findings) + 1  # every finding's topic and the comment's
    assert f"{unmatched} topics match no finding or comment of this review" in summary
    assert f"no longer found): {first}: " in summary
    assert merge.edit is None


def test_reopened_finding_keeps_its_decision_and_says_so(case, tmp_path):
    review, plans, result = case
    path = tmp_path / "review.bcf"
    write_bcf(review, plans, result, path)
    after, _ = imported(review, result, architect_answers_v2(path, review, result))
    _finding, door_topic = room1_topic(review, result)
    with bcf_v2.BcfXml.load(path) as bcf:
        bcf.topics[door_topic].topic.topic_status = "ReOpened"
        bcf.save(tmp_path / "reopened.bcf")
    final, merge = imported(after, result, tmp_path / "reopened.bcf")
    assert final.decisions == after.decisions
    assert "'ReOpened' in the BIM tool; its decision was kept" in (
        merge.report.summary()
    )


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not a zip", "is not a BCF file"),
        (None, "has no bcf.version"),
        ("broken", "is not valid XML"),
    ],
)
def test_a_file_that_is_no_bcf_is_a_clear_error(tmp_path, content, words):
    path = tmp_path / "x.bcf"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            if content == "broken":
                archive.writestr("bcf.version", '<Version VersionId="2.1"/>')
                archive.writestr(f"{uuid.uuid4()}/markup.bcf", "<Markup><Topic")
            else:
                archive.writestr("readme.txt", "hello")
    with pytest.raises(BcfReadError, match=words):
        read_bcf(path)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(BcfReadError, match=r"There is no BCF file gone\.bcf"):
        read_bcf(tmp_path / "gone.bcf")


def test_hostile_files_are_refused_quickly(tmp_path, monkeypatch):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + ']><Markup><Topic Guid="x"><Title>&i;</Title></Topic></Markup>'
    )  # a billion a's if expanded
    path = tmp_path / "laughs.bcf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("bcf.version", '<Version VersionId="2.1"/>')
        archive.writestr(f"{uuid.uuid4()}/markup.bcf", laughs)
    with pytest.raises(BcfReadError, match="is not valid XML"):
        read_bcf(path)
    monkeypatch.setattr("designreview.exports.bcf.reading.MAX_MARKUP_BYTES", 100)
    big = tmp_path / "big.bcf"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bcf.version", '<Version VersionId="2.1"/>')
        archive.writestr(f"{uuid.uuid4()}/markup.bcf", "<Markup>" + " " * 5000)
    with pytest.raises(BcfReadError, match="too large for a BCF file"):
        read_bcf(big)
