"""What the texts inside a room say: its name, its number and so its type.

Plans label rooms in many ways: a name above a number (``CLASSROOM`` / ``104``), a
name ending in its number (``Aula 3``), or a stamp of fields with full-width or
plain colons (``房间编号`` / ``房间名称``, ``Raumname: Büro``). Areas written in the
room are not names.

Which texts may label rooms at all: not door or window tags, dimensions, furniture,
or texts on equipment, fire-safety and services layers (``is_equipment_layer``). A
short code repeated in many rooms (a fire-extinguisher tag) names none of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from designreview.model.markups import SpaceType
from designreview.model.plan import LayerCategory
from designreview.recognition.layers.roles import DEFAULT_ROLES, LayerRoles
from designreview.recognition.layers.rules import (
    is_equipment_layer,
    is_placeholder_text,
)
from designreview.recognition.rooms.types import guess_space_type

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from designreview.model.plan import TextLabel

__all__ = [
    "MAX_NAME_TEXTS",
    "MIN_TAG_ROOMS",
    "RoomLabel",
    "is_room_number",
    "looks_like_code",
    "read_room_label",
    "repeated_tags",
    "room_labels",
]

MAX_NAME_TEXTS = 3
"""More texts in a room are notes, not its name."""
MIN_TAG_ROOMS = 5
"""A code written in this many rooms or more is an equipment tag, not their name."""
_NUMBER = re.compile(r"(?=.*\d)[a-z]{0,3}[-.]?\d+[a-z]?(?:[-./,]\d+[a-z]?)*", re.I)
_AREA = re.compile(r"[\d.,]+\s*(m²|m2|㎡|sq\.? ?ft\.?|sf|ft²|平方米|平米)", re.I)
_FIELD = re.compile(
    r"([^\s:\uff1a]+)\s*[:\uff1a]\s*(.*?)(?=\s+[^\s:\uff1a]+\s*[:\uff1a]|$)"
)
_NAME_KEY = re.compile(r"名称|name|nombre|bezeichnung|^nom$", re.I)
_NUMBER_KEY = re.compile(r"编号|房号|number|nummer|n[uú]mero|^(no|nr|num)\.?$", re.I)
_LABEL_LAYERS = frozenset({LayerCategory.LABEL, LayerCategory.ROOM})
_NOT_ROOM_TEXT = frozenset(
    {
        LayerCategory.DOOR,
        LayerCategory.WINDOW,
        LayerCategory.ANNOTATION,
        LayerCategory.FURNITURE,
    }
)
# A word of four letters, or any CJK or Hangul character, is more than a code.
_WORD = re.compile(r"[^\W\d_]{4,}|[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class RoomLabel:
    """What a room's texts say: its name, number and type."""

    name: str = ""
    number: str = ""
    space_type: SpaceType = SpaceType.UNKNOWN


def room_labels(
    labels: Sequence[TextLabel], roles: LayerRoles = DEFAULT_ROLES
) -> list[TextLabel]:
    """The texts that may name rooms: those on label or room layers, if any.

    Otherwise every text except door and window tags, dimensions, furniture and
    texts on equipment layers (unless the reviewer corrected the layer's role).
    A CAD program's placeholder text is never one.
    When the label layers hold numbers only (``H-0001``), the names come from the
    other texts that read as a name, not as a code.

    Example:
        >>> from designreview.model.plan import TextLabel
        >>> texts = [TextLabel("101", (0, 0), 1, 0, "A-DOOR"),
        ...          TextLabel("HALL", (0, 0), 1, 0, "Walls"),
        ...          TextLabel("165 L.", (0, 0), 1, 0, "Fire prevention")]
        >>> [t.text for t in room_labels(texts)]
        ['HALL']
        >>> texts = [TextLabel("H-0001", (0, 0), 1, 0, "RNR"),
        ...          TextLabel("WOHNEN", (0, 0), 1, 0, "M0_ALLGEMEINES"),
        ...          TextLabel("VOL", (0, 0), 1, 0, "Z29_STEMPEL")]
        >>> [t.text for t in room_labels(texts)]
        ['H-0001', 'WOHNEN']
        >>> texts[2] = TextLabel("BAD", (0, 0), 1, 0, "M0_ALLGEMEINES")
        >>> [t.text for t in room_labels(texts)]
        ['H-0001', 'WOHNEN', 'BAD']
    """
    usable = [
        t
        for t in labels
        if (roles.is_corrected(t.layer) or not is_equipment_layer(t.layer))
        and not is_placeholder_text(t.text)
    ]
    categories = [roles.category(text.layer) for text in usable]
    chosen = [t for t, c in zip(usable, categories, strict=True) if c in _LABEL_LAYERS]
    others = [
        t
        for t, c in zip(usable, categories, strict=True)
        if c not in _NOT_ROOM_TEXT and c not in _LABEL_LAYERS
    ]
    if not chosen:
        return others
    if any(read_room_label([t.text]).name for t in chosen):
        return chosen
    return chosen + [t for t in others if _reads_as_name(t.text)]


def _reads_as_name(text: str) -> bool:
    """Whether a text alone gives a room name and no number, and is no code.

    A short text is a code unless it is a room type's short name (``WC``, ``Bad``).
    """
    label = read_room_label([text])
    if not label.name or label.number:
        return False
    return not looks_like_code(text) or label.space_type is not SpaceType.UNKNOWN


def is_room_number(text: str) -> bool:
    """Whether a text is a room number alone (``104``, ``1.12``, ``H-0001``).

    Example:
        >>> [is_room_number(t) for t in ("104", "A-204", "H-0001", "Aula 3")]
        [True, True, True, False]
    """
    return _NUMBER.fullmatch(" ".join(text.split())) is not None


def looks_like_code(text: str) -> bool:
    """Whether a text is only digits, letter groups of up to three and punctuation.

    Tags, sheet marks and abbreviations look like this (``165 L. 1H``, ``RE``,
    ``Q.E.G``); names have a word of four letters or more, or are written in
    Chinese, Japanese or Korean. Short names that are room types (``WC``, ``LAB``)
    look like codes too: ``repeated_tags`` keeps those.

    Example:
        >>> [looks_like_code(t) for t in ("165 L. 1H", "RE", "KIND", "Aula 3", "走廊")]
        [True, True, False, False, False]
    """
    return _WORD.search(text) is None


def repeated_tags(texts_by_room: Iterable[Iterable[str]]) -> frozenset[str]:
    """The texts that are tags: codes written in ``MIN_TAG_ROOMS`` rooms or more.

    Room numbers and room types (``W.C``, ``AULA``) may repeat: many rooms are
    toilets. A code that is neither, in room after room, labels equipment.

    Example:
        >>> rooms = [["165 L. 1H", "WC", "LAB", "104"]] * 5
        >>> sorted(repeated_tags(rooms))
        ['165 L. 1H']
    """
    counts = Counter(
        text for texts in texts_by_room for text in {" ".join(t.split()) for t in texts}
    )
    return frozenset(
        text
        for text, rooms in counts.items()
        if rooms >= MIN_TAG_ROOMS
        and looks_like_code(text)
        and not is_room_number(text)
        and guess_space_type(text) is SpaceType.UNKNOWN
    )


def read_room_label(texts: Sequence[str]) -> RoomLabel:
    r"""Name, number and type from a room's texts in reading order.

    A text that is a room number alone is the number; a name may end with one
    ("Aula 3"), used when no text gives the number alone. A name written twice
    (two ``W.C`` stalls) counts once. Stamps of fields give
    their name and number fields and win over loose texts. The type is guessed
    from the names as written, with their numbers ('Aula 3' is a classroom).

    Example:
        >>> label = read_room_label(["LIBRARY", "MEDIA CENTER", "111"])
        >>> label.name, label.number, label.space_type.value
        ('LIBRARY MEDIA CENTER', '111', 'library')
        >>> read_room_label(["W.C", "W.C", "12"]).name
        'W.C'
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
        elif len(self.names) < MAX_NAME_TEXTS and text not in self.written:
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
