"""Every save is a revision that remembers the one it came from (issue 21, point 1)."""

from dataclasses import replace

from tests.fixtures.reviews import full_review

from designreview.model.lineage import MAX_CHAIN, Lineage, common_ancestor
from designreview.review_file.archive import read_review
from designreview.review_file.revisions import save_revision


def test_each_save_is_a_new_revision_whose_parent_is_the_one_opened(tmp_path):
    first = save_revision(full_review(), tmp_path / "r.dreview", revision="r1")
    opened = read_review(tmp_path / "r.dreview")
    assert opened.lineage == Lineage("r1", "", ())
    again = save_revision(opened, tmp_path / "r.dreview", revision="r2")
    assert read_review(tmp_path / "r.dreview").lineage == Lineage("r2", "r1", ("r1",))
    assert again.id == first.id == full_review().id


def test_two_copies_saved_apart_name_their_common_ancestor(tmp_path):
    save_revision(full_review(), tmp_path / "base.dreview", revision="base")
    base = read_review(tmp_path / "base.dreview")
    save_revision(base, tmp_path / "police.dreview", revision="p1")
    save_revision(base, tmp_path / "fire.dreview", revision="f1")
    police = read_review(tmp_path / "police.dreview")
    fire = save_revision(
        read_review(tmp_path / "fire.dreview"), tmp_path / "fire.dreview"
    )
    assert common_ancestor([police.lineage, fire.lineage]) == "base"
    assert common_ancestor([police.lineage, base.lineage]) == "base"


def test_the_chain_of_earlier_revisions_is_bounded(tmp_path):
    review = full_review()
    for n in range(MAX_CHAIN + 10):
        review = save_revision(review, tmp_path / "r.dreview", revision=f"r{n}")
    lineage = read_review(tmp_path / "r.dreview").lineage
    assert len(lineage.chain) == MAX_CHAIN
    assert lineage.chain[0] == lineage.parent == f"r{MAX_CHAIN + 8}"


def test_a_copy_made_when_the_file_is_locked_keeps_its_lineage(tmp_path):
    saved = save_revision(full_review(), tmp_path / "r.dreview", revision="r1")
    copy = replace(read_review(tmp_path / "r.dreview"), id="another")
    assert common_ancestor([copy.lineage, saved.lineage]) == "r1"
