"""What ``inspect`` says about floors drawn side by side in one drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from designreview.recognition.floors import plan_floors

if TYPE_CHECKING:
    from designreview.model.geometry import Extents
    from designreview.model.plan import Plan


def floors_report(plan: Plan) -> list[dict[str, Any]]:
    """Each floor found: name, region and outline in drawing metres, wall lines.

    Coordinates are metres in the drawing's own system (drawing units times
    ``scale_to_m``), as everywhere on the command line; one floor for a drawing of
    one plan, none for a drawing without walls.
    """
    return [
        {
            "name": floor.name,
            "titled": floor.is_titled,
            "region": _metres(floor.region, plan.scale_to_m),
            "outline": _metres(floor.outline, plan.scale_to_m),
            "walls": floor.wall_count,
            "wall_length_m": round(floor.wall_length_m, 1),
        }
        for floor in plan_floors(plan)
    ]


def floors_line(floors: list[dict[str, Any]]) -> str | None:
    """The text output's line for several floors side by side, else None."""
    if len(floors) < 2:
        return None
    names = ", ".join(floor["name"] for floor in floors)
    return (
        f"{len(floors)} floors side by side: {names} "
        "(designreview new --floors makes a sheet of each)"
    )


def _metres(box: Extents, scale_to_m: float) -> list[float]:
    return [round(v * scale_to_m, 3) for v in box.as_list()]
