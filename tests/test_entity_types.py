"""Context decides the type of names the model does not know."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.rules import switched_off

pytestmark = pytest.mark.model


def _types(nlp, text):
    return {e.name: e.type for e in extract_entities(nlp(text))}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Refugees crossed into Tesland on Sunday. Tesland's government kept the border open.",
         "Tesland", "GPE"),
        ("The river burst its banks near the town of Caldas on Saturday.", "Caldas", "GPE"),
        ("The water reached Porto Vell, the provincial capital, by Monday.", "Porto Vell", "GPE"),
        ("Flood defences were built along the Varna. Farmers fear the Varna will rise.",
         "Varna", "LOC"),
        ("Red Eléctrica, the Spanish grid operator, declined to comment.", "Red Eléctrica",
         "ORG"),
        ("The Upper Varna Dam was closed in May.", "Upper Varna Dam", "FAC"),
        ("Both sides signed the Hallvik Declaration on Friday.", "Hallvik Declaration", "LAW"),
        ("Delegates flew to the Munich Security Conference.", "Munich Security Conference",
         "EVENT"),
    ],
)
def test_context_types_unknown_names(nlp, text, name, expected):
    assert _types(nlp, text)[name] == expected


def test_place_listed_with_places_is_a_place(nlp):
    text = "The fund covers the basin shared by Nordland and Estmark, officials said."
    types = _types(nlp, text)
    assert types.get("Estmark") == types.get("Nordland") == "GPE"


@pytest.mark.parametrize(
    ("text", "name", "expected", "rule"),
    [
        # a one-word name on a summit names the town that holds it
        ("Sorvik summit: leaders agree joint patrols\n\nOur full report on the Sorvik summit "
         "will follow.", "Sorvik", "GPE", "HOSTED_GATHERING"),
        # "at the X", always with "the": a building, not a river
        ("Delegates met at the Vossberg on Monday. Rumours from the Vossberg spread fast.",
         "Vossberg", "FAC", "AT_THE_BUILDING"),
        # a name before a facility's kind that never acts: the facility
        ("Engineers want to restart the Dravik nuclear plant, closed in 2019. Inspectors "
         "visited Dravik in January.", "Dravik", "FAC", "NAMED_FACILITY"),
        # a description just before the name and its comma
        ("The pipeline's operator, Arvel Transgas, backs the increase. Arvel Transgas needs "
         "money.", "Arvel Transgas", "ORG", "DESCRIBED_BEFORE"),
        # a country the model calls a landform, beside its nationality
        ("The Avra River supplies about 60 percent of the irrigation water used on Ivrenia's "
         "southern plain. Ivrenian officials say harvests fell. Ivrenia wants observers.",
         "Ivrenia", "GPE", "LOC_WITH_DEMONYM"),
        # a name ending in a body's word
        ("Tariffs protect some 14,000 jobs in the northern mill towns. But the opposition "
         "Green Alliance voiced opposition to the measure.", "Green Alliance", "ORG",
         "BODY_LAST_WORD"),
        # a word the article coins from a place's name is its nationality
        ("Marvessa denied that any of its soldiers had left Marvessan soil. She said two "
         "Marvessan soldiers had been slightly hurt.", "Marvessan", "NORP", "DEMONYM_OF_NAME"),
        # a nationality-looking name that acts is a state
        ("Three of the four countries signed a declaration on water sharing, but upstream Iskeli "
         "refused to put its name to the text. Iskeli rejects any limit on how fast it fills the "
         "reservoir.", "Iskeli", "GPE", "NORP_THAT_ACTS"),
        # a gathering's name that acts is a body
        ("The Coastal States Forum, a grouping of 11 nations, has issued a statement of support "
         "for the plan.", "Coastal States Forum", "ORG", "EVENT_THAT_ACTS"),
        # a party called by the plural of its members
        ("The Greens have ruled out any deal that extends Kallen's life beyond 2040.", "Greens",
         "ORG", "PARTY_BY_PLURAL"),
        # where one travels to is a place
        ("The envoy Aino Kettunen will travel to Brenno on Thursday to brief the president.",
         "Brenno", "GPE", "DESTINATION"),
        # what only a state has: a government "of" it, an ambassador
        ("The convoy was paid for largely by the government of Kessland, which has also sent "
         "€2.5 million in cash. Kessland's ambassador said the aid would continue. Vries said "
         "Kessland welcomed the decision.", "Kessland", "GPE", "PLACE_OF_OWNER"),
        # a description after "but" belongs to another name
        ("The joint commission will meet next month in Lisvagen, the Calvonian capital. "
         "Vasquel's coalition has a comfortable majority in Lisvagen, but Osmanli's party holds "
         "only 96 seats.", "Lisvagen", "GPE", "APPOSITION_ENDS"),
        # a dateline in capitals is no acronym when the body writes the name in lower case
        ("KORVITSA — Inspectors from the chemical weapons watchdog reached the Serebrin plant "
         "on Monday. About 600 workers from the plant rallied in Korvitsa on Saturday against "
         "the ban, and the mayor of Korvitsa backed them.", "Korvitsa", "GPE",
         "CAPITALS_OF_A_NAME"),
        # a building by the words of its name
        ("Sarandi has opened the one-day summit at the Villa Corena, a former governor's "
         "residence overlooking the harbour.", "Villa Corena", "FAC", "BUILDING_BY_NAME"),
        ("The candidates faced each other at the Galen Theatre on Tuesday night.",
         "Galen Theatre", "FAC", "BUILDING_BY_NAME"),
        # an occurrence inside a longer name says nothing of the name alone
        ("Vasquel has promised closer ties with Calvonia since taking office. In Calvonia, "
         "business groups cheered. Open Calvonia, a campaign group, urged him to raise the "
         "case.", "Calvonia", "GPE", "NAME_INSIDE_NAME"),
    ],
)
def test_where_a_name_stands_types_it_only_with_its_rule(nlp, text, name, expected, rule):
    assert _types(nlp, text)[name] == expected
    with switched_off([rule]):
        assert _types(nlp, text)[name] != expected


def test_a_name_that_acts_is_no_host_and_no_facility(nlp):
    """ "Boeing said …": a company's talks and a company's plant stay the company's."""
    assert _types(nlp, "Boeing talks collapse\n\nBoeing said the Boeing talks would go on. "
                       "Union leaders left the Boeing talks early.")["Boeing"] == "ORG"
    assert _types(nlp, "Kestrel said on Monday it would close the Kestrel car plant. Workers "
                       "at the Kestrel plant were told first.")["Kestrel"] == "ORG"


def test_a_relative_clause_after_a_name_is_no_apposition_of_a_place(nlp):
    """ "Nordvik Harbour Guild, which represents the country's dockers": "country" in a
    relative clause does not make the guild a place."""
    types = _types(nlp, "Nordvik Harbour Guild, which represents the country's dockers, said "
                        "it backs the strike.")
    assert types["Nordvik Harbour Guild"] == "ORG"


@pytest.mark.parametrize("name", ["Velsburg Courier", "Salvo Container Lines",
                                  "Halvard Water Systems"])
def test_a_newspaper_or_a_company_labelled_a_place_is_a_body_by_its_last_word(nlp, name):
    from spacy.tokens import Span

    from newsgraph.extract.entity_types import context_type

    doc = nlp(f"A report in the {name} said so.")
    start = next(t.i for t in doc if t.text == name.split()[0])
    mention = Span(doc, start, start + len(name.split()), label="GPE")
    assert context_type("GPE", [mention]) == "ORG"
    with switched_off(["BODY_LAST_WORD"]):
        assert context_type("GPE", [mention]) != "ORG"


def test_a_building_that_speaks_is_the_office_in_it(nlp):
    text = ("A spokesman for the Palacio de Gobierno said Salcedo would respect the neutrality "
            "of his office.")
    assert _types(nlp, text)["Palacio de Gobierno"] != "FAC"
