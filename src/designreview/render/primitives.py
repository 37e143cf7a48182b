"""What backends draw: plain values with a resolved style and the id of their source."""

from __future__ import annotations

from dataclasses import dataclass

from designreview.model.geometry import Point2
from designreview.model.plan import SegmentArray
from designreview.render.style import LineStyle, Rgb


@dataclass(frozen=True, slots=True, eq=False)
class SegmentBatch:
    """Many straight segments drawn alike (one drawing layer)."""

    source_id: str
    segments: SegmentArray
    style: LineStyle


@dataclass(frozen=True, slots=True)
class TextPrimitive:
    """A text anchored at its baseline start, height in metres."""

    source_id: str
    text: str
    position: Point2
    height_m: float
    rotation_deg: float
    color: Rgb


Primitive = SegmentBatch | TextPrimitive
