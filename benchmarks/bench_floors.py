"""Floors side by side (``recognition.floors``) on every corpus drawing and on a grid.

Floor detection runs on every drawing added to a review, so it must cost nothing
next to reading the file. For each ``*.dxf`` of the shared corpus (read once,
untimed) it prints the wall lines, the floors found with their names, and the
median time of ``plan_floors``; then the same for a synthetic drawing of
``--floors`` floors side by side, each a grid of 20 x 20 rooms (1,600 wall lines)::

    .venv/bin/python benchmarks/bench_floors.py [--corpus DIR] [--floors 8] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from designreview.model.errors import DesignReviewError
from designreview.readers.dxf.read import read_dxf
from designreview.recognition.floors import find_floors, plan_floors, wall_segments

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "dxf-corpus"


def median_ms(fn: object, repeat: int) -> float:
    """The median wall time of ``fn()`` over ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def grid_floor(x0: float, rooms: int = 20, size: float = 5.0) -> np.ndarray:
    """A floor of rooms x rooms square rooms: 2 x rooms x (rooms) wall lines."""
    lines = []
    for i in range(rooms + 1):
        for j in range(rooms):
            lines.append([x0 + i * size, j * size, x0 + i * size, (j + 1) * size])
            lines.append([x0 + j * size, i * size, x0 + (j + 1) * size, i * size])
    return np.array(lines, dtype=float)


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--floors", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for path in sorted(args.corpus.rglob("*.dxf")):
        try:
            plan = read_dxf(path)
        except DesignReviewError:
            continue
        floors = plan_floors(plan)
        ms = median_ms(lambda plan=plan: plan_floors(plan), args.repeat)
        names = ", ".join(f.name for f in floors) or "-"
        walls = len(wall_segments(plan))
        row = f"{path.name:45} {walls:6,} walls {len(floors):2} floors {ms:7.2f} ms"
        print(f"{row}  {names}")
    width = 20 * 5.0
    walls = np.concatenate([grid_floor(n * width * 1.3) for n in range(args.floors)])
    found = find_floors(walls)
    ms = median_ms(lambda: find_floors(walls), args.repeat)
    row = f"{'synthetic grid':45} {len(walls):6,} walls {len(found):2} floors"
    print(f"{row} {ms:7.2f} ms")


if __name__ == "__main__":
    main()
