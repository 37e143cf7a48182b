"""File > Export in the window: DXF, DXF into the drawing, BCF and CSV files written."""

from __future__ import annotations

import zipfile

import ezdxf

from designreview.ui.window.commands import file_commands


def export(window, qtbot, command, path):
    window.prompts.next_export_path = path
    command(window.context)
    qtbot.waitUntil(lambda: window.exporter.job is None, timeout=120_000)
    return window.exporter.last_message


def test_dxf_alone_and_into_the_drawing(sample, qtbot, tmp_path):
    message = export(sample, qtbot, file_commands.export_dxf, tmp_path / "review.dxf")
    assert "entities on REVIEW-* layers" in message
    alone = ezdxf.readfile(tmp_path / "review.dxf")
    assert "REVIEW-ACCESS" in alone.layers
    export(
        sample, qtbot, file_commands.export_dxf_into_original, tmp_path / "reviewed.dxf"
    )
    into = ezdxf.readfile(tmp_path / "reviewed.dxf")
    assert "REVIEW-ACCESS" in into.layers
    assert len(into.layers) > len(alone.layers)  # the architect's layers are kept
    assert "Export markups into a copy of the drawing" in sample.prompts.asked[-1]


def test_bcf_and_csv(sample, qtbot, tmp_path):
    sample.prompts.next_item = "BCF 2.1 (most BIM tools)"
    message = export(sample, qtbot, file_commands.export_bcf, tmp_path / "issues.bcf")
    assert "BCF 2.1 topics" in message
    assert sample.prompts.asked[-1] == (
        "choose:Export issues as BCF:BCF 2.1 (most BIM tools)|BCF 3.0"
    )
    with zipfile.ZipFile(tmp_path / "issues.bcf") as bcf:
        assert any(name.endswith("markup.bcf") for name in bcf.namelist())
        assert "extensions.xsd" in bcf.namelist()
    export(sample, qtbot, file_commands.export_csv, tmp_path / "school.csv")
    assert "ROOM-2" in (tmp_path / "school.csv").read_text(encoding="utf-8-sig")
    assert (tmp_path / "school-markups.csv").exists()


def test_bcf_30_is_a_choice(sample, qtbot, tmp_path):
    sample.prompts.next_item = "BCF 3.0"
    message = export(sample, qtbot, file_commands.export_bcf, tmp_path / "v3.bcf")
    assert "BCF 3.0 topics" in message
    with zipfile.ZipFile(tmp_path / "v3.bcf") as bcf:
        assert b'VersionId="3.0"' in bcf.read("bcf.version")


def test_cancelled_version_choice_writes_nothing(sample, tmp_path):
    sample.prompts.next_export_path = tmp_path / "never.bcf"
    sample.prompts.next_item = None
    file_commands.export_bcf(sample.context)
    assert sample.exporter.job is None
    assert not (tmp_path / "never.bcf").exists()


def test_cancelled_choice_writes_nothing(sample, tmp_path):
    sample.prompts.next_export_path = None
    file_commands.export_bcf(sample.context)
    assert sample.exporter.job is None
    assert not list(tmp_path.glob("*.bcf"))


def test_an_unwritable_place_is_a_clear_error(sample, qtbot, tmp_path):
    message = export(
        sample, qtbot, file_commands.export_csv, tmp_path / "missing" / "f.csv"
    )
    assert message
    assert "The export did not finish" in sample.last_error
    assert "Traceback" not in sample.last_error
    sample.error_box.close()
