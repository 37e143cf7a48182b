"""The tools toolbar: one checkable button per canvas tool, with icon and shortcut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QToolBar

from designreview.resources import resource
from designreview.ui.tools.comment_tool import CommentTool
from designreview.ui.tools.drag_tools import CameraTool, SightlineTool
from designreview.ui.tools.measure_tool import MeasureTool
from designreview.ui.tools.place_tools import place_tools
from designreview.ui.tools.polygon_tools import polygon_tools
from designreview.ui.tools.select_tool import SelectTool
from designreview.ui.tools.split_tool import SplitSpaceTool

if TYPE_CHECKING:
    from designreview.ui.canvas.view import PlanView
    from designreview.ui.tools.base import Tool, ToolContext


def make_tools(ctx: ToolContext) -> list[Tool]:
    """Every canvas tool, in toolbar order."""
    access_point, exterior_door, observer = place_tools(ctx)
    zone, safe_room, space, cloud = polygon_tools(ctx)
    return [
        SelectTool(ctx),
        access_point,
        exterior_door,
        observer,
        CameraTool(ctx),
        SightlineTool(ctx),
        zone,
        safe_room,
        space,
        SplitSpaceTool(ctx),
        CommentTool(ctx),
        cloud,
        MeasureTool(ctx),
    ]


class ToolsToolBar(QToolBar):
    """Exactly one tool is active; it stays active until another is chosen."""

    def __init__(self, view: PlanView, ctx: ToolContext, parent=None) -> None:
        super().__init__("Tools", parent)
        self.setObjectName("ToolsToolBar")
        self.view = view
        self.tools = {tool.name: tool for tool in make_tools(ctx)}
        self.actions_by_tool: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for tool in self.tools.values():
            action = QAction(_icon(tool.name), tool.text, self)
            action.setObjectName(f"tool_{tool.name}")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(tool.shortcut))
            action.setToolTip(f"{tool.text} ({tool.shortcut})")
            action.setStatusTip(tool.hint)
            action.triggered.connect(
                lambda _checked=False, n=tool.name: self.activate(n)
            )
            group.addAction(action)
            self.addAction(action)
            self.actions_by_tool[tool.name] = action
        self.activate("select")

    def activate(self, name: str) -> Tool:
        tool = self.tools[name]
        self.actions_by_tool[name].setChecked(True)
        if self.view.tool is not tool:
            self.view.set_tool(tool)
        return tool


def _icon(name: str) -> QIcon:
    icon = resource("icons", f"{name}.svg")
    return QIcon(str(icon)) if icon.is_file() else QIcon()
