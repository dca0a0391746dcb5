"""Time expressions, resolved against the publication date.

Candidates are found by patterns over the text, one per TIMEX3 form news uses: calendar
dates in their common spellings, months, years, decades, quarters, halves, seasons, weekday
names with and without "last/this/next/coming", yesterday/today/tomorrow, parts of day,
"last week", "earlier this month", "two weeks ago", times of day, durations ("five hours",
"a six-hour session") and the references "now", "recently", "soon". Each pattern matches the
TIMEX3 extent only: qualifiers ("about", "more than", "within", "on") stay outside it.
Overlapping candidates keep the longest.

A relative expression is resolved against ``published`` in the direction the grammar says:
the tense of the verb that governs it ("will", "is scheduled to", "would", a to-infinitive
or a present progressive point forward, a past tense back; see ``_direction``). Without a
publication date a relative expression keeps ``value: None, resolved: False``; absolute dates
still resolve and references keep their value. Fuzzy expressions ("the coming days") and
anaphoric ones that cannot be pinned ("a year earlier") get ``value: None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from newsgraph.extract import time_resolve as tr
from newsgraph.extract.doc_cache import text_of
from newsgraph.model import Time

MONTH_FULL = ("January|February|March|April|May|June|July|August|September|October|November"
              "|December")
MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
MONTH = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "a dozen": 12, "half a": 0.5, "a half": 0.5,
}
VAGUE_NUMBERS = frozenset({"a few", "few", "several", "many", "some"})
NUM = (rf"(?:(?:{TENS})-(?:one|two|three|four|five|six|seven|eight|nine)"
       r"|a couple of|a dozen|a few|half an?|a hundred|several|"
       + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
       + r"|\d{1,4}(?:\.\d)?)")
NUM_I = f"(?i:{NUM})"
UNIT = r"(?i:second|minute|hour|day|week|fortnight|month|year|decade|century|centuries)"
ZONES = r"GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|PST|PDT|ET|PT|(?i:local time)"
# A four-digit number followed by one of these counts something; it is not a year.
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|per ?cent|percent|people|persons|soldiers|troops|workers|km|kilomet|miles|"
    r"metres|meters|tonnes|tons|barrels|MW|GW|hectares|euros|dollars|pounds|votes|seats|"
    r"times|of the)", re.IGNORECASE)
FUTURE_LEMMAS = frozenset({"schedule", "slate", "due", "plan", "expect", "set", "upcoming",
                           "intend", "aim", "prepare", "invite"})  # "invited him … on Friday"
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "could", "may", "might",
                        "should", "must", "can", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})  # a past tense here can mean the future
# A present tense governing a weekday ("the summit opens on Thursday") speaks of the future.
PRESENT_DIRECTION = 1
PERIOD_GRANULARITY = {"year": "year", "month": "month", "week": "week", "quarter": "quarter",
                      "decade": "decade", "century": "century", "weekend": "weekend"}


@dataclass(frozen=True)
class _Reading:
    kind: str  # "point", "duration" or "reference"
    value: str | None
    granularity: str | None


class _Context:
    """The document, the anchor and what earlier expressions resolved to."""

    def __init__(self, doc: Doc, published: date | None) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.published = published
        self.last_day: date | None = None  # latest day resolved so far ("the same day")
        self.sentence_day: dict[int, date] = {}  # sentence start -> a day named in it

    def tokens(self, start: int, end: int):
        return self.doc.char_span(start, end, alignment_mode="expand")

    def sentence_start(self, char: int) -> int:
        span = self.tokens(char, min(char + 1, len(self.text)))
        return span[0].sent.start_char if span is not None and len(span) else 0

    def direction(self, start: int, end: int, *, weekday: bool = False) -> int:
        span = self.tokens(start, end)
        return _direction(span.root, weekday) if span is not None and len(span) else 0


NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def _direction(token, weekday: bool = False) -> int:
    """+1 when the clause governing ``token`` speaks of the future, -1 of the past, else 0.

    The tense counts only when the expression is an adjunct of the verb (directly or through
    a preposition): one that modifies a noun ("the summit in July") takes no direction from
    the clause around that noun, unless a word on the way says "upcoming" or "scheduled";
    weekday names do, as they lie within days of the publication ("clashed in a debate on
    Tuesday").
    """
    t, through_noun, preposition = token, False, None
    for step in range(12):
        if t.lemma_.lower() in FUTURE_LEMMAS or t.lower_ in ("upcoming", "next"):
            return 1
        if t.pos_ in ("VERB", "AUX") and t.ent_type_ in NAME_TYPES:
            return 0  # "Pieter van den Broek" parsed with "den" as the verb: no tense to read
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            if through_noun and not weekday:
                return 0
            return _verb_direction(t, preposition)
        if step and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME"):
            through_noun = True
        if t.pos_ == "ADP":
            preposition = t.lower_
        if t.head.i == t.i:
            break
        t = t.head
    return 0


def _verb_direction(verb, preposition: str | None = None) -> int:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {c.lower_ for c in auxes}
    if aux_words & FUTURE_AUX or verb.lemma_.lower() in FUTURE_LEMMAS:
        return 1
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & CONDITIONAL_MARKS and verb.head.i != verb.i:
        head = _verb_direction(verb.head) if verb.head.pos_ in ("VERB", "AUX") else 0
        if head > 0:
            return 1  # "if both sides signed by Friday" under "could take place"
    if "to" in aux_words:
        head = verb.head
        if head.i == verb.i or head.lemma_.lower() in FUTURE_LEMMAS or head.tag_ in (
                "VBZ", "VBP", "MD") or any(c.lower_ in FUTURE_AUX for c in head.children):
            return 1
        return 0  # "applied to join in January": past or future, the clause does not say
    if verb.tag_ == "VBD":
        return -1
    if verb.tag_ == "VBN":
        if aux_words & {"has", "have"} and preposition in ("until", "till"):
            return 1  # "has issued a warning until Sunday"
        if aux_words & {"has", "have", "had", "was", "were", "been"}:
            return -1
        if verb.dep_ in ("acl", "amod") or not auxes:
            return -1
        return 0
    if verb.tag_ == "VBG":
        if aux_words & {"is", "are", "'s", "'re", "am"}:
            return 1
        if aux_words & {"was", "were"}:
            return -1
        return _direction(verb.head) if verb.head.i != verb.i else 0
    if verb.tag_ in ("VBZ", "VBP", "VB"):
        return PRESENT_DIRECTION
    return 0


def _number(text: str) -> float | None:
    """A count written in digits or words; None for a vague one ("several")."""
    t = text.lower().replace("-", " ").strip()
    if t in VAGUE_NUMBERS:
        return None
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    try:
        return float(t)
    except ValueError:
        return None


def _unit(text: str) -> str:
    u = text.lower()
    return "century" if u.startswith("centur") else u.rstrip("s")


def _month(text: str) -> int:
    return tr.MONTHS[text.lower().rstrip(".")]


def _day(value: date | None) -> _Reading:
    return _Reading("point", value.isoformat() if value else None, "day")


# ---------------------------------------------------------------------------------------
# Handlers: one per pattern, from the match to a reading (None: not a time after all).

Handler = Callable[[re.Match, _Context], _Reading | None]


def _iso(m: re.Match, ctx: _Context) -> _Reading | None:
    d = tr.make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(d) if d else None


def _numeric(m: re.Match, ctx: _Context) -> _Reading | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y < 70 else 1900
    if a > 12 >= b:
        d = tr.make_date(y, b, a)
    elif b > 12 >= a:
        d = tr.make_date(y, a, b)
    elif a == b:
        d = tr.make_date(y, a, b)
    else:
        return _Reading("point", None, "day")  # 3/4/2026: US or European? Not a guess.
    return _day(d) if d else None


def _day_month(m: re.Match, ctx: _Context) -> _Reading | None:
    month, day = _month(m["mon"]), int(m["d"])
    if m["y"]:
        d = tr.make_date(int(m["y"]), month, day)
        return _day(d) if d else None
    if tr.make_date(2000, month, day) is None:  # 31 February in any year (2000 is leap)
        return None
    if ctx.published is None:
        return _Reading("point", None, "day")
    year = ctx.published.year
    direction = ctx.direction(m.start(), m.end())
    if direction < 0 and (month - ctx.published.month) % 12 >= 6 and month > ctx.published.month:
        year -= 1  # "on December 20" in a January article, past tense
    if direction > 0 and (ctx.published.month - month) % 12 >= 6 and month < ctx.published.month:
        year += 1  # "on January 5" in a December article, future tense
    d = tr.make_date(year, month, day) or tr.make_date(year, month, 28)
    return _day(d if d and d.day == day else None) if d else None


def _month_year(m: re.Match, ctx: _Context) -> _Reading | None:
    month = _month(m["mon"])
    if not m["y"] and m["mon"] not in MONTH_FULL.split("|") and not m["mon"].endswith("."):
        return None  # "Jan" alone is a name more often than a month
    if m["y"]:
        year = int(m["y"])
        return _Reading("point", f"{year}-{month:02d}", "month") if tr.valid_year(year) else None
    if ctx.published is None:
        return _Reading("point", None, "month")
    rel = (m["rel"] or "").lower()
    if rel == "last":  # the latest such month before the publication's month
        year = ctx.published.year - (month >= ctx.published.month)
    elif rel == "next":
        year = ctx.published.year + (month <= ctx.published.month)
    elif rel == "this":
        year = ctx.published.year
    else:
        year = tr.month_year(ctx.published, month, ctx.direction(m.start(), m.end()))
    return _Reading("point", f"{year}-{month:02d}", "month")


def _year(m: re.Match, ctx: _Context) -> _Reading | None:
    year = int(m["y"])
    after = ctx.text[m.end(): m.end() + 20]
    if not m["pre"] and (NOT_YEAR_AFTER.match(after) or _counts_things(m, ctx)):
        return None
    return _Reading("point", str(year), "year") if tr.valid_year(year) else None


def _counts_things(m: re.Match, ctx: _Context) -> bool:
    """ "1500 soldiers": a number whose head is the plural noun right after it."""
    span = ctx.tokens(m.start("y"), m.end("y"))
    if span is None or len(span) != 1 or span[0].i + 1 >= len(ctx.doc):
        return False
    token, after = span[0], span[0].nbor(1)
    return after.tag_ == "NNS" and token.head.i == after.i and after.lemma_.lower() not in (
        "year", "day", "month")


def _decade(m: re.Match, ctx: _Context) -> _Reading | None:
    return _Reading("point", m["c"] + m["d"], "decade")


def _short_decade(m: re.Match, ctx: _Context) -> _Reading | None:
    century = "19" if int(m["d"]) >= 3 else "20"
    return _Reading("point", century + m["d"], "decade")


def _century(m: re.Match, ctx: _Context) -> _Reading | None:
    n = int(m["n"])
    return _Reading("point", f"{n - 1:02d}", "century") if 1 <= n <= 30 else None


def _year_of(text: str | None, ctx: _Context) -> tuple[int | None, bool]:
    """Year written as digits or as "this/last/next year"; (None, True) if it needs a date."""
    if text is None:
        return None, True
    if text[0].isdigit():
        return int(text), False
    if ctx.published is None:
        return None, True
    shift = {"this": 0, "last": -1, "next": 1}[text.split()[0].lower()]
    return ctx.published.year + shift, False


QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4, "final": 4, "last": 4}


def _quarter(m: re.Match, ctx: _Context) -> _Reading | None:
    q = int(m["q"]) if m.groupdict().get("q") else QUARTER_ORDINALS[m["ord"].lower()]
    year, _ = _year_of(m["y"], ctx)
    if year is None and m["y"] is None and ctx.published is not None:
        year = ctx.published.year
    return _Reading("point", f"{year}-Q{q}" if year else None, "quarter")


def _half(m: re.Match, ctx: _Context) -> _Reading | None:
    h = int(m["h"]) if m.groupdict().get("h") else {"first": 1, "second": 2}[m["ord"].lower()]
    year, _ = _year_of(m["y"], ctx)
    return _Reading("point", f"{year}-H{h}" if year else None, "half")


def _season(m: re.Match, ctx: _Context) -> _Reading | None:
    code, first = tr.SEASONS[m["s"].lower()]
    if m["s"].lower() == "fall" and not (m["y"] or m["rel"] or m.group(0).lower().startswith(
            "the")):
        return None
    if m["y"]:
        year = int(m["y"])
        return _Reading("point", f"{year}-{code}", "season") if tr.valid_year(year) else None
    if ctx.published is None:
        return _Reading("point", None, "season")
    rel = (m["rel"] or "").lower()
    if rel in ("last", "past"):
        year = tr.season_year(ctx.published, first, -1)
        if year == ctx.published.year and first <= ctx.published.month:
            year -= 1 if first + 2 >= ctx.published.month else 0
    elif rel in ("next", "coming"):
        year = tr.season_year(ctx.published, first, 1)
        if first <= ctx.published.month:
            year = ctx.published.year + 1
    else:
        year = tr.season_year(ctx.published, first, ctx.direction(m.start(), m.end()))
    return _Reading("point", f"{year}-{code}", "season")


def _weekday(m: re.Match, ctx: _Context) -> _Reading | None:
    if ctx.published is None:
        return _Reading("point", None, "day")
    rel = m["rel"].lower() if m["rel"] else None
    direction = ctx.direction(m.start(), m.end(), weekday=True)
    d = tr.weekday_date(ctx.published, tr.WEEKDAYS[m["wd"].lower()], direction, rel)
    if m["part"]:
        return _Reading("point", f"{d.isoformat()}T{tr.PARTS_OF_DAY[m['part'].lower()]}",
                        "part of day")
    return _day(d)


def _deictic(m: re.Match, ctx: _Context) -> _Reading | None:
    word = m["w"].lower()
    if word == "today" and not m["part"] and _is_nowadays(m, ctx):
        return _Reading("reference", "PRESENT_REF", None)
    if ctx.published is None:
        return _Reading("point", None, "day")
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last": -1,
             "this": 0}[word]
    d = tr.shift_days(ctx.published, shift)
    part = m["part"] or ("night" if word == "tonight" else None)
    if d and part:
        return _Reading("point", f"{d.isoformat()}T{tr.PARTS_OF_DAY[part.lower()]}",
                        "part of day")
    return _day(d)


def _is_nowadays(m: re.Match, ctx: _Context) -> bool:
    """ "today" meaning "nowadays": governed by a third-person present-tense verb or a noun."""
    span = ctx.tokens(m.start(), m.end())
    if span is None or not len(span):
        return False
    head = span.root.head
    return head.tag_ == "VBZ" or (span.root.dep_ == "poss")


def _relative_period(m: re.Match, ctx: _Context) -> _Reading | None:
    unit = m["u"].lower()
    rel = m["rel"].lower()
    the = bool(m["the"])
    if unit == "day":
        if not the or rel not in ("same", "next", "following", "previous"):
            return None
        if rel == "same" and ctx.last_day:
            return _day(ctx.last_day)
        if rel in ("next", "following") and ctx.last_day:
            return _day(tr.shift_days(ctx.last_day, 1))
        return _Reading("point", None, "day")
    if rel == "same" or (rel == "following" and the):
        return _Reading("point", None, PERIOD_GRANULARITY.get(unit))
    if the and rel in ("past", "next", "first"):
        return _Reading("duration", tr.duration_value(1, unit), unit)
    if rel == "past" and not the:
        return _Reading("duration", tr.duration_value(1, unit), unit)
    shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
             "following": 1}[rel]
    return _period(ctx.published, unit, shift)


def _period(anchor: date | None, unit: str, shift: int) -> _Reading:
    granularity = PERIOD_GRANULARITY.get(unit, unit)
    if anchor is None:
        return _Reading("point", None, granularity)
    if unit == "year":
        value = str(anchor.year + shift)
    elif unit == "month":
        y, mo = tr.shift_months(anchor.year, anchor.month, shift)
        value = f"{y}-{mo:02d}"
    elif unit in ("week", "weekend"):
        d = tr.shift_days(anchor, 7 * shift)
        value = (tr.iso_week(d) + ("-WE" if unit == "weekend" else "")) if d else None
    elif unit == "quarter":
        y, mo = tr.shift_months(anchor.year, anchor.month, 3 * shift)
        value = f"{y}-Q{(mo - 1) // 3 + 1}"
    elif unit == "decade":
        value = str(anchor.year // 10 + shift)
    elif unit == "century":
        value = f"{anchor.year // 100 + shift:02d}"
    else:
        value = None
    return _Reading("point", value, granularity)


def _edge_of_period(m: re.Match, ctx: _Context) -> _Reading | None:
    """ "earlier this month", "later this year", "the end of the month": the period itself."""
    rel = m["rel"].lower()
    shift = {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
    return _period(ctx.published, m["u"].lower(), shift)


def _offset(m: re.Match, ctx: _Context) -> _Reading | None:
    """ "two weeks ago", "three days from now"; "a year earlier" is anaphoric: no value."""
    unit = _unit(m["u"])
    amount = _number(m["n"])
    granularity = {"day": "day", "week": "day", "fortnight": "day", "month": "month",
                   "year": "year", "decade": "year", "hour": "day", "minute": "day",
                   "second": "day"}.get(unit, "day")
    direction = m["dir"].lower()
    if direction in ("earlier", "later", "before") or amount is None or ctx.published is None:
        return _Reading("point", None, granularity)
    sign = -1 if direction == "ago" else 1
    n = int(amount) if float(amount).is_integer() else None
    if n is None:
        return _Reading("point", None, granularity)
    days = {"day": 1, "week": 7, "fortnight": 14}.get(unit)
    if days:
        d = tr.shift_days(ctx.published, sign * n * days)
        return _day(d)
    if unit in ("month",):
        y, mo = tr.shift_months(ctx.published.year, ctx.published.month, sign * n)
        return _Reading("point", f"{y}-{mo:02d}", "month")
    if unit in ("year", "decade"):
        y = ctx.published.year + sign * n * (10 if unit == "decade" else 1)
        return _Reading("point", str(y), "year") if tr.valid_year(y) else None
    return _day(ctx.published)  # hours or minutes ago: today


def _duration(m: re.Match, ctx: _Context) -> _Reading | None:
    text = m.group(0).lower()
    if text.split()[0] in ("a", "an") and _after_a_count(m, ctx):
        return None  # "twice a week", "five hours a day", "€3 million a year": a frequency
    amount = _number(m["n"])
    if amount is None and m["n"].lower() not in VAGUE_NUMBERS:
        return None
    unit = _unit(m["u"])
    if unit == "second" and m["n"].lower() in ("a", "an", "one"):
        return None  # "a second term", "one second she was there": not a measured second
    value = tr.duration_value(amount, unit)
    return _Reading("duration", value, unit) if value else None


def _after_a_count(m: re.Match, ctx: _Context) -> bool:
    span = ctx.tokens(m.start(), m.end())
    if span is None or not len(span) or span[0].i == 0:
        return False
    before = span[0].nbor(-1)
    return before.lower_ in ("times", "once", "twice", "per", "every") or before.tag_ in (
        "NNS", "CD")


def _vague_duration(m: re.Match, ctx: _Context) -> _Reading | None:
    unit = _unit(m["u"])
    return _Reading("duration", tr.duration_value(None, unit), unit)


def _within_the(m: re.Match, ctx: _Context) -> _Reading | None:
    return _Reading("duration", tr.duration_value(1, m["u"].lower()), m["u"].lower())


def _fuzzy(m: re.Match, ctx: _Context) -> _Reading | None:
    return _Reading("point", None, None)


REFERENCES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
              "presently": "PRESENT_REF", "present": "PRESENT_REF",
              "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
              "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF"}


def _reference(m: re.Match, ctx: _Context) -> _Reading | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if word == "now":
        after = ctx.text[m.end(): m.end() + 2]
        if after.startswith("-"):
            return None  # "now-defunct"
    return _Reading("reference", REFERENCES[word], None)


def _clock(m: re.Match, ctx: _Context) -> _Reading | None:
    hour = int(m["h"])
    minute = int(m["mi"]) if m.groupdict().get("mi") else 0
    ap = (m["ap"] or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    day = ctx.sentence_day.get(ctx.sentence_start(m.start())) or ctx.published
    if day is None:
        return _Reading("point", None, "minute")
    return _Reading("point", f"{day.isoformat()}T{hour:02d}:{minute:02d}", "minute")


def _noon(m: re.Match, ctx: _Context) -> _Reading | None:
    day = ctx.sentence_day.get(ctx.sentence_start(m.start())) or ctx.published
    clock = "12:00" if m.group(0).lower() == "noon" else "24:00"
    return _Reading("point", f"{day.isoformat()}T{clock}" if day else None, "minute")


# ---------------------------------------------------------------------------------------
# Patterns: each matches a TIMEX3 extent; listed longest forms first where they overlap.

YEAR_WORD = r"(?P<y>\d{4}|(?i:this|last|next) year)"
NUMBER_START = "TtFfSsEeNnOoAaHh0-9"  # the first letters of NUM_I's words, and digits


# Words (lower case) one of which every match of a pattern contains: a pattern is not tried
# on a text that has none of them.
NEEDS: dict[str, tuple[str, ...]] = {}
MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _needs(words: tuple[str, ...], pattern: str) -> str:
    """``pattern``, noted as matching only where one of ``words`` stands: most articles have no
    "century", "within" or "midnight", and trying a pattern costs a pass over the article."""
    NEEDS[pattern] = words
    return pattern


def _at(first: str, pattern: str) -> str:
    """``pattern`` tried only where one of the characters ``first`` stands: a pattern opening
    with optional words is otherwise tried, word by word, at every position of the article,
    which made these patterns half of the time spent reading times. The matches are the same."""
    if pattern.startswith(r"\b"):
        return rf"\b(?=[{first}])" + pattern[2:]
    return rf"(?=[{first}])" + pattern


PATTERNS: tuple[tuple[str, Handler], ...] = (
    (_needs(("-",), r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _iso),
    (_needs(("/",), r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
     _numeric),
    (_needs(MONTH_STEMS, rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<mon>{MONTH})"
                         rf"(?:,?\s(?P<y>\d{{4}}))?(?![\w\d])"), _day_month),
    (_needs(MONTH_STEMS, rf"\b(?P<mon>{MONTH})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                         rf"(?:,?\s(?P<y>\d{{4}}))?(?![\d:.,]\d|\w)"), _day_month),
    (_needs(MONTH_STEMS, _at("TtEeSsBbMmLlNnJFAOD",
         r"\b(?:(?i:(?:the\s)?(?:end|start|beginning|middle)\sof|early|mid|late)[\s-])?"
         rf"(?:(?P<rel>(?i:last|next|this))\s)?(?P<mon>{MONTH})(?:,?\s(?:of\s)?"
         r"(?P<y>\d{4}))?(?![\w\d])")), _month_year),
    (_at("TtEeSsBbMmLl12",
         r"(?:(?<=\d{4}[-–])|(?<![\d$€£¥₽.,/:-]))(?P<pre>(?i:(?:the\s)?(?:end|start|beginning|"
         r"middle)\sof\s|(?:early|mid|late)[\s-]|the\syear\s))?"
         r"\b(?P<y>1[1-9]\d\d|20\d\d)\b(?![\d%]|[.,:]\d|-(?!\d{4}\b|\d\d\b)\d)"), _year),
    (_needs(("0s",), _at("TtEeMmLl12", r"\b(?:(?i:the)\s)?(?:(?i:early|mid|late)[\s-])?"
                                      r"(?P<c>1[0-9]|20)(?P<d>\d)0s\b")), _decade),
    (_needs(("0s",), _at("TtEeMmLl'’", r"\b(?:(?i:the)\s)?(?:(?i:early|mid|late)[\s-])?['’]"
                                      r"(?P<d>\d)0s\b")), _short_decade),
    (_needs(("century",), r"\b(?i:the)\s(?P<n>\d{1,2})(?:st|nd|rd|th)\s(?i:century)\b"),
     _century),
    (_needs(("quarter",), _at("TtFfSs1-4", r"\b(?:(?i:the)\s)?(?P<ord>(?i:first|second|third|"
                                          rf"fourth|final|1st|2nd|3rd|4th))\s(?i:quarter)"
                                          rf"(?:\s(?i:of)\s{YEAR_WORD})?\b")), _quarter),
    (r"\bQ(?P<q>[1-4])(?:\s(?P<y>\d{4}))?\b", _quarter),
    (_needs(("half",), _at("TtFfSs", rf"\b(?:(?i:the)\s)?(?P<ord>(?i:first|second))\s"
                                    rf"(?i:half)\s(?i:of)\s{YEAR_WORD}\b")), _half),
    (r"\bH(?P<h>[12])\s(?P<y>\d{4})\b", _half),
    (_needs(("spring", "summer", "autumn", "winter", "fall"), _at("TtEeLlMmNnCcPpSsAaWwFf",
         r"\b(?:(?i:the)\s)?(?:(?i:early|late|mid)[\s-])?(?:(?P<rel>(?i:last|this|next|coming|"
         r"past))\s)?(?P<s>(?i:spring|summer|autumn|winter|fall))(?:,?\s(?:(?i:of)\s)?"
         r"(?P<y>\d{4}))?\b")), _season),
    (_needs(WEEKDAY_WORDS, _at(
        "LlTtNnCcPpMWFS",
        rf"\b(?:(?P<rel>(?i:last|this\scoming|this|next|coming|past|previous))\s)?(?P<wd>{WEEKDAY})"
        r"(?:\s(?P<part>(?i:morning|afternoon|evening|night)))?\b")), _weekday),
    (_needs(("yesterday", "today", "tomorrow", "tonight"),
            r"\b(?P<w>(?i:yesterday|today|tomorrow|tonight))(?:\s(?P<part>(?i:morning|afternoon|"
            r"evening|night)))?\b"), _deictic),
    (_needs(("morning", "afternoon", "evening"),
            r"\b(?P<w>(?i:this))\s(?P<part>(?i:morning|afternoon|evening))\b"), _deictic),
    (_needs(("night",), r"\b(?P<w>(?i:last))\s(?P<part>(?i:night))\b"), _deictic),
    (_at("TtLlPpNnCcFfSs",
         r"\b(?:(?P<the>(?i:the))\s)?(?P<rel>(?i:last|past|previous|this|next|coming|following|"
         r"current|same))\s(?:(?i:calendar|fiscal|financial)\s)?(?P<u>(?i:week|month|year|"
         r"weekend|quarter|decade|century|day))\b"), _relative_period),
    (r"\b(?i:earlier|later|early|late)\s(?P<rel>(?i:this|last|next))\s(?P<u>(?i:week|month|"
     r"year))\b", _edge_of_period),
    (r"\b(?i:the\s(?:end|start|beginning|middle)\sof)\s(?P<rel>(?i:the|this|next|last))\s"
     r"(?P<u>(?i:week|month|year))\b", _edge_of_period),
    (_needs(("ago", "hence"), _at(NUMBER_START, rf"\b(?P<n>{NUM_I})[\s-](?P<u>{UNIT})s?\s"
                                                r"(?P<dir>(?i:ago|hence))\b")), _offset),
    (_needs(("earlier", "later"), rf"(?:(?<=\bwith\s)|(?<=\bfrom\s))(?P<n>{NUM_I})\s"
                                  rf"(?P<u>{UNIT})s?\s(?P<dir>(?i:earlier|later))\b"), _offset),
    (_at(NUMBER_START,
         rf"\b(?:(?i:the)\s(?i:past|last|next|previous|first|coming|following)\s)?"
         rf"(?P<n>{NUM_I})[\s-](?P<u>{UNIT})s?\b(?![\s-]+old)"), _duration),
    (_at("YyDdMmWwCc", r"(?:(?<=\b[Ff]or\s)|(?<=\b[Oo]ver\s))"
                       r"(?P<u>(?i:years|decades|months|weeks|centuries))\b"), _vague_duration),
    (_needs(("within",), r"(?<=\bwithin\s)(?i:the)\s(?P<u>(?i:hour|day|week|month|year))\b"),
     _within_the),
    (_needs(("days", "weeks", "months", "years"),
            r"\b(?i:the)\s(?:(?i:coming|next|past|last)\s)(?:(?i:few)\s)?"
            r"(?i:days|weeks|months|years)\b"), _fuzzy),
    (_needs(("recent",), r"\b(?i:recent)\s(?P<u>(?i:days|weeks|months|years|decades))\b"),
     _vague_duration),
    (_at("NnCcPpRrLlSsTt", r"\b(?:(?i:now|currently|nowadays|presently|recently|lately|soon)\b"
                           r"|(?i:the\s(?:near\s)?(?:past|future))\b)"), _reference),
    (_needs((":",), r"\b(?=\d)(?<![\d.:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])"
                    rf"(?:\s?(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b)))?(?:\s(?P<z>{ZONES})\b)?"),
     _clock),
    (_needs(("am", "pm", "a.m", "p.m"),
            r"\b(?=\d)(?<![\d.:])(?P<h>1[0-2]|0?[1-9])\s?(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
            rf"(?:\s(?P<z>{ZONES})\b)?"), _clock),
    (_needs(("noon", "midday", "midnight"), r"\b(?i:noon|midday|midnight)\b"), _noon),
)
COMPILED = tuple((re.compile(p), h) for p, h in PATTERNS)
COMPILED_NEEDS = tuple(NEEDS.get(p, ()) for p, _ in PATTERNS)
CLOCK_HANDLERS = (_clock, _noon)
# Words that make a capitalised "May"/"March" something else than a month.
NOT_A_MONTH_TAGS = frozenset({"MD", "VB", "VBP", "VBZ", "VBD"})


def _candidates(text: str) -> list[tuple[int, int, int, re.Match]]:
    """(start, end, pattern index, match) of every pattern match, overlaps resolved:
    the longest wins, then the earlier pattern."""
    found = []
    low = text.lower()
    for i, (pattern, _) in enumerate(COMPILED):
        needs = COMPILED_NEEDS[i]
        if needs and not any(word in low for word in needs):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), i, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = [False] * (len(text) + 1)
    chosen = []
    for c in found:
        if any(taken[c[0]: c[1]]):
            continue
        for k in range(c[0], c[1]):
            taken[k] = True
        chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def _is_month_word(doc: Doc, ctx: _Context, m: re.Match) -> bool:
    """ "May" the modal, "March" the verb and "May" the surname are not months."""
    if "mon" not in m.re.groupindex or m["mon"] is None:
        return True
    span = ctx.tokens(m.start("mon"), m.end("mon"))
    if span is None or not len(span):
        return True
    token = span[0]
    bare = not m.groupdict().get("d") and not m.groupdict().get("y")
    if bare and m["mon"] in ("May", "March") and m.start("mon") == m.start() and (
            token.i == 0 or token.nbor(-1).pos_ not in ("ADP", "SCONJ", "DET", "ADJ")):
        return False  # "May I ask", "March on the capital": not after "in", "since", "early"
    if token.tag_ in NOT_A_MONTH_TAGS and m["mon"] in ("May", "March") and not m.groupdict().get(
            "d") and not m.groupdict().get("y"):
        return False
    return not (token.ent_type_ in ("PERSON", "ORG") and m["mon"] == "May")


def extract_times(doc: Doc, *, published: date | None = None) -> tuple[Time, ...]:
    """Every date, time, duration and temporal reference of the article, in text order."""
    text = text_of(doc)
    ctx = _Context(doc, published)
    readings: list[tuple[int, int, _Reading]] = []
    clocks = []
    for start, end, index, m in _candidates(text):
        handler = COMPILED[index][1]
        if handler in CLOCK_HANDLERS:
            clocks.append((start, end, handler, m))  # placed once the days are known
            continue
        reading = _read(handler, m, ctx) if _is_month_word(doc, ctx, m) else None
        if reading is None:
            continue
        if reading.kind == "point" and reading.granularity == "day" and reading.value:
            day = date.fromisoformat(reading.value)
            ctx.last_day = day
            ctx.sentence_day.setdefault(ctx.sentence_start(start), day)
        readings.append((start, end, reading))
    for start, end, handler, m in clocks:
        reading = _read(handler, m, ctx)
        if reading is not None:
            readings.append((start, end, reading))
    readings.sort(key=lambda r: r[0])
    return tuple(
        Time(id=f"T{i}", text=text[start:end], start=start, end=end, kind=r.kind,
             value=r.value, granularity=r.granularity, resolved=r.value is not None)
        for i, (start, end, r) in enumerate(readings, 1)
    )


def _read(handler: Handler, m: re.Match, ctx: _Context) -> _Reading | None:
    try:
        return handler(m, ctx)
    except (ValueError, OverflowError, KeyError):
        return None
