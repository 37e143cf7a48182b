"""The tools toolbar: one checkable button per canvas tool, with icon and shortcut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QToolBar

from designreview.resources import resource

if TYPE_CHECKING:
    from designreview.ui.canvas.view import PlanView
    from designreview.ui.tools.base import Tool
    from designreview.ui.tools.tool_set import CanvasTools


class ToolsToolBar(QToolBar):
    """Exactly one tool is active; it stays active until another is chosen."""

    def __init__(self, view: PlanView, tools: CanvasTools, parent=None) -> None:
        super().__init__("Tools", parent)
        self.setObjectName("ToolsToolBar")
        self.view = view
        self.tools = {tool.name: tool for tool in tools.ordered}
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
