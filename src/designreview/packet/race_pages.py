"""A lockdown race page per printed sheet with a way in: bands, race colours, losers.

The entry is the sheet's worst (:func:`~designreview.analysis.lockdown_map.
worst_entry`: the most rooms lost to a walking intruder). The map shows the
walking intruder's isochrone bands from it (30, 60, 120 s), each occupied room in
its race colour (the Lockdown view's, from ``render.style``) and the entry; a
legend explains the colours; the table lists the rooms that lose the race, with
their arrival, secure and spare times and what the intruder's route sees of them
through their door glass.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Paragraph, Spacer

from designreview.analysis.lockdown_map import (
    LockdownMap,
    MapCaches,
    RaceStatus,
    lockdown_map,
    worst_entry,
)
from designreview.model.findings import Finding, Severity
from designreview.model.units import POINTS_PER_M
from designreview.packet.fonts import paragraph_text
from designreview.packet.layout import GRID_STRIP_PT, STYLES
from designreview.packet.plan_pages import FindingSnippet, centred_window, draw_view
from designreview.packet.reportlab_backend import Viewport, color
from designreview.packet.tables import data_table, tint
from designreview.render.scales import choose_scale
from designreview.render.style import BAND_COLORS, RACE_STYLE, SEVERITY_STYLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.pathobject import PDFPathObject
    from reportlab.platypus import Flowable
    from shapely import Geometry

    from designreview.model.geometry import Point2
    from designreview.packet.context import PacketContext, SheetInfo

__all__ = ["RaceMap", "SheetRace", "race_pages", "sheet_races"]

_BANDS = ("0-30 s", "30-60 s", "60-120 s")
_NOTE = (
    "Arrives: the walking intruder at the room's nearest door; Spare: the least of "
    "walking and hurried arrival less the time to secure (LOCK-1's margin applies). "
    "Seen through glass: the share of the room's usable area (0.45 m clear of its "
    "walls) that the intruder's route to its door sees through the door's vision "
    "panel and sidelites within 10 m of the door, and for how long at walking "
    "speed; a figure, not a check (ROOM-2 judges the hard corner)."
)


@dataclass(frozen=True, slots=True, eq=False)
class SheetRace:
    """One sheet's race from its worst entry, as the page prints it."""

    sheet_id: str
    sheet_name: str
    race: LockdownMap


def sheet_races(ctx: PacketContext) -> list[SheetRace]:
    """The race from the worst entry of each printed sheet that has a way in."""
    found = []
    for info in ctx.sheets:
        sheet_id = info.sheet.id
        caches = MapCaches()  # the graph built to find the worst entry, reused
        worst = worst_entry(ctx.review, info.plan, sheet_id, caches.indexes)
        if worst is None:
            continue
        race = lockdown_map(ctx.review, info.plan, sheet_id, worst, caches=caches)
        found.append(SheetRace(sheet_id, info.sheet.name, race))
    return found


def race_pages(
    ctx: PacketContext, width: float, height: float
) -> list[tuple[str, list[Flowable]]]:
    """A page (its title and flowables) for each sheet's lockdown race."""
    found = ctx.races if ctx.races is not None else sheet_races(ctx)
    return [
        (f"Lockdown race: {s.sheet_name}", _page(ctx, s, width, height)) for s in found
    ]


def _page(
    ctx: PacketContext, item: SheetRace, width: float, height: float
) -> list[Flowable]:
    race = item.race
    lost = [r for r in race.rooms if r.status is RaceStatus.LOST]
    close = [r for r in race.rooms if r.status is RaceStatus.CLOSE]
    severity = Severity.FAIL if lost else Severity.INFO
    entry = race.entry.label if race.entry else "no entry"
    heading = data_table(
        [
            [
                Paragraph(
                    paragraph_text(f"Lockdown race: {item.sheet_name}"), STYLES["h1"]
                )
            ]
        ],
        [width],
        extra=[("BACKGROUND", (0, 0), (-1, -1), tint(SEVERITY_STYLE[severity].color))],
    )
    summary = (
        f"From {entry}, the way in from which most rooms lose: {len(lost)} "
        f"{_rooms(len(lost))} lose to a walking intruder and {len(close)} only to a "
        "hurried one (LOCK-1)."
    )
    return [
        heading,
        Spacer(1, 6),
        Paragraph(paragraph_text(summary), STYLES["body"]),
        Spacer(1, 4),
        RaceMap(ctx, item, height * 0.55),
        Spacer(1, 4),
        _legend(width),
        Spacer(1, 6),
        _losers(race, width),
        Spacer(1, 4),
        Paragraph(paragraph_text(_NOTE), STYLES["body"]),
    ]


def _rooms(n: int) -> str:
    return "room" if n == 1 else "rooms"


def _legend(width: float) -> Flowable:
    """The map's colours in two columns: race statuses, then the bands."""
    rows: list[tuple[tuple[int, int, int], float, str]] = [
        (rgb, 0.35, words) for rgb, words in RACE_STYLE.values()
    ]
    rows += [
        (rgb, 0.3, f"Walking intruder there within {words}")
        for rgb, words in zip(BAND_COLORS, _BANDS, strict=True)
    ]
    half = (len(rows) + 1) // 2
    cells, extra = [], []
    for i in range(half):
        row: list[object] = []
        for column, k in enumerate((i, i + half)):
            if k < len(rows):
                rgb, alpha, words = rows[k]
                row += ["", words]
                at = (2 * column, i)
                extra.append(("BACKGROUND", at, at, color(rgb, alpha)))
            else:
                row += ["", ""]
        cells.append(row)
    swatch, words_w = width * 0.05, width * 0.45
    return data_table(cells, [swatch, words_w, swatch, words_w], extra=extra)


def _losers(race: LockdownMap, width: float) -> Flowable:
    """The rooms that lose (walking first, then hurried), with their times."""
    seen = {e.room_id: e for e in race.exposures}
    entry = race.entry.label if race.entry else ""
    rows: list[list[object]] = []
    for status in (RaceStatus.LOST, RaceStatus.CLOSE):
        for room in sorted(
            (r for r in race.rooms if r.status is status), key=lambda r: r.slack_s
        ):
            glass = seen.get(room.room_id)
            rows.append(
                [
                    room.label,
                    RACE_STYLE[status.value][1].split(":")[0],
                    entry,
                    _seconds(room.arrival_s),
                    _seconds(room.secure_s),
                    _seconds(room.slack_s),
                    f"{glass.share:.0%}, {glass.seconds:.1f} s"
                    if glass
                    else "no glass",
                ]
            )
    shares = (0.2, 0.09, 0.25, 0.1, 0.1, 0.1, 0.16)
    return data_table(
        rows or [["No room loses the race from this entry", "", "", "", "", "", ""]],
        [width * s for s in shares],
        ["Room", "Race", "Entry", "Arrives, s", "Secures, s", "Spare, s",
         "Seen through glass"],
    )  # fmt: skip


def _seconds(value: float) -> str:
    if math.isnan(value):
        return "?"
    if math.isinf(value):
        return "never" if value > 0 else "cannot lock"
    return f"{value:.0f}"


class RaceMap(FindingSnippet):
    """The sheet's occupied rooms at a true scale: bands, race colours, the entry."""

    def __init__(self, ctx: PacketContext, item: SheetRace, height: float) -> None:
        """A map ``height`` points tall of ``item``'s rooms."""
        self.item = item
        race = item.race
        rings = tuple(ring for room in race.rooms for ring in room.outline)
        where = race.entry.start if race.entry else rings[0][0]
        around = Finding(
            f"LOCKRACE:{item.sheet_id}",
            "LOCK-1",
            Severity.INFO,
            "",
            item.sheet_id,
            where,
            overlay=rings,
        )
        super().__init__(ctx, around, height)

    def viewport(self, info: SheetInfo) -> Viewport:
        """The rooms with a 3% margin, at the largest standard scale that fits."""
        strip = GRID_STRIP_PT
        width, height = self.width - 2 * strip, self.height - self.BAND - 2 * strip
        xs = [p[0] for ring in self.finding.overlay for p in ring]
        ys = [p[1] for ring in self.finding.overlay for p in ring]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
        area = (max(xs) - min(xs) + 0.06 * span, max(ys) - min(ys) + 0.06 * span)
        paper = (width / POINTS_PER_M, height / POINTS_PER_M)
        scale = choose_scale(area, paper, info.is_imperial, 48.0)
        k = POINTS_PER_M / scale.denominator
        middle = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        window = centred_window(middle, width / k, height / k)
        return Viewport(window, strip, self.BAND + strip, scale)

    def draw(self) -> None:
        """The plan, the bands, the rooms in their race colours, then the entry."""
        info = self.ctx.sheet_info(self.finding.sheet_id)
        if info is None:
            return
        view = self.viewport(info)
        draw_view(self.canv, self.ctx, info, view, [], 9.0)
        if not self.ctx.draft:
            canv, race = self.canv, self.item.race
            canv.saveState()
            view.clip(canv)
            for band, rgb in zip(race.bands, BAND_COLORS, strict=False):
                _fill_geometry(canv, view, band.area, rgb, 0.22, stroke=False)
            for room in race.rooms:
                rgb = RACE_STYLE[room.status.value][0]
                for ring in room.outline:
                    _fill_ring(canv, view, ring, rgb, 0.35, stroke=True)
            if race.entry is not None:
                x, y = view.to_page(race.entry.start)
                canv.setFillColor(color(BAND_COLORS[0]))
                canv.circle(x, y, 4.0, stroke=0, fill=1)
            canv.restoreState()
        self._band(view.scale)


def _fill_geometry(
    canv: Canvas,
    view: Viewport,
    geometry: Geometry,
    rgb: tuple[int, int, int],
    alpha: float,
    stroke: bool,
) -> None:
    """Each polygon of ``geometry`` filled, holes left open (even-odd)."""
    for part in getattr(geometry, "geoms", [geometry]):
        if part.is_empty or not hasattr(part, "exterior"):
            continue
        rings = [part.exterior.coords, *(hole.coords for hole in part.interiors)]
        path = canv.beginPath()
        for ring in rings:
            _trace(path, view, [(x, y) for x, y, *_ in ring])
        canv.setFillColor(color(rgb, alpha))
        canv.setStrokeColor(color(rgb))
        canv.drawPath(path, stroke=1 if stroke else 0, fill=1, fillMode=0)


def _fill_ring(
    canv: Canvas,
    view: Viewport,
    ring: Sequence[Point2],
    rgb: tuple[int, int, int],
    alpha: float,
    stroke: bool,
) -> None:
    path = canv.beginPath()
    _trace(path, view, ring)
    canv.setFillColor(color(rgb, alpha))
    canv.setStrokeColor(color(rgb))
    canv.setLineWidth(0.8)
    canv.drawPath(path, stroke=1 if stroke else 0, fill=1)


def _trace(path: PDFPathObject, view: Viewport, ring: Sequence[Point2]) -> None:
    page = [view.to_page(p) for p in ring]
    if len(page) < 3:
        return
    path.moveTo(*page[0])
    for point in page[1:]:
        path.lineTo(*point)
    path.close()
