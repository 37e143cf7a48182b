"""Guessing a room's type from its name, in the languages school plans come in.

The rules are data in ``resources/space_types.json`` (read once and cached, like the
layer rules); its ``notes`` explain the choices a reader may question, such as German
'Aula' against Spanish 'Aula 3' and why a kitchen is OTHER.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from designreview.model.markups import SpaceType
from designreview.model.plan import LayerCategory
from designreview.recognition.layers.rules import categorize_layer
from designreview.resources import read_resource_text

__all__ = [
    "SpaceTypeRule",
    "default_space_rules",
    "guess_space_type",
    "is_named_for_use",
    "is_space_layer",
]


@dataclass(frozen=True, slots=True)
class SpaceTypeRule:
    """Names matching ``pattern`` are rooms of type ``space_type``."""

    space_type: SpaceType
    pattern: re.Pattern[str]


@cache
def default_space_rules() -> tuple[SpaceTypeRule, ...]:
    """The shipped rules, in the order they are tried.

    Example:
        >>> default_space_rules()[0].space_type.value
        'safe_room'
    """
    data = json.loads(read_resource_text("space_types.json"))
    return tuple(
        SpaceTypeRule(SpaceType(entry["type"]), re.compile(pattern, re.IGNORECASE))
        for entry in data["rules"]
        for pattern in entry["patterns"]
    )


@cache
def guess_space_type(
    name: str, rules: tuple[SpaceTypeRule, ...] | None = None
) -> SpaceType:
    """The type a room name suggests, UNKNOWN when no rule matches.

    Example:
        >>> [guess_space_type(n).value for n in ("CLASSROOM", "Aula 3", "Aula", "食堂")]
        ['classroom', 'classroom', 'auditorium', 'cafeteria']
        >>> guess_space_type("KITCHEN").value, guess_space_type("Room 7").value
        ('other', 'unknown')
    """
    for rule in rules if rules is not None else default_space_rules():
        if rule.pattern.search(name):
            return rule.space_type
    return SpaceType.UNKNOWN


@cache
def is_space_layer(layer: str) -> bool:
    """Whether closed outlines on ``layer`` may be rooms.

    Room layers (``A-AREA-BNDY``, ``Raum``, ``房间``...) hold outlines; so do layers
    named after a kind of room (``Offices``, ``TOILETS``), as some plans sort their
    room polygons by use. Wall, furniture and other recognised layers never do.

    Example:
        >>> [is_space_layer(n) for n in ("A-AREA-BNDY", "00_Offices", "A-WALL", "0")]
        [True, True, False, False]
    """
    category = categorize_layer(layer)
    if category is LayerCategory.ROOM:
        return True
    return category is LayerCategory.OTHER and is_named_for_use(layer)


def is_named_for_use(layer: str) -> bool:
    """Whether a layer's name says what rooms it holds (``Offices``, ``Labs``).

    Example:
        >>> is_named_for_use("MEETING_ROOMS"), is_named_for_use("0_VOID")
        (True, False)
    """
    return guess_space_type(layer) is not SpaceType.UNKNOWN
