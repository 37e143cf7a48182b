"""Themes for the whole window: dark, high contrast, light again; remembered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from designreview.render.style import Theme, palette
from designreview.ui.window_theme import apply_window_theme

WINDOW = QPalette.ColorRole.Window
TEXT = QPalette.ColorRole.WindowText


@pytest.fixture(autouse=True)
def light_after():
    yield
    apply_window_theme(Theme.LIGHT)  # the next test's window starts light


def window_colours():
    app_palette = QApplication.instance().palette()
    return app_palette.color(WINDOW).lightness(), app_palette.color(TEXT).lightness()


def test_dark_then_high_contrast_then_light_and_the_choice_is_remembered(
    sample, make_window
):
    actions = sample.actions_by_id
    actions["dark_theme"].setChecked(True)
    assert sample.sheets.theme is Theme.DARK
    back, text = window_colours()
    assert back < 80 < 180 < text  # menus and docks dark, their text light
    assert (
        sample.scene.backgroundBrush().color().getRgb()[:3]
        == palette(Theme.DARK).background
    )
    actions["high_contrast"].setChecked(True)
    assert not actions["dark_theme"].isChecked()  # one theme at a time
    assert sample.sheets.theme is Theme.HIGH_CONTRAST
    assert window_colours() == (255, 0)  # black on white
    # A new window (the next session) opens in the theme chosen last.
    again = make_window()
    assert again.actions_by_id["high_contrast"].isChecked()
    assert again.sheets.theme is Theme.HIGH_CONTRAST
    actions["high_contrast"].setChecked(False)
    assert sample.sheets.theme is Theme.LIGHT
    assert window_colours()[0] > 200
