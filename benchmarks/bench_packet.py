"""Time the review packet on a synthetic 100k-segment school plan.

Run: .venv/bin/python benchmarks/bench_packet.py [--segments 100000] [--fails 11]
     [--plan-page same|ansi-d|a1] [--repeat 3] [--keep packet.pdf]

The plan: a 200 x 150 m block of 8 x 8 m rooms off 3 m corridors, double-line walls,
door swings, glazing, furniture, and hatch lines topping it up to ``--segments``; a
room name and number in every room. The review has four agencies, cameras, comments,
and ``--fails`` failing findings with overlays (one snippet page each) plus ten
warnings, which makes a 20-page packet by default. Prints the median time of
``write_packet`` (both layout passes, compression and the atomic write), the file size
and the page count. PRODUCT.md section 8: under 3 s and a few MB.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from designreview.analysis.run import CheckResult
from designreview.model.findings import Finding, Severity
from designreview.model.geometry import Extents
from designreview.model.ids import MarkupId, ReviewerId, ReviewId, SheetId
from designreview.model.markups import Camera, Comment, Stamp
from designreview.model.plan import LayerCategory, LayerInfo, Linework, Plan, TextLabel
from designreview.model.review import Review, Reviewer, ReviewInfo, Sheet
from designreview.model.units import LengthUnit
from designreview.packet import PacketOptions, write_packet

SHEET = SheetId("bench-sheet")
WIDTH, HEIGHT, ROOM, HALL, WALL = 200.0, 150.0, 8.0, 3.0, 0.15
STAMP = Stamp(ReviewerId("r-police"), "2026-11-28T09:00:00+00:00")


def rectangles(x: np.ndarray, y: np.ndarray, w: float, h: float) -> np.ndarray:
    """Four segments per rectangle with lower-left corners (x, y)."""
    corners = [(0, 0, w, 0), (w, 0, w, h), (w, h, 0, h), (0, h, 0, 0)]
    parts = [np.column_stack([x + a, y + b, x + c, y + d]) for a, b, c, d in corners]
    return np.concatenate(parts)


def room_origins() -> tuple[np.ndarray, np.ndarray]:
    """Lower-left corners of the rooms: pairs of room rows around each corridor."""
    xs = np.arange(0.0, WIDTH - ROOM + 1e-9, ROOM)
    band = 2 * ROOM + HALL
    rows = [
        y
        for base in np.arange(0.0, HEIGHT - band + 1e-9, band)
        for y in (base, base + ROOM + HALL)
    ]
    gx, gy = np.meshgrid(xs, np.array(rows))
    return gx.ravel(), gy.ravel()


def room_layers(
    x: np.ndarray, y: np.ndarray, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Double-line walls, door swings, glazing and desks of every room."""
    inner = ROOM - 2 * WALL
    walls = np.concatenate(
        [rectangles(x, y, ROOM, ROOM), rectangles(x + WALL, y + WALL, inner, inner)]
    )
    a = np.linspace(0, np.pi / 2, 9)
    arc = np.column_stack(
        [np.cos(a[:-1]), np.sin(a[:-1]), np.cos(a[1:]), np.sin(a[1:])]
    )
    hinges = np.column_stack([x + 1, y + ROOM, x + 1, y + ROOM])
    doors = (arc[None, :, :] * 0.9 + hinges[:, None, :]).reshape(-1, 4)
    desks_x = (x[:, None] + rng.uniform(1, ROOM - 2, (len(x), 24))).ravel()
    desks_y = (y[:, None] + rng.uniform(1, ROOM - 2, (len(x), 24))).ravel()
    return {
        "A-WALL": walls,
        "A-DOOR": doors,
        "A-GLAZ": np.column_stack([x + 2, y + WALL, x + 6, y + WALL]),
        "A-FURN": rectangles(desks_x, desks_y, 0.7, 0.5),
    }


CATEGORIES = {
    "A-WALL": LayerCategory.WALL,
    "A-DOOR": LayerCategory.DOOR,
    "A-GLAZ": LayerCategory.WINDOW,
    "A-FURN": LayerCategory.FURNITURE,
    "A-HATCH": LayerCategory.OTHER,
}


def synthetic_plan(segments: int, rng: np.random.Generator) -> Plan:
    """A tiled school of about ``segments`` segments in five layers."""
    x, y = room_origins()
    layers = room_layers(x, y, rng)
    used = sum(len(s) for s in layers.values())
    hatch_y = rng.uniform(0, HEIGHT, max(segments - used, 0))
    hatch_x = rng.uniform(0, WIDTH - 1, len(hatch_y))
    layers["A-HATCH"] = np.column_stack(
        [hatch_x, hatch_y, hatch_x + 1.0, hatch_y + 0.5]
    )
    labels = [
        TextLabel(text, (xi + 2.0, yi + dy), 0.3, 0.0, "A-ANNO")
        for i, (xi, yi) in enumerate(zip(x, y, strict=True))
        for text, dy in ((f"CLASSROOM {100 + i}", 4.3), (str(100 + i), 3.8))
    ]
    return Plan(
        "bench.dxf",
        "AC1027",
        LengthUnit.METRE,
        1.0,
        (0.0, 0.0),
        Extents(0.0, 0.0, WIDTH, HEIGHT),
        tuple(LayerInfo(n, CATEGORIES[n], len(s)) for n, s in layers.items()),
        tuple(Linework(n, s) for n, s in layers.items()),
        tuple(labels),
    )


def synthetic_review() -> Review:
    """Four agencies, a few cameras and comments on one sheet."""
    people = [
        ("r-arch", "Architect"),
        ("r-police", "City Police"),
        ("r-fire", "Fire marshal"),
        ("r-school", "School administration"),
    ]
    cameras = [
        Camera(MarkupId(f"cam{i}"), SHEET, STAMP, STAMP, (20.0 + 40 * i, 9.5), 90.0)
        for i in range(4)
    ]
    comments = [
        Comment(
            MarkupId(f"c{i}"), SHEET, STAMP, STAMP, (30.0 + 30 * i, 60.0),
            f"Check the lock on this door ({i}).", agency="City Police",
        )
        for i in range(5)
    ]  # fmt: skip
    return Review(
        ReviewId("bench-review"),
        ReviewInfo("Benchmark High School", "100k segments", "2026-11-28"),
        reviewers=tuple(Reviewer(ReviewerId(i), i, a, "Reviewer") for i, a in people),
        sheets=(Sheet(SHEET, "Level 1", "bench.dxf", "0" * 64),),
        markups=(*cameras, *comments),
    )


def synthetic_findings(fails: int, rng: np.random.Generator) -> CheckResult:
    """``fails`` failing findings with square overlays, then ten warnings."""
    found = []
    for i in range(fails + 10):
        cx, cy = rng.uniform(10, WIDTH - 10), rng.uniform(10, HEIGHT - 10)
        ring = (
            (cx - 3, cy - 3),
            (cx + 3, cy - 3),
            (cx + 3, cy + 3),
            (cx - 3, cy + 3),
            (cx - 3, cy - 3),
        )
        severity = Severity.FAIL if i < fails else Severity.WARNING
        message = (
            f"Synthetic finding {i}: the hard corner of room {100 + i} is too small."
        )
        found.append(
            Finding(
                f"ROOM-2:bench{i}",
                "ROOM-2",
                severity,
                message,
                SHEET,
                (cx, cy),
                (),
                (ring,),
            )
        )
    return CheckResult(tuple(found), ())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--fails", type=int, default=11)
    parser.add_argument("--plan-page", default="same", choices=("same", "ansi-d", "a1"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also write the packet here")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    plan = synthetic_plan(args.segments, rng)
    review, result = synthetic_review(), synthetic_findings(args.fails, rng)
    options = PacketOptions(
        recipient="Benchmark", copy_number=1, plan_page_size=args.plan_page
    )
    times, pages, size = [], 0, 0
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "packet.pdf"
        for _ in range(args.repeat):
            start = time.perf_counter()
            pages = write_packet(review, {SHEET: plan}, result, path, options)
            times.append(time.perf_counter() - start)
            size = path.stat().st_size
    segments = sum(len(w.segments) for w in plan.linework)
    median = statistics.median(times)
    print(
        f"plan: {segments:,} segments, {len(plan.labels):,} labels; "
        f"plan pages: {args.plan_page}"
    )
    print(f"packet: {pages} pages, {size / 1e6:.2f} MB")
    print(
        f"write_packet: median {median:.2f} s over {len(times)} runs "
        f"(min {min(times):.2f} s)"
    )
    verdict = "ok" if median < 3.0 and size < 5e6 else "MISSES the goal"
    print(f"goal (PRODUCT.md 8: under 3 s, a few MB): {verdict}")


if __name__ == "__main__":
    main()
