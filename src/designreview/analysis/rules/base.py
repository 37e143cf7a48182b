"""What every review check shares: its context, its parameters, and finding helpers."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from designreview.analysis.building_view import BuildingView
from designreview.analysis.distances import WalkIndex, build_walk_index
from designreview.analysis.obstacles import VisibilityIndex, build_visibility_index
from designreview.analysis.stairs import exit_stairs
from designreview.model.findings import Finding, Severity
from designreview.model.review import Review

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from designreview.analysis.building_view import Room
    from designreview.model.geometry import Point2
    from designreview.model.review import CheckSetting

__all__ = ["CheckContext", "finding", "params_with", "polygon_rings", "sentence"]

VISION_PANEL_M = 0.25
"""Width of the glass assumed in a door whose vision panel is not described."""
GLASS_DEPTH_M = 0.15
"""How far a frame reaches either side of its glass (a door in a 6 in wall)."""
SIDELITE_M = 1.5
"""Glazing this close to a door's middle is its sidelite."""


@dataclass
class CheckContext:
    """One sheet, prepared for the checks; expensive pieces are built on first use."""

    review: Review
    building: BuildingView
    floors: tuple[BuildingView, ...] = ()
    """Every sheet of the review being checked (this one included), for the checks
    that follow stairs from floor to floor."""
    _open: VisibilityIndex | None = field(default=None, repr=False)
    _lockdown: VisibilityIndex | None = field(default=None, repr=False)
    _walks: dict[bool, WalkIndex] = field(default_factory=dict, repr=False)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)
    """Results shared between checks of this sheet (e.g. hard corners)."""

    @property
    def sheet_id(self) -> str:
        """The sheet being checked."""
        return self.building.sheet_id

    @property
    def has_no_doors(self) -> bool:
        """Whether the sheet has rooms but not a single door.

        The door checks would then fail every room for lack of a way in or out;
        DATA-1 asks for the doors once instead, and those checks skip the sheet.
        """
        return bool(self.building.rooms) and not self.building.doors

    def exit_stairs(self) -> list[Room]:
        """This floor's stairs that are exits (see ``analysis.stairs``)."""
        if "exit_stairs" not in self.memo:
            levels: dict[str, int] = {s.id: s.level for s in self.review.sheets}
            others = [
                (levels.get(v.sheet_id, 0), v)
                for v in self.floors
                if v.sheet_id != self.sheet_id
            ]
            level = levels.get(self.sheet_id, 0)
            self.memo["exit_stairs"] = exit_stairs(self.building, level, others)
        return list(self.memo["exit_stairs"])

    def open_doors(self) -> VisibilityIndex:
        """Walls only: doors open, glass transparent (everyday sight)."""
        if self._open is None:
            self._open = _index(self.building.walls, self.building)
        return self._open

    def lockdown(self) -> VisibilityIndex:
        """Walls plus every door closed; only door glass lets sight through.

        Glass sits in a wall or a door of some depth, so each pane of door glass and
        each sidelite gets jambs that stop views at grazing angles through it.
        """
        if self._lockdown is None:
            parts = [self.building.walls]
            for door in self.building.doors:
                leaf, panes = _leaf_segments(door)
                parts += [leaf, *(_jambs(p) for p in panes)]
            parts += [_jambs(tuple(g)) for g in self._sidelites()]
            self._lockdown = _index(
                np.concatenate([p for p in parts if len(p)]), self.building
            )
        return self._lockdown

    def walking(self, exterior_doors_closed: bool = False) -> WalkIndex:
        """Where people can walk: walls, columns and glazing block; doors are open.

        With ``exterior_doors_closed`` (a lockdown), exterior doors block as well, so
        nobody's route to refuge leaves the building.
        """
        if exterior_doors_closed not in self._walks:
            building = self.building
            parts = [building.walls, building.glazing]
            if exterior_doors_closed:
                shut = [
                    [*d.hinge, *d.latch]
                    for d in building.doors
                    if building.is_exterior(d)
                ]
                parts.append(np.array(shut, dtype=float).reshape(-1, 4))
            segments = np.concatenate([p for p in parts if len(p)])
            self._walks[exterior_doors_closed] = build_walk_index(segments)
        return self._walks[exterior_doors_closed]

    def panes_of(self, door: Any) -> list[tuple[float, float, float, float]]:
        """The glass someone outside ``door`` looks through: panel and sidelites."""
        _leaf, panes = _leaf_segments(door)
        found = [tuple(float(v) for v in pane[:4]) for pane in panes]
        cx, cy = door.center
        for pane in self.building.glazing:
            middle = ((pane[0] + pane[2]) / 2, (pane[1] + pane[3]) / 2)
            if float(np.hypot(middle[0] - cx, middle[1] - cy)) <= SIDELITE_M:
                found.append(tuple(float(v) for v in pane[:4]))
        return found  # type: ignore[return-value]

    def _sidelites(self) -> list[np.ndarray]:
        """Glazing beside doors (within reach of the frame)."""
        centres = np.array([d.center for d in self.building.doors]).reshape(-1, 2)
        found = []
        for pane in self.building.glazing:
            middle = np.array([(pane[0] + pane[2]) / 2, (pane[1] + pane[3]) / 2])
            if len(centres) and np.min(np.hypot(*(centres - middle).T)) <= SIDELITE_M:
                found.append(pane)
        return found


def params_with(defaults: Any, rule_id: str, settings: tuple[CheckSetting, ...]) -> Any:
    """``defaults`` with this review's changed thresholds for ``rule_id`` applied."""
    names = {f.name for f in fields(defaults)}
    changes = {
        s.name: s.value for s in settings if s.rule_id == rule_id and s.name in names
    }
    return replace(defaults, **changes)


def finding(
    rule: str,
    severity: Severity,
    message: str,
    ctx: CheckContext,
    location: Point2,
    subjects: tuple[str, ...],
    citation: str,
    overlay: tuple[tuple[Point2, ...], ...] = (),
) -> Finding:
    """A finding keyed by rule and subjects, so decisions survive recomputation."""
    key = ":".join((rule, *sorted(subjects))) if subjects else f"{rule}:{ctx.sheet_id}"
    return Finding(
        key,
        rule,
        severity,
        message,
        ctx.sheet_id,
        (round(location[0], 3), round(location[1], 3)),
        subjects,
        overlay,
        citation,
    )


def sentence(text: str) -> str:
    """``text`` with its first letter capitalised and the rest untouched.

    Example:
        >>> sentence("door E1")
        'Door E1'
    """
    return text[:1].upper() + text[1:]


def polygon_rings(geometry: BaseGeometry) -> tuple[tuple[Point2, ...], ...]:
    """A polygon's (or multipolygon's) outer rings as point tuples, for overlays."""
    parts = getattr(geometry, "geoms", [geometry])
    return tuple(
        tuple(
            (round(float(x), 3), round(float(y), 3))
            for x, y, *_ in part.exterior.coords
        )
        for part in parts
        if not part.is_empty
    )


def _leaf_segments(door: Any) -> tuple[np.ndarray, list[tuple[float, ...]]]:
    """A closed door leaf as opaque segments, and the pane of its vision panel."""
    (hx, hy), (lx, ly) = door.hinge, door.latch
    if door.has_vision_panel is False:
        return np.array([[hx, hy, lx, ly]]), []
    width = float(np.hypot(lx - hx, ly - hy))
    if width <= VISION_PANEL_M:
        return np.empty((0, 4)), [(hx, hy, lx, ly)]
    a = (width - VISION_PANEL_M) / 2 / width
    b = 1 - a
    p1 = (hx + (lx - hx) * a, hy + (ly - hy) * a)
    p2 = (hx + (lx - hx) * b, hy + (ly - hy) * b)
    leaf = np.array([[hx, hy, *p1], [*p2, lx, ly]])
    return leaf, [(*p1, *p2)]


def _jambs(pane: tuple[float, ...]) -> np.ndarray:
    """Short segments across the wall at both ends of a pane of glass."""
    x1, y1, x2, y2 = pane[:4]
    length = float(np.hypot(x2 - x1, y2 - y1))
    if length == 0:
        return np.empty((0, 4))
    nx, ny = -(y2 - y1) / length * GLASS_DEPTH_M, (x2 - x1) / length * GLASS_DEPTH_M
    return np.array(
        [[x1 - nx, y1 - ny, x1 + nx, y1 + ny], [x2 - nx, y2 - ny, x2 + nx, y2 + ny]]
    )


def _index(segments: np.ndarray, building: BuildingView) -> VisibilityIndex:
    return build_visibility_index(segments)
