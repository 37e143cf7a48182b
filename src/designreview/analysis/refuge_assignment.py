"""Who goes where in a lockdown: crowds assigned to refuges as a minimum-cost flow.

Each crowd (the people at one sample point of a hall, or a cafeteria's whole load)
may walk to the refuges within reach; each refuge takes at most its spare places.
The assignment places as many people as possible and, among those answers, walks
the fewest person-metres in all (networkx's network simplex). Every refuge place
is given once, so two halls never count the same classroom twice.

The network: crowd -> refuge (cost: the walk in centimetres, unlimited), refuge ->
sink (capacity: its spare places), and crowd -> "left" -> sink at a cost higher
than any rearrangement of walks could save, so a person is left behind only when
no refuge within reach has a place left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Assignment", "Crowd", "assign_refuges"]

_CM_PER_M = 100


@dataclass(frozen=True, slots=True)
class Crowd:
    """People standing together and the refuges they can reach.

    Attributes:
        people: How many.
        walks: (refuge index, walking metres) for each refuge within reach.
    """

    people: int
    walks: tuple[tuple[int, float], ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where each crowd goes.

    Attributes:
        moves: Per crowd, (refuge index, people) for each refuge it sends people to,
            in refuge order.
        left: Per crowd, the people no refuge within reach has a place for.
    """

    moves: tuple[tuple[tuple[int, int], ...], ...]
    left: tuple[int, ...]

    def taken(self, refuge: int) -> int:
        """How many people refuge ``refuge`` takes in, from every crowd."""
        return sum(n for moves in self.moves for r, n in moves if r == refuge)


def assign_refuges(crowds: Sequence[Crowd], spare: Sequence[int]) -> Assignment:
    """The assignment placing most people, then walking fewest person-metres.

    Args:
        crowds: Who must go somewhere, and where they can go.
        spare: The places left in each refuge (its capacity less its own people).

    Returns:
        The moves and who is left, per crowd.

    Example:
        Two halls and one classroom with 30 places 10 m from hall A and 12 m from
        hall B, and a library with 25 places 20 m from hall B only. Hall A (20
        people) can go nowhere else, so it takes the classroom first; hall B's 25
        take the classroom's other 10 and 15 library places (20 * 10 + 10 * 12 +
        15 * 20 = 620 person-metres). Nobody is left and no place is given twice:

        >>> a = Crowd(20, ((0, 10.0),))
        >>> b = Crowd(25, ((0, 12.0), (1, 20.0)))
        >>> found = assign_refuges([a, b], [30, 25])
        >>> found.moves, found.left
        ((((0, 20),), ((0, 10), (1, 15))), (0, 0))
        >>> found.taken(0), found.taken(1)
        (30, 15)

        With 40 in hall A, the classroom is full and 10 of hall A are left:

        >>> assign_refuges([Crowd(40, ((0, 10.0),)), b], [30, 25]).left
        (10, 0)
    """
    nearest = _nearest_if_enough(crowds, spare)
    if nearest is not None:
        return nearest
    # networkx takes 0.12 s to import: loaded when a plan is contested, not with the
    # rules (the command line's start-up stays light).
    import networkx as nx

    graph = nx.DiGraph()
    total = sum(c.people for c in crowds if c.people > 0)
    graph.add_node("sink", demand=total)
    graph.add_node("left")
    graph.add_edge("left", "sink", weight=0)
    for r, places in enumerate(spare):
        if places > 0:
            graph.add_edge(("refuge", r), "sink", weight=0, capacity=int(places))
    costliest = 1
    for i, crowd in enumerate(crowds):
        if crowd.people <= 0:
            continue
        graph.add_node(("crowd", i), demand=-crowd.people)
        for r, walk_m in crowd.walks:
            if r < len(spare) and spare[r] > 0:
                cost = round(walk_m * _CM_PER_M)
                costliest = max(costliest, cost)
                graph.add_edge(("crowd", i), ("refuge", r), weight=cost)
    # A person is left only if placing them would cost more than this: more than
    # any chain of crowds and refuges, each moving someone along a walk, can add.
    leave = (len(crowds) + len(spare) + 1) * costliest + 1
    for i, crowd in enumerate(crowds):
        if crowd.people > 0:
            graph.add_edge(("crowd", i), "left", weight=leave)
    _cost, flow = nx.network_simplex(graph)
    moves, left = [], []
    for i, crowd in enumerate(crowds):
        out = flow.get(("crowd", i), {})
        moves.append(
            tuple(
                (key[1], int(n))
                for key, n in sorted(out.items(), key=_refuge_first)
                if key != "left" and n > 0
            )
        )
        left.append(int(out.get("left", 0)) if crowd.people > 0 else 0)
    return Assignment(tuple(moves), tuple(left))


def _nearest_if_enough(
    crowds: Sequence[Crowd], spare: Sequence[int]
) -> Assignment | None:
    """Everyone to their nearest refuge, if no refuge is then over full; else None.

    Then each person walks the least they can and everyone who can reach a refuge
    has a place: no flow can do better, so the solver is not needed (a school with
    room to spare everywhere, the usual case).
    """
    want = [0] * len(spare)
    moves: list[tuple[tuple[int, int], ...]] = []
    left = []
    for crowd in crowds:
        usable = [(w, r) for r, w in crowd.walks if r < len(spare) and spare[r] > 0]
        if crowd.people <= 0 or not usable:
            moves.append(())
            left.append(max(crowd.people, 0))
            continue
        _walk, best = min(usable)
        want[best] += crowd.people
        moves.append(((best, crowd.people),))
        left.append(0)
    if any(w > s for w, s in zip(want, spare, strict=True)):
        return None
    return Assignment(tuple(moves), tuple(left))


def _refuge_first(item: tuple[object, int]) -> tuple[int, int]:
    key = item[0]
    return (1, 0) if key == "left" else (0, key[1])  # type: ignore[index]
