"""A lockdown plan page per large space: where its people go, in words and on a map.

For each cafeteria, gym and auditorium of the printed sheets: its occupant load, the
refuges the lockdown plan (:mod:`designreview.analysis.rules.lockdown_plan`) sends
its people to with the walk and time, or that they stay behind its own lockable
doors, and who has nowhere to go. The map shows the space (red when some are left,
blue when all have a place), each refuge it uses with the number it takes, and the
walks there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Paragraph, Spacer

from designreview.analysis.building_view import building_view
from designreview.analysis.rules import large_space_lockdown
from designreview.analysis.rules.base import CheckContext, params_with, polygon_rings
from designreview.analysis.rules.lockdown_plan import move_routes, plan_for
from designreview.analysis.rules.lockdown_types import LARGE, SpacePlan, lockdown_params
from designreview.model.findings import Finding, Severity
from designreview.model.geometry import Point2
from designreview.packet.fonts import paragraph_text
from designreview.packet.layout import STYLES
from designreview.packet.overlays import draw_finding, draw_labels
from designreview.packet.plan_pages import FindingSnippet, draw_view
from designreview.packet.tables import data_table, tint
from designreview.render.label_space import LabelSpace
from designreview.render.style import SEVERITY_STYLE

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from designreview.packet.context import PacketContext

__all__ = ["LockdownMap", "SpaceLockdown", "lockdown_pages", "space_lockdowns"]


@dataclass(frozen=True, slots=True)
class SpaceLockdown:
    """One large space's plan on one sheet, with what its map draws."""

    sheet_id: str
    plan: SpacePlan
    outline: tuple[tuple[Point2, ...], ...]
    refuges: tuple[tuple[tuple[Point2, ...], ...], ...]
    routes: tuple[tuple[Point2, ...], ...]
    location: Point2
    takes_in: tuple[int, int] | None = None
    """(people taken in from other spaces, places) when it is a refuge too."""


def space_lockdowns(ctx: PacketContext) -> list[SpaceLockdown]:
    """The lockdown plan of every large space of the printed sheets, sheet by sheet."""
    review = ctx.review
    settings = review.check_settings
    rule = large_space_lockdown
    own = params_with(rule.Params(), rule.RULE_ID, settings)
    params = lockdown_params(settings, rule.RULE_ID, own)
    found = []
    for info in ctx.sheets:
        check = CheckContext(review, building_view(review, info.sheet, info.plan))
        building = check.building
        if not any(r.space_type in LARGE for r in building.rooms):
            continue
        plan = plan_for(check, params)
        walking = check.walking(exterior_doors_closed=True)
        for space in plan.spaces:
            room = building.room(space.room_id)
            if room is None or room.space_type not in LARGE:
                continue
            rooms = [building.room(m.refuge_id) for m in space.moves]
            where = room.polygon.representative_point()
            use = next((u for u in plan.refuges if u[0] == room.id), None)
            found.append(
                SpaceLockdown(
                    info.sheet.id,
                    space,
                    polygon_rings(room.polygon),
                    tuple(polygon_rings(r.polygon) if r else () for r in rooms),
                    move_routes(building, walking, space),
                    (where.x, where.y),
                    (use[3], use[2]) if use else None,
                )
            )
    return found


def lockdown_pages(
    ctx: PacketContext, width: float, height: float
) -> list[tuple[str, list[Flowable]]]:
    """A page (its title and flowables) for each large space of the printed sheets."""
    return [
        (f"Lockdown: {s.plan.name}", _page(ctx, s, width, height))
        for s in (ctx.lockdowns if ctx.lockdowns is not None else space_lockdowns(ctx))
    ]


def _page(
    ctx: PacketContext, item: SpaceLockdown, width: float, height: float
) -> list[Flowable]:
    space = item.plan
    severity = Severity.FAIL if space.left else Severity.INFO
    heading = data_table(
        [[Paragraph(paragraph_text(f"Lockdown plan: {space.name}"), STYLES["h1"])]],
        [width],
        extra=[("BACKGROUND", (0, 0), (-1, -1), tint(SEVERITY_STYLE[severity].color))],
    )
    rows: list[list[object]] = [
        [
            m.refuge,
            str(m.people),
            f"{m.walk_m:.0f} m",
            f"{m.walk_m / space.walk_m_per_s:.0f} s",
        ]
        for m in space.moves
    ]
    if space.stays:
        rows.append(["Behind its own lockable doors", str(space.people), "0 m", "0 s"])
    if space.left:
        rows.append(["No refuge within reach", str(space.left), "", ""])
    if item.takes_in is not None:
        taken, places = item.takes_in
        rows.append(
            [f"Taken in from other spaces ({places} places)", str(taken), "", ""]
        )
    note = (
        "Walks start at the space's doors and end at the refuge's nearest door, "
        f"at {space.walk_m_per_s:g} m/s; each refuge place is given once across the "
        "floor's halls and large spaces (REFUGE-1, REFUGE-2)."
    )
    return [
        heading,
        Spacer(1, 6),
        Paragraph(paragraph_text(space.summary()), STYLES["body"]),
        Spacer(1, 4),
        data_table(
            rows or [["Nobody to place", "0", "", ""]],
            [width * share for share in (0.5, 0.16, 0.17, 0.17)],
            ["Goes to", "People", "Walk", "Time"],
        ),
        Spacer(1, 6),
        LockdownMap(ctx, item, height * 0.5),
        Spacer(1, 4),
        Paragraph(paragraph_text(note), STYLES["body"]),
    ]


class LockdownMap(FindingSnippet):
    """The space, the refuges it uses and the walks there, zoomed to a true scale."""

    def __init__(self, ctx: PacketContext, item: SpaceLockdown, height: float) -> None:
        """A map ``height`` points tall of ``item``'s space and refuges."""
        self.item = item
        self.marks = _marks(item)
        rings = tuple(ring for mark, _label in self.marks for ring in mark.overlay)
        around = Finding(
            f"LOCKDOWN:{item.plan.room_id}",
            "LOCKDOWN",
            Severity.INFO,
            "",
            item.sheet_id,
            item.location,
            overlay=rings,
        )
        super().__init__(ctx, around, height)

    def draw(self) -> None:
        """The plan, then the space and each refuge with its count, then the band."""
        info = self.ctx.sheet_info(self.finding.sheet_id)
        if info is None:
            return
        view = self.viewport(info)
        draw_view(self.canv, self.ctx, info, view, [], 9.0)
        if not self.ctx.draft:
            box = (view.x, view.y, view.x + view.width, view.y + view.height)
            numbers = [
                draw_finding(self.canv, view, mark, label, 9.0)
                for mark, label in self.marks
            ]
            draw_labels(self.canv, view, LabelSpace(box), [n for n in numbers if n])
        self._band(view.scale)


def _marks(item: SpaceLockdown) -> list[tuple[Finding, str]]:
    """The map's marks: the space, then each refuge with its walk and count."""
    space = item.plan
    severity = Severity.FAIL if space.left else Severity.INFO
    label = f"{space.name}: {space.people}"
    marks = [(_mark(item, "space", severity, item.outline, item.location), label)]
    for k, move in enumerate(space.moves):
        ring = item.refuges[k] if k < len(item.refuges) else ()
        route = item.routes[k] if k < len(item.routes) else ()
        where = route[-1] if route else item.location
        overlay = (*ring, route) if route else ring
        mark = _mark(item, f"move{k}", Severity.WARNING, overlay, where)
        marks.append((mark, f"{move.people} to {move.refuge}"))
    return marks


def _mark(
    item: SpaceLockdown,
    name: str,
    severity: Severity,
    overlay: tuple[tuple[Point2, ...], ...],
    where: Point2,
) -> Finding:
    return Finding(
        f"LOCKDOWN:{item.plan.room_id}:{name}",
        "LOCKDOWN",
        severity,
        "",
        item.sheet_id,
        where,
        overlay=overlay,
    )
