"""Opening a DXF document with ezdxf within limits, recovering damaged files.

Before the parser runs, the file is sniffed (what kind of file it is) and its records
counted, so a file with far too many entities is refused in a fraction of a second
instead of after a minute of parsing; before the walk, the expansion of its blocks is
counted. Whatever a damaged or hostile file makes ezdxf raise becomes a
:class:`PlanReadError` with a message for the user. The limits themselves
(:class:`WalkLimits`) live here too.

ezdxf is imported by the functions that use it, not with this module: the fast
reader uses the limits and the screening here, and a drawing it reads in full needs
no ezdxf at all (importing it takes about 0.15 s, a third of ``inspect``).
"""

from __future__ import annotations

import io
import math
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from designreview.model.errors import PlanReadError
from designreview.readers.dxf.sniff import is_utf16, scan_records, sniff_dxf

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MAX_AUDIT_MESSAGES = 200
_ENTITY_HANDLE = re.compile(r"\(#[0-9A-Fa-f]+\)")
MAX_INSERT_DEPTH = 16
MAX_ENTITIES = 2_000_000
MAX_SEGMENTS = 10_000_000
"""About 320 MB of coordinates."""
CURVE_CHORDS = 20_000
"""A curve is never flattened finer than its size over this (about 64 chords/arc)."""
ABSURD_UNITS = 1.0e13
"""Curves larger than this (in drawing units) are dropped, not flattened."""
RECORD_ALLOWANCE = 1.1
"""Records also count table entries and objects: allow 10% above the entity limit."""
MAX_RECORD_BYTES = 16 * 1024**2
"""One entity's text: about 700,000 polyline vertices. The largest record of the
corpus plans is 285 KB; a polyline of millions of vertices is refused unparsed."""
BYTES_PER_FILE_BYTE = 25
"""Peak memory of an import per byte of the file, at its worst (one polyline of 9M
vertices: 4.4 GB for 196 MB); a typical plan needs a third of that."""
_SMALLEST_RECORD = 4
"""Bytes a record takes at the least (``0``, a line end, its type's first letter and
a line end), so a file holds at most its size over this many records."""


@dataclass(frozen=True, slots=True)
class WalkLimits:
    """Bounds that keep a hostile drawing from hanging the import."""

    max_depth: int = MAX_INSERT_DEPTH
    max_entities: int = MAX_ENTITIES
    """Entities after expanding blocks; files with clearly more are not parsed."""
    max_segments: int = MAX_SEGMENTS
    timeout_s: float = 120.0
    flatten_distance: float = 0.02
    """Largest gap between a curve and its chords, in drawing units."""


@dataclass(frozen=True, slots=True)
class OpenedDxf:
    """An ezdxf document plus what was repaired to open it."""

    doc: Any
    was_recovered: bool
    audit_messages: tuple[str, ...]


def open_dxf(path: Path, max_entities: int | None = None) -> OpenedDxf:
    """Read ``path`` with ezdxf; fall back to recover mode for damaged files.

    Args:
        path: the DXF file (ASCII, UTF-16 text or binary).
        max_entities: refuse files holding clearly more entities than this.

    Raises:
        PlanReadError: when the file is not a DXF drawing, too large, or neither the
            reader nor recover mode can load it.

    Example:
        >>> import ezdxf, tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder, "plan.dxf")
        ...     ezdxf.new().saveas(path)
        ...     opened = open_dxf(path, max_entities=1_000)
        >>> opened.was_recovered, opened.doc.dxfversion
        (False, 'AC1027')
    """
    screen_file(path, max_entities)
    with path.open("rb") as stream:
        text = is_utf16(stream.read(2))
    import ezdxf

    try:
        doc = _read_utf16(path) if text else ezdxf.readfile(path)  # type: ignore[attr-defined]
    except OSError as exc:
        raise PlanReadError(f"{path.name} could not be read: {_reason(exc)}.") from exc
    except MemoryError as exc:
        raise _too_big(path) from exc
    except Exception:  # any parser failure: try recover mode
        return _recover(path, text)
    return OpenedDxf(doc, False, ())


def screen_file(path: Path, max_entities: int | None = None) -> None:
    """Refuse what is no DXF drawing, or one far too large, before parsing it.

    Raises:
        PlanReadError: naming what the file is or the limit it passes.
    """
    sniff_dxf(path)
    if max_entities is not None:
        _refuse_too_many(path, max_entities)


@contextmanager
def user_errors(path: Path) -> Iterator[None]:
    """Turn whatever reading ``path`` raises into a :class:`PlanReadError`.

    A damaged or hostile file can make ezdxf (or a detector) fail anywhere; the
    user gets a message, never a traceback. The original error stays chained.

    Example:
        >>> from pathlib import Path
        >>> try:
        ...     with user_errors(Path("odd.dxf")):
        ...         raise ZeroDivisionError("division by zero")
        ... except PlanReadError as exc:
        ...     print(exc)  # doctest: +ELLIPSIS
        odd.dxf could not be imported (ZeroDivisionError: division by zero). ...
    """
    try:
        yield
    except PlanReadError:
        raise
    except MemoryError as exc:
        raise _too_big(path) from exc
    except Exception as exc:  # a hostile or damaged file must never crash the app
        raise PlanReadError(
            f"{path.name} could not be imported ({type(exc).__name__}: {exc}). The "
            "file may be damaged; re-export it from the CAD program that made it."
        ) from exc


def _read_utf16(path: Path) -> Any:
    import ezdxf

    return ezdxf.read(io.StringIO(path.read_text(encoding="utf-16")))  # type: ignore[attr-defined]


def _recover(path: Path, utf16: bool) -> OpenedDxf:
    from ezdxf import recover

    try:
        if utf16:
            data = path.read_text(encoding="utf-16", errors="replace").encode()
            doc, auditor = recover.read(io.BytesIO(data))
        else:
            doc, auditor = recover.readfile(path)
    except OSError as exc:
        raise PlanReadError(f"{path.name} could not be read: {_reason(exc)}.") from exc
    except MemoryError as exc:
        raise _too_big(path) from exc
    except Exception as exc:  # a damaged file can break ezdxf anywhere
        raise PlanReadError(
            f"{path.name} is damaged beyond repair: even recover mode could not read "
            f"it ({_reason(exc)}). Re-export it from the CAD program that made it."
        ) from exc
    messages = [f"repaired: {entry.message}" for entry in auditor.fixes]
    messages += [f"error: {entry.message}" for entry in auditor.errors]
    return OpenedDxf(doc, True, tuple(counted(messages)[:MAX_AUDIT_MESSAGES]))


def counted(messages: list[str]) -> list[str]:
    """Messages that differ only in the entity they name, said once with a count.

    Example:
        >>> counted(["repaired: style X from TEXT(#1).", "repaired: b",
        ...          "repaired: style X from TEXT(#2A)."])
        ['repaired: style X from TEXT(#1). (and 1 more like it)', 'repaired: b']
    """
    groups: dict[str, list[str]] = {}
    for message in messages:
        groups.setdefault(_ENTITY_HANDLE.sub("", message), []).append(message)
    return [
        f"{same[0]} (and {len(same) - 1:,} more like it)" if len(same) > 1 else same[0]
        for same in groups.values()
    ]


def check_expansion(layout: Any, limits: WalkLimits) -> None:
    """Refuse a layout that expands to more entities than ``limits`` allow.

    Raises:
        PlanReadError: naming the limit.

    Example:
        >>> import ezdxf
        >>> check_expansion(ezdxf.new().modelspace(), WalkLimits())
    """
    if expanded_count(layout, limits.max_entities, limits.max_depth) > (
        limits.max_entities
    ):
        raise limit_error("entities", limits.max_entities)


def curve_size(vertices: Any) -> float | None:
    """The larger side of a curve's control points, None when it is absurd.

    ezdxf flattens a curve until its chords are within a distance of it; a curve a
    billion kilometres across (or with a NaN) would never finish, so it is refused,
    and a large one gets a coarser distance (:data:`CURVE_CHORDS`).

    Example:
        >>> from ezdxf.math import Vec3
        >>> curve_size([Vec3(0, 0), Vec3(4, 1)]), curve_size([Vec3(1e300, 0), Vec3()])
        (4.0, None)
    """
    xs, ys = [v.x for v in vertices], [v.y for v in vertices]
    if not xs or not all(map(math.isfinite, xs + ys)):
        return None
    size = float(max(max(xs) - min(xs), max(ys) - min(ys)))
    return size if size < ABSURD_UNITS else None


def expanded_count(layout: Any, cap: int, max_depth: int) -> int:
    """How many entities ``layout`` holds once its block references are expanded.

    A few kilobytes of nested blocks can expand to billions of entities; counting
    first refuses them at once instead of walking until the limit. Counting stops
    past ``cap``; block cycles and nesting deeper than ``max_depth`` count nothing
    (the walk reports them).

    Example:
        >>> import ezdxf
        >>> doc = ezdxf.new()
        >>> block = doc.blocks.new("TEN")
        >>> for i in range(10):
        ...     _ = block.add_line((i, 0), (i, 1))
        >>> _ = doc.modelspace().add_blockref("TEN", (0, 0)).grid(size=(3, 1))
        >>> expanded_count(doc.modelspace(), 1000, 16)
        33
    """
    sizes: dict[str, int] = {}

    def size(entities: Any, chain: tuple[str, ...]) -> int:
        total = len(entities)
        for entity in entities:
            if total > cap:
                break
            if entity.dxftype() == "INSERT" and len(chain) < max_depth:
                name = str(entity.dxf.name)
                if name not in sizes and name not in chain:
                    block = layout.doc.blocks.get(name)
                    sizes[name] = 0 if block is None else size(block, (*chain, name))
                copies = max(int(entity.mcount), 1)
                total += copies * (sizes.get(name, 0) + 1) - 1
        return min(total, cap + 1)

    return size(layout, ())


def limit_error(what: str, limit: int) -> PlanReadError:
    """The error for a drawing that expands to more than ``limit`` ``what``.

    Example:
        >>> print(limit_error("entities", 1000))  # doctest: +ELLIPSIS
        The drawing has more than 1,000 entities after expanding its blocks, ...
    """
    return PlanReadError(
        f"The drawing has more than {limit:,} {what} after expanding its blocks, more "
        "than a floor plan needs. Export only the floor plan, without hatches and "
        "details, and open that file."
    )


def layer_name(entity: Any) -> str:
    r"""The entity's layer, with R2000-R2004 ``\U+XXXX`` escapes decoded (``門``).

    Example:
        >>> import ezdxf
        >>> line = ezdxf.new().modelspace().add_line((0, 0), (1, 0))
        >>> line.dxf.layer = r"05-\U+9580"
        >>> layer_name(line)
        '05-門'
    """
    return decode_name(str(entity.dxf.get("layer", "0")))


def decode_name(name: str) -> str:
    r"""A table name with R2000-R2004 ``\U+XXXX`` escapes decoded."""
    if "\\U+" not in name:
        return name
    from ezdxf.lldxf.encoding import decode_dxf_unicode

    return decode_dxf_unicode(name)


def _refuse_too_many(path: Path, max_entities: int) -> None:
    """Refuse a file too large for this machine, or with too many or too large records.

    The memory a read needs follows from the file's size; the budget from the
    machine (:func:`memory_budget_bytes`). Records are counted, and the largest one
    measured, only where the size allows a refusal: a file of fewer bytes than the
    record limit and than four bytes a record cannot break either.
    """
    size = path.stat().st_size
    budget = memory_budget_bytes()
    if size * BYTES_PER_FILE_BYTE > budget:
        raise PlanReadError(
            f"{path.name} ({size / 1024**2:,.0f} MB) would need about "
            f"{size * BYTES_PER_FILE_BYTE / 1024**3:,.1f} GB of memory to read, more "
            f"than this computer can spare ({budget / 1024**3:,.1f} GB). Export only "
            "the floor plan, without hatches and details, and open that file."
        )
    allowed = max_entities * RECORD_ALLOWANCE
    if size // _SMALLEST_RECORD <= allowed and size <= MAX_RECORD_BYTES:
        return
    scan = scan_records(path)
    if scan.count > allowed:
        raise PlanReadError(
            f"{path.name} holds about {scan.count:,} entities, more than the "
            f"{max_entities:,} a floor plan needs. Export only the floor plan, without "
            "hatches and details, and open that file."
        )
    if scan.largest_bytes > MAX_RECORD_BYTES:
        raise PlanReadError(
            f"{path.name} holds one entity of {scan.largest_bytes / 1024**2:,.0f} MB "
            "(a line or hatch of millions of points), far more than any floor plan "
            "draws. Simplify or delete it in the CAD program and open the file again."
        )


def memory_budget_bytes() -> int:
    """How much memory one import may take: a quarter of this machine's, at most 2 GB.

    With the worst case of :data:`BYTES_PER_FILE_BYTE`, 2 GB admits files of about
    80 MB, four times the 100,000-entity benchmark plan (19 MB, 270 MB to read).

    Example:
        >>> memory_budget_bytes() >= 256 * 1024**2
        True
    """
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # Windows: no sysconf
        physical = 8 * 1024**3
    return max(min(physical // 4, 2 * 1024**3), 256 * 1024**2)


def _too_big(path: Path) -> PlanReadError:
    return PlanReadError(
        f"{path.name} is too large to read in the memory available. Export only the "
        "floor plan and open that file."
    )


def _reason(exc: BaseException) -> str:
    strerror = getattr(exc, "strerror", None)
    if strerror:
        return str(strerror)
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
