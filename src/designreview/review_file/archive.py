"""The ``.dreview`` file: one zip holding the review and the original drawings.

Layout: ``manifest.json`` (format and app versions, who saved it and when, a SHA-256 of
every other member), ``review.json`` (schema-versioned, readable, stable ordering) and
``plans/<sha256>.dxf`` byte for byte. Reading treats the file as untrusted: no
``extractall``, bounded member count, sizes and compression ratios, checked names,
verified hashes, a typed schema check; every failure is a ReviewFileError subclass.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from designreview import __version__
from designreview.model.review import Review, SourceFile
from designreview.review_file.atomic_write import write_atomic
from designreview.review_file.codec import SchemaError, from_json, to_json
from designreview.review_file.errors import (
    DamagedReviewFileError,
    NotAReviewFileError,
    ReviewFileError,
    UnsafeReviewFileError,
)
from designreview.review_file.migrations import CURRENT_SCHEMA_VERSION, migrate

FORMAT_NAME = "designreview-review"
SUFFIX = ".dreview"
MANIFEST, REVIEW_JSON = "manifest.json", "review.json"
_PLAN_NAME = re.compile(r"^plans/[0-9a-f]{64}\.(dxf|dwg|pdf)$")


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds for reading an untrusted review file."""

    max_file_bytes: int = 2 * 1024**3
    max_members: int = 256
    max_member_bytes: int = 600 * 1024**2
    max_total_bytes: int = 2 * 1024**3
    max_ratio: float = 200.0
    """Largest uncompressed/compressed ratio (zip bombs go far beyond)."""


def review_bytes(review: Review, saved_by: str = "", saved_at: str = "") -> bytes:
    """The complete ``.dreview`` file for ``review``, in memory."""
    members: dict[str, bytes] = {REVIEW_JSON: _review_json(review)}
    for source in review.sources:
        members[_member_for(source)] = source.data
    manifest = {
        "format": FORMAT_NAME,
        "format_version": CURRENT_SCHEMA_VERSION,
        "app_version": __version__,
        "review_id": review.id,
        "created_by": review.created_by,
        "created_at": review.created_at,
        "saved_by": saved_by,
        "saved_at": saved_at,
        "files": {name: _sha256(data) for name, data in sorted(members.items())},
    }
    stamp = _zip_time(saved_at)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in ((MANIFEST, _dumps(manifest)), *members.items()):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _zip_time(saved_at: str) -> tuple[int, int, int, int, int, int]:
    """Member times from the save time, so the same review saves to the same bytes."""
    try:
        when = datetime.fromisoformat(saved_at)
    except ValueError:
        return (1980, 1, 1, 0, 0, 0)
    return (
        max(when.year, 1980),
        when.month,
        when.day,
        when.hour,
        when.minute,
        when.second,
    )


def read_review_bytes(
    data: bytes, name: str, limits: ReadLimits | None = None
) -> Review:
    """The review in ``data``, the bytes of a ``.dreview`` file called ``name``."""
    limits = limits or ReadLimits()
    if len(data) > limits.max_file_bytes:
        raise UnsafeReviewFileError(f"{name} is larger than any review can be.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        EOFError,
        ValueError,
        OSError,
        NotImplementedError,
    ) as exc:
        raise _not_a_review(name, data) from exc
    with archive:
        members = _read_members(archive, name, limits)
    return _decode(members, name)


def read_review(path: Path, limits: ReadLimits | None = None) -> Review:
    """The review in the file at ``path``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReviewFileError(f"The review {path.name} does not exist.") from exc
    except IsADirectoryError as exc:
        raise ReviewFileError(f"{path.name} is a folder, not a review.") from exc
    except OSError as exc:
        raise ReviewFileError(
            f"{path.name} could not be read: {exc.strerror}."
        ) from exc
    return read_review_bytes(data, path.name, limits)


def _read_members(
    archive: zipfile.ZipFile, name: str, limits: ReadLimits
) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise UnsafeReviewFileError(
            f"{name} has {len(infos)} parts; a review has far fewer."
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise UnsafeReviewFileError(f"{name} would unpack to {total:,} bytes; refused.")
    members = {}
    for info in infos:
        _check_member(info, name, limits)
        members[info.filename] = _read_member(archive, info, name, limits)
    return members


def _check_member(info: zipfile.ZipInfo, name: str, limits: ReadLimits) -> None:
    member = info.filename
    if member not in (MANIFEST, REVIEW_JSON) and not _PLAN_NAME.match(member):
        raise UnsafeReviewFileError(
            f"{name} contains an unexpected part {member!r}; it was not written by "
            "designreview or has been tampered with, and was not opened."
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UnsafeReviewFileError(f"{name} contains a link ({member!r}); refused.")
    if info.file_size > limits.max_member_bytes:
        raise UnsafeReviewFileError(f"{name}: part {member!r} is too large; refused.")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > 1024**2 and ratio > limits.max_ratio:
        raise UnsafeReviewFileError(
            f"{name}: part {member!r} expands {ratio:.0f}-fold, like a zip bomb; "
            "refused."
        )


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: ReadLimits
) -> bytes:
    try:
        with archive.open(info) as stream:
            data = stream.read(limits.max_member_bytes + 1)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,  # an unknown compression method or zip version
        RuntimeError,  # zipfile's "encrypted, password required"
    ) as exc:
        raise DamagedReviewFileError(_damaged(name, f"part {info.filename!r}")) from exc
    if len(data) > limits.max_member_bytes:
        raise UnsafeReviewFileError(f"{name}: part {info.filename!r} is too large.")
    return data


def _decode(members: dict[str, bytes], name: str) -> Review:
    if MANIFEST not in members or REVIEW_JSON not in members:
        missing = MANIFEST if MANIFEST not in members else REVIEW_JSON
        raise DamagedReviewFileError(_damaged(name, f"its {missing} is missing"))
    manifest = _load_json(members[MANIFEST], name, MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise NotAReviewFileError(
            f"{name} is a zip archive but not a designreview review."
        )
    _verify_hashes(manifest, members, name)
    document = _load_json(members[REVIEW_JSON], name, REVIEW_JSON)
    if not isinstance(document, dict):
        raise DamagedReviewFileError(_damaged(name, "review.json is not an object"))
    document = migrate(document)
    try:
        review = from_json(Review, document.get("review"), "review")
        sources = _sources(document.get("sources", []), members, name)
    except SchemaError as exc:
        raise DamagedReviewFileError(_damaged(name, str(exc))) from exc
    decoded: Review = replace(review, sources=sources)
    return decoded


def _verify_hashes(
    manifest: dict[str, Any], members: dict[str, bytes], name: str
) -> None:
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise DamagedReviewFileError(_damaged(name, "its manifest lists no files"))
    for member, expected in files.items():
        if member not in members:
            raise DamagedReviewFileError(_damaged(name, f"part {member!r} is missing"))
        if _sha256(members[member]) != expected:
            raise DamagedReviewFileError(_damaged(name, f"part {member!r} is corrupt"))


def _sources(
    entries: Any, members: dict[str, bytes], name: str
) -> tuple[SourceFile, ...]:
    if not isinstance(entries, list):
        raise SchemaError("review.sources: expected a list")
    sources = []
    for index, entry in enumerate(entries):
        info = entry
        if not isinstance(info, dict) or not isinstance(info.get("member"), str):
            raise SchemaError(f"sources[{index}]: expected an object with a member")
        data = members.get(info["member"])
        if data is None or _sha256(data) != info.get("sha256"):
            raise DamagedReviewFileError(
                _damaged(
                    name, f"the drawing {info.get('name')!r} is missing or corrupt"
                )
            )
        sources.append(SourceFile(str(info.get("name", "")), info["sha256"], data))
    return tuple(sources)


def _review_json(review: Review) -> bytes:
    body = to_json(replace(review, sources=()))
    body.pop("sources", None)
    document = {
        "schema_version": CURRENT_SCHEMA_VERSION,
        "review": body,
        "sources": [
            {
                "name": s.name,
                "sha256": s.sha256,
                "size": len(s.data),
                "member": _member_for(s),
            }
            for s in review.sources
        ],
    }
    return _dumps(document)


def _member_for(source: SourceFile) -> str:
    suffix = Path(source.name).suffix.lower().lstrip(".")
    return (
        f"plans/{source.sha256}.{suffix if suffix in ('dxf', 'dwg', 'pdf') else 'dxf'}"
    )


def _load_json(data: bytes, name: str, member: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedReviewFileError(
            _damaged(name, f"{member} is not valid JSON")
        ) from exc


def _dumps(value: Any) -> bytes:
    return (
        json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    ).encode()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _damaged(name: str, what: str) -> str:
    return (
        f"The review {name} is damaged ({what}). Open its backup ({name}.bak beside "
        "it) or a recovered autosave instead."
    )


def _not_a_review(name: str, data: bytes) -> ReviewFileError:
    if data[:4] == b"PK\x03\x04":
        return DamagedReviewFileError(_damaged(name, "the zip container is broken"))
    return NotAReviewFileError(
        f"{name} is not a designreview review file. Open drawings (DXF) with "
        "File > Open."
    )


def write_review(
    review: Review, path: Path, saved_by: str = "", saved_at: str = ""
) -> None:
    """Save ``review`` to ``path`` atomically, keeping the previous file as a backup.

    The written bytes are read back and decoded before they replace the old file, so a
    save that would not open again never lands.

    Raises:
        SaveError: nothing was written; the file on disk is unchanged.
    """
    data = review_bytes(review, saved_by, saved_at)

    def verify(written: bytes) -> None:
        try:
            same = read_review_bytes(written, path.name) == review
        except ReviewFileError as exc:
            raise OSError(
                errno.EIO, f"the saved file does not read back ({exc})"
            ) from exc
        if not same:
            raise OSError(errno.EIO, "the saved file does not read back the same")

    write_atomic(path, data, verify=verify)
