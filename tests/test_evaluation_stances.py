"""The stances scorer on hand-made gold and records (no model)."""

from __future__ import annotations

from newsgraph.evaluation.stances import content_words, same_issue, score_stances

ENTITIES = [{"id": "E1", "type": "GPE", "name": "Estmark", "aliases": []},
            {"id": "E2", "type": "GPE", "name": "Poland", "aliases": []}]


def _stance(holder, polarity, issue):
    return {"id": "S1", "holder": holder, "polarity": polarity, "issue": issue,
            "evidence": {"start": 0, "end": 0, "text": ""}}


def _score(gold_stances, stances):
    gold = {"entities": [{k: e[k] for k in ("name", "type", "aliases")} for e in ENTITIES],
            "stances": gold_stances}
    return score_stances(gold, {"entities": ENTITIES, "stances": stances}, "t")


def test_issue_matching_sets_function_words_aside_but_needs_shared_content():
    assert content_words("the Portugal–Morocco power link") == {"portugal", "morocco", "power",
                                                               "link"}
    assert same_issue("the solidarity levy", "the levy")
    assert same_issue("Velmonia's NATO membership", "Velmonia's bid to join NATO")
    assert not same_issue("the solidarity levy", "the patrol plan")
    assert not same_issue("the treaty", "it")


def test_holder_polarity_and_issue_must_all_match():
    gold = [{"holder": "Estmark", "polarity": "oppose", "issue": "the dam", "evidence": "x"}]
    scores, rates = _score(gold, [_stance("E1", "oppose", "the Varna dam")])
    assert scores["stances"].tp == 1 and rates["stances.wrong_polarity"].num == 0
    scores, _ = _score(gold, [_stance("E2", "oppose", "the dam")])
    assert scores["stances"].tp == 0


def test_a_flipped_polarity_is_counted():
    gold = [{"holder": "Estmark", "polarity": "oppose", "issue": "the dam", "evidence": "x"}]
    scores, rates = _score(gold, [_stance("E1", "support", "the dam"),
                                  _stance("E2", "support", "the treaty")])
    assert scores["stances"].tp == 0
    assert (rates["stances.wrong_polarity"].num, rates["stances.wrong_polarity"].den) == (1, 2)
