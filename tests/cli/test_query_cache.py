"""``distance`` and ``visibility`` keep what they built, and never trust it blindly."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import numpy as np
import pytest
from tests.fixtures.dxf_files import rooms_dxf

from designreview.cli import query_cache
from designreview.cli.query_cache import CACHE_ENV, QueryCache

# rooms_dxf: two 5 x 4 m rooms, x 0..5 and 5..10, split by a solid partition. In the
# left room the walk (1, 1) to (4, 3) is straight: sqrt(3^2 + 2^2) = sqrt(13) m.
WALK = ["--from", "1,1", "--to", "4,3", "--json"]
STRAIGHT_M = round(13**0.5, 4)
# From (2.5, 2) the viewer sees all of its room, 5 x 4 = 20 m2.
LOOK = ["--from", "2.5,2", "--json"]


def run(cache, *args):
    done = subprocess.run(
        [sys.executable, "-m", "designreview", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, CACHE_ENV: str(cache)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def entries(cache):
    return sorted(p.name.split(".", 1)[1] for p in cache.iterdir())


def test_a_second_walk_reads_the_cache_and_says_the_same(tmp_path):
    cache = tmp_path / "cache" / "designreview"  # neither folder exists yet
    plan = rooms_dxf(tmp_path / "rooms.dxf")
    first = run(cache, "distance", plan, *WALK)
    assert first["walking_m"] == STRAIGHT_M
    assert entries(cache) == ["plan.npz", "walk.npz"]
    assert run(cache, "distance", plan, *WALK) == first
    assert run(cache, "visibility", plan, *LOOK)["area_m2"] == pytest.approx(20.0)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_cache_is_readable_by_the_user_only(tmp_path):
    cache = tmp_path / "cache"
    run(cache, "distance", rooms_dxf(tmp_path / "rooms.dxf"), *WALK)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in cache.iterdir()} == {0o600}


def test_damaged_entries_are_ignored_and_written_again(tmp_path):
    cache = tmp_path / "cache"
    plan = rooms_dxf(tmp_path / "rooms.dxf")
    first = run(cache, "distance", plan, *WALK)
    for entry in cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:100])  # cut short: not a zip any more
    assert run(cache, "distance", plan, *WALK) == first
    for entry in cache.iterdir():
        with np.load(entry, allow_pickle=False) as data:
            assert "key" in data.files


def test_an_entry_that_does_not_fit_its_drawing_is_rebuilt(tmp_path):
    # The rooms' walking graph saved with a wrong corner count (3, where the rooms
    # have more): it is not used but built again and saved with the right count,
    # and the walk is the straight sqrt(13) m.
    cache = tmp_path / "cache"
    rooms = rooms_dxf(tmp_path / "rooms.dxf")
    run(cache, "distance", rooms, *WALK)
    ours = QueryCache.for_drawing(rooms, cache)
    saved = ours.load("walk")
    right = int(saved["corner_count"])
    assert right > 3
    ours.save("walk", {**{k: v for k, v in saved.items() if k != "key"},
                       "corner_count": np.array(3)})  # fmt: skip
    assert run(cache, "distance", rooms, *WALK)["walking_m"] == STRAIGHT_M
    assert int(ours.load("walk")["corner_count"]) == right


def test_another_version_or_drawing_has_another_key(tmp_path, monkeypatch):
    plan = rooms_dxf(tmp_path / "rooms.dxf")
    key = QueryCache.for_drawing(plan, tmp_path).key
    assert QueryCache.for_drawing(plan, tmp_path).key == key
    monkeypatch.setattr(query_cache, "__version__", "99.0")
    assert QueryCache.for_drawing(plan, tmp_path).key != key
    monkeypatch.undo()
    rooms_dxf(plan, offset=(1.0, 0.0))
    assert QueryCache.for_drawing(plan, tmp_path).key != key


def test_an_entry_copied_under_another_key_is_not_used(tmp_path):
    plan = rooms_dxf(tmp_path / "rooms.dxf")
    cache = QueryCache.for_drawing(plan, tmp_path)
    assert cache.save("plan", {"origin_m": np.zeros(2)})
    (tmp_path / f"{cache.key}.plan.npz").rename(tmp_path / "0000.plan.npz")
    assert QueryCache(tmp_path, "0000").load("plan") is None
    assert cache.load("plan") is None  # gone from its own name too


def test_a_cache_folder_that_cannot_be_made_only_means_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    plan = rooms_dxf(tmp_path / "rooms.dxf")
    assert run(blocker / "cache", "distance", plan, *WALK)["walking_m"] == STRAIGHT_M
    assert blocker.is_file()


def test_a_drawing_over_the_size_limit_is_not_hashed(tmp_path, monkeypatch):
    # A hostile drawing must be refused as fast as without a cache: one larger
    # than the limit (here its own size less one byte) gets no cache at all.
    plan = rooms_dxf(tmp_path / "rooms.dxf")
    assert query_cache.drawing_cache(plan) is not None
    monkeypatch.setattr(query_cache, "MAX_CACHED_BYTES", plan.stat().st_size - 1)
    assert query_cache.drawing_cache(plan) is None
