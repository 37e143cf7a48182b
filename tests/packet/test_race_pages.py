"""The lockdown race page: the worst entry's bands and race colours, and the losers."""

from __future__ import annotations

import pytest
from tests.fixtures.plans import SHEET, long_corridor, review_of
from tests.packet.test_lockdown_pages import pages_by_title

from designreview.analysis.run import run_checks
from designreview.packet import PacketOptions, write_packet
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

pypdf = pytest.importorskip("pypdf")


def test_the_sample_packet_races_from_the_propped_kitchen_door(tmp_path):
    review, plans = load_review_and_plans(sample_review_path())
    path = tmp_path / "packet.pdf"
    write_packet(review, plans, run_checks(review, plans), path)
    starts, texts = pages_by_title(path)
    page = starts["Lockdown race: Level 1"]
    assert starts["Lockdown race"] == page
    assert starts["Lockdown plans"] == page + 1
    text = texts[page]
    # E5, marked propped, is the only way in (sample_plans/README.md). Lost: 114
    # (114A does not lock) and the cafeteria (its doors do not lock). Close:
    # reception 102, 23.9 s on foot, 13.4 s at a run against 8.6 s to secure (4.8 s
    # spare), and three more rooms by the kitchen side.
    assert "From door E5 (propped open), the way in from which most rooms lose" in text
    assert "2 rooms lose to a walking intruder and 4 only to a hurried one" in text
    assert "Room Race Entry Arrives, s Secures, s Spare, s Seen through glass" in (text)
    row = "CLASSROOM 114 Lost door E5 (propped open) 45 never cannot lock no glass"
    assert row in text
    assert "CAFETERIA 130 Lost door E5 (propped open)" in text
    assert "RECEPTION 102 Close door E5 (propped open) 24 9 5" in text
    table = text.split("Spare, s Seen through glass")[1]
    assert "CLASSROOM 120" not in table  # 65 s away: safe, not listed
    assert table.count("door E5 (propped open)") == 6
    assert "Lost: a walking intruder arrives first" in text  # the legend
    assert "Walking intruder there within 30-60 s" in text
    assert "Scale" in text


def test_no_way_in_no_race_page(tmp_path):
    # Every door of long_corridor locks and nothing is marked: no entry.
    review = review_of()
    plans = {SHEET: long_corridor((20.0,), 60.0)}
    path = tmp_path / "none.pdf"
    options = PacketOptions(finding_pages=frozenset())
    write_packet(review, plans, run_checks(review, plans), path, options)
    starts, _texts = pages_by_title(path)
    assert "Lockdown race" not in starts
