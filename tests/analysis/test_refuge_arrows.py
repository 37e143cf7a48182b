"""The lockdown plan as arrows, by hand (see test_lockdown_plan.py for the plan)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.fixtures.plans import cafeteria_plan, review_of

from designreview.analysis.building_view import building_view
from designreview.analysis.refuge_arrows import refuge_arrows
from designreview.analysis.rules.base import CheckContext
from designreview.model.review import CheckSetting


def test_an_arrow_per_move_from_where_its_people_stand():
    # As test_cafeteria_beyond_the_near_refuge_is_sent_further: a 40 m walk for the
    # cafeteria, one person in the corridor (1000 m² each), at (1, -2).
    settings = (
        CheckSetting("REFUGE-2", "max_walk_m", 40.0),
        CheckSetting("REFUGE-1", "hall_m2_per_person", 1000.0),
    )
    review = replace(review_of(), check_settings=settings)
    plan = cafeteria_plan(classrooms=(0.0, 20.5))
    ctx = CheckContext(review, building_view(review, review.sheets[0], plan))
    arrows = refuge_arrows(ctx)
    # In the sheet's room order, each space's moves nearest first.
    assert [(a.space, a.label) for a in arrows] == [
        ("CORRIDOR 150", "1 to CLASSROOM 100"),
        ("CAFETERIA 130", "131 to CLASSROOM 101"),
        ("CAFETERIA 130", "71 to CLASSROOM 100"),
    ]
    building = ctx.building
    cafe = building.room("cafe").polygon.representative_point()
    # The cafeteria's people leave by its doors: its arrows start inside it.
    assert arrows[1].start == pytest.approx((cafe.x, cafe.y))
    assert arrows[2].start == arrows[1].start
    # The corridor's one person starts where they stand; every arrow ends inside
    # its refuge.
    assert arrows[0].start == pytest.approx((1.0, -2.0))
    for arrow in arrows:
        inside = building.room(arrow.refuge_id).polygon.representative_point()
        assert arrow.end == pytest.approx((inside.x, inside.y))
