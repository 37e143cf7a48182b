"""The designreview command before the app or the command line starts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from designreview.launcher import give_ezdxf_a_cache, why_the_app_cannot_start

COMMANDS = ["check", "inspect"]
MAIN = (
    "import sys; from designreview.launcher import main; sys.exit(main(sys.argv[1:]))"
)


def test_an_unknown_word_is_an_error_not_a_file_to_open(tmp_path):
    message = why_the_app_cannot_start(["chek"], {"DISPLAY": ":0"}, COMMANDS)
    assert message == (
        "'chek' is neither a command nor a file. Commands: check, inspect (see --help)."
    )


def test_a_missing_drawing_is_named(tmp_path):
    missing = tmp_path / "school.dxf"
    message = why_the_app_cannot_start([str(missing)], {"DISPLAY": ":0"}, COMMANDS)
    assert message == f"{missing} does not exist. Check the path."


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
@pytest.mark.parametrize(
    ("environ", "starts"),
    [
        ({}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_without_a_display_the_app_says_so_in_one_line(environ, starts, tmp_path):
    plan = tmp_path / "plan.dxf"
    plan.write_text("")
    message = why_the_app_cannot_start([str(plan)], environ, COMMANDS)
    assert (message == "") is starts
    if not starts:
        assert message.startswith("the app needs a display")
        assert "check, inspect" in message
        assert "\n" not in message


def test_the_command_without_a_display_exits_2_with_one_line(tmp_path):
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-c", MAIN],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("a desktop always has a display")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "needs a display" in done.stderr


def test_ezdxf_gets_a_private_cache_where_the_home_cannot_be_read(
    monkeypatch, tmp_path
):
    environ = {"XDG_CACHE_HOME": str(tmp_path)}
    assert give_ezdxf_a_cache(environ) is False
    assert environ["XDG_CACHE_HOME"] == str(tmp_path)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", refuse)
    assert give_ezdxf_a_cache(environ) is True
    monkeypatch.undo()
    moved = Path(environ["XDG_CACHE_HOME"])
    assert moved != tmp_path
    assert moved.is_dir()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads every folder, so an unreadable home cannot be made",
)
def test_version_runs_with_a_home_that_cannot_be_read(tmp_path):
    home = tmp_path / "other-user"
    home.mkdir()
    (home / ".cache").mkdir()
    (home / ".cache").chmod(0)
    environ = {**os.environ, "HOME": str(home)}
    environ.pop("XDG_CACHE_HOME", None)
    done = subprocess.run(
        [sys.executable, "-c", MAIN, "--version"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    (home / ".cache").chmod(0o700)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_output_read_only_in_part_is_no_internal_error():
    """``designreview inspect PLAN | head -1``: the reader closes the pipe before
    the report is written. That is the reader's choice, not a failure: exit 0 and
    nothing on stderr (it was 'internal error (BrokenPipeError)', exit 3)."""
    sample = Path(__file__).parents[2] / "sample_plans" / "sample_school.dxf"
    process = subprocess.Popen(
        [sys.executable, "-c", MAIN, "inspect", str(sample)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # nobody reads: the first write meets a closed pipe
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert stderr == b""
