"""Context decides the type of names the model does not know."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import extract_entities

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
