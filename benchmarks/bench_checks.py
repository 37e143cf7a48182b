"""Time the whole review check suite on a synthetic 300-room school.

Run: .venv/bin/python benchmarks/bench_checks.py [--wings 6] [--rooms-per-side 25]

The school: a spine corridor with wings of double-loaded corridors, 9 x 9 m
classrooms with one door each (a few doors with passage sets), exterior doors at
every corridor end, a reception and a few staff posts and cameras. Prints the time
of each rule and of the whole suite (PRODUCT.md section 8: under 2 s).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import RULES
from designreview.analysis.rules.base import CheckContext, params_with
from designreview.analysis.run import run_checks
from designreview.model.building import DetectedDoor, DetectedSpace
from designreview.model.geometry import Extents
from designreview.model.ids import ReviewId, SheetId
from designreview.model.markups import Camera, Observer, ObserverKind, SpaceType, Stamp
from designreview.model.plan import LayerCategory, LayerInfo, Linework, Plan
from designreview.model.review import Review, Sheet
from designreview.model.units import LengthUnit

SHEET = SheetId("s")
ROOM, HALL = 9.0, 3.0
STAMP = Stamp("bench", "2026-11-28T00:00:00+00:00")


def wing(x0: float, y0: float, n: int, index: int, walls, doors, spaces) -> None:
    """A corridor going north from (x0, y0) with n rooms on each side."""
    length = n * ROOM
    cx = x0 + ROOM  # corridor from cx to cx + HALL
    hall = ((cx, y0), (cx + HALL, y0), (cx + HALL, y0 + length), (cx, y0 + length))
    spaces.append(
        DetectedSpace(f"hall{index}", hall, "CORRIDOR", f"C{index}", SpaceType.CORRIDOR)
    )
    for side, (wx, face) in enumerate(((x0, cx), (cx + HALL, cx + HALL))):
        for k in range(n):
            y = y0 + k * ROOM
            rid = f"r{index}-{side}-{k}"
            outline = ((wx, y), (wx + ROOM, y), (wx + ROOM, y + ROOM), (wx, y + ROOM))
            spaces.append(
                DetectedSpace(rid, outline, "CLASSROOM", rid, SpaceType.CLASSROOM)
            )
            outer = wx if side == 0 else wx + ROOM  # the wall away from the corridor
            walls += [[wx, y, wx + ROOM, y], [outer, y, outer, y + ROOM]]
            d0, d1 = y + 0.3, y + 1.2
            walls += [[face, y, face, d0], [face, d1, face, y + ROOM]]
            hardware = "PASSAGE" if k % 11 == 5 else "CLASSROOM SECURITY"
            doors.append(
                DetectedDoor(
                    f"d{rid}", (face, d0), (face, d1), (face, d0), rid, hardware
                )
            )
    top = y0 + length
    walls += [
        [x0, top, cx, top],
        [cx + HALL, top, x0 + 2 * ROOM + HALL, top],
        [cx, top, cx + 1.0, top],
        [cx + 2.0, top, cx + HALL, top],
    ]
    doors.append(
        DetectedDoor(
            f"exit{index}",
            (cx + 1.0, top),
            (cx + 2.0, top),
            (cx + 1.0, top + 0.9),
            f"E{index + 2}",
            "EXIT DEVICE",
        )
    )


def school(wings: int, per_side: int) -> tuple[Review, Plan]:
    walls: list[list[float]] = []
    doors: list[DetectedDoor] = []
    spaces: list[DetectedSpace] = []
    width = 2 * ROOM + HALL
    for i in range(wings):
        wing(i * width, HALL, per_side, i, walls, doors, spaces)
    total = wings * width
    walls += [[0, 0, total, 0], [0, 0, 0, HALL], [total, 0, total, HALL]]
    spaces.append(
        DetectedSpace(
            "spine",
            ((0, 0), (total, 0), (total, HALL), (0, HALL)),
            "CORRIDOR",
            "SPINE",
            SpaceType.CORRIDOR,
        )
    )
    segs = np.array(walls, dtype=float)
    extents = Extents(
        float(segs[:, [0, 2]].min()),
        float(segs[:, [1, 3]].min()),
        float(segs[:, [0, 2]].max()),
        float(segs[:, [1, 3]].max()),
    )
    plan = Plan(
        "bench.dxf",
        "AC1027",
        LengthUnit.METRE,
        1.0,
        (0.0, 0.0),
        extents,
        (LayerInfo("A-WALL", LayerCategory.WALL, len(segs)),),
        (Linework("A-WALL", segs),),
        doors=tuple(doors),
        spaces=tuple(spaces),
    )
    markups = (
        Observer(
            "obs", SHEET, STAMP, STAMP, (total / 2, HALL / 2), ObserverKind.STAFF_POST
        ),
        *(
            Camera(
                f"cam{i}",
                SHEET,
                STAMP,
                STAMP,
                (i * width + ROOM + 1.5, HALL + 1),
                90.0,
                60.0,
                40.0,
            )
            for i in range(wings)
        ),
    )
    review = Review(
        ReviewId("bench"),
        sheets=(Sheet(SHEET, "L1", "bench.dxf", "x"),),
        markups=markups,
    )
    return review, plan


def per_rule(review: Review, plan: Plan) -> dict[str, float]:
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    times = {}
    start = time.perf_counter()
    ctx.walking(exterior_doors_closed=True)
    times["prepare: walking graph"] = time.perf_counter() - start
    for rule_id, rule in RULES.items():
        params = params_with(rule.Params(), rule_id, review.check_settings)
        start = time.perf_counter()
        found = rule.check(ctx, params)
        times[f"{rule_id} ({len(found)} findings)"] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wings", type=int, default=6)
    parser.add_argument("--rooms-per-side", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    review, plan = school(args.wings, args.rooms_per_side)
    rooms = sum(1 for s in plan.spaces if s.space_type is SpaceType.CLASSROOM)
    print(
        f"synthetic school: {rooms} classrooms, {len(plan.doors)} doors, "
        f"{len(plan.linework[0].segments)} wall segments"
    )
    totals = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = run_checks(review, {SHEET: plan})
        totals.append(time.perf_counter() - start)
    print(
        f"whole suite: median {statistics.median(totals):.2f} s over {args.repeat} "
        f"runs ({len(result.findings)} findings); goal < 2 s"
    )
    for name, seconds in per_rule(review, plan).items():
        print(f"  {name:<48} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
