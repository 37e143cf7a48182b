"""The lockdown plan pages: one per large space, its plan in words, table and map."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.fixtures.plans import cafeteria_plan
from tests.fixtures.reviews import SHEET, full_review

from designreview.analysis.run import run_checks
from designreview.packet import PacketOptions, write_packet
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

pypdf = pytest.importorskip("pypdf")


def flat(text: str) -> str:
    return " ".join(text.split())


def pages_by_title(path) -> tuple[dict[str, int], list[str]]:
    reader = pypdf.PdfReader(path)
    found: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found[item.title] = reader.get_destination_page_number(item)

    walk(reader.outline)
    return found, [flat(p.extract_text() or "") for p in reader.pages]


def test_the_sample_packet_has_a_page_for_the_cafeteria_and_the_gym(tmp_path):
    review, plans = load_review_and_plans(sample_review_path())
    path = tmp_path / "packet.pdf"
    write_packet(review, plans, run_checks(review, plans), path)
    starts, texts = pages_by_title(path)
    assert starts["Lockdown plans"] == starts["Lockdown: CAFETERIA 130"]
    assert starts["Lockdown: GYMNASIUM 140"] == starts["Lockdown: CAFETERIA 130"] + 1
    assert starts["Comment threads"] == starts["Lockdown: GYMNASIUM 140"] + 1
    cafe = texts[starts["Lockdown: CAFETERIA 130"]]
    # ceil(380.31 / 1.39) = 274; its doors do not lock, so every one must walk out.
    assert "Lockdown plan: CAFETERIA 130" in cafe
    assert "CAFETERIA 130, 274 people:" in cafe
    assert "Goes to People Walk Time" in cafe
    assert "GYMNASIUM 140" in cafe
    assert "no refuge within reach" not in cafe
    gym = texts[starts["Lockdown: GYMNASIUM 140"]]
    # 575.45 / 0.65 = 885.3 -> 886 stay; the gym's doors all secure it.
    assert "GYMNASIUM 140, 886 people: all stay behind lockable doors" in gym
    assert "Taken in from other spaces" in gym
    assert "Scale" in gym  # the map's band


def test_a_cafeteria_with_no_refuge_near_says_who_is_left(tmp_path):
    # Only classroom 100 (x = 0), 35 m from door 130A: beyond REFUGE-2's 30 m.
    review = full_review()
    plans = {SHEET: cafeteria_plan(classrooms=(0.0,))}
    result = run_checks(review, plans)
    path = tmp_path / "left.pdf"
    write_packet(review, plans, result, path, PacketOptions(finding_pages=frozenset()))
    starts, texts = pages_by_title(path)
    page = texts[starts["Lockdown: CAFETERIA 130"]]
    assert "CAFETERIA 130, 202 people: 202 with no refuge within reach" in page
    assert "No refuge within reach 202" in page
    [fail] = [f for f in result.findings if f.rule == "REFUGE-2"]
    assert "room for 0" in fail.message


def test_no_large_space_no_lockdown_pages(tmp_path):
    review = full_review()
    plan = cafeteria_plan()
    plans = {SHEET: replace(plan, spaces=plan.spaces[:-1])}  # the cafeteria gone
    path = tmp_path / "none.pdf"
    write_packet(review, plans, run_checks(review, plans), path)
    starts, _texts = pages_by_title(path)
    assert "Lockdown plans" not in starts
