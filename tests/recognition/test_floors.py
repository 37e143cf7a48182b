"""Floors drawn side by side: found from empty bands between walls, named by titles."""

from __future__ import annotations

import numpy as np
import pytest

from designreview.model.geometry import Extents
from designreview.model.plan import TextLabel
from designreview.recognition.floors import FloorParams, find_floors


def floor_walls(x0: float, y0: float = 0.0, cell: float = 10.0) -> list[list[float]]:
    """Three square rooms in a row, ``cell`` metres each, the first at (x0, y0).

    12 wall lines (4 per room), 3 x cell wide and cell high, 12 x cell of wall.
    """
    walls = []
    for i in range(3):
        x = x0 + i * cell
        walls += [
            [x, y0, x + cell, y0],
            [x + cell, y0, x + cell, y0 + cell],
            [x + cell, y0 + cell, x, y0 + cell],
            [x, y0 + cell, x, y0],
        ]
    return walls


def text(words: str, x: float, y: float, height: float = 1.0) -> TextLabel:
    return TextLabel(words, (x, y), height, 0.0, "TEXT")


def outlines(floors: tuple) -> list[tuple[float, float, float, float]]:
    return [
        (f.outline.min_x, f.outline.min_y, f.outline.max_x, f.outline.max_y)
        for f in floors
    ]


def test_two_floors_with_a_wide_gap_are_two_floors_with_regions_to_the_gap() -> None:
    # Floors 0..30 and 40..70 (each 30 m wide, 10 m high): the 10 m band between
    # them is over 4 m and over 0.2 x 30 = 6 m, so it parts them; the cut is at
    # its middle, x = 35. Margin max(4, 0.05 x 30) = 4 m around each floor's
    # walls, stopped at the cut: regions x -4..34 and 36..74, y -4..14.
    walls = np.array(floor_walls(0) + floor_walls(40))
    floors = find_floors(walls)
    assert outlines(floors) == [(0, 0, 30, 10), (40, 0, 70, 10)]
    assert [f.region for f in floors] == [
        Extents(-4, -4, 34, 14),
        Extents(36, -4, 74, 14),
    ]
    # 12 lines each; 3 rooms of 4 x 10 m = 120 m of wall each.
    assert [(f.wall_count, f.wall_length_m) for f in floors] == [(12, 120), (12, 120)]
    assert [f.name for f in floors] == ["Floor 1", "Floor 2"]


def test_the_margin_stops_at_the_middle_of_a_narrow_band() -> None:
    # Floors 0..30 and 37..67: a 7 m band (over 6 m) parts them, cut at 33.5, so
    # the first region reaches 33.5, not 30 + 4 = 34.
    floors = find_floors(np.array(floor_walls(0) + floor_walls(37)))
    assert [f.region.max_x for f in floors] == [33.5, 71]
    assert floors[1].region.min_x == 33.5


def test_a_gap_too_narrow_to_part_floors_leaves_one_floor() -> None:
    # A 5 m band: over 4 m but under 0.2 x 30 = 6 m, so it is a court, not the
    # space between two plans: one floor with all 24 lines, outline 0..65.
    floors = find_floors(np.array(floor_walls(0) + floor_walls(35)))
    assert outlines(floors) == [(0, 0, 65, 10)]
    assert floors[0].wall_count == 24


def test_a_gap_under_four_metres_never_parts_floors() -> None:
    # Small plans (3 m rooms, 9 m wide): a 3.5 m band is over 0.2 x 9 = 1.8 m but
    # under the 4 m no drafter leaves between plans.
    walls = floor_walls(0, cell=3.0) + floor_walls(12.5, cell=3.0)
    assert len(find_floors(np.array(walls))) == 1


def test_three_floors_in_a_row_and_a_title_above_each() -> None:
    # Floors at x 0, 40, 80; titles 2 m above the walls (y = 12), outside them,
    # within the 4 m margin; room names inside are smaller and name nothing.
    walls = np.array(floor_walls(0) + floor_walls(40) + floor_walls(80))
    labels = [
        text("1ST FLOOR", 41, 12),
        text("GROUND FLOOR", 1, 12),
        text("2ND FLOOR", 81, 12),
        text("CLASS 1", 3, 5, 0.5),
        text("STAIR", 45, 5, 0.5),
    ]
    floors = find_floors(walls, labels)
    assert [f.name for f in floors] == ["GROUND FLOOR", "1ST FLOOR", "2ND FLOOR"]
    assert all(f.is_titled for f in floors)


def test_floors_in_a_grid_read_top_row_first_each_left_to_right() -> None:
    # Top row at y 0..10, bottom row at y -30..-20: a 20 m band between the rows
    # and a 10 m band between the columns. Reading order: (0, 0), (40, 0),
    # (0, -30), (40, -30), numbered Floor 1..4.
    walls = floor_walls(0, -30) + floor_walls(40, 0) + floor_walls(40, -30)
    walls += floor_walls(0, 0)
    floors = find_floors(np.array(walls))
    assert [(f.outline.min_x, f.outline.min_y) for f in floors] == [
        (0, 0),
        (40, 0),
        (0, -30),
        (40, -30),
    ]
    assert [f.name for f in floors] == ["Floor 1", "Floor 2", "Floor 3", "Floor 4"]


def test_diagrams_without_walls_and_a_small_detail_are_no_floors() -> None:
    # Two floors, and below them a legend of 12 wall lines: three 2 m squares,
    # 3 x 8 = 24 m of wall (over 20 m, but under 0.25 x 120 = 30 m), 10 m below
    # the floors. Pipe diagrams are drawn on other layers: they are no walls and
    # their texts lie outside every region.
    walls = floor_walls(0) + floor_walls(40) + floor_walls(0, -12, cell=2.0)
    labels = [text("PIPE DIAGRAMS", 0, -40, 3.0)]
    floors = find_floors(np.array(walls), labels)
    assert outlines(floors) == [(0, 0, 30, 10), (40, 0, 70, 10)]
    assert [f.name for f in floors] == ["Floor 1", "Floor 2"]


def test_one_floor_and_a_detail_is_one_plan_with_all_its_walls() -> None:
    # The detail (24 m of wall) is no floor; with one floor left, nothing is
    # split: one floor holding all 24 lines, outline 0..30 x -12..10.
    walls = floor_walls(0) + floor_walls(0, -12, cell=2.0)
    floors = find_floors(np.array(walls))
    assert outlines(floors) == [(0, -12, 30, 10)]
    assert floors[0].wall_count == 24


@pytest.mark.parametrize(
    "title",
    ["PLANTA BAJA", "NIVEL 2", "Nivell 1", "2E ÉTAGE", "1. OG", "二层", "Level 3"],
)
def test_a_title_naming_a_level_wins_over_a_larger_text(title: str) -> None:
    # "PROJECT X" is larger (2 m) but names no level; the level title (1 m) wins.
    walls = np.array(floor_walls(0) + floor_walls(40))
    labels = [text("PROJECT X", 0, 11, 2.0), text(title, 10, 12)]
    assert find_floors(walls, labels)[0].name == title


def test_without_a_level_word_a_title_must_be_clearly_larger_than_room_names() -> None:
    # Room names are 0.5 m. "WEST WING" (1 m, twice as tall) is a title; "EAST"
    # at 0.6 m is not (under 1.5 x 0.5 = 0.75 m); a dimension "12.50" never is.
    walls = np.array(floor_walls(0) + floor_walls(40))
    labels = [
        text("WEST WING", 0, 12),
        text("CLASS", 5, 5, 0.5),
        text("EAST", 40, 12, 0.6),
        text("CLASS", 45, 5, 0.5),
        text("12.50", 50, -2, 3.0),
    ]
    assert [f.name for f in find_floors(walls, labels)] == ["WEST WING", "Floor 2"]


def test_a_legend_row_below_a_floor_names_nothing() -> None:
    # Three legend entries 1 m tall, 2 m below the walls, and no room names: the
    # largest is no title, since two others beside the walls are as large.
    walls = np.array(floor_walls(0) + floor_walls(40))
    legend = [text(w, x, -2) for w, x in (("Offices", 0), ("Stores", 10), ("WC", 20))]
    assert find_floors(walls, legend)[0].name == "Floor 1"


def test_a_text_beyond_the_margin_names_no_floor() -> None:
    # 5 m above the walls: past the 4 m margin, so it is not the floor's title.
    walls = np.array(floor_walls(0) + floor_walls(40))
    assert find_floors(walls, [text("GROUND FLOOR", 0, 15)])[0].name == "Floor 1"


def test_two_floors_with_the_same_title_get_different_names() -> None:
    walls = np.array(floor_walls(0) + floor_walls(40))
    labels = [text("TYPICAL FLOOR", 0, 12), text("TYPICAL FLOOR", 40, 12)]
    names = [f.name for f in find_floors(walls, labels)]
    assert names == ["TYPICAL FLOOR", "TYPICAL FLOOR (2)"]


def test_no_walls_no_floors() -> None:
    assert find_floors(np.zeros((0, 4))) == ()


def test_thresholds_are_parameters() -> None:
    # The 5 m band parts the floors when a band of 0.1 x 30 = 3 m is enough.
    walls = np.array(floor_walls(0) + floor_walls(35))
    assert len(find_floors(walls, params=FloorParams(gap_share=0.1))) == 2
