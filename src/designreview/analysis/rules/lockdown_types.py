"""The lockdown plan's inputs and answers: params, moves, per-space plans.

See :mod:`designreview.analysis.rules.lockdown_plan` for how the plan is made.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from designreview.analysis.rules.room_locks import OCCUPIED
from designreview.model.geometry import Point2
from designreview.model.markups import SpaceType

if TYPE_CHECKING:
    from designreview.model.review import CheckSetting

__all__ = [
    "DEFAULTS",
    "EXPOSED",
    "LARGE",
    "REFUGES",
    "LockdownParams",
    "LockdownPlan",
    "Move",
    "SpacePlan",
    "lockdown_params",
]

EXPOSED = frozenset(
    {
        SpaceType.CORRIDOR,
        SpaceType.COMMONS,
        SpaceType.CAFETERIA,
        SpaceType.GYM,
        SpaceType.LIBRARY,
        SpaceType.RESTROOM,
    }
)
"""Spaces people are caught in when a lockdown is called (REFUGE-1)."""
LARGE = frozenset({SpaceType.CAFETERIA, SpaceType.GYM, SpaceType.AUDITORIUM})
"""Large spaces, whose whole load leaves by their doors (REFUGE-2)."""
REFUGES = OCCUPIED
"""Rooms people can shelter in, if every door locks."""
HALLS = frozenset({SpaceType.CORRIDOR, SpaceType.COMMONS, SpaceType.RESTROOM})
"""Spaces whose load is counted at the hall density."""
_RULES = {"REFUGE-1": "hall_walk_m", "REFUGE-2": "large_walk_m"}
"""Each rule's ``max_walk_m`` is one of the two walks here."""


@dataclass(frozen=True, slots=True)
class LockdownParams:
    """Walks, densities and speed of the assignment (REFUGE-1's and REFUGE-2's)."""

    hall_walk_m: float = 30.0
    large_walk_m: float = 30.0
    sample_spacing_m: float = 2.0
    hall_m2_per_person: float = 2.3
    library_m2_per_person: float = 4.65
    cafeteria_m2_per_person: float = 1.39
    assembly_m2_per_person: float = 0.65
    classroom_m2_per_person: float = 1.86
    refuge_m2_per_person: float = 0.46
    walk_m_per_s: float = 1.4  # Knoblauch et al. (1996): mean walking speed


DEFAULTS = LockdownParams()


@dataclass(frozen=True, slots=True)
class Move:
    """People of one space sent to one refuge, and the longest walk among them."""

    refuge_id: str
    refuge: str
    people: int
    walk_m: float
    origin: Point2 | None = None
    """Where they start, on average (a hall's sample points weighted by the people
    each sends; a large space's doors are its starts as a whole)."""


@dataclass(frozen=True, slots=True)
class SpacePlan:
    """Where the people of one hall or large space go.

    Attributes:
        room_id: The space.
        name: How a person names it.
        people: Its occupant load.
        stays: Whether it locks down itself: its people stay behind its doors.
        doors: Its door numbers.
        moves: Who goes to which refuge, nearest first.
        left: People no refuge within reach has a place for.
        far: The sample points whose people are (partly) left, for halls.
        spacing_m: The sample grid's spacing.
        walk_m_per_s: The walking speed, for the times.
        from_doors: Whether the walks start at its doors (a large space).
        reach: For each start point (a hall's sample points, a large space's doors),
            the longest walk its people are sent on; None where some have no place.
            A point with nobody on it gets the walk to the nearest refuge with a
            place left once everyone is placed.
    """

    room_id: str
    name: str
    people: int
    stays: bool
    doors: tuple[str, ...]
    moves: tuple[Move, ...] = ()
    left: int = 0
    far: tuple[Point2, ...] = ()
    spacing_m: float = 2.0
    walk_m_per_s: float = 1.4
    from_doors: bool = False
    reach: tuple[tuple[Point2, float | None], ...] = ()

    @property
    def placed(self) -> int:
        """People a refuge takes in."""
        return sum(m.people for m in self.moves)

    def summary(self) -> str:
        """The plan in one sentence, as the packet prints it.

        Example:
            >>> moves = (Move("a", "LIBRARY 111", 120, 24.0),
            ...          Move("b", "CLASSROOM 121", 90, 31.5))
            >>> SpacePlan("c", "CAFETERIA 130", 270, False, ("130A",), moves,
            ...           60).summary()
            'CAFETERIA 130, 270 people: 120 to LIBRARY 111 (24 m, 17 s), 90 to CLASSROOM 121 (32 m, 22 s), 60 with no refuge within reach'
            >>> SpacePlan("g", "GYM 140", 886, True, ("140A", "E7")).summary()
            'GYM 140, 886 people: all stay behind lockable doors 140A, E7'
        """  # noqa: E501
        return f"{self.name}, {self.people} people: {self.where()}"

    def where(self) -> str:
        """Where its people go, in words (the summary without the space's name).

        Example:
            >>> SpacePlan("c", "CAFETERIA 130", 20, False, (), (), 20).where()
            '20 with no refuge within reach'
        """
        if self.stays:
            doors = ", ".join(d for d in self.doors if d) or "its doors"
            return f"all stay behind lockable doors {doors}"
        # A large space's walks start at its doors (its people leave by them).
        start = " from its doors" if self.from_doors else ""
        parts = [
            f"{m.people} to {m.refuge} ({m.walk_m:.0f} m{start}, "
            f"{m.walk_m / self.walk_m_per_s:.0f} s)"
            for m in self.moves
        ]
        if self.left:
            parts.append(f"{self.left} with no refuge within reach")
        return ", ".join(parts) or "nobody to place"


@dataclass(frozen=True, slots=True)
class LockdownPlan:
    """The plan of every hall and large space of one sheet, and each refuge's use.

    Attributes:
        spaces: One plan per hall and large space, in the sheet's room order.
        refuges: (room id, name, places, taken) for each refuge.
    """

    spaces: tuple[SpacePlan, ...]
    refuges: tuple[tuple[str, str, int, int], ...]

    def space(self, room_id: str) -> SpacePlan | None:
        """The plan of the space with this id."""
        return next((s for s in self.spaces if s.room_id == room_id), None)


def lockdown_params(
    settings: tuple[CheckSetting, ...], rule_id: str, params: Any
) -> LockdownParams:
    """The assignment's inputs: the review's REFUGE settings, then ``params``.

    ``params`` are the checking rule's own (``rule_id``), which win over its
    settings; the other rule's thresholds come from the review's settings.
    """
    names = {f.name for f in fields(LockdownParams)}
    changes: dict[str, Any] = {}
    for s in settings:
        if s.rule_id in _RULES and s.rule_id != rule_id:
            name = _RULES[s.rule_id] if s.name == "max_walk_m" else s.name
            if name in names:
                changes[name] = s.value
    for f in fields(params):
        name = _RULES[rule_id] if f.name == "max_walk_m" else f.name
        if name in names:
            changes[name] = getattr(params, f.name)
    return replace(DEFAULTS, **changes)
