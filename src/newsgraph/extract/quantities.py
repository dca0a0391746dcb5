"""Figures the text claims: value, unit, how exact, of what, and on whose word.

A figure is found by its number (digits, a scale word, a number spelt out, a fraction), and
read outwards: a currency sign or code before it, a unit, currency word or counted noun after
it, a second number making a range, a qualifier ("about", "more than") before it. A bare
number takes the counted noun of its "of" phrase ("nineteen of the allies") or of the count
just before it ("14 vessels … six were Dutch"). An age is a quantity of its person ("Ridl,
54," → 54 ``years old``, about "Tomas Ridl"). Years, dates, times of day, ordinals, phone
numbers, ids and numbers inside names are not quantities.

``about`` is read from the parse: the counted noun, the "of" phrase ("12.5% of the region"),
the noun the figure modifies ("a six-hour session"), or the subject of the verb that states
it ("output rose 8.5%"). ``claimed_by`` is the speaker of the quote the figure stands in, the
object of "according to", or the subject of a verb of saying or estimating whose clause holds
the figure; otherwise None: the article's own voice, never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsgraph.extract.doc_cache import ents_of, starts_of, text_of
from newsgraph.extract.numbers import (
    FRACTIONS,
    MONEY_ONLY_SCALES,
    NUMBER_WORDS,
    SCALES,
    TENS,
    UNITS,
    parse_number,
    scaled,
    words_after_scale,
)
from newsgraph.extract.quote_marks import find_quoted
from newsgraph.extract.quotes import SpeakerContext, extract_quotes, speaker_from, subject_of
from newsgraph.extract.units import (
    COMPOUND_UNITS,
    CURRENCIES,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    GLUED_CURRENCIES,
    UNIT_WORDS,
    normalize,
)
from newsgraph.model import Entity, Quantity, Quote

# Qualifiers before a figure; most make it inexact.
QUALIFIERS = tuple(sorted((
    "a little more than", "a little less than", "a little under", "a little over",
    "an estimated", "estimated at", "as many as", "as much as", "more than", "less than",
    "fewer than", "at least", "at most", "up to", "close to", "upwards of", "just over",
    "just under", "well over", "well above", "in excess of", "roughly", "around", "about",
    "some", "nearly", "almost", "approximately", "over", "under", "below", "above",
    "estimated", "approx.",
    "at around", "more or less", "within", "just",
), key=len, reverse=True))  # longest first: "at around" before "around"
# Thresholds ("incomes above 80,000 euros") and "just" qualify a figure without blurring it.
APPROX_QUALIFIERS = frozenset(QUALIFIERS) - {"just", "above", "below", "under", "well above"}

# Nouns that count people; the unit of their count is "people".
PEOPLE = frozenset("""
people person persons refugee migrant asylum-seeker child children kid baby adult man men
woman women boy girl worker employee staff staffer resident citizen civilian voter viewer
supporter protester demonstrator farmer engineer leader prisoner detainee hostage soldier
troop officer police policeman firefighter doctor nurse teacher student pupil patient
passenger tourist visitor victim casualty survivor fisherman fishermen sailor crew member
delegate diplomat minister official lawmaker legislator mp senator deputy member inhabitant
settler evacuee miner driver pilot journalist reporter activist volunteer fighter militant
rebel insurgent recruit reservist guard inspector judge lawyer candidate pensioner retiree
household family families applicant participant respondent customer consumer subscriber
shareholder investor dockworker docker strikers striker scientist researcher expert analyst
villager islander guest spectator fan athlete player mourner pilgrim believer worshipper
displaced dead injured wounded killed missing homeless unemployed
""".split())
# Collective nouns whose size is a count of people ("a staff of 1,100").
PEOPLE_GROUPS = frozenset("""
staff workforce population crew army force team membership electorate audience crowd
""".split())
# Heads too generic to be a unit alone: the compound before them stays ("member state").
GENERIC_HEADS = frozenset({"state", "system", "carrier", "station", "plant", "unit"})
# Words between a number and its counted noun ("12,000 more police officers").
COUNT_FILLERS = frozenset({"more", "additional", "extra", "other", "new", "further", "fewer"})
# A number right after one of these names a thing, not an amount ("Article 5").
LABELS = frozenset("""
article section chapter page paragraph clause resolution no no. number flight route room
gate terminal platform level phase stage grade class category version case item rule
highway road bus line lot act annex point amendment law decree bill regulation directive code
id ref reference tel phone fax isbn zip postcode ext pin
""".split())
# Verbs (lemmas) whose subject is credited with the figures of their clause.
CLAIM_VERBS = frozenset("""
say tell add warn insist argue note stress explain claim state estimate report count put
show indicate find calculate forecast expect project reckon believe predict confirm suggest
reveal tally disclose
""".split())
# Nouns naming a source of figures: an entity inside them is the source ("an analysis by
# the institute", "official figures from the government").
SOURCE_NOUNS = frozenset("""
figure data analysis estimate study report survey poll statistic census count tally
calculation research projection forecast number model assessment review audit official
spokesperson spokesman spokeswoman source record
""".split())
# Nouns ending like comparatives that still name a counted thing ("a four-cylinder engine").
COMPOUND_ER_NOUNS = frozenset({"cylinder", "seater", "wheeler", "pounder", "pointer", "footer",
                               "burner", "decker", "master", "carrier", "engined"})
# Words after "N-" that do not name a counted thing ("one-off", "two-way", "three-fold").
NOT_COMPOUND_NOUNS = frozenset({
    "off", "way", "fold", "time", "times", "sided", "thirds", "quarters", "fifths", "point",
    "nil", "all", "up", "down", "hit", "run", "year",
})
LENGTHS = frozenset({"km", "mi", "m", "cm", "mm", "ft", "in", "nmi"})
# Unit abbreviations that may be glued to a number ("40km", "5MW"); not "5G", "1990s", "3pm".
GLUED_UNITS = frozenset({
    "km", "kg", "m", "cm", "mm", "mw", "gw", "kw", "mwh", "gwh", "kwh", "twh", "ha", "km²",
    "km2", "m²", "m³", "mph", "ft", "lb", "lbs", "t", "bbl", "gb", "tb", "mb", "mbps", "hz",
    "khz", "mhz", "ghz", "mah", "kv", "ml", "mg", "min", "hp", "bhp", "sq", "sqm", "ppm", "ppb",
    "mpg", "kcal", "oz", "m2", "pc", "pct", "degf", "degc", "deg",
})
GLUED_ONLY = frozenset({"g", "l", "w"})
# Single letters glued to a number, case as written ("45g", "1.0l", "5W"; "5G" is a name).
GLUED_LETTERS = frozenset({"g", "l", "W", "L"})
# Measures a later bare number may go on counting ("1.4 million tonnes … a million").
ANAPHORIC_UNITS = frozenset({"t", "kg", "bbl", "m3", "km", "mi", "m", "km2", "mi2", "ha", "MW"})
METRE_WORDS = frozenset("""
high long wide deep tall away above below from in into under over of off across up down
""".split())
MONTHS = frozenset("""
january february march april may june july august september october november december jan
feb mar apr jun jul aug sep sept oct nov dec
""".split())
TIME_UNITS = frozenset({"h", "min", "s", "d", "week", "month", "year"})
# Units of measure and money (not counts): a minus sign may stand before them, and a
# four-digit number before them is no year ("1000 hp", "1200 ppm").
MEASURE_CODES = (frozenset(UNIT_WORDS.values()) | CURRENCIES) - {"point"}
YEAR_SAFE_UNITS = frozenset(
    u for u in UNIT_WORDS.values() if len(u) > 1 and u not in TIME_UNITS
) - {"point", "%", "pp", "in", "deg", "nm"}

_WORD_NUMBERS = sorted(
    list(NUMBER_WORDS) + list(FRACTIONS) + [f"{t}-{u}" for t in TENS for u in list(UNITS)[1:10]]
    + list(TENS) + [u for u in UNITS if u not in ("zero",)],
    key=len, reverse=True,
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
# Digits may follow a glued currency code ("USD10m", "RM23.50", "$US113", "$A82") or a minus
# sign after a space ("-5 yards", "minus-130 degrees"); read() decides whether they count.
_GLUED_BEFORE = "".join(
    rf"|(?<=\b{re.escape(code)})" if code[0].isalpha() else rf"|(?<={re.escape(code)})"
    for code in GLUED_CURRENCIES
)
NUMBER = re.compile(
    r"(?=[\d.])(?:(?<![\w.,/:+\-\u2011])|(?<=\s-)|(?<=\A-)|(?<=\s\u2212)|(?<=minus-)|(?<=\s\+)"
    r"|(?<=sub-)|(?<=\bthen-)|(?<=\bnow-)"  # "the then-18-year-old"
    + _GLUED_BEFORE
    + r")(?:" + _DIGITS + r")(?![.,/:]?\d)"
    # the first letters looked at before the words: trying every word at every character
    # was most of this pattern's cost
    r"|(?=[" + "".join(sorted({w[0].lower() for w in _WORD_NUMBERS})) + r"])"
    r"(?<![\w\-\u2011])(?:" + "|".join(re.escape(w) for w in _WORD_NUMBERS) + r")(?![\w])",
    re.IGNORECASE,
)
GLUED_CODE = re.compile(
    "(?:" + "|".join(
        (r"(?<![\w$])" if code[0].isalpha() else "") + re.escape(code)
        for code in sorted(GLUED_CURRENCIES, key=len, reverse=True)
    ) + ")$"
)
# An ISO code after a figure ("110 JPY", "108.79 JPY="), upper case.
CODE_AFTER = re.compile(r"\s?(" + "|".join(sorted(CURRENCY_CODES)) + r")(?![A-Za-z])")
# A score, not an amount: "ended 2-2", "at 2-0 down", "a 9-2 lead" (the second not larger).
SCORE = re.compile(r"[\-\u2013](\d{1,2})(?![\d.,%\w\-\u2013])")
# A number followed by a street name is an address ("575 Wilbraham Road", "22 Ave Foch").
ADDRESS = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|"
    r"Drive|Boulevard|Blvd|Place|Court|Terrace|Crescent|Close)\b"
    r"|\s+(?:Ave|Avenue|Rue|Via|Calle)\s+[A-Z]"
)
# Stock indices and rankings whose name ends in a number ("S&P 500", "FTSE 100", "Stoxx 50").
INDEX_NAME = re.compile(
    r"(?:\bs\s?&\s?p|\bs\s?p|\bstoxx|\bftse|\bcac|\bdax|\bnikkei|\brussell|\bfortune|"
    r"\basx|\bnasdaq|\bnifty|\bsensex|\bkospi|\bmsci|\bifo)\s*$",
    re.IGNORECASE,
)
# Words before a figure that make "X to Y" a change rather than a range.
CHANGE_BEFORE = re.compile(
    r"(?:\bfrom|\bby|\brose|\bfell|\bup|\bdown|\bgained|\blost|\bclimbed|\bdropped|\bjumped|"
    r"\bslipped|\bincreased|\bdecreased|\bsoared|\bplunged|\bslid|\beased|\badded|\bshed)"
    r"(?:\s+\w+)?\s*$"
)
# Words before a figure that qualify it rather than the counted noun ("an estimated 3,000
# refugees", "a combined 435 homes"): not part of ``about``.
NOT_MODIFIERS = frozenset(" ".join(QUALIFIERS).split()) | frozenset("""
estimated combined total whopping staggering mere further additional extra other more
""".split())
# Small patterns of read(), rate() and the range readers.
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
RATE_JOINT = re.compile(r"\s+(?:per|a|an)(?:\s+|[\-\u2011](?=[a-z]))|[\-\u2011]a[\-\u2011]")
# ("a day", "barrel-a-day", "£24 a-year")
POUNDS_LIKE = re.compile(r"[\d,]*\.\d|\d{1,3},\d{3}|[\d.]+(?:m|bn|k)\b")  # "PS6m", not "PS5"
MINUS = re.compile(r"\bminus[\s-]$", re.IGNORECASE)
NOT_PENCE = re.compile(r"\.\w|['’]")  # "5p.m.", "4p's"
ALTERNATIVE = re.compile(  # "eight or nine euros", "7- or 8-inch", "four-, five- and six-cylinder"
    r"(?:[\-\u2011]?\s+or|[\-\u2011],?\s+and|[\-\u2011],)\s+(?=[$€£¥]?\d|[a-z])"
)
SCALED = re.compile(r"\d[\s\u00a0]*[A-Za-z]+$")  # "$10 bn": a figure with a scale word
BETWEEN = re.compile(r"between\s+(?:" + "|".join(QUALIFIERS) + r")?\s*$")
AND_JOINT = re.compile(r"\s+and\s+")
RANGE_JOINT = re.compile(r"\s*[\u2013\u2014-]\s*|\s+to\s+")
# Quantities that flow: "800,000 barrels a day", "90 million tonnes a year" (and shares:
# "growing 5% a year").
FLOW_UNITS = frozenset({"bbl", "t", "m3", "l", "gal", "kg", "MWh", "GWh", "TWh", "kWh",
                        "times"}) | LENGTHS  # and frequencies: "78,000 times a minute"
# "a year earlier", "a day later": a point in time after the figure, not "per year".
NOT_A_RATE = re.compile(r"\s+(?:earlier|ago|before|later|after|prior)\b")
# A currency sign or code before the second number of a range ("$3 billion to $5 billion",
# "between $US160 million and $US171 million").
CURRENCY_PREFIX = re.compile(
    r"\$US|\$A|(?:US|HK|C|A|AU|NZ|S)\s?\$|[€$£¥]|(?:USD|EUR|GBP|AUD|CAD|INR|MYR|JPY|CHF|RM|Rs|PS|Y=)"
    r"(?=\d)"
)
# The second number of a range, right after its joint ("15-22", "2,000–3,000").
RANGE_END = re.compile(
    r"(?:" + _DIGITS + r")(?![.,/:]?\d)"
    r"|(?:" + "|".join(re.escape(w) for w in _WORD_NUMBERS) + r")(?![\w])",
    re.IGNORECASE,
)
# Powers of ten after a figure: "×10−30", "x 10^8", "* 10**6".
SCIENTIFIC = re.compile(r"\s?[×x*]\s?10\s?(?:\^|\*\*)?\s?([\-\u2212\u2013]?\d{1,2})(?![\d.,])")
FOLD = re.compile(
    r"(?<![\w.\-])(\d+(?:\.\d+)?|"
    + "|".join(sorted(list(UNITS)[2:] + list(TENS), key=len, reverse=True))
    + r")[\-\u2011]?fold\b",
    re.IGNORECASE,
)
# Ages: "a 54-year-old", "15 year-old", "30 years old", "18-month-old", "5 years of age".
AGE_AFTER = re.compile(
    r"(?:[\s\-\u2011]+|(?<=[\-\u2011]))(?:(year|month|week|day)s?[\s\-\u2011]+old|"
    r"(year|month)s?\s+of\s+age)\b",
    re.IGNORECASE,
)
AGE_UNITS = {"year": "years old", "month": "months old", "week": "weeks old", "day": "days old"}
AGE_CODES = frozenset(AGE_UNITS.values())
# Nouns of kin and of a person's standing whose apposition may give an age ("her son, 19,").
KIN = frozenset("""
son daughter father mother brother sister uncle aunt nephew niece husband wife grandson
granddaughter grandfather grandmother cousin boss neighbour neighbor friend partner
""".split())
# Pence after a figure, spaced ("68 p"); not "p.m." or "p. 5".
PENCE = re.compile(r" p(?=[,;:)]|\.?\s*$|\.\s|\s+(?:at|to|from|on|and|or|a|per)\b)")
FEET_INCHES = re.compile(r"(?<![\w.])(\d)['’](\d{1,2})(?:\"|”|'')")
# "about an hour", "almost half a metre": an article standing for one.
ARTICLE_UNIT = re.compile(
    r"(?<![\w-])(half an?|an?)\s+(hour|day|week|month|year|minute|metre|meter|mile|kilometre|"
    r"kilometer|tonne|ton)(?![\w-])",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?=[+(\d])\+?\(?\d{1,4}\)?(?:[ \-.]\(?\d{2,4}\)?){2,}"
                   r"|(?<![\d,])\d{3}[\-.]\d{4}\b")
# "page 2 of 5", "part 3 of 4": counters, not amounts.
COUNTER = re.compile(r"(?:page|part|item|step|slide|photo|image|picture|episode|chapter)\s+\d+\s+"
                     r"of\s+$", re.IGNORECASE)
_SCALE_WORDS = sorted(SCALES, key=len, reverse=True)


def _by_first_letter(words: Iterable[str]) -> dict[str, list[str]]:
    """Words grouped by their first character, longest first in each group: a word after a
    figure is looked up among the few that start as it does, not among all of them."""
    out: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        out.setdefault(word[:1], []).append(word)
    return out


_UNIT_KEYS = _by_first_letter(UNIT_WORDS)
_CURRENCY_KEYS = _by_first_letter(CURRENCY_WORDS)
_SIGN_KEYS = sorted(CURRENCY_SIGNS, key=len, reverse=True)


@dataclass
class _Figure:
    """A figure being read: offsets, value, unit and what the reading found around it."""

    start: int
    end: int
    value: float
    unit: str | None = None
    value_max: float | None = None
    approximate: bool = False
    qualifier: str | None = None
    vague: bool = False
    digits: bool = True
    count_head: Token | None = None  # the counted noun, when the unit is one
    year_like: bool = False
    unit_from_next: bool = False  # takes the unit of the figure after it
    compound: bool = False  # read from a hyphenated modifier ("six-hour", "310-kilometre")
    age_of: Token | None = None  # whose age the figure is ("Ridl, 54," → Ridl)


def _word_after(text: str, i: int, keys: dict[str, list[str]]) -> tuple[str, int] | None:
    """The first of ``keys`` (grouped by first letter, longest first) after position ``i``
    and optional spaces, as a whole word: (key, end)."""
    j = i
    while j < len(text) and text[j] == " ":
        j += 1
    low = text[j : j + 30].lower()
    for key in keys.get(low[:1], ()):
        end = j + len(key)
        if len(key) == 1 and key in GLUED_ONLY and j != i:
            continue  # "45g", "5W", not "5 g" or "42 W Street"
        if low.startswith(key) and not (
            end < len(text) and (text[end].isalnum() or text[end] == "-" and key[-1].isalpha()
                                 and text[end + 1 : end + 2].isalpha()
                                 and not RATE_JOINT.match(text, end))
        ):
            return key, end
    return None


def _scale_after(text: str, i: int, money: bool) -> tuple[float, int] | None:
    """ "million", " bn", "m" (money only) right after a number."""
    for space in ("", " "):
        if space and (i >= len(text) or text[i] != " "):
            continue
        j = i + len(space)
        low = text[j : j + 16].lower()  # "hundred million"
        for key in _SCALE_WORDS:
            if not low.startswith(key):
                continue
            end = j + len(key)
            if end < len(text) and text[end].isalpha():
                continue
            if key in MONEY_ONLY_SCALES and not money:
                continue
            if key in ("k", "m", "b", "mn", "tn", "bn") and space and not money:
                continue
            return SCALES[key], end
    return None


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    """A currency sign ("€", "US$") or code ("EUR ") right before a number."""
    glued = GLUED_CODE.search(text[max(0, start - 4) : start])
    if glued is not None:  # "USD10m", "RM23.50", "$US113", "Y=28,030"
        return GLUED_CURRENCIES[glued.group()], start - len(glued.group())
    spaced = re.search(r"(?<![\w$])(US|HK|C|A|AU|NZ|S) \$$", text[max(0, start - 5) : start])
    if spaced is not None:  # "US $58.24", "HK $3.7 billion"
        return CURRENCY_SIGNS[spaced.group(1).lower() + "$"], start - len(spaced.group())
    head = text[max(0, start - 5) : start]
    low = head.lower()
    for key in _SIGN_KEYS:
        if key.isalpha():
            if low.endswith(key + " ") or low.endswith(key + "\u00a0"):
                s = start - len(key) - 1
                if s == 0 or not text[s - 1].isalpha():
                    return CURRENCY_SIGNS[key], s
        elif low.endswith(key):
            s = start - len(key)
            if key == "$" and s > 0 and text[s - 1].isalpha():
                # "US$", "A$": the letters belong to the sign
                continue
            return CURRENCY_SIGNS[key], s
    return None


def _million_not_metres(text: str, after: int, letter: str) -> bool:
    """ "1.2m tons", "4.3M digital sales" are millions; "40m deep", "a 15m fall" metres."""
    if letter == "M":
        return True
    nxt = re.match(r"\s+([a-z]+)", text[after : after + 20])
    return nxt is not None and nxt.group(1) not in METRE_WORDS


_WORD_CHAR = re.compile(r"\w")


def _qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier ("some", "more than") standing before a figure, and where it starts;
    the longest that ends, as whole words, where the spaces before the figure begin."""
    before = text[max(0, start - 25) : start]
    low = before.lower()
    stripped = low.rstrip()
    if len(stripped) == len(low):
        return None  # a qualifier is always followed by a space
    for q in QUALIFIERS:
        at = len(stripped) - len(q)
        if stripped.endswith(q) and (at == 0 or not _WORD_CHAR.match(stripped, at - 1)):
            return q, start - len(before) + at
    return None


def _fraction_of_whole(text: str, start: int, end: int) -> bool:
    """ "two-thirds of normal levels", "grow by a quarter" — not "a third option" or "the
    first half of 2027"."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 12].lower()
    if re.search(r"(?:the|this|that|each|every|first|second|last|next)\s+$", before):
        return False
    if re.match(r"\s+of\b", after) or re.match(r"\s*[.,;:)]|\s+(?:by|in|on|since|from|to|"
                                                r"and|or|than)\b", after):
        return True
    return bool(re.search(r"(?:by|than|nearly|almost|about|around|roughly|some|over|just)\s+$",
                          before))


def _read_word_number(match: str) -> tuple[float, bool, bool] | None:
    """(value, is a fraction → %, vague) of a number in words."""
    low = match.lower()
    if low in FRACTIONS:
        return FRACTIONS[low], True, False
    if low in NUMBER_WORDS:
        value, vague = NUMBER_WORDS[low]
        return value, False, vague
    value = parse_number(low)
    return (value, False, False) if value is not None else None


class _Reader:
    """Reads figures out of one document."""

    def __init__(self, doc: Doc, entities: tuple[Entity, ...] = ()) -> None:
        self.doc = doc
        self.text = text_of(doc)
        # characters inside a mention of a person, whose apposition may be an age
        self.person_chars = {
            i for e in entities if e.type == "PERSON" for m in e.mentions
            for i in range(m.start, m.end)
        }
        self.starts = starts_of(doc)  # token start offsets, for bisecting
        self.ents = {}
        for ent in ents_of(doc):
            for t in ent:
                self.ents[t.i] = ent.label_
        self.excluded = [False] * (len(self.text) + 1)
        for m in PHONE.finditer(self.text):
            digits = sum(ch.isdigit() for ch in m.group())
            if digits >= 7 and not re.search(r"\d,\d{3}", m.group()):
                for i in range(m.start(), m.end()):
                    self.excluded[i] = True

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tokens_from(self, char: int) -> Token | None:
        """The first token starting at or after ``char``."""
        doc = self.doc
        i = bisect_left(self.starts, char)
        while i < len(doc) and doc[i].is_space:
            i += 1
        return doc[i] if i < len(doc) else None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens starting inside [start, end)."""
        return list(self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)])

    # --- reading one figure ---------------------------------------------------------------

    def read(self, m: re.Match) -> _Figure | None:
        text = self.text
        raw = m.group()
        start, end = m.start(), m.end()
        if self.excluded[start]:
            return None
        digits = raw[0].isdigit() or raw[0] == "."
        fraction = vague = False
        if digits:
            value = parse_number(raw if raw[0] != "." else "0" + raw)
        else:
            read = _read_word_number(raw)
            if read is None:
                return None
            value, fraction, vague = read
        if value is None:
            return None
        currency = _currency_before(text, start)
        if digits and start and text[start - 1].isalpha() and currency is None:
            return None  # digits glued to letters that are no currency code
        fig = _Figure(start, end, value, digits=digits, vague=vague)
        if currency is not None:
            fig.unit, fig.start = currency
            if text[fig.start : start] == "PS" and not POUNDS_LIKE.match(text, start):
                return None  # "PS5", "PS4": a name; "PS6m", "PS21,700" are pounds
        negative = digits and start > 0 and text[start - 1] in "-\u2212" and (
            text[max(0, start - 4) : start] != "sub-")
        plus = digits and start > 0 and text[start - 1] == "+"
        minus = MINUS.search(text[max(0, start - 7) : start])
        if fraction:
            if not _fraction_of_whole(text, start, end):
                return None
            fig.unit = "%"
        sci = SCIENTIFIC.match(text, end) if digits else None
        if sci is not None:  # "1.99×10−30 kilograms", "2.998 x 10^8"
            exponent = int(sci.group(1).replace("\u2212", "-").replace("\u2013", "-"))
            value = value * 10.0 ** exponent
            if not 1e-30 <= abs(value) <= 1e30:
                return None
            end = sci.end()
            fig.value, fig.end = value, end
        # glued letters: "4.2bn", "12.5%", "3pm", "1990s", "5th"
        if digits and end < len(text) and text[end].isalpha():
            glued = re.match(r"[A-Za-z²³]+", text[end:])
            assert glued is not None
            word = glued.group()
            if word in ("m", "M") and fig.unit not in CURRENCIES and _million_not_metres(
                text, end + 1, word
            ):
                word = "million"  # "1.2m tons", "4.3M sales"; "40m deep" stays metres
                fig.value = scaled(fig.value, word) or 0
                end += 1
            elif word.lower() in SCALES and (fig.unit in CURRENCIES or word.lower() not in
                                             MONEY_ONLY_SCALES):
                fig.value = scaled(fig.value, word) or 0
                end += len(word)
            elif word.lower() in GLUED_UNITS or word in GLUED_LETTERS:
                pass  # read as the unit just below
            elif word == "p" and fig.unit is None and not NOT_PENCE.match(text, end + 1):
                fig.unit = "GBX"  # "164p": pence, as London share prices are quoted
                end += 1
            else:
                return None
        if fig.unit != "%":
            found = _scale_after(text, end, money=fig.unit in CURRENCIES)
            if found is not None and not (vague and not digits):
                factor, end = found
                fig.value = fig.value * factor
                fig.vague = False
                if not digits:  # "twenty-eight thousand six hundred forty-two"
                    added, end = words_after_scale(text, end, factor)
                    fig.value += added
        fig.end = end
        if digits and fig.unit is None and SCORE.match(text, end) and (
            float(SCORE.match(text, end).group(1)) <= fig.value < 100
        ):
            return None  # a score ("2-2", "9-2"), not an amount
        self._range(fig)
        self._unit_after(fig)
        self._range_with_units(fig)
        self.rate(fig)
        if plus and (fig.unit is None or fig.unit not in MEASURE_CODES):
            return None  # "+0.3%" is a change; "+44" no figure here
        if (negative or minus) and fig.unit not in AGE_CODES:  # "the then-18-year-old"
            # "-5 yards", "-1.3%", "minus 387 Fahrenheit": a minus sign counts before a unit
            if negative and not minus and (fig.unit is None or fig.count_head is not None or (
                fig.compound or fig.unit not in MEASURE_CODES
            )):
                return None
            fig.value = -fig.value
            fig.start = min(fig.start, start - (minus.end() - minus.start() if minus else 1))
        if fig.value is None or fig.value != fig.value or abs(fig.value) > 1e15:
            return None
        fig.year_like = (
            digits and re.fullmatch(r"\d{4}", raw) is not None and 1000 <= fig.value <= 2199
        )
        return fig

    def _range(self, fig: _Figure) -> None:
        """ "2,000–3,000", "8 to 10 percent", "between four and seven euros"."""
        text = self.text
        rest = text[fig.end : fig.end + 40]
        before = text[max(0, fig.start - 9) : fig.start].lower()
        joint = re.match(r"\s*(?:[\u2013\u2014-]|to)\s*", rest) if "between" not in before else (
            re.match(r"\s+and\s+|\s*[\u2013\u2014-]\s*", rest)
        )
        change = re.search(r"(?:from|by)\s+$", before)
        alternative = ALTERNATIVE.match(rest)
        if alternative is not None and fig.unit is None and RANGE_END.match(
            text, fig.end + alternative.end() + (text[fig.end + alternative.end()] in "$€£¥")
        ):
            fig.unit_from_next = True  # "eight or nine euros", "7- or 8-inch": the unit after
            return
        if joint is not None and change and "to" in joint.group() and (
            "from" in change.group() or fig.unit is not None
        ):
            # "from 9 million to 14 million tonnes", "by $43.6 billion to $419.2 billion": a
            # change and where it ends, not a range ("by 8 to 10 percent" is one)
            fig.unit_from_next = True
            self._scale_of_next(fig, fig.end + joint.end())
            return
        if joint is None or fig.unit == "%" and fig.digits is False:
            return
        if fig.unit is not None and "to" in joint.group() and CHANGE_BEFORE.search(
            text[max(0, fig.start - 30) : fig.start].lower()
        ):
            return  # "fell 4p to 120.5p", "rose $1.20 to $45.60": a change and a level
        if re.fullmatch(r"\d{4}", text[fig.start : fig.end]) and 1000 <= fig.value <= 2199:
            return  # "in 2018 to 3.9 million": a year, then a figure
        pos = fig.end + joint.end()
        prefix = CURRENCY_PREFIX.match(text, pos)
        if prefix is not None:
            sign = _currency_before(text, prefix.end())
            if sign is None or sign[0] != fig.unit:
                return
            pos = prefix.end()
        m = RANGE_END.match(text, pos)
        if m is None or self.excluded[m.start()]:
            return
        second = parse_number(m.group())
        if second is None:
            return
        end = m.end()
        found = _scale_after(text, end, money=fig.unit in CURRENCIES)
        if found is not None:
            second, end = second * found[0], found[1]
            if fig.value < second / 100 and fig.value < 1000:
                fig.value *= found[0]  # "2 to 3 million"
        if second <= fig.value:
            return
        fig.value_max = second
        fig.end = end

    def _scale_of_next(self, fig: _Figure, pos: int) -> None:
        """ "from $10 to $15 billion": the first figure of a change takes the scale of the
        second when it has none and would otherwise be far smaller."""
        text = self.text
        if SCALED.search(text[fig.start : fig.end]) or fig.value >= 1000:
            return
        prefix = CURRENCY_PREFIX.match(text, pos)
        m = RANGE_END.match(text, prefix.end() if prefix is not None else pos)
        second = parse_number(m.group()) if m is not None else None
        found = _scale_after(text, m.end(), money=fig.unit in CURRENCIES) if second else None
        if found is not None and fig.value < second:
            fig.value *= found[0]  # not "from $200 to $4 million"

    def _range_with_units(self, fig: _Figure) -> None:
        """ "5% to 10%", "between 5% and 6%", "15 per cent to 20 per cent": a range whose
        ends both carry the unit. Not a change ("rose 5% to 10%", "from 5% to 10%")."""
        if fig.value_max is not None or fig.unit is None or fig.compound or (
            self.text[fig.start : fig.end].lower() in FRACTIONS
        ):
            return
        text = self.text
        before = text[max(0, fig.start - 30) : fig.start].lower()
        between = BETWEEN.search(before)
        joint = (AND_JOINT if between else RANGE_JOINT).match(text[fig.end : fig.end + 8])
        if joint is None or not between and CHANGE_BEFORE.search(before):
            return
        nxt = RANGE_END.match(text, fig.end + joint.end())
        sign = None
        if nxt is None and fig.unit in CURRENCIES:
            sign = _currency_before(text, fig.end + joint.end() + 1)
            if sign is not None and sign[0] == fig.unit:
                nxt = RANGE_END.match(text, fig.end + joint.end() + 1)
        if nxt is None or not nxt.group()[:1].isdigit() and fig.unit in CURRENCIES:
            return
        second = parse_number(nxt.group())
        if second is None:
            return
        end = nxt.end()
        if sign is None and fig.unit not in CURRENCIES:
            if text[end : end + 1] == "%":
                unit, end = "%", end + 1
            else:
                found = _word_after(text, end, _UNIT_KEYS)
                if found is None:
                    return
                unit, end = UNIT_WORDS[found[0]], found[1]
            if unit != fig.unit:
                return
        elif sign is not None:
            found = _scale_after(text, end, money=True)
            if found is not None:
                second, end = second * found[0], found[1]
        if second <= fig.value:
            return
        fig.value_max, fig.end = second, end

    def _unit_after(self, fig: _Figure) -> None:
        """The unit after the number: a sign, a currency word, a hyphenated compound or a unit
        word. A currency before the number or a fraction has set it already."""
        if fig.unit is not None:
            return
        text, end = self.text, fig.end
        if text[end : end + 1] == "%":
            fig.unit, fig.end = "%", end + 1
            return
        if text[end : end + 1] == "\u2033":  # "25.5″": inches
            fig.unit, fig.end = "in", end + 1
            return
        age = AGE_AFTER.match(text, end)
        if age is not None:  # "a 54-year-old", "30 years old": an age, in the unit it names
            fig.unit, fig.end = AGE_UNITS[(age.group(1) or age.group(2)).lower()], age.end()
            return
        found = _word_after(text, end, _CURRENCY_KEYS)
        if found is not None:
            fig.unit, fig.end = CURRENCY_WORDS[found[0]], found[1]
            return
        code = CODE_AFTER.match(text, end)
        if code is not None:  # "110 JPY"
            fig.unit, fig.end = code.group(1), code.end()
            return
        pence = PENCE.match(text, end)
        if pence is not None and fig.digits:  # "down 68 p at 1112 p"
            fig.unit, fig.end = "GBX", pence.end()
            return
        compound = re.match(r"[\-\u2011]([a-z]+)(?:[\-\u2011]([a-z]+))?", text[end : end + 30])
        if compound is not None:
            self._compound(fig, compound)
            return
        found = _word_after(text, end, _UNIT_KEYS)
        if found is not None:
            fig.unit, fig.end = UNIT_WORDS[found[0]], found[1]

    def rate(self, fig: _Figure) -> None:
        """ "$58.24 per barrel", "$3,500 a month": money per unit is a rate ("USD/bbl");
        "800,000 barrels a day" a flow ("bbl/d"). Not "$6.78 billion a year earlier"."""
        if fig.unit not in CURRENCIES and fig.unit not in FLOW_UNITS and fig.unit != "%":
            return
        m = RATE_JOINT.match(self.text[fig.end : fig.end + 6])
        if m is None:
            return
        found = _word_after(self.text, fig.end + m.end(), _UNIT_KEYS)
        if found is not None and (
            fig.unit in CURRENCIES and UNIT_WORDS[found[0]] not in ("%", "pp", "point")
            or UNIT_WORDS[found[0]] in TIME_UNITS
        ) and not NOT_A_RATE.match(self.text, found[1]):
            fig.unit, fig.end = f"{fig.unit}/{UNIT_WORDS[found[0]]}", found[1]
            return
        if fig.unit not in CURRENCIES:
            return
        noun = re.match(r"(share|head|person|capita|tonne|ton|unit|gram|ounce|gallon|litre|liter)"
                        r"\b", self.text[fig.end + m.end() : fig.end + m.end() + 10])
        if noun is not None and (m.group().strip() == "per" or noun.group(1) in (
            "share", "ounce", "tonne", "ton", "gallon", "litre", "liter"
        )):
            code = UNIT_WORDS.get(noun.group(1) + "s", noun.group(1))
            fig.unit, fig.end = f"{fig.unit}/{code}", fig.end + m.end() + noun.end()

    @staticmethod
    def _compound(fig: _Figure, compound: re.Match) -> None:
        """ "2.4-billion-euro", "six-hour", "310-kilometre", "40,000-strong", "two-page"."""
        end = fig.end
        first, second = compound.group(1), compound.group(2)
        if first in SCALES and second in CURRENCY_WORDS:
            fig.value *= SCALES[first]
            fig.unit, fig.end = CURRENCY_WORDS[second], end + compound.end()
        elif first in COMPOUND_UNITS and second != "old":  # "a 54-year-old" is an age
            fig.unit, fig.end, fig.compound = COMPOUND_UNITS[first], end + len(first) + 1, True
        elif second is None and len(first) > 2 and first not in NOT_COMPOUND_NOUNS and (
            not re.search(r"(?:ed|ing|ly|er|est)$", first) or first in COMPOUND_ER_NOUNS
        ):
            fig.unit, fig.end, fig.compound = first, end + len(first) + 1, True

    # --- counted things ---------------------------------------------------------------------

    def counted_noun(self, fig: _Figure) -> Token | None:
        """The noun a figure counts when it stands right after it ("400 ageing tankers")."""
        t = self.tokens_from(fig.end)
        if t is None or self.text[fig.end : t.idx].strip():
            return None
        steps = 0
        while t is not None and steps < 5:
            if (t.pos_ in ("NOUN", "PROPN") and (t.dep_ == "compound" or t.dep_ == "nmod" and (
                    t.head.i > t.i) or t.dep_ == "conj" and t.head.dep_ in ("compound", "nmod"))
                    or t.text in ("-", "\u2011") and not t.whitespace_) and (
                    t.i + 1 < len(self.doc)):
                t = self.doc[t.i + 1]
            elif t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.text.islower() or _demonym(t):
                return t
            elif t.lower_ in ("and", "or") and steps > 0 and t.i + 1 < len(self.doc) and (
                self.doc[t.i + 1].pos_ in ("ADJ", "PROPN", "NOUN")
            ):
                t = self.doc[t.i + 1]  # "4.3M digital and physical sales"
            elif t.pos_ in ("ADJ", "VERB") and t.dep_ in ("amod", "compound", "nmod") or (
                t.lower_ in COUNT_FILLERS
            ) or t.pos_ == "ADJ" and t.dep_ not in ("acomp",) and t.i + 1 < len(self.doc) and (
                self.doc[t.i + 1].pos_ in ("NOUN", "ADJ") or self.doc[t.i + 1].lower_ in (
                    "and", "or")
            ):
                if t.i + 1 >= len(self.doc):
                    return None
                t = self.doc[t.i + 1]
            else:
                return None
            steps += 1
        return None


def _unhyphenated_compound(reader: _Reader, fig: _Figure, noun: Token) -> Token | None:
    """ "a 12 page document", "a 3 cylinder engine": the singular noun right after the figure
    when it modifies the noun after it and an article leads the phrase; else None."""
    first = reader.tokens_from(fig.end)
    if first is None or first.i >= noun.i or first.tag_ != "NN" or first.dep_ != "compound" or (
        first.idx > fig.end + 1
    ):
        return None
    return first if ARTICLE_BEFORE.search(reader.text[max(0, fig.start - 6) : fig.start]) else None


def _demonym(t: Token) -> bool:
    """ "Americans", "Ukrainians": a plural of nationality counts people."""
    return t.tag_ == "NNPS" and t.ent_type_ == "NORP"


def _unit_of_noun(noun: Token) -> str:
    lemma = noun.lemma_.lower()
    if lemma in PEOPLE or noun.lower_ in PEOPLE or _demonym(noun):
        return "people"
    prev = noun.doc[noun.i - 1] if noun.i > 0 else None
    if lemma in GENERIC_HEADS and prev is not None and prev.dep_ in ("compound", "amod") and (
        prev.pos_ in ("NOUN", "ADJ")
    ):
        return f"{prev.lower_} {lemma}"
    return lemma


def _is_age(text: str, fig: _Figure, reader: _Reader) -> bool:
    """ "Ridl, 54, a former judge", "aged 54", "(54)" after a name: read as an age or dropped,
    never a count."""
    before = text[max(0, fig.start - 6) : fig.start].lower()
    after = text[fig.end : fig.end + 2]
    if re.search(r"(?<![a-z])aged\s+$", before):  # not "averaged 7.3 points"
        return True
    if fig.unit is not None and fig.unit not in TIME_UNITS:
        return False  # "(60 miles)", "rose 5%," carry a unit: no age
    if re.search(r",\s*$", before) and after[:1] in (",", ")", ";") and fig.value < 120:
        t = reader.token_at(fig.start)
        if t is not None and t.i >= 2:
            prev = reader.doc[t.i - 2]
            if reader.ents.get(prev.i) == "PERSON" or prev.pos_ in ("PROPN", "NOUN"):
                return True
    return bool(re.search(r"\(\s*$", before) and after[:1] == ")" and fig.value < 120)


def _person_like(reader: _Reader, t: Token) -> bool:
    """A word naming a person: a name, a people noun ("boy", "farmer") or kin ("her son")."""
    lemma = t.lemma_.lower()
    if t.idx in reader.person_chars or reader.ents.get(t.i) == "PERSON":
        return True
    if t.pos_ == "PROPN":
        return reader.ents.get(t.i) in (None, "NORP")
    return t.pos_ == "NOUN" and (lemma in PEOPLE or lemma in KIN or t.lower_ in PEOPLE)


def _age_of_apposition(reader: _Reader, fig: _Figure) -> Token | None:
    """The person whose age an apposition or "aged" gives: "Ridl, 54,", "Ridl (54)", "a man
    aged 54", "boy, 6,"; None when the word before is no person."""
    t = reader.token_at(fig.start)
    if t is None:
        return None
    prev = reader.doc[t.i - 1] if t.i > 0 else None
    while prev is not None and (prev.lower_ in ("aged", ",", "(") or prev.is_space) and (
        prev.i > 0
    ):
        prev = reader.doc[prev.i - 1]
    return prev if prev is not None and _person_like(reader, prev) else None


def _age_of_modifier(reader: _Reader, fig: _Figure) -> Token | None:
    """The noun "a 54-year-old" modifies ("a 54-year-old barley farmer" → farmer), the subject
    of "is 30 years old", or None ("the 65-year-old said")."""
    t = reader.tokens_from(fig.end)
    if t is not None and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.idx <= fig.end + 1:
        while t.dep_ in ("compound", "amod") and t.head.i > t.i:
            t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "ROOT":  # "the 65-year-old worries"
            return t
    return _subject_of_be(reader, fig)


def _subject_of_be(reader: _Reader, fig: _Figure) -> Token | None:
    """The subject of the "be" the figure follows ("Lena is 30 years old", "his daughter, who
    was 10"): a relative pronoun stands for the noun it hangs on."""
    t = reader.token_at(fig.start)
    verb = t.head if t is not None else None
    while verb is not None and verb.lemma_ != "be" and verb.head.i != verb.i and (
        verb.i >= t.i - 3
    ):
        verb = verb.head
    if verb is None or verb.lemma_ != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject


# A bare number after a form of "be" whose subject is a person, closing its clause ("who was
# 10.", "she will be 35 by May"): an age.
AFTER_AGE = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:by|when|in|at|and|but|until|before|after|on)\b")
BE_BEFORE = re.compile(r"\b(?:is|was|be|turned|turns|turn|'s)\s+$", re.IGNORECASE)
PERSON_PRONOUNS = frozenset({"he", "she", "i", "you", "who"})


def _copula_age(reader: _Reader, fig: _Figure) -> Token | None:
    """A bare number stated as what a person is ("Maria, who was 10,"): the person, else None.
    A bare pronoun ("he will be 35") is kept as the pronoun."""
    if fig.unit is not None or fig.value_max is not None or not 0 < fig.value < 120 or (
        not float(fig.value).is_integer()
    ) or not BE_BEFORE.search(reader.text[max(0, fig.start - 8) : fig.start]) or (
        not AFTER_AGE.match(reader.text, fig.end)
    ):
        return None
    subject = _subject_of_be(reader, fig)
    if subject is None:
        t = reader.token_at(fig.start)
        verb = t.head if t is not None else None  # "turned 40": the verb itself
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if (
            verb is not None and verb.lemma_ == "turn") else None
    if subject is None:
        return None
    if subject.lower_ in PERSON_PRONOUNS or _person_like(reader, subject):
        return subject
    return None


# "over the age of 21", "under the age of 5 years": a threshold of age.
AGE_OF_BEFORE = re.compile(r"\bage\s+of\s+$", re.IGNORECASE)


def _age_of_threshold(reader: _Reader, fig: _Figure) -> Token | None:
    """ "players over the age of 21" → players."""
    t = reader.tokens_from(fig.start - len(AGE_OF_BEFORE.search(
        reader.text[max(0, fig.start - 12) : fig.start]).group()))
    while t is not None and t.lower_ != "age" and t.i > 0:
        t = reader.doc[t.i - 1]
    if t is None or t.head.dep_ != "prep":
        return None
    owner = t.head.head
    if owner.pos_ not in ("NOUN", "PROPN") and t.head.i > 0:
        owner = reader.doc[t.head.i - 1]  # "kept 17 players over the age of 21"
    return owner if owner.pos_ in ("NOUN", "PROPN") else None


def _read_age(reader: _Reader, fig: _Figure) -> bool:
    """Whether the figure is an age; if so its unit is set and ``age_of`` the noun it belongs
    to. An apposition that names no person ("Article 5, 12,") is dropped by ``_is_age``."""
    text = reader.text
    if fig.unit in AGE_CODES:
        fig.age_of = _age_of_modifier(reader, fig)
        return True
    if fig.unit is None or fig.unit in TIME_UNITS:
        unit = AGE_UNITS.get(fig.unit or "year", "days old" if fig.unit == "d" else None)
        if unit is None:
            return False
        before = text[max(0, fig.start - 30) : fig.start]
        qualifier = _qualifier_before(text, fig.start)
        if qualifier is not None:
            before = text[max(0, qualifier[1] - 30) : qualifier[1]]
        if AGE_OF_BEFORE.search(before):
            fig.unit, fig.age_of = unit, _age_of_threshold(reader, fig)
            return True
        if re.search(r"(?<![a-z])aged\s+$", before.lower()):
            fig.unit, fig.age_of = unit, _age_of_apposition(reader, fig)
            return True
        if fig.unit is None and _is_age(text, fig, reader):
            owner = _age_of_apposition(reader, fig)
            if owner is not None and text[fig.end : fig.end + 1] != ")":
                # "Ridl, 54,"; "Ridl (54)" may as well be a shirt number: dropped
                fig.unit, fig.age_of = unit, owner
                return True
            return False
        owner = _copula_age(reader, fig)
        if owner is not None:
            fig.unit, fig.age_of = unit, owner
            return True
    return False


def _in_a_name(reader: _Reader, fig: _Figure) -> bool:
    """ "the Fortune 100", "iPhone 11", "Section 427": digits right after a proper noun inside
    a sentence name a thing (a month name before them makes a date, read elsewhere)."""
    token = reader.token_at(fig.start)
    if token is None or not fig.digits or token.i == 0:
        return False
    prev = reader.doc[token.i - 1]
    if prev.i <= prev.sent.start and not _camel(prev.text) or prev.whitespace_ != " " or not (
        prev.text[:1].isupper() or _camel(prev.text)
    ):
        return False
    if prev.lower_ in CURRENCY_SIGNS or prev.lower_ in MONTHS:
        return False
    return (prev.pos_ == "PROPN" or _camel(prev.text)) and reader.ents.get(prev.i) not in (
        "GPE", "NORP", "PERSON")


def _camel(word: str) -> bool:
    """ "iPhone", "eBay": a lower-case letter, then a capital, inside one word."""
    return bool(re.match(r"[a-z]+[A-Z]", word))


def _has_label_before(text: str, start: int) -> bool:
    m = re.search(r"([A-Za-z.]+)\s+$", text[max(0, start - 20) : start])
    return bool(m and m.group(1).lower() in LABELS)


def _is_measured_duration(text: str, fig: _Figure) -> bool:
    """A duration that measures something ("a six-hour session", "three days of talks", "a
    maturity of 25 years", "for about four minutes"), not a period in which something happens
    ("after five years", "within 12 months", "two weeks ago", "for eight years")."""
    if fig.compound:
        return True  # "a six-hour session"
    after = text[fig.end : fig.end + 12].lower()
    if re.match(r"(?:'|’)|\s+of\s", after):
        return True
    before = text[max(0, fig.start - 30) : fig.start].lower()
    if fig.qualifier is not None:
        q = before.rfind(fig.qualifier)
        before = before[:q] if q >= 0 else before
        if re.search(r"(?:^|\W)for\s+[\"“]?$", before):
            return True  # "for nearly four minutes"; a bare "for eight years" is a period
    if re.search(r"(?:^|\W)(?:lasted|lasting|last|took|takes|take)\s+[\"“]?$", before):
        return True
    return bool(re.search(r"(?:^|\W)(?:of|from|to)\s+$", before))


def extract_quantities(
    doc: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...] | None = None
) -> tuple[Quantity, ...]:
    """Every figure that measures or counts something, with its unit, subject and source.

    ``quotes`` are the article's quotes when already extracted (a figure inside a quote is
    its speaker's claim); without them they are found again.
    """
    reader = _Reader(doc, entities)
    text = text_of(doc)
    figures: list[_Figure] = []
    taken = [False] * (len(text) + 1)
    for m in FEET_INCHES.finditer(text):
        inches = int(m.group(1)) * 12 + int(m.group(2))
        figures.append(_Figure(m.start(), m.end(), float(inches), unit="in"))
        for i in range(m.start(), m.end()):
            taken[i] = True
    folds = FOLD.finditer(text) if "fold" in text or "FOLD" in text else ()
    for m in folds:  # "grew sixfold", "a 3.5-fold rise": a multiple
        value = parse_number(m.group(1))
        if value is None or taken[m.start()]:
            continue
        fig = _Figure(m.start(), m.end(), value, unit="times", digits=m.group(1)[0].isdigit())
        qualifier = _qualifier_before(text, m.start())
        if qualifier is not None:
            fig.qualifier, fig.approximate = qualifier[0], qualifier[0] in APPROX_QUALIFIERS
        figures.append(fig)
        for i in range(m.start(), m.end()):
            taken[i] = True
    for m in ARTICLE_UNIT.finditer(text):
        half = m.group(1).lower().startswith("half")
        qualifier = _qualifier_before(text, m.start())
        if qualifier is None and not half:
            continue
        unit = UNIT_WORDS[m.group(2).lower() + "s"]
        fig = _Figure(m.start(), m.end(), 0.5 if half else 1.0, unit=unit, digits=False)
        if qualifier is not None:
            fig.qualifier, fig.approximate = qualifier[0], qualifier[0] in APPROX_QUALIFIERS
        if fig.unit in TIME_UNITS and not _is_measured_duration(text, fig):
            continue
        figures.append(fig)
        for i in range(m.start(), m.end()):
            taken[i] = True
    for m in NUMBER.finditer(text):
        if taken[m.start()]:
            continue
        fig = reader.read(m)
        if fig is None:
            continue
        for i in range(fig.start, fig.end):
            taken[i] = True
        if _keep(reader, fig):
            figures.append(fig)
    figures.sort(key=lambda f: f.start)
    for fig, nxt in reversed(list(zip(figures, figures[1:], strict=False))):
        if fig.unit_from_next and fig.unit is None and nxt.unit is not None:
            fig.unit, fig.count_head = nxt.unit, nxt.count_head  # from the last of a list back
    _anaphora(reader, figures)
    figures = [f for f in figures if f.unit is not None or f.digits and not f.year_like]
    return _records(reader, figures, entities, quotes)


def _keep(reader: _Reader, fig: _Figure) -> bool:
    """Whether a figure read from the text is a quantity at all."""
    text = reader.text
    first = reader.token_at(fig.start if fig.unit not in CURRENCIES else fig.end - 1)
    label = reader.ents.get(first.i) if first is not None else None
    if _has_label_before(text, fig.start):
        return False
    if _read_age(reader, fig):
        qualifier = _qualifier_before(text, fig.start)
        if qualifier is not None:
            fig.qualifier = qualifier[0]
            fig.approximate = qualifier[0] in APPROX_QUALIFIERS
        return True
    if _is_age(text, fig, reader):
        return False
    if COUNTER.search(text[max(0, fig.start - 30) : fig.start]):
        return False
    if fig.unit is None and fig.digits and (
        INDEX_NAME.search(text[max(0, fig.start - 8) : fig.start])
        or ADDRESS.match(text, fig.end)
    ):
        return False  # "S&P 500", "575 Wilbraham Road"
    if label == "DATE" and fig.digits and not fig.year_like and (
        _bare_number(reader, first) or fig.value > 2199
    ):
        label = None  # "to 13176", "sales of 5835 units", "and 95800 who": no date in them
    if fig.unit is None and _in_a_name(reader, fig):
        return False
    qualifier = _qualifier_before(text, fig.start)
    if qualifier is not None:
        fig.qualifier = qualifier[0]
        fig.approximate = qualifier[0] in APPROX_QUALIFIERS
    if fig.vague:
        fig.approximate = True
    # "a"/"an" + unit only after a qualifier ("about an hour")
    if fig.unit in TIME_UNITS:
        return _is_measured_duration(text, fig)
    if fig.unit is not None:
        return not (fig.year_like and fig.unit not in CURRENCIES and fig.unit not in
                    YEAR_SAFE_UNITS)
    if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|CET|UTC|hrs\b|o'clock)", text[fig.end:]):
        return False
    if fig.year_like and fig.approximate and _plural_noun_after(reader, fig):
        fig.year_like = False  # "more than 1000 customers": a count, not a year
        label = None
    if label in ("DATE", "TIME", "ORDINAL") or fig.year_like:
        return False
    if label in ("PERSON", "ORG", "GPE", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LOC"):
        return False
    noun = reader.counted_noun(fig)
    if noun is not None:
        if noun.lower_ == "times" and noun.idx <= fig.end + 1 and (fig.digits or fig.value != 1):
            fig.unit, fig.end = "times", noun.idx + len(noun.text)  # "6.5 times earnings"
            reader.rate(fig)  # "78,000 times a minute"
            return True
        if noun.lower_ in ("times", "time", "percentage", "point", "points", "s"):
            return False
        if fig.value == 1 and not fig.digits:
            return False  # "one question", "one coalition official": not a count
        if noun.tag_ in ("NN", "NNP") and fig.value != 1 and not (
            noun.lemma_.lower() in PEOPLE or noun.lower_ in PEOPLE_GROUPS
        ):
            first = _unhyphenated_compound(reader, fig, noun)
            if first is None:
                return False  # "the 999 call": a number naming a thing
            noun, fig.compound = first, True  # "a 12 page document", as "a 12-page document"
        fig.count_head = None if fig.compound else noun  # a compound is about its head
        fig.unit = _unit_of_noun(noun)
        fig.end = noun.idx + len(noun.text)
        return True
    return fig.digits or fig.value != 1  # a bare "one" is a pronoun more often than a count


def _plural_noun_after(reader: _Reader, fig: _Figure) -> bool:
    t = reader.tokens_from(fig.end)
    return t is not None and t.idx <= fig.end + 1 and t.tag_ == "NNS" and (
        t.lemma_.lower() not in UNIT_WORDS)


def _bare_number(reader: _Reader, token: Token | None) -> bool:
    """Whether a DATE entity is this number alone (no month, day or year word with it)."""
    if token is None or token.ent_iob_ != "B" or not token.like_num or token.text.isalpha():
        return False
    nxt = token.i + 1
    return nxt >= len(reader.doc) or reader.doc[nxt].ent_iob_ != "I"


def _of_phrase(reader: _Reader, fig: _Figure, *, noun_only: bool = True) -> Token | None:
    """ "Nineteen of the 32 allies", "2,100 of them": the noun of the "of" phrase."""
    m = re.match(r"(?:\s*\([^()]{1,40}\))?\s+of\s+(?:the\s+|them\s*|these\s+|those\s+)?",
                 reader.text[fig.end : fig.end + 60])
    if m is None:
        return None
    of = reader.tokens_from(fig.end + m.end() - 1)
    while of is not None and of.lower_ != "of" and of.i > 0:
        of = reader.doc[of.i - 1]
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    if objects:
        t = objects[0]
        while t.dep_ in ("compound", "amod") and t.head.i > t.i:
            t = t.head
        if t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.text.islower() or _demonym(t):
            return t
        if not noun_only and t.pos_ in ("PROPN", "ADJ") and not t.like_num:
            return t  # "12.5% of Belmora", "3,400 km² of salt flat"
    t = reader.tokens_from(fig.end + m.end())
    steps = 0
    while t is not None and steps < 4:
        if t.like_num or t.pos_ in ("ADJ", "NUM", "DET") or t.dep_ in ("compound", "poss", "case"):
            t = reader.doc[t.i + 1] if t.i + 1 < len(reader.doc) else None
            steps += 1
            continue
        return t if t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.text.islower() else None
    return None


def _anaphora(reader: _Reader, figures: list[_Figure]) -> None:
    """A bare count takes the unit its "of" phrase, collective noun or the count before says."""
    for n, fig in enumerate(figures):
        if fig.unit is not None:
            continue
        noun = _of_phrase(reader, fig)
        if noun is not None:
            fig.unit = _unit_of_noun(noun)
            fig.count_head = noun
            continue
        before = reader.text[max(0, fig.start - 30) : fig.start].lower()
        group = re.search(r"(\w+) of\s+(?:" + "|".join(QUALIFIERS) + r")?\s*$", before)
        if group and group.group(1) in PEOPLE_GROUPS:
            fig.unit = "people"
            continue
        token = reader.token_at(fig.start)
        if token is None:
            continue
        sent = token.sent
        earlier = [
            f for f in figures[:n]
            if (f.count_head is not None or f.unit in ANAPHORIC_UNITS
                or f.unit in ("point", "cent") and f.start >= sent.start_char) and f.unit
            and f.start >= (reader.doc[sent.start - 1].sent.start_char if sent.start > 0
                            else sent.start_char)
        ]
        counts = [f for f in earlier if f.count_head is not None]
        people = [t for t in sent if t.pos_ == "NOUN" and (
            t.lemma_.lower() in PEOPLE or t.lemma_.lower() in PEOPLE_GROUPS) and not (
            t.i > 0 and reader.doc[t.i - 1].lower_ == "per")]  # "a maximum per person": a rate
        same_sentence = [f for f in counts if f.start >= sent.start_char]
        # the count before in the same sentence, a people noun of the sentence, the count
        # (or measure) of the sentence before, in that order
        if same_sentence or not people and (counts or earlier):
            source = (same_sentence or counts or earlier)[-1]
            fig.unit, fig.count_head = source.unit, source.count_head
            continue
        if fig.vague or people and fig.value < 1e8:
            # a bare hundred million or more is rarely a head count ("a net worth of 1.356
            # billion" lost its currency sign)
            fig.unit = "people"
            if people:  # the people noun nearest the figure is what it counts
                fig.count_head = min(people, key=lambda t: abs(t.idx - fig.start))
        elif not fig.digits:
            fig.unit = None
            fig.digits = False


def _records(
    reader: _Reader, figures: list[_Figure], entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...] | None,
) -> tuple[Quantity, ...]:
    text = reader.text
    claims = _Claims(reader.doc, entities, quotes)
    out: list[Quantity] = []
    for fig in figures:
        if fig.unit is None and not fig.digits:
            continue
        start, end = fig.start, fig.end
        qid = f"N{len(out) + 1}"
        value = float(fig.value)
        record = Quantity(
            id=qid, text=text[start:end], start=start, end=end,
            value=int(value) if value.is_integer() else (
                round(value, 6) if abs(value) >= 1e-3 else float(f"{value:.6g}")),
            unit=fig.unit, approximate=fig.approximate, qualifier=fig.qualifier,
            value_max=(int(fig.value_max) if fig.value_max is not None
                       and float(fig.value_max).is_integer() else fig.value_max),
            normalized=normalize(value, fig.unit),
            about=_age_about(reader, fig, claims) if fig.unit in AGE_CODES else _about(
                reader, fig),
            claimed_by=claims.of(start, end),
        )
        if out and re.fullmatch(r"\s*\(\s*", text[out[-1].end : start]) and _same_dimension(
            out[-1], record
        ):
            record = replace(record, same_as=out[-1].id, about=out[-1].about or record.about)
        out.append(record)
    return tuple(out)


def _age_about(reader: _Reader, fig: _Figure, claims: _Claims) -> str | None:
    """Whose age: the entity's name when the person is one ("Maddon, 66," → "Joe Maddon"), a
    pronoun resolved as quotes resolve speakers, else the noun phrase ("a 54-year-old barley
    farmer" → "barley farmer"); None when the text names nobody ("the 65-year-old said")."""
    t = fig.age_of
    if t is None:
        return None
    entity = claims.ctx.entity_at(t)
    if entity is not None:
        return entity[0].name
    if t.pos_ == "PRON":
        found = speaker_from(claims.ctx, t)
        named = {e.id: e.name for e in claims.entities}
        return named.get(found.speaker) if found.speaker is not None else None
    inside = frozenset(x.i for x in reader.tokens_in(fig.start, fig.end))
    return _np_words(t, inside, after=fig.end if t.idx >= fig.end else 0)


def _same_dimension(a: Quantity, b: Quantity) -> bool:
    if a.normalized and b.normalized:
        return a.normalized[1] == b.normalized[1]
    return a.unit == b.unit and a.unit is not None


# --- about ------------------------------------------------------------------------------------


def _numeric(t: Token) -> bool:
    """A number word, but not the first half of "first-team" or "two-seat"."""
    return t.like_num and not (
        not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("-", "\u2011")
    )


def _inner_hyphen(t: Token) -> bool:
    """The hyphen inside "first-team", "coal-fired"."""
    return t.text in ("-", "\u2011") and not t.whitespace_ and t.i > 0 and (
        not t.doc[t.i - 1].whitespace_)


def _np_words(head: Token, skip: frozenset[int] = frozenset(), after: int = 0) -> str:
    """The head noun with its compounds, adjectives, possessor and a short "of" phrase,
    without determiners and without the figure itself (``skip``)."""
    keep = [head]
    before: set[int] = set()  # modifiers standing before the figure ("the top three seeds")
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and not _numeric(child):
            keep.extend(t for t in child.subtree if not _numeric(t) and t.dep_ != "det")
            if child.dep_ in ("amod", "compound") and child.right_edge.idx < after and (
                child.pos_ in ("ADJ", "NOUN") and child.lower_ not in NOT_MODIFIERS
            ):
                before.update(t.i for t in child.subtree)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and len(list(pobj[0].subtree)) <= 4 and not (
                {t.i for t in pobj[0].subtree} & skip
            ) and not any(t.like_num or t.text in "€$£¥₽" for t in pobj[0].subtree):
                keep.append(child)
                keep.extend(t for t in pobj[0].subtree if t.dep_ != "det")
    keep = sorted((t for t in set(keep) if t.i not in skip and (t.idx >= after or t.i in before)),
                  key=lambda t: t.i)
    words = [t for t in keep if (t.pos_ not in ("PUNCT", "DET") or _inner_hyphen(t))
             and not _numeric(t) and t.text not in "€$£¥₽%"]
    if not words:
        return head.text
    words = words[-6:]
    doc = head.doc
    if words[-1].i - words[0].i + 1 == len(words):
        return doc[words[0].i : words[-1].i + 1].text
    return " ".join(t.text for t in words)


def _about(reader: _Reader, fig: _Figure) -> str | None:
    doc = reader.doc
    if fig.unit in LENGTHS:
        distance = re.match(
            r"\s+(?:(?:away|out|back|further|farther)\s+)?((?:from|off|short of|"
            r"(?:west|east|north|south|upstream|downstream|inland|offshore) of)\s+)",
            reader.text[fig.end : fig.end + 40],
        )
        if distance is not None:
            t = reader.tokens_from(fig.end + distance.end())
            while t is not None and t.dep_ in ("compound", "amod", "det", "poss", "case") and (
                t.head.i > t.i
            ):
                t = t.head
            if t is not None and t.pos_ in ("NOUN", "PROPN"):
                return f"distance {distance.group(1).strip()} {_np_words(t)}"
    if fig.count_head is not None:
        # words of the figure's own noun phrase, not the qualifier before it
        after = fig.start if fig.count_head.idx >= fig.start else 0
        return _np_words(fig.count_head, after=after)
    if fig.unit == "people" and fig.vague:
        return "people"  # "Thousands have left"
    of = _of_phrase(reader, fig, noun_only=False)
    if of is not None:
        return _np_words(of)
    last = reader.token_at(max(fig.end - 1, fig.start))
    if last is None:
        return None
    # "€6 million in EU emergency aid", "€500 million for inland waterway projects"
    m = re.match(r"\s+(?:in|for)\s+", reader.text[fig.end : fig.end + 6])
    if m and fig.unit in CURRENCIES:
        t = reader.tokens_from(fig.end + m.end())
        while t is not None and t.pos_ in ("ADJ", "PROPN", "DET") and t.dep_ != "pobj":
            t = doc[t.i + 1] if t.i + 1 < len(doc) else None
        while t is not None and t.dep_ in ("compound", "amod") and t.head.i > t.i:
            t = t.head
        if t is not None and (t.pos_ in ("NOUN", "PROPN") or t.tag_ == "VBG"):
            return _np_words(t)
    # climb from the figure's tokens to the word it hangs on
    tokens = reader.tokens_in(fig.start, fig.end)
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if not heads:
        return None
    top = heads[-1]
    head = top.head
    if top.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod", "npadvmod") and (
        head.pos_ in ("NOUN", "ADJ") and head.i > top.i
    ):
        while head.dep_ in ("compound", "amod") and head.head.i > head.i:
            head = head.head  # "€2.3bn subsea power link deal" → deal
        if head.pos_ == "NOUN":
            return _np_words(head, frozenset(inside))
    if top.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
        return _np_words(head.head, frozenset(inside))  # "a loan of €900 million"
    if top.dep_ == "pobj" and head.lower_ in ("by", "to", "from") and head.head.pos_ in (
        "VERB", "AUX"
    ):
        verb = head.head
    elif top.dep_ in ("dobj", "attr", "npadvmod", "advmod", "oprd", "nsubj", "appos", "conj",
                      "pobj"):
        verb = head
    else:
        verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in (
        "ROOT",
    ):
        if verb.pos_ == "NOUN" and verb.i < top.i and verb.dep_ in ("nsubj", "dobj", "pobj",
                                                                     "attr"):
            return _np_words(verb, frozenset(inside))
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != top.i]
    if subjects and (subjects[0].pos_ == "NOUN" or subjects[0].pos_ == "PROPN" and (
        subjects[0].i not in reader.ents
    )) and subjects[0].i not in inside and not any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subjects[0].children
    ):
        return _np_words(subjects[0], frozenset(inside))
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in inside]
    if objects and objects[0].pos_ == "NOUN":
        return _np_words(objects[0], frozenset(inside))
    return None


# --- claimed_by -------------------------------------------------------------------------------


class _Claims:
    """Who the text credits with the figures of each clause."""

    def __init__(
        self, doc: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...] | None
    ) -> None:
        self.doc = doc
        self.entities = entities
        if quotes is None:
            quotes = extract_quotes(doc, entities)
        self.quotes = [q for q in quotes if q.kind == "direct"]
        self.ctx = SpeakerContext(doc, entities, find_quoted(text_of(doc)))

    def of(self, start: int, end: int) -> str | None:
        for q in self.quotes:
            if q.start <= start and end <= q.end:
                return q.speaker
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        token = span.root
        sent = token.sent
        if self.ctx.inside_quote[token.idx]:
            return None
        source = next(
            (t for t in sent if t.lower_ == "according" and t.i + 1 < len(self.doc)
             and self.doc[t.i + 1].lower_ == "to"), None,
        )
        if source is not None:
            objects = [c for c in self.doc[source.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return self._named_in(objects[0])
        verb = token
        while verb.head.i != verb.i:
            verb = verb.head
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in CLAIM_VERBS:
                subject = subject_of(verb)
                if subject is not None and subject.dep_ == "nsubj" and not (
                    subject.left_edge.i <= token.i <= subject.right_edge.i
                ):
                    found = self._named_in(subject)
                    if found is not None:
                        return found
        return None

    def _named_in(self, head: Token) -> str | None:
        """An entity the phrase names ("an analysis by the institute" → the institute)."""
        found = speaker_from(self.ctx, head)
        if found.speaker is not None:
            return found.speaker
        if head.lemma_.lower() not in SOURCE_NOUNS:
            return None
        for t in head.subtree:
            owned = self.ctx.entity_at(t)
            if owned is not None and owned[0].type in ("ORG", "GPE", "PERSON", "NORP"):
                return owned[0].id
        for t in head.subtree:
            if t.pos_ == "NOUN" and t.i != head.i:
                found = speaker_from(self.ctx, t)
                if found.speaker is not None:
                    return found.speaker
        return None
