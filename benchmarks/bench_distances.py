"""Walking distances on a 300-room school: exact corner graph vs a grid, vs a reference.

PRODUCT.md section 8 asks for walking distances from every room to the nearest safe
room of a 300-room school in under 100 ms, within 2 % of the exact shortest path. This
script builds a synthetic finger-plan school (deterministic for a seed): ``--wings``
double-loaded corridors 3 m wide with ``--per-side`` rooms of 8 m x 7.5 m on each side,
walls 0.2 m thick drawn as outlines, a 0.9 m door gap from each room into its corridor
at a random place, 12 m courtyards between the wings, a spine corridor joining the
wings' west ends, and 1.8 m exits at every corridor's east end and in the spine. The
glazing is left out of the outer walls: windows block walkers. It measures:

* ``build_walk_index`` (walkable area, corners, visibility graph), clearance 0.2 m;
* ``distance_field`` from 10 safe rooms (their centres);
* ``travel_distances`` from all room centres to the nearest safe room (the goal);
* ``walking_path`` between random pairs of room centres;
* the same answers from an exact reference, written independently: a visibility graph
  over every reflex vertex of the walkable area with a near-round clearance (16 chords
  per quarter circle, 1 mm from the circle), every edge checked with
  ``shapely.covers`` against the walkable area; the error is relative to it;
* a grid baseline for comparison: 0.25 m cells (walkable where the centre is more than
  the clearance from every wall), 8-neighbour Dijkstra vectorised with numpy by
  distance buckets one cell wide (every cell in the lowest bucket is final, since no
  step is shorter than a cell), end points joined to their cell centres.

Run (nothing else on the machine; about a minute, mostly the reference)::

    .venv/bin/python benchmarks/bench_distances.py [--seed 7] [--repeat 5] [--pairs 30]
"""

from __future__ import annotations

import argparse
import heapq
import math
import statistics
import time
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import shapely

from designreview.analysis.distances import (
    build_walk_index,
    distance_field,
    travel_distances,
    walking_path,
)

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
Point = tuple[float, float]

WALL_M, CORRIDOR_M, ROOM_W_M, ROOM_D_M = 0.2, 3.0, 8.0, 7.5
COURTYARD_M, DOOR_M, EXIT_M = 12.0, 0.9, 1.8
CLEARANCE_M, CELL_M, MARGIN_M = 0.2, 0.25, 5.0


@dataclass
class School:
    """Wall segments (outlines of 0.2 m walls) and the rooms' centres."""

    segments: list[tuple[float, float, float, float]] = field(default_factory=list)
    rooms: list[Point] = field(default_factory=list)

    def outline(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.segments += [(x0, y0, x1, y0), (x1, y0, x1, y1)]
        self.segments += [(x1, y1, x0, y1), (x0, y1, x0, y0)]

    def wall(
        self, a0: float, a1: float, at: float, gaps: list[Point], *, along_x: bool
    ) -> None:
        """A wall from a0 to a1 centred on ``at``, broken at the gaps."""
        h, a = WALL_M / 2, a0
        for lo, hi in [*sorted(gaps), (a1, a1)]:
            if lo > a:
                box = (a, at - h, lo, at + h) if along_x else (at - h, a, at + h, lo)
                self.outline(*box)
            a = hi


def school(wings: int, per_side: int, seed: int) -> School:
    """Wings of double-loaded corridors along x, joined by a spine at x = -3 to 0."""
    rng, s, h = np.random.default_rng(seed), School(), WALL_M / 2
    length, pitch = per_side * ROOM_W_M, 2 * ROOM_D_M + CORRIDOR_M + COURTYARD_M
    openings = []
    for w in range(wings):
        y = w * pitch
        c0, c1 = y + ROOM_D_M, y + ROOM_D_M + CORRIDOR_M
        for face, outer in ((c0, y), (c1, c1 + ROOM_D_M)):
            lo, hi = sorted((face, outer))
            doors = []
            for i in range(per_side):
                x = float(rng.uniform(i * ROOM_W_M + 0.6, (i + 1) * ROOM_W_M - 1.5))
                doors.append((x, x + DOOR_M))
                s.rooms.append(((i + 0.5) * ROOM_W_M, (lo + hi) / 2))
            s.wall(0, length, face, doors, along_x=True)
            s.wall(0, length, outer, [], along_x=True)
            for i in range(1, per_side):
                s.wall(lo + h, hi - h, i * ROOM_W_M, [], along_x=False)
        s.wall(c0 + h, c1 - h, length, [(c0 + 0.6, c0 + 0.6 + EXIT_M)], along_x=False)
        openings.append((c0 + h, c1 - h))
    top = (wings - 1) * pitch + 2 * ROOM_D_M + CORRIDOR_M
    s.wall(0, top, 0.0, openings, along_x=False)
    exits = [(w * pitch - 3.0, w * pitch - 3.0 + EXIT_M) for w in range(1, wings, 2)]
    s.wall(0, top, -CORRIDOR_M, exits, along_x=False)
    south = -CORRIDOR_M + 0.6
    s.wall(-CORRIDOR_M, 0, 0, [(south, south + EXIT_M)], along_x=True)
    s.wall(-CORRIDOR_M, 0, top, [], along_x=True)
    return s


# --- the exact reference: all reflex vertices, every edge checked by shapely --------


@dataclass
class Reference:
    blocked: shapely.Geometry  # walls with clearance, shrunk by 1 um, prepared
    nodes: np.ndarray  # reflex vertices of the walkable area
    hinges: np.ndarray  # the vertices before and after each node
    edges: list[list[tuple[int, float]]]


def reference(
    walls: np.ndarray, bounds: tuple[float, ...], quad_segs: int
) -> Reference:
    """The visibility graph of every reflex vertex, each edge checked by shapely.

    Only lines tangent to the walls at both ends are checked (a shortest path wraps
    round the corners it touches); a line is clear when it misses the walls and
    their clearance shrunk by 1 um, so lines along the boundary count as clear.
    """
    lines = shapely.linestrings(walls.reshape(-1, 2, 2))
    blocked = shapely.union_all(shapely.buffer(lines, CLEARANCE_M, quad_segs=quad_segs))
    free = shapely.orient_polygons(shapely.difference(shapely.box(*bounds), blocked))
    rings = [r for p in shapely.get_parts(free) for r in (p.exterior, *p.interiors)]
    found = [_reflex(np.asarray(r.coords)[:-1]) for r in rings]
    nodes, hinges = np.vstack([n for n, _ in found]), np.vstack([h for _, h in found])
    ref = Reference(shapely.buffer(blocked, -1e-6), nodes, hinges, [[] for _ in nodes])
    shapely.prepare(ref.blocked)
    for i in range(len(nodes)):
        j = np.arange(i + 1, len(nodes))
        j = j[_tangent(ref, nodes[i], j) & _tangent(ref, nodes[j], np.full(len(j), i))]
        j = j[_clear(ref, nodes[i], nodes[j])]
        lengths = np.hypot(*(nodes[j] - nodes[i]).T).tolist()
        for k, d in zip(j.tolist(), lengths, strict=True):
            ref.edges[i].append((k, d))
            ref.edges[k].append((i, d))
    return ref


def _reflex(ring: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vertices where a counter-clockwise ring turns right, and their neighbours."""
    before, after = np.roll(ring, 1, axis=0), np.roll(ring, -1, axis=0)
    e_in, e_out = ring - before, after - ring
    right = e_in[:, 0] * e_out[:, 1] - e_in[:, 1] * e_out[:, 0] < -1e-12
    return ring[right], np.hstack([before, after])[right]


def _tangent(ref: Reference, origins: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Whether lines from origins to nodes ``ids`` leave both walls on one side."""
    c = ref.nodes[ids]
    d = c - origins
    b, a = ref.hinges[ids, :2] - c, ref.hinges[ids, 2:] - c
    side_b = d[:, 0] * b[:, 1] - d[:, 1] * b[:, 0]
    side_a = d[:, 0] * a[:, 1] - d[:, 1] * a[:, 0]
    return np.asarray(side_b * side_a >= -1e-9)


def _clear(ref: Reference, a: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Which of ``points`` a straight walk from ``a`` reaches."""
    if not len(points):
        return np.zeros(0, dtype=bool)
    lines = shapely.linestrings(np.stack([np.broadcast_to(a, points.shape), points], 1))
    return ~np.asarray(shapely.intersects(ref.blocked, lines))


def _links(ref: Reference, p: Point) -> list[tuple[int, float]]:
    """Nodes a point sees along tangent lines, and how far they are."""
    ids = np.arange(len(ref.nodes))
    ids = ids[_tangent(ref, np.array(p), ids)]
    ids = ids[_clear(ref, np.array(p), ref.nodes[ids])]
    lengths = np.hypot(*(ref.nodes[ids] - p).T).tolist()
    return list(zip(ids.tolist(), lengths, strict=True))


def reference_distance(ref: Reference, a: Point, targets: list[Point]) -> float | None:
    """Dijkstra from ``a`` over the reference graph to the nearest target."""
    goal: dict[int, float] = {}  # node (-1: a itself) -> to the nearest target seen
    for t in targets:
        if _clear(ref, np.array(a), np.array([t]))[0]:
            goal[-1] = min(goal.get(-1, math.inf), math.dist(a, t))
        for k, d in _links(ref, t):
            goal[k] = min(goal.get(k, math.inf), d)
    heap = [(d, k) for k, d in _links(ref, a)]
    heap += [(goal[-1], -2)] if -1 in goal else []
    heapq.heapify(heap)
    done: set[int] = set()
    while heap:
        d, u = heapq.heappop(heap)
        if u == -2:
            return float(d)
        if u in done:
            continue
        done.add(u)
        if u in goal:
            heapq.heappush(heap, (d + goal[u], -2))
        for v, w in ref.edges[u]:
            if v not in done:
                heapq.heappush(heap, (d + w, v))
    return None


# --- the grid baseline --------------------------------------------------------------


@dataclass
class Grid:
    free: np.ndarray  # flat bool, padded with a blocked border
    width: int
    origin: Point


def grid(walls: np.ndarray, bounds: tuple[float, ...]) -> Grid:
    x0, y0, x1, y1 = bounds
    nx, ny = int((x1 - x0) / CELL_M), int((y1 - y0) / CELL_M)
    xs = x0 + (np.arange(-1, nx + 1) + 0.5) * CELL_M
    ys = y0 + (np.arange(-1, ny + 1) + 0.5) * CELL_M
    gx, gy = np.meshgrid(xs, ys)
    lines = shapely.linestrings(walls.reshape(-1, 2, 2))
    blocked = shapely.union_all(shapely.buffer(lines, CLEARANCE_M, quad_segs=8))
    free = shapely.difference(shapely.box(*bounds), blocked)
    shapely.prepare(free)
    inside = shapely.contains_xy(free, gx.ravel(), gy.ravel()).reshape(gx.shape)
    inside[[0, -1], :] = inside[:, [0, -1]] = False
    return Grid(inside.ravel(), nx + 2, (x0 - 0.5 * CELL_M, y0 - 0.5 * CELL_M))


def _cell(g: Grid, p: Point) -> tuple[int, float]:
    """The nearest free cell to p (within 2 cells) and the distance to its centre."""
    cx, cy = (p[0] - g.origin[0]) / CELL_M, (p[1] - g.origin[1]) / CELL_M
    best = (math.inf, -1)
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            i, j = round(cx) + dx, round(cy) + dy
            if g.free[j * g.width + i]:
                best = min(best, (math.hypot(i - cx, j - cy), j * g.width + i))
    return best[1], best[0] * CELL_M


def grid_travel(
    g: Grid, origins: list[Point], targets: list[Point]
) -> list[float | None]:
    dist = np.full(g.free.shape, np.inf)
    for t in targets:
        c, d = _cell(g, t)
        dist[c] = min(dist[c], d / CELL_M)
    w = g.width
    steps = np.array([1, -1, w, -w, w + 1, w - 1, -w + 1, -w - 1])
    cost = np.array([1.0] * 4 + [math.sqrt(2)] * 4)
    done = np.zeros(g.free.shape, dtype=bool)
    pending = np.flatnonzero(np.isfinite(dist))
    while pending.size:
        d = dist[pending]
        bucket = d < d.min() + 1.0  # all final: every step is at least one cell
        front, pending = np.unique(pending[bucket]), pending[~bucket]
        done[front] = True
        near = (front[:, None] + steps).ravel()
        nd = (dist[front][:, None] + cost).ravel()
        ok = g.free[near] & ~done[near] & (nd < dist[near])
        np.minimum.at(dist, near[ok], nd[ok])
        pending = np.concatenate([pending[~done[pending]], np.unique(near[ok])])
    out: list[float | None] = []
    for o in origins:
        c, d = _cell(g, o)
        out.append(float(dist[c]) * CELL_M + d if np.isfinite(dist[c]) else None)
    return out


# --- measuring ----------------------------------------------------------------------


def timed(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    """Median wall time of ``repeat`` calls in ms, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result  # type: ignore[return-value]


def errors(got: list[float | None], exact: list[float | None]) -> str:
    """Median and max relative error, and how many answers disagree on reachability."""
    both = list(zip(got, exact, strict=True))
    rel = [g / e - 1 for g, e in both if g is not None and e]
    miss = sum((g is None) != (e is None) for g, e in both)
    text = f"{statistics.median(rel):+.2%} / {max(rel, key=abs):+.2%}"
    return text + (f", {miss} wrong None" if miss else "")


@dataclass
class Case:
    """The school, its safe rooms and the sampled queries."""

    walls: np.ndarray
    rooms: list[Point]
    safe: list[Point]
    pairs: list[tuple[Point, Point]]
    picks: list[int]  # rooms whose nearest safe room the reference computes


def case(args: argparse.Namespace) -> Case:
    s = school(args.wings, args.per_side, args.seed)
    rng = np.random.default_rng(args.seed + 1)
    safe = [s.rooms[i] for i in sorted(rng.choice(len(s.rooms), 10, replace=False))]
    sample = rng.choice(len(s.rooms), (args.pairs, 2), replace=False).tolist()
    pairs = [(s.rooms[i], s.rooms[j]) for i, j in sample]
    picks = rng.choice(len(s.rooms), args.pairs, replace=False).tolist()
    return Case(np.asarray(s.segments, dtype=float), s.rooms, safe, pairs, picks)


@dataclass
class Row:
    step: str
    ms: float
    note: str = ""


def measure_ours(c: Case, repeat: int) -> tuple[list[Row], list[float | None]]:
    few = max(1, repeat // 2)
    build_ms, index = timed(lambda: build_walk_index(c.walls, CLEARANCE_M), few)
    edges = sum(map(len, index.neighbours)) // 2
    size = f"{len(c.walls)} segments, {len(index.corners)} corners, {edges} edges"
    field_ms, _ = timed(lambda: distance_field(index, c.safe), repeat)
    travel_ms, travel = timed(lambda: travel_distances(index, c.rooms, c.safe), repeat)
    times = [timed(partial(walking_path, index, a, b), 3)[0] for a, b in c.pairs]
    paths = [walking_path(index, a, b) for a, b in c.pairs]
    rows = [
        Row("build_walk_index", build_ms, size),
        Row("distance_field from 10 safe rooms", field_ms),
        Row(f"travel_distances, {len(c.rooms)} rooms to nearest of 10", travel_ms),
        Row("walking_path, one pair (median)", statistics.median(times)),
        Row("walking_path, one pair (max)", max(times)),
    ]
    rows[2].note = "goal < 100 ms" + ("" if travel_ms < 100 else ": MISSED")
    pair_m = [p.length_m if p else None for p in paths]
    return rows, [travel[i] for i in c.picks] + pair_m


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--wings", type=int, default=6)
    parser.add_argument("--per-side", type=int, default=25)
    args = parser.parse_args()
    c = case(args)
    rows, ours = measure_ours(c, args.repeat)
    bounds = build_walk_index(c.walls, CLEARANCE_M).bounds
    ref_ms, ref = timed(lambda: reference(c.walls, bounds, quad_segs=8), 1)
    exact = [reference_distance(ref, c.rooms[i], c.safe) for i in c.picks]
    exact += [reference_distance(ref, a, [b]) for a, b in c.pairs]
    size = f"{len(ref.nodes)} nodes, {sum(map(len, ref.edges)) // 2} edges"
    rows.append(Row("exact reference: build (not a goal)", ref_ms, size))
    grid_ms, g = timed(lambda: grid(c.walls, bounds), 1)
    rows.append(Row("grid 0.25 m: rasterise", grid_ms, f"{g.free.size} cells"))
    few = max(1, args.repeat // 2)
    ms, by_grid = timed(lambda: grid_travel(g, c.rooms, c.safe), few)
    rows.append(Row("grid 0.25 m: travel distances, 8-neighbour", ms))
    print(f"school: {args.wings} wings x 2 sides x {args.per_side} rooms, ", end="")
    print(f"clearance {CLEARANCE_M} m, seed {args.seed}\n")
    print("| step | ms | notes |\n|---|---|---|")
    for r in rows:
        print(f"| {r.step} | {r.ms:.1f} | {r.note} |")
    n = len(c.picks)
    print(f"\nrelative error vs the exact reference, median / max ({n} each):\n")
    print("| method | room to nearest safe room | room to room |\n|---|---|---|")
    print(f"| corner graph | {errors(ours[:n], exact[:n])} | ", end="")
    print(f"{errors(ours[n:], exact[n:])} |")
    grid_error = errors([by_grid[i] for i in c.picks], exact[:n])
    print(f"| grid, 8-neighbour | {grid_error} | - |")
    known = [d for d in exact[:n] if d]
    middle, far = statistics.median(known), max(known)
    print(f"\nexact walk to nearest safe room: median {middle:.1f} m, max {far:.1f} m")


if __name__ == "__main__":
    main()
