"""Quantities: value, unit, range, qualifier, subject, source, conversions, and what is not one."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.quantities import extract_quantities

model = pytest.mark.model


def _quantities(nlp, text):
    doc = nlp(text)
    found = extract_quantities(doc, extract_entities(doc))
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def _one(nlp, text):
    found = _quantities(nlp, text)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


# text, value, unit, value_max
VALUES = [
    # areas, lengths, weights, volumes, energy
    ("Floods cover 1,250 km² of the plain.", 1250, "km2", None),
    ("The park spans 3,400 square kilometres.", 3400, "km2", None),
    ("The forest lost 40 sq mi last year.", 40, "mi2", None),
    ("Farmers planted 220,000 hectares of wheat.", 220000, "ha", None),
    ("The dam stands 40 km upstream of the border.", 40, "km", None),
    ("The border lies 12 miles away.", 12, "mi", None),
    ("The river fell to 1.2 metres in August.", 1.2, "m", None),
    ("The fleet carried 90 million tonnes of crude.", 90_000_000, "t", None),
    ("The field yields 7 million barrels of oil.", 7_000_000, "bbl", None),
    ("The reservoir holds 1.8 billion cubic metres of water.", 1.8e9, "m3", None),
    ("The cable carries 1,000 MW of power.", 1000, "MW", None),
    ("Morocco plans to add 2.4 GW of solar capacity.", 2.4, "GW", None),
    ("The plant produced 500 MWh of electricity.", 500, "MWh", None),
    # percentages and points
    ("Output rose 8.5% in the first quarter.", 8.5, "%", None),
    ("The levy is 2.5 per cent of income.", 2.5, "%", None),
    ("Turnout reached 61 percent of registered voters.", 61, "%", None),
    ("The poll has a margin of error of 2.5 pp.", 2.5, "pp", None),
    ("Support was up one percentage point on the month.", 1, "pp", None),
    # money
    ("The agency launched a €45 billion programme.", 45e9, "EUR", None),
    ("The World Bank will contribute $4.2bn in grants.", 4.2e9, "USD", None),
    ("The bank has pledged EUR 90 bn in lending.", 90e9, "EUR", None),
    ("Losses could reach 310 million euros this year.", 310e6, "EUR", None),
    ("Neighbours raised £2m for the family.", 2e6, "GBP", None),
    ("The deal is worth ¥500 million to the firm.", 500e6, "JPY", None),
    ("The fine was set at ₽3 billion by the court.", 3e9, "RUB", None),
    ("The consortium paid US$300 million for the licence.", 300e6, "USD", None),
    ("The dam is a 2.4-billion-euro project.", 2.4e9, "EUR", None),
    ("Oil traded at US $58.24 per barrel on Monday.", 58.24, "USD/bbl", None),
    ("The flat costs $3,500 a month to rent.", 3500, "USD/month", None),
    ("Revenue reached HK $3.7 billion last year.", 3.7e9, "HKD", None),
    ("The mine will produce 1.2m tons of ore.", 1.2e6, "t", None),
    ("The divers reached 40m deep.", 40, "m", None),
    ("The car reached 80 miles per hour.", 80, "mph", None),
    # counts of people and of things
    ("Some 3,000 refugees reached the border.", 3000, "people", None),
    ("Over 8,000 displaced children were moved.", 8000, "people", None),
    ("Police said 1,200 dock workers walked out.", 1200, "people", None),
    ("Forty other nations signed the treaty.", 40, "nation", None),
    ("The army lost 30 tanks in the offensive.", 30, "tank", None),
    ("Inspectors boarded 14 vessels in the bay.", 14, "vessel", None),
    ("The bloc has 27 member states at present.", 27, "member state", None),
    ("An eight-man crew was detained.", 8, "people", None),
    ("A 40,000-strong army guards the border.", 40000, "people", None),
    # written numbers and fractions
    ("Two-thirds of the residents have left.", 66.7, "%", None),
    ("Three million people voted on Sunday.", 3e6, "people", None),
    ("A dozen workers were injured.", 12, "people", None),
    ("The army will grow by a quarter by 2030.", 25, "%", None),
    # ranges
    ("Between 2,000–3,000 workers joined the strike.", 2000, "people", 3000),
    ("Prices rose between 10 and 15 per cent last year.", 10, "%", 15),
    ("Motor prices could rise 8 to 10 percent.", 8, "%", 10),
    ("Each euro spent saves between four and seven euros.", 4, "EUR", 7),
    # durations used as measures
    ("Talks ended after a six-hour session.", 6, "h", None),
    ("The agency marks its 22-year history.", 22, "year", None),
    ("The talks lasted three days.", 3, "d", None),
    ("He is 5'11\" tall.", 71, "in", None),
]


@model
@pytest.mark.parametrize(("text", "value", "unit", "value_max"), VALUES)
def test_value_and_unit(nlp, text, value, unit, value_max):
    q = _one(nlp, text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.value_max == (pytest.approx(value_max) if value_max is not None else None)


# text, qualifier (None: exact)
QUALIFIED = [
    ("About 300 demonstrators gathered.", "about"),
    ("Some 3,000 refugees arrived.", "some"),
    ("Around 40 km of road was flooded.", "around"),
    ("Nearly 400 vessels passed through.", "nearly"),
    ("Over 8,000 children were moved.", "over"),
    ("More than 14 people have died.", "more than"),
    ("At least 20 tankers were stopped.", "at least"),
    ("Fines of up to €85,000 apply.", "up to"),
    ("Roughly 10 km of track was damaged.", "roughly"),
    ("Almost 5 tonnes of fish were seized.", "almost"),
    ("An estimated 2,000 people fled.", "an estimated"),
    ("Exactly 300 demonstrators gathered.", None),
]


@model
@pytest.mark.parametrize(("text", "qualifier"), QUALIFIED)
def test_qualifier_sets_approximate_and_stays_out_of_the_text(nlp, text, qualifier):
    q = _one(nlp, text)
    assert q.qualifier == qualifier
    assert q.approximate is (qualifier is not None)
    if qualifier:
        assert qualifier not in q.text.lower()


@model
def test_vague_numbers_are_approximate(nlp):
    q = _one(nlp, "Thousands have left the valley.")
    assert (q.value, q.unit, q.approximate) == (1000, "people", True)


@model
def test_thresholds_are_not_approximate(nlp):
    q = _one(nlp, "The levy applies to incomes above 80,000 euros.")
    assert q.qualifier == "above" and not q.approximate


# text, expected about (a word it must contain)
ABOUT = [
    ("Roughly 12.5% of the region is under water.", "region"),
    ("Over 8,000 displaced children were moved.", "displaced children"),
    ("Talks ended after a six-hour session.", "session"),
    ("Brussels released €6 million in emergency aid.", "emergency aid"),
    ("The bank approved a loan of €900 million.", "loan"),
    ("The concession covers 3,400 km² of salt flat.", "salt flat"),
    ("The village lies four kilometres from the river.", "distance from"),
    ("Losses could reach 310 million euros.", "Losses"),
]


@model
@pytest.mark.parametrize(("text", "about"), ABOUT)
def test_about_names_what_is_measured(nlp, text, about):
    q = _one(nlp, text)
    assert q.about is not None and about in q.about


@model
def test_a_bare_count_takes_the_noun_of_its_of_phrase(nlp):
    found = _quantities(nlp, "Nineteen of the 32 allies back the bid; five oppose it.")
    assert [(q.value, q.unit) for q in found] == [(19, "ally"), (32, "ally"), (5, "ally")]


@model
def test_a_bare_count_goes_on_counting_the_noun_before(nlp):
    found = _quantities(nlp, "Inspectors boarded 14 vessels last year, and six were Dutch.")
    assert [(q.value, q.unit) for q in found] == [(14, "vessel"), (6, "vessel")]


@model
def test_a_change_from_one_figure_to_another_is_two_figures(nlp):
    found = _quantities(nlp, "Capacity will rise from 9 million to 14 million tonnes a year.")
    assert [(q.value, q.unit, q.value_max) for q in found] == [
        (9e6, "t", None), (14e6, "t", None)
    ]


@model
def test_a_conversion_in_parentheses_is_linked(nlp):
    first, second = _quantities(nlp, "Floods covered 1,250 km² (483 sq mi) of farmland.")
    assert (first.unit, second.unit) == ("km2", "mi2")
    assert second.same_as == first.id and first.same_as is None
    assert first.about == second.about == "farmland"


@model
def test_normalised_to_si_base_units(nlp):
    area, length, weight, volume, power = _quantities(
        nlp, "It covers 1,250 km², runs 310 km, carries 90 tonnes, holds 7 million barrels "
        "and makes 1,000 MW."
    )
    assert area.normalized == (1.25e9, "m2")
    assert length.normalized == (310_000, "m")
    assert weight.normalized == (90_000, "kg")
    assert volume.normalized[1] == "m3" and volume.normalized[0] == pytest.approx(1_112_911, 1e-5)
    assert power.normalized == (1e9, "W")


@model
def test_money_keeps_its_currency_and_counts_have_no_normalisation(nlp):
    money, share, count = _quantities(
        nlp, "The fund holds €45 billion, 12% of the budget, for 3,000 refugees."
    )
    assert money.normalized == (45e9, "EUR")
    assert share.normalized is None and count.normalized is None


# text, name of the entity credited (None: the article's own voice)
CLAIMS = [
    ("According to the Belmora Farmers' Union, 12.5% of the wheat crop is lost.",
     "Belmora Farmers' Union"),
    ("The Interior Ministry said some 3,000 refugees had arrived.", "Interior Ministry"),
    ("UNHCR estimates that 9,000 people crossed into Tesland.", "UNHCR"),
    ("“We lost 400 cattle,” Marta Silva said.", "Marta Silva"),
    ("The river fell 1.2 metres last week.", None),
]


@model
@pytest.mark.parametrize(("text", "source"), CLAIMS)
def test_claimed_by_names_the_credited_entity_or_nobody(nlp, text, source):
    doc = nlp(text)
    entities = extract_entities(doc)
    found = extract_quantities(doc, entities)
    assert found
    names = {e.id: e.name for e in entities}
    assert names.get(found[0].claimed_by) == source


# Not quantities: years, dates, times of day, ordinals, ages, phone numbers, ids, counters.
NOT_QUANTITIES = [
    "The programme runs until 2030.",
    "The talks began on 3 December 2025 at 14:30.",
    "Prices have risen since the 1990s.",
    "She finished third in the 2nd round.",
    "Ridl, 54, a former judge, was arrested.",
    "A 54-year-old man was detained.",
    "Call 555-0199 or +44 20 7946 0958 for details.",
    "See Article 5 of the treaty.",
    "Page 2 of 5",
    "Reference ID 48213 was cited.",
    "Construction begins in the first half of 2027.",
    "There is a third option on the table.",
    "One question remains for the minister.",
    "The strike began two weeks ago.",
    "A reply is expected within 48 hours.",
    "The meeting starts at 3pm.",
    "Analysts cited a study of the Fortune 100 this week.",
    "The 5G network opens in May.",
    "Sales fell in the second half and rose this half.",
]


@model
@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(nlp, text):
    assert _quantities(nlp, text) == ()


# Bad input: no exception, no nonsense value.
@model
def test_a_number_of_400_digits_is_no_quantity(nlp):
    assert _quantities(nlp, "The figure was " + "9" * 400 + " people.") == ()


@model
def test_a_list_of_digits_is_no_quantity(nlp):
    assert _quantities(nlp, "1,2,3,4,5") == ()


@model
def test_currency_signs_without_a_number_are_no_quantity(nlp):
    assert _quantities(nlp, "$$$ €€€ £") == ()


@model
def test_an_empty_text_has_no_quantity(nlp):
    assert _quantities(nlp, "") == ()


@model
def test_ids_are_numbered_in_text_order(nlp):
    found = _quantities(nlp, "It costs €3 million and employs 1,100 people across 40 countries.")
    assert [q.id for q in found] == ["N1", "N2", "N3"]
    assert [q.start for q in found] == sorted(q.start for q in found)
