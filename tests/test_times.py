"""Time expressions and their values with the real English model, on short inline texts.

Wednesday 11 March 2026 is the publication date unless a case says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract import time_resolve as tr
from newsgraph.extract.times import extract_times

WED = date(2026, 3, 11)
FRI = date(2026, 3, 6)


def _times(nlp, text, published=WED):
    found = extract_times(nlp(text), published=published)
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.resolved == (t.value is not None)
    return found


def _one(nlp, text, expression, published=WED):
    found = [t for t in _times(nlp, text, published) if t.text == expression]
    assert found, f"{expression!r} not found in {[t.text for t in _times(nlp, text, published)]}"
    return found[0]


ABSOLUTE = [
    ("The treaty was signed on 3 December 2025.", "3 December 2025", "2025-12-03", "day"),
    ("The treaty was signed on Dec. 3, 2025.", "Dec. 3, 2025", "2025-12-03", "day"),
    ("The file is dated 2025-12-03 in the archive.", "2025-12-03", "2025-12-03", "day"),
    ("The form was filed on 12/30/2025 in Ohio.", "12/30/2025", "2025-12-30", "day"),
    ("Talks broke down in October 2019.", "October 2019", "2019-10", "month"),
    ("The plant opened in 1998.", "1998", "1998", "year"),
    ("Output was higher in the 2010s.", "the 2010s", "201", "decade"),
    ("Rail use peaked in the early 2000s.", "the early 2000s", "200", "decade"),
    ("Exports fell in the third quarter of 2025.", "the third quarter of 2025", "2025-Q3",
     "quarter"),
    ("The cable is due in the first half of 2027.", "the first half of 2027", "2027-H1", "half"),
    ("Shipping stopped in the summer of 2022.", "the summer of 2022", "2022-SU", "season"),
    ("The decision is expected before the end of 2028.", "the end of 2028", "2028", "year"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expression", "value", "granularity"), ABSOLUTE)
def test_absolute_dates_resolve_with_or_without_a_publication_date(
        nlp, text, expression, value, granularity):
    for published in (WED, None):
        t = _one(nlp, text, expression, published)
        assert (t.kind, t.value, t.granularity) == ("point", value, granularity)
        assert t.resolved


RELATIVE = [
    ("Marsh met Morozov last Tuesday.", "last Tuesday", "2026-03-10"),
    ("The ministers will meet on the coming Friday.", "the coming Friday", None),
    ("The ministers will meet on Friday.", "Friday", "2026-03-13"),
    ("The ministers met on Friday.", "Friday", "2026-03-06"),
    ("The summit is scheduled to open on Monday.", "Monday", "2026-03-16"),
    ("The vote took place on Monday.", "Monday", "2026-03-09"),
    ("The minister spoke on Wednesday.", "Wednesday", "2026-03-11"),
    ("They will meet next Tuesday.", "next Tuesday", "2026-03-17"),
    ("The border reopened yesterday.", "yesterday", "2026-03-10"),
    ("The border reopens tomorrow.", "tomorrow", "2026-03-12"),
    ("We expect to get consular access today.", "today", "2026-03-11"),
    ("The deal was agreed last week.", "last week", "2026-W10"),
    ("The deal will be signed next week.", "next week", "2026-W12"),
    ("Prices rose last month.", "last month", "2026-02"),
    ("The fund was announced earlier this month.", "earlier this month", "2026-03"),
    ("The dam was closed two weeks ago.", "two weeks ago", "2026-02-25"),
    ("The levy will rise next year.", "next year", "2027"),
    ("Sales fell last year.", "last year", "2025"),
    ("The talks collapsed in October.", "October", "2025-10"),
    ("The duties will take effect in August.", "August", "2026-08"),
    ("The office opens in June.", "June", "2026-06"),
    ("The ministers spoke by phone on Tuesday evening.", "Tuesday evening", "2026-03-10TEV"),
    ("The summit opened at 11:00 local time.", "11:00 local time", "2026-03-11T11:00"),
    ("The statement came at 14:05 GMT.", "14:05 GMT", "2026-03-11T14:05"),
    ("Exports collapsed in the first quarter.", "the first quarter", "2026-Q1"),
    ("The report is due by the end of the month.", "the end of the month", "2026-03"),
    ("Applications rose this calendar year.", "this calendar year", "2026"),
    ("Crews arrived on Saturday. Firefighters came the same day.", "the same day",
     "2026-03-07"),
    ("The record was set last June.", "last June", "2025-06"),
    ("The agency applied to join the alliance in January.", "January", "2026-01"),
    ("The rally is on the agenda of the summit in October.", "October", "2025-10"),
    # what one is invited to is ahead, whatever the tense of the inviting
    ("Kovalde has invited him to a second meeting on Friday.", "Friday", "2026-03-13"),
    ("Sarandi invited Weir to Selsby in January.", "January", "2027-01"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expression", "value"), RELATIVE)
def test_relative_expressions_follow_the_grammar(nlp, text, expression, value):
    if value is None:  # "the coming Friday" is not one extent: "Friday" after "coming"
        t = _one(nlp, text, "coming Friday")
        assert t.value == "2026-03-13"
        return
    t = _one(nlp, text, expression)
    assert (t.kind, t.value) == ("point", value)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expression"), [(t, e) for t, e, _ in RELATIVE])
def test_relative_expressions_stay_unresolved_without_a_publication_date(nlp, text, expression):
    found = [t for t in _times(nlp, text, None) if t.kind == "point"]
    assert found
    assert all(t.value is None and not t.resolved for t in found)


@pytest.mark.model
def test_future_weekday_from_a_friday(nlp):
    t = _one(nlp, "A red warning has been issued for Belmora until Sunday.", "Sunday", FRI)
    assert t.value == "2026-03-08"
    t = _one(nlp, ("The envoy said the swap could take place in Lisna if both sides signed "
              "the protocol by Friday."), "Friday", WED)
    assert t.value == "2026-03-13"


DURATIONS = [
    ("The session lasted five hours.", "five hours", "PT5H"),
    ("The dam has been closed for two years.", "two years", "P2Y"),
    ("They met for a six-hour session.", "six-hour", "PT6H"),
    ("Crews must leave within 48 hours.", "48 hours", "PT48H"),
    ("The programme runs for a decade.", "a decade", "P10Y"),
    ("Output fell over the past five years.", "the past five years", "P5Y"),
    ("The strike lasted 40 minutes.", "40 minutes", "PT40M"),
    ("Our report will be online within the hour.", "the hour", "PT1H"),
    ("The agency has grown for three decades.", "three decades", "P30Y"),
    ("Five months later, the bid is divisive.", "Five months", "P5M"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expression", "value"), DURATIONS)
def test_durations_are_kept_apart_from_points(nlp, text, expression, value):
    for published in (WED, None):
        t = _one(nlp, text, expression, published)
        assert (t.kind, t.value) == ("duration", value)


REFERENCES = [
    ("The dam is now closed.", "now", "PRESENT_REF"),
    ("The plant currently produces 40 MW.", "currently", "PRESENT_REF"),
    ("Prices have recently risen.", "recently", "PAST_REF"),
    ("A decision is expected soon.", "soon", "FUTURE_REF"),
    ("Spain carries almost all of the trade today.", "today", "PRESENT_REF"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expression", "value"), REFERENCES)
def test_references_keep_their_value_without_a_date(nlp, text, expression, value):
    for published in (WED, None):
        t = _one(nlp, text, expression, published)
        assert (t.kind, t.value) == ("reference", value)


@pytest.mark.model
def test_qualifiers_stay_out_of_the_extent(nlp):
    texts = [t.text for t in _times(nlp, "The talks lasted more than two years, nearly five "
                                         "hours a day, and ended about 2019.")]
    assert texts == ["two years", "five hours", "2019"]


@pytest.mark.model
def test_fuzzy_expressions_get_no_made_up_value(nlp):
    t = _one(nlp, "A decision will come in the coming days.", "the coming days")
    assert t.value is None and not t.resolved
    t = _one(nlp, "Exports fell compared with a year earlier.", "a year earlier")
    assert t.value is None


@pytest.mark.model
def test_not_times(nlp):
    text = ("May I ask? Theresa May spoke. Jan Novak, 54, a 22-year-old student, read 2,040 "
            "pages and 1500 people marched. He won a second term. Prices rose 3/4 of a point.")
    assert [t.text for t in _times(nlp, text)] == []


@pytest.mark.model
def test_year_ranges_and_years_before_nouns(nlp):
    found = _times(nlp, "The pandemic of 2009-2010 and the expedition of 1957-58 were cited "
                        "in a 2009 analysis; 1500 soldiers marched.")
    assert [(t.text, t.value) for t in found] == [
        ("2009", "2009"), ("2010", "2010"), ("1957", "1957"), ("2009", "2009")]


@pytest.mark.model
def test_time_of_day_takes_the_day_named_in_its_sentence(nlp):
    t = _one(nlp, "The ship docked at 15:00 GMT on Saturday.", "15:00 GMT")
    assert t.value == "2026-03-07T15:00"


@pytest.mark.model
def test_ambiguous_numeric_date_is_not_guessed(nlp):
    t = _one(nlp, "The form was filed on 3/4/2026 in Ohio.", "3/4/2026")
    assert t.value is None


BAD = [
    "The code was " + "9" * 400 + " in all.",
    "Numbers 1,2,3,4,5 were drawn.",
    "It cost $$$ to fix.",
    "The deal was signed on 31 February 2026.",
    "The plan runs to the year 99999.",
    "The deal was signed on February 31.",
    "Filed on 13/13/2026.",
    "At 25:99 GMT nothing happened.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", BAD)
def test_bad_input_gives_no_exception_and_no_nonsense(nlp, text):
    for published in (WED, None):
        for t in _times(nlp, text, published):
            assert "99999" not in (t.value or "") and "9" * 10 not in t.text
            if t.kind == "point" and t.value:
                year = int(t.value[:4]) if t.value[:4].isdigit() else 2026
                assert 1000 <= year <= 2999
                if len(t.value) >= 10 and t.value[4] == "-":
                    date.fromisoformat(t.value[:10])


def test_calendar_helpers():
    assert tr.make_date(2026, 2, 31) is None
    assert tr.make_date(99999, 1, 1) is None
    assert tr.weekday_date(WED, 1, -1, "last") == date(2026, 3, 10)
    assert tr.weekday_date(WED, 4, 1, "next") == date(2026, 3, 13)
    assert tr.weekday_date(WED, 2, 1, None) == WED
    assert tr.weekday_date(WED, 0, 0, None) == date(2026, 3, 9)
    assert tr.iso_week(WED) == "2026-W11"
    assert tr.month_year(date(2026, 2, 24), 10, -1) == 2025
    assert tr.month_year(date(2026, 12, 1), 1, 1) == 2027
    assert tr.season_year(date(2026, 5, 22), 9, -1) == 2025
    assert tr.duration_value(5, "hour") == "PT5H"
    assert tr.duration_value(2, "decade") == "P20Y"
    assert tr.duration_value(None, "month") == "PXM"
    assert tr.duration_value(10**9, "year") is None


@pytest.mark.model
def test_a_headline_led_by_a_gerund_reads_its_weekday(nlp):
    """ "Counting votes on Sunday night": the gerund is its own head; the climb up the parse
    stops there instead of asking it for its tense for ever."""
    found = _one(nlp, "Counting votes on Sunday night", "Sunday night")
    assert found.value is not None and found.value.startswith("2026-03-08")


@pytest.mark.model
def test_a_number_counting_the_plural_after_it_is_no_year(nlp):
    assert [t.text for t in _times(nlp, "Some 1500 tractors blocked the ring road.")] == []


def test_a_pattern_is_skipped_only_on_texts_without_the_words_it_needs():
    """Each pattern noted as needing words matches only where one of them stands, so skipping
    a text without them loses nothing."""
    from newsgraph.extract.times import COMPILED, COMPILED_NEEDS

    text = ("The 1990s and the '80s, the 21st century, the first quarter of 2026, the first "
            "half of next year, last spring, next Tuesday morning, yesterday, this evening, "
            "last night, from three days ago, with five minutes later, the past few weeks, "
            "within the hour, recent months, 10:30 GMT, 9 am, midnight, 12 March, March 12, "
            "2026-03-12, 12/03/2026.")
    needing = [(p, needs) for (p, _), needs in zip(COMPILED, COMPILED_NEEDS, strict=True)
               if needs]
    assert len(needing) >= 15
    for pattern, needs in needing:
        # the match and what its lookbehind reads ("within the hour")
        found = [text[max(0, m.start() - 8): m.end()].lower() for m in pattern.finditer(text)]
        assert found, pattern.pattern  # the sample exercises every noted pattern
        assert all(any(w in f for w in needs) for f in found), pattern.pattern


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2026-03-12", date(2026, 3, 12), date(2026, 3, 12)),
    ("2026-W12", date(2026, 3, 16), date(2026, 3, 22)),
    ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_period_is_the_first_and_last_day_a_value_covers(value, first, last):
    assert tr.period(value) == (first, last)


@pytest.mark.parametrize("value", ["2026-W12-WE", "2026-SU", "2026-02-30", "2026-13", "soon"])
def test_period_refuses_what_is_no_span_of_days(value):
    with pytest.raises(ValueError):
        tr.period(value)
