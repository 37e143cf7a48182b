"""Comments: pins, callouts and clouds with text, a thread and a status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designreview.model.markups import Comment, CommentStatus, Priority
from designreview.model.words import first_words
from designreview.render.fields import Field, FieldKind, choice_field
from designreview.render.graphic import MarkupGraphic, Symbol
from designreview.render.kinds.spec import KindSpec, on_layer

if TYPE_CHECKING:
    from designreview.render.style import Rgb

__all__ = ["COMMENT"]

_DONE = (CommentStatus.RESOLVED, CommentStatus.REJECTED)


def _graphic(comment: Comment, color: Rgb) -> MarkupGraphic:
    done = comment.status in _DONE
    label = first_words(comment.text)  # the whole text shows on hover
    if comment.leader_to is not None and not comment.cloud:
        return MarkupGraphic(
            comment.id,
            color,
            comment.position,
            outline=(comment.position, comment.leader_to),
            dashed=done,
            symbol=Symbol.COMMENT,
            label=label,
        )
    return MarkupGraphic(
        comment.id,
        color,
        comment.position,
        outline=comment.cloud,
        closed=bool(comment.cloud),
        fill_alpha=25 if comment.cloud else 0,
        dashed=done,
        symbol=Symbol.COMMENT,
        label=label,
    )


def _facts(comment: Comment, imperial: bool) -> tuple[str, ...]:
    return (f"Shape: {comment.shape.value.capitalize()}",)


COMMENT = KindSpec(
    name="Comment",
    fields=(
        Field("text", "Text", FieldKind.LONG_TEXT),
        Field(
            "status",
            "Status",
            FieldKind.CHOICE,
            tuple(CommentStatus),
            records_history=True,
        ),
        choice_field("priority", "Priority", Priority),
        Field("agency", "Agency", FieldKind.TEXT),
    ),
    label_field="text",
    graphic=_graphic,
    dxf_layer=on_layer("REVIEW-COMMENT"),
    paper_order=4,
    facts=_facts,
)
"""A comment: a speech bubble with its first words, dashed once it is closed."""
