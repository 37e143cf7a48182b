"""The responder map as GeoJSON and DXF: read back, checked against the plan."""

from __future__ import annotations

import json
from dataclasses import replace

import ezdxf
import pytest
import shapely
from shapely.geometry import shape

from designreview.analysis.geo_reference import geo_transform
from designreview.exports.dxf.map_dxf import write_map_dxf
from designreview.exports.map_geojson import map_geojson, write_map_geojson
from designreview.model.errors import DesignReviewError
from designreview.model.responder import GeoPoint
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path


@pytest.fixture(scope="module")
def sample():
    return load_review_and_plans(sample_review_path())


@pytest.fixture(scope="module")
def collection(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("geo") / "map.geojson"
    count = write_map_geojson(*sample, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert count == len(data["features"])
    return data


def of_kind(data, feature):
    return [f for f in data["features"] if f["properties"]["feature"] == feature]


def test_one_feature_per_room_door_item_and_grid_square(collection):
    # 31 rooms, 9 exterior doors, 17 responder marks, 13 x 10 squares of 25 ft.
    assert collection["type"] == "FeatureCollection"
    assert len(of_kind(collection, "room")) == 31
    assert len(of_kind(collection, "exterior_door")) == 9
    assert len(of_kind(collection, "asset")) == 17
    cells = of_kind(collection, "grid_cell")
    assert len(cells) == 13 * 10
    assert {c["properties"]["grid"] for c in cells} >= {"A1", "M10"}
    assert all(f["properties"]["grid"] for f in collection["features"])


def test_geometry_is_valid_geojson(collection):
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] in ("Point", "Polygon")
        if geometry["type"] == "Polygon":
            ring = geometry["coordinates"][0]
            assert ring[0] == ring[-1]  # closed
            # RFC 7946: exterior rings counter-clockwise.
            assert shapely.LinearRing(ring).is_ccw
        geom = shape(geometry)
        assert geom.is_valid
        for lon, lat in shapely.get_coordinates(geom):
            assert -180 <= lon <= 180
            assert -90 <= lat <= 90


def test_door_numbers_run_clockwise_round_the_building(collection, sample):
    doors = sorted(
        of_kind(collection, "exterior_door"),
        key=lambda f: f["properties"]["clockwise_order"],
    )
    numbers = [int(f["properties"]["number"][1:]) for f in doors]
    assert numbers == list(range(1, 10))
    # Seen from the building's middle, each next door lies clockwise of the last:
    # its bearing (in the drawing's metres) turns by a positive clockwise angle,
    # and the nine turns add up to one full circle.
    # The sample's README walks them: E1 mid-front (south), E2 at the west end,
    # E3 at the north end of the classroom wing, E4 to E7 eastwards along the
    # north side, E8 and E9 down the east side, north to south.
    xy = {f["properties"]["number"]: f["drawing_geometry"]["coordinates"]
          for f in doors}  # fmt: skip
    assert xy["E2"][0] == min(p[0] for p in xy.values())
    assert xy["E1"][1] == min(p[1] for p in xy.values())
    north_side = [xy[n][0] for n in ("E3", "E4", "E5", "E6", "E7")]
    assert north_side == sorted(north_side)
    assert xy["E8"][0] == xy["E9"][0] == max(p[0] for p in xy.values())
    assert xy["E8"][1] > xy["E9"][1]


def test_wgs84_from_the_two_reference_points(collection, sample):
    # The sample ties its building's south-west corner (30.48, 30.48) to 30.2672 N,
    # 97.7431 W; the main entry E1 at (76.2, 30.48), 45.72 m along the facade at a
    # bearing of 78 degrees, is 44.72 m east and 9.51 m north of it:
    # 9.51 / 110,849 m per degree of latitude at 30.27 N and 44.72 / 96,261 m per
    # degree of longitude give 30.267286 N, 97.742635 W.
    e1 = next(
        f for f in of_kind(collection, "exterior_door")
        if f["properties"]["number"] == "E1"
    )  # fmt: skip
    lon, lat = e1["geometry"]["coordinates"]
    assert lat == pytest.approx(30.267286, abs=2e-6)
    assert lon == pytest.approx(-97.742635, abs=2e-6)
    assert e1["drawing_geometry"]["coordinates"] == pytest.approx([76.2, 30.48])
    review, _ = sample
    a, b = review.responder.geo_reference
    t = geo_transform((a, b))
    assert t.lon_lat((b.x, b.y)) == pytest.approx((b.longitude, b.latitude))


def test_without_a_reference_the_geometry_is_in_drawing_metres(sample):
    review, plans = sample
    plain = replace(review, responder=replace(review.responder, geo_reference=()))
    data = map_geojson(plain, plans)
    assert data["crs"] == "drawing"
    room = next(
        f for f in of_kind(data, "room") if f["properties"]["number"] == "118"
    )  # fmt: skip
    # Room 118 spans x 49.073-57.836 m and y 70.180-79.172 m of the drawing.
    assert shape(room["geometry"]).bounds == pytest.approx(
        (49.0728, 70.1802, 57.8358, 79.1718), abs=1e-3
    )
    assert "drawing_geometry" not in room


def test_a_reference_of_one_point_is_refused(sample):
    review, plans = sample
    one = (GeoPoint(0.0, 0.0, 30.0, -97.0),)
    with pytest.raises(DesignReviewError, match="exactly two points"):
        map_geojson(
            replace(review, responder=replace(review.responder, geo_reference=one)),
            plans,
        )


def test_dxf_on_map_layers_in_the_drawing_units(sample, tmp_path):
    path = tmp_path / "map.dxf"
    count = write_map_dxf(*sample, path)
    doc = ezdxf.readfile(path)
    assert doc.header["$INSUNITS"] == 1  # inches, as the sample is drawn
    space = doc.modelspace()
    assert len(space) == count
    layers = {e.dxf.layer for e in space}
    expected = {"MAP-WALL", "MAP-GRID", "MAP-ROOM", "MAP-DOOR", "MAP-HALLWAY",
                "MAP-NORTH", "MAP-KEY-BOX", "MAP-AED", "MAP-GAS-SHUTOFF"}  # fmt: skip
    assert expected <= layers
    assert all(layer.startswith("MAP-") for layer in layers)
    door_texts = {
        e.dxf.text for e in space.query("TEXT") if e.dxf.layer == "MAP-DOOR"
    }  # fmt: skip
    assert {"E1 P", "E2 S", "E7 N", "E9 S"} <= door_texts
    rooms = {e.dxf.text: e for e in space.query("TEXT") if e.dxf.layer == "MAP-ROOM"}
    assert len(rooms) == 31
    # Room 118's number at its middle: x (49.0728 + 57.8358) / 2 = 53.4543 m and
    # y (70.1802 + 79.1718) / 2 = 74.676 m, over 0.0254 m an inch (2104.5, 2940.0).
    x, y, _ = rooms["118"].dxf.align_point
    assert (x, y) == pytest.approx((2104.5, 2940.0), abs=0.1)
    grid = [e for e in space if e.dxf.layer == "MAP-GRID"]
    assert len(grid) == 13 * 10
