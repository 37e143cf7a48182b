"""The markups dock: rows follow the review, filters combine, selection both ways."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from tests.fixtures.reviews import ANN, SHEET, full_review

from designreview.model.edits import (
    AddMarkup,
    RemoveMarkup,
    ReplaceMarkup,
    SetReviewer,
)
from designreview.model.ids import MarkupId
from designreview.model.markups import (
    AccessPoint,
    AssetKind,
    CommentStatus,
    ResponderMark,
    Stamp,
)
from designreview.model.review import Reviewer
from designreview.ui.docks.markups_dock import MarkupsDock
from designreview.ui.presenters.markup_rows import Column
from designreview.ui.selection import Selection
from designreview.ui.session.document_bridge import DocumentBridge

needs_tzset = pytest.mark.skipif(not hasattr(time, "tzset"), reason="Unix only")
EVERY_ID = {"m-door", "m-obs", "m-cam", "m-sight", "m-zone", "m-space", "m-comment"}


@pytest.fixture
def bridge():
    bridge = DocumentBridge(full_review(), ANN)
    yield bridge
    # As make_window does: a stack destroyed unclean emits into a deleted bridge.
    bridge.set_modified(False)


@pytest.fixture
def selection():
    return Selection()


@pytest.fixture
def utc(monkeypatch):
    """Local time is UTC, so dates in cells are predictable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def dock(qtbot, bridge, selection):
    widget = MarkupsDock(bridge, selection)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    return widget


def row_texts(dock, markup_id):
    """The texts of the row showing ``markup_id``, by column."""
    row = dock.visible_ids().index(markup_id)
    return {c: dock.proxy.index(row, c).data() for c in Column}


def door(markup_id, number="", created=None):
    made = created or Stamp(ANN, "2026-11-21T10:00:00+00:00")
    return AccessPoint(
        MarkupId(markup_id), SHEET, made, made, (1.0, 1.0), door_number=number
    )


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, (
        f"{text!r} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    )
    combo.setCurrentIndex(index)


def select_rows(dock, *markup_ids):
    model = dock.view.selectionModel()
    model.clearSelection()
    for markup_id in markup_ids:
        row = dock.visible_ids().index(markup_id)
        model.select(
            dock.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select
            | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_dock_identity(dock):
    assert dock.objectName() == "MarkupsDock"
    assert dock.windowTitle() == "Markups"


def test_one_row_per_markup(dock):
    assert dock.table_model.rowCount() == 7
    assert set(dock.visible_ids()) == EVERY_ID
    assert dock.count_label.text() == "7 markups"


@needs_tzset
def test_cell_texts(utc, dock):
    assert row_texts(dock, "m-door") == {
        Column.TYPE: "Access point",
        Column.LABEL: "E1",
        Column.AUTHOR: "Ann Lee",
        Column.AGENCY: "City Police",
        Column.STATUS: "",
        Column.MODIFIED: "2026-11-20 09:30",
        Column.SHEET: "Level 1",
    }
    comment = row_texts(dock, "m-comment")
    assert comment[Column.TYPE] == "Comment"
    assert comment[Column.LABEL].startswith("Door 104 cannot lock")
    assert comment[Column.LABEL].endswith("\u2026")
    assert comment[Column.AGENCY] == "Sheriff"  # the comment's own agency wins
    assert comment[Column.STATUS] == "Answered"
    assert row_texts(dock, "m-zone")[Column.TYPE] == "Safe room"
    assert row_texts(dock, "m-zone")[Column.LABEL] == "Aula 3 \u2013 refugio"
    assert row_texts(dock, "m-space")[Column.LABEL] == "教室 101"
    assert row_texts(dock, "m-cam")[Column.LABEL] == "CAM-01"


@needs_tzset
def test_modified_date_is_local(qtbot, monkeypatch, bridge, selection):
    monkeypatch.setenv("TZ", "America/Chicago")  # UTC-6 in November
    time.tzset()
    try:
        dock = MarkupsDock(bridge, selection)
        qtbot.addWidget(dock)
        assert row_texts(dock, "m-door")[Column.MODIFIED] == "2026-11-20 03:30"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_unknown_author_shows_a_dash(qtbot, dock, bridge):
    stranger = door("m-x", "X1", Stamp("r-nobody", "2026-11-21T10:00:00+00:00"))
    bridge.submit(AddMarkup(stranger))
    assert row_texts(dock, "m-x")[Column.AUTHOR] == "\u2014"
    assert row_texts(dock, "m-x")[Column.AGENCY] == ""


def test_comment_full_text_in_tooltip(dock):
    row = dock.visible_ids().index("m-comment")
    tooltip = dock.proxy.index(row, Column.LABEL).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith("Tür muss abschließbar sein")


def test_filter_combos_offer_all_then_the_reviews_values(dock):
    items = [dock.status_combo.itemText(i) for i in range(dock.status_combo.count())]
    assert items == ["All", "Answered"]
    agencies = [dock.agency_combo.itemText(i) for i in range(dock.agency_combo.count())]
    assert agencies == ["All", "City Police", "Sheriff"]
    authors = [dock.author_combo.itemText(i) for i in range(dock.author_combo.count())]
    assert authors == ["All", "Ann Lee"]
    assert dock.type_combo.itemText(0) == "All"
    assert dock.type_combo.count() == 1 + 7


def test_filter_by_type(dock):
    choose(dock.type_combo, "Camera")
    assert dock.visible_ids() == ("m-cam",)
    assert dock.count_label.text() == "1 of 7 markups"
    choose(dock.type_combo, "All")
    assert len(dock.visible_ids()) == 7


def test_filter_by_agency_and_status(dock):
    choose(dock.agency_combo, "City Police")
    assert "m-comment" not in dock.visible_ids()
    assert len(dock.visible_ids()) == 6
    choose(dock.agency_combo, "All")
    choose(dock.status_combo, "Answered")
    assert dock.visible_ids() == ("m-comment",)


def test_filters_combine(dock):
    choose(dock.author_combo, "Ann Lee")
    choose(dock.agency_combo, "City Police")
    assert len(dock.visible_ids()) == 6
    choose(dock.type_combo, "Comment")  # Ann's comment speaks for the Sheriff
    assert dock.visible_ids() == ()
    choose(dock.agency_combo, "Sheriff")
    assert dock.visible_ids() == ("m-comment",)


def test_search_is_case_blind_and_reads_whole_comments(dock):
    dock.search_edit.setText("cam-0")
    assert dock.visible_ids() == ("m-cam",)
    dock.search_edit.setText("abschließbar")  # beyond the comment's first words
    assert dock.visible_ids() == ("m-comment",)
    dock.search_edit.setText("city police")
    assert len(dock.visible_ids()) == 6
    choose(dock.type_combo, "Space")
    assert dock.visible_ids() == ("m-space",)
    dock.search_edit.clear()
    assert dock.visible_ids() == ("m-space",)


def test_sorting_by_clicking_a_header(qtbot, dock):
    header = dock.view.horizontalHeader()
    x = header.sectionViewportPosition(Column.LABEL) + 5
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().center().__class__(x, 5),
    )
    labels = [dock.proxy.index(r, Column.LABEL).data() for r in range(7)]
    assert header.sortIndicatorSection() == Column.LABEL
    nonempty = [label for label in labels if label]
    assert nonempty == sorted(nonempty, key=str.casefold) or nonempty == sorted(
        nonempty, key=str.casefold, reverse=True
    )


def test_sorting_is_natural(qtbot, dock, bridge):
    for markup_id, number in (("m-d10", "D-10"), ("m-d2", "D-2"), ("m-d1", "d-1")):
        bridge.submit(AddMarkup(door(markup_id, number)))
    dock.view.sortByColumn(Column.LABEL, Qt.SortOrder.AscendingOrder)
    doors = [i for i in dock.visible_ids() if i in {"m-d1", "m-d2", "m-d10"}]
    assert doors == ["m-d1", "m-d2", "m-d10"]


def test_selecting_rows_sets_the_selection(qtbot, dock, selection):
    with qtbot.waitSignal(selection.changed) as blocker:
        select_rows(dock, "m-cam")
    assert selection.ids == ("m-cam",)
    assert blocker.args[1] is dock
    select_rows(dock, "m-cam", "m-door")
    assert set(selection.ids) == {"m-cam", "m-door"}


def test_clicking_a_row_sets_the_selection(qtbot, dock, selection):
    dock.show()
    qtbot.waitExposed(dock)
    row = dock.visible_ids().index("m-obs")
    rect = dock.view.visualRect(dock.proxy.index(row, Column.LABEL))
    QTest.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selection.ids == ("m-obs",)


def test_selection_from_elsewhere_selects_rows(dock, selection):
    selection.set(("m-zone", "m-comment"), initiator="canvas")
    assert set(dock.selected_ids()) == {"m-zone", "m-comment"}
    selection.clear(initiator="canvas")
    assert dock.selected_ids() == ()


def test_selection_of_hidden_rows_is_kept_not_trimmed(dock, selection):
    choose(dock.type_combo, "Camera")
    selection.set(("m-cam", "m-door"), initiator="canvas")
    assert dock.selected_ids() == ("m-cam",)
    assert selection.ids == ("m-cam", "m-door")  # the table does not echo a subset
    choose(dock.type_combo, "All")
    assert set(dock.selected_ids()) == {"m-cam", "m-door"}
    assert selection.ids == ("m-cam", "m-door")


def test_replacing_a_comment_updates_its_row(dock, bridge):
    before = bridge.review.markup(MarkupId("m-comment"))
    after = replace(before, status=CommentStatus.RESOLVED, agency="Fire")
    bridge.submit(ReplaceMarkup(before, after))
    assert row_texts(dock, "m-comment")[Column.STATUS] == "Resolved"
    assert row_texts(dock, "m-comment")[Column.AGENCY] == "Fire"
    statuses = [dock.status_combo.itemText(i) for i in range(dock.status_combo.count())]
    assert statuses == ["All", "Resolved"]
    bridge.undo_stack.undo()
    assert row_texts(dock, "m-comment")[Column.STATUS] == "Answered"


def test_a_status_filter_stays_when_its_last_match_goes(dock, bridge):
    choose(dock.status_combo, "Answered")
    before = bridge.review.markup(MarkupId("m-comment"))
    bridge.submit(ReplaceMarkup(before, replace(before, status=CommentStatus.OPEN)))
    assert dock.status_combo.currentText() == "Answered"
    assert dock.visible_ids() == ()
    choose(dock.status_combo, "Open")
    assert dock.visible_ids() == ("m-comment",)


def test_adding_and_removing_markups_updates_rows(qtbot, dock, bridge):
    with qtbot.waitSignal(dock.table_model.rowsInserted):
        bridge.submit(AddMarkup(door("m-new", "N1")))
    assert dock.table_model.rowCount() == 8
    assert row_texts(dock, "m-new")[Column.LABEL] == "N1"
    camera = bridge.review.markup(MarkupId("m-cam"))
    with qtbot.waitSignal(dock.table_model.rowsRemoved):
        bridge.submit(RemoveMarkup.of(bridge.review, camera))
    assert "m-cam" not in dock.visible_ids()
    assert dock.table_model.rowCount() == 7
    assert dock.table_model.row_of("m-new") is not None
    bridge.undo_stack.undo()
    assert "m-cam" in dock.visible_ids()


def test_an_edit_touches_only_its_row(qtbot, dock, bridge):
    changed_rows = []
    dock.table_model.dataChanged.connect(
        lambda top, bottom: changed_rows.append((top.row(), bottom.row()))
    )
    dock.table_model.modelReset.connect(lambda: changed_rows.append("reset"))
    camera = bridge.review.markup(MarkupId("m-cam"))
    bridge.submit(ReplaceMarkup(camera, replace(camera, label="CAM-99")))
    row = dock.table_model.row_of("m-cam")
    assert changed_rows == [(row, row)]
    assert row_texts(dock, "m-cam")[Column.LABEL] == "CAM-99"


def test_renamed_reviewer_refreshes_every_row(dock, bridge):
    ann = bridge.review.reviewer(ANN)
    bridge.submit(SetReviewer(ann, Reviewer(ANN, "Ann Lee-Park", "County Sheriff")))
    assert row_texts(dock, "m-door")[Column.AUTHOR] == "Ann Lee-Park"
    assert row_texts(dock, "m-door")[Column.AGENCY] == "County Sheriff"


def test_a_new_review_resets_the_table(dock, bridge):
    review = replace(full_review(), markups=full_review().markups[:2])
    bridge.replace_review(review)
    assert set(dock.visible_ids()) == {"m-door", "m-obs"}
    bridge.document.replace_review(full_review())  # also a ChangeSet(everything=True)
    assert len(dock.visible_ids()) == 7


def test_number_two_selected_doors_then_undo(dock, bridge):
    bridge.submit(AddMarkup(door("m-door2", "old-7")))
    dock.view.sortByColumn(Column.LABEL, Qt.SortOrder.AscendingOrder)
    select_rows(dock, "m-door", "m-door2")
    assert dock.number_doors_action.isEnabled()
    depth = bridge.undo_stack.count()
    dock.number_doors_action.trigger()
    numbers = {
        m.id: m.door_number for m in bridge.review.markups if isinstance(m, AccessPoint)
    }
    assert numbers == {"m-door": "D-01", "m-door2": "D-02"}  # "E1" sorts before "old-7"
    assert bridge.review.markup(MarkupId("m-door")).modified.reviewer_id == ANN
    assert row_texts(dock, "m-door2")[Column.LABEL] == "D-02"
    assert bridge.undo_stack.count() == depth + 1
    bridge.undo_stack.undo()
    numbers = {
        m.id: m.door_number for m in bridge.review.markups if isinstance(m, AccessPoint)
    }
    assert numbers == {"m-door": "E1", "m-door2": "old-7"}
    assert row_texts(dock, "m-door")[Column.LABEL] == "E1"


def test_numbering_follows_the_sort_order_and_prefix(dock, bridge):
    bridge.submit(AddMarkup(door("m-a", "A")))
    dock.view.sortByColumn(Column.LABEL, Qt.SortOrder.DescendingOrder)
    choose(dock.type_combo, "Access point")
    dock.prefix_edit.setText("EXT-")
    dock.view.selectionModel().clearSelection()
    dock.number_doors()  # nothing selected: every listed door
    assert bridge.review.markup(MarkupId("m-door")).door_number == "EXT-01"  # "E1"
    assert bridge.review.markup(MarkupId("m-a")).door_number == "EXT-02"  # "A"


def test_numbering_keeps_unselected_doors_numbers(dock, bridge):
    bridge.submit(AddMarkup(door("m-kept", "D-01")))
    bridge.submit(AddMarkup(door("m-new", "")))
    select_rows(dock, "m-new", "m-door")
    dock.number_doors()
    assert bridge.review.markup(MarkupId("m-kept")).door_number == "D-01"
    new_numbers = {
        bridge.review.markup(MarkupId(i)).door_number for i in ("m-door", "m-new")
    }
    assert new_numbers == {"D-02", "D-03"}


def test_numbering_ignores_selected_non_doors(dock, bridge):
    select_rows(dock, "m-cam", "m-door")
    dock.number_doors()
    assert bridge.review.markup(MarkupId("m-door")).door_number == "D-01"
    assert bridge.review.markup(MarkupId("m-cam")).label == "CAM-01"


def test_numbering_with_only_other_markups_selected_does_nothing(dock, bridge):
    select_rows(dock, "m-cam")
    assert not dock.number_doors_action.isEnabled()
    depth = bridge.undo_stack.count()
    dock.number_doors()
    assert bridge.undo_stack.count() == depth
    assert bridge.review.markup(MarkupId("m-door")).door_number == "E1"


def test_number_doors_disabled_without_doors(dock):
    choose(dock.type_combo, "Camera")
    assert not dock.number_doors_action.isEnabled()
    choose(dock.type_combo, "All")
    assert dock.number_doors_action.isEnabled()


def test_double_click_requests_zoom(qtbot, dock):
    dock.show()
    qtbot.waitExposed(dock)
    row = dock.visible_ids().index("m-zone")
    rect = dock.view.visualRect(dock.proxy.index(row, Column.TYPE))
    viewport, left, center = (
        dock.view.viewport(),
        Qt.MouseButton.LeftButton,
        rect.center(),
    )
    with qtbot.waitSignal(dock.zoom_requested) as blocker:
        # Qt 6's QTest.mouseDClick alone sends no first click; a real one does.
        QTest.mouseClick(viewport, left, pos=center)
        QTest.mouseDClick(viewport, left, pos=center)
    assert blocker.args == ["m-zone"]


def test_an_edit_among_thousands_touches_one_row(qtbot, bridge, selection):
    doors = tuple(door(f"m-{i:05}", f"D-{i}") for i in range(3000))
    review = replace(full_review(), markups=full_review().markups + doors)
    bridge.replace_review(review)
    dock = MarkupsDock(bridge, selection)
    qtbot.addWidget(dock)
    assert dock.table_model.rowCount() == 3007
    touched = []
    dock.table_model.modelReset.connect(lambda: touched.append("reset"))
    dock.table_model.dataChanged.connect(
        lambda top, bottom: touched.append((top.row(), bottom.row()))
    )
    first = bridge.review.markup(MarkupId("m-00007"))
    bridge.submit(ReplaceMarkup(first, replace(first, door_number="Z")))
    row = dock.table_model.row_of("m-00007")
    assert touched == [(row, row)]
    assert row_texts(dock, "m-00007")[Column.LABEL] == "Z"


def test_responder_marks_list_and_filter_by_their_own_item(dock, bridge):
    made = Stamp(ANN, "2026-11-21T10:00:00+00:00")
    marks = [
        ResponderMark(MarkupId("rm-1"), SHEET, made, made, (2.0, 2.0), AssetKind.AED,
                      "gym"),
        ResponderMark(MarkupId("rm-2"), SHEET, made, made, (3.0, 2.0),
                      AssetKind.GAS_SHUTOFF, "meter"),
    ]  # fmt: skip
    for mark in marks:
        bridge.submit(AddMarkup(mark))
    types = [dock.type_combo.itemText(i) for i in range(dock.type_combo.count())]
    assert {"AED", "Gas shut-off"} <= set(types)
    choose(dock.type_combo, "Gas shut-off")
    assert dock.visible_ids() == ("rm-2",)
    assert row_texts(dock, "rm-2")[Column.LABEL] == "meter"
