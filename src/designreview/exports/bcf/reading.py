"""A BCF file a BIM tool wrote back, read: its topics, statuses and comments.

Only what a merge back needs is read (``bcf.merge_back``): each topic's GUID, type,
status, title, when and by whom it was last modified, and its comments. BCF 2.1 keeps
comments beside the topic in ``markup.bcf``, 3.0 inside it (``Topic/Comments``); both
are read, whatever ``bcf.version`` says. The standard library reads it, so the app
needs no BCF library. A BCF file is untrusted input: the zip is read entry by entry
with a size limit, and anything that is not a BCF file is a clear error.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from designreview.model.errors import DesignReviewError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["BcfReadError", "ReadComment", "ReadTopic", "read_bcf"]

MAX_MARKUP_BYTES = 20_000_000
"""A markup.bcf larger than this is no BIM tool's (and could exhaust memory)."""
MAX_TOPICS = 100_000


class BcfReadError(DesignReviewError):
    """The file is no BCF file we can read."""


@dataclass(frozen=True, slots=True)
class ReadComment:
    """One comment of a topic, as the file says it (date as written)."""

    guid: str
    date: str
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class ReadTopic:
    """One topic of the file: who changed it last, and its conversation."""

    guid: str
    topic_type: str
    status: str
    title: str
    modified: tuple[str, str]
    """(date, author) of the last change, else of the creation."""
    comments: tuple[ReadComment, ...] = ()


def read_bcf(path: Path) -> tuple[str, tuple[ReadTopic, ...]]:
    """The BCF version and topics of the file ``path`` (topics in folder order).

    Raises:
        BcfReadError: the file is missing, no zip, or holds no readable BCF.
    """
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BcfReadError(f"There is no BCF file {path.name}.") from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise BcfReadError(
            f"{path.name} is not a BCF file (a BCF file is a zip archive): {exc}. "
            "Export the issues from the BIM tool as BCF again."
        ) from None
    with archive:
        version = _version(archive, path.name)
        names = [n for n in archive.namelist() if n.count("/") == 1]
        markups = [n for n in names if n.endswith("/markup.bcf")][:MAX_TOPICS]
        topics = tuple(_topic(archive, name, path.name) for name in markups)
    return version, topics


def _version(archive: zipfile.ZipFile, file: str) -> str:
    try:
        root = ET.fromstring(_read(archive, "bcf.version", file))
    except KeyError:
        raise BcfReadError(
            f"{file} has no bcf.version: it is no BCF file. Export the issues from "
            "the BIM tool as BCF 2.1 or 3.0."
        ) from None
    except ET.ParseError as exc:
        raise BcfReadError(f"The bcf.version of {file} is broken ({exc}).") from None
    return root.get("VersionId", "")


def _read(archive: zipfile.ZipFile, name: str, file: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_MARKUP_BYTES:
        raise BcfReadError(
            f"{name} in {file} is {info.file_size:,} bytes, too large for a BCF file."
        )
    try:
        with archive.open(info) as entry:
            return entry.read(MAX_MARKUP_BYTES + 1)[:MAX_MARKUP_BYTES]
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise BcfReadError(f"{name} in {file} cannot be read: {exc}.") from None


def _topic(archive: zipfile.ZipFile, name: str, file: str) -> ReadTopic:
    try:
        root = ET.fromstring(_read(archive, name, file))
    except ET.ParseError as exc:
        raise BcfReadError(
            f"The topic {name} in {file} is not valid XML ({exc}); nothing was "
            "imported. Export the issues from the BIM tool again."
        ) from None
    topic = root.find("Topic")
    if topic is None:
        raise BcfReadError(
            f"The topic {name} in {file} has no Topic; nothing was imported."
        )
    folder = name.split("/", 1)[0]
    entries = [*root.findall("Comment"), *topic.findall("Comments/Comment")]
    comments = tuple(
        ReadComment(
            c.get("Guid", ""),
            _text(c, "Date"),
            _text(c, "Author"),
            _text(c, "Comment"),
        )
        for c in entries
    )
    created = (_text(topic, "CreationDate"), _text(topic, "CreationAuthor"))
    changed = (_text(topic, "ModifiedDate"), _text(topic, "ModifiedAuthor"))
    return ReadTopic(
        (topic.get("Guid") or folder).lower(),
        topic.get("TopicType", ""),
        topic.get("TopicStatus", ""),
        _text(topic, "Title"),
        changed if changed[0] else created,
        comments,
    )


def _text(parent: ET.Element, tag: str) -> str:
    return (parent.findtext(tag) or "").strip()
