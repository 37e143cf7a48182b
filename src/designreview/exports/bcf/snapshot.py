"""A BCF topic's view: where its camera looks, and the picture of what it sees.

``viewpoint_xml`` is the topic's ``viewpoint.bcfv``: an orthogonal camera straight down
at the view's centre in the drawing's own coordinates (metres), ViewToWorldScale the
view's height in metres, the topic's outlines as BCF lines on the floor, and a
clipping plane at the plan's cut height that hides upper floors and roofs in a 3-D
model. For a plan cut from an IFC model those coordinates are the model's own, and
heights count from its storey's elevation, so the camera looks at the storey the
BIM tool shows; the IFC elements a topic is about are the viewpoint's selection.
``render_snapshot`` is its ``snapshot.png``: the same view of the plan, drawn
with Pillow (Qt stays in ``ui/``, STYLE.md section 1) from the same primitives
and markup graphics the canvas draws, so colours agree with the screen. The picture is
drawn at twice its size and scaled down, which smooths the lines. Dashed markups are
drawn solid and rotated drawing texts are left out: this is a thumbnail for a BIM
tool's issue list, not the review packet. Text is in the product's DejaVu Sans; CJK
text needs an installed CJK font and is left out without one (never drawn as boxes).
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, overload
from xml.etree import ElementTree as ET

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from designreview.model.geometry import Point2
from designreview.model.units import M_PER_FT
from designreview.render.frontend import plan_primitives
from designreview.render.primitives import SegmentBatch, TextPrimitive
from designreview.render.style import Rgb, Theme, palette
from designreview.resources import resource

if TYPE_CHECKING:
    from collections.abc import Sequence

    from designreview.model.bim_links import LinkedElement
    from designreview.model.plan import Plan
    from designreview.render.graphic import MarkupGraphic

__all__ = [
    "Highlight", "SnapshotView", "render_snapshot", "view_around",
    "viewpoint_xml",
]  # fmt: skip

SUPERSAMPLE = 2
"""Drawn this many times larger, then scaled down (Pillow does not antialias lines)."""
BANNER_PX = 22
BANNER_COLOR: Rgb = (24, 24, 28)
"""Neutral: a coloured band would suggest a classification level it does not know."""
CAMERA_ABOVE_M = 100.0
"""Camera height without a plan cut (straight down, any height looks the same)."""
MAX_LINES = 500
"""Outline segments given to a BIM viewer as lines (blind spots can have thousands)."""
MARKER_PX = 11
"""Radius of the ring at a topic's location, as on the canvas (finding_overlay)."""
_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
_LATIN_FONTS = ("DejaVuSans.ttf", "Arial.ttf", "arial.ttf")
_CJK_FONTS = ("DroidSansFallbackFull.ttf", "NotoSansCJK-Regular.ttc", "msyh.ttc")
_IFC_GUID = re.compile(r"[0-9A-Za-z_$]{22}")
"""What BCF's IfcGuid attribute accepts: 22 characters of IFC's base 64."""
_CJK_RUNS = re.compile("([\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+)")


@dataclass(frozen=True, slots=True)
class SnapshotView:
    """A window on a sheet: its centre and height in local metres, its size in pixels.

    Example:
        >>> view = SnapshotView((10.0, 5.0), 6.0, (80, 60))
        >>> view.width_m, view.to_px((10.0, 8.0))
        (8.0, (40.0, 0.0))
    """

    center: Point2
    height_m: float
    size_px: tuple[int, int] = (800, 600)

    @property
    def width_m(self) -> float:
        """Metres from the left edge to the right edge."""
        return self.height_m * self.size_px[0] / self.size_px[1]

    @property
    def m_per_px(self) -> float:
        """Metres per pixel."""
        return self.height_m / self.size_px[1]

    def to_px(self, point: Point2) -> tuple[float, float]:
        """A point in local metres (y up) in pixels (y down)."""
        scale = self.size_px[1] / self.height_m
        return (
            self.size_px[0] / 2 + (point[0] - self.center[0]) * scale,
            self.size_px[1] / 2 - (point[1] - self.center[1]) * scale,
        )


@dataclass(frozen=True, slots=True)
class Highlight:
    """What a topic is about: a point, the outlines that explain it, their colour."""

    location: Point2
    rings: tuple[tuple[Point2, ...], ...] = ()
    color: Rgb = (210, 30, 30)


def view_around(
    highlight: Highlight,
    min_height_m: float = 20.0,
    size_px: tuple[int, int] = (800, 600),
    margin: float = 1.15,
) -> SnapshotView:
    """The view centred on the highlight, at least ``min_height_m`` tall, outlines in.

    Example:
        >>> view_around(Highlight((0.0, 0.0))).height_m
        20.0
        >>> round(view_around(Highlight((0.0, 0.0), (((0, 0), (0, 40)),))).height_m)
        92
    """
    cx, cy = highlight.location
    aspect = size_px[0] / size_px[1]
    reach = (
        max(abs(x - cx) / aspect, abs(y - cy))
        for ring in highlight.rings
        for x, y in ring
    )
    height = max(min_height_m, 2 * margin * max(reach, default=0.0), 1.0)
    return SnapshotView((float(cx), float(cy)), float(height), size_px)


def viewpoint_xml(
    guid: str,
    view: SnapshotView,
    highlight: Highlight,
    plan: Plan,
    cut_height_m: float | None = 1.2,
    selection: Sequence[LinkedElement] = (),
    version: str = "2.1",
) -> bytes:
    """The BCF ``viewpoint.bcfv`` of ``view`` on ``plan`` (see the module's top).

    ``selection`` are the IFC elements to select (written with the model's
    authoring tool as their originating system); ``version`` is ``"2.1"`` or
    ``"3.0"`` (which adds the camera's aspect ratio).

    Example:
        >>> from designreview.model.geometry import Extents
        >>> from designreview.model.plan import Plan
        >>> from designreview.model.units import LengthUnit
        >>> plan = Plan("p", "AC1027", LengthUnit.METRE, 1.0, (1000.0, 0.0),
        ...             Extents(0, 0, 1, 1), (), ())
        >>> view = SnapshotView((2.0, 3.0), 20.0)
        >>> xml = ET.fromstring(viewpoint_xml("0" * 36, view, Highlight((2, 3)), plan))
        >>> [e.text for e in xml.find("OrthogonalCamera/CameraViewPoint")]
        ['1002.0', '3.0', '1.2']
    """
    root = ET.Element("VisualizationInfo", Guid=guid)
    _components(root, selection, plan.bim.application if plan.bim else "")
    floor = plan.bim.elevation_m if plan.bim is not None else 0.0
    x, y = plan.to_drawing_m(view.center)
    z = floor + (CAMERA_ABOVE_M if cut_height_m is None else cut_height_m)
    camera = ET.SubElement(root, "OrthogonalCamera")
    _xyz(camera, "CameraViewPoint", (x, y, z))
    _xyz(camera, "CameraDirection", (0.0, 0.0, -1.0))
    _xyz(camera, "CameraUpVector", (0.0, 1.0, 0.0))
    ET.SubElement(camera, "ViewToWorldScale").text = _number(view.height_m)
    if version != "2.1":
        aspect = view.size_px[0] / view.size_px[1]
        ET.SubElement(camera, "AspectRatio").text = _number(aspect)
    segments = [
        (plan.to_drawing_m(a), plan.to_drawing_m(b))
        for ring in highlight.rings
        for a, b in itertools.pairwise(ring)
    ][:MAX_LINES]
    if segments:
        lines = ET.SubElement(root, "Lines")
        for a, b in segments:
            line = ET.SubElement(lines, "Line")
            _xyz(line, "StartPoint", (*a, floor))
            _xyz(line, "EndPoint", (*b, floor))
    if cut_height_m is not None:  # a plane's direction points to the hidden side
        plane = ET.SubElement(ET.SubElement(root, "ClippingPlanes"), "ClippingPlane")
        _xyz(plane, "Location", (x, y, floor + cut_height_m))
        _xyz(plane, "Direction", (0.0, 0.0, 1.0))
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _components(
    root: ET.Element, selection: Sequence[LinkedElement], system: str
) -> None:
    """Everything visible; the topic's elements selected (GlobalIds BCF accepts)."""
    components = ET.SubElement(root, "Components")
    chosen = [e for e in selection if _IFC_GUID.fullmatch(e.guid)]
    if chosen:
        picked = ET.SubElement(components, "Selection")
        for element in chosen:
            component = ET.SubElement(picked, "Component", IfcGuid=element.guid)
            if system.strip():
                ET.SubElement(component, "OriginatingSystem").text = system.strip()
    ET.SubElement(components, "Visibility", DefaultVisibility="true")


def render_snapshot(
    plan: Plan,
    graphics: Sequence[MarkupGraphic],
    view: SnapshotView,
    highlight: Highlight,
    banner: str = "",
    theme: Theme = Theme.LIGHT,
) -> bytes:
    """A PNG of ``view``: the plan, its markups, the highlight, a scale bar, banners.

    ``banner`` (the classification) is printed at the top and bottom; none if blank.
    """
    width, height = view.size_px
    big = SnapshotView(
        view.center, view.height_m, (width * SUPERSAMPLE, height * SUPERSAMPLE)
    )
    image = Image.new("RGB", big.size_px, palette(theme).background)
    draw = ImageDraw.Draw(image, "RGBA")  # RGBA: fills blend with what is below
    _draw_plan(draw, plan, big, theme)
    for graphic in graphics:
        _draw_graphic(draw, graphic, big, palette(theme).background)
    _draw_highlight(draw, highlight, big)
    image = image.resize(view.size_px, Image.Resampling.BOX)  # 2 x 2 averages
    draw = ImageDraw.Draw(image)
    _draw_scale_bar(draw, view, plan.is_imperial, theme)
    if banner.strip():
        _draw_banners(draw, view.size_px, " ".join(banner.split()))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _draw_plan(
    draw: ImageDraw.ImageDraw, plan: Plan, view: SnapshotView, theme: Theme
) -> None:
    hidden = {info.name for info in plan.layers if not info.is_visible}
    for primitive in plan_primitives(plan, theme):
        if primitive.source_id in hidden:
            continue
        if isinstance(primitive, SegmentBatch):
            _draw_segments(draw, primitive, view)
        else:
            _draw_text(draw, primitive, view)


def _draw_segments(
    draw: ImageDraw.ImageDraw, batch: SegmentBatch, view: SnapshotView
) -> None:
    """Only the segments that cross the view: a big plan has 100k of them."""
    segments = np.asarray(batch.segments, dtype=float).reshape(-1, 4)
    scale = view.size_px[1] / view.height_m
    xs = (segments[:, [0, 2]] - view.center[0]) * scale + view.size_px[0] / 2
    ys = view.size_px[1] / 2 - (segments[:, [1, 3]] - view.center[1]) * scale
    keep = (
        np.isfinite(xs).all(axis=1)
        & np.isfinite(ys).all(axis=1)
        & (xs.max(axis=1) >= 0)
        & (xs.min(axis=1) <= view.size_px[0])
        & (ys.max(axis=1) >= 0)
        & (ys.min(axis=1) <= view.size_px[1])
    )
    width = max(1, round(batch.style.width_px * SUPERSAMPLE))
    for x1, y1, x2, y2 in np.column_stack([xs, ys])[keep][:, [0, 2, 1, 3]].tolist():
        draw.line((x1, y1, x2, y2), fill=batch.style.color, width=width)


def _draw_text(
    draw: ImageDraw.ImageDraw, text: TextPrimitive, view: SnapshotView
) -> None:
    size = round(text.height_m / view.m_per_px)
    if abs(text.rotation_deg) % 360 > 1 or not SUPERSAMPLE * 6 <= size <= 400:
        return  # rotated, unreadably small, or a title block's giant letters
    runs = _runs(text.text, size)
    if runs:  # DXF text sits on its baseline, from its start: anchor "ls"
        _draw_runs(draw, view.to_px(text.position), runs, text.color)


def _draw_graphic(
    draw: ImageDraw.ImageDraw, graphic: MarkupGraphic, view: SnapshotView, halo: Rgb
) -> None:
    points = [view.to_px(p) for p in graphic.outline]
    width = 2 * SUPERSAMPLE
    if graphic.closed and len(points) >= 3:
        fill = (*graphic.color, graphic.fill_alpha) if graphic.fill_alpha else None
        draw.polygon(points, fill=fill)
        draw.line([*points, points[0]], fill=graphic.color, width=width)
    elif len(points) >= 2:
        draw.line(points, fill=graphic.color, width=width)
    x, y = view.to_px(graphic.anchor)
    if graphic.symbol is not None:
        r = 5 * SUPERSAMPLE
        draw.ellipse((x - r, y - r, x + r, y + r), fill=graphic.color, outline=halo)
    runs = _runs(graphic.label, 11 * SUPERSAMPLE)
    if runs:
        offset = 8 * SUPERSAMPLE
        _draw_runs(draw, (x + offset, y - offset), runs, graphic.color, halo)


def _draw_highlight(
    draw: ImageDraw.ImageDraw, highlight: Highlight, view: SnapshotView
) -> None:
    color, width = highlight.color, round(2.5 * SUPERSAMPLE)
    for ring in highlight.rings:
        points = [view.to_px(p) for p in ring]
        if len(points) >= 3 and ring[0] == ring[-1]:
            draw.polygon(points, fill=(*color, 70))
        if len(points) >= 2:
            draw.line(points, fill=color, width=width, joint="curve")
    x, y = view.to_px(highlight.location)
    for radius in (MARKER_PX * SUPERSAMPLE, 4 * SUPERSAMPLE):
        box = (x - radius, y - radius, x + radius, y + radius)
        draw.ellipse(box, outline=color, width=width)


def _draw_scale_bar(
    draw: ImageDraw.ImageDraw, view: SnapshotView, imperial: bool, theme: Theme
) -> None:
    """A bar of a round length, about a fifth of the width, in the plan's units."""
    unit_m, unit = (M_PER_FT, "ft") if imperial else (1.0, "m")
    target = view.width_m / 5 / unit_m
    steps = [n * 10**e for e in range(-1, 5) for n in (1, 2, 5)]
    length = max((n for n in steps if n <= target), default=steps[0])
    bar_px = length * unit_m / view.m_per_px
    text, font = f"{length:g} {unit}", _font(12)
    x0, y0 = 12, view.size_px[1] - BANNER_PX - 14
    right = x0 + bar_px + 10 + draw.textlength(text, font=font)
    colors = palette(theme)
    draw.rectangle((x0 - 6, y0 - 9, right, y0 + 12), fill=colors.background)
    draw.rectangle((x0, y0, x0 + bar_px, y0 + 4), fill=colors.text)
    draw.text((x0 + bar_px + 6, y0 + 2), text, fill=colors.text, font=font,
              anchor="lm")  # fmt: skip


def _draw_banners(
    draw: ImageDraw.ImageDraw, size_px: tuple[int, int], text: str
) -> None:
    width, height = size_px
    runs = [(text, _font(13))]
    for size in range(13, 6, -1):  # shrink a long marking until it fits
        runs = _runs(text, size) or [(text, _font(size))]  # boxes beat no marking
        if _length(draw, runs) <= width - 16:
            break
    left = (width - _length(draw, runs)) / 2
    for top in (0, height - BANNER_PX):
        draw.rectangle((0, top, width, top + BANNER_PX - 1), fill=BANNER_COLOR)
        _draw_runs(
            draw, (left, top + BANNER_PX / 2), runs, (255, 255, 255), anchor="lm"
        )


def _runs(text: str, size: int) -> list[tuple[str, _Font]]:
    """``text`` in runs of CJK and other characters, each with a font that has them.

    Empty when there is no CJK font for CJK text: left out rather than drawn as boxes.
    """
    runs = []
    for run in _CJK_RUNS.split(text):
        font = _font(size, cjk=bool(_CJK_RUNS.fullmatch(run))) if run else None
        if run and font is None:
            return []
        if run and font is not None:
            runs.append((run, font))
    return runs


def _draw_runs(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    runs: list[tuple[str, _Font]],
    fill: Rgb,
    halo: Rgb | None = None,
    anchor: str = "ls",
) -> None:
    x, y = xy
    stroke = SUPERSAMPLE if halo is not None else 0
    for run, font in runs:
        draw.text((x, y), run, fill, font, anchor, stroke_width=stroke,
                  stroke_fill=halo)  # fmt: skip
        x += draw.textlength(run, font=font)


def _length(draw: ImageDraw.ImageDraw, runs: list[tuple[str, _Font]]) -> float:
    return sum(draw.textlength(run, font=font) for run, font in runs)


def _xyz(parent: ET.Element, tag: str, point: tuple[float, float, float]) -> None:
    element = ET.SubElement(parent, tag)
    for axis, value in zip("XYZ", point, strict=True):
        ET.SubElement(element, axis).text = _number(value)


def _number(value: float) -> str:
    return repr(round(float(value), 6) + 0.0)  # + 0.0 turns -0.0 into 0.0


@overload
def _font(size: int) -> _Font: ...
@overload
def _font(size: int, cjk: bool) -> _Font | None: ...
@cache
def _font(size: int, cjk: bool = False) -> _Font | None:
    """The product's DejaVu Sans (Latin, Greek, Cyrillic) or its CJK font."""
    shipped = resource(
        "fonts", "DroidSansFallback-CJK.ttf" if cjk else "DejaVuSans.ttf"
    )
    names = (str(shipped), *(_CJK_FONTS if cjk else _LATIN_FONTS))
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None if cjk else ImageFont.load_default(size)
