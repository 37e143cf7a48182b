"""The lockdown plan as arrows: from each hall and large space to its refuges.

One arrow per move of the sheet's lockdown plan
(:func:`~designreview.analysis.rules.lockdown_plan.plan_for`, with REFUGE-2's
settings, as the packet's lockdown plan pages print it): from a point inside the
space (for a hall, the mean place of the people it sends there) to a point
inside the refuge, with the number of people it sends there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designreview.analysis.rules import large_space_lockdown
from designreview.analysis.rules.base import params_with
from designreview.analysis.rules.lockdown_plan import plan_for
from designreview.analysis.rules.lockdown_types import lockdown_params
from designreview.model.geometry import Point2

if TYPE_CHECKING:
    from designreview.analysis.rules.base import CheckContext

__all__ = ["RefugeArrow", "refuge_arrows"]


@dataclass(frozen=True, slots=True)
class RefugeArrow:
    """People of one space sent to one refuge, as an arrow between them."""

    space_id: str
    space: str
    refuge_id: str
    refuge: str
    people: int
    start: Point2
    end: Point2

    @property
    def label(self) -> str:
        """The arrow's words, e.g. ``"120 to LIBRARY 111"``."""
        return f"{self.people} to {self.refuge}"


def refuge_arrows(ctx: CheckContext) -> tuple[RefugeArrow, ...]:
    """An arrow for every move of the sheet's lockdown plan, in the plan's order."""
    settings = ctx.review.check_settings
    rule = large_space_lockdown
    own = params_with(rule.Params(), rule.RULE_ID, settings)
    plan = plan_for(ctx, lockdown_params(settings, rule.RULE_ID, own))
    building = ctx.building
    arrows = []
    for space in plan.spaces:
        room = building.room(space.room_id)
        if room is None:
            continue
        middle = room.polygon.representative_point()
        for move in space.moves:
            refuge = building.room(move.refuge_id)
            if refuge is None:
                continue
            # A hall's arrow starts where the people it sends stand; a large
            # space's from inside it (they leave by whichever door is nearest).
            start = move.origin if move.origin and not space.from_doors else None
            end = refuge.polygon.representative_point()
            arrows.append(
                RefugeArrow(
                    room.id,
                    space.name,
                    refuge.id,
                    move.refuge,
                    move.people,
                    start or (middle.x, middle.y),
                    (end.x, end.y),
                )
            )
    return tuple(arrows)
