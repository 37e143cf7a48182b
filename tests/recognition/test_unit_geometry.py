"""Units from rooms and walls: hand-built drawings with known answers."""

import itertools

import ezdxf
import numpy as np
import pytest
from tests.fixtures.corpus import corpus_file

from designreview.model.plan import UnitSource
from designreview.model.units import LengthUnit
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.recognition.found import WalkResult
from designreview.recognition.units.evidence import UnitEvidence, propose_unit
from designreview.recognition.units.guess import decide_unit, unit_evidence
from designreview.recognition.units.measures import (
    room_layer_areas,
    wall_thicknesses,
)

CM, INCH, MM, M = (
    LengthUnit.CENTIMETRE,
    LengthUnit.INCH,
    LengthUnit.MILLIMETRE,
    LengthUnit.METRE,
)


def rooms_drawing(path, *, insunits, sides, wall, measurement=1, walls=True):
    """Rooms in a row of rows, each on its own layer, ringed by double wall lines.

    ``sides`` are (width, depth) pairs in drawing units; ``wall`` is the wall
    thickness in drawing units. Nothing else: no doors, no stairs.
    """
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = insunits
    doc.header["$MEASUREMENT"] = measurement
    msp = doc.modelspace()
    x = y = 0.0
    for n, (w, d) in enumerate(sides):
        if n and n % 5 == 0:
            x, y = 0.0, y + 700.0
        room = [(x, y), (x + w, y), (x + w, y + d), (x, y + d)]
        msp.add_lwpolyline(room, close=True, dxfattribs={"layer": f"E1-{100 + n}"})
        if walls:
            for inset in (0.0, wall):
                a, b = (x - inset, y - inset), (x + w + inset, y + d + inset)
                corners = [a, (b[0], a[1]), b, (a[0], b[1]), a]
                for p, q in itertools.pairwise(corners):
                    msp.add_line(p, q, dxfattribs={"layer": "A-WALL"})
        x += w + 100.0
    doc.saveas(path)
    return path


# Offices and meeting rooms of 12-25 m², measured in cm.
OFFICES_CM = [(350 + 15 * (n % 10), 350 + 20 * (n % 7)) for n in range(20)]


def test_a_cm_drawing_labelled_inches_is_read_in_cm_with_a_warning(tmp_path):
    path = rooms_drawing(
        tmp_path / "offices.dxf", insunits=1, sides=OFFICES_CM, wall=12, measurement=0
    )
    plan = read_dxf(path)
    report = plan.unit_report
    assert (report.stated, report.used, report.source) == (
        INCH,
        CM,
        UnitSource.EVIDENCE,
    )
    assert 0.5 < report.confidence < 1.0
    warning = next(w for w in plan.warnings if "Check a known dimension" in w)
    assert warning.startswith("The drawing says inches, but read in inches its 20")
    assert "Read as centimetres" in warning
    assert any(
        "20 of 20 room areas are 4-40 m² in centimetres" in r for r in report.reasons
    )
    # The user can still read it as the header says (the Units dialog's override).
    forced = read_dxf(path, ImportOptions(unit=INCH))
    assert (forced.units, forced.unit_report.source) == (INCH, UnitSource.USER)


def test_a_correct_inch_drawing_of_classrooms_stays_in_inches(tmp_path):
    # 62-91 m² classrooms in inches would be 10-14 m² offices in cm; but their
    # 5-inch walls would be 5 cm thick, so the rooms alone do not overrule inches.
    classrooms = [(300 + 6 * (n % 10), 320 + 10 * (n % 7)) for n in range(20)]
    path = rooms_drawing(
        tmp_path / "school.dxf", insunits=1, sides=classrooms, wall=5, measurement=0
    )
    report = read_dxf(path).unit_report
    assert (report.stated, report.used, report.source) == (
        INCH,
        INCH,
        UnitSource.HEADER,
    )
    assert report.proposed is INCH
    assert report.confidence > 0.6  # the rooms alone would say cm


def test_a_few_rooms_and_no_walls_keep_the_header(tmp_path):
    path = rooms_drawing(
        tmp_path / "few.dxf", insunits=1, sides=OFFICES_CM[:6], wall=12, walls=False
    )
    plan = read_dxf(path)
    report = plan.unit_report
    assert (report.stated, report.used, report.source) == (
        INCH,
        INCH,
        UnitSource.HEADER,
    )
    assert report.confidence < 0.6  # honest: little says either way


def test_many_rooms_without_walls_do_not_overrule_the_header():
    evidence = UnitEvidence(room_areas=(150_000.0,) * 40, span=3000.0, insunits=1)
    proposal = propose_unit(evidence)
    assert proposal.unit is INCH
    assert proposal.disagrees  # the rooms favour cm, and the warning says so
    assert proposal.suggested is CM
    assert "which suggests centimetres" in decide_unit(evidence).warning


def test_doors_that_fit_the_header_keep_it_against_rooms_and_walls():
    offices = UnitEvidence(
        room_areas=(180_000.0,) * 30,
        wall_thicknesses=(12.0,) * 100,
        door_widths=(36.0,) * 4,  # 3 ft doors: inches after all
        span=3000.0,
        insunits=1,
    )
    assert propose_unit(offices).unit is INCH


def test_rooms_and_walls_overrule_a_millimetre_header_of_a_metre_drawing():
    evidence = UnitEvidence(
        room_areas=tuple(np.linspace(8.0, 35.0, 30)),
        wall_thicknesses=(0.12,) * 50 + (0.3,) * 10,
        span=80.0,
        insunits=4,
    )
    proposal = propose_unit(evidence)
    assert (proposal.unit, proposal.stated, proposal.overrules) == (M, MM, True)


# --- the measurements --------------------------------------------------------------


def test_wall_thickness_is_the_gap_to_the_nearest_line_alongside():
    # A 12-unit wall ringing a 400 x 300 room, turned by 30 degrees.
    inner = [(0, 0, 400, 0), (400, 0, 400, 300), (400, 300, 0, 300), (0, 300, 0, 0)]
    outer = [(-12, -12, 412, -12), (412, -12, 412, 312), (412, 312, -12, 312)]
    outer.append((-12, 312, -12, -12))
    segs = np.array(inner + outer, dtype=float)
    turn = np.radians(30)
    rot = np.array([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
    ends = segs.reshape(-1, 2) @ rot.T
    gaps = wall_thicknesses(ends.reshape(-1, 4))
    assert gaps == pytest.approx([12.0] * 8)


def test_lines_without_a_partner_alongside_give_no_thickness():
    short_apart = np.array([[0, 0, 10, 0], [20, 5, 30, 5]], dtype=float)  # no overlap
    assert wall_thicknesses(short_apart) == []
    assert wall_thicknesses(np.empty((0, 4))) == []
    assert wall_thicknesses(np.array([[1.0, 1.0, 1.0, 1.0]] * 3)) == []


def _layers(count, extra=()):
    found = WalkResult()
    square = [0, 0, 400, 0, 400, 0, 400, 300, 400, 300, 0, 300, 0, 300, 0, 0]
    for n in range(count):
        found.segments[f"E1-{n}"] = np.array(square + list(extra), dtype=float)
        found.closed_outlines[f"E1-{n}"] = 1
    return found


def test_one_room_per_layer_counts_only_as_a_pattern():
    assert room_layer_areas(_layers(5)) == [120_000.0] * 5
    assert room_layer_areas(_layers(4)) == []  # a gear, a frame: not rooms
    assert room_layer_areas(_layers(8, extra=[500, 0, 600, 0])) == []  # more drawn


def test_unit_evidence_gathers_rooms_and_walls():
    found = _layers(6)
    found.segments["A-WALL"] = np.array([0, 0, 500, 0, 0, 15, 500, 15], dtype=float)
    evidence = unit_evidence(found, {"$INSUNITS": 1})
    assert evidence.room_areas == (120_000.0,) * 6
    assert evidence.wall_thicknesses == (15.0, 15.0)


# --- the corpus --------------------------------------------------------------------


def test_medialab_ml4_says_inches_but_is_read_in_cm():
    plan = read_dxf(corpus_file("medialab_ml4_R2010_inch.dxf"))
    report = plan.unit_report
    assert (report.stated, report.used, report.stated_code) == (INCH, CM, 1)
    assert 0.5 <= report.confidence < 0.8  # two kinds of evidence, not doors
    warning = next(w for w in plan.warnings if "Check a known dimension" in w)
    assert "read in inches its 75 rooms would be 78.9 m²" in warning
    width = plan.extents.max_x - plan.extents.min_x
    assert 90 < width < 100  # the R12 Media Lab's 95 m, not 241 m


def test_the_damaged_elevation_is_a_low_confidence_guess_of_cm():
    # An elevation: no rooms, walls, doors or stairs; only its 1,026-unit extent,
    # which is a house in cm (10 m) and a town in metres (1 km).
    report = read_dxf(corpus_file("damaged_recover01_R12.dxf")).unit_report
    assert (report.stated, report.used) == (None, CM)
    assert report.confidence < 0.3
