"""A DXF text file as a flat table of group codes and raw values.

``ezdxf.readfile`` builds a Python object for every entity, table entry and object of
the file (about 7,000 entities a second); a floor plan needs only the geometry, the
layer table and a few header values. Splitting the file into lines and converting
the group codes with numpy takes a small fraction of that time; values stay bytes
and are decoded only when read. Anything unusual (binary or UTF-16 files, an odd
number of lines, a group code that is not a number) makes :func:`read_tags` return
None, and the caller reads the file with ezdxf instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from designreview.readers.dxf.fast.entities import UnsupportedError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Section", "TagFile", "read_tags"]

_CHUNK = 4 * 1024 * 1024
_LARGEST_CODE = 2**31 - 1
_UNICODE_FROM = "AC1021"
"""R2007 and newer files are UTF-8; older ones use ``$DWGCODEPAGE``."""


@dataclass(frozen=True, slots=True)
class Section:
    """Where a section's records start and end, as tag indices."""

    name: str
    begin: int
    """Index of the first tag after the section's name."""
    starts: list[int]
    """Index of each record's ``0`` tag; the last is the ``ENDSEC``."""


@dataclass(slots=True)
class TagFile:
    """The tags of a DXF file: ``codes[i]`` is the group code of ``values[i]``."""

    codes: list[int]
    values: list[bytes]
    sections: dict[str, Section]
    code_array: np.ndarray
    """``codes`` as a numpy array, for reading many records at once (``bulk``)."""
    encoding: str = "cp1252"
    _decoded: dict[bytes, str] = field(default_factory=dict)
    vertex_rows: Any = None
    """Every VERTEX record's columns (``vertices.vertex_rows``), made on first use."""

    def text(self, index: int) -> str:
        """The value at ``index`` as text; cached, as layer names repeat a lot."""
        raw = self.values[index]
        found = self._decoded.get(raw)
        if found is None:
            found = raw.decode(self.encoding, errors="replace")
            if "\\U+" in found:  # R2000-R2004 escape non-ASCII characters
                from ezdxf.lldxf.encoding import decode_dxf_unicode

                found = decode_dxf_unicode(found)
            self._decoded[raw] = found
        return found

    def record_type(self, index: int) -> str:
        """The type of the record whose ``0`` tag is at ``index`` (``LINE``...)."""
        return self.values[index].strip().decode("ascii", errors="replace")


def read_tags(path: Path) -> TagFile:
    """The tags of the ASCII DXF file at ``path``.

    Raises:
        UnsupportedError: saying why the file needs ezdxf (binary, UTF-16, damaged).
    """
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise UnsupportedError("UTF-16 text")
    if data.startswith(b"AutoCAD Binary"):
        raise UnsupportedError("binary DXF")
    codes, values = _pairs(data)
    del data
    code_list: list[int] = codes.tolist()
    sections = _sections(codes, values)
    tags = TagFile(code_list, values, sections, codes)
    tags.encoding = _encoding(tags)
    return tags


def _pairs(data: bytes) -> tuple[np.ndarray, list[bytes]]:
    """The group codes (as numbers) and the value lines.

    The file is split a few megabytes at a time, so the bytes objects of the code
    lines (half of all lines) never exist all at once: the peak memory of a large
    drawing stays near the values it keeps.

    Raises:
        UnsupportedError: when the lines do not pair up or a code is no number.
    """
    ending = _line_ending(data)
    codes: list[np.ndarray] = []
    values: list[bytes] = []
    carried: list[bytes] = []
    start, size = 0, len(data)
    while start < size:
        cut = data.find(b"\n", min(start + _CHUNK, size - 1))
        end = size if cut < 0 else cut + 1
        chunk = data[start:end]
        start = end
        lines = chunk.split(ending)
        if lines and not lines[-1]:
            lines.pop()  # the empty piece after the chunk's last line end
        if ending == b"\n" and b"\r" in chunk:  # line ends of both kinds
            lines = [line.rstrip(b"\r") for line in lines]
        lines = carried + lines
        carried = [lines.pop()] if len(lines) % 2 else []
        codes.append(_codes(lines[0::2]))
        values += lines[1::2]
    if (carried and carried[0].strip()) or not values:
        raise UnsupportedError("lines that do not pair into codes and values")
    return np.concatenate(codes), values


def _codes(lines: list[bytes]) -> np.ndarray:
    """Group-code lines as numbers, parsed in one C call.

    Only digits and blanks are let through, so the parse cannot stop half way;
    a blank code line is refused, and one holding two numbers changes the count.

    Raises:
        UnsupportedError: for a code line that is not one whole number.
    """
    if not lines:  # a chunk whose only line pairs with the next chunk's
        return np.empty(0, dtype=np.int32)
    joined = b"\n".join(lines)
    bare = joined.translate(None, b" \t")  # a blank line leaves an empty one here
    blank = not bare or bare[:1] == b"\n" or bare[-1:] == b"\n" or b"\n\n" in bare
    if blank or bare.translate(None, b"0123456789\n"):
        raise UnsupportedError("a group code that is not a number")
    # No blank line and as many numbers as lines: each line holds exactly one.
    codes = np.fromstring(joined, dtype=np.int64, sep=" ")
    if len(codes) != len(lines) or (len(codes) and codes.max() > _LARGEST_CODE):
        raise UnsupportedError("a group code that is not a number")
    return codes.astype(np.int32)


def _line_ending(data: bytes) -> bytes:
    """CR LF when every line ends so (files from Windows programs), else LF."""
    crlf = data.count(b"\r\n")
    return b"\r\n" if crlf and crlf == data.count(b"\n") else b"\n"


def _sections(codes: np.ndarray, values: list[bytes]) -> dict[str, Section]:
    """The sections by name with the record starts inside each.

    Raises:
        UnsupportedError: for a damaged structure, which ezdxf's recover mode reads.
    """
    zeros: list[int] = np.flatnonzero(codes == 0).tolist()
    sections: dict[str, Section] = {}
    current: list[int] | None = None
    for index in zeros:
        kind = values[index].strip()
        if kind == b"SECTION":
            if current is not None or index + 1 >= len(values):
                raise UnsupportedError("a damaged section structure")
            name = values[index + 1].strip().decode("ascii", errors="replace")
            current = []
            sections[name] = Section(name, index + 2, current)
        elif current is not None:
            current.append(index)
            if kind == b"ENDSEC":
                current = None
        elif kind == b"EOF":
            break
        else:  # a record outside any section
            raise UnsupportedError("a damaged section structure")
    if current is not None or "ENTITIES" not in sections:
        raise UnsupportedError("a damaged section structure")
    return sections


def _encoding(tags: TagFile) -> str:
    header = header_values(tags, ("$ACADVER", "$DWGCODEPAGE"))
    version = str(header.get("$ACADVER") or "AC1009")
    if version >= _UNICODE_FROM:
        return "utf-8"
    from ezdxf.tools.codepage import toencoding

    codepage = header.get("$DWGCODEPAGE")
    encoding = toencoding(str(codepage)) if codepage else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        return "cp1252"
    return encoding


def header_values(
    tags: TagFile, names: tuple[str, ...]
) -> dict[str, str | int | float | None]:
    """The header variables ``names`` (``$INSUNITS``...), typed by group code."""
    found: dict[str, str | int | float | None] = dict.fromkeys(names)
    section = tags.sections.get("HEADER")
    if section is None:
        return found
    wanted = set(names)
    codes, values = tags.codes, tags.values
    end = section.starts[-1] if section.starts else section.begin
    index = section.begin
    while index < end:
        if codes[index] == 9:
            name = values[index].strip().decode("ascii", errors="replace")
            if name in wanted and index + 1 < end:
                found[name] = _typed(codes[index + 1], values[index + 1])
        index += 1
    return found


def _typed(code: int, raw: bytes) -> str | int | float | None:
    text = raw.strip().decode("ascii", errors="replace")
    try:
        if 10 <= code < 60 or 110 <= code < 150 or 210 <= code < 240:
            return float(text)
        if 60 <= code < 100 or 170 <= code < 180 or 270 <= code < 300:
            return int(text)
    except ValueError:
        return None
    return text
