"""``designreview import-bcf`` on the sample review, end to end with bcf-client."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from designreview.cli import main
from designreview.exports.bcf.export import topic_guid
from designreview.model.ids import MarkupId
from designreview.model.markups import CommentStatus
from designreview.review_file.archive import read_review

bcf_v2 = pytest.importorskip("bcf.v2.bcfxml")
from bcf.v2 import model as mdl  # noqa: E402
from xsdata.models.datatype import XmlDateTime  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "sample_school.dreview"
ANSWER = "Sidelite glazing changed to laminated security glass."


@pytest.fixture(scope="module")
def answered(tmp_path_factory):
    """The sample's BCF, answered by the architect on comment c-117 (closed)."""
    folder = tmp_path_factory.mktemp("bcf")
    exported = folder / "sample.bcf"
    assert main(["export", str(SAMPLE), "--bcf", str(exported)]) == 0
    review = read_review(SAMPLE)
    with bcf_v2.BcfXml.load(exported) as bcf:
        topic = bcf.topics[topic_guid(review.id, "comment", "c-117")]
        topic.comments.append(
            mdl.Comment(
                guid=str(uuid.uuid4()),
                date=XmlDateTime.from_datetime(datetime(2026, 12, 3, 8, tzinfo=UTC)),
                author="architect@studio.example",
                comment=ANSWER,
            )
        )
        topic.topic.topic_status = "Closed"
        bcf.save(folder / "answered.bcf")
    return folder / "answered.bcf"


def test_import_bcf_writes_the_merged_review_and_says_what(answered, tmp_path, capsys):
    out = tmp_path / "merged.dreview"
    status = main(["import-bcf", str(SAMPLE), str(answered), "-o", str(out), "--json"])
    assert status == 0
    said = json.loads(capsys.readouterr().out)
    assert (said["replies_added"], said["statuses_changed"]) == (1, 1)
    assert said["unmatched"] == []
    merged = read_review(out)
    comment = merged.markup(MarkupId("c-117"))
    before = read_review(SAMPLE).markup(MarkupId("c-117"))
    assert comment.replies[-1].text == ANSWER
    assert str(comment.replies[-1].author.reviewer_id) == "architect@studio.example"
    assert len(comment.replies) == len(before.replies) + 1
    assert comment.status is CommentStatus.RESOLVED
    assert merged.history[-1].label == "Imported answered.bcf"

    again = tmp_path / "again.dreview"
    assert main(["import-bcf", str(out), str(answered), "-o", str(again)]) == 0
    assert "Nothing new" in capsys.readouterr().out
    twice = read_review(again)
    assert twice.markups == merged.markups
    assert twice.decisions == merged.decisions


def test_import_bcf_refuses_to_overwrite_and_bad_files(answered, tmp_path, capsys):
    out = tmp_path / "exists.dreview"
    out.write_bytes(b"mine")
    assert main(["import-bcf", str(SAMPLE), str(answered), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"mine"  # nothing the user made is lost
    bad = tmp_path / "notes.bcf"
    bad.write_text("not a zip")
    fresh = tmp_path / "fresh.dreview"
    assert main(["import-bcf", str(SAMPLE), str(bad), "-o", str(fresh)]) == 2
    err = capsys.readouterr().err
    assert "notes.bcf is not a BCF file" in err
    assert "Traceback" not in err
    assert not fresh.exists()
