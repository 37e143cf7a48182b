"""The raw primitives every reader fills: what a walk over a drawing found.

Both DXF readers (ezdxf's walk and the fast reader) and later readers report the
same things in drawing units: segments per layer, texts, door inserts, door-layer
arcs, closed outlines, and what they could not draw. Recognition reads only
these, never a file library, so a new reader needs to fill this and nothing else.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from designreview.model.geometry import Point2
from designreview.model.markups import SpaceType
from designreview.recognition.doors.swings import Swing

__all__ = [
    "RawArc",
    "RawDoor",
    "RawFixture",
    "RawOutline",
    "RawText",
    "SkipReason",
    "WalkResult",
    "skip_message",
]


class SkipReason(Enum):
    """Why a reader left an entity out; the value is the key it is counted by.

    :func:`skip_message` says it in words a CAD user knows, for the import report.

    Example:
        >>> SkipReason.UNSUPPORTED.label("MESH"), SkipReason.NOT_DRAWN.label("POINT")
        ('unsupported MESH', 'not drawn')
    """

    UNREADABLE = "unreadable {kind}"
    UNSUPPORTED = "unsupported {kind}"
    NOT_DRAWN = "not drawn"
    IN_BLOCK = "in block: {kind}"
    NESTED_TOO_DEEP = "blocks nested too deep"
    XREF_NOT_RESOLVED = "XREF not resolved"
    ABSURD_CURVE = "curves with absurd coordinates"

    def label(self, kind: str = "") -> str:
        """The key for this reason, naming the entity type if it matters."""
        return self.value.format(kind=kind)


_PLAIN = {
    SkipReason.UNREADABLE: (
        "{n} {kind} entity could not be read: its data is damaged (left out)",
        "{n} {kind} entities could not be read: their data is damaged (left out)",
    ),
    SkipReason.UNSUPPORTED: (
        "{n} {kind} entity is of a kind this program does not draw (left out)",
        "{n} {kind} entities are of a kind this program does not draw (left out)",
    ),
    SkipReason.NOT_DRAWN: (
        "{n} point, viewport, image or construction line is not part of the plan "
        "(left out)",
        "{n} points, viewports, images and construction lines are not part of the "
        "plan (left out)",
    ),
    SkipReason.IN_BLOCK: (
        "{n} {kind} entity inside a block could not be drawn (left out)",
        "{n} {kind} entities inside blocks could not be drawn (left out)",
    ),
    SkipReason.NESTED_TOO_DEEP: (
        "{n} block is nested inside too many others to be drawn (left out)",
        "{n} blocks are nested inside too many others to be drawn (left out)",
    ),
    SkipReason.XREF_NOT_RESOLVED: (
        "{n} external reference (XREF) was not found and is not drawn: put its "
        "file beside the drawing, or bind it in the CAD program",
        "{n} external references (XREFs) were not found and are not drawn: put "
        "their files beside the drawing, or bind them in the CAD program",
    ),
    SkipReason.ABSURD_CURVE: (
        "{n} curve has coordinates too far out to be real (left out)",
        "{n} curves have coordinates too far out to be real (left out)",
    ),
}
_KEYS = [
    (re.compile(re.escape(r.value).replace(re.escape("{kind}"), "(?P<kind>.*)")), r)
    for r in SkipReason
]


def skip_message(key: str, count: int) -> str:
    """The import report's sentence for ``count`` entities left out under ``key``.

    Example:
        >>> skip_message("not drawn", 1111)[:59]
        '1,111 points, viewports, images and construction lines are '
        >>> skip_message("unsupported MESH", 1)
        '1 MESH entity is of a kind this program does not draw (left out)'
    """
    for pattern, reason in _KEYS:
        match = pattern.fullmatch(key)
        if match:
            kind = match.groupdict().get("kind", "")
            template = _PLAIN[reason][count != 1]
            return template.format(n=f"{count:,}", kind=kind)
    return f"{count:,} entities left out: {key}"


@dataclass(slots=True)
class RawText:
    """Text found in the drawing, in drawing units."""

    text: str
    x: float
    y: float
    height: float
    rotation_deg: float
    layer: str


@dataclass(frozen=True, slots=True)
class RawDoor:
    """A door block insert, placed in the drawing (drawing units)."""

    key: str
    swing: Swing
    number: str
    hardware: str
    layer: str
    block: str


@dataclass(frozen=True, slots=True)
class RawArc:
    """An arc on a door layer outside door blocks (drawing units)."""

    key: str
    center: Point2
    radius: float
    ends: tuple[Point2, Point2]
    mid: Point2
    span_deg: float
    layer: str


@dataclass(frozen=True, slots=True)
class RawOutline:
    """A closed polyline that may be a room (drawing units, flattened)."""

    key: str
    points: tuple[Point2, ...]
    layer: str


@dataclass(slots=True)
class RawFixture:
    """A fixture block that says what its room is for (a toilet), where it stands."""

    space_type: SpaceType
    at: Point2
    """The insert's base point, drawing units."""


@dataclass(slots=True)
class WalkResult:
    """What one walk over a layout found, in drawing units."""

    segments: dict[str, array[float]] = field(default_factory=dict)
    texts: list[RawText] = field(default_factory=list)
    top_level_counts: Counter[str] = field(default_factory=Counter)
    inserts_by_layer: Counter[str] = field(default_factory=Counter)
    block_inserts: Counter[str] = field(default_factory=Counter)
    closed_outlines: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    """Entities left out, counted by their :class:`SkipReason` label."""
    visited: int = 0
    segment_count: int = 0
    largest_curve: float = 0.0
    doors: list[RawDoor] = field(default_factory=list)
    door_arcs: list[RawArc] = field(default_factory=list)
    outlines: list[RawOutline] = field(default_factory=list)
    fixtures: list[RawFixture] = field(default_factory=list)
    window_segments: array[float] = field(default_factory=lambda: array("d"))
    """Segments drawn by window blocks (``WIN6``) on any layer: they close rooms
    even when the block sits on a furniture or 0 layer."""

    def skip(self, reason: SkipReason, kind: str = "", count: int = 1) -> None:
        """Count ``count`` entities of type ``kind`` left out for ``reason``.

        Example:
            >>> found = WalkResult()
            >>> found.skip(SkipReason.UNREADABLE, "LINE")
            >>> dict(found.skipped)
            {'unreadable LINE': 1}
        """
        self.skipped[reason.label(kind)] += count
