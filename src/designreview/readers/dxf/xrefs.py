"""External references (XREFs): found beside the drawing, read once, drawn in place.

An XREF is a block whose content lives in another file, named by a path written on
the block, often an absolute path on the author's machine. The file is looked for
where the drawing is: the path as written when it is absolute, then relative to the
folder of the drawing that references it, then by its name alone in that folder and in
any extra folders (a ``.dwg`` reference also finds a ``.dxf`` export of the same
name). Each file is read once per import; nested XREFs resolve relative to their own
file. Cycles and nesting deeper than :data:`MAX_XREF_DEPTH` are reported, not
followed, and overlays inside another XREF are not shown, as in CAD programs. When
both files state their units, the XREF is scaled to the host's, as CAD programs do.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from designreview.model.errors import PlanReadError
from designreview.model.plan import ExternalReference, XrefStatus
from designreview.model.units import LengthUnit
from designreview.readers.dxf.document import WalkLimits, check_expansion, open_dxf

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from ezdxf.math import Matrix44

    Skipped = Callable[[Any, str], None]
    """Told of an entity that cannot be placed, and why."""

__all__ = [
    "MAX_XREF_DEPTH",
    "NOT_PLACED",
    "XrefResolver",
    "is_xref",
    "xref_candidates",
    "xref_warnings",
]

MAX_XREF_DEPTH = 4
NOT_PLACED = "not placed in this layout"
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:|\\")
_SHOWN_SEARCHED = 3


def xref_candidates(
    written: str, folder: Path | None, extra: Sequence[Path] = ()
) -> tuple[Path, ...]:
    r"""Where to look for the file an XREF names, in order.

    Example:
        >>> for path in xref_candidates(r"..\xrefs\core.dwg", Path("/job")):
        ...     print(path)
        /job/../xrefs/core.dxf
        /job/../xrefs/core.dwg
        /job/core.dxf
        /job/core.dwg
    """
    pure: PurePath = (
        PureWindowsPath(written)
        if _WINDOWS_PATH.search(written)
        else PurePosixPath(written)
    )
    variants = (
        [pure.with_suffix(".dxf"), pure] if pure.suffix.lower() == ".dwg" else [pure]
    )
    found: list[Path] = []
    for variant in variants:
        if variant.is_absolute():
            found.append(Path(str(variant)))
        elif folder is not None:
            found.append(folder.joinpath(*variant.parts))
    for place in ([folder] if folder is not None else []) + list(extra):
        found += [place / variant.name for variant in variants]
    return tuple(dict.fromkeys(found))


class XrefResolver:
    """Finds, reads and places the XREFs met during one import.

    Example:
        >>> import ezdxf, ezdxf.xref, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     part = ezdxf.new()
        ...     _ = part.modelspace().add_line((0, 0), (1, 0))
        ...     part.saveas(Path(folder, "part.dxf"))
        ...     host = ezdxf.new()
        ...     ezdxf.xref.define(host, "PART", "part.dxf")
        ...     ref = host.modelspace().add_blockref("PART", (5, 5))
        ...     resolver = XrefResolver(host, Path(folder, "host.dxf"))
        ...     [line] = resolver.place(ref, ref.block(), [id(host)])
        ...     line.dxf.start, resolver.records()[0].status.value
        (Vec3(5.0, 5.0, 0.0), 'loaded')
    """

    def __init__(
        self,
        host: Any,
        host_path: Path | None,
        folders: Sequence[Path] = (),
        limits: WalkLimits | None = None,
    ) -> None:
        """Resolve XREFs of ``host`` (read from ``host_path``), also in ``folders``.

        Each XREF file is held to ``limits`` like the host: too many entities, or
        blocks that expand to too many, make it unreadable.
        """
        self._host = host
        self._limits = limits or WalkLimits()
        self._paths: dict[int, Path | None] = {
            id(host): None if host_path is None else host_path.resolve()
        }
        self._docs: dict[Path, Any] = {}
        self._folders = tuple(folders)
        self._records: dict[tuple[str, str], ExternalReference] = {}

    def place(
        self,
        insert: Any,
        block: Any,
        ancestry: Sequence[int],
        skipped: Skipped | None = None,
    ) -> Iterator[Any]:
        """The XREF's model-space entities where ``insert`` places them.

        ``block`` is the insert's XREF block; ``ancestry`` the ids of the documents
        the walk is inside (the host first); ``skipped`` hears of entities that
        cannot be placed. Yields nothing, and records why, when the XREF cannot or
        should not be shown.
        """
        key = (self._origin(insert.doc), str(block.name))
        known = self._records.get(key)
        if known is None:
            known = self._resolve(insert.doc, block, key, ancestry)
            self._records[key] = known
        if known.status is not XrefStatus.LOADED:
            return iter(())
        doc = self._docs[Path(known.found_at)]
        from ezdxf.math import Matrix44

        scale = Matrix44.scale(_unit_ratio(doc, insert.doc))
        return _placed(doc.modelspace(), scale @ insert.matrix44(), skipped or _ignore)

    def records(self) -> tuple[ExternalReference, ...]:
        """Every XREF met, plus those the host defines but does not place."""
        for block in self._host.blocks:
            key = (self._origin(self._host), str(block.name))
            if is_xref(block) and key not in self._records:
                record = self._searched(self._new_record(block, key))
                found = next((p for p in record.searched if Path(p).is_file()), "")
                self._records[key] = replace(
                    record,
                    status=XrefStatus.NOT_SHOWN if found else XrefStatus.MISSING,
                    found_at=found,
                    message=NOT_PLACED,
                )
        return tuple(self._records.values())

    def _resolve(
        self, parent: Any, block: Any, key: tuple[str, str], ancestry: Sequence[int]
    ) -> ExternalReference:
        record = self._new_record(block, key)
        if parent is not self._host and block.block.is_xref_overlay:
            return replace(record, status=XrefStatus.NOT_SHOWN, message="overlay")
        if len(ancestry) > MAX_XREF_DEPTH:
            return replace(record, status=XrefStatus.TOO_DEEP)
        record = self._searched(record)
        path = next((Path(p) for p in record.searched if Path(p).is_file()), None)
        if path is None:
            return record
        path = path.resolve()
        record = replace(record, found_at=str(path))
        if path in {self._paths.get(doc_id) for doc_id in ancestry}:
            return replace(record, status=XrefStatus.CYCLE)
        try:
            self._load(path)
        except PlanReadError as exc:
            return replace(record, status=XrefStatus.UNREADABLE, message=str(exc))
        return replace(record, status=XrefStatus.LOADED)

    def _load(self, path: Path) -> None:
        if path not in self._docs:
            doc = open_dxf(path, self._limits.max_entities).doc
            check_expansion(doc.modelspace(), self._limits)
            self._docs[path] = doc
            self._paths[id(doc)] = path

    def _origin(self, doc: Any) -> str:
        path = self._paths.get(id(doc))
        return "" if path is None else str(path)

    def _new_record(self, block: Any, key: tuple[str, str]) -> ExternalReference:
        written = str(block.block.dxf.get("xref_path", "") or block.name)
        return ExternalReference(
            str(block.name), written, XrefStatus.MISSING, referenced_by=key[0]
        )

    def _searched(self, record: ExternalReference) -> ExternalReference:
        folder = Path(record.referenced_by).parent if record.referenced_by else None
        searched = xref_candidates(record.path, folder, self._folders)
        return replace(record, searched=tuple(map(str, searched)))


def is_xref(block: Any) -> bool:
    """Whether a block layout is an XREF (attached or overlaid), not a drawn block.

    Example:
        >>> import ezdxf, ezdxf.xref
        >>> doc = ezdxf.new()
        >>> ezdxf.xref.define(doc, "OV", "site.dxf", overlay=True)
        >>> is_xref(doc.blocks.get("OV")), is_xref(doc.blocks.new("DOOR"))
        (True, False)
    """
    return bool(block.block.is_xref or block.block.is_xref_overlay)


def xref_warnings(records: Iterable[ExternalReference]) -> list[str]:
    """Warnings for the XREFs a user should know about (missing, unreadable...).

    Example:
        >>> missing = ExternalReference("CORE", "core.dxf", XrefStatus.MISSING,
        ...                             searched=("/job/core.dxf",))
        >>> print(xref_warnings([missing])[0][:78])
        External reference 'CORE' (core.dxf) was not found next to the drawing (looked
    """
    warnings = []
    for record in records:
        what = _trouble(record)
        if what:
            placed = ""
            if record.message == NOT_PLACED:
                placed = " It is not placed in this layout."
            warnings.append(
                f"External reference {record.name!r} ({record.path}) {what}; what it "
                f"shows is missing from this plan.{placed} Put the file next to the "
                "drawing, or bind the reference in the CAD program, and import again."
            )
    return warnings


def _trouble(record: ExternalReference) -> str:
    if record.status is XrefStatus.MISSING:
        shown = ", ".join(record.searched[:_SHOWN_SEARCHED])
        more = ", ..." if len(record.searched) > _SHOWN_SEARCHED else ""
        return f"was not found next to the drawing (looked for {shown}{more})"
    if record.status is XrefStatus.UNREADABLE:
        return f"could not be read ({record.message})"
    if record.status is XrefStatus.CYCLE:
        return f"refers back to {record.found_at}, which is already drawn"
    if record.status is XrefStatus.TOO_DEEP:
        return f"is nested more than {MAX_XREF_DEPTH} XREFs deep"
    return ""


def _placed(layout: Any, matrix: Matrix44, skipped: Skipped) -> Iterator[Any]:
    """Copies of the layout's entities transformed by ``matrix`` (as INSERT does)."""
    for entity in layout:
        if entity.dxftype() == "ATTDEF":
            continue
        try:
            copies = [entity.copy()]
        except Exception:  # not copyable (proxies, tables): draw its parts
            copies = _parts(entity, skipped)
        yield from _transformed(copies, matrix, skipped)


def _transformed(
    entities: Iterable[Any], matrix: Matrix44, skipped: Skipped
) -> Iterator[Any]:
    from ezdxf.entities.ellipse import Ellipse
    from ezdxf.math import NonUniformScalingError

    for entity in entities:
        kind = entity.dxftype()
        try:
            moved = [entity.transform(matrix)]
        except NonUniformScalingError:
            if kind in {"ARC", "CIRCLE"}:
                moved = [Ellipse.from_arc(entity).transform(matrix)]
            else:
                moved = list(_transformed(_parts(entity, skipped), matrix, skipped))
        except Exception:  # an entity that cannot be moved is not drawn
            skipped(entity, "not transformable")
            continue
        yield from moved


def _parts(entity: Any, skipped: Skipped) -> list[Any]:
    try:
        return list(entity.virtual_entities())
    except Exception:  # nothing to draw
        skipped(entity, "no parts")
        return []


def _ignore(entity: Any, reason: str) -> None:
    """Skip silently (no walk to tell)."""


def _unit_ratio(doc: Any, parent: Any) -> float:
    """The scale from the XREF's stated unit to its parent's, when both state one."""
    child, host = (
        LengthUnit.from_insunits(d.header.get("$INSUNITS")) for d in (doc, parent)
    )
    if child is None or host is None or LengthUnit.UNITLESS in (child, host):
        return 1.0
    return child.metres / host.metres
