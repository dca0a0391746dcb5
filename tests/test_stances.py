"""Stances from a small inline analysis piece, through the real pipeline."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import extract

pytestmark = pytest.mark.model

STORY = """\
The dispute between Nordland and Estmark over the Varna River dam has split the region. \
The government of Estmark remains opposed to any further rise in the reservoir's level, \
and Poland backs the enlargement of the monitoring mission.

Slovakia does not support the treaty. In Nordland, the Liberal Party has ruled out backing \
the solidarity levy that the prime minister proposed in January.

Darsk wants Velmonia's membership fast-tracked. Ankara remains opposed to any such step.

Opposition leader Samuel Ndoro called for a parliamentary inquiry into the dam's financing.
The government of Nordland dismissed the call on Tuesday.

Moscow condemned Nordland on Monday. "We support the observers," said Lenka Baros, who \
leads the opposition in Estmark.
"""


@pytest.fixture(scope="module")
def story():
    record = extract(STORY, published="2026-03-11")
    names = {e["id"]: e["name"] for e in record["entities"]}
    return record, [(names[s["holder"]], s["polarity"], s["issue"]) for s in record["stances"]]


def test_support_and_opposition_cues(story):
    _, stances = story
    assert ("Estmark", "oppose", "any further rise in the reservoir's level") in stances
    assert ("Poland", "support", "the enlargement of the monitoring mission") in stances


def test_negation_and_an_opposing_cue_over_a_supporting_one_turn_the_polarity(story):
    _, stances = story
    assert ("Slovakia", "oppose", "the treaty") in stances
    assert ("Liberal Party", "oppose", "the solidarity levy") in stances
    assert not any(s[0] == "Liberal Party" and s[1] == "support" for s in stances)


def test_an_issue_that_points_back_takes_the_one_named_before(story):
    _, stances = story
    [ankara] = [s for s in stances if s[0] == "Ankara"]
    assert ankara[1] == "oppose" and "membership" in ankara[2]


def test_a_stance_inside_a_quote_belongs_to_the_speaker_with_the_quote_as_evidence(story):
    record, _ = story
    [quoted] = [s for s in record["stances"] if s["quote"]]
    quote = next(q for q in record["quotes"] if q["id"] == quoted["quote"])
    assert quoted["holder"] == quote["speaker"] is not None
    assert (quoted["polarity"], quoted["issue"]) == ("support", "the observers")


def test_acting_on_a_party_is_not_a_stance(story):
    _, stances = story
    assert not any(s[0] == "Moscow" for s in stances)


def test_evidence_spans_are_their_text(story):
    record, _ = story
    text = record["article"]["text"]
    assert len(record["stances"]) >= 6
    for s in record["stances"]:
        ev = s["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert ev["start"] >= s["sentence"]["start"] and ev["end"] <= s["sentence"]["end"]


def test_a_restating_noun_takes_what_the_verb_before_it_named(story):
    _, stances = story
    inquiry = "a parliamentary inquiry into the dam's financing"
    assert ("Samuel Ndoro", "support", inquiry) in stances
    [nordland] = [s for s in stances if s[0] == "Nordland" and "inquiry" in s[2]]
    assert nordland[1] == "oppose"


def test_her_country_is_the_country_her_role_names_and_a_partial_quote_keeps_its_subject():
    record = extract(
        "Estmark's Prime Minister Ilona Varga said her country supports the joint patrols in "
        "the Baltic. In Paris, the Elysee said President Emmanuel Macron “fully supports” the "
        "Commission's approach to the patrols.", published="2026-03-11")
    names = {e["id"]: e["name"] for e in record["entities"]}
    stances = {(names[s["holder"]], s["polarity"], s["issue"]) for s in record["stances"]}
    assert ("Estmark", "support", "the joint patrols in the Baltic") in stances
    assert ("Emmanuel Macron", "support", "the Commission's approach to the patrols") in stances


def test_the_cue_scan_reads_every_token_a_cue_stands_on():
    """The scan skips tokens by lemma and word; a cue it skipped would be a stance lost."""
    from newsgraph.extract.stances import _cue, _cue_positions
    from newsgraph.nlp import load

    doc = load()(STORY)
    cues = [t.i for t in doc if _cue(t)]
    read = _cue_positions(doc)
    assert cues and set(cues) <= set(read)
    assert read == sorted(read) and len(read) < len(doc) / 4
