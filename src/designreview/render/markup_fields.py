"""The properties panel's logic: the fields a selection shares, the edit a change makes.

Qt-free. The properties dock asks this module which fields the selected markups have
in common (each kind declares its own in ``render/kinds/``), what value they share and
which undoable edit a change makes; ``render/fields.py`` reads and shows the values.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from designreview.model.edits import Batch, ReplaceMarkup
from designreview.model.markups import AccessPoint, Comment, Reply, StatusChange
from designreview.render.fields import MIXED, ChoiceToggle, Field
from designreview.render.kinds import KINDS
from designreview.render.markup_text import type_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from enum import Enum

    from designreview.model.edits import Edit
    from designreview.model.markups import Markup, Stamp

__all__ = [
    "FIELDS",
    "choice_states",
    "field_edit",
    "field_named",
    "hinge_flip_edit",
    "reply_edit",
    "selection_title",
    "shared_fields",
    "shared_value",
]

FIELDS: Final[Mapping[type, tuple[Field, ...]]] = MappingProxyType(
    {markup_type: spec.fields for markup_type, spec in KINDS.items()}
)
"""The fields each markup type shows, in display order (from its declaration)."""


def field_named(markup_type: type, name: str) -> Field:
    """The field ``name`` of a markup type (KeyError if it has none).

    Example:
        >>> from designreview.model.markups import AccessPoint
        >>> field_named(AccessPoint, "lock").label
        'Lock function'
    """
    found = next((f for f in FIELDS.get(markup_type, ()) if f.name == name), None)
    if found is None:
        raise KeyError(f"{markup_type.__name__} has no field {name!r}")
    return found


def shared_fields(types: Iterable[type]) -> tuple[Field, ...]:
    """The fields every one of ``types`` has (same name, same kind and choices).

    Example:
        >>> from designreview.model.markups import (
        ...     AccessPoint, Camera, Observer, Sightline)
        >>> [f.name for f in shared_fields([Observer, Camera, Sightline])]
        ['label']
        >>> shared_fields([AccessPoint, Observer])  # "kind", but other choices
        ()
        >>> len(shared_fields([AccessPoint, AccessPoint]))
        13
    """
    unique = list(dict.fromkeys(types))
    if not unique:
        return ()
    first, *others = (FIELDS.get(t, ()) for t in unique)
    return tuple(f for f in first if all(f in fields for fields in others))


def shared_value(markups: Sequence[Markup], field: Field) -> Any:
    """The field's value if all markups agree, else :data:`MIXED`.

    Example:
        >>> from designreview.model.markups import AccessPoint, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> doors = [AccessPoint(i, "s", made, made, (0, 0), width_m=w)
        ...          for i, w in (("a", 0.9), ("b", 0.9))]
        >>> width = field_named(AccessPoint, "width_m")
        >>> shared_value(doors, width)
        0.9
        >>> shared_value([*doors, replace(doors[0], width_m=1.2)], width)
        <_Mixed.MIXED: 'mixed'>
    """
    values = [getattr(m, field.name) for m in markups]
    if not values or any(v != values[0] for v in values[1:]):
        return MIXED
    return values[0]


def choice_states(
    markups: Sequence[Markup], field: Field
) -> tuple[tuple[Enum, bool | None], ...]:
    """Each choice of a multi-choice field: on for all, off for all, or None (mixed).

    Example:
        >>> from designreview.model.markups import AccessControl, AccessPoint, Stamp
        >>> made = Stamp("r-1", "2026-11-20T09:00:00+00:00")
        >>> a = AccessPoint("a", "s", made, made, (0, 0),
        ...                 access_control=(AccessControl.CARD_READER,))
        >>> b = replace(a, id="b", access_control=())
        >>> states = choice_states([a, b], field_named(AccessPoint, "access_control"))
        >>> [(choice.value, state) for choice, state in states[:2]]
        [('card_reader', None), ('intercom', False)]
    """
    held = [set(getattr(m, field.name)) for m in markups]
    states: list[tuple[Enum, bool | None]] = []
    for choice in field.choices:
        count = sum(choice in h for h in held)
        states.append((choice, None if 0 < count < len(held) else count > 0))
    return tuple(states)


def _new_value(field: Field, old: Any, entered: Any) -> Any:
    if not isinstance(entered, ChoiceToggle):
        return entered
    keep = {c for c in old if c != entered.choice}
    if entered.on:
        keep.add(entered.choice)
    return tuple(c for c in field.choices if c in keep)


def _with_value(markup: Markup, field: Field, entered: Any, stamp: Stamp) -> Markup:
    old = getattr(markup, field.name)
    new = _new_value(field, old, entered)
    if new == old:
        return markup
    changes: dict[str, Any] = {field.name: new, "modified": stamp}
    if field.records_history and isinstance(markup, Comment):
        changes["history"] = (*markup.history, StatusChange(stamp, new))
    return replace(markup, **changes)


def field_edit(
    markups: Sequence[Markup], field: Field, entered: Any, stamp: Stamp
) -> Edit | None:
    """One undoable edit setting ``field`` on every markup, or None if nothing changes.

    ``entered`` is the new value, or a :class:`ChoiceToggle` for a multi-choice field.
    Each changed markup gets ``stamp`` as its ``modified``; a status change is also
    appended to the comment's history. Several markups make one ``Batch``.

    Example:
        >>> from designreview.model.markups import AccessPoint, LockFunction, Stamp
        >>> made, now = Stamp("r-1", "09:00"), Stamp("r-2", "10:00")
        >>> doors = [AccessPoint(i, "s", made, made, (0, 0)) for i in "ab"]
        >>> lock = field_named(AccessPoint, "lock")
        >>> edit = field_edit(doors, lock, LockFunction.INSIDE_LOCKABLE, now)
        >>> edit.label, [e.after.lock.value for e in edit.edits]
        ('Set lock function', ['inside_lockable', 'inside_lockable'])
        >>> field_edit(doors, lock, LockFunction.UNKNOWN, now) is None
        True
    """
    label = f"Set {field.label.lower()}"
    replaced = [
        ReplaceMarkup(m, after, label)
        for m in markups
        if (after := _with_value(m, field, entered, stamp)) is not m
    ]
    if not replaced:
        return None
    if len(replaced) == 1:
        return replaced[0]
    return Batch(tuple(replaced), label)


def hinge_flip_edit(markups: Sequence[Markup], stamp: Stamp) -> Edit | None:
    """Swap the hinge and latch ends of every selected door, as one undoable edit.

    The angle runs from the hinge end to the latch end, so a flip adds 180
    degrees; the reviewer who flips a door says which end is the hinge, so its
    hinge side becomes known. None when no access point is among ``markups``.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> made, now = Stamp("r-1", "09:00"), Stamp("r-2", "10:00")
        >>> gap = AccessPoint("a", "s", made, made, (0, 0), angle_deg=270.0,
        ...                   hinge_known=False)
        >>> edit = hinge_flip_edit([gap], now)
        >>> edit.label, edit.after.angle_deg, edit.after.hinge_known
        ('Flip door hinge', 90.0, True)
        >>> hinge_flip_edit([], now) is None
        True
    """
    doors = [m for m in markups if isinstance(m, AccessPoint)]
    label = "Flip door hinge" if len(doors) == 1 else "Flip door hinges"
    replaced = [
        ReplaceMarkup(
            door,
            replace(
                door,
                angle_deg=(door.angle_deg + 180.0) % 360.0,
                hinge_known=True,
                modified=stamp,
            ),
            label,
        )
        for door in doors
    ]
    if not replaced:
        return None
    if len(replaced) == 1:
        return replaced[0]
    return Batch(tuple(replaced), label)


def reply_edit(comment: Comment, text: str, stamp: Stamp) -> ReplaceMarkup | None:
    """Append a reply to a comment's thread (None for blank text).

    Example:
        >>> from designreview.model.markups import Comment, Stamp
        >>> made = Stamp("r-1", "09:00")
        >>> note = Comment("c", "s", made, made, (0, 0), "Door 104?")
        >>> edit = reply_edit(note, " Fixed. ", Stamp("r-2", "10:00"))
        >>> edit.after.replies, edit.after.modified.reviewer_id
        ((Reply(author=Stamp(reviewer_id='r-2', at='10:00'), text='Fixed.'),), 'r-2')
        >>> reply_edit(note, "  ", made) is None
        True
    """
    if not text.strip():
        return None
    replies = (*comment.replies, Reply(stamp, text.strip()))
    after = replace(comment, replies=replies, modified=stamp)
    return ReplaceMarkup(comment, after, "Reply to comment")


def selection_title(markups: Sequence[Markup]) -> str:
    """The heading of a properties panel for these markups.

    Example:
        >>> from designreview.model.markups import AccessPoint, Sightline, Stamp
        >>> made = Stamp("r-1", "09:00")
        >>> door = AccessPoint("a", "s", made, made, (0, 0))
        >>> selection_title([]), selection_title([door]), selection_title([door] * 2)
        ('Nothing selected', 'Access point', '2 access points')
        >>> selection_title([door, Sightline("l", "s", made, made, (0, 0), (1, 1))])
        '2 markups'
    """
    names = {type_name(m) for m in markups}
    if not markups:
        return "Nothing selected"
    if len(markups) == 1:
        return type_name(markups[0])
    if len(names) == 1:
        return f"{len(markups)} {names.pop().lower()}s"
    return f"{len(markups)} markups"
