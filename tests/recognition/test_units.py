"""Units from evidence: doors, stairs, rooms and extents against the header."""

import math

import ezdxf
import numpy as np
import pytest
from tests.fixtures.corpus import corpus_file

from designreview.model.errors import DesignReviewError
from designreview.model.plan import UnitSource
from designreview.model.units import LengthUnit
from designreview.readers.dxf.read import ImportOptions, read_dxf
from designreview.recognition.units.evidence import (
    CANDIDATES,
    UnitEvidence,
    calibrated_scale,
    propose_unit,
)
from designreview.recognition.units.guess import decide_unit
from designreview.recognition.units.measures import stair_tread_depths
from designreview.review_file.sample import sample_plan_path

MM, CM, DM, M = (
    LengthUnit.MILLIMETRE,
    LengthUnit.CENTIMETRE,
    LengthUnit.DECIMETRE,
    LengthUnit.METRE,
)
INCH, FOOT = LengthUnit.INCH, LengthUnit.FOOT


def in_units(metres, unit, count):
    return (metres / unit.metres,) * count


# --- propose_unit: the pure scoring ---------------------------------------------------


@pytest.mark.parametrize("unit", CANDIDATES, ids=lambda u: u.name)
def test_doors_alone_name_the_unit(unit):
    evidence = UnitEvidence(door_widths=in_units(0.9, unit, 4), insunits=0)
    proposal = propose_unit(evidence)
    assert proposal.unit is unit
    assert proposal.stated is None
    assert not proposal.disagrees
    assert 0.5 < proposal.confidence <= 1.0


@pytest.mark.parametrize("unit", CANDIDATES, ids=lambda u: u.name)
def test_stairs_alone_name_the_unit(unit):
    proposal = propose_unit(UnitEvidence(tread_depths=in_units(0.28, unit, 3)))
    assert proposal.unit is unit


@pytest.mark.parametrize("unit", CANDIDATES, ids=lambda u: u.name)
def test_a_plausible_stated_unit_is_kept(unit):
    evidence = UnitEvidence(
        door_widths=in_units(0.9, unit, 12),
        room_sides=in_units(6.0, unit, 10),
        span=60.0 / unit.metres,
        insunits=unit.code,
    )
    proposal = propose_unit(evidence)
    assert (proposal.unit, proposal.stated, proposal.disagrees) == (unit, unit, False)
    assert not proposal.overrules
    assert proposal.confidence > 0.9


def test_a_stated_unit_without_evidence_is_kept():
    # A tiny drawing (1.7 m across) says inches: nothing contradicts it strongly.
    proposal = propose_unit(UnitEvidence(span=67.9, insunits=INCH.code))
    assert proposal.unit is INCH
    assert not proposal.overrules


def test_mislabelled_millimetres_drawn_in_metres_are_overruled():
    evidence = UnitEvidence(
        door_widths=(0.9,) * 30, tread_depths=(0.3,) * 2, span=490.0, insunits=4
    )
    proposal = propose_unit(evidence)
    assert proposal.unit is M
    assert proposal.stated is MM
    assert proposal.disagrees
    assert proposal.overrules
    assert proposal.confidence > 0.9
    assert any("30 of 30 door widths" in reason for reason in proposal.reasons)


def test_three_doors_are_too_few_to_overrule_the_header():
    proposal = propose_unit(UnitEvidence(door_widths=(0.9,) * 3, insunits=4))
    assert proposal.unit is MM  # kept ...
    assert proposal.disagrees  # ... but the evidence says otherwise
    assert proposal.suggested is M
    assert proposal.confidence < 0.5


def test_doors_that_fit_the_stated_unit_half_the_time_do_not_overrule_it():
    # Half the "doors" are 0.9 m in cm, half would be in metres: not clear.
    widths = (90.0,) * 5 + (0.9,) * 5
    assert propose_unit(UnitEvidence(door_widths=widths, insunits=5)).unit is CM


def test_header_hints_break_a_tie_of_the_span():
    # 3,600 units across fits cm (36 m) and inches (91 m); DIMSCALE 96 says inches.
    plain = propose_unit(UnitEvidence(span=3600.0, insunits=0))
    hinted = propose_unit(
        UnitEvidence(span=3600.0, insunits=0, measurement=0, dimscale=96.0)
    )
    assert plain.unit is CM
    assert hinted.unit is INCH
    assert any("$DIMSCALE 96" in reason for reason in hinted.reasons)


def test_architectural_lunits_mean_inches():
    proposal = propose_unit(UnitEvidence(span=3600.0, lunits=4))
    assert proposal.unit is INCH


@pytest.mark.parametrize("code", [None, 0, 999, -3])
def test_missing_unitless_and_bogus_codes_state_nothing(code):
    proposal = propose_unit(UnitEvidence(door_widths=(36.0,) * 6, insunits=code))
    assert proposal.stated is None
    assert proposal.unit is INCH
    assert not proposal.disagrees


def test_a_stated_unit_outside_the_candidates_is_weighed_too():
    # Yards are not a candidate, but a drawing that says yards and has 1 yd doors...
    evidence = UnitEvidence(door_widths=(1.0,) * 8, insunits=LengthUnit.YARD.code)
    assert propose_unit(evidence).unit is LengthUnit.YARD


def test_no_evidence_at_all_gives_a_low_confidence_guess():
    proposal = propose_unit(UnitEvidence())
    assert proposal.unit in CANDIDATES
    assert proposal.confidence < 0.3


def test_non_finite_evidence_is_harmless():
    evidence = UnitEvidence(door_widths=(math.inf,), span=math.nan)
    assert propose_unit(evidence).unit in CANDIDATES


# --- decide_unit: header, evidence or user --------------------------------------------


def test_the_user_override_wins_and_is_reported():
    evidence = UnitEvidence(door_widths=(0.9,) * 10, insunits=4)
    decision = decide_unit(evidence, override=FOOT)
    assert (decision.unit, decision.scale_to_m) == (FOOT, FOOT.metres)
    assert decision.report.source is UnitSource.USER
    assert decision.report.proposed is M  # what the drawing suggests, for the UI
    assert decision.warning == ""


def test_a_calibrated_scale_is_used_as_is():
    decision = decide_unit(UnitEvidence(insunits=0), scale_to_m=0.0254 * 1.01)
    assert decision.scale_to_m == pytest.approx(0.025654)
    assert decision.unit is INCH  # the nearest unit, to show lengths in


def test_a_weak_disagreement_keeps_the_header_and_warns():
    decision = decide_unit(UnitEvidence(door_widths=(0.9,) * 3, insunits=4))
    assert decision.unit is MM
    assert decision.report.source is UnitSource.HEADER
    assert "suggests metres" in decision.warning


# --- calibration ----------------------------------------------------------------------


def test_two_point_calibration():
    # A plan read as metres whose 36-unit door is really 3 ft wide is in inches.
    scale = calibrated_scale((10.0, 5.0), (10.0, 41.0), 0.9144, 1.0)
    assert scale == pytest.approx(0.0254)
    # Calibrating twice converges: the door now measures 0.9144 m.
    again = calibrated_scale((0.254, 0.127), (0.254, 1.0414), 0.9144, scale)
    assert again == pytest.approx(scale)


@pytest.mark.parametrize(
    ("p1", "p2", "known", "scale", "message"),
    [
        ((1.0, 1.0), (1.0, 1.0), 1.0, 1.0, "the same"),
        ((0.0, 0.0), (1.0, 0.0), 0.0, 1.0, "positive"),
        ((0.0, 0.0), (1.0, 0.0), math.nan, 1.0, "positive"),
        ((0.0, 0.0), (1.0, 0.0), 1.0, -2.0, "scale"),
        ((0.0, 0.0), (math.inf, 0.0), 1.0, 1.0, "off the plan"),
    ],
)
def test_calibration_refuses_nonsense(p1, p2, known, scale, message):
    with pytest.raises(DesignReviewError, match=message):
        calibrated_scale(p1, p2, known, scale)


# --- stairs ---------------------------------------------------------------------------


def test_stair_treads_are_found_among_other_lines():
    flight = [[0.0, y * 0.28, 1.2, y * 0.28] for y in range(12)]
    rotated = [[5 + y * 0.3, 0.0, 5 + y * 0.3, 1.5] for y in range(8)]
    clutter = [[0.0, 0.0, 7.0, 3.0], [1.0, 1.0, 1.5, 9.0]]
    depths = stair_tread_depths(np.array(flight + rotated + clutter))
    assert sorted(round(d, 3) for d in depths) == [0.28, 0.3]


def test_uneven_or_few_parallel_lines_are_no_stairs():
    few = [[0.0, y * 0.3, 1.2, y * 0.3] for y in range(4)]
    uneven = [[3.0, y**2, 4.2, y**2] for y in range(8)]
    stubby = [[9.0, y * 0.3, 9.2, y * 0.3] for y in range(8)]  # a hatch, not treads
    assert stair_tread_depths(np.array(few + uneven + stubby)) == []
    assert stair_tread_depths(np.empty((0, 4))) == []


# --- whole drawings -------------------------------------------------------------------


def floor_in(unit, insunits):
    """A 24 x 12 m floor with six 0.9 m doors and a stair, drawn in ``unit``."""
    k = 1.0 / unit.metres
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    msp.add_lwpolyline(
        [(0, 0), (24 * k, 0), (24 * k, 12 * k), (0, 12 * k)],
        close=True,
        dxfattribs={"layer": "WALLS"},
    )
    door = doc.blocks.new("DOOR")
    door.add_line((0, 0), (0, 0.9 * k))
    door.add_arc((0, 0), 0.9 * k, 0, 90)
    for i in range(6):
        msp.add_blockref("DOOR", ((2 + 3 * i) * k, 0), dxfattribs={"layer": "DOORS"})
    for i in range(10):
        y = (6 + 0.28 * i) * k
        msp.add_line((20 * k, y), (21.2 * k, y), dxfattribs={"layer": "STAIRS"})
    return doc


@pytest.mark.parametrize("unit", CANDIDATES, ids=lambda u: u.name)
def test_unitless_drawing_in_any_unit_is_read_right(tmp_path, unit):
    path = tmp_path / f"{unit.name}.dxf"
    floor_in(unit, insunits=0).saveas(path)
    plan = read_dxf(path)
    assert plan.units is unit
    assert plan.extents.width == pytest.approx(24.0, rel=0.01)
    report = plan.unit_report
    assert (report.stated, report.used, report.source) == (
        None,
        unit,
        UnitSource.EVIDENCE,
    )
    assert report.stated_code == 0
    assert any("does not state its units" in w for w in plan.warnings)
    assert [round(d.width_m, 3) for d in plan.doors] == [0.9] * 6


@pytest.mark.parametrize("unit", CANDIDATES, ids=lambda u: u.name)
def test_a_right_header_is_honoured_without_a_warning(tmp_path, unit):
    path = tmp_path / "stated.dxf"
    floor_in(unit, insunits=unit.code).saveas(path)
    plan = read_dxf(path)
    assert plan.units is unit
    assert plan.unit_report.source is UnitSource.HEADER
    assert not any("unit" in w.lower() for w in plan.warnings)


def test_a_wrong_header_is_overruled_loudly(tmp_path):
    path = tmp_path / "wrong.dxf"
    floor_in(M, insunits=MM.code).saveas(path)
    plan = read_dxf(path)
    assert plan.units is M
    assert plan.unit_report.is_overruled
    assert plan.warnings[0] == (
        "The drawing says millimetres but its doors are 0.9 units wide: read as "
        "metres. Check a known dimension; change the units if this is wrong."
    )
    assert len(plan.doors) == 6
    # The user can still insist on the header.
    forced = read_dxf(path, ImportOptions(unit=MM))
    assert forced.units is MM
    assert forced.unit_report.source is UnitSource.USER


def test_calibrated_scale_through_import_options(tmp_path):
    path = tmp_path / "wrong.dxf"
    floor_in(M, insunits=MM.code).saveas(path)
    plan = read_dxf(path, ImportOptions(unit=MM))
    door = plan.doors[0]
    scale = calibrated_scale(door.hinge, door.latch, 0.9, plan.scale_to_m)
    fixed = read_dxf(path, ImportOptions(scale_to_m=scale))
    assert fixed.scale_to_m == pytest.approx(1.0)
    assert fixed.doors[0].width_m == pytest.approx(0.9)


def test_bogus_insunits_code_is_reported(tmp_path):
    doc = floor_in(CM, insunits=0)
    doc.header["$INSUNITS"] = 999
    doc.saveas(tmp_path / "bogus.dxf")
    plan = read_dxf(tmp_path / "bogus.dxf")
    assert plan.units is CM
    assert plan.unit_report.stated is None
    assert plan.unit_report.stated_code == 999
    assert "$INSUNITS 999 is not a unit code" in plan.unit_report.reasons
    assert plan.warnings[0].startswith("The drawing names no known unit")


def test_sample_school_keeps_its_inches():
    plan = read_dxf(sample_plan_path())
    report = plan.unit_report
    assert (plan.units, report.stated, report.source) == (INCH, INCH, UnitSource.HEADER)
    assert report.confidence > 0.9
    assert not any("unit" in w.lower() for w in plan.warnings)


def test_escaldes_school_says_millimetres_but_is_metres():
    plan = read_dxf(corpus_file("school_escaldes_junior_high_allfloors.dxf"))
    report = plan.unit_report
    assert (report.stated, report.used, report.source) == (MM, M, UnitSource.EVIDENCE)
    assert report.confidence > 0.9
    assert plan.warnings[0] == (
        "The drawing says millimetres but its doors are 0.9 units wide: read as "
        "metres. Check a known dimension; change the units if this is wrong."
    )
    # All floors side by side: hundreds of metres, not half a metre.
    assert 400 < plan.extents.width < 800


def test_doors_that_disagree_with_a_kept_header_are_said_once(tmp_path):
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = MM.code
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (40, 0), (40, 20), (0, 20)], close=True)
    door = doc.blocks.new("DOOR")
    door.add_line((0, 0), (0, 0.9))
    door.add_arc((0, 0), 0.9, 0, 90)
    for i in range(4):
        msp.add_blockref("DOOR", (2 + 3 * i, 0), dxfattribs={"layer": "DOORS"})
    doc.saveas(tmp_path / "four.dxf")
    plan = read_dxf(tmp_path / "four.dxf")
    assert plan.units is MM  # four doors do not overrule the header
    about_doors = [w for w in plan.warnings if "door" in w]
    assert about_doors == [
        "The drawing says millimetres, but its doors are 0.9 units wide, which "
        "suggests metres; it was read in millimetres. Check a known dimension; "
        "change the units if this is wrong."
    ]


def test_doors_that_disagree_with_the_users_unit_are_said(tmp_path):
    path = tmp_path / "wrong.dxf"
    floor_in(M, insunits=MM.code).saveas(path)
    forced = read_dxf(path, ImportOptions(unit=MM))
    [warning] = [w for w in forced.warnings if "door" in w]
    assert warning.startswith("The doors are 0.0009 m wide (median)")
