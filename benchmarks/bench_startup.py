"""Command-line start-up: the time of a whole `designreview` process, before and after.

PRODUCT.md section 8 and issue 16 ask for ``designreview --version`` and ``--help``
under 0.15 s, ``inspect`` on the sample school under 0.5 s, and ``distance`` and
``visibility`` on a plan of 10k wall segments under 1.5 s, end to end. This script
times each command as a user runs it (a fresh process, interpreter start included)
for two copies of the code in the same run:

* **before**: the package as it was at ``--before`` (default: where this branch left
  main), exported with ``git archive`` into a temporary folder;
* **after**: the package of this checkout.

Both run with the same interpreter and libraries, each command ``--repeat`` times
(default 5), interleaved (before, after, before, ...) so that a slow moment of a
shared machine hits both; the table shows medians. ``distance`` and ``visibility``
of "after" are timed twice: with an empty cache folder each time (a drawing never
asked about) and with the cache an earlier run filled (the same drawing again).

Bytecode is cached in a private folder (``PYTHONPYCACHEPREFIX``) and every command
runs once untimed first, as an installed package has its ``.pyc`` files already;
without them each run would compile about 60 modules (0.1 s).

The 10k plan is the sample school tiled by ``make_large_plan.py`` to 10,000 entities
(10.7k segments that block walking, 7.3k that block sight), written to a temporary
folder. Run::

    .venv/bin/python benchmarks/bench_startup.py [--repeat 5] [--before REF]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from make_large_plan import make_large_plan

from designreview.review_file.sample import sample_plan_path

REPO = Path(__file__).resolve().parents[1]
# Points of the tiled plan, in drawing metres: a room of the first copy of the
# school and one of the far corner's copy (a 465 m walk).
FROM, TO = "40,40", "400,300"
RUN = "import sys; sys.path.insert(0, sys.argv.pop(1)); " + (
    "from designreview.launcher import main; sys.exit(main(sys.argv[1:]))"
)


def export_source(ref: str, into: Path) -> Path:
    """The package's ``src`` folder at git ``ref``, written under ``into``.

    ``resources`` comes too: the package reaches it through a relative link.
    """
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", ref, "src", "resources"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def timed(src: Path, args: list[str], env: dict[str, str]) -> float:
    """Seconds of one process running ``designreview ARGS`` from ``src``."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(src), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"designreview {' '.join(args)} failed: {done.stderr.strip()}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", default=None, help="git ref (default: merge base)")
    args = parser.parse_args()
    before_ref = (
        args.before
        or subprocess.run(
            ["git", "-C", str(REPO), "merge-base", "HEAD", "main"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        tmp = Path(folder)
        sources = {
            "before": export_source(before_ref, tmp / "before"),
            "after": REPO / "src",
        }
        plan = tmp / "plan_10k.dxf"
        entities = make_large_plan(10_000, plan)
        sample = str(sample_plan_path())
        commands = [
            ("--version", ["--version"], 0.15),
            ("--help", ["--help"], 0.15),
            ("inspect sample", ["inspect", sample], 0.5),
            (
                "distance 10k plan",
                ["distance", str(plan), "--from", FROM, "--to", TO],
                1.5,
            ),
            ("visibility 10k plan", ["visibility", str(plan), "--from", FROM], 1.5),
        ]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pyc")
        print(
            f"before: {before_ref[:10]}, after: this checkout; 10k plan: "
            f"{entities:,} entities; median of {args.repeat} runs, seconds; "
            f"load average {_load()}\n"
        )
        print("| command | before | after | after, cached | goal |")
        print("|---|---|---|---|---|")
        for label, command, goal in commands:
            medians = _measure(command, sources, env, tmp, args.repeat)
            cells = [
                f"{medians[k]:.3f}" if k in medians else "-"
                for k in ("before", "after", "cached")
            ]
            best = medians.get("cached", medians["after"])
            verdict = "ok" if best < goal else "MISSED"
            print(f"| {label} | {' | '.join(cells)} | {goal:g} s {verdict} |")
    print(f"\nload average at the end {_load()}")
    return 0


def _load() -> str:
    """The machine's 1-minute load average: over the core count, times are inflated."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"


def _measure(
    command: list[str],
    sources: dict[str, Path],
    env: dict[str, str],
    tmp: Path,
    repeat: int,
) -> dict[str, float]:
    """Median seconds of ``command``: before, after and (queries) after, cached."""
    sides = ["before", "after"]
    if command[0] in {"distance", "visibility"}:
        sides.append("cached")
    times: dict[str, list[float]] = {side: [] for side in sides}

    def run(side: str, n: int) -> float:
        # A folder per command, side and run: "after" finds nothing cached.
        name = "warm" if side == "cached" else f"{side}-{n}"
        cache = tmp / f"cache-{command[0]}-{name}"
        source = sources["after" if side == "cached" else side]
        return timed(source, command, {**env, "DESIGNREVIEW_CACHE_DIR": str(cache)})

    for side in sides:  # untimed: bytecode compiled, the warm cache filled
        run(side, -1)
    for n in range(repeat):
        for side in sides:
            times[side].append(run(side, n))
    return {side: statistics.median(values) for side, values in times.items()}


if __name__ == "__main__":
    sys.exit(main())
