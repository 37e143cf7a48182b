"""The responder map PDF of the sample school, read back with pypdf."""

from __future__ import annotations

from dataclasses import replace

import pypdf
import pytest

from designreview.model.errors import DesignReviewError
from designreview.packet.responder_map import (
    MapOptions,
    issue_state,
    write_responder_map,
)
from designreview.review_file.inputs import load_review_and_plans
from designreview.review_file.sample import sample_review_path

ROOMS = [str(n) for n in (*range(100, 125), 130, 131, 140, 150, 151, 152)]
DOORS = [f"E{n}" for n in range(1, 10)]


@pytest.fixture(scope="module")
def sample():
    return load_review_and_plans(sample_review_path())


@pytest.fixture(scope="module")
def sample_map(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.pdf"
    pages = write_responder_map(*sample, path)
    return path, pages


def texts(path):
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def words(text):
    return text.split()


def test_one_page_per_floor_and_an_index(sample_map):
    path, pages = sample_map
    assert pages == 2
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 2
    # Letter, landscape, for a drawing in inches.
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((792, 612))


def test_the_floor_page_holds_every_door_and_room_number(sample_map):
    page = words(texts(sample_map[0])[0])
    for number in DOORS + [n for n in ROOMS if n not in ("150", "151", "152")]:
        assert number in page, number
    # The corridors are named instead of numbered.
    text = texts(sample_map[0])[0]
    for name in ("MAIN HALL", "CLASSROOM WING", "SERVICE HALL", "EXAMPLE ROAD"):
        assert name in text


def test_the_floor_page_states_its_mandated_facts(sample_map):
    text = " ".join(texts(sample_map[0])[0].split())
    assert "Sample Elementary School (fictional)" in text
    assert "1200 Example Road, Springfield, Texas (fictional)" in text
    assert "Last walk-through: 2026-11-20" in text
    assert "Revision 1, issued 2026-11-20" in text
    assert '1" = 50\'-0"' in text
    assert "1:600" in text
    assert "Grid squares 25 ft (7.62 m)" in text
    assert "Turned to true north" in text
    assert "FOR OFFICIAL USE ONLY" in text
    for column in "ABCDEFGHIJKLM":
        assert column in words(text)


def test_the_index_finds_door_7_and_room_118_by_square(sample, sample_map):
    from designreview.analysis.responder_map import responder_maps

    ((_, m),) = responder_maps(*sample)
    lines = [" ".join(line.split()) for line in texts(sample_map[0])[1].splitlines()]

    def row(first):  # each cell of the index is its own text run
        i = lines.index(first)
        return lines[i : i + 3]

    door = next(d for d in m.doors if d.number == "E7")
    room = next(r for r in m.rooms if r.number == "118")
    knox = next(k for k in m.marks if k.id == "rm-knox")
    assert row("E7") == ["E7", "Non-designated (exit only)", door.cell]
    assert row("118") == ["118", "CLASSROOM", room.cell]
    assert row("KB") == ["KB", "Key box (Knox box): at main entry E1", knox.cell]
    # The same squares as on the floor page's door list.
    assert door.cell == "J3"


def test_an_edit_after_issue_prints_out_of_date(sample, tmp_path):
    review, plans = sample
    turned = replace(review, sheets=(replace(review.sheets[0], true_north_deg=15.0),))
    path = tmp_path / "late.pdf"
    write_responder_map(turned, plans, path)
    assert "Revision 1 (2026-11-20) OUT OF DATE" in texts(path)[0]
    from designreview.analysis.responder_map import responder_maps

    maps = [m for _, m in responder_maps(turned, plans)]
    assert issue_state(turned, maps) == ("Revision 1 (2026-11-20) OUT OF DATE", False)


def test_paper_and_errors(sample, tmp_path):
    path = tmp_path / "a4.pdf"
    write_responder_map(*sample, path, MapOptions("a4"))
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((842, 595), abs=1)
    with pytest.raises(DesignReviewError, match="Unknown paper 'b5'"):
        write_responder_map(*sample, tmp_path / "b5.pdf", MapOptions("b5"))
    review, _ = sample
    with pytest.raises(DesignReviewError, match="nothing to map"):
        write_responder_map(review, {}, tmp_path / "none.pdf")
