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
