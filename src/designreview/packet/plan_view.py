"""What a printed view of a sheet shows: its extents, markups, findings and colours.

Qt-free and paper-free: the packet's backend asks this module what to draw and where,
and only turns the answers into PDF operators. Finding colours match the canvas's
finding overlay (fail red, needs-information purple, warning orange, info blue).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from designreview.model.geometry import Extents
from designreview.model.markups import Comment
from designreview.render.kinds import kind_of
from designreview.render.markup_graphics import markup_graphic

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from designreview.model.findings import Finding
    from designreview.model.geometry import Point2
    from designreview.model.plan import Plan
    from designreview.model.review import Review
    from designreview.render.graphic import MarkupGraphic

__all__ = [
    "comment_numbers",
    "content_extents",
    "finding_numbers",
    "finding_window",
    "is_closed_ring",
    "sheet_graphics",
]


def content_extents(plan: Plan) -> Extents:
    """The box around everything drawn on ``plan`` (segments and labels), in metres.

    NaN or infinite coordinates (a hostile drawing) are ignored; a plan with nothing
    drawn falls back to its recorded extents.

    Example:
        >>> from designreview.model.plan import Linework, Plan
        >>> from designreview.model.units import LengthUnit
        >>> work = Linework("W", np.array([[0, 0, 4, 1], [np.nan, 0, 9, 9]]))
        >>> plan = Plan("p", "", LengthUnit.METRE, 1.0, (0.0, 0.0),
        ...             Extents(0, 0, 1, 1), (), (work,))
        >>> content_extents(plan)
        Extents(min_x=0.0, min_y=0.0, max_x=4.0, max_y=1.0)
    """
    parts = [w.segments[np.isfinite(w.segments).all(axis=1)] for w in plan.linework]
    parts = [p.reshape(-1, 2) for p in parts]
    parts.append(np.array([lbl.position for lbl in plan.labels]).reshape(-1, 2))
    points = np.concatenate(parts)
    points = points[np.isfinite(points).all(axis=1)]
    if not len(points):
        return plan.extents
    low, high = points.min(axis=0), points.max(axis=0)
    return Extents(float(low[0]), float(low[1]), float(high[0]), float(high[1]))


def finding_numbers(findings: Iterable[Finding]) -> dict[str, str]:
    """A short reference per finding key, in the given order: "F1", "F2", ...

    Example:
        >>> from designreview.model.findings import Finding, Severity
        >>> f = Finding("ROOM-1:a", "ROOM-1", Severity.FAIL, "m", "s", (0.0, 0.0))
        >>> finding_numbers([f])
        {'ROOM-1:a': 'F1'}
    """
    return {f.key: f"F{i}" for i, f in enumerate(findings, start=1)}


def comment_numbers(review: Review, sheet_ids: Sequence[str]) -> dict[str, str]:
    """A short reference per comment id ("C1", ...) in sheet order, then review order.

    Example:
        >>> from designreview.model.markups import Stamp
        >>> from designreview.model.review import Review
        >>> s = Stamp("r", "t")
        >>> review = Review("r", markups=(Comment("a", "s2", s, s, (0, 0), "x"),
        ...                              Comment("b", "s1", s, s, (0, 0), "y")))
        >>> comment_numbers(review, ["s1", "s2"])
        {'b': 'C1', 'a': 'C2'}
    """
    order = {sheet_id: i for i, sheet_id in enumerate(sheet_ids)}
    comments = [
        m for m in review.markups if isinstance(m, Comment) and m.sheet_id in order
    ]
    comments.sort(key=lambda c: order[c.sheet_id])
    return {c.id: f"C{i}" for i, c in enumerate(comments, start=1)}


def sheet_graphics(
    review: Review, sheet_id: str, comment_refs: dict[str, str]
) -> list[MarkupGraphic]:
    """The graphics of a sheet's markups, areas first and symbols on top.

    On paper a comment is labelled with its reference ("C3"), which points to its
    thread in the packet, rather than with its first words.
    """
    markups = [m for m in review.markups if m.sheet_id == sheet_id]
    markups.sort(key=lambda m: kind_of(m).paper_order)  # areas under symbols
    graphics = []
    for markup in markups:
        graphic = markup_graphic(markup, review)
        if markup.id in comment_refs:
            graphic = replace(graphic, label=comment_refs[markup.id])
        graphics.append(graphic)
    return graphics


def is_closed_ring(points: Sequence[Point2]) -> bool:
    """Whether an overlay ring is an area (closed) rather than a path.

    Example:
        >>> is_closed_ring([(0, 0), (1, 0), (1, 1), (0, 0)])
        True
        >>> is_closed_ring([(0, 0), (5, 0)])
        False
    """
    return len(points) >= 4 and tuple(points[0]) == tuple(points[-1])


def finding_window(finding: Finding, aspect: float, min_span_m: float) -> Extents:
    """The part of the sheet a finding's snippet shows: its overlay and location.

    The box holds the overlay and the location with a margin, is at least
    ``min_span_m`` across and has the width-to-height ``aspect`` of the frame.

    Example:
        >>> from designreview.model.findings import Finding, Severity
        >>> f = Finding("k", "R", Severity.FAIL, "m", "s", (10.0, 10.0))
        >>> finding_window(f, aspect=2.0, min_span_m=10.0)
        Extents(min_x=5.0, min_y=7.5, max_x=15.0, max_y=12.5)
    """
    points = [finding.location, *(p for ring in finding.overlay for p in ring)]
    finite = [p for p in points if math.isfinite(p[0]) and math.isfinite(p[1])]
    xs = [p[0] for p in finite] or [0.0]
    ys = [p[1] for p in finite] or [0.0]
    margin = 0.15 * max(max(xs) - min(xs), max(ys) - min(ys))
    width = max(max(xs) - min(xs) + 2 * margin, min_span_m)
    height = max(max(ys) - min(ys) + 2 * margin, min_span_m / aspect)
    width, height = max(width, height * aspect), max(height, width / aspect)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return Extents(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
