"""The three-way merge of one item (a markup, a reviewer, a decision), field by field.

An item held by several copies is compared with the common ancestor's version: a
field changed in one copy only takes that change; a field changed alike in several
takes it once; a field changed differently is a :class:`Conflict`, settled by a
choice or by a stated rule (:class:`Prefer`). Append-only fields (a comment's
replies and status history) are unions and never conflict. Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from designreview.model.markups import Stamp

APPEND_ONLY = frozenset({"replies", "history"})
"""Fields that only ever grow (comment threads): merged as unions, in time order."""
NEWEST_WINS = frozenset({"modified"})
"""Bookkeeping stamps: the newest one stands, never a conflict."""
MISSING: Any = None
"""The ancestor's value of an item or field it did not have."""


class Prefer(Enum):
    """Which value a conflict takes when nobody chose (the command line's rule)."""

    FIRST = "first"
    """The value of the copy named first (the ``A`` of ``merge A B``)."""
    LAST = "last"
    """The value of the copy named last."""
    NEWEST = "newest"
    """The most recently changed value (the first copy's on a tie)."""


@dataclass(frozen=True, slots=True)
class Option:
    """One side of a conflict: a value, the copies holding it, who set it and when."""

    copies: tuple[str, ...]
    value: Any
    by: Stamp | None = None
    deleted: bool = False
    """This side deleted the item (``value`` is then the item as it last was)."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field changed differently in several copies, or deleted against an edit."""

    key: str
    """Stable name of the conflict (``markup:<id>:<field>``): choices refer to it."""
    what: str
    item: str
    label: str
    field: str
    """The field in conflict; "" when the item was deleted in one copy, edited in
    another."""
    base: Any
    options: tuple[Option, ...]
    chosen: int
    """Which option the merged review took."""


@dataclass(frozen=True, slots=True)
class Change:
    """A change the merge took from one or more copies, with its author and time."""

    what: str
    item: str
    label: str
    field: str
    """The field changed; "" when the whole item was added or deleted."""
    action: str
    """``added``, ``changed``, ``deleted``, ``replied`` or ``status``."""
    copies: tuple[str, ...]
    value: Any
    by: Stamp | None = None


@dataclass(frozen=True, slots=True)
class Side:
    """One copy's version of an item (None: the copy does not hold it)."""

    copy: str
    item: Any
    by: Stamp | None


@dataclass
class ItemMerger:
    """Merges items one at a time, collecting what it took and what conflicted."""

    choices: Mapping[str, int]
    prefer: Prefer
    changes: list[Change] = dataclasses.field(default_factory=list)
    conflicts: list[Conflict] = dataclasses.field(default_factory=list)
    two_way: bool = False
    """No ancestor: what every copy holds alike is no change to report."""
    _atomic: bool = False

    def merge(
        self,
        what: str,
        key: str,
        label: str,
        base: Any,
        sides: list[Side],
        atomic: bool = False,
    ) -> Any:
        """The merged item (None when it is deleted, or nobody holds it).

        An ``atomic`` item (a decision) is one value: any difference is a conflict
        of the whole item, never of its fields one by one.
        """
        self._atomic = atomic
        present = [s for s in sides if s.item is not None]
        if base is None:
            if not present:
                return None
            copies = tuple(s.copy for s in present)
            if not (self.two_way and len(present) == len(sides)):
                self.changes.append(
                    Change(
                        what, key, label, "", "added", copies, None, _newest(present)
                    )
                )
            return self._fields(what, key, label, None, present)
        gone = [s for s in sides if s.item is None]
        edited = [s for s in present if s.item != base]
        if gone and not edited:
            copies = tuple(s.copy for s in gone)
            self.changes.append(
                Change(what, key, label, "", "deleted", copies, None, _newest(gone))
            )
            return None
        if not gone:
            return self._fields(what, key, label, base, present)
        taken, conflicted = len(self.changes), len(self.conflicts)
        kept = self._fields(what, key, label, base, present)
        options = (
            Option(tuple(s.copy for s in gone), base, _newest(gone), deleted=True),
            Option(tuple(s.copy for s in edited), kept, _newest(edited)),
        )
        if sides.index(edited[0]) < sides.index(gone[0]):
            options = options[::-1]
        chosen = self._settle(f"{what}:{key}:", what, key, label, "", base, options)
        if not options[chosen].deleted:
            return kept
        # Deleted after all: the edits were not taken (the conflict lists them).
        conflict = self.conflicts.pop()
        del self.changes[taken:], self.conflicts[conflicted:]
        self.conflicts.append(conflict)
        return None

    def _fields(
        self, what: str, key: str, label: str, base: Any, present: list[Side]
    ) -> Any:
        first = present[0].item
        if (
            self._atomic
            or not dataclasses.is_dataclass(first)
            or any(type(s.item) is not type(first) for s in present)
        ):
            # One value: its conflict is named for the item's kind ("decision").
            return self._field(what, key, label, what, base, present, lambda i: i)
        values: dict[str, Any] = {}
        for spec in dataclasses.fields(first):
            name = spec.name
            if name == "id":
                continue
            if name in NEWEST_WINS:
                values[name] = max(
                    (getattr(s.item, name) for s in present), key=lambda st: st.at
                )
            elif name in APPEND_ONLY:
                values[name] = self._union(what, key, label, name, base, present)
            else:
                values[name] = self._field(
                    what, key, label, name, base, present, _getter(name)
                )
        return dataclasses.replace(present[0].item, **values)

    def _field(
        self,
        what: str,
        key: str,
        label: str,
        name: str,
        base: Any,
        present: list[Side],
        get: Callable[[Any], Any],
    ) -> Any:
        old = MISSING if base is None else get(base)
        changed = [s for s in present if base is None or get(s.item) != old]
        distinct: dict[Any, list[Side]] = {}
        for side in changed:
            distinct.setdefault(_hashable(get(side.item)), []).append(side)
        if not distinct:
            return old
        groups = list(distinct.values())
        if len(groups) == 1:
            value = get(groups[0][0].item)
            if base is not None:
                copies = tuple(s.copy for s in groups[0])
                self.changes.append(
                    Change(what, key, label, name, "changed", copies, value,
                           _newest(groups[0]))
                )  # fmt: skip
            return value
        options = tuple(
            Option(tuple(s.copy for s in g), get(g[0].item), _newest(g)) for g in groups
        )
        ckey = f"{what}:{key}:{name}"
        chosen = self._settle(ckey, what, key, label, name, old, options)
        return options[chosen].value

    def _union(
        self, what: str, key: str, label: str, name: str, base: Any, present: list[Side]
    ) -> tuple[Any, ...]:
        old = () if base is None else tuple(getattr(base, name))
        if base is None and self.two_way:  # held by every copy: nothing new
            old = tuple(
                e for e in getattr(present[0].item, name)
                if all(e in getattr(s.item, name) for s in present)
            )  # fmt: skip
        seen = dict.fromkeys(old)
        for side in present:
            for entry in getattr(side.item, name):
                if entry not in seen:
                    seen[entry] = None
                    action = "replied" if name == "replies" else "status"
                    stamp = _entry_stamp(entry)
                    self.changes.append(
                        Change(what, key, label, name, action, (side.copy,), entry,
                               stamp)
                    )  # fmt: skip
        return tuple(sorted(seen, key=lambda e: _entry_stamp(e).at))

    def _settle(
        self,
        ckey: str,
        what: str,
        key: str,
        label: str,
        name: str,
        base: Any,
        options: tuple[Option, ...],
    ) -> int:
        chosen = self.choices.get(ckey)
        if chosen is None or not 0 <= chosen < len(options):
            chosen = _preferred(options, self.prefer)
        self.conflicts.append(
            Conflict(ckey, what, key, label, name, base, options, chosen)
        )
        return chosen


def _preferred(options: tuple[Option, ...], prefer: Prefer) -> int:
    """The option the rule ``prefer`` takes (options are in the copies' order)."""
    if prefer is Prefer.LAST:
        return len(options) - 1
    if prefer is Prefer.NEWEST:
        times = [o.by.at if o.by else "" for o in options]
        return times.index(max(times))
    return 0


def _newest(sides: list[Side]) -> Stamp | None:
    stamps = [s.by for s in sides if s.by is not None]
    return max(stamps, key=lambda st: st.at) if stamps else None


def _entry_stamp(entry: Any) -> Stamp:
    """Who wrote a reply (``author``) or a status change (``by``)."""
    stamp = getattr(entry, "author", None) or entry.by
    assert isinstance(stamp, Stamp)
    return stamp


def _getter(name: str) -> Callable[[Any], Any]:
    return lambda item: getattr(item, name)


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value
