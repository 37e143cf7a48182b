"""Autosaves survive crashes and are offered back; locks say who holds a review."""

import os
import signal
import stat
import subprocess
import sys

import pytest
from tests.fixtures.reviews import full_review

from designreview.review_file.autosave import (
    adopt_autosave,
    find_autosaves,
    orphaned_autosaves,
    remove_autosave,
    write_autosave,
)
from designreview.review_file.errors import ReviewLockedError
from designreview.review_file.lock_file import (
    LockInfo,
    acquire_lock,
    lock_path,
    read_lock,
    release_lock,
)
from designreview.review_file.processes import host_name


def test_autosave_is_private_and_listed(tmp_path):
    folder = tmp_path / "autosave"
    entry = write_autosave(
        folder,
        full_review(),
        tmp_path / "school.dreview",
        "school.dreview",
        "2026-11-28T10:00:00+00:00",
    )
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.path.stat().st_mode) == 0o600
    [found] = find_autosaves(folder)
    assert found == entry
    assert not found.is_orphaned  # this process is alive
    assert orphaned_autosaves(folder) == []
    assert found.load() == full_review()


CRASHER = """
import os, sys, time
from pathlib import Path
from designreview.review_file.autosave import write_autosave
sys.path.insert(0, sys.argv[2])
from tests.fixtures.reviews import full_review
write_autosave(Path(sys.argv[1]), full_review(), None, "Untitled review",
               "2026-11-28T11:00:00+00:00")
print("saved", flush=True)
time.sleep(60)
"""


def test_autosave_of_a_killed_process_is_offered_and_restores_the_markups(tmp_path):
    folder = tmp_path / "autosave"
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHER, str(folder), repo], stdout=subprocess.PIPE
    )
    assert proc.stdout.readline().strip() == b"saved"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    [orphan] = orphaned_autosaves(folder)
    assert orphan.title == "Untitled review"
    restored = orphan.load()
    assert restored.markups == full_review().markups
    mine = adopt_autosave(folder, orphan)
    assert orphaned_autosaves(folder) == []
    assert find_autosaves(folder) == [mine]
    remove_autosave(mine)
    assert find_autosaves(folder) == []
    assert list(folder.iterdir()) == []


def test_lock_tells_the_second_opener_who_holds_it(tmp_path):
    review = tmp_path / "school.dreview"
    review.write_bytes(b"x")
    other = LockInfo("jnunez", "architects-pc", 4242, "2026-11-28T09:00:00+00:00")
    lock_path(review).write_text(
        '{"user": "jnunez", "host": "architects-pc", "pid": 4242, '
        '"since": "2026-11-28T09:00:00+00:00"}'
    )
    with pytest.raises(ReviewLockedError, match="jnunez on architects-pc") as caught:
        acquire_lock(review, "2026-11-28T10:00:00+00:00")
    assert caught.value.holder == other
    mine = acquire_lock(review, "2026-11-28T10:00:00+00:00", take_over=True)
    assert read_lock(review) == mine
    assert mine.host == host_name()
    release_lock(review)
    assert not lock_path(review).exists()


def test_stale_lock_of_a_crashed_session_is_recognised(tmp_path):
    review = tmp_path / "school.dreview"
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    lock_path(review).write_text(
        f'{{"user": "me", "host": "{host_name()}", "pid": {proc.pid}, "since": "t"}}'
    )
    holder = read_lock(review)
    assert holder.is_stale
    assert "crashed" in holder.describe()


def test_release_leaves_other_peoples_locks(tmp_path):
    review = tmp_path / "school.dreview"
    lock_path(review).write_text(
        '{"user": "x", "host": "elsewhere", "pid": 1, "since": "t"}'
    )
    release_lock(review)
    assert lock_path(review).exists()
