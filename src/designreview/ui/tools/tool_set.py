"""Every canvas tool of a window, made once, with the ones commands call typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.ui.tools.base import Tool
from designreview.ui.tools.comment_tool import CommentTool
from designreview.ui.tools.drag_tools import CameraTool, SightlineTool
from designreview.ui.tools.measure_tool import MeasureTool
from designreview.ui.tools.place_tools import place_tools
from designreview.ui.tools.polygon_tools import polygon_tools
from designreview.ui.tools.select_tool import SelectTool
from designreview.ui.tools.split_tool import SplitSpaceTool

if TYPE_CHECKING:
    from designreview.ui.tools.base import ToolContext


@dataclass(frozen=True, slots=True)
class CanvasTools:
    """The tools in toolbar order; menu commands reach select and measure by type."""

    select: SelectTool
    measure: MeasureTool
    ordered: tuple[Tool, ...]


def make_tools(ctx: ToolContext) -> CanvasTools:
    """Every canvas tool, sharing one context, in toolbar order."""
    access_point, exterior_door, breach, observer, responder = place_tools(ctx)
    zone, safe_room, space, cloud = polygon_tools(ctx)
    select, measure = SelectTool(ctx), MeasureTool(ctx)
    ordered = (
        select,
        access_point,
        exterior_door,
        breach,
        observer,
        responder,
        CameraTool(ctx),
        SightlineTool(ctx),
        zone,
        safe_room,
        space,
        SplitSpaceTool(ctx),
        CommentTool(ctx),
        cloud,
        measure,
    )
    return CanvasTools(select, measure, ordered)
