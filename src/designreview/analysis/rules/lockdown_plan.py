"""Where the people of each hall and large space go in a lockdown, capacity respected.

Halls, commons, restrooms and libraries are sampled on a grid; each sample point
holds a share of the space's occupant load and may walk to any lockable refuge
within the hall walk (REFUGE-1's limit). A cafeteria, gym or auditorium leaves by
its doors: its whole load may walk from them to any refuge within the large-space
walk (REFUGE-2's limit). A refuge is an occupiable room whose every door locks from
inside; its places are its standing capacity (SAFE-1's count from its area at the
refuge density) less its own occupants. A space that locks down itself keeps its
people behind its own doors. Everyone else is assigned by
:func:`~designreview.analysis.refuge_assignment.assign_refuges`, so no place is
given twice; whoever no refuge within reach can take is left (REFUGE-1, REFUGE-2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from designreview.analysis.distances import distance_field
from designreview.analysis.group_walks import walks_to_groups
from designreview.analysis.refuge_assignment import Assignment, Crowd, assign_refuges
from designreview.analysis.rules import safe_rooms
from designreview.analysis.rules.lockdown_types import (
    EXPOSED,
    HALLS,
    LARGE,
    REFUGES,
    LockdownParams,
    LockdownPlan,
    Move,
    SpacePlan,
)
from designreview.analysis.rules.sampling import grid_points
from designreview.analysis.walk_graph import locate
from designreview.model.geometry import Point2
from designreview.model.markups import SpaceType

if TYPE_CHECKING:
    from collections.abc import MutableMapping

    from designreview.analysis.building_view import BuildingView, Room
    from designreview.analysis.rules.base import CheckContext
    from designreview.analysis.walk_graph import WalkIndex

__all__ = [
    "lockdown_plan",
    "move_routes",
    "occupant_load",
    "plan_for",
    "refuge_places",
]


def plan_for(ctx: CheckContext, params: LockdownParams) -> LockdownPlan:
    """The sheet's lockdown plan, shared by the checks that ask with equal inputs."""
    key = ("lockdown_plan", params)
    if key not in ctx.memo:
        walking = ctx.walking(exterior_doors_closed=True)
        kept = ctx.kept_with("walk", ctx.walk_segments(exterior_doors_closed=True))
        ctx.memo[key] = lockdown_plan(ctx.building, walking, params, kept)
    plan: LockdownPlan = ctx.memo[key]
    return plan


def occupant_load(room: Room, params: LockdownParams) -> int:
    """People in ``room``: as entered, else its area over its type's density."""
    if room.occupant_load is not None:
        return room.occupant_load
    density = {
        SpaceType.CAFETERIA: params.cafeteria_m2_per_person,
        SpaceType.GYM: params.assembly_m2_per_person,
        SpaceType.AUDITORIUM: params.assembly_m2_per_person,
        SpaceType.LIBRARY: params.library_m2_per_person,
    }.get(room.space_type)
    if density is None:
        hall = room.space_type in HALLS
        density = params.hall_m2_per_person if hall else params.classroom_m2_per_person
    return math.ceil(room.polygon.area / density)


def refuge_places(room: Room, params: LockdownParams) -> int:
    """Places a refuge has for others: SAFE-1's standing count less its own people.

    An 81 m² classroom: 81 / 0.46 = 176.1 standing sets one wheelchair space
    aside, (81 - 0.93) / 0.46 = 174.1, so 174 + 1 = 175; its own 44 (81 / 1.86 =
    43.5) leave 131.
    """
    safe = replace(safe_rooms.Params(), standing_m2=params.refuge_m2_per_person)
    holds = safe_rooms.capacity(room.polygon.area, safe)
    return max(holds - occupant_load(room, params), 0)


def lockdown_plan(
    building: BuildingView,
    walking: WalkIndex,
    params: LockdownParams,
    kept: MutableMapping[Any, Any] | None = None,
) -> LockdownPlan:
    """Where the people of every hall and large space of ``building`` go.

    ``walking`` is the walking index with exterior doors shut; ``kept`` keeps its
    isovists and walks between calls (see
    :func:`~designreview.analysis.group_walks.walks_to_groups`).
    """
    refuges = [r for r in building.rooms if _shelters(building, r)]
    spare = [refuge_places(r, params) for r in refuges]
    groups = [
        _walkable(walking, [d.center for d in building.doors_of(r)]) for r in refuges
    ]
    spaces = [r for r in building.rooms if r.space_type in EXPOSED | LARGE]
    sheltered = {r.id for r in refuges}
    origins: list[_Origin] = []
    for k, room in enumerate(spaces):
        if room.id not in sheltered:
            origins += _origins(k, room, building, walking, params)
    walks = _walks(walking, origins, groups, params, kept)
    crowds = [
        Crowd(o.people, tuple((int(j), float(row[j])) for j in np.flatnonzero(row)))
        for o, row in zip(origins, walks, strict=True)
    ]
    found = assign_refuges(crowds, spare)
    free = list(spare)
    for moves in found.moves:
        for j, n in moves:
            free[j] -= n
    plans = []
    for k, room in enumerate(spaces):
        mine = [i for i, o in enumerate(origins) if o.space == k]
        plans.append(
            _space_plan(
                room, building, refuges, mine, crowds, origins, found, free, params
            )
        )
    uses = tuple(
        (r.id, r.label, spare[j], spare[j] - free[j]) for j, r in enumerate(refuges)
    )
    return LockdownPlan(tuple(plans), uses)


def _shelters(building: BuildingView, room: Room) -> bool:
    """Whether ``room`` is a refuge: occupiable, and every door locks from inside.

    A corridor is never one, though its doors may all lock: they lock the rooms
    off it, from their side.
    """
    return room.space_type in REFUGES and building.locks_down(room)


@dataclass(frozen=True, slots=True)
class _Origin:
    """People of space ``space`` starting from ``points`` (a large space's doors)."""

    space: int
    points: tuple[Point2, ...]
    people: int
    limit_m: float


def _origins(
    k: int, room: Room, building: BuildingView, walking: WalkIndex, params: Any
) -> list[_Origin]:
    """Where the people of space ``k`` start: its doors (large) or its grid points."""
    load = occupant_load(room, params)
    if room.space_type in LARGE:
        doors = tuple(_walkable(walking, [d.center for d in building.doors_of(room)]))
        return [_Origin(k, doors, load, params.large_walk_m)] if doors else []
    points = _walkable(walking, grid_points(room.polygon, params.sample_spacing_m))
    shares = _split(load, len(points))
    return [
        _Origin(k, (p,), n, params.hall_walk_m)
        for p, n in zip(points, shares, strict=True)
    ]


def _walks(
    walking: WalkIndex,
    origins: list[_Origin],
    groups: list[list[Point2]],
    params: LockdownParams,
    kept: MutableMapping[Any, Any] | None,
) -> np.ndarray:
    """(origins, refuges) walks, 0 where out of reach: from the nearest start point."""
    walks = np.full((len(origins), len(groups)), math.inf)
    starts = [p for o in origins for p in o.points]
    if groups and starts:
        within = max(params.hall_walk_m, params.large_walk_m)
        each = walks_to_groups(walking, starts, groups, within, kept)
        first = np.cumsum([0, *(len(o.points) for o in origins[:-1])])
        for i, o in enumerate(origins):
            rows = each[first[i] : first[i] + len(o.points)]
            walks[i] = rows.min(axis=0)
            walks[i][walks[i] > o.limit_m] = math.inf
    # The flow's walks: only finite ones, and never 0 (a door on the refuge's).
    return np.where(np.isfinite(walks), np.maximum(walks, 1e-3), 0.0)


def _walkable(walking: WalkIndex, points: list[Point2]) -> list[Point2]:
    """``points`` where someone can stand (moved out of a wall's clearance)."""
    found = []
    for point in points:
        try:
            found.append(locate(walking, point))
        except ValueError:
            continue  # deep in a wall: nobody stands there
    return found


def _split(people: int, parts: int) -> list[int]:
    """``people`` over ``parts`` as evenly as whole people allow, larger shares first.

    Example:
        >>> _split(7, 3)
        [3, 2, 2]
    """
    if parts <= 0:
        return []
    base, extra = divmod(people, parts)
    return [base + 1 if i < extra else base for i in range(parts)]


def _space_plan(
    room: Room,
    building: BuildingView,
    refuges: list[Room],
    mine: list[int],
    crowds: list[Crowd],
    origins: list[_Origin],
    found: Assignment,
    free: list[int],
    params: LockdownParams,
) -> SpacePlan:
    """The plan of one space from the crowds ``mine`` that started in it.

    ``free`` are the places each refuge has left once everyone is placed.
    """
    doors = tuple(d.number for d in building.doors_of(room))
    load = occupant_load(room, params)
    if _shelters(building, room):
        return SpacePlan(room.id, room.label, load, True, doors)
    if not mine:  # no door to leave by (or nowhere to stand): nobody is placed
        return SpacePlan(room.id, room.label, load, False, doors, left=load)
    people: dict[int, int] = {}
    longest: dict[int, float] = {}
    sums: dict[int, tuple[float, float]] = {}
    far: list[Point2] = []
    reach: list[tuple[Point2, float | None]] = []
    for i in mine:
        walk = dict(crowds[i].walks)
        cx, cy = np.mean(np.reshape(origins[i].points, (-1, 2)), axis=0)
        for j, n in found.moves[i]:
            people[j] = people.get(j, 0) + n
            longest[j] = max(longest.get(j, 0.0), walk[j])
            sx, sy = sums.get(j, (0.0, 0.0))
            sums[j] = (sx + n * float(cx), sy + n * float(cy))
        if found.left[i] or not crowds[i].walks:
            far += origins[i].points
        ends = [walk[j] for j, _n in found.moves[i]]
        if not crowds[i].people:  # nobody here: the nearest refuge with a place
            ends = [min((w for j, w in crowds[i].walks if free[j] > 0), default=-1)]
        answer = None if found.left[i] or not ends or ends[0] < 0 else max(ends)
        reach += [(p, answer) for p in origins[i].points]
    moves = sorted(
        (
            Move(
                refuges[j].id,
                refuges[j].label,
                n,
                longest[j],
                (sums[j][0] / n, sums[j][1] / n),
            )
            for j, n in people.items()
        ),
        key=lambda m: (m.walk_m, m.refuge),
    )
    return SpacePlan(
        room.id,
        room.label,
        sum(crowds[i].people for i in mine),
        False,
        doors,
        tuple(moves),
        sum(found.left[i] for i in mine),
        tuple(far),
        params.sample_spacing_m,
        params.walk_m_per_s,
        room.space_type in LARGE,
        tuple(reach),
    )


def move_routes(
    building: BuildingView, walking: WalkIndex, space: SpacePlan
) -> tuple[tuple[Point2, ...], ...]:
    """The walk of each of ``space``'s moves, from its nearest door to the refuge's.

    For the packet's map of a large space's plan; a move with no walk (it cannot
    happen for a placed move, but a plan may be stale) gets an empty route.
    """
    room = building.room(space.room_id)
    starts = (
        _walkable(walking, [d.center for d in building.doors_of(room)]) if room else []
    )
    routes = []
    for move in space.moves:
        refuge = building.room(move.refuge_id)
        doors = building.doors_of(refuge) if refuge else []
        targets = _walkable(walking, [d.center for d in doors])
        best: tuple[Point2, ...] = ()
        if starts and targets:
            field = distance_field(walking, targets, move.walk_m + 1.0)
            paths = [field.path_from(p) for p in starts]
            found = [p for p in paths if p is not None]
            if found:
                best = min(found, key=lambda p: p.length_m).points
        routes.append(best)
    return tuple(routes)
