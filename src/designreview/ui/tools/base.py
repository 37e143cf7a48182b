"""What every canvas tool shares: the context it works in and the event protocol.

The view offers each mouse and key event to the active tool first; a tool returns True
to consume it. A tool owns its preview items, finishes by submitting exactly one edit,
and cancels on Esc (Orange canvas's interaction protocol, STYLE.md section 6).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from designreview.analysis.snapping import SnapKind, SnapResult, snap_point
from designreview.model.geometry import Point2
from designreview.model.markups import Markup
from designreview.model.plan import LayerCategory, Plan
from designreview.ui.canvas.scene import PlanScene
from designreview.ui.canvas.view import PlanView
from designreview.ui.selection import Selection
from designreview.ui.session.document_bridge import DocumentBridge
from designreview.ui.tools.detected_spaces import DetectedSpaces

if TYPE_CHECKING:
    import numpy as np

    from designreview.model.markups import Stamp

Mods = Qt.KeyboardModifier


class SnapLines:
    """The segments points snap to, worked out once for the plan being shown.

    One per tool context, so it lives and dies with its window and holds one plan at
    a time: a new plan (another sheet, a reload) replaces the segments of the last.
    """

    def __init__(self) -> None:
        self._plan: Plan | None = None
        self._segments: np.ndarray | None = None

    def of(self, plan: Plan) -> np.ndarray:
        """The wall, door, window, column, room and stair segments of ``plan``."""
        if self._segments is None or self._plan is not plan:
            self._plan, self._segments = plan, _snap_segments(plan)
        return self._segments


def _snap_segments(plan: Plan) -> np.ndarray:
    import numpy as np

    wanted = {
        LayerCategory.WALL,
        LayerCategory.DOOR,
        LayerCategory.WINDOW,
        LayerCategory.COLUMN,
        LayerCategory.ROOM,
        LayerCategory.STAIR,
    }
    kinds = {info.name: info.category for info in plan.layers}
    parts = [w.segments for w in plan.linework if kinds.get(w.layer) in wanted]
    return np.concatenate(parts) if parts else np.empty((0, 4))


@dataclass
class ToolContext:
    """What a tool may use: the model bridge, the canvas and the snapping settings."""

    bridge: DocumentBridge
    selection: Selection
    scene: PlanScene
    view: PlanView
    sheet_id: Callable[[], str | None]
    plan: Callable[[], Plan | None]
    hint: Callable[[str], None]
    line_is_clear: Callable[[Point2, Point2], bool | None] = lambda _a, _b: None
    """Whether walls leave a line of sight clear (None while that is unknown)."""
    preview: Callable[[Markup], None] = lambda _markup: None
    """Show live analysis for a markup as it is being dragged (not yet an edit)."""
    clear_finding: Callable[[], None] = lambda: None
    """Select no finding (a click on empty plan, Esc); the view stays put."""
    snap_kinds: frozenset[SnapKind] = frozenset(SnapKind)
    snap_tolerance_px: float = 10.0
    snapping: bool = True
    snap_lines: SnapLines = field(
        default_factory=SnapLines, init=False, repr=False, compare=False
    )
    """The lines of the plan shown that points snap to, kept while it stays shown."""
    detected: DetectedSpaces = field(init=False, repr=False, compare=False)
    """The shown sheet's detected rooms, offered for picking and correcting."""

    def __post_init__(self) -> None:
        self.detected = DetectedSpaces(self.bridge, self.sheet_id, self.plan)

    def stamp(self) -> Stamp:
        return self.bridge.document.stamp()

    def snap(self, point: Point2) -> SnapResult | None:
        """The snapped position of ``point``, if snapping is on and a line is near."""
        plan = self.plan()
        if not self.snapping or plan is None or not self.snap_kinds:
            return None
        tolerance = self.snap_tolerance_px / max(self.view.scale_factor(), 1e-9)
        return snap_point(self.snap_lines.of(plan), point, tolerance, self.snap_kinds)


class Tool:
    """Base tool: consumes nothing. Subclasses override what they handle."""

    name = "tool"
    text = "Tool"
    shortcut = ""
    hint = ""
    snaps = True

    def __init__(self, ctx: ToolContext) -> None:
        self.ctx = ctx

    def activate(self) -> None:
        self.ctx.hint(self.hint)

    def deactivate(self) -> None:
        self.cancel()

    def press(self, pos: Point2, mods: Mods) -> bool:
        return False

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        return False

    def release(self, pos: Point2, mods: Mods) -> bool:
        return False

    def double_click(self, pos: Point2, mods: Mods) -> bool:
        return False

    def key(self, key: int, mods: Mods) -> bool:
        if key == Qt.Key.Key_Escape:
            self.cancel()
            self.ctx.clear_finding()
            return True
        return False

    def cancel(self) -> None:
        """Drop any half-made markup and its preview."""

    def point(self, pos: Point2, mods: Mods) -> Point2:
        """``pos`` snapped to the drawing unless snapping is off or Alt is held."""
        if not self.snaps or mods & Mods.AltModifier:
            return pos
        snapped = self.ctx.snap(pos)
        return snapped.point if snapped else pos
