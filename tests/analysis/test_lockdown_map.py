"""The race from one entry, room by room (the Lockdown view's data), by hand.

From the propped west exit of ``long_corridor`` (see test_lockdown_race.py): the room
from x = 20 loses to a walker (5.9 s spare), the one from 40 to a runner (7.5 s),
the one from 50 wins (11.5 s at a run); push-button rooms secure in 8.571 s.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from tests.fixtures.plans import SHEET, long_corridor, review_of

from designreview.analysis.lockdown_map import (
    MapCaches,
    RaceStatus,
    lockdown_map,
    with_bands,
    worst_entry,
)
from designreview.model.markups import AccessKind, AccessPoint, Stamp

STAMP = Stamp("r", "2026-12-07T10:00:00+00:00")
PROPPED = AccessPoint(
    "m", SHEET, STAMP, STAMP, (0.0, -1.5), kind=AccessKind.EXTERIOR_DOOR,
    is_propped=True,
)  # fmt: skip


def test_each_room_gets_its_race_colour_and_times():
    shown = lockdown_map(
        review_of([PROPPED]), long_corridor((20.0, 40.0, 50.0), 60.0), SHEET
    )
    assert shown.entry is not None
    assert shown.entry.label == "door WEST (propped open)"
    assert [r.status for r in shown.rooms] == [
        RaceStatus.LOST, RaceStatus.CLOSE, RaceStatus.SAFE,
    ]  # fmt: skip
    near = shown.rooms[0]
    assert near.arrival_s == pytest.approx(20.2747 / 1.4, abs=1e-3)
    assert near.secure_s == pytest.approx(5 + 5 / 1.4)
    # The least spare of walking (5.9 s) and hurried (8.110 - 8.571 = -0.46 s).
    assert near.slack_s == pytest.approx(20.2747 / 2.5 - 5 - 5 / 1.4, abs=1e-3)
    assert [(b.from_s, b.to_s) for b in shown.bands] == [
        (0.0, 30.0), (30.0, 60.0), (60.0, 120.0),
    ]  # fmt: skip


def test_without_a_way_in_every_room_is_out_of_reach():
    shown = lockdown_map(review_of(), long_corridor((20.0,), 60.0), SHEET)
    assert (shown.entries, shown.entry, shown.bands) == ((), None, ())
    (room,) = shown.rooms
    assert room.status is RaceStatus.UNREACHED
    assert math.isinf(room.arrival_s)


def test_the_worst_entry_is_the_one_that_loses_most_rooms():
    # Both exits propped. From the west (in at 0.5, -1.5) only the room from x = 20
    # loses (14.5 s on foot against 8.571 s to secure). From the east (in at 59.5,
    # -1.5) the door of the room from 50, (50.75, -0.5), is about 8.8 m away (6.3 s)
    # and the one from 40 about 18.8 m (13.4 s, 4.8 s spare): two lose, so the
    # east is the worst. The room from 20 is about 38.8 m from it: 27.7 s on foot
    # but 15.5 s at a run, 6.97 s spare: close.
    east = replace(PROPPED, id="e", position=(60.0, -1.5))
    review = review_of([PROPPED, east])
    plan = long_corridor((20.0, 40.0, 50.0), 60.0, exits=("west", "east"))
    worst = worst_entry(review, plan, SHEET)
    shown = lockdown_map(review, plan, SHEET, worst)
    assert shown.entry is not None
    assert shown.entry.label == "door EAST (propped open)"
    assert [r.status for r in shown.rooms] == [
        RaceStatus.CLOSE, RaceStatus.LOST, RaceStatus.LOST,
    ]  # fmt: skip


def test_no_way_in_no_worst_entry():
    assert worst_entry(review_of(), long_corridor((20.0,), 60.0), SHEET) is None


def test_quick_maps_leave_new_bands_pending_and_find_kept_ones():
    review, plan = review_of([PROPPED]), long_corridor((20.0, 40.0, 50.0), 60.0)
    caches = MapCaches()
    first = lockdown_map(review, plan, SHEET, caches=caches, quick=True)
    # Nothing kept yet: the race is there, the bands are pending.
    assert [r.status for r in first.rooms] == [
        RaceStatus.LOST, RaceStatus.CLOSE, RaceStatus.SAFE,
    ]  # fmt: skip
    assert (first.bands, first.pending) == ((), (30.0, 60.0, 120.0))
    banded = with_bands(first)
    full = lockdown_map(review, plan, SHEET)
    assert banded.pending == ()
    assert [b.area.area for b in banded.bands] == pytest.approx(
        [b.area.area for b in full.bands]
    )
    # The same walls again: the bands are found at once, nothing pending.
    again = lockdown_map(review, plan, SHEET, caches=caches, quick=True)
    assert again.pending == ()
    assert [b.area for b in again.bands] == [b.area for b in banded.bands]
