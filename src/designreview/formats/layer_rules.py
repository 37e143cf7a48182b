"""Guessing what each drawing layer holds from its name.

Real plans follow no single layer standard (see the corpus manifest), so the rules are
data in ``resources/layer_rules.json``, not code: a new convention is a new pattern.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from designreview.formats.resources import read_resource_text
from designreview.model.plan import LayerCategory


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
