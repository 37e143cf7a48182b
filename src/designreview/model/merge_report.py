"""The merge report: every change taken and every conflict, with who and when.

Readable Markdown for the people who sign the review, and the same facts as plain
JSON data for scripts. Pure: text in, text out, no I/O.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import TYPE_CHECKING, Any

from designreview.model.markups import Reply, Stamp, StatusChange
from designreview.model.review import Decision

if TYPE_CHECKING:
    from designreview.model.merge import MergeResult
    from designreview.model.merge_items import Conflict, Option, Prefer
    from designreview.model.review import Review

__all__ = ["option_text", "report_data", "report_markdown", "value_text", "who_text"]


def value_text(value: Any) -> str:
    """A field's value as a reader would write it.

    Example:
        >>> from designreview.model.markups import LockFunction
        >>> value_text(LockFunction.NONE), value_text(2.50), value_text((1.0, 2.5))
        ('none', '2.5', '(1, 2.5)')
        >>> value_text(((0, 0), (1, 0), (1, 1))), value_text(True), value_text("a|b")
        ('3 points', 'yes', '"a|b"')
    """
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, Reply):
        return f'reply "{value.text}"'
    if isinstance(value, StatusChange):
        note = f' "{value.note}"' if value.note else ""
        return f"status {value.status.value}{note}"
    if isinstance(value, Decision):
        reason = f' "{value.reason}"' if value.reason else ""
        return f"{value.kind.value}{reason}" + (
            f" (owner {value.owner})" if value.owner else ""
        )
    if isinstance(value, tuple):
        return _tuple_text(value)
    if dataclasses.is_dataclass(value):
        return type(value).__name__
    return str(value)


def _tuple_text(value: tuple[Any, ...]) -> str:
    if not value:
        return "none"
    if len(value) == 2 and all(_is_number(v) for v in value):
        return f"({value_text(float(value[0]))}, {value_text(float(value[1]))})"
    if all(isinstance(v, tuple) for v in value):
        return f"{len(value)} points"
    return ", ".join(value_text(v) for v in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def who_text(stamp: Stamp | None, review: Review) -> str:
    """Who did it (name and agency when the review knows them) and when.

    Example:
        >>> from designreview.model.review import Review, Reviewer
        >>> review = Review("r", reviewers=(Reviewer("r-1", "Ann Lee", "Police"),))
        >>> who_text(Stamp("r-1", "2026-12-01T10:00:00+00:00"), review)
        'Ann Lee (Police), 2026-12-01 10:00:00 UTC'
        >>> who_text(None, review)
        'not recorded'
    """
    if stamp is None:
        return "not recorded"
    person = review.reviewer(stamp.reviewer_id)
    if person is None:
        name = stamp.reviewer_id or "someone"
    else:
        name = f"{person.name} ({person.agency})" if person.agency else person.name
    at = stamp.at.replace("T", " ").replace("+00:00", " UTC")
    return f"{name}, {at}"


def report_markdown(result: MergeResult, prefer: Prefer) -> str:
    """The report as Markdown: summary, conflicts with every value, changes taken."""
    review = result.review
    lines = [
        "# Merge report",
        "",
        f"- Review: {review.info.school or review.id} (id {review.id})",
        f"- Copies merged: {', '.join(result.copies)}",
        "- Common ancestor: "
        + (
            result.base
            or "none found: a two-way merge, where every difference is a conflict"
        ),
        f"- Conflicts settled by: {_rule(prefer)}, unless chosen",
        f"- {len(result.changes)} changes taken, {len(result.conflicts)} conflicts",
        *(f"- Note: {note}" for note in result.notes),
        "",
        f"## Conflicts ({len(result.conflicts)})",
        "",
    ]
    if not result.conflicts:
        lines += ["None.", ""]
    for number, conflict in enumerate(result.conflicts, 1):
        what = conflict.field or "deleted in one copy, edited in another"
        lines += [f"### {number}. {conflict.label}: {what}", ""]
        if conflict.field:
            lines.append(f"- ancestor: {_base_text(conflict.base, result)}")
        for index, option in enumerate(conflict.options):
            value = "deleted" if option.deleted else option_text(conflict, option)
            taken = " **(taken)**" if index == conflict.chosen else ""
            lines.append(
                f"- {', '.join(option.copies)}: {value}, by "
                f"{who_text(option.by, review)}{taken}"
            )
        lines.append("")
    lines += [f"## Changes taken ({len(result.changes)})", ""]
    if result.changes:
        lines += ["| item | change | value | from | by |", "|---|---|---|---|---|"]
    for change in result.changes:
        action = _ACTIONS.get(change.action, change.action)
        if change.action == "changed":
            action += f" {change.field}"
        value = value_text(change.value) if change.field else ""
        cells = (change.label, action, value, ", ".join(change.copies),
                 who_text(change.by, review))  # fmt: skip
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines).rstrip() + "\n"


def report_data(result: MergeResult, prefer: Prefer) -> dict[str, Any]:
    """The report's facts as JSON data (values as the Markdown writes them)."""
    review = result.review

    def by(stamp: Stamp | None) -> dict[str, str] | None:
        if stamp is None:
            return None
        person = review.reviewer(stamp.reviewer_id)
        return {
            "reviewer_id": stamp.reviewer_id,
            "name": person.name if person else "",
            "agency": person.agency if person else "",
            "at": stamp.at,
        }

    return {
        "review_id": review.id,
        "copies": list(result.copies),
        "base": result.base or None,
        "prefer": prefer.value,
        "notes": list(result.notes),
        "changes": [
            {"what": c.what, "item": c.item, "label": c.label, "field": c.field,
             "action": c.action, "copies": list(c.copies),
             "value": value_text(c.value) if c.field else None, "by": by(c.by)}
            for c in result.changes
        ],
        "conflicts": [
            {"key": c.key, "what": c.what, "item": c.item, "label": c.label,
             "field": c.field, "base": _base_text(c.base, result),
             "chosen": c.chosen,
             "options": [
                 {"copies": list(o.copies), "deleted": o.deleted, "by": by(o.by),
                  "value": None if o.deleted else option_text(c, o)}
                 for o in c.options
             ]}
            for c in result.conflicts
        ],
    }  # fmt: skip


_ACTIONS = {"replied": "reply added", "status": "status change added"}


def option_text(conflict: Conflict, option: Option) -> str:
    """An option's value; against a deletion, the edited item's changed fields.

    Example:
        >>> from designreview.model.merge_items import Conflict, Option
        >>> option = Option(("B",), 20.0)
        >>> conflict = Conflict("k", "markup", "m", "Cam", "fov", 90.0, (option,), 0)
        >>> option_text(conflict, option)
        '20'
    """
    if conflict.field:
        return value_text(option.value)
    base, item = conflict.base, option.value
    if not (dataclasses.is_dataclass(item) and type(base) is type(item)):
        return f"kept as {value_text(item)}"
    edits = [
        f"{f.name} {value_text(getattr(item, f.name))}"
        for f in dataclasses.fields(item)
        if f.name != "modified" and getattr(item, f.name) != getattr(base, f.name)
    ]
    return "kept, edited: " + "; ".join(edits)


def _base_text(value: Any, result: MergeResult) -> str:
    return value_text(value) if result.base else "(no ancestor)"


def _rule(prefer: Prefer) -> str:
    return {
        "first": "the value of the copy named first",
        "last": "the value of the copy named last",
        "newest": "the most recently changed value",
    }[prefer.value]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
