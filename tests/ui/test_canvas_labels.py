"""Markup labels on the canvas: never over one another, a symbol or readable text."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPointF

from designreview.render.label_space import overlap_area
from designreview.ui.canvas.coords import to_scene


def label_boxes(window):
    """Each shown label's box on screen, in viewport pixels, by its text."""
    boxes = {}
    for item in window.scene.markup_layer.items.values():
        if not item.graphic.label:
            continue
        anchor = QPointF(window.view.mapFromScene(to_scene(item.graphic.anchor)))
        width, height = item.label.size_px()
        x0 = anchor.x() + item.label.offset.x()
        y0 = anchor.y() + item.label.offset.y()
        boxes[item.graphic.label] = (x0, y0, x0 + width, y0 + height)
    return boxes


def symbol_boxes(window):
    boxes = []
    for item in window.scene.markup_layer.items.values():
        radius = item.symbol_radius_px()
        if radius:
            anchor = QPointF(window.view.mapFromScene(to_scene(item.graphic.anchor)))
            x, y = anchor.x(), anchor.y()
            boxes.append((x - radius, y - radius, x + radius, y + radius))
    return boxes


def clashes(window):
    labels = label_boxes(window)
    found = [
        (a, b)
        for (a, box_a), (b, box_b) in combinations(labels.items(), 2)
        if overlap_area(box_a, box_b) > 0.5
    ]
    found += [
        (text, "symbol")
        for text, box in labels.items()
        for symbol in symbol_boxes(window)
        if overlap_area(box, symbol) > 0.5
    ]
    return found


@pytest.mark.parametrize("zoom", [1.0, 2.0, 4.0])
def test_labels_cover_no_other_label_or_symbol_at_any_zoom(sample, qtbot, zoom):
    # A laptop's window (the plan about 600 px wide beside its docks): the
    # sample's 32 labels need that room at 2x, where a 300 px sliver has none.
    sample.resize(1400, 900)
    qtbot.waitUntil(lambda: sample.view.viewport().width() > 500)
    view = sample.view
    view.zoom_at(QPointF(view.viewport().rect().center()), zoom)
    sample.labels.arrange()
    # The sample's 32 labelled markups: doors E1, 114A and E5 (propped), four
    # comments and the reception desk, the fire marshal's seven door
    # designations (E2-E4, E6-E9) and the 17 responder marks, of which the two
    # AEDs read alike: 31 texts.
    assert len(label_boxes(sample)) == 31
    assert clashes(sample) == []


def test_crowded_labels_step_aside_with_leader_lines(sample, qtbot):
    from designreview.model.edits import AddMarkup, Batch
    from designreview.model.markups import Observer, ObserverKind

    stamp = sample.bridge.document.stamp()
    sheet = sample.current_sheet_id
    posts = [
        Observer(f"o-{i}", sheet, stamp, stamp, (60.0 + i * 0.3, 45.0),
                 ObserverKind.STAFF_POST, label=f"Hall monitor {i}")
        for i in range(6)
    ]  # fmt: skip
    sample.bridge.submit(Batch(tuple(AddMarkup(p) for p in posts), "Add posts"))
    sample.labels.arrange()
    assert len(label_boxes(sample)) == 37  # the sample's 31 texts and six posts
    assert clashes(sample) == []
    items = [sample.scene.markup_layer.items[p.id] for p in posts]
    led = [item for item in items if item.label.leader.isVisible()]
    assert led  # six labels cannot all sit beside one spot
    for item in led:
        tip = item.label.leader.line().p2()
        width, height = item.label.size_px()
        offset = item.label.offset
        assert offset.x() - 0.5 <= tip.x() <= offset.x() + width + 0.5
        assert offset.y() - 0.5 <= tip.y() <= offset.y() + height + 0.5


def test_long_comments_end_in_an_ellipsis_and_show_whole_on_hover(sample):
    comment = next(
        m
        for m in sample.bridge.review.markups
        if getattr(m, "text", "").startswith("Reception cannot see")
    )
    item = sample.scene.markup_layer.items[comment.id]
    assert item.graphic.label == "Reception cannot see the vestibule or\u2026"
    assert item.label.text.toolTip() == comment.text
    assert item.toolTip() == comment.text
