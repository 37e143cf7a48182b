"""A save keeps the replaced file's protection: mode, owner, links, read-only."""

import os
import stat

import pytest
from tests.fixtures.reviews import full_review

from designreview.review_file.archive import read_review, write_review
from designreview.review_file.atomic_write import write_atomic
from designreview.review_file.errors import SaveError


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_review_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "new.dreview"
    write_review(full_review(), path)
    assert mode(path) == 0o600


def test_replacing_a_file_keeps_its_mode(tmp_path):
    path = tmp_path / "shared.dreview"
    write_review(full_review(), path)
    os.chmod(path, 0o640)
    write_review(full_review(), path)
    assert mode(path) == 0o640
    path.chmod(0o600)
    write_review(full_review(), path)
    assert mode(path) == 0o600


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="only root can give a file to another owner to test this",
)
def test_replacing_a_file_keeps_its_owner_and_group(tmp_path):
    path = tmp_path / "owned.csv"
    write_atomic(path, b"one")
    os.chown(path, 65534, 65534)  # a file of another user that root saves over
    before = os.stat(path)
    write_atomic(path, b"two")
    after = os.stat(path)
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert after.st_ino != before.st_ino  # it really was replaced


def test_a_read_only_file_is_refused_not_replaced(tmp_path):
    path = tmp_path / "signed.dreview"
    write_review(full_review(), path)
    original = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(SaveError, match="read-only"):
        write_atomic(path, b"something else")
    assert path.read_bytes() == original
    assert mode(path) == 0o444


def test_saving_through_a_link_replaces_its_target_and_keeps_the_link(tmp_path):
    folder = tmp_path / "district"
    folder.mkdir()
    target = folder / "school.dreview"
    write_review(full_review(), target)
    target.chmod(0o640)
    link = tmp_path / "current.dreview"
    link.symlink_to(target)
    review = full_review()
    write_review(review, link)
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert read_review(target) == review
    assert mode(target) == 0o640
    assert (folder / "school.dreview.bak").exists()  # the backup sits by the target


def test_exports_are_created_with_the_usual_mode(tmp_path):
    path = tmp_path / "findings.csv"
    umask = os.umask(0o022)
    try:
        write_atomic(path, b"a,b\n", keep_backup=False)
    finally:
        os.umask(umask)
    assert mode(path) == 0o644
