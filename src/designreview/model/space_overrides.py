"""A detected room corrected by hand: the reviewer's space that stands in for it.

Rooms found in the drawing are guesses, not markups. When a reviewer retypes,
renames, merges or splits one, the corrected room becomes a :class:`Space` markup
with the room's outline, saved with the review like any markup. The checks read
reviewers' spaces first, and a detected room whose inside a space covers is left
out (``analysis/building_view.py``), so the correction wins on every reopening;
deleting the space brings the detected room back.

Until it is changed, a detected room is shown to the reviewer as a *stand-in*: the
space it would become, with an id made from the sheet and the room's id, so that
selecting it, changing it, undoing and redoing all name the same thing.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.model.edits import AddMarkup, Batch, ReplaceMarkup
from designreview.model.ids import MarkupId, SheetId
from designreview.model.markups import Space

if TYPE_CHECKING:
    from designreview.model.building import DetectedSpace
    from designreview.model.edits import Edit
    from designreview.model.markups import Stamp
    from designreview.model.review import Review

__all__ = ["corrected", "override_id", "stand_in"]

_NAMESPACE = uuid.UUID("6f1d3c52-8a0e-4d8b-9a57-2f4e1b7c9d03")


def override_id(sheet_id: str, detected_id: str) -> MarkupId:
    """The markup id a correction of detected room ``detected_id`` gets.

    The same on every call (so a selection survives the room becoming a markup),
    different per sheet (two floors may hold rooms of one id), and as opaque as
    :func:`~designreview.model.ids.new_id`.

    Example:
        >>> a = override_id("sheet-1", "space-2B")
        >>> a == override_id("sheet-1", "space-2B"), a == override_id("s2", "space-2B")
        (True, False)
        >>> len(a)
        26
    """
    return MarkupId(uuid.uuid5(_NAMESPACE, f"{sheet_id}/{detected_id}").hex[:26])


def stand_in(detected: DetectedSpace, sheet_id: str, stamp: Stamp) -> Space:
    """The space a detected room becomes when a reviewer corrects it.

    Example:
        >>> from designreview.model.building import DetectedSpace
        >>> from designreview.model.markups import SpaceType, Stamp
        >>> room = DetectedSpace("space-2B", ((0, 0), (4, 0), (4, 3)), "OFFICE",
        ...                      "104", SpaceType.OFFICE)
        >>> space = stand_in(room, "sheet-1", Stamp("r-1", "09:00"))
        >>> space.name, space.number, space.space_type.value, space.vertices[1]
        ('OFFICE', '104', 'office', (4, 0))
    """
    return Space(
        override_id(sheet_id, detected.id),
        SheetId(sheet_id),
        stamp,
        stamp,
        detected.outline,
        name=detected.name,
        space_type=detected.space_type,
        number=detected.number,
    )


def corrected(edit: Edit, review: Review) -> Edit:
    """``edit`` with each change of a stand-in made the addition of its space.

    Edits are written as if every selected room were a markup (a
    :class:`ReplaceMarkup` of its stand-in); a stand-in is not in ``review`` yet,
    so replacing it adds it, made when it was first changed. Batches are
    corrected edit by edit.

    Example:
        >>> from designreview.model.review import Review
        >>> from designreview.model.markups import SpaceType, Stamp
        >>> made = Stamp("r-1", "09:00")
        >>> room = Space("x", "s", made, made, ((0, 0), (1, 0), (1, 1)))
        >>> review = Review("rv")
        >>> edit = ReplaceMarkup(room, replace(room, space_type=SpaceType.LAB))
        >>> type(corrected(edit, review)).__name__
        'AddMarkup'
        >>> type(corrected(edit, review.with_markup(room))).__name__
        'ReplaceMarkup'
    """
    if isinstance(edit, Batch):
        return Batch(tuple(corrected(e, review) for e in edit.edits), edit.label)
    if isinstance(edit, ReplaceMarkup) and review.markup(edit.before.id) is None:
        after = edit.after
        return AddMarkup(replace(after, created=after.modified), edit.label)
    return edit
