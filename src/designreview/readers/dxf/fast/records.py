"""Grouping a run of DXF records into entities with their sub-records.

An INSERT with attributes is followed by its ATTRIBs and a SEQEND; an old-style
POLYLINE by its VERTEXes and a SEQEND. The block definitions of the BLOCKS section
are found here too, by name, with their base point and flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from designreview.readers.dxf.fast.entities import Record

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from designreview.readers.dxf.fast.tags import TagFile

__all__ = ["BlockDef", "Entity", "block_definitions", "entities_among"]

_XREF_FLAGS = 4 | 8


@dataclass(slots=True)
class Entity:
    """An entity and the sub-records that belong to it (ATTRIBs, VERTEXes)."""

    record: Record
    children: list[Record] = field(default_factory=list)
    """Sub-records read one by one: an INSERT's ATTRIBs."""
    vertices: tuple[int, int, int] | None = None
    """A POLYLINE's VERTEX records: the first's and the last's ``0`` tag, and how
    many. They are read with the file's others (``vertices``), not one by one."""


@dataclass(slots=True)
class BlockDef:
    """A block definition: where its entities are and how it is placed."""

    name: str
    base: tuple[float, float]
    is_xref: bool
    starts: list[int]
    """Record starts of the block's entities, plus the start of its ENDBLK."""


def entities_among(
    tags: TagFile, starts: list[int], positions: Iterable[int]
) -> Iterator[tuple[int, Entity]]:
    """The entities among some records, with the position of each one's first.

    ``positions`` are ascending indices into ``starts``. Records left out must not
    stand between an INSERT or POLYLINE and its children, which would then join it
    (``bulk`` leaves out no record followed by a child).
    """
    owner: Entity | None = None
    owner_at = 0
    values = tags.values
    for position in positions:
        start = starts[position]
        if (
            owner is not None
            and owner.record.kind == "POLYLINE"
            and values[start].strip() == b"VERTEX"
        ):
            first, _, count = owner.vertices or (start, start, 0)
            owner.vertices = (first, start, count + 1)
            continue
        record = Record.read(tags, start, starts[position + 1])
        kind = record.kind
        if owner is not None and kind in {"ATTRIB", "VERTEX"}:
            owner.children.append(record)
            continue
        if owner is not None:
            yield owner_at, owner
            owner = None
        if kind == "SEQEND":
            continue
        entity = Entity(record)
        if kind == "POLYLINE" or (kind == "INSERT" and record.integer(tags, 66)):
            owner, owner_at = entity, position
        else:
            yield position, entity
    if owner is not None:
        yield owner_at, owner


def block_definitions(tags: TagFile) -> dict[str, BlockDef]:
    """The BLOCKS section's definitions by upper-case name (names ignore case)."""
    section = tags.sections.get("BLOCKS")
    if section is None:
        return {}
    blocks: dict[str, BlockDef] = {}
    current: BlockDef | None = None
    starts = section.starts
    for position, start in enumerate(starts[:-1]):
        kind = tags.record_type(start)
        if kind == "BLOCK":
            record = Record.read(tags, start, starts[position + 1])
            name = record.text(tags, 2) or record.text(tags, 3)
            base = (record.number(tags, 10), record.number(tags, 20))
            is_xref = bool(record.integer(tags, 70) & _XREF_FLAGS)
            current = BlockDef(name, base, is_xref, [])
            blocks[name.upper()] = current  # CAD block names ignore case
        elif kind == "ENDBLK":
            if current is not None:
                current.starts.append(start)
            current = None
        elif current is not None:
            current.starts.append(start)
    return blocks
