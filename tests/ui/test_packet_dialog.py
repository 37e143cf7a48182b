"""The packet dialog: copies per recipient, cover kept, preview, true-scale print."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from designreview.ui.dialogs.packet_dialog import PacketDialog


@pytest.fixture
def dialog(sample, qtbot, tmp_path):
    packet = PacketDialog(sample.bridge, sample.loader, tmp_path / "packet.pdf", sample)
    qtbot.addWidget(packet)
    packet.show()
    yield packet
    packet.reject()


def wait_idle(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.job is None, timeout=120_000)


def sizes(path):
    return [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(path).pages
    ]


def test_recipients_start_as_the_reviewers(dialog, sample):
    names = dialog.recipients.toPlainText().splitlines()
    assert len(names) == len(sample.bridge.review.reviewers) > 0


def test_save_writes_a_numbered_copy_per_recipient_and_keeps_the_cover(
    dialog, sample, qtbot, tmp_path
):
    dialog.recipients.setPlainText("Ann Lee\nFire Marshal\n")
    dialog.cover["school"].setText("Lincoln Elementary (remodel)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert [who for _path, who, _pages in dialog.written] == ["Ann Lee", "Fire Marshal"]
    first, second = (
        tmp_path / "packet-1-ann-lee.pdf",
        tmp_path / "packet-2-fire-marshal.pdf",
    )
    cover = PdfReader(first).pages[0].extract_text()
    assert "Ann Lee" in cover
    assert "Lincoln Elementary (remodel)" in cover
    assert "Fire Marshal" in PdfReader(second).pages[0].extract_text()
    assert "packet-2-fire-marshal.pdf" in dialog.status.text()
    # the cover details are part of the review now, as one undoable step
    assert sample.bridge.review.info.school == "Lincoln Elementary (remodel)"
    sample.bridge.undo_stack.undo()
    assert sample.bridge.review.info.school != "Lincoln Elementary (remodel)"


def test_problems_are_said_and_nothing_is_written(dialog, qtbot, tmp_path):
    dialog.sheets.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    assert "at least one sheet" in dialog.status.text()
    dialog.sheets.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.password.setText("s3cret")
    dialog.password_again.setText("s3cre")
    dialog.preview()
    assert "passwords differ" in dialog.status.text()
    assert dialog.job is None
    assert not list(tmp_path.glob("*.pdf"))


def test_password_protects_every_copy(dialog, qtbot, tmp_path):
    dialog.recipients.setPlainText("")
    dialog.password.setText("s3cret")
    dialog.password_again.setText("s3cret")
    dialog.save()
    wait_idle(qtbot, dialog)
    import pikepdf

    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(tmp_path / "packet.pdf")
    with pikepdf.open(tmp_path / "packet.pdf", password="s3cret") as pdf:
        assert pdf.is_encrypted
        assert pdf.encryption.stream_method.name == "aesv3"  # AES-256


def test_large_plan_paper_and_finding_pages(dialog, qtbot, tmp_path):
    dialog.recipients.setPlainText("")
    dialog.plan_paper.setCurrentIndex(dialog.plan_paper.findData("ansi-d"))
    dialog.save()
    wait_idle(qtbot, dialog)
    with_fail_pages = sizes(tmp_path / "packet.pdf")
    assert (2448, 1584) in with_fail_pages  # 34 x 22 in, landscape
    for check in dialog.finding_pages.values():
        check.setChecked(False)
    dialog.save()
    wait_idle(qtbot, dialog)
    assert len(sizes(tmp_path / "packet.pdf")) < len(with_fail_pages)


def open_preview(dialog, qtbot):
    dialog.preview()
    wait_idle(qtbot, dialog)
    qtbot.waitUntil(
        lambda: dialog.preview_dialog is not None and dialog.preview_dialog.isVisible()
    )
    return dialog.preview_dialog


def test_preview_shows_the_packet(dialog, qtbot):
    dialog.recipients.setPlainText("Ann Lee")
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    preview = open_preview(dialog, qtbot)
    assert len(preview.page_labels) > 5
    assert "Ann Lee" in dialog.status.text()
    assert (
        preview.captions[0]
        .text()
        .startswith(
            f"Page 1 of {len(preview.page_labels)} · 8.27 x 11.7 in (210 x 297 mm), "
            "portrait"
        )
    )


def test_printing_keeps_every_page_at_its_true_size(dialog, qtbot, tmp_path):
    dialog.recipients.setPlainText("Ann Lee")
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    printed = tmp_path / "printed.pdf"

    def pdf_printer():
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    dialog.choose_printer = pdf_printer
    dialog.print_packet()
    wait_idle(qtbot, dialog)
    assert "at true scale" in dialog.status.text()
    dialog.save()
    wait_idle(qtbot, dialog)
    packet = sizes(tmp_path / "packet.pdf")
    assert sizes(printed) == packet
    assert (792, 612) in packet  # the plan page is landscape letter


def test_preview_shows_landscape_pages_landscape_each_on_its_own_paper(dialog, qtbot):
    dialog.recipients.setPlainText("")
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    preview = open_preview(dialog, qtbot)
    shown = [preview.page_size_px(i) for i in range(len(preview.page_labels))]
    plan = next(i for i, (w, h) in enumerate(shown) if w > h)
    assert preview.sizes_pt[plan] == (792, 612)  # the plan page, not turned
    assert "11 x 8.5 in (279 x 216 mm), landscape" in preview.captions[plan].text()
    assert all(h > w for i, (w, h) in enumerate(shown) if i != plan)
    width = shown[plan][0]
    preview.step_zoom(+1)  # zooming keeps each page's shape
    assert preview.page_size_px(plan)[0] > width
    assert preview.page_size_px(plan)[0] > preview.page_size_px(plan)[1]
    preview.close()
    dialog.plan_paper.setCurrentIndex(dialog.plan_paper.findData("ansi-d"))
    preview = open_preview(dialog, qtbot)
    assert any("34 x 22 in" in c.text() for c in preview.captions)  # ANSI D plans


def test_no_place_to_save_is_said_not_raised(dialog, tmp_path):
    dialog.output.setText("  ")
    dialog.save()
    assert "Choose where to save the packet" in dialog.status.text()
    dialog.output.setText(str(tmp_path / "missing" / "packet.pdf"))
    dialog.save()
    assert "does not exist" in dialog.status.text()
    assert dialog.job is None


def test_without_recipients_the_copy_is_not_numbered(dialog, qtbot, tmp_path):
    dialog.recipients.setPlainText("")
    dialog.save()
    wait_idle(qtbot, dialog)
    cover = PdfReader(tmp_path / "packet.pdf").pages[0].extract_text()
    assert "Copy No. 1" not in cover
    assert "not numbered" in cover


def test_a_printer_failure_stays_on_screen_and_copies_are_removed(
    dialog, qtbot, tmp_path, monkeypatch
):
    import designreview.ui.dialogs.packet_dialog as module

    def broken(pdf, printer, **_options):
        raise OSError("The printer could not be started.")

    monkeypatch.setattr(module, "paint_pdf", broken)
    dialog.recipients.setPlainText("Ann Lee\nFire Marshal")
    dialog.choose_printer = lambda: QPrinter(QPrinter.PrinterMode.ScreenResolution)
    dialog.print_packet()
    wait_idle(qtbot, dialog)
    assert "Printing failed: The printer could not be started." in dialog.status.text()
    assert "Sent" not in dialog.status.text()
    assert dialog._scratches == []  # the unprotected copies are gone


def test_a_cancelled_print_dialog_makes_nothing(dialog):
    dialog.choose_printer = lambda: None
    dialog.print_packet()
    assert dialog.job is None
    assert dialog._scratches == []


def test_printing_can_be_stopped_between_pages(dialog, qtbot, tmp_path, monkeypatch):
    import designreview.ui.dialogs.packet_dialog as module

    class StopAtPageThree(module.QProgressDialog):
        def wasCanceled(self):  # noqa: N802 (Qt's name)
            return self.value() >= 3

    monkeypatch.setattr(module, "QProgressDialog", StopAtPageThree)
    printed = tmp_path / "printed.pdf"

    def pdf_printer():
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    dialog.recipients.setPlainText("Ann Lee\nFire Marshal")
    dialog.choose_printer = pdf_printer
    dialog.print_packet()
    wait_idle(qtbot, dialog)
    assert "Printing stopped after 3 pages" in dialog.status.text()
    assert len(sizes(printed)) == 3
    assert dialog.print_button.isEnabled()
    assert dialog._scratches == []


def test_the_paper_follows_the_plans_units(sample, make_window, qtbot, tmp_path):
    """The sample school is drawn in inches: Letter. A plan in metres: A4."""
    from tests.fixtures.dxf_files import rooms_dxf

    imperial = PacketDialog(sample.bridge, sample.loader, tmp_path / "a.pdf", sample)
    qtbot.addWidget(imperial)
    assert imperial.paper.currentData() == "letter"
    metric_window = make_window(rooms_dxf(tmp_path / "rooms.dxf"))  # metres
    metric = PacketDialog(
        metric_window.bridge, metric_window.loader, tmp_path / "b.pdf", metric_window
    )
    qtbot.addWidget(metric)
    assert metric.paper.currentData() == "a4"
