"""The REVIEW-* layers of a DXF export, a pen that draws on them, and each markup.

Every markup and computed polygon goes on a layer of its own kind, coloured by layer
(ACI) so the architect can switch a kind off, restyle it or freeze it in one place:

=========================  ===  ====================================================
layer                      ACI  content
=========================  ===  ====================================================
REVIEW-ACCESS               30  access points: marker circle, opening, number, lock
REVIEW-DOOR-NUMBER         180  exterior doors: responder tag (circle and number)
REVIEW-BREACH               10  breach points: marker circle and label
REVIEW-OBSERVER              5  observers: marker circle and label
REVIEW-CAMERA              150  cameras: marker circle, field-of-view wedge, label
REVIEW-VIEWSHED              4  what observers and cameras see: outline and hatch
REVIEW-SIGHTLINE             6  sightlines: line, clear or blocked (a cross)
REVIEW-ZONE                  3  lockable zones drawn by reviewers
REVIEW-SAFEROOM             94  safe rooms drawn by reviewers
REVIEW-HARDCORNER           62  hard corners: drawn, and computed per classroom
REVIEW-SPACE                 8  spaces drawn or corrected by reviewers
REVIEW-COMMENT             200  comments: pin, cloud or leader, text and thread
REVIEW-RESPONDER           230  responder map items: key boxes, AEDs, shut-offs...
REVIEW-FINDING-FAIL          1  failed checks: marker, overlay, rule and message
REVIEW-FINDING-WARNING      40  warnings
REVIEW-FINDING-INFO        112  information
REVIEW-FINDING-NEEDS-INFO  220  checks that lack information
=========================  ===  ====================================================

Sizes of symbols and text are given in metres and converted to the drawing's unit.
Which layer a markup goes on is part of its kind's declaration (``render/kinds/``);
``exports/dxf/markups.py`` draws it.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ezdxf.enums import TextEntityAlignment

from designreview.model.findings import Severity

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.geometry import Point2
    from designreview.model.plan import Plan

__all__ = [
    "FINDING_LAYERS",
    "REVIEW_LAYERS",
    "DxfPen",
    "ReviewLayer",
    "add_review_layers",
    "layer_named",
    "mtext_escape",
]

_R2000 = "AC1015"
_MIDDLE_CENTER = TextEntityAlignment.MIDDLE_CENTER
_CLOUD_ARC_M = 0.6
_CLOUD_BULGE = 0.45
_VIEWSHED_HATCH_SPACING_M = 0.6
_ISO_ANSI31_SPACING = 3.175  # ezdxf's (and acadiso.pat's) ANSI31 line spacing
_IMPERIAL_ANSI31_SPACING = 0.125  # acad.pat's ANSI31 line spacing


@dataclass(frozen=True, slots=True)
class ReviewLayer:
    """A layer of the export: its name, colour (ACI) and what it holds."""

    name: str
    color: int
    description: str
    lineweight: int = 25
    """In 1/100 mm."""


ACCESS = ReviewLayer("REVIEW-ACCESS", 30, "Access points (doors, gates)")
DOOR_NUMBER = ReviewLayer("REVIEW-DOOR-NUMBER", 180, "Exterior door numbers", 35)
BREACH = ReviewLayer("REVIEW-BREACH", 10, "Breach points (glass, windows)")
OBSERVER = ReviewLayer("REVIEW-OBSERVER", 5, "Observers (reception, posts)")
CAMERA = ReviewLayer("REVIEW-CAMERA", 150, "Cameras and their field of view")
VIEWSHED = ReviewLayer("REVIEW-VIEWSHED", 4, "Areas seen by observers and cameras")
SIGHTLINE = ReviewLayer("REVIEW-SIGHTLINE", 6, "Sightlines, clear or blocked")
ZONE = ReviewLayer("REVIEW-ZONE", 3, "Lockable zones", 35)
SAFEROOM = ReviewLayer("REVIEW-SAFEROOM", 94, "Safe rooms", 35)
HARDCORNER = ReviewLayer("REVIEW-HARDCORNER", 62, "Hard corners (unseen areas)", 35)
SPACE = ReviewLayer("REVIEW-SPACE", 8, "Spaces drawn by reviewers")
COMMENT = ReviewLayer("REVIEW-COMMENT", 200, "Review comments and clouds", 35)
RESPONDER = ReviewLayer("REVIEW-RESPONDER", 230, "Responder map items")
FINDING_LAYERS: dict[Severity, ReviewLayer] = {
    Severity.FAIL: ReviewLayer("REVIEW-FINDING-FAIL", 1, "Failed checks", 50),
    Severity.WARNING: ReviewLayer("REVIEW-FINDING-WARNING", 40, "Warnings", 35),
    Severity.INFO: ReviewLayer("REVIEW-FINDING-INFO", 112, "Information"),
    Severity.NEEDS_INFORMATION: ReviewLayer(
        "REVIEW-FINDING-NEEDS-INFO", 220, "Checks lacking information", 35
    ),
}
REVIEW_LAYERS: tuple[ReviewLayer, ...] = (
    ACCESS, DOOR_NUMBER, BREACH, OBSERVER, CAMERA, VIEWSHED, SIGHTLINE, ZONE, SAFEROOM,
    HARDCORNER, SPACE, COMMENT, RESPONDER, *FINDING_LAYERS.values(),
)  # fmt: skip


_BY_NAME = {spec.name: spec for spec in REVIEW_LAYERS}


def layer_named(name: str) -> ReviewLayer:
    """The layer called ``name``; one no kind has styled yet is white (ACI 7).

    Example:
        >>> layer_named("REVIEW-CAMERA").color, layer_named("REVIEW-AED").color
        (150, 7)
    """
    return _BY_NAME.get(name) or ReviewLayer(name, 7, name.removeprefix("REVIEW-"))


def add_review_layers(doc: Any) -> None:
    """Add every REVIEW-* layer to ``doc``, or restyle the ones it already has."""
    modern = doc.dxfversion >= _R2000
    for spec in REVIEW_LAYERS:
        if spec.name in doc.layers:
            layer = doc.layers.get(spec.name)
        else:
            layer = doc.layers.add(spec.name)
        layer.color = spec.color
        layer.on()
        layer.thaw()
        if modern:
            layer.dxf.lineweight = spec.lineweight
            layer.description = spec.description


def mtext_escape(text: str) -> str:
    r"""Plain text as MTEXT content: backslashes and braces escaped, one line.

    Example:
        >>> print(mtext_escape("a\\b {c}\nd"))
        a\\b \{c\} d
    """
    flat = " ".join(text.split())
    return flat.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


class DxfPen:
    """Draws on one layout in the drawing's own frame from local metres.

    A local point ``(x, y)`` lands at ``((x + ox) / s, (y + oy) / s)``, where
    ``(ox, oy)`` is the plan's local origin and ``s`` its unit in metres. Before
    DXF R2000 there is no LWPOLYLINE, MTEXT or HATCH: the pen draws POLYLINE and
    TEXT instead and leaves hatches out.
    """

    def __init__(self, doc: Any, layout: Any, plan: Plan) -> None:
        """Draw into ``layout`` of ``doc`` in the frame and unit of ``plan``."""
        self.layout = layout
        self.is_modern = doc.dxfversion >= _R2000
        self.is_imperial = plan.is_imperial
        self._origin = plan.origin_m
        self._scale = plan.scale_to_m or 1.0
        self._imperial_hatch = doc.header.get("$MEASUREMENT", 1) == 0
        self.counts: Counter[str] = Counter()
        """How many entities the pen drew on each layer."""

    def point(self, local: Point2) -> tuple[float, float]:
        """A local point in metres in drawing coordinates and units."""
        return (
            (local[0] + self._origin[0]) / self._scale,
            (local[1] + self._origin[1]) / self._scale,
        )

    def length(self, metres: float) -> float:
        """A length in metres in drawing units."""
        return metres / self._scale

    def polyline(
        self, layer: ReviewLayer, points: Sequence[Point2], closed: bool = False
    ) -> None:
        """A polyline through local ``points`` (skipped when degenerate)."""
        xy = _finite([self.point(p) for p in points])
        if closed and len(xy) > 1 and xy[0] == xy[-1]:
            xy = xy[:-1]
        if len(xy) < 2:
            return
        attribs = {"layer": layer.name}
        self.counts[layer.name] += 1
        if self.is_modern:
            self.layout.add_lwpolyline(
                xy, format="xy", close=closed, dxfattribs=attribs
            )
        else:
            self.layout.add_polyline2d(xy, close=closed, dxfattribs=attribs)

    def circle(self, layer: ReviewLayer, center: Point2, radius_m: float) -> None:
        """A circle around a local point."""
        self.counts[layer.name] += 1
        self.layout.add_circle(
            self.point(center), self.length(radius_m), dxfattribs={"layer": layer.name}
        )

    def cross(self, layer: ReviewLayer, center: Point2, size_m: float) -> None:
        """An X of two lines, ``size_m`` across, at a local point."""
        x, y = center
        half = size_m / 2
        self.counts[layer.name] += 2
        for dx, dy in ((half, half), (half, -half)):
            self.layout.add_line(
                self.point((x - dx, y - dy)),
                self.point((x + dx, y + dy)),
                dxfattribs={"layer": layer.name},
            )

    def text(
        self,
        layer: ReviewLayer,
        lines: Sequence[str],
        at: Point2,
        height_m: float,
        wrap: int = 0,
        centered: bool = False,
    ) -> int:
        """Lines of text, their top-left corner (or middle) at a local point.

        Lines longer than ``wrap`` characters (0: never) are broken here, not left
        to the MTEXT width, which LibreCAD ignores. Before R2000 each line is a TEXT.

        Returns:
            How many lines were written.
        """
        lines = [" ".join(line.split()) for line in lines if line.strip()]
        if wrap > 0:
            lines = [part for line in lines for part in textwrap.wrap(line, wrap)]
        if not lines:
            return 0
        if not self.is_modern:
            self._plain_text(layer, lines, at, height_m, centered)
            return len(lines)
        attribs: dict[str, Any] = {
            "layer": layer.name,
            "char_height": self.length(height_m),
            "insert": self.point(at),
            "attachment_point": 5 if centered else 1,  # middle centre, top left
        }
        if wrap > 0:  # wide enough that no CAD program wraps again
            attribs["width"] = self.length(wrap * height_m)
        self.counts[layer.name] += 1
        self.layout.add_mtext("\\P".join(mtext_escape(s) for s in lines), attribs)
        return len(lines)

    def _plain_text(
        self,
        layer: ReviewLayer,
        lines: Sequence[str],
        at: Point2,
        height_m: float,
        centered: bool,
    ) -> None:
        height = self.length(height_m)
        x, y = self.point(at)
        for i, line in enumerate(lines):
            text = self.layout.add_text(
                line, height=height, dxfattribs={"layer": layer.name}
            )
            if centered:
                offset = 1.6 * height * ((len(lines) - 1) / 2 - i)
                text.set_placement((x, y + offset), align=_MIDDLE_CENTER)
            else:
                text.set_placement((x, y - 1.6 * height * (i + 1) + 0.6 * height))
            self.counts[layer.name] += 1

    def hatch(self, layer: ReviewLayer, rings: Sequence[Sequence[Point2]]) -> None:
        """A light line hatch over the area of ``rings`` (outer ring first).

        A line pattern, not a solid fill: viewers without transparency (LibreCAD)
        still show the drawing underneath. CAD programs with transparency show it
        half transparent as well.
        """
        paths = [_finite([self.point(p) for p in ring]) for ring in rings]
        paths = [p for p in paths if len(p) >= 3]
        if not self.is_modern or not paths:
            return
        self.counts[layer.name] += 1
        hatch = self.layout.add_hatch(color=256, dxfattribs={"layer": layer.name})
        for i, path in enumerate(paths):
            hatch.paths.add_polyline_path(
                path, is_closed=True, flags=1 if i == 0 else 0
            )
        base = _IMPERIAL_ANSI31_SPACING if self._imperial_hatch else _ISO_ANSI31_SPACING
        scale = self.length(_VIEWSHED_HATCH_SPACING_M) / base
        hatch.set_pattern_fill("ANSI31", color=256, scale=scale)
        hatch.transparency = 0.5

    def cloud(self, layer: ReviewLayer, points: Sequence[Point2]) -> None:
        """A revision cloud (arcs bulging outwards) around a local polygon."""
        ring = [p for p in points if math.isfinite(p[0]) and math.isfinite(p[1])]
        if len(ring) > 1 and ring[0] == ring[-1]:
            ring = ring[:-1]
        if len(ring) < 3:
            self.polyline(layer, ring)
            return
        if _signed_area(ring) < 0:
            ring.reverse()  # counter-clockwise: a positive bulge points outwards
        vertices: list[tuple[float, float, float]] = []
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
            steps = max(1, round(math.hypot(x2 - x1, y2 - y1) / _CLOUD_ARC_M))
            for k in range(steps):
                t = k / steps
                px, py = self.point((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t))
                vertices.append((px, py, _CLOUD_BULGE))
        attribs = {"layer": layer.name}
        self.counts[layer.name] += 1
        if self.is_modern:
            self.layout.add_lwpolyline(
                vertices, format="xyb", close=True, dxfattribs=attribs
            )
        else:
            self.layout.add_polyline2d(
                vertices, format="xyb", close=True, dxfattribs=attribs
            )


def _finite(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [p for p in points if math.isfinite(p[0]) and math.isfinite(p[1])]


def _signed_area(ring: Sequence[Point2]) -> float:
    """Twice the signed area: positive when the ring runs counter-clockwise.

    Example:
        >>> _signed_area([(0, 0), (1, 0), (1, 1)])
        1
    """
    return sum(
        x1 * y2 - x2 * y1
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True)
    )
