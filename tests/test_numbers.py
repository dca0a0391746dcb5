"""Numbers in digits and words, and scale words; nonsense is None, never an exception."""

from __future__ import annotations

import pytest

from newsgraph.extract.numbers import (
    parse_digits,
    parse_number,
    parse_word,
    scaled,
    words_after_scale,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,250", 1250), ("4.2", 4.2), ("0.98", 0.98), ("310,000", 310000), ("12", 12)],
)
def test_digits(text, value):
    assert parse_digits(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,2,3,4,5", "12,34", "1,0000", "", "9" * 400, "$$$", "1.2.3"])
def test_nonsense_digits_are_none(text):
    assert parse_digits(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("three", 3), ("Nineteen", 19), ("forty", 40), ("twenty-five", 25), ("ninety nine", 99)],
)
def test_words(text, value):
    assert parse_word(text) == value


@pytest.mark.parametrize("text", ["thirty-ten", "many", "", "one-two"])
def test_non_numbers_are_none(text):
    assert parse_word(text) is None


def test_parse_number_reads_either():
    assert parse_number("2,000") == 2000
    assert parse_number("seven") == 7


def test_scales():
    assert scaled(4.2, "bn") == pytest.approx(4.2e9)
    assert scaled(3, "million") == 3e6
    assert scaled(2, None) == 2
    assert scaled(None, "million") is None
    assert scaled(9e14, "trillion") is None  # beyond any sensible figure


def test_more_scales_and_vague_plurals():
    from newsgraph.extract.numbers import MONEY_ONLY_SCALES, NUMBER_WORDS

    assert scaled(1, "mil") == 1e6 and "mil" in MONEY_ONLY_SCALES  # "S$1mil", not "2 mil"
    assert scaled(4, "hundred million") == 4e8
    assert scaled(6, "hundred") == 600
    assert NUMBER_WORDS["tens of millions"] == (1e7, True)
    assert NUMBER_WORDS["billions"] == (1e9, True)


@pytest.mark.parametrize(("text", "end", "factor", "added"), [
    (" six hundred forty-two students", 0, 1e3, 642),
    (" and ten guests", 0, 1e2, 10),
    (" three hundred thousand voters", 0, 1e6, 3e5),
    (" five were returned", 0, 1e2, 5),
    (" two hundred more", 0, 1e2, 0),  # not smaller than the scale before it: no part
    (" people came", 0, 1e3, 0),
])
def test_a_number_in_words_goes_on_after_its_scale(text, end, factor, added):
    assert words_after_scale(text, end, factor)[0] == added
