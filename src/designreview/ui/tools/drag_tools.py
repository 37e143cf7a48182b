"""Tools that press, drag and release: cameras (place and aim) and sightlines (A to B).

States: IDLE -> DRAGGING on press; the preview follows the pointer; release submits
one markup; Esc while dragging cancels.
"""

from __future__ import annotations

import math
from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING

from designreview.model.edits import AddMarkup
from designreview.model.ids import MarkupId, ReviewerId, SheetId, new_id
from designreview.model.markups import Camera, Sightline, Stamp
from designreview.render.graphic import camera_wedge
from designreview.ui.tools.base import Mods, Tool, ToolContext
from designreview.ui.tools.preview import BLOCKED_COLOR, OK_COLOR, PreviewPath

if TYPE_CHECKING:
    from designreview.model.geometry import Point2

MIN_AIM_M = 0.3
_PREVIEW_STAMP = Stamp(ReviewerId(""), "")
DEFAULT_CAMERA = Camera(
    MarkupId(""), SheetId(""), _PREVIEW_STAMP, _PREVIEW_STAMP, (0.0, 0.0)
)
"""Defaults of a new camera: field of view, range and resolution (PRODUCT.md 2)."""


class _State(Enum):
    IDLE = "idle"
    DRAGGING = "dragging"


class CameraTool(Tool):
    """Press where the camera hangs, drag toward what it looks at, release."""

    name, text, shortcut = "camera", "Camera", "M"
    hint = (
        "Press at the camera, drag to aim it (the drag length sets its range), "
        "release to place it. Field of view and resolution are in Properties."
    )

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self._state = _State.IDLE
        self._origin: Point2 = (0.0, 0.0)
        self._camera = DEFAULT_CAMERA
        self._preview = PreviewPath(ctx.scene)

    def press(self, pos: Point2, mods: Mods) -> bool:
        self._origin = self.point(pos, mods)
        self._state = _State.DRAGGING
        self._aim(self._origin)
        return True

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        if self._state is _State.DRAGGING:
            self._aim(pos)
            return True
        return False

    def release(self, pos: Point2, mods: Mods) -> bool:
        if self._state is not _State.DRAGGING:
            return False
        self._aim(pos)
        sheet_id = self.ctx.sheet_id()
        stamp = self.ctx.stamp()
        camera = replace(
            self._camera,
            id=MarkupId(new_id()),
            sheet_id=SheetId(sheet_id or ""),
            created=stamp,
            modified=stamp,
        )
        self.cancel()
        if sheet_id is not None:
            self.ctx.bridge.submit(AddMarkup(camera, "Add camera"))
            self.ctx.selection.set((camera.id,), initiator=self)
        return True

    def cancel(self) -> None:
        self._state = _State.IDLE
        self._preview.hide_preview()

    def _aim(self, pos: Point2) -> None:
        dx, dy = pos[0] - self._origin[0], pos[1] - self._origin[1]
        length = math.hypot(dx, dy)
        aimed = length >= MIN_AIM_M
        self._camera = replace(
            DEFAULT_CAMERA,
            position=self._origin,
            direction_deg=math.degrees(math.atan2(dy, dx)) if aimed else 0.0,
            range_m=length if aimed else DEFAULT_CAMERA.range_m,
        )
        self._preview.show_points(list(camera_wedge(self._camera)), closed=True)


class SightlineTool(Tool):
    """Press at A, drag to B: the line turns red where a wall blocks it."""

    name, text, shortcut = "sightline", "Sightline", "L"
    hint = "Press at the viewer, drag to the target; green is clear, red is blocked."

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self._state = _State.IDLE
        self._start: Point2 = (0.0, 0.0)
        self._preview = PreviewPath(ctx.scene)
        self.last_clear: bool | None = None

    def press(self, pos: Point2, mods: Mods) -> bool:
        self._start = self.point(pos, mods)
        self._state = _State.DRAGGING
        return True

    def move(self, pos: Point2, dragging: bool, mods: Mods) -> bool:
        if self._state is not _State.DRAGGING:
            return False
        end = self.point(pos, mods)
        self.last_clear = self.ctx.line_is_clear(self._start, end)
        self._preview.set_color(BLOCKED_COLOR if self.last_clear is False else OK_COLOR)
        self._preview.show_points([self._start, end])
        return True

    def release(self, pos: Point2, mods: Mods) -> bool:
        if self._state is not _State.DRAGGING:
            return False
        end = self.point(pos, mods)
        sheet_id = self.ctx.sheet_id()
        self.cancel()
        if sheet_id is None or math.dist(self._start, end) < MIN_AIM_M:
            return True
        stamp = self.ctx.stamp()
        line = Sightline(
            MarkupId(new_id()), SheetId(sheet_id), stamp, stamp, self._start, end
        )
        self.ctx.bridge.submit(AddMarkup(line, "Add sightline"))
        self.ctx.selection.set((line.id,), initiator=self)
        return True

    def cancel(self) -> None:
        self._state = _State.IDLE
        self._preview.hide_preview()
