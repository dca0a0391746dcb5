"""The shipped lexicons load and answer the questions the rules ask."""

from __future__ import annotations

from newsgraph import gazetteer


def test_places_and_institutions_have_types_and_aliases():
    index = gazetteer.surface_index()
    assert index["Oslo"].type == "GPE"
    assert index["OSCE"].type == "ORG"
    assert index["IAEA"].name == "International Atomic Energy Agency"
    assert index["U.S."].name == "United States"
    assert index["Danube"].type == "LOC"
    assert len(index) > 500


def test_titles_roles_and_honorifics_are_kept_apart():
    lex = gazetteer.titles()
    assert lex.is_title("Minister") and lex.is_title("secretary-general")
    assert lex.is_role_word("brother-in-law") and lex.is_role_word("adviser")
    assert "ms." in lex.honorifics and "ms." not in lex.titles
    assert "former" in lex.modifiers


def test_given_names_are_case_sensitive_words():
    names = gazetteer.given_names()
    assert {"Elena", "Karl", "Oleksandr"} <= names
    assert "elena" not in names


def test_demonyms_name_countries_of_the_gazetteer():
    demonyms = gazetteer.demonyms()
    assert demonyms["Dutch"] == "Netherlands"
    index = gazetteer.surface_index()
    assert all(country in index for country in demonyms.values())


def test_demonyms_of_a_country_are_the_demonyms_naming_it():
    by_country = gazetteer.demonyms_of()
    assert "Dutch" in by_country["Netherlands"]
    assert {(a, c) for c, adjectives in by_country.items() for a in adjectives} == set(
        gazetteer.demonyms().items())
