"""What the texts inside a room say: its name, its number and so its type.

Plans label rooms in many ways: a name above a number (``CLASSROOM`` / ``104``), a
name ending in its number (``Aula 3``), or a stamp of fields with full-width or
plain colons (``房间编号`` / ``房间名称``, ``Raumname: Büro``). Areas written in the
room are not names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from designreview.formats.layer_rules import categorize_layer
from designreview.formats.space_types import guess_space_type
from designreview.model.markups import SpaceType
from designreview.model.plan import LayerCategory

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.plan import TextLabel

__all__ = ["MAX_NAME_TEXTS", "RoomLabel", "read_room_label", "room_labels"]

MAX_NAME_TEXTS = 3
"""More texts in a room are notes, not its name."""
_NUMBER = re.compile(r"(?=.*\d)[a-z]{0,3}[-.]?\d+[a-z]?(?:[-./,]\d+[a-z]?)*", re.I)
_AREA = re.compile(r"[\d.,]+\s*(m²|m2|㎡|sq\.? ?ft\.?|sf|ft²|平方米|平米)", re.I)
_FIELD = re.compile(
    r"([^\s:\uff1a]+)\s*[:\uff1a]\s*(.*?)(?=\s+[^\s:\uff1a]+\s*[:\uff1a]|$)"
)
_NAME_KEY = re.compile(r"名称|name|nombre|bezeichnung|^nom$", re.I)
_NUMBER_KEY = re.compile(r"编号|房号|number|nummer|n[uú]mero|^(no|nr|num)\.?$", re.I)
_LABEL_LAYERS = frozenset({LayerCategory.LABEL, LayerCategory.ROOM})
_NOT_ROOM_TEXT = frozenset(
    {LayerCategory.DOOR, LayerCategory.WINDOW, LayerCategory.ANNOTATION}
)


@dataclass(frozen=True, slots=True)
class RoomLabel:
    """What a room's texts say: its name, number and type."""

    name: str = ""
    number: str = ""
    space_type: SpaceType = SpaceType.UNKNOWN


def room_labels(labels: Sequence[TextLabel]) -> list[TextLabel]:
    """The texts that may name rooms: those on label or room layers, if any.

    Otherwise every text except door tags, window tags and dimensions.

    Example:
        >>> from designreview.model.plan import TextLabel
        >>> texts = [TextLabel("101", (0, 0), 1, 0, "A-DOOR"),
        ...          TextLabel("HALL", (0, 0), 1, 0, "Walls")]
        >>> [t.text for t in room_labels(texts)]
        ['HALL']
    """
    categories = [_category(text.layer) for text in labels]
    chosen = [t for t, c in zip(labels, categories, strict=True) if c in _LABEL_LAYERS]
    if chosen:
        return chosen
    return [
        t for t, c in zip(labels, categories, strict=True) if c not in _NOT_ROOM_TEXT
    ]


@cache
def _category(layer: str) -> LayerCategory:
    return categorize_layer(layer)


def read_room_label(texts: Sequence[str]) -> RoomLabel:
    r"""Name, number and type from a room's texts in reading order.

    A text that is a room number alone is the number; a name may end with one
    ("Aula 3"), used when no text gives the number alone. Stamps of fields give
    their name and number fields and win over loose texts. The type is guessed
    from the names as written, with their numbers ('Aula 3' is a classroom).

    Example:
        >>> label = read_room_label(["LIBRARY", "MEDIA CENTER", "111"])
        >>> label.name, label.number, label.space_type.value
        ('LIBRARY MEDIA CENTER', '111', 'library')
        >>> label = read_room_label(["Aula 1.12", "54 m2"])
        >>> label.name, label.number, label.space_type.value
        ('Aula', '1.12', 'classroom')
        >>> stamp = "房间编号\uff1a201 房间名称\uff1a教室 使用面积\uff1a61㎡"
        >>> label = read_room_label([stamp, "上"])
        >>> label.name, label.number, label.space_type.value
        ('教室', '201', 'classroom')
    """
    parts = _Parts()
    for text in texts:
        parts.add(" ".join(text.split()))
    return parts.label()


@dataclass(slots=True)
class _Parts:
    """The pieces of a room label, gathered text by text."""

    names: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    stamped: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        fields = _FIELD.findall(text)
        if fields:
            self._add_fields(fields)
        elif not text or _AREA.fullmatch(text):
            return
        elif _NUMBER.fullmatch(text):
            self.numbers.append(text)
        elif len(self.names) < MAX_NAME_TEXTS:
            self.written.append(text)
            head, _, tail = text.rpartition(" ")
            if head and _NUMBER.fullmatch(tail):
                text = head
                self.trailing.append(tail)
            self.names.append(text)

    def _add_fields(self, fields: list[tuple[str, str]]) -> None:
        for key, value in fields:
            if value and _NAME_KEY.search(key):
                self.stamped.append(value)
            elif value and _NUMBER_KEY.search(key):
                self.numbers.append(value)

    def label(self) -> RoomLabel:
        names, written = (
            (self.stamped,) * 2 if self.stamped else (self.names, self.written)
        )
        number = (self.numbers or self.trailing or [""])[0]
        kind = guess_space_type(" ".join(written)) if written else SpaceType.UNKNOWN
        return RoomLabel(" ".join(names), number, kind)
