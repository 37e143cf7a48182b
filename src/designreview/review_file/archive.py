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
    FutureVersionError,
    NotAReviewFileError,
    ReviewFileError,
    UnsafeReviewFileError,
)
from designreview.review_file.migrations import CURRENT_SCHEMA_VERSION, migrate

FORMAT_NAME = "designreview-review"
SUFFIX = ".dreview"
MANIFEST, REVIEW_JSON = "manifest.json", "review.json"
_PLAN_NAME = re.compile(r"plans/[0-9a-f]{64}\.(dxf|dwg|pdf)")
_CHUNK = 1024**2
"""Members are inflated this much at a time, so a lie about a size costs 1 MiB."""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds for reading an untrusted review file."""

    max_file_bytes: int = 400 * 1024**2
    max_members: int = 256
    max_member_bytes: int = 300 * 1024**2
    """A drawing of 300 MB is far beyond any school plan (the 100k-entity plan has
    about 10 MB); importing it would need several GB (PRODUCT.md section 8)."""
    max_total_bytes: int = 400 * 1024**2
    """All parts together, so that a hostile file stays within 500 MB to refuse."""
    max_ratio: float = 200.0
    """Largest uncompressed/compressed ratio (zip bombs go far beyond)."""
    max_json_bytes: int = 64 * 1024**2
    """The manifest and review.json: markups and comments, never this large."""
    max_sheets: int = 100
    """Floors of one review; a district's largest school has a dozen."""
    max_markups: int = 10_000
    """Markups and comments of one review; a thorough review has a few hundred."""


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
        "revision": review.lineage.revision,
        "parent_revision": review.lineage.parent,
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
    return _decode(members, name, limits)


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
    """Every member, read after the manifest has said which members there must be.

    Names, counts and declared sizes are checked before any body is inflated; each
    body is inflated a chunk at a time and stops at its declared size, so a member
    that lies about its size (or a stream that never ends) costs one chunk, not the
    budget.
    """
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise UnsafeReviewFileError(
            f"{name} has {len(infos)} parts; a review has far fewer."
        )
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise UnsafeReviewFileError(
            f"{name} holds two parts of the same name; it was not written by "
            "designreview or has been tampered with, and was not opened."
        )
    for info in infos:
        _check_member(info, name, limits)
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise UnsafeReviewFileError(f"{name} would unpack to {total:,} bytes; refused.")
    by_name = {info.filename: info for info in infos}
    for needed in (MANIFEST, REVIEW_JSON):
        if needed not in by_name:
            raise DamagedReviewFileError(_damaged(name, f"its {needed} is missing"))
    manifest_bytes = _read_member(archive, by_name[MANIFEST], name, limits)
    listed = _listed_files(_load_json(manifest_bytes, name, MANIFEST), name)
    unlisted = sorted(set(by_name) - listed - {MANIFEST})
    if unlisted:
        raise UnsafeReviewFileError(
            f"{name} contains {unlisted[0]!r}, which its manifest does not list; it "
            "has been tampered with and was not opened."
        )
    members = {MANIFEST: manifest_bytes}
    for member in sorted(listed & set(by_name)):
        members[member] = _read_member(archive, by_name[member], name, limits)
    return members


def _listed_files(manifest: Any, name: str) -> set[str]:
    """The members a review's manifest lists, after checking it is one of ours."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise NotAReviewFileError(
            f"{name} is a zip archive but not a designreview review."
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DamagedReviewFileError(
            _damaged(name, f"its manifest gives no valid format version ({version!r})")
        )
    if version > CURRENT_SCHEMA_VERSION:
        raise FutureVersionError(
            f"{name} was saved by a newer designreview (review format {version}; "
            f"this version reads up to {CURRENT_SCHEMA_VERSION}). Update designreview "
            "to open it."
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        raise DamagedReviewFileError(_damaged(name, "its manifest lists no files"))
    if REVIEW_JSON not in files:
        raise DamagedReviewFileError(
            _damaged(name, f"its manifest does not list {REVIEW_JSON}")
        )
    return set(files)


def _check_member(info: zipfile.ZipInfo, name: str, limits: ReadLimits) -> None:
    member = info.filename
    if member not in (MANIFEST, REVIEW_JSON) and not _PLAN_NAME.fullmatch(member):
        raise UnsafeReviewFileError(
            f"{name} contains an unexpected part {member!r}; it was not written by "
            "designreview or has been tampered with, and was not opened."
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UnsafeReviewFileError(f"{name} contains a link ({member!r}); refused.")
    largest = (
        limits.max_json_bytes
        if member in (MANIFEST, REVIEW_JSON)
        else limits.max_member_bytes
    )
    if info.file_size > largest:
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
    """The body of ``info``, never more than its declared (and checked) size."""
    chunks: list[bytes] = []
    left = info.file_size
    try:
        with archive.open(info) as stream:
            while left > 0:
                chunk = stream.read(min(left, _CHUNK))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            # One byte more tells a stream that goes on past its declared size;
            # zipfile stops at that size and checks the CRC at the end.
            stream.read(1)
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
    if left != 0:
        raise DamagedReviewFileError(
            _damaged(name, f"part {info.filename!r} is shorter than it says")
        )
    return b"".join(chunks)


def _decode(members: dict[str, bytes], name: str, limits: ReadLimits) -> Review:
    manifest = _load_json(members[MANIFEST], name, MANIFEST)
    _verify_hashes(manifest, members, name)
    document = _load_json(members[REVIEW_JSON], name, REVIEW_JSON)
    if not isinstance(document, dict):
        raise DamagedReviewFileError(_damaged(name, "review.json is not an object"))
    document = migrate(document)
    _check_counts(document.get("review"), name, limits)
    try:
        review = from_json(Review, document.get("review"), "review")
        sources = _sources(document.get("sources", []), members, name)
    except SchemaError as exc:
        raise DamagedReviewFileError(_damaged(name, str(exc))) from exc
    decoded: Review = replace(review, sources=sources)
    return decoded


def _check_counts(body: Any, name: str, limits: ReadLimits) -> None:
    """Refuse a review with more sheets or markups than any real one, before decoding.

    Each sheet imports a drawing and each markup enters every check, so these counts,
    not the file's size, decide how long opening and checking take.
    """
    if not isinstance(body, dict):
        return  # the schema check names what is wrong
    for key, limit, what in (
        ("sheets", limits.max_sheets, "sheets"),
        ("markups", limits.max_markups, "markups"),
    ):
        items = body.get(key)
        if isinstance(items, list) and len(items) > limit:
            raise UnsafeReviewFileError(
                f"{name} has {len(items):,} {what}; a review holds at most "
                f"{limit:,}. It was not opened. Split the review into several files."
            )


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
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError covers JSONDecodeError and integers of over 4,300 digits;
        # RecursionError, arrays or objects nested thousands deep.
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

    write_atomic(path, data, verify=verify, new_mode=0o600)
