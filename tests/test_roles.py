"""Roles in every arrangement news prose uses, with the span each was read from."""

from __future__ import annotations

import pytest

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.roles import roles_of

pytestmark = pytest.mark.model


def _entities(nlp, text):
    return extract_entities(nlp(text))


def _by_name(entities):
    return {e.name: e for e in entities}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Austrian Foreign Minister Karl Brenner opened the session in Vienna.",
         "Karl Brenner", "Austrian Foreign Minister"),
        ("Lena Okafor, the head of Nordland's national security council, spoke first.",
         "Lena Okafor", "head of Nordland's national security council"),
        ("The talks were attended by her brother-in-law, Tomas Ridl, who arrived late.",
         "Tomas Ridl", "her brother-in-law"),
        ("The premier's chief economic adviser, Ivo Lind, said the plan was sound.",
         "Ivo Lind", "premier's chief economic adviser"),
        ("Pavel Orlov, who is Estmark's deputy prime minister, declined to comment.",
         "Pavel Orlov", "Estmark's deputy prime minister"),
        ("Anna Weber, 54, a former judge, chaired the inquiry in Berlin.",
         "Anna Weber", "former judge"),
    ],
)
def test_roles_in_every_arrangement(nlp, text, name, role):
    person = _by_name(_entities(nlp, text))[name]
    assert role in person.roles
    [span] = [r for r in person.role_mentions if r.text == role]
    assert text[span.start : span.end] == role
    assert name not in role


def test_prose_beside_a_name_is_not_a_role(nlp):
    text = "Elena Marsh, speaking after the talks in Oslo, said progress was slow."
    assert _by_name(_entities(nlp, text))["Elena Marsh"].roles == ()


def test_courtesy_title_is_not_a_role(nlp):
    text = "Ms. Elena Marsh met Mr. Karl Brenner in Oslo on Monday."
    for e in _entities(nlp, text):
        assert not any(r.lower().startswith(("ms", "mr")) for r in e.roles)


def test_role_may_name_its_owner(nlp):
    text = "Nordland's prime minister, Henrik Vesterlund, opened the summit."
    assert "Nordland's prime minister" in _by_name(_entities(nlp, text))["Henrik Vesterlund"].roles


def test_an_action_is_not_a_role(nlp):
    doc = nlp("Austrian Foreign Minister Karl Brenner, who is hosting the talks, spoke first.")
    person = next(e for e in doc.ents if e.text == "Karl Brenner")
    assert [r.text for r in roles_of(person)] == ["Austrian Foreign Minister"]


def test_leading_also_is_dropped(nlp):
    text = "Irena Kostova, who is also Kessaria's justice minister, left Vienna."
    assert _by_name(_entities(nlp, text))["Irena Kostova"].roles == ("Kessaria's justice minister",)
