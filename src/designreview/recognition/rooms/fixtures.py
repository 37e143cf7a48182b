"""A type for unnamed rooms from the fixtures drawn in them (a toilet, a range).

Plans that number their rooms but never name them (an apartment block, a floor
of offices) still draw what is in a bathroom or a kitchen, as blocks called
``TOILET``, ``SHWR3030`` or ``KITSINK26``. The words are data
(``fixture_blocks`` in ``resources/space_types.json``). A room gets a fixture
type only when it has no name and no layer typed it, and only when all its
fixtures say the same: a studio flat with a kitchen and a shower in one room
stays untyped rather than typed against half of what it holds.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

import shapely

from designreview.model.building import DetectedSpace, TypeSource
from designreview.model.markups import SpaceType
from designreview.recognition.rooms.types import has_cjk, normalise_name
from designreview.resources import read_resource_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.geometry import Point2

__all__ = ["fixture_type", "type_by_fixtures"]

_LETTERS = re.compile(r"[^\W\d_]+")
_LONGEST_TERM_WORDS = 3


@cache
def _terms() -> tuple[dict[tuple[str, ...], SpaceType], dict[str, SpaceType]]:
    """Latin terms as word tuples, CJK terms as strings, each with its type."""
    data = json.loads(read_resource_text("space_types.json"))["fixture_blocks"]
    words: dict[tuple[str, ...], SpaceType] = {}
    cjk: dict[str, SpaceType] = {}
    for kind in (SpaceType.RESTROOM, SpaceType.OTHER):
        for term in data[kind.value]:
            norm = normalise_name(term)
            if has_cjk(norm):
                cjk[norm] = kind
            else:
                words[tuple(_LETTERS.findall(norm))] = kind
    return words, cjk


@cache
def fixture_type(block_name: str) -> SpaceType | None:
    """The room type a fixture block's name says, None for any other block.

    Example:
        >>> [fixture_type(n) for n in ("TOILET", "SHWR3030", "KITSINK26", "马桶-1")]
        [<SpaceType.RESTROOM: 'restroom'>, <SpaceType.RESTROOM: 'restroom'>, \
<SpaceType.OTHER: 'other'>, <SpaceType.RESTROOM: 'restroom'>]
        >>> fixture_type("BATT") is None, fixture_type("DOOR-36") is None
        (True, True)
    """
    words, cjk = _terms()
    norm = normalise_name(block_name)
    for term, kind in cjk.items():
        if term in norm:
            return kind
    tokens = _LETTERS.findall(norm)
    for start in range(len(tokens)):
        for end in range(start + 1, min(start + _LONGEST_TERM_WORDS, len(tokens)) + 1):
            said = words.get(tuple(tokens[start:end]))
            if said is not None:
                return said
    return None


def type_by_fixtures(
    spaces: Sequence[DetectedSpace], fixtures: Sequence[tuple[SpaceType, Point2]]
) -> tuple[DetectedSpace, ...]:
    """``spaces``, each unnamed untyped one whose fixtures agree typed by them.

    Args:
        spaces: the floor's rooms, in local metres.
        fixtures: each fixture's type and base point, in local metres.

    Example:
        >>> bath = DetectedSpace("b", ((0, 0), (2, 0), (2, 2), (0, 2)))
        >>> studio = DetectedSpace("s", ((3, 0), (9, 0), (9, 5), (3, 5)))
        >>> kinds = [(SpaceType.RESTROOM, (1, 1)), (SpaceType.RESTROOM, (4, 1)),
        ...          (SpaceType.OTHER, (8, 4))]
        >>> [s.space_type.value for s in type_by_fixtures([bath, studio], kinds)]
        ['restroom', 'unknown']
    """
    untyped = [
        i
        for i, s in enumerate(spaces)
        if s.space_type is SpaceType.UNKNOWN and not s.name
    ]
    if not untyped or not fixtures:
        return tuple(spaces)
    polygons = [shapely.Polygon(spaces[i].outline) for i in untyped]
    points = [shapely.Point(at) for _, at in fixtures]
    room_of, fixture_of = shapely.STRtree(points).query(polygons, predicate="contains")
    said: dict[int, set[SpaceType]] = defaultdict(set)
    for k, j in zip(room_of, fixture_of, strict=True):
        said[untyped[int(k)]].add(fixtures[int(j)][0])
    typed = list(spaces)
    for i, kinds in said.items():
        if len(kinds) == 1:
            typed[i] = replace(
                spaces[i], space_type=kinds.pop(), type_source=TypeSource.FIXTURES
            )
    return tuple(typed)
