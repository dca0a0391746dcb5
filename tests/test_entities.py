"""Entities with the real English model: grouping, naming, typing and roles."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import acronym, extract_entities, normalize, surname_key

pytestmark = pytest.mark.model


def _entities(nlp, text, headline_end=0):
    return extract_entities(nlp(text), headline_end=headline_end)


def _by_name(entities):
    return {e.name: e for e in entities}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Elena Marsh", "marsh"), ("Jan van der Berg", "van der berg"), ("Marsh", "marsh")],
)
def test_surname_key(name, expected):
    assert surname_key(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("International Atomic Energy Agency", "IAEA"),
     ("Organization for Security and Co-operation in Europe", "OSCE")],
)
def test_acronym(name, expected):
    assert acronym(name) == expected


def test_normalize_ignores_the_and_possessive():
    assert normalize("the Kremlin's") == normalize("Kremlin") == "kremlin"


def test_surname_joins_full_name_and_keeps_every_mention(nlp):
    text = ("Foreign Minister Elena Marsh arrived in Oslo on Monday. "
            "Marsh said the talks would be hard. Later Marsh left.")
    ents = _by_name(_entities(nlp, text))
    marsh = ents["Elena Marsh"]
    assert marsh.type == "PERSON"
    assert "Marsh" in marsh.aliases
    assert len(marsh.mentions) == 3
    for m in marsh.mentions:
        assert text[m.start : m.end] == m.text


def test_acronym_in_parentheses_is_one_organisation(nlp):
    text = ("The International Atomic Energy Agency (IAEA) sent inspectors to the plant. "
            "The IAEA said the reactor was safe.")
    orgs = [e for e in _entities(nlp, text) if e.type == "ORG"]
    assert len(orgs) == 1
    assert orgs[0].name == "International Atomic Energy Agency"
    assert "IAEA" in orgs[0].aliases


def test_gazetteer_fixes_capitals_and_institutions(nlp):
    text = "Oslo said it would host the talks, and the Élysée and the OSCE agreed."
    ents = _by_name(_entities(nlp, text))
    assert ents["Oslo"].type == "GPE"
    assert ents["Élysée"].type == "ORG"
    assert ents["OSCE"].type == "ORG"


def test_name_particles_are_kept(nlp):
    text = "Jan van der Berg, the Dutch envoy, met Maria de la Cruz in Madrid."
    names = {e.name for e in _entities(nlp, text) if e.type == "PERSON"}
    assert "Jan van der Berg" in names


def test_people_mistyped_as_organisations_are_people(nlp):
    text = ("Tomas Ridl, 54, a retired judge, left the court. "
            "Pavel Orlov, who chairs the committee, stayed behind.")
    ents = _by_name(_entities(nlp, text))
    assert ents["Tomas Ridl"].type == "PERSON"
    assert ents["Pavel Orlov"].type == "PERSON"


def test_two_people_sharing_a_surname_stay_apart(nlp):
    text = ("Finance Minister Ivo Lind presented the budget. The journalist Sara Lind "
            "asked about the deficit. Lind replied that it would shrink.")
    people = [e for e in _entities(nlp, text) if e.type == "PERSON" and "Lind" in e.name]
    assert {p.name for p in people} == {"Ivo Lind", "Sara Lind"}
    # The bare surname goes to the Lind named most recently before it.
    sara = next(p for p in people if p.name == "Sara Lind")
    assert len(sara.mentions) == 2


def test_headline_only_names_are_dropped_unless_known(nlp):
    text = "Varna Dam Talks Stall In Oslo\n\nNegotiators left the meeting without a deal."
    ents = _entities(nlp, text, headline_end=text.index("\n\n"))
    assert {e.name for e in ents} <= {"Oslo"}


def test_ids_follow_first_mention_order(nlp):
    text = "Karl Brenner met Elena Marsh. Marsh thanked Brenner."
    ents = _entities(nlp, text)
    assert [e.id for e in ents] == [f"E{i}" for i in range(1, len(ents) + 1)]
    starts = [e.mentions[0].start for e in ents]
    assert starts == sorted(starts)


def test_a_surname_written_without_its_diacritics_is_the_same_person(nlp):
    """ "Stefanescu" and "Balan" in a story that named "Ileana Ștefănescu" and "Konstantin
    Bălan": one person each, whether or not the model tagged the short form."""
    text = ("Union leader Ileana Ștefănescu met Health Minister Konstantin Bălan on Wednesday.\n\n"
            "Balan and Stefanescu are due to meet again on Monday in Corvaro.")
    people = {e.name: e for e in _entities(nlp, text) if e.type == "PERSON"}
    assert set(people) == {"Ileana Ștefănescu", "Konstantin Bălan"}
    assert {m.text for m in people["Ileana Ștefănescu"].mentions} >= {"Stefanescu"}
    assert {m.text for m in people["Konstantin Bălan"].mentions} >= {"Balan"}
    assert not any(e.name in ("Stefanescu", "Balan") for e in _entities(nlp, text))


def test_two_people_tagged_as_one_name_are_two(nlp):
    """ "Pryce and Fersht" tagged as one organisation, in a story that named both in full."""
    text = ("Trade Secretary Owen Pryce and his Kesmaran counterpart, Ilona Fersht, sat down "
            "together for three days. Negotiators will meet again in Singapore on 19 October to "
            "put numbers on the idea, and Pryce and Fersht are scheduled to speak by phone on "
            "Thursday to settle the agenda.")
    found = _by_name(_entities(nlp, text))
    assert "Pryce and Fersht" not in found
    assert [m.text for m in found["Owen Pryce"].mentions] == ["Owen Pryce", "Pryce"]
    assert [m.text for m in found["Ilona Fersht"].mentions] == ["Ilona Fersht", "Fersht"]


def test_a_company_named_for_two_people_stays_one(nlp):
    """Its sides are no person's names in the article: "Procter and Gamble" is one company."""
    found = _by_name(_entities(nlp, "Procter and Gamble said on Tuesday it would cut prices."))
    assert list(found) == ["Procter and Gamble"]


def test_a_company_goes_by_the_first_word_of_its_name(nlp):
    """ "Norrgate" is "Norrgate Resources"; "Kelumbe" stays the country "Kelumbe Mining
    Corporation" is named after, since it is typed a place."""
    from newsgraph.extract.rules import switched_off

    text = ("Kelumbe court backs seizure of Norrgate’s copper licence\n\nKelumbe’s Supreme Court "
            "upheld the decision to strip the miner Norrgate Resources of its licence. Norrgate "
            "said it would appeal. The Kelumbe Mining Corporation will run the mine, Kelumbean "
            "officials said.")
    names = {e.name for e in _entities(nlp, text, headline_end=text.index("\n"))}
    assert "Norrgate Resources" in names and "Norrgate" not in names
    assert {"Kelumbe", "Kelumbe Mining Corporation"} <= names
    with switched_off(["COMPANY_SHORT_NAME"]):
        names = {e.name for e in _entities(nlp, text, headline_end=text.index("\n"))}
        assert {"Norrgate", "Norrgate Resources"} <= names


def test_a_company_with_a_middle_word_goes_by_its_first_word_too(nlp):
    text = ("The largest shipping line using the port, Salvo Container Lines, warned on Tuesday "
            "that it would divert its services. A Salvo spokesman said 30 vessels would be "
            "affected. Halvard Water Systems said it would stay.")
    types = {e.name: e.type for e in _entities(nlp, text)}
    assert types.get("Salvo Container Lines") == "ORG" and "Salvo" not in types
    assert types.get("Halvard Water Systems") == "ORG"


def test_a_surname_the_model_labels_a_work_of_art_is_still_the_person(nlp):
    from newsgraph.extract.rules import switched_off

    text = ("Khorsati President Ilyas Durmanov met Iskeli President Kanat Sherali on Wednesday. "
            "Durmanov will travel to the Iskeli capital, Kurgantash, next month to press "
            "Sherali again.")
    doc = nlp(text)
    assert any(e.label_ not in ("PERSON",) and e.text == "Sherali" for e in doc.ents)

    def mentions():
        sherali = next(e for e in extract_entities(doc) if e.name == "Kanat Sherali")
        return [m.text for m in sherali.mentions]

    assert mentions() == ["Kanat Sherali", "Sherali"]
    with switched_off(["STRAY_LABEL_SURNAME"]):
        assert mentions() == ["Kanat Sherali"]


def test_a_nationality_left_untagged_beside_its_country_is_a_nationality(nlp):
    from newsgraph.extract.rules import switched_off

    text = "Lindorra abstained. Lindorran officials said they could back a revised list."
    assert ("Lindorran", "NORP") in {(e.name, e.type) for e in _entities(nlp, text)}
    with switched_off(["UNTAGGED_NATIONALITY"]):
        assert "Lindorran" not in {e.name for e in _entities(nlp, text)}


def test_the_agency_in_a_datelines_brackets_is_an_organisation(nlp):
    from newsgraph.extract.rules import switched_off

    text = ("Talks end without a deal\n\nSANTA IREA, Sept 17 (Meridian) - Negotiators from "
            "Tarvessa and Ardunia held a third round of talks on Thursday.")
    assert ("Meridian", "ORG") in {(e.name, e.type) for e in _entities(nlp, text, 24)}
    with switched_off(["DATELINE_AGENCY"]):
        assert ("Meridian", "ORG") not in {(e.name, e.type) for e in _entities(nlp, text, 24)}


def test_a_place_a_declaration_is_named_for_stays_the_place(nlp):
    from newsgraph.extract.entities import extract_entities

    doc = nlp("Leaders met in Hallvik on Monday. They signed what officials are calling the "
              "Hallvik Declaration. The Hallvik summit ended at noon.")
    types = {e.name: e.type for e in extract_entities(doc)}
    assert types.get("Hallvik Declaration") == "LAW"
    assert types.get("Hallvik") == "GPE"
