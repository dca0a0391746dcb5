"""Unit codes and their SI normalisation through pint."""

from __future__ import annotations

import pytest

from newsgraph.extract.units import CURRENCY_WORDS, UNIT_WORDS, normalize


@pytest.mark.parametrize(
    ("word", "code"),
    [("km²", "km2"), ("square kilometres", "km2"), ("sq mi", "mi2"), ("hectares", "ha"),
     ("kilometres", "km"), ("miles", "mi"), ("tonnes", "t"), ("barrels", "bbl"),
     ("cubic metres", "m3"), ("mw", "MW"), ("gw", "GW"), ("mwh", "MWh"), ("per cent", "%"),
     ("percentage points", "pp"), ("hours", "h")],
)
def test_unit_words(word, code):
    assert UNIT_WORDS[word] == code


def test_currency_words():
    assert CURRENCY_WORDS["euros"] == "EUR" and CURRENCY_WORDS["pounds"] == "GBP"


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(1250, "km2", (1.25e9, "m2")), (1, "ha", (1e4, "m2")), (310, "km", (310_000, "m")),
     (90, "t", (90_000, "kg")), (1000, "MW", (1e9, "W")), (1, "MWh", (3.6e9, "J")),
     (6, "h", (21_600, "s")), (2, "m3", (2, "m3"))],
)
def test_normalize_to_si(value, unit, expected):
    got = normalize(value, unit)
    assert got[1] == expected[1]
    assert got[0] == pytest.approx(expected[0])


def test_barrels_and_square_miles():
    assert normalize(1, "bbl")[0] == pytest.approx(0.158987, rel=1e-5)
    assert normalize(1, "mi2")[0] == pytest.approx(2_589_988, rel=1e-6)


def test_money_keeps_its_currency():
    assert normalize(45e9, "EUR") == (45e9, "EUR")


@pytest.mark.parametrize("unit", ["%", "pp", "people", "vessel", None])
def test_no_normalisation_for_shares_and_counts(unit):
    assert normalize(12, unit) is None


@pytest.mark.parametrize(
    ("word", "code"),
    [("hz", "Hz"), ("ghz", "GHz"), ("gb", "GB"), ("mah", "mAh"), ("ppb", "ppb"),
     ("parts per million", "ppm"), ("mg", "mg"), ("millimeter", "mm"), ("square feet", "ft2"),
     ("mpg", "mpg"), ("km/hr", "km/h"), ("degrees", "deg"), ("calories", "kcal")],
)
def test_more_unit_words(word, code):
    assert UNIT_WORDS[word] == code


def test_currency_codes_and_pence():
    from newsgraph.extract.units import CURRENCIES, GLUED_CURRENCIES

    assert CURRENCY_WORDS["danish crowns"] == "DKK" and CURRENCY_WORDS["pence"] == "GBX"
    assert GLUED_CURRENCIES["Y="] == "JPY" and GLUED_CURRENCIES["PS"] == "GBP"
    assert GLUED_CURRENCIES["$A"] == "AUD" and "GBX" in CURRENCIES


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(2, "GHz", (2e9, "Hz")), (500, "mg", (5e-4, "kg")), (250, "ml", (2.5e-4, "m3")),
     (7, "nm", (7e-9, "m")), (10, "ft2", (0.9290304, "m2"))],
)
def test_more_normalisation(value, unit, expected):
    got = normalize(value, unit)
    assert got[1] == expected[1] and got[0] == pytest.approx(expected[0])


def test_temperatures_are_shifted_not_scaled():
    assert normalize(20, "degC") == (293.15, "K")
    assert normalize(32, "degF")[0] == pytest.approx(273.15)


def test_every_unit_converts_as_pint_converts_it():
    """The factor kept per unit gives pint's own conversion of each figure."""
    import pint

    from newsgraph.extract.units import _PINT

    ureg = pint.UnitRegistry()
    for unit, (source, target, _) in _PINT.items():
        for value in (1, 3.7, 1250):
            expected = ureg.Quantity(value, source).to(target).magnitude
            assert normalize(value, unit)[0] == float(f"{expected:.10g}"), unit
