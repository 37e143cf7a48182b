"""The review packet dialog: cover, recipients, contents, paper; save, preview, print.

The packet is always written by the same layout (``packet``); preview and
printing show that file at true scale, so what is previewed is what is printed.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designreview.model.edits import SetReviewInfo
from designreview.model.errors import DesignReviewError
from designreview.model.findings import Severity
from designreview.model.words import counted
from designreview.packet import PacketOptions
from designreview.ui.dialogs.packet_preview import PacketPreviewDialog
from designreview.ui.session import workers
from designreview.ui.session.packet_job import PacketRequest, write_packets
from designreview.ui.session.packet_printing import PrintOutcome, paint_pdf

if TYPE_CHECKING:
    from collections.abc import Callable

    from designreview.model.review import ReviewInfo
    from designreview.ui.session.document_bridge import DocumentBridge
    from designreview.ui.session.plan_loader import PlanLoader

PAPERS = (("Letter (8.5 x 11 in)", "letter"), ("A4 (210 x 297 mm)", "a4"))
PLAN_PAPERS = (
    ("Same as the text pages, landscape", "same"),
    ("ANSI D (34 x 22 in)", "ansi-d"),
    ("ISO A1 (841 x 594 mm)", "a1"),
)
FINDING_PAGE_CHOICES = (
    (Severity.FAIL, "Fails"),
    (Severity.NEEDS_INFORMATION, "Needs information"),
    (Severity.WARNING, "Warnings"),
    (Severity.INFO, "Information"),
)
_COVER_FIELDS = (
    ("school", "School"),
    ("project", "Project"),
    ("meeting_date", "Meeting date"),
    ("classification", "Classification"),
    ("distribution", "Distribution statement"),
)


def parse_recipients(text: str) -> tuple[str, ...]:
    r"""One recipient per non-empty line, trimmed, duplicates dropped.

    Example:
        >>> parse_recipients(" Ann Lee \n\nFire Marshal\nAnn Lee")
        ('Ann Lee', 'Fire Marshal')
    """
    names = [line.strip() for line in text.splitlines() if line.strip()]
    return tuple(dict.fromkeys(names))


class PacketDialog(QDialog):
    """What the packet needs, and three ways to get it: file, screen and paper.

    Cover details typed here are stored in the review (one undo step).
    """

    def __init__(
        self,
        bridge: DocumentBridge,
        loader: PlanLoader,
        default_output: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review Packet")
        self.setMinimumSize(860, 560)
        self.bridge, self.loader = bridge, loader
        self.job: workers.Job | None = None
        self.preview_dialog: PacketPreviewDialog | None = None
        self.written: list[tuple[Path, str, int]] = []
        self.printed = PrintOutcome(0, 0)
        self._scratches: list[tempfile.TemporaryDirectory[str]] = []
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._cover_group())
        left.addWidget(self._copies_group())
        right.addWidget(self._contents_group())
        right.addWidget(self._paper_group())
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addLayout(self._output_row(default_output))
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout.addWidget(self.status)
        layout.addLayout(self._button_row())

    # -- form -----------------------------------------------------------------------
    def _cover_group(self) -> QGroupBox:
        group = QGroupBox("Cover")
        form = QFormLayout(group)
        info = self.bridge.review.info
        self.cover: dict[str, QLineEdit] = {}
        for name, label in _COVER_FIELDS:
            edit = QLineEdit(getattr(info, name))
            edit.setObjectName(f"cover_{name}")
            edit.setMinimumWidth(300)
            self.cover[name] = edit
            form.addRow(label, edit)
        self.cover["meeting_date"].setPlaceholderText("e.g. 2026-12-03")
        self.cover["distribution"].setPlaceholderText(
            "e.g. Not for release outside the review agencies"
        )
        return group

    def _copies_group(self) -> QGroupBox:
        group = QGroupBox("Recipients")
        box = QVBoxLayout(group)
        self.recipients = QPlainTextEdit()
        self.recipients.setObjectName("recipients")
        self.recipients.setPlaceholderText(
            "One name per line; each gets a numbered copy with the name on every "
            "page. Leave empty for a single unnumbered copy."
        )
        names = [
            f"{r.name}, {r.agency}" if r.agency else r.name
            for r in self.bridge.review.reviewers
        ]
        self.recipients.setPlainText("\n".join(names))
        box.addWidget(self.recipients)
        return group

    def _contents_group(self) -> QGroupBox:
        group = QGroupBox("Contents")
        box = QVBoxLayout(group)
        box.addWidget(QLabel("Sheets"))
        self.sheets = QListWidget()
        self.sheets.setObjectName("sheets")
        for sheet in self.bridge.review.sheets:
            item = QListWidgetItem(sheet.name)
            item.setData(Qt.ItemDataRole.UserRole, str(sheet.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sheets.addItem(item)
        box.addWidget(self.sheets)
        box.addWidget(QLabel("A page of its own for each finding that is"))
        defaults = PacketOptions().finding_pages
        self.finding_pages: dict[Severity, QCheckBox] = {}
        for severity, label in FINDING_PAGE_CHOICES:
            check = QCheckBox(label)
            check.setChecked(severity in defaults)
            self.finding_pages[severity] = check
            box.addWidget(check)
        return group

    def _paper_group(self) -> QGroupBox:
        group = QGroupBox("Paper and protection")
        form = QFormLayout(group)
        self.paper = _combo(PAPERS)
        if not self._imperial_plans():
            self.paper.setCurrentIndex(1)
        self.plan_paper = _combo(PLAN_PAPERS)
        form.addRow("Text pages", self.paper)
        form.addRow("Plan pages", self.plan_paper)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("optional; AES-256")
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Password", self.password)
        form.addRow("Password again", self.password_again)
        return group

    def _imperial_plans(self) -> bool:
        """Letter for plans drawn in feet and inches, A4 for metric ones.

        With no drawing read yet, the computer's own measurement system decides.
        """
        plans = [p for p in self.loader.cached_plans(self.bridge.review).values() if p]
        if plans:
            return any(plan.units.is_imperial for plan in plans)
        metric = QLocale.MeasurementSystem.MetricSystem
        return QLocale().measurementSystem() != metric

    def _output_row(self, default_output: Path) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Save as"))
        self.output = QLineEdit(str(default_output))
        self.output.setObjectName("output")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row.addWidget(self.output, 1)
        row.addWidget(browse)
        return row

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_button = QPushButton("Preview…")
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save PDF")
        self.save_button.setDefault(True)
        self.close_button = QPushButton("Close")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_packet)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.preview_button)
        row.addWidget(self.print_button)
        row.addStretch()
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        return row

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the packet as", self.output.text(), "PDF (*.pdf)"
        )
        if path:
            self.output.setText(path)

    # -- reading the form -------------------------------------------------------------
    def info(self) -> ReviewInfo:
        """The cover details as typed."""
        values = {name: edit.text().strip() for name, edit in self.cover.items()}
        return replace(self.bridge.review.info, **values)

    def problem(self) -> str | None:
        """What stops the packet from being made, in words; None when all is well."""
        if not self.bridge.review.sheets:
            return "The review has no drawing yet: open a plan first."
        if not self.selected_sheets():
            return "Choose at least one sheet to print."
        if self.password.text() != self.password_again.text():
            return "The two passwords differ: type the same password twice."
        output = self.output.text().strip()
        if not output:
            return "Choose where to save the packet."
        folder = Path(output).expanduser().parent
        if not folder.is_dir():
            return f"The folder {folder} does not exist: choose another place to save."
        return None

    def selected_sheets(self) -> tuple[str, ...]:
        items = (self.sheets.item(i) for i in range(self.sheets.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def request(
        self, output: Path | None = None, protect: bool = True
    ) -> PacketRequest:
        """The packet as the form describes it (to ``output`` if given)."""
        target = output or Path(self.output.text().strip()).expanduser()
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        options = PacketOptions(
            page_size=str(self.paper.currentData()),
            plan_page_size=str(self.plan_paper.currentData()),
            classification=self.cover["classification"].text().strip() or None,
            include_sheets=self.selected_sheets(),
            finding_pages=frozenset(
                s for s, check in self.finding_pages.items() if check.isChecked()
            ),
            password=(self.password.text() or None) if protect else None,
        )
        return PacketRequest(
            target, parse_recipients(self.recipients.toPlainText()), options
        )

    # -- actions ----------------------------------------------------------------------
    def save(self) -> None:
        """Write every copy where the form says."""
        problem = self.problem()
        if problem is not None:
            self.status.setText(problem)
            return
        self._start(self.request(), self._on_saved)

    def preview(self) -> None:
        """Write one copy to a private folder and show it as it will print."""
        request = self._scratch_request()
        if request is not None:
            first = request.recipients[:1]
            self._start(replace(request, recipients=first), self._on_preview_ready)

    def print_packet(self) -> None:
        """Choose a printer, then print every recipient's copy at true scale."""
        problem = self.problem()
        if problem is not None:
            self.status.setText(problem)
            return
        printer = self.choose_printer()
        request = self._scratch_request() if printer is not None else None
        if printer is not None and request is not None:
            self._start(request, lambda written: self._on_print_ready(written, printer))

    def choose_printer(self) -> QPrinter | None:
        """The system print dialog; None when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the packet")
        # Every page of every copy goes to paper; Save PDF is the way to a file.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def _scratch_request(self) -> PacketRequest | None:
        problem = self.problem()
        if problem is not None:
            self.status.setText(problem)
            return None
        scratch = tempfile.TemporaryDirectory(prefix="designreview-packet-")
        self._scratches.append(scratch)
        return self.request(Path(scratch.name) / "packet.pdf", protect=False)

    def _start(
        self,
        request: PacketRequest,
        on_done: Callable[[list[tuple[Path, str, int]]], None],
    ) -> None:
        problem = self.problem()
        if problem is not None:
            self.status.setText(problem)
            return
        if self.info() != self.bridge.review.info:
            self.bridge.submit(
                SetReviewInfo(self.bridge.review.info, self.info()), initiator=self
            )
        review = self.bridge.review
        cached = self.loader.cached_plans(review)
        self._set_busy(True)
        self.status.setText("Checking the review and laying out the packet…")
        self.job = workers.run(
            lambda cancel: write_packets(review, cached, request, cancel),
            lambda written: self._finish(on_done, written),
            self._on_failed,
            owner=self,
        )

    def _finish(
        self,
        on_done: Callable[[list[tuple[Path, str, int]]], None],
        written: list[tuple[Path, str, int]],
    ) -> None:
        self.job = None
        self._set_busy(False)
        on_done(written)

    def _on_failed(self, message: str) -> None:
        self.job = None
        self._set_busy(False)
        self.status.setText(f"The packet was not made. {message}")

    def _on_saved(self, written: list[tuple[Path, str, int]]) -> None:
        self.written = written
        lines = [
            f"{path.name}: {pages} pages" + (f" for {who}" if who else "")
            for path, who, pages in written
        ]
        folder = written[0][0].parent if written else ""
        self.status.setText(f"Saved in {folder}:\n" + "\n".join(lines))

    def _on_preview_ready(self, written: list[tuple[Path, str, int]]) -> None:
        if not written:
            return
        try:
            dialog = PacketPreviewDialog(
                written[0][0], "Packet preview (true scale)", self
            )
        except DesignReviewError as exc:
            self.status.setText(f"The preview could not be shown. {exc}")
            return
        dialog.print_requested.connect(self.print_packet)
        dialog.finished.connect(lambda _result: self._forget_preview(dialog))
        self.preview_dialog = dialog
        self.status.setText(
            f"Previewing the copy for {written[0][1] or 'distribution'}: "
            f"{written[0][2]} pages, each on its own paper."
        )
        dialog.open()

    def _forget_preview(self, dialog: PacketPreviewDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def _on_print_ready(
        self, written: list[tuple[Path, str, int]], printer: QPrinter
    ) -> None:
        progress = QProgressDialog(
            "Sending the packet to the printer…",
            "Stop",
            0,
            sum(pages for _path, _who, pages in written),
            self,
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        sent = 0

        def stop() -> bool:
            """Called before each page: show progress, keep the window alive."""
            nonlocal sent
            progress.setValue(sent)
            sent += 1
            QApplication.processEvents()
            return progress.wasCanceled()

        outcomes = []
        self._set_busy(True)
        try:
            for path, _who, _n in written:
                outcome = self._paint(path, printer, stop)
                if outcome is None or progress.wasCanceled():
                    break  # an error stays on screen
                outcomes.append(outcome)
        finally:
            stopped = progress.wasCanceled()
            progress.close()
            self._set_busy(False)
            self._cleanup_scratch(written)
        if stopped:
            self.status.setText(
                f"Printing stopped after {max(sent - 1, 0)} pages. Pages already sent "
                "may still print: cancel them in the printer's queue if needed."
            )
            return
        if len(outcomes) < len(written):
            return
        pages = sum(o.pages for o in outcomes)
        copies = f"{len(written)} cop{'y' if len(written) == 1 else 'ies'}"
        where = printer.printerName() or "the printer"
        self.status.setText(
            f"Sent {copies}, {pages} pages, to {where} at true scale."
            + _reduced_note(sum(o.reduced for o in outcomes))
        )

    def _cleanup_scratch(self, written: list[tuple[Path, str, int]]) -> None:
        """Remove the unprotected copies made for the printer as soon as it has them."""
        folders = {str(path.parent) for path, _who, _n in written}
        for scratch in [s for s in self._scratches if s.name in folders]:
            scratch.cleanup()
            self._scratches.remove(scratch)

    def _paint(
        self,
        pdf: Path,
        printer: QPrinter,
        stop: Callable[[], bool] = lambda: False,
    ) -> PrintOutcome | None:
        try:
            outcome = paint_pdf(pdf, printer, stop=stop)
        except (OSError, ValueError, MemoryError, DesignReviewError) as exc:
            reason = str(exc) or "the computer ran out of memory."
            self.status.setText(
                f"Printing failed: {reason} Check the printer and try again."
            )
            return None
        self.printed = outcome
        return outcome

    def _set_busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(not busy)
        self.setCursor(
            Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor
        )

    def done(self, result: int) -> None:
        """Closing stops any packet still being made and removes private copies."""
        if self.job is not None:
            self.job.cancel()
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog = None
        for scratch in self._scratches:
            scratch.cleanup()
        self._scratches.clear()
        super().done(result)


def _reduced_note(reduced: int) -> str:
    """What the user must know when pages did not fit the paper."""
    if not reduced:
        return ""
    return (
        f" {counted(reduced, 'page')} larger than this paper "
        f"{'was' if reduced == 1 else 'were'} reduced to fit: "
        f"{'its' if reduced == 1 else 'their'} stated scale does not hold. Print "
        f"{'it' if reduced == 1 else 'them'} on the large-format printer."
    )


def _combo(choices: tuple[tuple[str, str], ...]) -> QComboBox:
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    return combo
