"""The packet's "Changes since the last drawing" section: the revised sample."""

from __future__ import annotations

import pypdf
import pytest
from tests.fixtures.revised_sample import revised_sample

from designreview.analysis.run import run_checks
from designreview.model.ids import ReviewerId
from designreview.model.markups import Stamp
from designreview.packet import PacketOptions, write_packet
from designreview.review_file.archive import read_review
from designreview.review_file.revise import revise_sheet
from designreview.review_file.sample import sample_review_path


def _text(path) -> str:
    pages = pypdf.PdfReader(path).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


@pytest.fixture(scope="module")
def revised_packet(tmp_path_factory):
    folder = tmp_path_factory.mktemp("changes")
    review = read_review(sample_review_path())
    by = Stamp(ReviewerId(review.reviewers[0].id), "2026-12-08T09:00:00Z")
    after, _report, plan = revise_sheet(
        review, review.sheets[0], revised_sample(folder / "rev2.dxf"), by
    )
    plans = {after.sheets[0].id: plan}
    result = run_checks(after, plans)
    path = folder / "packet.pdf"
    write_packet(after, plans, result, path, PacketOptions())
    return after, result, path


def test_the_section_lists_each_change_and_who_replaced_the_drawing(revised_packet):
    after, _result, path = revised_packet
    text = _text(path)
    assert "Changes since the last drawing" in text
    for line in (
        "Door E5 removed",
        "Door 114A moved 0.91 m",
        "Room 102 RECEPTION renamed to 102 WELCOME",
        "Room 160 CLASSROOM added",
    ):
        assert line in text
    assert "replaced by rev2.dxf on 2026-12-08" in text
    assert after.reviewers[0].name in text


def test_the_findings_are_counted_new_resolved_and_still_open(revised_packet):
    after, result, path = revised_packet
    sheet = after.sheets[0]
    before = set(sheet.revision.findings_before)
    now = {f.key for f in result.findings if f.sheet_id == sheet.id}
    new, resolved, still = len(now - before), len(before - now), len(now & before)
    # The removed door E5 took the propped entry away: some findings go, some come.
    assert resolved
    assert still
    assert (
        f"Findings: {new} new, {resolved} resolved by the revision, {still} still open"
        in _text(path)
    )
    assert "REV-1" in _text(path)  # the flagged access point of E5 is a new finding
