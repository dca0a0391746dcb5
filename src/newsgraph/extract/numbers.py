"""Numbers as news prose writes them: digits, scale words and numbers spelt out.

``parse_number`` reads one written figure ("1,250", "4.2", "three", "twenty-five",
"two-thirds", "a dozen") and ``SCALES`` multiply it ("million", "bn"). Anything that is not a
sensible number (hundreds of digits, "1,2,3") is None, never an exception.
"""

from __future__ import annotations

import math
import re

# Largest figure taken at face value: beyond this a "number" is an id or garbage.
MAX_VALUE = 1e15

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Words that stand for a number on their own; the flag says whether the figure is vague.
NUMBER_WORDS: dict[str, tuple[float, bool]] = {
    "a dozen": (12, False), "dozen": (12, False), "dozens": (12, True),
    "hundreds": (100, True), "thousands": (1000, True), "millions": (1e6, True),
    "tens of thousands": (10000, True), "hundreds of thousands": (100000, True),
    "tens of millions": (1e7, True), "hundreds of millions": (1e8, True),
    "billions": (1e9, True), "tens of billions": (1e10, True),
    "a hundred": (100, False), "one hundred": (100, False), "a thousand": (1000, False),
    "a million": (1e6, False), "a billion": (1e9, False), "half a million": (5e5, False),
}
# Fractions of a whole, read as percentages (annotation.md: "two-thirds" → 66.7 %).
FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 33.3, "one third": 33.3,
    "one-third": 33.3, "two thirds": 66.7, "two-thirds": 66.7, "a quarter": 25.0,
    "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two-fifths": 40.0,
    "a tenth": 10.0, "one-tenth": 10.0,
}
SCALES = {
    "hundred thousand": 1e5, "hundred million": 1e8, "hundred billion": 1e11, "hundred": 1e2,
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
    "trn": 1e12, "mil": 1e6,
}
# Scale abbreviations that only mean a multiplier next to a currency ("£2m", not "15 m").
MONEY_ONLY_SCALES = frozenset({"m", "k", "b", "mil"})

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def _finite(value: float) -> float | None:
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        return None
    return value


def parse_digits(text: str) -> float | None:
    """ "1,250" → 1250, "4.2" → 4.2; thousands separators must group by three."""
    if not DIGITS.match(text):
        return None
    if len(text.replace(",", "").split(".")[0]) > 15:
        return None
    try:
        return _finite(float(text.replace(",", "")))
    except ValueError:
        return None


def parse_word(text: str) -> float | None:
    """ "three" → 3, "twenty-five" → 25, "Nineteen" → 19; None if not a number word."""
    t = text.lower().replace("\u2011", "-")
    if t in UNITS:
        return float(UNITS[t])
    if t in TENS:
        return float(TENS[t])
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and UNITS[parts[1]] < 10:
        return float(TENS[parts[0]] + UNITS[parts[1]])
    return None


def parse_number(text: str) -> float | None:
    """A figure in digits or words, without scale; None when it is not one."""
    t = text.strip()
    return parse_digits(t) if t[:1].isdigit() else parse_word(t)


def scaled(value: float | None, scale: str | None) -> float | None:
    """Apply a scale word ("million", "bn"); None stays None."""
    if value is None:
        return None
    if not scale:
        return value
    factor = SCALES.get(scale.lower().rstrip("."))
    return _finite(round(value * factor, 6)) if factor else value


# A number in words that goes on after a scale word: "twenty-eight thousand six hundred
# forty-two", "three hundred and ten".
_TENS_RE = "|".join(TENS)
_DIGIT_WORDS_RE = "|".join(u for u in UNITS if 0 < UNITS[u] < 10)
_WORD = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_DIGIT_WORDS_RE}))?|{'|'.join(UNITS)})"
_WORDS_AFTER = re.compile(
    r"[ ](?:and[ ])?(" + _WORD + r")(?:[ ](hundred thousand|hundred million|hundred|thousand|"
    r"million|billion))?(?![\w-])",
    re.IGNORECASE,
)
_WORD_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                "hundred thousand": 1e5, "hundred million": 1e8}


def words_after_scale(text: str, end: int, factor: float) -> tuple[float, int]:
    """The rest of a number in words after a scale word of ``factor`` at ``end``: (amount to
    add, new end). Each further part must be smaller than the scale before it ("six hundred"
    after "thousand", "forty-two" after "hundred"); (0, end) when none follows."""
    added = 0.0
    while True:
        m = _WORDS_AFTER.match(text, end)
        if m is None:
            return added, end
        part = parse_word(m.group(1))
        if part is None or part == 0:
            return added, end
        scale = _WORD_SCALES.get((m.group(2) or "").lower(), 1.0)
        if part * scale >= factor or scale >= factor:
            return added, end
        added += part * scale
        end, factor = m.end(), scale
        if scale == 1.0:
            return added, end
