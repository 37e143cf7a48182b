"""Isovists: exact triangular expansion against shapely ray casting, in one run.

PRODUCT.md section 8 asks for an exact visibility polygon in under 1 ms on a plan with
10k wall segments. This script builds synthetic finger-plan schools (double-loaded
corridors of classrooms, labs, offices and stores; walls 0.2 m thick drawn as outlines,
broken at 1 m doors and at windows, since glazing does not block sight; corridors open
at both ends) at about 170, 1.2k, 10k and 50k wall segments, deterministic for a seed,
and measures:

* preprocessing: ``build_visibility_index`` (noding, triangulation, locator);
* the median time per exact isovist over 20 observers (10 in rooms, 10 on corridor
  centre-lines), each observer the median of ``--repeat`` calls; also as a camera
  (90 degree cone, 30 m range);
* a straightforward shapely baseline on the same observers: ``--rays`` rays from the
  observer to the edge of the box, candidate walls from an STRtree
  (``query(rays, "intersects")``), the nearest hit per ray with numpy, and the polygon
  through the hits; and its error against the exact polygon (median |area difference|
  and median symmetric difference, both over the exact area).

Run (nothing else on the machine; about 25 s, mostly the baseline)::

    .venv/bin/python benchmarks/bench_isovist.py [--seed 7] [--repeat 5] [--rays 720]
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import shapely

from designreview.analysis.isovist import build_visibility_index, isovist

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.analysis.isovist import VisibilityIndex

T = TypeVar("T")

WALL_M = 0.2
CORRIDOR_M = 3.0
DEPTH_M = 7.5
COURTYARD_M = 12.0
ROOM_WIDTHS_M = (8.0, 8.0, 10.0, 4.0, 3.0)  # classroom twice, lab, office, store
SIZES = {"~170": (5, 1), "~1.2k": (20, 2), "~10k": (57, 6), "~50k": (102, 16)}
"""Scene name: (rooms per corridor side, wings)."""


@dataclass
class Scene:
    """Wall segments of a synthetic school and where observers may stand."""

    segments: list[tuple[float, float, float, float]] = field(default_factory=list)
    rooms: list[tuple[float, float, float, float]] = field(default_factory=list)
    corridors: list[tuple[float, float, float]] = field(default_factory=list)

    def outline(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A piece of wall: the four lines around it."""
        self.segments += [
            (x0, y0, x1, y0),
            (x1, y0, x1, y1),
            (x1, y1, x0, y1),
            (x0, y1, x0, y0),
        ]

    def wall_along_x(
        self, x0: float, x1: float, y: float, gaps: list[tuple[float, float]]
    ) -> None:
        """A wall along x centred on y, broken at the gaps (doors, windows)."""
        half, x = WALL_M / 2, x0
        for a, b in sorted(gaps):
            if a > x:
                self.outline(x, y - half, a, y + half)
            x = b
        if x1 > x:
            self.outline(x, y - half, x1, y + half)


def add_wing(scene: Scene, rng: np.random.Generator, y0: float, rooms: int) -> float:
    """A corridor with ``rooms`` rooms on each side; returns the wing's depth."""
    widths = rng.choice(ROOM_WIDTHS_M, size=(2, rooms))
    length = float(widths.sum(axis=1).max())
    corridor = (y0 + DEPTH_M, y0 + DEPTH_M + CORRIDOR_M)
    outside = (y0, corridor[1] + DEPTH_M)
    scene.corridors.append((0.0, length, sum(corridor) / 2))
    for side in (0, 1):
        xs = np.concatenate([[0.0], np.cumsum(widths[side])])
        xs[-1] = length
        lo, hi = sorted((corridor[side], outside[side]))
        doors, windows = [], []
        for a, b in zip(xs[:-1].tolist(), xs[1:].tolist(), strict=True):
            door = float(rng.uniform(a + 0.5, b - 1.5))
            doors.append((door, door + 1.0))
            n = 2 if b - a > 5 else 1
            centres = [a + (b - a) * (k + 1) / (n + 1) for k in range(n)]
            windows += [(c - 0.6, c + 0.6) for c in centres]
            scene.rooms.append((a + WALL_M, lo + WALL_M, b - WALL_M, hi - WALL_M))
        scene.wall_along_x(0.0, length, corridor[side], doors)
        scene.wall_along_x(0.0, length, outside[side], windows)
        for x in xs.tolist():
            half = WALL_M / 2
            scene.outline(x - half, lo + half, x + half, hi - half)
    return outside[1] - y0


def school(rooms_per_side: int, wings: int, seed: int) -> Scene:
    """A finger-plan school: ``wings`` parallel wings with courtyards between."""
    rng = np.random.default_rng(seed)
    scene, y = Scene(), 0.0
    for _ in range(wings):
        y += add_wing(scene, rng, y, rooms_per_side) + COURTYARD_M
    return scene


def observers(scene: Scene, seed: int, n: int = 10) -> list[tuple[str, float, float]]:
    """``n`` observers in random rooms and ``n`` on corridor centre-lines."""
    rng = np.random.default_rng(seed + 1)
    out = []
    for i in rng.choice(len(scene.rooms), size=n, replace=False).tolist():
        x0, y0, x1, y1 = scene.rooms[i]
        x, y = rng.uniform(x0 + 0.3, x1 - 0.3), rng.uniform(y0 + 0.3, y1 - 0.3)
        out.append(("room", float(x), float(y)))
    for i in rng.integers(0, len(scene.corridors), size=n).tolist():
        x0, x1, y = scene.corridors[i]
        out.append(("corridor", float(rng.uniform(x0 + 1, x1 - 1)), y))
    return out


def ray_isovist(
    tree: shapely.STRtree,
    walls: np.ndarray,
    origin: tuple[float, float],
    reach: float,
    n: int,
) -> shapely.Polygon:
    """The baseline: n rays, STRtree candidates, nearest hit per ray, polygon."""
    angles = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    d = np.column_stack([np.cos(angles), np.sin(angles)])
    q = np.asarray(origin)
    rays = shapely.linestrings(
        np.stack([np.broadcast_to(q, d.shape), q + reach * d], 1)
    )
    ray, seg = tree.query(rays, predicate="intersects")
    p, e = walls[seg, :2] - q, walls[seg, 2:] - walls[seg, :2]
    dr = d[ray]
    den = dr[:, 0] * e[:, 1] - dr[:, 1] * e[:, 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        s = (p[:, 0] * e[:, 1] - p[:, 1] * e[:, 0]) / den
    s = np.where((den != 0) & (s >= 0), s, np.inf)
    nearest = np.full(n, reach)
    np.minimum.at(nearest, ray, s)
    return shapely.Polygon(q + nearest[:, None] * d)


def timed(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    """Median wall time of ``repeat`` calls in ms, and the last result."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


@dataclass
class Row:
    """The figures of one scene; times are medians over the observers."""

    scene: str
    segments: int
    noded: int
    triangles: int
    prep_s: float
    room_ms: float = 0.0
    corridor_ms: float = 0.0
    exact_ms: float = 0.0
    max_ms: float = 0.0
    camera_ms: float = 0.0
    rays_ms: float = 0.0
    area_err: float = 0.0
    sym_err: float = 0.0


def measure(name: str, scene: Scene, args: argparse.Namespace) -> Row:
    """All figures of one scene."""
    segments = np.asarray(scene.segments, dtype=np.float64)
    t0 = time.perf_counter()
    index = build_visibility_index(segments)
    prep_s = time.perf_counter() - t0
    row = Row(name, len(segments), len(index.walls), len(index.mesh.tris) // 3, prep_s)
    measure_observers(row, index, segments, observers(scene, args.seed), args)
    return row


def measure_observers(
    row: Row,
    index: VisibilityIndex,
    segments: np.ndarray,
    people: list[tuple[str, float, float]],
    args: argparse.Namespace,
) -> None:
    """Exact, camera and baseline times and the baseline's errors, into ``row``."""
    x0, y0, x1, y1 = index.bounds
    frame = [[x0, y0, x1, y0], [x1, y0, x1, y1], [x1, y1, x0, y1], [x0, y1, x0, y0]]
    walls = np.vstack([segments, frame])
    tree = shapely.STRtree(np.asarray(shapely.linestrings(walls.reshape(-1, 2, 2))))
    reach = float(np.hypot(x1 - x0, y1 - y0))
    exact: dict[str, list[float]] = {"room": [], "corridor": []}
    camera, rays, area_err, sym_err = [], [], [], []
    for kind, x, y in people:
        ms, iso = timed(partial(isovist, index, (x, y)), args.repeat)
        exact[kind].append(ms)
        cam = partial(isovist, index, (x, y), direction_deg=90.0, fov_deg=90.0)
        camera.append(timed(partial(cam, range_m=30.0), args.repeat)[0])
        base = partial(ray_isovist, tree, walls, (x, y), reach, args.rays)
        ms_rays, poly = timed(base, 1)
        rays.append(ms_rays)
        area_err.append(abs(poly.area - iso.area_m2) / iso.area_m2)
        sym = shapely.symmetric_difference(shapely.make_valid(poly), iso.polygon)
        sym_err.append(sym.area / iso.area_m2)
    row.room_ms = statistics.median(exact["room"])
    row.corridor_ms = statistics.median(exact["corridor"])
    row.exact_ms = statistics.median(exact["room"] + exact["corridor"])
    row.max_ms = max(exact["room"] + exact["corridor"])
    row.camera_ms = statistics.median(camera)
    row.rays_ms = statistics.median(rays)
    row.area_err = statistics.median(area_err)
    row.sym_err = statistics.median(sym_err)


def print_table(rows: list[Row], rays: int) -> None:
    """One line per scene, as a markdown table."""
    print(
        "| scene | segments | noded | triangles | prep s"
        " | exact ms: median (rooms / corridors) | max ms | camera 90 deg 30 m ms"
        f" | {rays} rays ms | rays / exact | rays: area error / sym. difference |"
    )
    print("|---" * 11 + "|")
    for r in rows:
        print(
            f"| {r.scene} | {r.segments} | {r.noded} | {r.triangles} | {r.prep_s:.3f}"
            f" | {r.exact_ms:.3f} ({r.room_ms:.3f} / {r.corridor_ms:.3f})"
            f" | {r.max_ms:.2f} | {r.camera_ms:.3f} | {r.rays_ms:.1f}"
            f" | {r.rays_ms / r.exact_ms:.0f}x | {r.area_err:.2%} / {r.sym_err:.2%} |"
        )


def main() -> None:
    """Measure every scene and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rays", type=int, default=720)
    parser.add_argument("--only", default="", help="scene names containing this")
    args = parser.parse_args()
    rows = []
    for name, (rooms, wings) in SIZES.items():
        if args.only in name:
            rows.append(measure(name, school(rooms, wings, args.seed), args))
            print(f"  {name}: done", flush=True)
    print_table(rows, args.rays)


if __name__ == "__main__":
    main()
