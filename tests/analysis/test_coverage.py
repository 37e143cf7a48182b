"""Camera DORI bands and zone coverage, with hand-computed answers and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from designreview.analysis.coverage import (
    Dori,
    camera_bands,
    coverage,
    dori_distance_m,
    dori_plan_radius_m,
    slant_distance_m,
)
from designreview.analysis.obstacles import build_visibility_index
from designreview.analysis.rules.camera_identification import pixel_density
from designreview.model.markups import Camera, Stamp

S = Stamp("r", "t")
ROOM = np.array([[0, 0, 40, 0], [40, 0, 40, 40], [40, 40, 0, 40], [0, 40, 0, 0]], float)


def test_dori_distances_for_a_1080p_camera():
    cam = Camera("c", "s", S, S, (0.0, 0.0), 0.0, 90.0, 50.0, 1920)
    # 1920 px over 2 d tan(45°) = 2 d metres: d = 1920 / (2 * density)
    assert dori_distance_m(cam, Dori.DETECTION) == pytest.approx(38.4)
    assert dori_distance_m(cam, Dori.OBSERVATION) == pytest.approx(15.36)
    assert dori_distance_m(cam, Dori.RECOGNITION) == pytest.approx(7.68)
    assert dori_distance_m(cam, Dori.IDENTIFICATION) == pytest.approx(3.84)


def test_bands_nest_and_exclude_the_blind_zone():
    index = build_visibility_index(ROOM, 1.0)
    cam = Camera("c", "s", S, S, (20.0, 1.0), 90.0, 90.0, 30.0, 1920, 3.0)
    bands = camera_bands(index, cam)
    areas = [bands[level].area for level in Dori]
    assert areas == sorted(areas, reverse=True)  # detection >= ... >= identification
    # Identification holds up to 3.84 m from the lens, mounted 3.0 - 1.6 = 1.4 m
    # above a face: in plan up to sqrt(3.84^2 - 1.4^2) = sqrt(12.7856) = 3.5757 m.
    # A quarter disc of that radius minus the 3 m blind disc, both within the 90°
    # wedge pointing into the room (no walls in the way): pi (12.7856 - 9) / 4.
    expected = math.pi * (3.84**2 - 1.4**2 - 3.0**2) / 4
    assert bands[Dori.IDENTIFICATION].area == pytest.approx(expected, rel=0.01)
    under_lens = Point(20.0, 1.0)
    assert bands[Dori.IDENTIFICATION].distance(under_lens) > 2.99  # blind zone


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 30), st.floats(0, 30), st.floats(1, 10), st.floats(1, 10))
def test_coverage_stays_within_its_zone(x, y, w, h):
    zone = box(0, 0, 20, 20)
    view = box(x, y, x + w, y + h)
    result = coverage([zone], [view])
    assert 0.0 <= result.ratio <= 1.0
    assert result.covered_m2 <= zone.area + 1e-9
    assert result.uncovered.area == pytest.approx(zone.area - result.covered_m2)
    assert zone.buffer(1e-9).covers(result.uncovered)


# 1920 px across 90 degrees, mounted at 3.6 m: 2 m above a face at 1.6 m.
CAM_3_6 = Camera("c", "s", S, S, (20.0, 1.0), 90.0, 90.0, 30.0, 1920, 3.6)


@pytest.mark.parametrize(
    ("plan_m", "slant_m", "px_per_m"),
    [
        # slant sqrt(p^2 + 2^2); density 1920 / (2 slant tan 45°) = 960 / slant
        (3.0, math.sqrt(13.0), 266.25),  # 3.6056 m: identification (>= 250)
        (3.2, math.sqrt(14.24), 254.40),  # 3.7736 m: still identification
        (3.4, math.sqrt(15.56), 243.37),  # 3.9446 m: below 250 (plan alone: 282)
    ],
)
def test_pixel_density_uses_the_slant_distance_to_a_face(plan_m, slant_m, px_per_m):
    slant = slant_distance_m(CAM_3_6, plan_m)
    assert slant == pytest.approx(slant_m)
    assert pixel_density(CAM_3_6, slant) == pytest.approx(px_per_m, abs=0.01)


def test_band_radii_follow_the_slant_model():
    # Identification reaches 3.84 m from the lens: sqrt(3.84^2 - 2^2) = 3.2780 m in
    # plan, between the 3.2 m (254 px/m) and 3.4 m (243 px/m) above.
    radius = dori_plan_radius_m(CAM_3_6, Dori.IDENTIFICATION)
    assert radius == pytest.approx(math.sqrt(3.84**2 - 4.0))
    assert pixel_density(CAM_3_6, slant_distance_m(CAM_3_6, radius)) == (
        pytest.approx(250.0)
    )
    # Detection: sqrt(38.4^2 - 4) = 38.348 m, cut to the 30 m range on screen.
    assert dori_plan_radius_m(CAM_3_6, Dori.DETECTION) == pytest.approx(38.3479, 1e-4)


def test_a_band_is_empty_where_the_level_ends_above_the_faces():
    # Mounted at 5.5 m, 3.9 m above a face: identification (3.84 m from the lens)
    # reaches no face at all, recognition (7.68 m) does, to sqrt(7.68^2 - 3.9^2) =
    # 6.616 m in plan.
    index = build_visibility_index(ROOM, 1.0)
    high = Camera("c", "s", S, S, (20.0, 1.0), 90.0, 90.0, 30.0, 1920, 5.5)
    assert dori_plan_radius_m(high, Dori.IDENTIFICATION) == 0.0
    bands = camera_bands(index, high)
    assert bands[Dori.IDENTIFICATION].is_empty
    # A quarter disc of 6.616 m less the 5.5 m blind disc: pi (6.616^2 - 5.5^2) / 4.
    expected = math.pi * (7.68**2 - 3.9**2 - 5.5**2) / 4
    assert bands[Dori.RECOGNITION].area == pytest.approx(expected, rel=0.01)


def test_a_camera_below_face_height_uses_the_height_difference_too():
    # At 1.0 m, 0.6 m below a face: a face 3 m away is sqrt(9 + 0.36) = 3.0594 m off.
    low = Camera("c", "s", S, S, (0.0, 0.0), 0.0, 90.0, 30.0, 1920, 1.0)
    assert slant_distance_m(low, 3.0) == pytest.approx(math.sqrt(9.36))
