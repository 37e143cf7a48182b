"""Carrying a review onto a revised drawing: markups follow, decisions stay.

The architect sends a new drawing of a floor. Its doors and rooms are paired with
the old ones (``analysis.revision_match``); then:

* an access point on a door that is still there moves and turns with it;
* a markup inside a room that is still there moves with the room; a reviewer's
  correction of a detected room takes the room's new outline;
* a markup whose door or room is gone stays where it was and is *flagged*: the
  revision check (REV-1) lists it until someone moves or deletes it;
* decisions on findings follow their subjects' new ids, so a finding that is the
  same rule on the same door or room keeps its decision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

import shapely

from designreview.analysis.building_view import MATCH_DOOR_M
from designreview.analysis.revision_match import (
    MOVED_M,
    Change,
    ChangeKind,
    PlanMatch,
)
from designreview.model.ids import MarkupId
from designreview.model.markups import AccessPoint, Space
from designreview.model.review import RevisionChange, SheetRevision
from designreview.model.space_overrides import override_id

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from designreview.model.building import DetectedDoor, DetectedSpace
    from designreview.model.geometry import Point2
    from designreview.model.markups import Markup, Stamp
    from designreview.model.plan import Plan
    from designreview.model.review import Review, Sheet, SourceFile

SAME_ROOM_SHARE = 0.9
"""A reviewer's space overlapping a detected room this much is its correction."""


@dataclass(frozen=True, slots=True)
class RevisionReport:
    """What carrying the review onto the new drawing did."""

    sheet: str
    changes: tuple[Change, ...]
    followed: tuple[MarkupId, ...]
    """Markups moved with their door or room."""
    flagged: tuple[MarkupId, ...]
    """Markups whose door or room is gone: kept, and listed by REV-1."""
    decisions_carried: int

    @property
    def lines(self) -> list[str]:
        """The report in words, one line each."""
        head = f"Sheet {self.sheet}: {len(self.changes)} changes in the drawing"
        return [
            head,
            *(f"  {c.text}" for c in self.changes),
            f"{len(self.followed)} markups moved with their door or room; "
            f"{len(self.flagged)} lost theirs and are flagged; "
            f"{self.decisions_carried} decisions carried to the new drawing.",
        ]


def carry_review(
    review: Review,
    sheet: Sheet,
    new_sheet: Sheet,
    source: SourceFile,
    plans: tuple[Plan, Plan],
    match: PlanMatch,
    by: Stamp,
    findings_before: Iterable[str] = (),
) -> tuple[Review, RevisionReport]:
    """``review`` with ``sheet`` reading the revised drawing ``source``.

    ``new_sheet`` is the sheet as it reads the new drawing (its source, storey);
    ``plans`` are the sheet's old and new plans, ``match`` their pairing, and
    ``findings_before`` the keys of the sheet's findings on the old drawing.
    """
    old_plan, new_plan = plans
    ids: dict[str, str] = dict(match.ids)
    markups: list[Markup] = []
    followed: list[MarkupId] = []
    flagged: list[MarkupId] = []
    for markup in review.markups:
        if markup.sheet_id != sheet.id:
            markups.append(markup)
            continue
        moved, state = _carried(markup, sheet, old_plan, new_plan, match)
        if isinstance(moved, Space) and moved.id != markup.id:
            ids[markup.id] = moved.id
        markups.append(moved)
        if state == "followed":
            followed.append(moved.id)
        elif state == "flagged":
            flagged.append(moved.id)
    decisions = tuple(
        replace(d, finding_key=rekey(d.finding_key, ids)) for d in review.decisions
    )
    carried = sum(1 for a, b in zip(review.decisions, decisions, strict=True) if a != b)
    revision = SheetRevision(
        previous_sha256=sheet.source_sha256,
        previous_name=sheet.source_name,
        by=by,
        changes=tuple(
            RevisionChange(c.what, c.kind.value, c.text, c.at) for c in match.changes
        ),
        flagged=tuple(flagged),
        findings_before=tuple(sorted({rekey(k, ids) for k in findings_before})),
    )
    after_sheet = replace(
        new_sheet, id=sheet.id, name=sheet.name, level=sheet.level, revision=revision
    )
    sources = review.sources
    if review.source(source.sha256) is None:
        sources = (*sources, source)
    revised = replace(
        review.with_sheet(after_sheet),
        markups=tuple(markups),
        decisions=decisions,
        sources=sources,
    )
    report = RevisionReport(
        sheet.name, match.changes, tuple(followed), tuple(flagged), carried
    )
    return revised, report


def rekey(key: str, ids: Mapping[str, str]) -> str:
    """A finding key with its subjects' old ids replaced by their new ones.

    Keys are the rule and the sorted subjects joined by ``:``; the subjects are
    sorted again after renaming, as ``analysis.rules.base.finding`` sorts them.

    Example:
        >>> rekey("ROOM-1:door-2A:space-3", {"door-2A": "door-9F"})
        'ROOM-1:door-9F:space-3'
        >>> rekey("ROOM-1:door-2A", {})
        'ROOM-1:door-2A'
    """
    rule, *subjects = key.split(":")
    renamed = [ids.get(s, s) for s in subjects]
    if renamed == subjects:
        return key
    return ":".join((rule, *sorted(renamed)))


def _carried(
    markup: Markup, sheet: Sheet, old: Plan, new: Plan, match: PlanMatch
) -> tuple[Markup, str]:
    """The markup on the new drawing, and ``followed``, ``flagged`` or ``kept``."""
    if isinstance(markup, AccessPoint):
        door = _door_at(old.doors, markup.position)
        if door is not None:
            return _with_door(markup, door, new, match)
    if isinstance(markup, Space):
        room = _corrected_room(markup, sheet, old.spaces)
        if room is not None:
            return _with_room_outline(markup, sheet, room, new, match)
    anchor = _anchor(markup)
    if anchor is None:
        return markup, "kept"
    room = _room_at(old.spaces, anchor)
    if room is None:
        return markup, "kept"
    new_id = match.rooms.get(room.id)
    if new_id is None:
        return markup, "flagged"
    after = next(r for r in new.spaces if r.id == new_id)
    dx, dy = _shift(_centroid(room), _centroid(after))
    if math.hypot(dx, dy) <= MOVED_M:
        return markup, "kept"
    return _moved(markup, dx, dy), "followed"


def _with_door(
    markup: AccessPoint, door: DetectedDoor, new: Plan, match: PlanMatch
) -> tuple[Markup, str]:
    new_id = match.doors.get(door.id)
    if new_id is None:
        return markup, "flagged"
    after = next(d for d in new.doors if d.id == new_id)
    dx, dy = _shift(door.center, after.center)
    turn = _angle(after) - _angle(door)
    if math.hypot(dx, dy) <= MOVED_M and abs(math.remainder(turn, 360.0)) < 0.5:
        return markup, "kept"
    position = (markup.position[0] + dx, markup.position[1] + dy)
    angle = round(math.remainder(markup.angle_deg + turn, 360.0), 2)
    width = (
        round(after.width_m, 3)
        if abs(after.width_m - door.width_m) > 0.01
        else markup.width_m
    )
    moved = replace(markup, position=_rounded(position), angle_deg=angle, width_m=width)
    return moved, "followed"


def _with_room_outline(
    markup: Space, sheet: Sheet, room: DetectedSpace, new: Plan, match: PlanMatch
) -> tuple[Markup, str]:
    new_id = match.rooms.get(room.id)
    if new_id is None:
        return markup, "flagged"
    after = next(r for r in new.spaces if r.id == new_id)
    changed = any(
        c.kind in (ChangeKind.RESIZED, ChangeKind.RENAMED) and c.old_id == room.id
        for c in match.changes
    ) or _centroid(room) != _centroid(after)
    # A correction keeps its id's tie to the room it corrects (model.space_overrides).
    new_markup_id = (
        override_id(sheet.id, after.id)
        if markup.id == override_id(sheet.id, room.id)
        else markup.id
    )
    if not changed and new_markup_id == markup.id:
        return markup, "kept"
    moved = replace(markup, id=MarkupId(new_markup_id), vertices=after.outline)
    return moved, "followed"


def _door_at(doors: tuple[DetectedDoor, ...], point: Point2) -> DetectedDoor | None:
    near = [d for d in doors if math.dist(d.center, point) <= MATCH_DOOR_M]
    return min(near, key=lambda d: math.dist(d.center, point)) if near else None


def _room_at(rooms: tuple[DetectedSpace, ...], point: Point2) -> DetectedSpace | None:
    probe = shapely.Point(point)
    for room in rooms:
        if len(room.outline) >= 3 and shapely.Polygon(room.outline).buffer(0).contains(
            probe
        ):
            return room
    return None


def _corrected_room(
    markup: Space, sheet: Sheet, rooms: tuple[DetectedSpace, ...]
) -> DetectedSpace | None:
    """The detected room a reviewer's space corrects: by its id, else by overlap."""
    for room in rooms:
        if markup.id == override_id(sheet.id, room.id):
            return room
    if len(markup.vertices) < 3:
        return None
    space = shapely.Polygon(markup.vertices).buffer(0)
    for room in rooms:
        if len(room.outline) < 3:
            continue
        polygon = shapely.Polygon(room.outline).buffer(0)
        union = polygon.union(space).area
        if union and polygon.intersection(space).area / union >= SAME_ROOM_SHARE:
            return room
    return None


def _anchor(markup: Markup) -> Point2 | None:
    """Where a markup is, to find the room it is in."""
    position = getattr(markup, "position", None)
    if position is not None:
        return (float(position[0]), float(position[1]))
    vertices = getattr(markup, "vertices", ())
    if len(vertices) >= 3:
        point = shapely.Polygon(vertices).buffer(0).representative_point()
        return (float(point.x), float(point.y))
    start = getattr(markup, "start", None)
    return (float(start[0]), float(start[1])) if start is not None else None


def _moved(markup: Markup, dx: float, dy: float) -> Markup:
    """``markup`` with every point it holds moved by (dx, dy)."""
    changes: dict[str, Any] = {}
    for spec in fields(markup):
        value = getattr(markup, spec.name)
        if _is_point(value):
            changes[spec.name] = _rounded((value[0] + dx, value[1] + dy))
        elif isinstance(value, tuple) and value and all(_is_point(p) for p in value):
            changes[spec.name] = tuple(_rounded((p[0] + dx, p[1] + dy)) for p in value)
    return replace(markup, **changes)


def _is_point(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    )


def _rounded(point: tuple[float, float]) -> Point2:
    return (round(point[0], 4), round(point[1], 4))


def _shift(a: Point2, b: Point2) -> tuple[float, float]:
    return (b[0] - a[0], b[1] - a[1])


def _angle(door: DetectedDoor) -> float:
    (hx, hy), (lx, ly) = door.hinge, door.latch
    return math.degrees(math.atan2(ly - hy, lx - hx))


def _centroid(room: DetectedSpace) -> Point2:
    if len(room.outline) < 3:
        return (0.0, 0.0)
    point = shapely.Polygon(room.outline).buffer(0).centroid
    return (round(float(point.x), 4), round(float(point.y), 4))
