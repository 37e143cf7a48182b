"""Time ``designreview batch`` over copies of the sample school, local and on Dask.

    .venv/bin/python benchmarks/bench_batch.py [--copies 50] [--workers N] [--maps]

Prints the wall time of the local process pool and, when the ``dask`` extra is
installed, of a LocalCluster with as many worker processes (the cluster's start-up
is timed apart). Figures go in benchmarks/README.md, never in a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from designreview.cli.batch import run_batch

SAMPLE = Path(__file__).resolve().parents[1] / "sample_plans" / "sample_school.dreview"


def main() -> int:
    """Run both paths and print their figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--maps", action="store_true", help="write each school's map")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = []
        for n in range(args.copies):
            path = root / f"school-{n:03d}.dreview"
            shutil.copyfile(SAMPLE, path)
            paths.append(path)
        maps = root / "maps" if args.maps else None
        if maps:
            maps.mkdir()
        start = time.perf_counter()
        rows = run_batch(paths, maps, None, workers=args.workers)
        local = time.perf_counter() - start
        per = sum(r.seconds for r in rows) / len(rows)
        print(f"local pool, {args.workers} workers, {len(rows)} reviews: "
              f"{local:.1f} s ({local / len(rows):.2f} s a review; {per:.2f} s each "
              "inside its worker)")  # fmt: skip
        try:
            from dask.distributed import LocalCluster
        except ImportError:
            print("dask not installed: pip install 'designreview[dask]' to time it")
            return 0
        start = time.perf_counter()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1,
                          dashboard_address=None) as cluster:  # fmt: skip
            ready = time.perf_counter() - start
            start = time.perf_counter()
            rows = run_batch(paths, maps, None, scheduler=cluster.scheduler_address)
            dask = time.perf_counter() - start
        print(f"dask LocalCluster, {args.workers} workers (start {ready:.1f} s): "
              f"{dask:.1f} s ({dask / len(rows):.2f} s a review)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
