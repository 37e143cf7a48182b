"""Rooms traced from walls (``rooms.wall_faces``) on a synthetic grid of rooms.

A drawing without room outlines falls back to polygonising its walls; this must stay
well under the open-to-first-frame budget even for big drawings. The grid has
``--rows`` x ``--cols`` rooms of 6 m x 4 m with double-line walls 0.2 m thick, each
wall face split into pieces that stop 3 cm short of each other, a 0.9 m door gap per
room closed by its door opening, and a dozen short strokes per room on the wall layer
(CAD wall layers are rarely clean). It prints the segment count, the median time
of ``rooms.wall_faces`` and the rooms found (every room should be)::

    .venv/bin/python benchmarks/bench_wall_faces.py [--rows 40] [--cols 40] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from designreview.recognition.rooms.wall_faces import wall_faces

ROOM_W, ROOM_H, WALL = 6.0, 4.0, 0.2
GAP = 0.03
"""Wall pieces stop this short of each other, as CAD lines often do."""
DOOR = 0.9
STROKE = 0.15
"""Clutter strokes are at most this long in x and in y."""


def grid_segments(rows: int, cols: int, seed: int = 7) -> np.ndarray:
    """Walls, door openings and clutter of a rows x cols grid of rooms."""
    rng = np.random.default_rng(seed)
    pitch_x, pitch_y = ROOM_W + WALL, ROOM_H + WALL
    segs: list[tuple[float, float, float, float]] = []
    for i in range(cols + 1):  # vertical walls, both faces, pieces per room
        x = i * pitch_x
        for j in range(rows):
            y0, y1 = j * pitch_y + WALL, (j + 1) * pitch_y
            for face in (x, x + WALL):
                segs.append((face, y0 - WALL + GAP, face, y1 - GAP))
    for j in range(rows + 1):  # horizontal walls with a door gap per room
        y = j * pitch_y
        for i in range(cols):
            x0, x1 = i * pitch_x + WALL, (i + 1) * pitch_x
            door = x0 + 1.0
            for face in (y, y + WALL):
                segs.append((x0 - GAP, face, door, face))
                segs.append((door + DOOR, face, x1 + GAP, face))
            segs.append((door, y, door, y + WALL))  # jambs
            segs.append((door + DOOR, y, door + DOOR, y + WALL))
            segs.append((door, y + WALL / 2, door + DOOR, y + WALL / 2))  # opening
    walls = np.asarray(segs)
    clutter = rng.random((rows * cols * 12, 4))
    clutter[:, [0, 2]] = clutter[:, [0, 2]] * cols * pitch_x
    clutter[:, [1, 3]] = clutter[:, [1, 3]] * rows * pitch_y
    clutter[:, 2:] = clutter[:, :2] + rng.uniform(-STROKE, STROKE, (len(clutter), 2))
    return np.concatenate([walls, clutter])


def main() -> None:
    """Time ``rooms.wall_faces`` on the grid and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--cols", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    segs = grid_segments(args.rows, args.cols)
    times, found = [], 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = len(wall_faces(segs))
        times.append(time.perf_counter() - start)
    print(
        f"{len(segs):,} segments, {args.rows * args.cols:,} rooms drawn: "
        f"{found:,} found in {statistics.median(times):.2f} s "
        f"(median of {args.repeat})"
    )


if __name__ == "__main__":
    main()
