"""Time the lockdown race (LOCK-1) on the synthetic 300-room school.

Run: .venv/bin/python benchmarks/bench_lockdown.py [--wings 6] [--rooms-per-side 25]
                                                  [--repeat 3]

The school is ``bench_checks.py``'s (a spine corridor, wings of 9 x 9 m classrooms,
an exit device at every wing's end). Its exits all lock, so the review marks the
first two wings' exits propped and a glazed breach at the spine's west end: three
entries. Prints the median of ``--repeat`` runs of each step:

* the intruder's walking graph (every door that locks closed),
* the arrival fields (each entry at walking and hurried speed),
* the LOCK-1 check from scratch (graph, fields, races, findings),
* the isochrone bands (30, 60, 120 s) from one entry at walking speed,
* one edit: a classroom door re-marked keyed, LOCK-1 rerun as the runner does
  after a door edit (a fresh check context, so the graph is built again), and the
  same rerun with the graph kept;
* the exposure through door glass along the intruder's route from one entry, for
  every occupied room with glass, cold and with each room's answer kept;
* the Lockdown view's map (race from one entry, bands, exposures, refuge arrows),
  cold, again with its caches, after the keyed-door edit with its caches, and
  cold after the app's checks with their indexes (as the app shares them).

PRODUCT.md section 8 and issue 19 ask for all of it under 2 s and an edit under
200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bench_checks import HALL, SHEET, STAMP, school

from designreview.analysis.building_view import building_view
from designreview.analysis.index_cache import IndexCache
from designreview.analysis.intruder import arrival, intruder_entries, intruder_index
from designreview.analysis.isochrones import isochrones
from designreview.analysis.lockdown_map import MapCaches, lockdown_map
from designreview.analysis.route_exposure import (
    ExposureCache,
    RouteParams,
    route_exposures,
)
from designreview.analysis.rules import lockdown_race
from designreview.analysis.rules.base import CheckContext
from designreview.analysis.rules.room_locks import OCCUPIED
from designreview.analysis.run import run_checks
from designreview.model.markups import (
    AccessKind,
    AccessPoint,
    Breach,
    BreachKind,
    LockFunction,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.model.plan import Plan
    from designreview.model.review import Review


def marked(review: Review, plan: Plan) -> Review:
    """The review with two propped exits and a breach at the spine's west end."""
    exits = [d for d in plan.doors if d.id in ("exit0", "exit1")]
    propped = [
        AccessPoint(
            f"prop-{d.id}",
            SHEET,
            STAMP,
            STAMP,
            d.center,
            kind=AccessKind.EXTERIOR_DOOR,
            is_propped=True,
        )
        for d in exits
    ]
    breach = Breach(
        "breach", SHEET, STAMP, STAMP, (0.0, HALL / 2), BreachKind.GLAZED_ENTRY
    )
    return replace(review, markups=(*review.markups, *propped, breach))


def median_s(step: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wings", type=int, default=6)
    parser.add_argument("--rooms-per-side", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    review, plan = school(args.wings, args.rooms_per_side)
    review = marked(review, plan)
    view = building_view(review, review.sheets[0], plan)
    params = lockdown_race.Params()
    entries = intruder_entries(view, params.intruder())
    print(
        f"synthetic school: {len(view.rooms)} rooms, {len(view.doors)} doors, "
        f"{len(entries)} entries"
    )
    rows = []
    seconds, index = median_s(lambda: intruder_index(view), args.repeat)
    rows.append((f"intruder walking graph ({len(index.corners)} corners)", seconds))

    def fields() -> list[Any]:
        return [
            arrival(index, view, entry, speed, params.intruder())
            for entry in entries
            for speed in (params.walk_speed_mps, params.hurried_speed_mps)
        ]

    seconds, walks = median_s(fields, args.repeat)
    rows.append((f"arrival fields ({len(walks)})", seconds))

    def check_from_scratch() -> list[Any]:
        ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
        return lockdown_race.check(ctx, params)

    seconds, found = median_s(check_from_scratch, args.repeat)
    rows.append((f"LOCK-1 from scratch ({len(found)} findings)", seconds))
    seconds, bands = median_s(lambda: isochrones(walks[0]), args.repeat)
    areas = ", ".join(f"{b.area.area:.0f}" for b in bands)
    rows.append((f"isochrones 30/60/120 s ({areas} m²)", seconds))
    rows += edit_rows(review, plan, params, index, args.repeat)
    rows += exposure_rows(review, view, walks[0], args.repeat)
    rows += map_rows(review, plan, args.repeat)
    for name, seconds in rows:
        print(f"  {name:<58} {seconds * 1000:8.1f} ms")


def edit_rows(
    review: Review, plan: Plan, params: Any, index: Any, repeat: int
) -> list[tuple[str, float]]:
    """One edit: the door of the first classroom of wing 0 re-marked keyed."""
    door = next(d for d in plan.doors if d.id == "dr0-1-0")
    keyed = AccessPoint(
        "keyed", SHEET, STAMP, STAMP, door.center, lock=LockFunction.KEY_OUTSIDE_ONLY
    )
    edited = replace(review, markups=(*review.markups, keyed))

    def rerun(keep_graph: bool) -> list[Any]:
        ctx = CheckContext(edited, building_view(edited, edited.sheets[0], plan))
        if keep_graph:
            ctx.memo[("LOCK-1 index", tuple(ctx.building.doors))] = index
        return lockdown_race.check(ctx, params)

    fresh, found = median_s(lambda: rerun(False), repeat)
    kept, _ = median_s(lambda: rerun(True), repeat)
    return [
        (f"edit: door keyed, LOCK-1 rerun ({len(found)} findings)", fresh),
        ("edit: the same with the walking graph kept", kept),
    ]


def exposure_rows(
    review: Review, view: Any, walk: Any, repeat: int
) -> list[tuple[str, float]]:
    """Exposure along the first entry's walking route, cold and with answers kept."""
    ctx = CheckContext(review, view)
    rooms = [r for r in view.rooms if r.space_type in OCCUPIED]
    cache = ExposureCache()

    def cold() -> Any:
        return route_exposures(ctx, rooms, walk, RouteParams())

    seconds, found = median_s(cold, repeat)
    route_exposures(ctx, rooms, walk, RouteParams(), cache)
    kept, _ = median_s(
        lambda: route_exposures(ctx, rooms, walk, RouteParams(), cache), repeat
    )
    routed = sum(1 for e in found if e.on_route)
    return [
        (f"exposure along the route ({len(found)} rooms, {routed} routed)", seconds),
        ("exposure again, each room's answer kept", kept),
    ]


def map_rows(review: Review, plan: Plan, repeat: int) -> list[tuple[str, float]]:
    """The Lockdown view's map: cold, again, and after an edit, caches kept."""
    sheet = review.sheets[0].id
    cold, shown = median_s(lambda: lockdown_map(review, plan, sheet), repeat)
    caches = MapCaches()
    lockdown_map(review, plan, sheet, caches=caches)
    again, _ = median_s(lambda: lockdown_map(review, plan, sheet, caches=caches), 1)
    door = next(d for d in plan.doors if d.id == "dr0-1-0")
    keyed = AccessPoint(
        "keyed", SHEET, STAMP, STAMP, door.center, lock=LockFunction.KEY_OUTSIDE_ONLY
    )
    edited = replace(review, markups=(*review.markups, keyed))
    edit, _ = median_s(lambda: lockdown_map(edited, plan, sheet, caches=caches), 1)
    shared = IndexCache()
    run_checks(review, {sheet: plan}, indexes=shared)
    after, _ = median_s(
        lambda: lockdown_map(review, plan, sheet, caches=MapCaches(shared)), 1
    )
    return [
        (f"Lockdown view map, cold ({len(shown.arrows)} refuge arrows)", cold),
        ("Lockdown view map again, caches kept", again),
        ("Lockdown view map after the keyed-door edit, caches kept", edit),
        ("Lockdown view map after the app's checks, their indexes shared", after),
    ]


if __name__ == "__main__":
    main()
