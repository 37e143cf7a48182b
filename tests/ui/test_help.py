"""Help: the keyboard shortcuts, the quick start and the user guide, all offline."""

from __future__ import annotations

import re

from designreview.resources import read_resource_text
from designreview.ui.dialogs.guide_dialog import GUIDE, GuideDialog
from designreview.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from designreview.ui.window.commands import help_commands


def shown_by_help_menu(window, monkeypatch):
    """The dialog Help > Keyboard Shortcuts opens (not run modally)."""
    opened = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: opened.append(self))
    help_commands.show_shortcuts(window.context)
    return opened[0]


def test_every_shortcut_is_listed_and_the_search_narrows_them(
    make_window, qtbot, monkeypatch
):
    window = make_window()
    dialog = shown_by_help_menu(window, monkeypatch)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [
        tuple(table.item(r, c).text() for c in range(3))
        for r in range(table.rowCount())
    ]
    assert ("Save", "Ctrl+S", "File") in rows
    assert ("Flip Door Hinge", "Ctrl+Shift+H", "Edit") in rows
    assert ("Comment tool", "C", "Tools") in rows
    assert any(keys == "Right-click" for _, keys, _ in rows)
    # No two commands share a key: a key that did two things would do neither.
    keys = [k for _, ks, where in rows if where != "Plan" for k in ks.split(", ")]
    assert len(keys) == len(set(keys))
    qtbot.keyClicks(dialog.search, "hinge")
    assert dialog.shown_commands() == ["Flip Door Hinge"]
    dialog.search.setText("shift+h")  # by its keys, too
    assert dialog.shown_commands() == ["Flip Door Hinge"]
    dialog.search.setText("save as")
    assert dialog.shown_commands() == ["Save As"]


def test_the_guide_opens_at_the_quick_start_and_links_only_within_itself(qtbot):
    text = read_resource_text(*GUIDE)
    assert "http" not in text  # nothing in it reaches for the network
    targets = set(re.findall(r'name="([^"]+)"', text))
    links = set(re.findall(r'href="#([^"]+)"', text))
    assert links <= targets
    assert "quick-start" in targets
    dialog = GuideDialog("quick-start")
    qtbot.addWidget(dialog)
    shown = dialog.browser.toPlainText()
    assert "Quick start: a first review on the sample school" in shown
    assert "File > Open Sample School" in shown
