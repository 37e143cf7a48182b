import pytest

from designreview.model.units import LengthUnit, format_length


@pytest.mark.parametrize(
    ("code", "unit", "metres"),
    [
        (1, LengthUnit.INCH, 0.0254),
        (2, LengthUnit.FOOT, 0.3048),
        (4, LengthUnit.MILLIMETRE, 0.001),
        (5, LengthUnit.CENTIMETRE, 0.01),
        (6, LengthUnit.METRE, 1.0),
    ],
)
def test_insunits_codes_map_to_units(code, unit, metres):
    assert LengthUnit.from_insunits(code) is unit
    assert unit.metres == pytest.approx(metres)


def test_unknown_insunits_code_is_none():
    assert LengthUnit.from_insunits(99) is None
    assert LengthUnit.from_insunits(None) is None


@pytest.mark.parametrize(
    ("metres", "imperial", "text"),
    [
        (0.9144, True, "3'-0\""),
        (3.2004, True, "10'-6\""),
        (0.0127, True, "0'-1\""),
        (12.345, False, "12.35 m"),
        (-1.5, False, "-1.50 m"),
    ],
)
def test_format_length(metres, imperial, text):
    assert format_length(metres, imperial) == text


def test_inches_rounding_carries_into_feet():
    # 11.6 inches rounds to 12 inches, which must read as one foot, not 0'-12".
    assert format_length(11.6 * 0.0254, imperial=True) == "1'-0\""
