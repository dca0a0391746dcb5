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
        (9e6, "t/year", None), (14e6, "t/year", None)  # a flow: tonnes a year
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


# Not quantities: years, dates, times of day, ordinals, phone numbers, ids, counters.
NOT_QUANTITIES = [
    "The programme runs until 2030.",
    "The talks began on 3 December 2025 at 14:30.",
    "Prices have risen since the 1990s.",
    "She finished third in the 2nd round.",
    "Varlen (14) scored twice.",  # a shirt number as often as an age
    "The harbour, 12, and the dock were closed.",  # an apposition to no person
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


# --- rules read off the NewsQuant benchmark (docs/quantities.md), in our own words -----------

# text, value, unit, value_max
MORE_VALUES = [
    # currency codes glued to the figure, written after it, and ASCII spellings of £ and ¥
    ("The yacht was listed at USD12m last spring.", 12e6, "USD", None),
    ("Harlow Bank booked a profit of EUR40m.", 40e6, "EUR", None),
    ("Tarvo shares closed at RM4.15 on Friday.", 4.15, "MYR", None),
    ("Debt reached $US98 billion by March.", 98e9, "USD", None),
    ("The villa fetched $A3,250,000 at auction.", 3_250_000, "AUD", None),
    ("The rate held at 142 JPY all week.", 142, "JPY", None),
    ("Brenna Foods expects a profit of Y=80 billion.", 80e9, "JPY", None),
    ("The chief executive took home PS3.4m last year.", 3.4e6, "GBP", None),
    ("The fund holds 5.5 million Danish crowns in cash.", 5.5e6, "DKK", None),
    ("Orvel shares fell to 212.5p in early trading.", 212.5, "GBX", None),
    # units of measure
    ("The chip runs at 3.2GHz under load.", 3.2, "GHz", None),
    ("Grid frequency dipped to 49.6 HZ overnight.", 49.6, "Hz", None),
    ("The tablet ships with 128GB of storage.", 128, "GB", None),
    ("The battery holds 4100 mAh of charge.", 4100, "mAh", None),
    ("Lead in the water reached 9 ppb last week.", 9, "ppb", None),
    ("Each dose holds 500mg of the drug.", 500, "mg", None),
    ("Each sample weighed about 40g after baking.", 40, "g", None),
    ("The coating is 0.04 millimeter thick.", 0.04, "mm", None),
    ("The flat measures 85 square feet more than the old one.", 85, "ft2", None),
    ("The hatchback gets 38 mpg on the highway.", 38, "mpg", None),
    ("The engine makes 640bhp at full tilt.", 640, "bhp", None),
    ("The coupe passes the 1000 hp mark.", 1000, "hp", None),
    ("The launch angle was 12 degrees on average.", 12, "deg", None),
    ("Chipmakers race to sub-5 nanometer processes.", 5, "nm", None),
    ("The coupe has a four-cylinder engine.", 4, "cylinder", None),
    # signs and powers of ten
    ("The gas is cooled to minus 162 degrees Celsius.", -162, "degC", None),
    ("The offence gained -7 yards on the drive.", -7, "yd", None),
    ("The mass is 5.97×10−24 kilograms.", 5.97e-24, "kg", None),
    # ranges with the unit on both ends, "or", hyphen ranges
    ("Analysts expect 5% to 10% growth next year.", 5, "%", 10),
    ("Rents rose between 4% and 6% in the capital.", 4, "%", 6),
    ("Managers charge 15 per cent to 20 per cent of gains.", 15, "%", 20),
    ("Gusts reached 15-22 miles per hour.", 15, "mph", 22),
    # rates and flows
    ("The field pumps 800,000 barrels a day.", 800_000, "bbl/d", None),
    ("Gold traded at $1,940 an ounce.", 1940, "USD/oz", None),
    ("The fund lost 63 cents per share in the quarter.", 63, "cent/share", None),
    ("Demand is growing almost five percent a year.", 5, "%/year", None),
    ("Tarin averages 21.4 ppg this season.", 21.4, "points/game", None),
    ("Orvel rose 18 sen in Kuala Lumpur.", 18, "sen", None),
    # multiples
    ("Sales grew more than sevenfold in a decade.", 7, "times", None),
    ("The shares trade at 6.5 times earnings.", 6.5, "times", None),
    ("The star spins nearly 7,000 times a minute.", 7000, "times/min", None),
    ("Readings peaked at 2.14degF above normal.", 2.14, "degF", None),
    ("The neck is 25.5\u2033 from nut to saddle.", 25.5, "in", None),
    ("Fees rose by up to £24 a-year.", 24, "GBP/year", None),
    ("The firm now has more than 1000 customers.", 1000, "people", None),
    ("There were 4 hundred million voters.", 4e8, "people", None),
]


@model
@pytest.mark.parametrize(("text", "value", "unit", "value_max"), MORE_VALUES)
def test_more_values_and_units(nlp, text, value, unit, value_max):
    q = _one(nlp, text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.value_max == (pytest.approx(value_max) if value_max is not None else None)


MORE_NOT_QUANTITIES = [
    "Kessa launched the PS5 bundle on Monday.",  # "PS" before a plain digit: a name
    "The match ended 2-2 after extra time.",  # a score
    "Velmar led 3-1 at the break.",
    "The office moved to 575 Harrow Road last year.",  # an address
    "In the sp 500 utilities held up well.",  # an index name
    "The new iPhone 11 ships in May.",  # a number in a camel-case name
    "Tickets sold out for the COVID -19 benefit.",  # a minus sign only counts before a unit
]


@model
@pytest.mark.parametrize("text", MORE_NOT_QUANTITIES)
def test_more_not_quantities(nlp, text):
    assert _quantities(nlp, text) == ()


@model
def test_a_bare_number_the_small_model_calls_a_date_is_read(nlp):
    # "to 13,176" is a DATE entity for en_core_web_sm; five digits are no date
    found = _quantities(nlp, "The Orvex index fell 0.4 per cent to 13176 while bonds rose.")
    assert [(q.value, q.unit) for q in found] == [(0.4, "%"), (13176, None)]


@model
def test_an_index_level_takes_the_points_of_its_sentence(nlp):
    found = _quantities(nlp, "The Orvex index rose 64.06 points to 4,577.10 on Friday.")
    assert [(q.value, q.unit) for q in found] == [(64.06, "point"), (4577.1, "point")]


@model
def test_a_conversion_in_parentheses_is_no_age(nlp):
    found = _quantities(nlp, "The moths can fly more than 100 kilometres (60 miles).")
    assert [(q.value, q.unit) for q in found] == [(100, "km"), (60, "mi")]
    assert found[1].same_as == found[0].id


@model
def test_averaged_is_not_aged(nlp):
    found = _quantities(nlp, "Tarin averaged 7.3 points a game last season.")
    assert (found[0].value, found[0].unit) == (7.3, "point")


@model
def test_an_alternative_takes_the_unit_after_it(nlp):
    found = _quantities(nlp, "Lunch costs eight or nine euros in the square.")
    assert [(q.value, q.unit) for q in found] == [(8, "EUR"), (9, "EUR")]


@model
def test_a_change_with_units_on_both_ends_is_two_figures(nlp):
    found = _quantities(nlp, "Velcor shares rose $1.20 to $45.60 on Tuesday.")
    assert [(q.value, q.unit, q.value_max) for q in found] == [
        (1.2, "USD", None), (45.6, "USD", None)
    ]


@model
def test_a_change_takes_the_scale_of_its_end(nlp):
    found = _quantities(nlp, "They hope to grow from $10 to $15 billion by 2030.")
    assert [(q.value, q.unit) for q in found] == [(10e9, "USD"), (15e9, "USD")]


@model
def test_a_range_of_money_keeps_a_glued_code_on_both_ends(nlp):
    q = _one(nlp, "Guidance was cut to between $US140 million and $US150 million.")
    assert (q.value, q.value_max, q.unit) == (140e6, 150e6, "USD")


@model
def test_a_year_earlier_is_no_rate(nlp):
    found = _quantities(nlp, "Revenue rose to $7.4 billion from $6.8 billion a year earlier.")
    assert [q.unit for q in found] == ["USD", "USD"]


@model
def test_a_huge_bare_figure_is_no_head_count(nlp):
    # the currency sign is missing; the people of the sentence are not what it counts
    found = _quantities(nlp, "The richest families hold 771.3 billion between them.")
    assert [(q.value, q.unit) for q in found] == [(771.3e9, None)]


@model
def test_about_keeps_the_adjective_before_the_figure(nlp):
    q = _one(nlp, "Velmar beat the top three seeds in the draw.")
    assert q.about == "top seeds"
    q = _one(nlp, "The club sold 14 first-team players in May.")
    assert q.about == "first-team players"


@model
def test_about_leaves_out_a_qualifier_before_the_figure(nlp):
    q = _one(nlp, "The developer sold a combined 435 homes.")
    assert q.about == "homes"


@model
def test_a_count_reads_through_joined_modifiers(nlp):
    found = _quantities(nlp, "Thieves took 460 Kia and Hyundai vehicles, compared with 63 in May.")
    assert [(q.value, q.unit) for q in found] == [(460, "vehicle"), (63, "vehicle")]
    assert found[0].about == "Kia and Hyundai vehicles"


@model
def test_a_bare_price_goes_on_in_the_cents_before(nlp):
    found = _quantities(nlp, "The highest forecast is 84.75 cents, while the lowest is 74.07.")
    assert [(q.value, q.unit) for q in found] == [(84.75, "cent"), (74.07, "cent")]


@model
def test_an_unhyphenated_compound_counts_its_first_noun(nlp):
    q = _one(nlp, "Reporters read the 12 page document twice.")
    assert (q.value, q.unit, q.text, q.about) == (12, "page", "12 page", "document")
    assert _quantities(nlp, "The 999 call came late.") == ()


@model
def test_a_list_of_suspended_compounds_takes_the_last_unit(nlp):
    found = _quantities(nlp, "Buyers can pick four-, five- and six-cylinder engines.")
    assert [(q.value, q.unit) for q in found] == [(4, "cylinder"), (5, "cylinder"), (6, "cylinder")]


@model
def test_a_number_no_date_can_hold_is_read_inside_a_date_entity(nlp):
    text = "Some 68400 people waited one to two years and 95800 who waited longer."
    assert [(q.value, q.unit) for q in _quantities(nlp, text)] == [
        (68400, "people"), (95800, "people")
    ]


# Ages: a quantity in the unit it is stated in ("years old"), ``about`` whose age it is (the
# person's entity name when the text names one).
AGES = [
    ("Ridl, 54, a former judge, was arrested.", 54, "years old", "54", "Ridl"),
    ("A 54-year-old man was detained.", 54, "years old", "54-year-old", "man"),
    ("Police found a 33 year-old courier near the depot.", 33, "years old", "33 year-old",
     "courier"),
    ('"We are ready," said Mira Holt, 29, a campaigner.', 29, "years old", "29", "Mira Holt"),
    ("Her son, Taavi, 19, a conscript, has not written.", 19, "years old", "19", "Taavi"),
    ("Uncle saves boy, 6, from frozen pond", 6, "years old", "6", "boy"),
    ("A woman aged 72 was rescued from the river.", 72, "years old", "72", "woman"),
    ("Orla Brennick is 30 years old.", 30, "years old", "30 years old", "Orla Brennick"),
    ("She lives with her now-18 month-old son.", 18, "months old", "18 month-old", "son"),
    ("The chapel stands on 400 million-year-old granite.", 4e8, "years old",
     "400 million-year-old", "granite"),
    ("The club kept 17 players over the age of 21.", 21, "years old", "21", "players"),
    ("Lena Varsk moved to Tarn with her daughter Ilse, who was 10.", 10, "years old", "10",
     "Ilse"),
]


@model
@pytest.mark.parametrize(("text", "value", "unit", "surface", "about"), AGES)
def test_an_age_is_a_quantity_of_its_person(nlp, text, value, unit, surface, about):
    ages = [q for q in _quantities(nlp, text) if q.unit in ("years old", "months old")]
    assert len(ages) == 1
    q = ages[0]
    assert (q.value, q.unit, q.text, q.claimed_by) == (value, unit, surface, None)
    assert about in q.about


@model
def test_an_age_takes_the_full_name_of_its_person(nlp):
    text = "Petra Lind chairs the board. Lind, 52, told reporters the plan was ready."
    ages = [q for q in _quantities(nlp, text) if q.unit == "years old"]
    assert [(q.value, q.about) for q in ages] == [(52, "Petra Lind")]


@model
def test_a_minus_before_an_age_is_a_dash(nlp):
    q = _one(nlp, "The then - 18 year-old winger was sold.")
    assert (q.value, q.unit) == (18, "years old")


@model
def test_an_age_of_a_pronoun_keeps_to_copulas_of_persons(nlp):
    assert [q.unit for q in _quantities(nlp, "He will be 35 by the end of the year.")] == [
        "years old"]
    assert [q.unit for q in _quantities(nlp, "The rate was 5.")] == [None]


@model
def test_a_plural_of_nationality_counts_people(nlp):
    q = _one(nlp, "In total, 1,307,000 Ukrainians were registered by March.")
    assert (q.value, q.unit, q.about) == (1307000, "people", "Ukrainians")
    q = _one(nlp, "The leak exposed the records of millions of Canadians.")
    assert (q.value, q.unit, q.about) == (1e6, "people", "Canadians")


@model
def test_a_person_after_per_is_no_count_of_people(nlp):
    q = _one(nlp, "The cap on the deposit per person is 50000.")
    assert (q.value, q.unit) == (50000, None)


@model
def test_a_number_in_words_is_read_to_its_end(nlp):
    q = _one(nlp, "In all, twenty-eight thousand six hundred forty-two pupils attend Tarn schools.")
    assert (q.value, q.unit) == (28642, "people")
    q = _one(nlp, "The hall seats three hundred and ten guests.")
    assert (q.value, q.text) == (310, "three hundred and ten guests")
