"""Door numbers: the sequences a reviewer numbers doors with.

A door number is the text responders read on a plan, so a sequence never repeats a
number that a door keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from designreview.model.ids import MarkupId
    from designreview.model.markups import AccessPoint

__all__ = ["door_numbers", "number_doors"]


def door_numbers(
    count: int, prefix: str = "D-", taken: Iterable[str] = ()
) -> list[str]:
    """The first ``count`` free numbers of a sequence: prefix, then 01, 02, ...

    Numbers in ``taken`` (doors that keep theirs) are skipped, however they are
    padded, so the sequence never repeats a door's number. Numbers get at least two
    digits, and all of them the same width.

    Example:
        >>> door_numbers(3)
        ['D-01', 'D-02', 'D-03']
        >>> door_numbers(3, "E", taken=["E2", "D-1", "E-x"])
        ['E01', 'E03', 'E04']
        >>> door_numbers(2, taken=[f"D-{n}" for n in range(1, 99)])
        ['D-099', 'D-100']
    """
    used = {
        int(rest)
        for number in taken
        if number.startswith(prefix)
        and (rest := number[len(prefix) :]).isascii()
        and rest.isdigit()
    }
    picks: list[int] = []
    candidate = 0
    while len(picks) < count:
        candidate += 1
        if candidate not in used:
            picks.append(candidate)
    width = max(2, len(str(picks[-1]))) if picks else 2
    return [f"{prefix}{n:0{width}d}" for n in picks]


def number_doors(
    doors: Sequence[AccessPoint], prefix: str, others: Iterable[AccessPoint] = ()
) -> dict[MarkupId, str]:
    """New door numbers for ``doors`` in their given order; ``others`` keep theirs.

    Returns only the doors whose number changes.

    Example:
        >>> from designreview.model.markups import AccessPoint, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> def door(i, n=""):
        ...     return AccessPoint(i, "s", made, made, (0, 0), door_number=n)
        >>> number_doors([door("a", "D-01"), door("b", "7")], "D-")
        {'b': 'D-02'}
        >>> number_doors([door("a"), door("b")], "D-", others=[door("c", "D-01")])
        {'a': 'D-02', 'b': 'D-03'}
    """
    taken = [d.door_number for d in others]
    numbers = door_numbers(len(doors), prefix, taken)
    return {
        door.id: number
        for door, number in zip(doors, numbers, strict=True)
        if door.door_number != number
    }
