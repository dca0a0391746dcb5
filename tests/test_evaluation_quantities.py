"""The quantity scorer on hand-made records."""

from __future__ import annotations

from newsgraph.evaluation.quantities import (
    about_matches,
    head_word,
    pair_quantities,
    score_quantities,
)


def _q(value, unit, text="", **extra):
    return {"text": text, "value": value, "unit": unit, **extra}


def _record(quantities, entities=()):
    return {"article": {"text": ""}, "entities": list(entities), "quantities": quantities}


def test_value_and_unit_lines():
    gold = {"quantities": [_q(1250, "km2"), _q(12.5, "%"), _q(9000, "people")]}
    pred = _record([_q(1250, "km2"), _q(12.5, "pp"), _q(7, "d")])
    scores, _ = score_quantities(gold, pred, "a")
    value, unit = scores["quantities"], scores["quantities.unit"]
    assert (value.tp, value.fp, value.fn) == (2, 1, 1)
    assert (unit.tp, unit.fp, unit.fn) == (1, 2, 2)
    assert any("unit of" in f for f in unit.failures)
    assert any("missed" in f for f in value.failures)
    assert any("spurious" in f for f in value.failures)


def test_values_agree_within_relative_tolerance_and_ranges_need_both_ends():
    gold = [_q(66.7, "%"), _q(8, "%", value_max=10)]
    pred = [_q(66.70000001, "%"), _q(8, "%")]
    pairs, missed, spurious = pair_quantities(gold, pred)
    assert len(pairs) == 1 and missed == [gold[1]] and spurious == [pred[1]]


def test_pairing_prefers_the_same_unit_then_the_same_text():
    gold = [_q(2, "vessel", "two"), _q(2, "country", "two countries")]
    pred = [_q(2, "country", "two countries"), _q(2, "vessel", "two")]
    pairs, _, _ = pair_quantities(gold, pred)
    assert all(g["unit"] == p["unit"] for g, p in pairs)


def test_about_rate():
    gold = {"quantities": [_q(12.5, "%", about="share of the province's arable land"),
                           _q(3, "d", about="closed-door sessions in Vienna"),
                           _q(4, "h")]}
    pred = _record([_q(12.5, "%", about="arable land"), _q(3, "d", about="ceasefire"),
                    _q(4, "h", about="meeting")])
    _, rates = score_quantities(gold, pred, "a")
    about = rates["quantities.about"]
    assert (about.num, about.den) == (1, 2)  # a gold without about is not counted
    assert "ceasefire" in about.failures[0]


def test_about_matching():
    assert head_word("share of the province's arable land") == "share"
    assert head_word("people crossing into Tesland") == "people"
    assert about_matches("farmland under water", "farmland")
    assert about_matches("displaced children", "children")
    assert about_matches("size of the IAWR programme", "programme")
    assert not about_matches("dam employees", "people")
    assert not about_matches("reservoir capacity", None)


def test_claimed_by_rate_pairs_entities_by_name():
    gold = {
        "entities": [{"name": "UN Refugee Agency", "type": "ORG", "aliases": ["UNHCR"]}],
        "quantities": [_q(9000, "people", claimed_by="UN Refugee Agency"),
                       _q(14, "people", claimed_by=None), _q(3, "d", claimed_by=None)],
    }
    entities = [{"id": "E1", "type": "ORG", "name": "UNHCR", "aliases": []},
                {"id": "E2", "type": "GPE", "name": "Tesland", "aliases": []}]
    pred = _record([_q(9000, "people", claimed_by="E1"), _q(14, "people", claimed_by=None),
                    _q(3, "d", claimed_by="E2")], entities)
    _, rates = score_quantities(gold, pred, "a")
    claimed = rates["quantities.claimed_by"]
    assert (claimed.num, claimed.den) == (2, 3)
    assert "predicted Tesland" in claimed.failures[0]


def test_approximate_rate():
    gold = {"quantities": [_q(300, "people", approximate=True), _q(3, "d", approximate=False)]}
    pred = _record([_q(300, "people", approximate=False), _q(3, "d", approximate=False)])
    _, rates = score_quantities(gold, pred, "a")
    assert rates["quantities.approximate"].as_dict()["value"] == 0.5


def test_empty_sides():
    scores, rates = score_quantities({}, _record([]), "a")
    assert scores["quantities"].f1 == 0.0 and rates["quantities.about"].den == 0
