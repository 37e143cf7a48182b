"""Camera DORI bands and zone coverage, with hand-computed answers and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from designreview.analysis.coverage import Dori, camera_bands, coverage, dori_distance_m
from designreview.analysis.obstacles import build_visibility_index
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
    # Identification: a quarter disc of radius 3.84 m minus the 3 m blind disc,
    # both within the 90° wedge pointing into the room (no walls in the way).
    expected = math.pi * (3.84**2 - 3.0**2) / 4
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
