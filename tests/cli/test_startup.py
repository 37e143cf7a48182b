"""The command starts in a blink: each subcommand loads only what it uses.

PRODUCT.md section 8 asks for ``--version`` under 0.15 s; the time itself is measured
by ``benchmarks/bench_startup.py`` (timings vary with the machine). What a test can
hold on to is the cause: which libraries a process has imported when it ends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from tests.fixtures.dxf_files import rooms_dxf

from designreview.cli.parser import SUBCOMMANDS
from designreview.cli.query_cache import CACHE_ENV

HEAVY = ("PySide6", "shapely", "ezdxf", "reportlab", "numpy", "networkx")
READER = "designreview.readers.dxf.read"
# Runs the command as `designreview` does, then lists the heavy libraries loaded.
PROBE = """
import atexit, json, runpy, sys
heavy = {heavy!r}
atexit.register(lambda: sys.stderr.write(
    "LOADED " + json.dumps(sorted(m for m in heavy if m in sys.modules)) + "\\n"))
sys.argv = ["designreview", *{args!r}]
runpy.run_module("designreview", run_name="__main__")
"""


def loaded(*args, cache=None, watch=HEAVY):
    """The command's stdout and which of ``watch`` it had imported at exit."""
    env = {**os.environ, **({CACHE_ENV: str(cache)} if cache else {})}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=watch, args=[str(a) for a in args])],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("LOADED "))
    return done.stdout, json.loads(line.removeprefix("LOADED "))


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_no_heavy_library(option):
    out, libraries = loaded(option)
    assert libraries == []
    assert out.startswith("designreview " if option == "--version" else "usage:")


def test_help_still_lists_every_subcommand():
    out, _ = loaded("--help")
    listed = out.split("{", 1)[1].split("}", 1)[0].split(",")
    assert sorted(listed) == sorted(SUBCOMMANDS)
    for command in SUBCOMMANDS:
        assert f"\n    {command}" in out  # with its one-line help below


def test_a_subcommands_help_imports_no_heavy_library():
    out, libraries = loaded("distance", "--help")
    assert "--from X,Y" in out
    assert libraries == []


def test_inspect_reads_without_qt_or_the_packet(tmp_path):
    out, libraries = loaded("inspect", rooms_dxf(tmp_path / "rooms.dxf"), "--json")
    assert json.loads(out)["counts"]["walls"] > 0
    assert "PySide6" not in libraries
    assert "reportlab" not in libraries


def test_a_cached_walk_does_not_load_the_drawing_reader(tmp_path):
    # The second run answers from the cache: no DXF reader, no ezdxf, and the same
    # straight walk from (1, 1) to (4, 3) in the left room, sqrt(13) = 3.6056 m.
    plan = rooms_dxf(tmp_path / "rooms.dxf")
    walk = ("distance", plan, "--from", "1,1", "--to", "4,3", "--json")
    watch = (*HEAVY, READER)
    first, libraries = loaded(*walk, cache=tmp_path / "cache", watch=watch)
    assert READER in libraries
    again, libraries = loaded(*walk, cache=tmp_path / "cache", watch=watch)
    assert again == first
    assert json.loads(again)["walking_m"] == round(13**0.5, 4)
    assert READER not in libraries
    assert "ezdxf" not in libraries
    assert "PySide6" not in libraries


def test_the_fast_reader_reads_a_plain_drawing_without_ezdxf(tmp_path):
    # rooms_dxf holds lines, a polyline, a block with an arc and TEXT: all read by
    # the fast reader itself; ezdxf is left for what only it can read.
    out, libraries = loaded("inspect", rooms_dxf(tmp_path / "rooms.dxf"), "--json")
    assert json.loads(out)["reader"] == "fast reader"
    assert "ezdxf" not in libraries
