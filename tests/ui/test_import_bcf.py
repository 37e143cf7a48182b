"""File > Import BCF: an architect's answers from a BIM tool, one undoable step."""

from __future__ import annotations

import uuid
import zipfile
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from designreview.analysis.run import run_checks
from designreview.exports.bcf.export import topic_guid, write_bcf
from designreview.model.ids import MarkupId
from designreview.model.markups import CommentStatus
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.revisions import save_revision
from designreview.review_file.sample import sample_review_path
from designreview.ui.window.commands.bcf_commands import import_bcf

bcf_v2 = pytest.importorskip("bcf.v2.bcfxml")
from bcf.v2 import model as mdl  # noqa: E402
from xsdata.models.datatype import XmlDateTime  # noqa: E402

COMMENT = MarkupId("c-117")
ANSWER = "Sidelites now laminated security glass."


@pytest.fixture
def answered(make_window, tmp_path):
    """The sample review open from disk, and its BCF answered on comment c-117."""
    review, plans = load_review_and_plans(sample_review_path())
    save_revision(review, tmp_path / "school.dreview")
    exported = tmp_path / "school.bcf"
    write_bcf(review, plans, run_checks(review, plans), exported)
    with bcf_v2.BcfXml.load(exported) as bcf:
        topic = bcf.topics[topic_guid(review.id, "comment", COMMENT)]
        topic.comments.append(
            mdl.Comment(
                guid=str(uuid.uuid4()),
                date=XmlDateTime.from_datetime(datetime(2026, 12, 3, 8, tzinfo=UTC)),
                author="architect@studio.example",
                comment=ANSWER,
            )
        )
        topic.topic.topic_status = "Closed"
        bcf.save(tmp_path / "answered.bcf")
    window = make_window(tmp_path / "school.dreview")
    return window, tmp_path / "answered.bcf"


def run(window, path):
    window.prompts.next_bcf_path = path
    box = import_bcf(window.context)
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.close()
    return text


def test_import_merges_once_and_undoes_in_one_step(answered):
    window, path = answered
    before = window.bridge.review
    text = run(window, path)
    assert "1 reply added, 1 status changed." in text
    comment = window.bridge.review.markup(COMMENT)
    assert [r.text for r in comment.replies].count(ANSWER) == 1
    assert comment.status is CommentStatus.RESOLVED
    assert window.bridge.undo_stack.undoText() == "Import BCF"
    assert window.bridge.is_modified()
    steps = window.bridge.undo_stack.count()

    assert "Nothing new" in run(window, path)  # the same file again
    assert window.bridge.undo_stack.count() == steps
    assert window.bridge.review.markup(COMMENT) == comment

    window.bridge.undo_stack.undo()
    assert window.bridge.review.markup(COMMENT) == before.markup(COMMENT)
    assert window.bridge.review.decisions == before.decisions


def test_a_file_that_is_no_bcf_says_so_and_changes_nothing(answered, tmp_path):
    window, _path = answered
    bad = tmp_path / "notes.bcf"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("readme.txt", "hello")
    before = window.bridge.review
    text = run(window, bad)
    assert "notes.bcf has no bcf.version" in text
    assert window.bridge.review is before
    assert window.bridge.undo_stack.count() == 0


def test_cancelled_choice_does_nothing(answered):
    window, _path = answered
    window.prompts.next_bcf_path = None
    assert import_bcf(window.context) is None
    assert window.prompts.asked[-1] == "bcf_path"
    assert window.bridge.undo_stack.count() == 0
