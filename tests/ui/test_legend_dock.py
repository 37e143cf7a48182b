"""The legend on screen: only what the plan shows, in the plan's own colours."""

from __future__ import annotations

from tests.ui.conftest import open_and_wait

from designreview.model.edits import AddMarkup
from designreview.model.ids import new_id
from designreview.model.markups import Camera
from designreview.render.style import SEVERITY_STYLE
from designreview.review_file.sample import sample_review_path


def test_the_legend_lists_what_the_sample_shows_and_follows_an_edit(make_window, qtbot):
    window = make_window()
    open_and_wait(qtbot, window, sample_review_path())
    qtbot.waitUntil(lambda: window.findings.runner.is_current, timeout=20_000)
    rows = window.legend_dock.labels()
    # Its marks: doors, observers and comments; no camera in the sample.
    assert {"Exterior door (number)", "Interior door", "Comment (thread C#)"} <= set(
        rows
    )
    assert "Camera" not in rows
    # The severities of the findings shown, worst first, and the four agencies.
    shown = {f.severity for f in window.findings.runner.result.findings}
    listed = [s.label for s in SEVERITY_STYLE.values() if s.label in rows]
    assert listed == [SEVERITY_STYLE[s].label for s in SEVERITY_STYLE if s in shown]
    assert rows[-5:] == [
        "Markups by agency",
        "Architect",
        "City Police",
        "Fire marshal",
        "School administration",
    ]
    # A camera added: its symbol, its dashed wedge and its viewshed bands appear.
    sheet = window.bridge.review.sheets[0].id
    stamp = window.bridge.document.stamp()
    camera = Camera(new_id(), sheet, stamp, stamp, (60.0, 50.0), 0.0, 90.0, 20.0)
    window.bridge.submit(AddMarkup(camera))
    rows = window.legend_dock.labels()
    assert "Camera" in rows
    assert "Camera field of view (ignores walls)" in rows
    assert "Camera identification (250 px/m)" in rows
