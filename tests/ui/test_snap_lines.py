"""The lines points snap to: only the building's lines, worked out once per plan."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from tests.fixtures.plans import plan_of

from designreview.model.plan import LayerCategory, LayerInfo, Linework
from designreview.ui.tools.base import SnapLines


def _plan_with_furniture():
    # A-WALL: two walls of a 4 x 3 m corner; A-GLAZ: one pane in the first wall;
    # A-FURN: a desk edge, which a point must not snap to.
    plan = plan_of(
        walls=[[0, 0, 4, 0], [4, 0, 4, 3]],
        glazing=[[1, 0, 2, 0]],
    )
    desk = Linework("A-FURN", np.array([[1.0, 1.0, 2.0, 1.0]]))
    return replace(
        plan,
        layers=(*plan.layers, LayerInfo("A-FURN", LayerCategory.FURNITURE, 1)),
        linework=(*plan.linework, desk),
    )


def test_snap_lines_are_walls_and_windows_but_not_furniture():
    lines = SnapLines().of(_plan_with_furniture())
    # Walls first, then the pane, in drawing order; the desk edge is left out.
    assert lines.tolist() == [[0, 0, 4, 0], [4, 0, 4, 3], [1, 0, 2, 0]]


def test_snap_lines_are_kept_for_the_plan_shown_and_replaced_by_the_next():
    first, second = _plan_with_furniture(), plan_of(walls=[[0, 0, 0, 5]])
    lines = SnapLines()
    kept = lines.of(first)
    assert lines.of(first) is kept  # the same plan: not worked out again
    assert lines.of(second).tolist() == [[0, 0, 0, 5]]
    assert lines.of(first) is not kept  # it holds one plan at a time
    assert lines.of(first).tolist() == kept.tolist()
