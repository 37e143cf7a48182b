"""Time the lockdown plan (who goes where, capacity respected) on a 300-room school.

Run: .venv/bin/python benchmarks/bench_refuge_flow.py [--wings 6] [--rooms-per-side 25]

The school is ``bench_checks.py``'s: six double-loaded wings of 9 x 9 m classrooms off
3 m corridors and a spine, one door per classroom (every eleventh a passage set, so
not a refuge). Every corridor point of REFUGE-1's 2 m grid carries a share of the
corridors' load (2.3 m² a person) and may walk up to 30 m to a lockable classroom
with places left. Prints the time of each step, the size of the flow network (also
with the places cut to a twentieth, so that the network simplex must run), and
the whole plan (issue 19 asks for the whole lockdown analysis in under 2 s; the
walking graph is shared with the other checks and timed apart).
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench_checks import school  # the script's folder is on the path

from designreview.analysis.building_view import building_view
from designreview.analysis.group_walks import walks_to_groups
from designreview.analysis.refuge_assignment import (
    Crowd,
    assign_refuges,
)
from designreview.analysis.rules.base import CheckContext
from designreview.analysis.rules.lockdown_plan import (
    lockdown_plan,
    occupant_load,
    refuge_places,
)
from designreview.analysis.rules.lockdown_types import (
    DEFAULTS,
    EXPOSED,
    REFUGES,
)
from designreview.analysis.rules.sampling import grid_points
from designreview.analysis.walk_graph import locate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wings", type=int, default=6)
    parser.add_argument("--rooms-per-side", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    review, plan = school(args.wings, args.rooms_per_side)
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    building = ctx.building
    start = time.perf_counter()
    walking = ctx.walking(exterior_doors_closed=True)
    print(f"walking graph (shared with the other checks): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms, "
          f"{len(walking.corners)} corners")  # fmt: skip
    refuges = [
        r for r in building.rooms if r.space_type in REFUGES and building.locks_down(r)
    ]
    halls = [r for r in building.rooms if r.space_type in EXPOSED]
    points, people = [], []
    for hall in halls:
        mine = [locate(walking, p) for p in grid_points(hall.polygon, 2.0)]
        load = occupant_load(hall, DEFAULTS)
        points += mine
        people += [load // len(mine) + (i < load % len(mine)) for i in range(len(mine))]
    groups = [[d.center for d in building.doors_of(r)] for r in refuges]
    spare = [refuge_places(r, DEFAULTS) for r in refuges]
    print(f"{len(halls)} halls, {len(points)} sample points, {sum(people)} people; "
          f"{len(refuges)} refuges, {sum(spare)} places")  # fmt: skip
    walks_s, flow_s, contested_s, plan_s = [], [], [], []
    scarce = [n // 20 for n in spare]  # a twentieth of the places: the solver runs
    for _ in range(args.repeat):
        start = time.perf_counter()
        walks = walks_to_groups(walking, points, groups, DEFAULTS.hall_walk_m)
        walks_s.append(time.perf_counter() - start)
        crowds = [
            Crowd(n, tuple((j, float(w)) for j, w in enumerate(row) if w < 1e9))
            for n, row in zip(people, walks, strict=True)
        ]
        start = time.perf_counter()
        found = assign_refuges(crowds, spare)
        flow_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        short = assign_refuges(crowds, scarce)
        contested_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = lockdown_plan(building, walking, DEFAULTS)
        plan_s.append(time.perf_counter() - start)
    edges = sum(len(c.walks) for c in crowds)
    left = sum(found.left)
    print(f"walks to every refuge within 30 m: median "
          f"{statistics.median(walks_s) * 1000:.0f} ms")  # fmt: skip
    print(f"assignment ({len(crowds)} crowds, {edges} walks), room everywhere "
          f"(nearest refuge for all): median {statistics.median(flow_s) * 1000:.0f} "
          f"ms; {left} people left")  # fmt: skip
    print(f"assignment with {sum(scarce)} places (network simplex): median "
          f"{statistics.median(contested_s) * 1000:.0f} ms; "
          f"{sum(short.left)} people left")  # fmt: skip
    placed = sum(s.placed for s in result.spaces)
    print(f"whole lockdown plan (sampling, walks, flow, per-space answers): median "
          f"{statistics.median(plan_s) * 1000:.0f} ms; {placed} placed; goal: part "
          "of a 2 s lockdown analysis")  # fmt: skip


if __name__ == "__main__":
    main()
