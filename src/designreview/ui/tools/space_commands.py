"""Space corrections that are commands rather than drawing: merging the selection."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from designreview.analysis.space_edit import merge_outlines
from designreview.model.edits import Batch, RemoveMarkup, ReplaceMarkup
from designreview.model.ids import MarkupId
from designreview.model.markups import Space
from designreview.model.space_overrides import corrected

if TYPE_CHECKING:
    from designreview.ui.selection import Selection
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.tools.detected_spaces import DetectedSpaces


def merge_selected_spaces(
    bridge: DocumentBridge,
    selection: Selection,
    detected: DetectedSpaces | None = None,
) -> str | None:
    """Join the selected spaces into the first one (one undo step).

    Detected rooms among them take part as their stand-ins: the merged space
    covers them, so the checks read it in their place.

    Returns:
        None when merged, else the reason it could not be done (for the user).
    """
    review = bridge.review
    rooms: dict[str, Space] = (
        {s.id: s for s in detected.of(selection.ids)} if detected else {}
    )
    picked = (review.markup(MarkupId(i)) or rooms.get(i) for i in selection.ids)
    spaces = [m for m in picked if isinstance(m, Space)]
    if len(spaces) < 2:
        return "Select two or more neighbouring spaces to merge."
    try:
        outline = merge_outlines([space.vertices for space in spaces])
    except ValueError as exc:
        return str(exc)
    kept = replace(spaces[0], vertices=outline, modified=bridge.document.stamp())
    removals = sorted(
        (RemoveMarkup.of(review, s) for s in spaces[1:] if s.id not in rooms),
        key=lambda edit: edit.index or 0,
        reverse=True,
    )
    merge = Batch((*removals, ReplaceMarkup(spaces[0], kept)), "Merge spaces")
    bridge.submit(corrected(merge, review))
    selection.set((kept.id,), initiator=bridge)
    return None
