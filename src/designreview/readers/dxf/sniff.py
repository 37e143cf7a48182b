"""Looking at a file's first bytes before handing it to the DXF reader.

A DWG, a PDF or a photo renamed to ``.dxf`` should get a message that names what it
is, not a parser error; a huge file should be refused before it is read, and so should
a file with millions of entities (:func:`count_records` counts them in a fraction of
the time the parser needs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.model.errors import PlanReadError

if TYPE_CHECKING:
    from pathlib import Path
    from typing import BinaryIO

MAX_DXF_BYTES = 512 * 1024 * 1024
_BINARY_DXF_MAGIC = b"AutoCAD Binary DXF"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CHUNK = 8 * 1024 * 1024
# A record starts with group code 0 on its own line followed by its type, which is
# upper case (LINE, SECTION, $ACADVER...); a value 0 is followed by a group code. The
# code may be padded as the readers accept it: "  0", "000", "  0 ".
_RECORD = re.compile(rb"\n *0+ *\r?\n[A-Z_$]")
_RECORD_UTF16 = {
    b"\xff\xfe": re.compile(
        rb"\n\x00(?: \x00)*(?:0\x00)+(?: \x00)*(?:\r\x00)?\n\x00[A-Z_$]\x00"
    ),
    b"\xfe\xff": re.compile(
        rb"\x00\n(?:\x00 )*(?:\x000)+(?:\x00 )*(?:\x00\r)?\x00\n\x00[A-Z_$]"
    ),
}
# Binary DXF: group code 0 (two zero bytes from R13 on, one before) and the record's
# type as a zero-terminated upper-case string of three letters or more (so that a
# group code between 65 and 90, A to Z, after a value ending in zeros is no record).
_RECORD_BINARY = re.compile(rb"\0\0[A-Z_$][A-Z0-9_$]{2,40}\0")
_OLD_INTERCHANGE = re.compile(rb"\A(\xef\xbb\xbf)?[A-Z]{3,12},\d+\r?\n")
"""Release 1.x/2.x interchange files start with ``NAME,count`` lines (``EXTENTS,1``)."""
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"AC10", "an AutoCAD DWG drawing"),
    (b"AC1.", "an AutoCAD DWG drawing"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"ISO-10303-21", "an IFC/STEP model"),
)


def sniff_dxf(path: Path, max_bytes: int = MAX_DXF_BYTES) -> bool:
    """Check that ``path`` can be a DXF file and say whether it is a binary DXF.

    Raises:
        PlanReadError: when the file is missing, empty, too large, or clearly
            another kind of file.
    """
    if not path.exists():
        raise PlanReadError(f"The file {path.name} does not exist. Check the path.")
    if path.is_dir():
        raise PlanReadError(f"{path.name} is a folder, not a DXF drawing.")
    size = path.stat().st_size
    if size == 0:
        raise PlanReadError(f"{path.name} is empty (0 bytes); it holds no drawing.")
    if size > max_bytes:
        raise PlanReadError(
            f"{path.name} is {size / 2**20:.0f} MB, over the "
            f"{max_bytes / 2**20:.0f} MB limit for drawings. Purge unused blocks and "
            "hatches in your CAD program, "
            "or export only the floor plan."
        )
    with path.open("rb") as stream:
        head = stream.read(4096)
    if head.startswith(_BINARY_DXF_MAGIC):
        return True
    if is_utf16(head):  # Windows tools (PowerShell) write text as UTF-16
        head = head.decode("utf-16", errors="replace").encode(errors="replace")
    _refuse_known_other_formats(path, head)
    if _OLD_INTERCHANGE.match(head):
        raise PlanReadError(
            f"{path.name} is a drawing exchange file from AutoCAD 1 or 2 (1983-85), "
            "older than any DXF version programs read today. Open it in a CAD program "
            "that still imports it and save it as DXF R12 or newer."
        )
    if not _looks_like_dxf_text(head):
        raise PlanReadError(
            f"{path.name} is not a DXF drawing (its start does not look like DXF). "
            "Export the plan from your CAD program as DXF and open that file."
        )
    return False


def is_utf16(head: bytes) -> bool:
    r"""Whether a text file starts like UTF-16 (a byte order mark).

    Example:
        >>> is_utf16("  0\nSECTION\n".encode("utf-16")), is_utf16(b"  0\nSECTION\n")
        (True, False)
    """
    return head.startswith(_UTF16_BOMS)


@dataclass(frozen=True, slots=True)
class RecordScan:
    """What a pass over a file's bytes tells before it is parsed."""

    count: int
    """Records: entities, table entries, objects (group-code-0 tags)."""
    largest_bytes: int
    """Bytes of the longest record: one polyline of millions of vertices is one."""


def count_records(path: Path) -> int:
    r"""How many records (entities, table entries, objects) a DXF file holds.

    Example:
        >>> import tempfile, pathlib
        >>> text = "0\nSECTION\n2\nENTITIES\n000\nLINE\n8\n0\n  0 \nENDSEC\n0\nEOF\n"
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder, "a.dxf")
        ...     _ = path.write_bytes(text.encode())
        ...     ascii = count_records(path)
        ...     _ = path.write_bytes(text.encode("utf-16"))
        ...     ascii, count_records(path)
        (3, 3)
    """
    return scan_records(path).count


def scan_records(path: Path) -> RecordScan:
    """Count a file's records and find its longest one, without parsing it.

    Counts group-code-0 tags at hundreds of megabytes a second in 8 MiB chunks, so a
    file with far too many entities, or one entity far too large, is refused before
    the slow parse. Text files in ASCII or UTF-8 and in UTF-16 (either byte order)
    are counted exactly; binary files by the byte pattern of a code-0 tag (within
    about a percent on real files: a record type starting with a digit, 3DFACE, is
    not counted).
    """
    with path.open("rb") as stream:
        head = stream.read(len(_BINARY_DXF_MAGIC))
        pattern = _RECORD
        if head.startswith(_BINARY_DXF_MAGIC):
            pattern = _RECORD_BINARY
        for bom, utf16 in _RECORD_UTF16.items():
            if head.startswith(bom):
                pattern = utf16
        return _scan(stream, head, pattern)


def _scan(stream: BinaryIO, head: bytes, pattern: re.Pattern[bytes]) -> RecordScan:
    """Matches of ``pattern`` in the whole stream, read a chunk at a time."""
    count, largest, last = 0, 0, 0
    tail, chunk, offset = b"", head, 0  # offset: where ``tail`` starts in the file
    while chunk:
        # A record split between two chunks is found in the joined tail; a match
        # that lies wholly in the tail was counted with the block before. Chunks
        # are of even size, so UTF-16 code units never straddle the join.
        block = tail + chunk
        for match in pattern.finditer(block):
            if match.end() > len(tail):
                start = offset + match.start()
                count, largest, last = count + 1, max(largest, start - last), start
        offset += len(block) - min(len(block), 128)
        tail, chunk = block[-128:], stream.read(_CHUNK)
    return RecordScan(count, max(largest, offset + len(tail) - last))


def _refuse_known_other_formats(path: Path, head: bytes) -> None:
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            hint = (
                " Save it as DXF in your CAD program (File > Save As > DXF) and open "
                "that file."
                if "DWG" in kind
                else " Open a DXF export of the floor plan instead."
            )
            raise PlanReadError(f"{path.name} is {kind}, not a DXF drawing.{hint}")


def _looks_like_dxf_text(head: bytes) -> bool:
    """A text DXF is pairs of lines: an integer group code, then a value."""
    text = head.decode("latin-1").lstrip("\ufeff")
    lines = [line.strip() for line in text.splitlines()[:40]]
    for code, value in zip(lines[0::2], lines[1::2], strict=False):
        if not code.isdigit():
            return False
        if int(code) == 999:  # a comment
            continue
        # Codes may be zero-padded ("000"), as ezdxf and the fast reader accept.
        return int(code) == 0 and value in {"SECTION", "EOF"}
    return False
