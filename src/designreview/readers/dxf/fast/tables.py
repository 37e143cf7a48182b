"""The layer table and the paper-space layouts, read from the tag table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from designreview.readers.dxf.fast.entities import Record

if TYPE_CHECKING:
    from designreview.readers.dxf.fast.tags import TagFile

__all__ = ["layer_visibility", "model_space_handle", "owner_handle", "paper_layouts"]

_FROZEN = 1
_ALWAYS = ("0", "Defpoints")


def layer_visibility(tags: TagFile) -> dict[str, bool]:
    """Each layer of the LAYER table and whether it is shown (on and not frozen)."""
    section = tags.sections.get("TABLES")
    if section is None:
        return {}
    visible: dict[str, bool] = {}
    starts = section.starts
    for position, start in enumerate(starts[:-1]):
        if tags.record_type(start) != "LAYER":
            continue
        record = Record.read(tags, start, starts[position + 1])
        name = record.text(tags, 2)
        if name:
            is_off = record.integer(tags, 62, 7) < 0
            is_frozen = bool(record.integer(tags, 70) & _FROZEN)
            visible[name] = not (is_off or is_frozen)
    known = {name.casefold() for name in visible}
    for name in _ALWAYS:  # ezdxf adds them when a file lacks them; so do we
        if name.casefold() not in known:
            visible[name] = True
    return visible


def paper_layouts(tags: TagFile) -> tuple[str, ...]:
    """Paper-space layouts that hold something, in tab order."""
    records = _block_record_names(tags)
    counts = _paper_entity_counts(tags)
    section = tags.sections.get("OBJECTS")
    if section is None or not records:  # R12: one paper space, if used
        return ("Layout1",) if counts.get("*PAPER_SPACE") else ()
    layouts: list[tuple[int, str]] = []
    starts = section.starts
    for position, start in enumerate(starts[:-1]):
        if tags.record_type(start) != "LAYOUT":
            continue
        record = Record.read(tags, start, starts[position + 1])
        name, handle = _layout_name_and_block(tags, record)
        block = records.get(handle, "").upper()
        if name and name != "Model" and counts.get(block):
            layouts.append((record.integer(tags, 71), name))
    return tuple(name for _, name in sorted(layouts))


def _layout_name_and_block(tags: TagFile, record: Record) -> tuple[str, str]:
    """A LAYOUT's name and paper-space block record.

    They are the 1 and the 330 after the ``AcDbLayout`` marker: the plot settings
    before it have a 1 of their own.
    """
    seen_layout = False
    name = handle = ""
    for index in range(record.start + 1, record.end):
        code = tags.codes[index]
        if code == 100:
            seen_layout = tags.text(index).strip() == "AcDbLayout"
        elif seen_layout and code == 1 and not name:
            name = tags.text(index)
        elif seen_layout and code == 330 and not handle:
            handle = tags.text(index).upper()
    return name, handle


def model_space_handle(tags: TagFile) -> str:
    """The handle of the ``*Model_Space`` block record (upper case), "" for R12."""
    for handle, name in _block_record_names(tags).items():
        if name.upper() == "*MODEL_SPACE":
            return handle
    return ""


def owner_handle(tags: TagFile, record: Record) -> str:
    """The entity's owner (code 330 outside ``{ACAD_REACTORS ...}`` groups)."""
    if 102 not in record.first:
        index = record.first.get(330)
        return "" if index is None else tags.text(index).strip().upper()
    in_group = False
    for index in range(record.start + 1, record.end):
        code = tags.codes[index]
        if code == 102:
            in_group = tags.values[index].strip().startswith(b"{")
        elif code == 330 and not in_group:
            return tags.text(index).strip().upper()
    return ""


def _block_record_names(tags: TagFile) -> dict[str, str]:
    section = tags.sections.get("TABLES")
    if section is None:
        return {}
    names: dict[str, str] = {}
    starts = section.starts
    for position, start in enumerate(starts[:-1]):
        if tags.record_type(start) != "BLOCK_RECORD":
            continue
        record = Record.read(tags, start, starts[position + 1])
        names[record.text(tags, 5).strip().upper()] = record.text(tags, 2)
    return names


def _paper_entity_counts(tags: TagFile) -> dict[str, int]:
    """Entities per paper-space block; the active one's live in ENTITIES."""
    counts: dict[str, int] = {}
    starts = np.asarray(tags.sections["ENTITIES"].starts)
    # Each record's first code 67 (1: paper space), for all records at once.
    low, high = int(starts[0]), int(starts[-1])
    at = np.flatnonzero(tags.code_array[low:high] == 67) + low
    owner = np.searchsorted(starts, at, side="right") - 1
    _, first = np.unique(owner, return_index=True)
    values = tags.values
    counts["*PAPER_SPACE"] = sum(
        values[index].strip() == b"1" for index in at[first].tolist()
    )
    blocks = tags.sections.get("BLOCKS")
    if blocks is not None:
        current = ""
        for position, start in enumerate(blocks.starts[:-1]):
            kind = tags.record_type(start)
            if kind == "BLOCK":
                record = Record.read(tags, start, blocks.starts[position + 1])
                current = record.text(tags, 2).upper()
            elif kind == "ENDBLK":
                current = ""
            elif current.startswith("*PAPER_SPACE") and kind not in {"SEQEND"}:
                counts[current] = counts.get(current, 0) + 1
    return counts
