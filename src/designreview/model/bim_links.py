"""Which IFC elements a finding is about: its subjects as the BIM model's GlobalIds.

A finding names its subjects by the ids the review knows (detected doors and spaces,
markups). For a plan read from an IFC model those lead to GlobalIds: a detected door
or space carries its ``guid``, an access point placed on an IFC door its ``ifc_guid``,
and a subject may already be a GlobalId of an element the plan shows. Every export
that speaks to a BIM tool (BCF, CSV, GeoJSON) resolves them here, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.model.ids import MarkupId
from designreview.model.markups import AccessPoint

if TYPE_CHECKING:
    from collections.abc import Iterable

    from designreview.model.plan import Plan
    from designreview.model.review import Review

__all__ = ["LinkedElement", "linked_elements", "subject_guids"]


@dataclass(frozen=True, slots=True)
class LinkedElement:
    """One model element a finding is about: its GlobalId and what the model says."""

    guid: str
    ifc_class: str = ""
    """``IfcDoor``, ``IfcSpace``...; "" when the plan's element list lacks it."""
    name: str = ""


def subject_guids(
    subjects: Iterable[str], review: Review, plan: Plan | None
) -> tuple[str, ...]:
    """The GlobalIds of ``subjects``, each once, in the subjects' order.

    Subjects that lead to no model element (a DXF plan, a markup drawn by hand) are
    left out, so a DXF review gives ``()``.

    Example:
        >>> from designreview.model.review import Review
        >>> subject_guids(["door-7"], Review("r"), None)
        ()
    """
    return tuple(e.guid for e in linked_elements(subjects, review, plan))


def linked_elements(
    subjects: Iterable[str], review: Review, plan: Plan | None
) -> tuple[LinkedElement, ...]:
    """The model elements of ``subjects`` (see :func:`subject_guids`)."""
    doors = {d.id: d.guid for d in plan.doors} if plan is not None else {}
    spaces = {s.id: s.guid for s in plan.spaces} if plan is not None else {}
    bim = plan.bim if plan is not None else None
    found: dict[str, None] = {}
    for subject in subjects:
        markup = review.markup(MarkupId(subject))
        guid = doors.get(subject) or spaces.get(subject) or ""
        if not guid and isinstance(markup, AccessPoint):
            guid = markup.ifc_guid
        if not guid and bim is not None and bim.element(subject) is not None:
            guid = subject
        if guid:
            found[guid] = None
    return tuple(_element(guid, plan) for guid in found)


def _element(guid: str, plan: Plan | None) -> LinkedElement:
    known = plan.bim.element(guid) if plan is not None and plan.bim else None
    if known is None:
        return LinkedElement(guid)
    return LinkedElement(guid, known.ifc_class, known.name)
