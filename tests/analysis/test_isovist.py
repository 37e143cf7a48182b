"""Isovists and sightlines: answers by hand, a brute-force reference, properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from designreview.analysis.isovist import (
    CIRCLE_QUAD_SEGS,
    ON_WALL_M,
    build_visibility_index,
    isovist,
    sightline,
)
from designreview.analysis.obstacles import obstacle_segments
from designreview.model.geometry import Extents
from designreview.model.plan import LayerCategory, LayerInfo, Linework, Plan
from designreview.model.units import LengthUnit


def ring_walls(*points: tuple[float, float]) -> list[list[float]]:
    """The walls around a closed outline."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return [[x1, y1, x2, y2] for (x1, y1), (x2, y2) in pairs]


SQUARE = ring_walls((0, 0), (10, 0), (10, 10), (0, 10))
L_ROOM = ring_walls((0, 0), (10, 0), (10, 4), (4, 4), (4, 10), (0, 10))
# A 10 x 10 room split along y = 5 by a wall with a 1 m door gap from x = 4 to x = 5.
DOOR_ROOMS = [*SQUARE, [0, 5, 4, 5], [5, 5, 10, 5]]
POLYGON_128_AREA = CIRCLE_QUAD_SEGS * 2 * math.sin(2 * math.pi / (4 * CIRCLE_QUAD_SEGS))
"""Area of the 128-gon inscribed in the unit circle: (n / 2) sin(2 pi / n)."""


def reference_polygon(
    walls: np.ndarray, box: tuple[float, float, float, float], q: tuple[float, float]
) -> shapely.Polygon:
    """Exact visibility polygon by brute force, O(n^2), independent of the mesh.

    Between two consecutive directions to wall end points the nearest wall cannot
    change (noded walls do not cross), so each such angular interval sees one wall,
    found by casting the ray through the middle of the interval; the visible part is
    the triangle from q to that wall between the interval's two directions.
    """
    x0, y0, x1, y1 = box
    frame = ring_walls((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    segs = np.vstack([noded_by_geos(walls), frame])
    qx, qy = q
    ends = np.vstack([segs[:, :2], segs[:, 2:]])
    angles = np.unique(np.arctan2(ends[:, 1] - qy, ends[:, 0] - qx))
    angles = np.append(angles, angles[0] + 2 * np.pi)
    middle = (angles[:-1] + angles[1:]) / 2
    nearest = np.argmin(ray_distances(segs, q, middle), axis=1)
    start = ray_points(segs[nearest], q, angles[:-1])
    end = ray_points(segs[nearest], q, angles[1:])
    return shapely.Polygon(np.stack([start, end], axis=1).reshape(-1, 2)).buffer(0)


def noded_by_geos(walls: np.ndarray) -> np.ndarray:
    """Walls split where they cross, by ``shapely.node`` alone, as (N, 4)."""
    if not len(walls):
        return np.empty((0, 4))
    lines = shapely.multilinestrings(np.asarray(walls, dtype=float).reshape(-1, 2, 2))
    parts = shapely.get_parts(shapely.node(lines))
    coords, which = shapely.get_coordinates(parts, return_index=True)
    same = which[1:] == which[:-1]
    return np.hstack([coords[:-1][same], coords[1:][same]])


def ray_distances(
    segs: np.ndarray, q: tuple[float, float], theta: np.ndarray
) -> np.ndarray:
    """(rays, segments) distance from q along each ray to each segment (inf: missed)."""
    d = np.stack([np.cos(theta), np.sin(theta)], axis=1)[:, None, :]
    p = segs[None, :, :2] - np.asarray(q)
    e = segs[None, :, 2:] - segs[None, :, :2]
    den = d[..., 0] * e[..., 1] - d[..., 1] * e[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        s = (p[..., 0] * e[..., 1] - p[..., 1] * e[..., 0]) / den
        u = (p[..., 0] * d[..., 1] - p[..., 1] * d[..., 0]) / den
    return np.where((den != 0) & (s > 0) & (u >= 0) & (u <= 1), s, np.inf)


def ray_points(
    segs: np.ndarray, q: tuple[float, float], theta: np.ndarray
) -> np.ndarray:
    """Where ray i meets the line of segment i."""
    d = np.stack([np.cos(theta), np.sin(theta)], axis=1)
    p, e = segs[:, :2] - np.asarray(q), segs[:, 2:] - segs[:, :2]
    s = (p[:, 0] * e[:, 1] - p[:, 1] * e[:, 0]) / (
        d[:, 0] * e[:, 1] - d[:, 1] * e[:, 0]
    )
    return np.asarray(q) + s[:, None] * d


def grid_plan(seed: int, n: int = 7) -> np.ndarray:
    """A random orthogonal plan: unit wall pieces on an n x n grid, some left out
    (doors), and a few diagonal walls; many collinear and touching pieces."""
    rng = np.random.default_rng(seed)
    segs = []
    for i in range(n + 1):
        for j in range(n):
            if rng.random() < 0.55:
                segs.append([i, j, i, j + 1])
            if rng.random() < 0.55:
                segs.append([j, i, j + 1, i])
    for x, y in rng.integers(0, n, size=(3, 2)).tolist():
        segs.append([x + 0.5, y + 0.25, x + 1.5, y + 1.75])
    return np.asarray(segs, dtype=float)


def cross2(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """z of the cross product of 2-d vectors (rows)."""
    return np.asarray(u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0])


def sym_diff_ratio(a: shapely.Geometry, b: shapely.Geometry) -> float:
    return float(shapely.symmetric_difference(a, b).area / max(b.area, 1e-300))


# --- hand-computed answers ---------------------------------------------------------


def test_square_room_sees_the_whole_room() -> None:
    index = build_visibility_index(SQUARE)
    view = isovist(index, (3.0, 4.0))
    assert view.area_m2 == pytest.approx(100.0, rel=1e-12)
    assert sym_diff_ratio(view.polygon, shapely.box(0, 0, 10, 10)) < 1e-12
    assert view.origin == (3.0, 4.0)


@pytest.mark.parametrize(
    ("origin", "area"),
    [
        # In the lower arm, at (8, 2). The whole lower arm [0,10] x [0,4] is seen
        # (40 m2). Of the upper arm [0,4] x [4,10], only what lies below the ray from
        # (8, 2) past the reflex corner (4, 4) is seen: that line is y = 6 - x / 2,
        # so it meets x = 0 at y = 6 and the triangle (0,4), (4,4), (0,6) is seen:
        # 4 * 2 / 2 = 4 m2. Total 44 m2.
        ((8.0, 2.0), 44.0),
        # In the square where the arms meet, everything is seen: 40 + 4 * 6 = 64 m2.
        ((2.0, 2.0), 64.0),
        # In the upper arm at (2, 8): the ray past (4, 4) is y - 8 = -2 (x - 2), which
        # meets y = 0 at x = 6. Seen: the upper arm (24 m2), the corner square [0,4]
        # x [0,4] (16 m2) and the triangle (4,4), (4,0), (6,0) (2 * 4 / 2 = 4 m2): 44.
        ((2.0, 8.0), 44.0),
    ],
)
def test_l_shaped_room(origin: tuple[float, float], area: float) -> None:
    view = isovist(build_visibility_index(L_ROOM), origin)
    assert view.area_m2 == pytest.approx(area, rel=1e-12)


def test_l_shaped_room_polygon_vertices() -> None:
    view = isovist(build_visibility_index(L_ROOM), (8.0, 2.0))
    expected = shapely.Polygon([(0, 0), (10, 0), (10, 4), (4, 4), (0, 6)])
    assert sym_diff_ratio(view.polygon, expected) < 1e-12


def test_view_through_a_door_gap() -> None:
    # From (4.5, 2.5), below the middle of the gap: the lower room (50 m2) and, in the
    # upper room, the trapezoid between the rays past the jambs (4, 5) and (5, 5).
    # They climb 2.5 m per 0.5 m sideways, so at y = 10 they reach x = 3 and x = 6:
    # (1 + 3) / 2 * 5 = 10 m2. Total 60 m2.
    index = build_visibility_index(DOOR_ROOMS)
    view = isovist(index, (4.5, 2.5))
    assert view.area_m2 == pytest.approx(60.0, rel=1e-12)
    upper = shapely.Polygon([(4, 5), (5, 5), (6, 10), (3, 10)])
    expected = shapely.union(shapely.box(0, 0, 10, 5), upper)
    assert sym_diff_ratio(view.polygon, expected) < 1e-12


@pytest.mark.parametrize("direction", [0.0, 45.0, 90.0, 137.0, 180.0, 300.0, -30.0])
def test_quarter_view_cone_from_the_centre_of_a_square(direction: float) -> None:
    # Four 90 degree cones from the centre tile the square, so each is a quarter.
    view = isovist(
        build_visibility_index(SQUARE), (5.0, 5.0), direction_deg=direction, fov_deg=90
    )
    assert view.area_m2 == pytest.approx(25.0, rel=1e-12)
    assert view.polygon.is_valid
    assert view.polygon.boundary.distance(shapely.Point(5, 5)) < 1e-12


def test_view_cone_wider_than_half_a_turn() -> None:
    # 270 degrees looking up from the centre: everything but the quarter below-right.
    view = isovist(
        build_visibility_index(SQUARE), (5.0, 5.0), direction_deg=135.0, fov_deg=270
    )
    assert view.area_m2 == pytest.approx(75.0, rel=1e-12)
    assert not view.polygon.contains(shapely.Point(8, 2))


def test_range_clips_to_a_flattened_disk() -> None:
    index = build_visibility_index(ring_walls((0, 0), (100, 0), (100, 100), (0, 100)))
    view = isovist(index, (50.0, 50.0), range_m=3.0)
    assert view.area_m2 == pytest.approx(9 * POLYGON_128_AREA, rel=1e-9)
    assert view.area_m2 == pytest.approx(9 * math.pi, rel=5e-4)
    camera = isovist(index, (50.0, 50.0), direction_deg=90, fov_deg=90, range_m=3.0)
    assert camera.area_m2 == pytest.approx(9 * POLYGON_128_AREA / 4, rel=1e-9)


def test_range_and_walls_together() -> None:
    # From (4.5, 2.5) in the lower room, 4 m of range: the wall at y = 5 is 2.5 m
    # away and cuts the disk, except where the door gap lets the view through.
    index = build_visibility_index(DOOR_ROOMS)
    view = isovist(index, (4.5, 2.5), range_m=4.0)
    unlimited = isovist(index, (4.5, 2.5))
    disk = shapely.Point(4.5, 2.5).buffer(4.0, quad_segs=CIRCLE_QUAD_SEGS)
    assert sym_diff_ratio(view.polygon, unlimited.polygon.intersection(disk)) < 1e-12


def test_outside_the_walls_sees_up_to_the_box() -> None:
    # Box (-2, -2)-(12, 12) around the room. From (-1, 5): the strip x in [-2, 0]
    # (2 * 14 = 28 m2) and, past the corners (0, 10) and (0, 0), the rays of slope
    # +-5 reach y = 12 and y = -2 at x = 0.4: two triangles of 2 * 0.4 / 2 = 0.4 m2.
    index = build_visibility_index(SQUARE, bounds_margin_m=2.0)
    view = isovist(index, (-1.0, 5.0))
    assert index.bounds == (-2.0, -2.0, 12.0, 12.0)
    assert view.area_m2 == pytest.approx(28.8, rel=1e-12)


# --- sightlines --------------------------------------------------------------------


def test_sightline_blocked_by_a_wall() -> None:
    index = build_visibility_index(DOOR_ROOMS)
    line = sightline(index, (1.0, 1.0), (1.0, 9.0))
    assert not line.is_clear
    assert line.blocked_at == pytest.approx((1.0, 5.0))
    assert line.blocking_segment == ((0.0, 5.0), (4.0, 5.0))


def test_sightline_through_the_door_gap_is_clear() -> None:
    line = sightline(build_visibility_index(DOOR_ROOMS), (4.5, 1.0), (4.5, 9.0))
    assert line.is_clear
    assert line.blocked_at is None
    assert line.blocking_segment is None


def test_sightline_reports_the_first_of_several_walls() -> None:
    walls = [[3, -1, 3, 1], [1, -1, 1, 1], [2, -1, 2, 1]]
    line = sightline(build_visibility_index(walls), (0.0, 0.0), (5.0, 0.0))
    assert line.blocked_at == (1.0, 0.0)
    assert line.blocking_segment == ((1.0, -1.0), (1.0, 1.0))


@pytest.mark.parametrize(
    ("walls", "clear"),
    [
        ([[2, 0, 2, 1]], True),  # grazes a wall end
        ([[2, 0, 2, 1], [2, 0, 2, -1]], False),  # through a corner, walls both sides
        ([[2, 0, 2, 1], [2, 0, 3, -1]], False),  # ... not in line
        ([[2, 0, 2, 1], [2, 0, 3, 1]], True),  # a corner on one side only
        ([[1, 0, 3, 0]], True),  # runs along a wall
        ([[2, 1, 2, 0], [2, 0, 3, 0], [3, 0, 3, -1]], False),  # a zig-zag along it
        ([[2, 1, 2, 0], [2, 0, 3, 0], [3, 0, 3, 1]], True),  # a U on one side
        ([[0, -1, 0, 1], [4, -1, 4, 1]], True),  # walls at both ends only
    ],
)
def test_sightline_degenerate_contacts(walls: list[list[float]], clear: bool) -> None:
    assert (
        sightline(build_visibility_index(walls), (0.0, 0.0), (4.0, 0.0)).is_clear
        is clear
    )


def test_sightline_to_itself_is_clear() -> None:
    assert sightline(build_visibility_index(SQUARE), (2.0, 2.0), (2.0, 2.0)).is_clear


def test_sightline_needs_finite_points() -> None:
    with pytest.raises(ValueError, match="not finite"):
        sightline(build_visibility_index(SQUARE), (2.0, 2.0), (math.inf, 2.0))


def test_range_beyond_the_box_changes_nothing() -> None:
    index = build_visibility_index(SQUARE)
    assert isovist(index, (5.0, 5.0), range_m=1e300).area_m2 == 100.0


def test_a_cone_too_narrow_to_hold_area_is_empty() -> None:
    index = build_visibility_index(SQUARE)
    view = isovist(index, (5.0, 5.0), direction_deg=30, fov_deg=1e-12)
    assert view.polygon.is_empty
    assert view.area_m2 == 0.0
    # Still exact a little wider: a thin triangle from (5, 5) to the wall x = 10,
    # half-angle a, area 2 * (5 * 5 tan a) / 2.
    thin = isovist(index, (5.0, 5.0), direction_deg=0, fov_deg=1e-6)
    assert thin.area_m2 == pytest.approx(25 * math.tan(math.radians(0.5e-6)), rel=1e-6)


# --- bad input and degenerate walls --------------------------------------------------


@pytest.mark.parametrize(
    ("origin", "message"),
    [
        ((5.0, 0.0), "lies on a wall"),  # on a wall
        ((0.0, 0.0), "lies on a wall"),  # on a corner
        ((4.0, 5.0), "lies on a wall"),  # on a free wall end (a door jamb)
        ((50.0, 5.0), "outside"),
        ((-10.0, 5.0), "outside"),  # on the box
        ((math.nan, 5.0), "outside"),
    ],
)
def test_origin_on_a_wall_or_outside_raises(
    origin: tuple[float, float], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        isovist(build_visibility_index(DOOR_ROOMS), origin)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fov_deg": 0.0, "direction_deg": 0.0}, "fov_deg"),
        ({"fov_deg": 361.0, "direction_deg": 0.0}, "fov_deg"),
        ({"fov_deg": 90.0}, "direction_deg"),
        ({"range_m": 0.0}, "range_m"),
        ({"range_m": -1.0}, "range_m"),
        ({"range_m": math.inf}, "range_m"),
        ({"fov_deg": 90.0, "direction_deg": math.nan}, "direction_deg"),
    ],
)
def test_bad_view_arguments_raise(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        isovist(build_visibility_index(SQUARE), (5.0, 5.0), **kwargs)


def test_nothing_to_bound_raises_but_extents_suffice() -> None:
    with pytest.raises(ValueError, match="nothing to bound"):
        build_visibility_index(np.empty((0, 4)))
    with pytest.raises(ValueError, match="bounds_margin_m"):
        build_visibility_index(SQUARE, bounds_margin_m=0.0)
    index = build_visibility_index([], 1.0, extents=Extents(0, 0, 4, 3))
    assert isovist(index, (1.0, 1.0)).area_m2 == pytest.approx(6 * 5)


def test_zero_length_and_non_finite_segments_are_dropped() -> None:
    walls = [*SQUARE, [3, 3, 3, 3], [math.nan, 0, 1, 1], [0, math.inf, 1, 1]]
    index = build_visibility_index(walls)
    assert len(index.segments) == 4
    assert isovist(index, (3.0, 3.5)).area_m2 == pytest.approx(100.0)


@pytest.mark.parametrize(
    "walls",
    [
        [[0, 0, 4, 4], [0, 4, 4, 0]],  # crossing
        [[0, 0, 4, 0], [2, 0, 2, 3]],  # T-junction
        [[0, 0, 4, 0], [1, 0, 6, 0], [2, 0, 3, 0]],  # overlapping, collinear
        [[0, 0, 4, 0], [4, 0, 0, 0], [0, 0, 4, 0]],  # duplicates, reversed
        [[0, 0, 2, 0], [2, 0, 4, 0], [4, 0, 4, 2]],  # end to end
        [[0, 0, 4, 0], [2, 1e-12, 2, 2]],  # nearly touching: rounded to touch
        [[0, 0, 4, 0.001], [0, 0.001, 4, 0]],  # a very flat crossing
        [
            [2, 2, 2 + math.cos(a), 2 + math.sin(a)] for a in np.linspace(0, 6, 13)
        ],  # star
        np.random.default_rng(3).uniform(0, 5, (60, 4)).tolist(),  # a tangle
    ],
)
def test_every_wall_is_made_of_opaque_edges(walls: list[list[float]]) -> None:
    index = build_visibility_index(walls, 1.0)
    mesh = index.mesh
    assert mesh.skipped == 0
    tv, xs, ys = np.asarray(mesh.tris), np.asarray(mesh.xs), np.asarray(mesh.ys)
    nxt = tv.reshape(-1, 3)[:, [1, 2, 0]].ravel()
    a, b = np.column_stack([xs[tv], ys[tv]]), np.column_stack([xs[nxt], ys[nxt]])
    opaque = shapely.linestrings(np.stack([a, b], axis=1)[np.asarray(mesh.twins) < 0])
    box = shapely.box(*index.bounds).boundary
    drawn = shapely.union_all(shapely.linestrings(np.reshape(walls, (-1, 2, 2))))
    # Equal up to the 1 micrometre grid that coordinates are rounded to, plus what
    # GEOS's noding moves where walls meet at a shallow angle (also < 1 micrometre).
    near_opaque = shapely.union_all(opaque).buffer(2e-6)
    near_drawn = shapely.union(drawn, box).buffer(2e-6)
    assert shapely.difference(drawn, near_opaque).length == 0
    assert shapely.difference(shapely.union_all(opaque), near_drawn).length == 0


def test_snap_rounding_takes_over_when_fast_noding_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(geometry: object) -> None:
        raise shapely.errors.GEOSException("TopologyException: side location conflict")

    monkeypatch.setattr(shapely, "node", failing)
    walls = [*L_ROOM, [1, 1, 3, 3], [1, 3, 3, 1]]  # and an X inside: noded in 4
    index = build_visibility_index(walls)
    assert index.mesh.skipped == 0
    assert len(index.walls) == 6 + 4
    view = isovist(index, (8.0, 2.0))
    # As in test_l_shaped_room (44 m2), less the shadow of the X. Its near half, the
    # arms (2,2)-(3,3) and (2,2)-(3,1), hides what lies between the rays from (8, 2)
    # past (3, 3) and (3, 1), slopes -1/5 and +1/5: they reach x = 0 at y = 3.6 and
    # y = 0.4. Shadow (3,3), (0,3.6), (0,0.4), (3,1), (2,2), by the shoelace formula:
    # (10.8 + 0 - 1.2 + 4 + 0) / 2 = 6.8 m2. Visible: 44 - 6.8 = 37.2 m2.
    assert view.area_m2 == pytest.approx(37.2, rel=1e-12)
    outline = [(10, 4), (4, 4), (0, 6), (0, 3.6), (3, 3), (2, 2), (3, 1), (0, 0.4)]
    expected = shapely.Polygon([*outline, (0, 0), (10, 0)])
    assert sym_diff_ratio(view.polygon, expected) < 1e-12


def test_triangles_are_counter_clockwise_and_tile_the_box() -> None:
    index = build_visibility_index(grid_plan(11), 1.0)
    mesh = index.mesh
    xy = np.column_stack([mesh.xs, mesh.ys])[np.reshape(mesh.tris, (-1, 3))]
    doubled = cross2(xy[:, 1] - xy[:, 0], xy[:, 2] - xy[:, 0])
    assert (doubled > 0).all()
    x0, y0, x1, y1 = index.bounds
    assert doubled.sum() / 2 == pytest.approx((x1 - x0) * (y1 - y0), rel=1e-12)


def test_geos_cdt_keeps_only_polygon_rings() -> None:
    """Why the walls are inserted by hand: ``shapely.constrained_delaunay_triangles``
    keeps ring edges (even collinear vertices) but drops a free wall end (a slit)."""
    ring = shapely.Polygon([(0, 0), (5, 0), (10, 0), (10, 10), (0, 10)])
    parts = shapely.get_parts(shapely.constrained_delaunay_triangles(ring))
    assert any((5.0, 0.0) in p.exterior.coords for p in parts)
    slit = shapely.Polygon(
        [(0, 0), (10, 0), (10, 10), (5, 10), (5, 5), (5, 10), (0, 10)]
    )
    parts = shapely.get_parts(shapely.constrained_delaunay_triangles(slit))
    assert not any((5.0, 5.0) in p.exterior.coords for p in parts)


def test_glazing_is_not_an_obstacle() -> None:
    wall = np.array([[0.0, 0.0, 4.0, 0.0], [6.0, 0.0, 10.0, 0.0]])
    glass = np.array([[4.0, 0.0, 6.0, 0.0]])
    layers = (
        LayerInfo("A-WALL", LayerCategory.WALL, 2),
        LayerInfo("A-GLAZ", LayerCategory.WINDOW, 1),
    )
    plan = Plan(
        "p",
        "AC1027",
        LengthUnit.METRE,
        1.0,
        (0.0, 0.0),
        Extents(0, 0, 10, 0),
        layers,
        (Linework("A-WALL", wall), Linework("A-GLAZ", glass)),
    )
    index = build_visibility_index(obstacle_segments(plan))
    assert sightline(index, (5.0, -1.0), (5.0, 1.0)).is_clear
    assert not sightline(index, (2.0, -1.0), (2.0, 1.0)).is_clear


# --- against a brute-force reference ----------------------------------------------


@pytest.mark.parametrize("seed", range(25))
def test_matches_brute_force_on_random_orthogonal_plans(seed: int) -> None:
    walls = grid_plan(seed)
    index = build_visibility_index(walls, 1.0)
    rng = np.random.default_rng(1000 + seed)
    lines = shapely.multilinestrings(walls.reshape(-1, 2, 2))
    origins = [tuple(rng.uniform(-0.5, 7.5, 2)) for _ in range(3)]
    origins += [(rng.integers(0, 7) + 0.5, float(rng.integers(1, 7)))]  # on grid lines
    for q in origins:
        if lines.distance(shapely.Point(q)) == 0:
            continue
        view = isovist(index, q)
        assert view.polygon.is_valid
        assert (
            sym_diff_ratio(view.polygon, reference_polygon(walls, index.bounds, q))
            < 1e-9
        )


# --- properties -------------------------------------------------------------------

coordinate = st.one_of(st.integers(0, 40).map(lambda i: i * 0.25), st.floats(0, 10))
wall_sets = st.lists(
    st.tuples(coordinate, coordinate, coordinate, coordinate), max_size=25
)
origins = st.tuples(st.floats(-0.9, 10.9), st.floats(-0.9, 10.9))
views = st.one_of(
    st.just((None, 360.0)),
    st.tuples(st.floats(-720, 720), st.floats(1.0, 359.0)),
    st.tuples(
        st.sampled_from([0.0, 45.0, 90.0, 135.0, 180.0]), st.sampled_from([90.0, 180.0])
    ),
)


def crosses_a_wall(q: np.ndarray, v: np.ndarray, walls: np.ndarray) -> bool:
    """Whether segment q-v properly crosses a wall away from both ends (tolerant)."""
    p1, p2 = walls[:, :2], walls[:, 2:]
    d, e = v - q, p2 - p1
    scale = 1e-9 * np.hypot(*d) * np.hypot(e[:, 0], e[:, 1])
    o1, o2 = cross2(d, p1 - q), cross2(d, p2 - q)
    o3, o4 = cross2(e, q - p1), cross2(e, v - p1)
    apart = (np.minimum(abs(o1), abs(o2)) > scale) & (
        np.minimum(abs(o3), abs(o4)) > scale
    )
    return bool(np.any((o1 * o2 < 0) & (o3 * o4 < 0) & apart))


@settings(max_examples=150, deadline=None)
@given(walls=wall_sets, origin=origins, view=views)
def test_isovist_properties(
    walls: list[tuple[float, ...]],
    origin: tuple[float, float],
    view: tuple[float | None, float],
) -> None:
    index = build_visibility_index(
        np.reshape(walls, (-1, 4)), 1.0, extents=Extents(0, 0, 10, 10)
    )
    direction, fov = view
    try:
        result = isovist(index, origin, direction_deg=direction, fov_deg=fov)
    except ValueError:  # only allowed when the origin is on a wall
        lines = shapely.multilinestrings(index.segments.reshape(-1, 2, 2))
        assert lines.distance(shapely.Point(origin)) <= ON_WALL_M
        return
    polygon = result.polygon
    assert polygon.is_valid
    if fov == 360.0:
        assert polygon.contains(shapely.Point(origin))
    else:
        assert polygon.distance(shapely.Point(origin)) < 1e-9
    x0, y0, x1, y1 = index.bounds
    assert result.area_m2 <= (x1 - x0) * (y1 - y0) * (1 + 1e-12)
    assert result.area_m2 == pytest.approx(polygon.area)
    q = np.asarray(origin)
    for v in np.asarray(polygon.exterior.coords):
        shrunk = q + (1 - 1e-6) * (v - q)
        assert not crosses_a_wall(q, shrunk, index.walls), (origin, v.tolist())


@settings(max_examples=60, deadline=None)
@given(walls=wall_sets, a=origins, targets=st.lists(origins, min_size=1, max_size=8))
def test_sightline_agrees_with_isovist(
    walls: list[tuple[float, ...]],
    a: tuple[float, float],
    targets: list[tuple[float, float]],
) -> None:
    index = build_visibility_index(
        np.reshape(walls, (-1, 4)), 1.0, extents=Extents(0, 0, 10, 10)
    )
    try:
        view = isovist(index, a).polygon
    except ValueError:
        return
    for b in targets:
        point = shapely.Point(b)
        if view.boundary.distance(point) < 1e-6:
            continue  # on the edge of what is seen: either answer is right
        assert sightline(index, a, b).is_clear == view.contains(point)


def test_same_query_same_answer() -> None:
    index = build_visibility_index(grid_plan(4), 1.0)
    first = isovist(index, (3.3, 3.6), direction_deg=10, fov_deg=200, range_m=3)
    second = isovist(index, (3.3, 3.6), direction_deg=10, fov_deg=200, range_m=3)
    assert shapely.equals_exact(first.polygon, second.polygon, tolerance=0)


def test_origins_on_and_beside_triangle_edges() -> None:
    # Points on see-through triangle edges (within rounding) start the expansion from
    # the two triangles around the edge; 1e-13 m to either side must give the same.
    walls = grid_plan(21)
    index = build_visibility_index(walls, 1.0)
    mesh = index.mesh
    rng = np.random.default_rng(5)
    lines = shapely.multilinestrings(walls.reshape(-1, 2, 2))
    see_through = [h for h, twin in enumerate(mesh.twins) if twin >= 0]
    for h in rng.choice(see_through, size=40).tolist():
        a, b = mesh.tris[h], mesh.tris[h - h % 3 + (h % 3 + 1) % 3]
        f = rng.uniform(0.1, 0.9)
        x = mesh.xs[a] + f * (mesh.xs[b] - mesh.xs[a])
        y = mesh.ys[a] + f * (mesh.ys[b] - mesh.ys[a])
        nx, ny = mesh.ys[a] - mesh.ys[b], mesh.xs[b] - mesh.xs[a]
        size = math.hypot(nx, ny)
        for offset in (0.0, 1e-13, -1e-13, 1e-11):
            q = (x + offset * nx / size, y + offset * ny / size)
            if lines.distance(shapely.Point(q)) < 1e-6:
                continue
            view = isovist(index, q)
            assert view.polygon.is_valid
            assert view.polygon.contains(shapely.Point(q))
            reference = reference_polygon(walls, index.bounds, q)
            assert sym_diff_ratio(view.polygon, reference) < 1e-9


@settings(max_examples=100, deadline=None)
@given(
    walls=wall_sets.filter(len),
    pick=st.floats(0, 1),
    along=st.floats(0, 1),
    distance=st.sampled_from([0.0, 1e-300, 1e-38, 1e-15, 1e-12, 1e-10, 2e-9, 1e-7]),
    angle=st.floats(0, 2 * math.pi),
)
def test_origins_next_to_walls(
    walls: list[tuple[float, ...]],
    pick: float,
    along: float,
    distance: float,
    angle: float,
) -> None:
    index = build_visibility_index(
        np.reshape(walls, (-1, 4)), 1.0, extents=Extents(0, 0, 10, 10)
    )
    if not len(index.segments):
        return
    x1, y1, x2, y2 = index.segments[int(pick * (len(index.segments) - 1))]
    q = (
        x1 + along * (x2 - x1) + distance * math.cos(angle),
        y1 + along * (y2 - y1) + distance * math.sin(angle),
    )
    try:
        view = isovist(index, q)
    except ValueError:
        view = None
    if view is None:  # on a wall as drawn, or as noded (a micrometre apart at most)
        drawn = shapely.multilinestrings(index.segments.reshape(-1, 2, 2))
        noded = shapely.multilinestrings(index.walls.reshape(-1, 2, 2))
        near = min(drawn.distance(shapely.Point(q)), noded.distance(shapely.Point(q)))
        assert near <= 1.01 * ON_WALL_M
        return
    assert view.polygon.is_valid
    assert view.polygon.contains(shapely.Point(q))


def test_a_wall_seen_exactly_edge_on_casts_no_shadow():
    """The origin on the wall's own line (x = 5e-324, the smallest float off 0):
    the wall (0, 0)-(0, 0.5) is seen edge-on and hides nothing, so the whole
    12 x 12 m index box (the 10 m extents plus 1 m round) is visible, as one
    valid polygon (it used to come back with a spike of no width)."""
    index = build_visibility_index(
        np.array([[0.0, 0.0, 0.0, 0.5]]), 1.0, extents=Extents(0, 0, 10, 10)
    )
    result = isovist(index, (5e-324, 3.0))
    assert result.polygon.is_valid
    assert result.area_m2 == pytest.approx(144.0)
    assert result.polygon.contains(shapely.Point(5e-324, 3.0))
