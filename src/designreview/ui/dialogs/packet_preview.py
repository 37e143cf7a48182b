"""The packet preview: every page on paper of its own size and orientation.

Qt's print preview puts every page on the printer's one paper, so a landscape plan
page would lie turned on a portrait sheet. Here each page of the finished PDF is
shown as PDFium draws it (``packet.pdf_pages``), landscape pages landscape, with its
paper size written under it; "Print…" prints the packet from the packet dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from designreview.model.units import POINTS_PER_INCH
from designreview.packet.pdf_pages import page_sizes, render_pages
from designreview.ui.session.packet_printing import PREVIEW_DPI

if TYPE_CHECKING:
    from pathlib import Path

ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
START_ZOOM = 0.75
MM_PER_INCH = 25.4


def paper_text(width_pt: float, height_pt: float) -> str:
    """A page's paper in inches and millimetres, and which way it lies.

    Example:
        >>> paper_text(792, 612)
        '11 x 8.5 in (279 x 216 mm), landscape'
    """
    inches = [v / POINTS_PER_INCH for v in (width_pt, height_pt)]
    mm = " x ".join(f"{v * MM_PER_INCH:.0f}" for v in inches)
    way = "landscape" if width_pt > height_pt else "portrait"
    return f"{' x '.join(f'{v:.3g}' for v in inches)} in ({mm} mm), {way}"


class PacketPreviewDialog(QDialog):
    """Each page of a packet PDF at its own size and orientation, zoomable."""

    print_requested = Signal()

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1000, 800)
        self.pdf = pdf
        self.sizes_pt = page_sizes(pdf)
        self.zoom = START_ZOOM
        self.page_labels: list[QLabel] = []
        self.captions: list[QLabel] = []
        pages = QWidget()
        pages.setObjectName("PreviewPages")
        pages.setStyleSheet("#PreviewPages { background: #d4d4d8; }")  # paper on grey
        self._pages_layout = QVBoxLayout(pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._pages_layout.setSpacing(6)
        for index, (width_pt, height_pt) in enumerate(self.sizes_pt):
            page = QLabel()
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page.setStyleSheet("background: white; border: 1px solid #888;")
            caption = QLabel(
                f"Page {index + 1} of {len(self.sizes_pt)} · "
                f"{paper_text(width_pt, height_pt)}"
            )
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self._pages_layout.addWidget(caption)
            self._pages_layout.addSpacing(12)
            self.page_labels.append(page)
            self.captions.append(caption)
        self.area = QScrollArea()
        self.area.setWidget(pages)
        self.area.setWidgetResizable(True)
        self.zoom_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.area)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        print_button = buttons.addButton(
            "Print…", QDialogButtonBox.ButtonRole.ActionRole
        )
        print_button.clicked.connect(self.print_requested)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_zoom(START_ZOOM)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        zoom_out = bar.addAction("Zoom Out", lambda: self.step_zoom(-1))
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_in = bar.addAction("Zoom In", lambda: self.step_zoom(+1))
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        bar.addAction("Actual Size", lambda: self.set_zoom(1.0))
        bar.addAction("Fit Width", self.fit_width)
        bar.addSeparator()
        bar.addWidget(self.zoom_label)
        return bar

    def step_zoom(self, step: int) -> None:
        """The next larger (+1) or smaller (-1) zoom of ZOOMS."""
        larger = [z for z in ZOOMS if z > self.zoom + 1e-6]
        smaller = [z for z in ZOOMS if z < self.zoom - 1e-6]
        if step > 0 and larger:
            self.set_zoom(larger[0])
        elif step < 0 and smaller:
            self.set_zoom(smaller[-1])

    def fit_width(self) -> None:
        """The widest page as wide as the window."""
        widest_in = max((w for w, _h in self.sizes_pt), default=612) / POINTS_PER_INCH
        room = self.area.viewport().width() - 40
        self.set_zoom(max(min(room / (widest_in * PREVIEW_DPI), ZOOMS[-1]), ZOOMS[0]))

    def set_zoom(self, zoom: float) -> None:
        """Draw every page again at ``zoom`` (1.0: as large as it prints)."""
        self.zoom = zoom
        self.zoom_label.setText(f"{zoom * 100:.0f} %")
        for label, pixels in zip(
            self.page_labels, render_pages(self.pdf, PREVIEW_DPI * zoom), strict=False
        ):
            image = QImage(
                pixels.pixels,
                pixels.width,
                pixels.height,
                pixels.stride,
                QImage.Format.Format_RGBX8888,
            )
            label.setPixmap(QPixmap.fromImage(image))  # copies the pixels
            label.setFixedSize(pixels.width + 2, pixels.height + 2)

    def page_size_px(self, index: int) -> tuple[int, int]:
        """The shown size of page ``index`` (0-based), in pixels."""
        pixmap = self.page_labels[index].pixmap()
        return pixmap.width(), pixmap.height()
