"""Saving never breaks the file on disk: full disks, read-only folders, kills."""

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from designreview.review_file import atomic_write as aw
from designreview.review_file.atomic_write import backup_path, write_atomic
from designreview.review_file.errors import SaveError


def leftovers(folder: Path):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_then_replace_keeps_a_backup(tmp_path):
    path = tmp_path / "school.dreview"
    write_atomic(path, b"version 1")
    write_atomic(path, b"version 2")
    assert path.read_bytes() == b"version 2"
    assert backup_path(path).read_bytes() == b"version 1"
    assert leftovers(tmp_path) == []


def test_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "school.dreview"
    write_atomic(path, b"the signed version")
    real_write = os.write

    def disk_full(fd, data):
        if len(data) > 10:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(aw.os, "write", disk_full)
    with pytest.raises(SaveError, match=r"disk is full.*Nothing was lost"):
        write_atomic(path, b"a much longer new version")
    assert path.read_bytes() == b"the signed version"
    assert leftovers(tmp_path) == []


def test_read_only_folder_gives_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "school.dreview"

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(aw.os, "open", read_only)
    with pytest.raises(SaveError, match="read-only"):
        write_atomic(path, b"x")
    assert not path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_folder_without_write_permission(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="permission"):
            write_atomic(folder / "x.dreview", b"x")
    finally:
        folder.chmod(0o755)


def test_failed_verification_keeps_the_old_file(tmp_path):
    path = tmp_path / "school.dreview"
    write_atomic(path, b"good")

    def refuse(_data):
        raise OSError(errno.EIO, "read back differs")

    with pytest.raises(SaveError):
        write_atomic(path, b"bad", verify=refuse)
    assert path.read_bytes() == b"good"


def test_busy_file_is_retried_then_reported(tmp_path, monkeypatch):
    path = tmp_path / "school.dreview"
    write_atomic(path, b"old")
    calls = []

    def busy(_src, _dst):
        calls.append(1)
        raise PermissionError(errno.EACCES, "in use by another program")

    monkeypatch.setattr(aw, "_RETRY_DELAYS_S", (0.0, 0.0))
    monkeypatch.setattr(aw.os, "replace", busy)
    with pytest.raises(SaveError):
        write_atomic(path, b"new", keep_backup=False)
    assert len(calls) == 3
    assert path.read_bytes() == b"old"


def test_tiny_tmpfs_full_disk(tmp_path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        path = mount / "school.dreview"
        write_atomic(path, b"v1" * 1000)
        with pytest.raises(SaveError, match="disk is full"):
            write_atomic(path, os.urandom(200_000))
        assert path.read_bytes() == b"v1" * 1000
        assert leftovers(mount) == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)


SAVER = """
import sys
from pathlib import Path
from designreview.review_file.atomic_write import write_atomic
path = Path(sys.argv[1])
versions = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
print("ready", flush=True)
i = 0
while True:
    write_atomic(path, versions[i % 2])
    i += 1
"""


def test_sigkill_during_saves_never_breaks_the_file(tmp_path):
    a = os.urandom(3_000_000)
    b = os.urandom(2_000_000)
    (tmp_path / "a.bin").write_bytes(a)
    (tmp_path / "b.bin").write_bytes(b)
    path = tmp_path / "work" / "big.dreview"
    path.parent.mkdir()
    path.write_bytes(a)
    rng = random.Random(42)
    for _ in range(25):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SAVER,
                str(path),
                str(tmp_path / "a.bin"),
                str(tmp_path / "b.bin"),
            ],
            stdout=subprocess.PIPE,
        )
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert path.read_bytes() in (a, b)
        if backup_path(path).exists():
            assert backup_path(path).read_bytes() in (a, b)
    # The next save clears what the killed saves left half-written.
    write_atomic(path, b"after the storm")
    assert leftovers(path.parent) == []
