"""Reading findings: search and filters, the detail pane, exporting what is shown."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QUrl

from designreview.model.findings import Severity
from designreview.model.review import DecisionKind
from designreview.ui.window.commands import file_commands


@pytest.fixture
def sample(make_window, qtbot):
    window = make_window()
    file_commands.open_sample(window.context)
    qtbot.waitUntil(lambda: window.plan is not None, timeout=60_000)
    qtbot.waitUntil(lambda: bool(window.findings_dock.findings), timeout=60_000)
    return window


def _choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def test_filters_and_search_narrow_the_list_and_say_how_many(sample, qtbot):
    dock = sample.findings_dock
    every = dock.findings
    _choose(dock.rule_filter, "ROOM-1")
    shown = dock.shown_keys()
    assert shown
    assert shown == [k for k in dock.ordered_keys() if every[k].rule == "ROOM-1"]
    assert f"({len(shown)} of {len(every)} shown)" in dock.tree.headerItem().text(0)
    qtbot.keyClicks(dock.search, "114A")
    assert [every[k].message for k in dock.shown_keys()] == [
        f.message
        for f in every.values()
        if f.rule == "ROOM-1" and "114a" in f.message.casefold()
    ]
    dock.search.clear()
    _choose(dock.rule_filter, None)
    _choose(dock.severity_filter, Severity.WARNING)
    assert {every[k].severity for k in dock.shown_keys()} == {Severity.WARNING}


def test_the_open_filter_drops_a_finding_once_decided(sample):
    dock = sample.findings_dock
    _choose(dock.decision_filter, "open")
    first = dock.shown_keys()[0]
    dock.select(first)
    dock.decide(DecisionKind.ACCEPT)
    assert first not in dock.shown_keys()
    _choose(dock.decision_filter, "accept")
    assert dock.shown_keys() == [first]


def test_the_detail_pane_reads_the_finding_in_full_and_selects_its_subject(sample):
    dock = sample.findings_dock
    finding = next(
        f for f in dock.findings.values() if f.rule == "ROOM-1" and "114A" in f.message
    )
    dock.select(finding.key)
    text = dock.detail.toPlainText()
    assert finding.message in text
    assert f"Source: {finding.citation}" in text
    assert "AccessPoint 114A (ap-114a)" in text
    assert "Open: no decision" in text
    dock.detail.anchorClicked.emit(QUrl("subject:ap-114a"))
    assert sample.selection.ids == ("ap-114a",)


def test_export_shown_writes_only_the_findings_listed(sample, qtbot, tmp_path):
    dock = sample.findings_dock
    _choose(dock.rule_filter, "ROOM-1")
    shown = dock.shown_keys()
    sample.prompts.next_export_path = tmp_path / "room1.csv"
    dock.export_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "room1.csv").exists(), timeout=60_000)
    qtbot.waitUntil(lambda: sample.exporter.job is None, timeout=60_000)
    with (tmp_path / "room1.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["ID"] for row in rows) == sorted(shown)
    assert {row["Rule"] for row in rows} == {"ROOM-1"}
