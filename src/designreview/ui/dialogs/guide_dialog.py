"""Help > User Guide and Quick Start: the guide shipped with the app, read offline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from designreview.resources import read_resource_text

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

GUIDE = ("help", "guide.html")
"""The guide, under ``resources/``."""


class GuideDialog(QDialog):
    """The user guide in a browser that follows its own links and nothing else."""

    def __init__(self, anchor: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("designreview User Guide")
        self.resize(760, 680)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # no link leaves the guide, none the network
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        self.browser.setHtml(read_resource_text(*GUIDE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        if anchor:
            self.browser.scrollToAnchor(anchor)

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.hasFragment() and not url.host():
            self.browser.scrollToAnchor(url.fragment())
