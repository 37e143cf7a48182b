"""Guessing what each drawing layer holds from its name.

Real plans follow no single layer standard (see the corpus manifest), so the rules are
data in ``resources/layer_rules.json``, not code: a new convention is a new pattern.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from designreview.model.plan import LayerCategory
from designreview.resources import read_resource_text


@dataclass(frozen=True, slots=True)
class LayerRule:
    """Names matching ``pattern`` hold ``category``."""

    category: LayerCategory
    pattern: re.Pattern[str]


@cache
def default_rules() -> tuple[LayerRule, ...]:
    """The shipped rules, in the order they are tried."""
    data = json.loads(read_resource_text("layer_rules.json"))
    return tuple(
        LayerRule(LayerCategory(entry["category"]), re.compile(pattern, re.IGNORECASE))
        for entry in data["rules"]
        for pattern in entry["patterns"]
    )


@cache
def _not_room_text_patterns() -> tuple[re.Pattern[str], ...]:
    data = json.loads(read_resource_text("layer_rules.json"))
    return tuple(
        re.compile(pattern, re.IGNORECASE)
        for pattern in data["not_room_text"]["patterns"]
    )


@cache
def is_equipment_layer(name: str) -> bool:
    """Whether a layer holds equipment, services or title-block texts, never room names.

    Fire-safety, electrical and plumbing tags and title blocks are matched by name,
    whatever category the layer has (``resources/layer_rules.json``,
    ``not_room_text``).

    Example:
        >>> names = ("Fire prevention", "E-LITE", "A-ANNO-ROOM")
        >>> [is_equipment_layer(n) for n in names]
        [True, True, False]
        >>> is_equipment_layer("FIRE SEPARATIONS")
        False
    """
    return any(pattern.search(name) for pattern in _not_room_text_patterns())


@cache
def _placeholder_texts() -> frozenset[str]:
    data = json.loads(read_resource_text("layer_rules.json"))
    return frozenset(data["placeholder_texts"]["texts"])


def is_placeholder_text(text: str) -> bool:
    """Whether a text is a CAD program's stand-in, typed by nobody (``resources/``).

    Example:
        >>> is_placeholder_text(" 天正单行文字输入 "), is_placeholder_text("教室")
        (True, False)
    """
    return text.strip() in _placeholder_texts()


def categorize_layer(
    name: str, rules: tuple[LayerRule, ...] | None = None
) -> LayerCategory:
    """The category a layer name suggests, OTHER when no rule matches.

    Example:
        >>> [categorize_layer(n).value for n in ("A-WALL", "MURO", "墙线", "Doors")]
        ['wall', 'wall', 'wall', 'door']
        >>> categorize_layer("E51_FENSTER").value, categorize_layer("0").value
        ('window', 'other')
    """
    for rule in rules if rules is not None else default_rules():
        if rule.pattern.search(name):
            return rule.category
    return LayerCategory.OTHER
