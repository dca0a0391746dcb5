"""The events scorer on hand-made gold and records (no model)."""

from __future__ import annotations

from newsgraph.evaluation.events import score_events

ENTITIES = [{"id": "E1", "type": "PERSON", "name": "Elena Marsh", "aliases": ["Marsh"]},
            {"id": "E2", "type": "PERSON", "name": "Andriy Morozov", "aliases": []},
            {"id": "E3", "type": "GPE", "name": "Oslo", "aliases": []},
            {"id": "E4", "type": "GPE", "name": "Estmark", "aliases": []}]
GOLD_ENTITIES = [{"name": e["name"], "type": e["type"], "aliases": e["aliases"]}
                 for e in ENTITIES]


def _event(type_, actors, targets=(), place=None, date=None, status="occurred"):
    return {"id": "V1", "type": type_, "actors": list(actors), "targets": list(targets),
            "place": place, "date": date, "status": status,
            "trigger": {"start": 0, "end": 0, "text": ""}, "mentions": []}


def _gold(type_, actors, targets=(), place=None, date=None, status="occurred"):
    return {"type": type_, "actors": list(actors), "targets": list(targets), "place": place,
            "date": date, "status": status, "trigger": "met"}


def _score(gold_events, events):
    gold = {"entities": GOLD_ENTITIES, "events": gold_events}
    record = {"entities": ENTITIES, "events": events}
    return score_events(gold, record, "t")


def test_meeting_sides_are_compared_as_participants():
    scores, _ = _score([_gold("CONSULT", ["Elena Marsh"], ["Andriy Morozov"])],
                       [_event("CONSULT", ["E2"], ["E1"])])
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (1, 0, 0)


def test_other_types_compare_actors():
    scores, _ = _score([_gold("ACCUSE", ["Estmark"], ["Elena Marsh"])],
                       [_event("ACCUSE", ["E1"], ["E4"])])
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (0, 1, 1)


def test_a_meeting_is_right_only_with_place_date_and_status():
    gold = [_gold("CONSULT", ["Elena Marsh"], ["Andriy Morozov"], "Oslo", "2026-03-12", "planned")]
    right, _ = _score(gold, [_event("CONSULT", ["E1"], ["E2"], "E3", "2026-03-12", "planned")])
    assert right["events.meetings"].tp == 1
    for wrong in (_event("CONSULT", ["E1"], ["E2"], None, "2026-03-12", "planned"),
                  _event("CONSULT", ["E1"], ["E2"], "E3", "2026-03-13", "planned"),
                  _event("CONSULT", ["E1"], ["E2"], "E3", "2026-03-12", "occurred")):
        scores, rates = _score(gold, [wrong])
        assert scores["events"].tp == 1  # type and parties still match
        assert scores["events.meetings"].tp == 0
        assert min(r.value for r in rates.values()) < 1.0


def test_an_unmatched_gold_party_never_matches():
    scores, _ = _score([_gold("ACCUSE", ["Nobody Known"])], [_event("ACCUSE", [])])
    assert scores["events"].tp == 0


def test_type_line_scores_detection_by_trigger_with_parties_aside():
    gold = [_gold("CONSULT", ["Elena Marsh"], ["Andriy Morozov"]) | {"trigger": "talks"}]
    found = _event("CONSULT", ["E4"]) | {"trigger": {"start": 0, "end": 5, "text": "meeting"},
                                         "mentions": [{"start": 9, "end": 18, "text": "the talks"}]}
    scores, _ = _score(gold, [found])
    assert scores["events.type"].tp == 1 and scores["events"].tp == 0
    other = _event("ACCUSE", ["E1"]) | {"trigger": {"start": 0, "end": 5, "text": "talks"}}
    scores, _ = _score(gold, [other])
    assert scores["events.type"].tp == 0


def test_two_events_of_the_same_parties_pair_day_with_day():
    """Talks on Tuesday and a meeting planned for next week, between the same two: each gold
    event pairs with the prediction that agrees with it, whatever order either lists them."""
    gold = [_gold("CONSULT", ["Elena Marsh"], ["Andriy Morozov"], "Oslo", "2026-10-13"),
            _gold("CONSULT", ["Elena Marsh"], ["Andriy Morozov"], "Oslo", "2026-W43",
                  "planned")]
    found = [_event("CONSULT", ["E1", "E2"], (), "E3", "2026-W43", "planned"),
             _event("CONSULT", ["E1", "E2"], (), "E3", "2026-10-13")]
    scores, rates = _score(gold, found)
    assert scores["events"].tp == 2
    assert (rates["events.status"].value, rates["events.date"].value) == (1.0, 1.0)


def test_pairing_prefers_the_prediction_with_the_right_status():
    """Two gold meetings of the same people, one prediction: it pairs with the gold meeting
    whose status it has, even when that one is listed second."""
    gold = [_gold("CONSULT", ["Elena Marsh"], ["Andriy Morozov"], None, "2026-W39"),
            _gold("CONSULT", ["Elena Marsh"], ["Andriy Morozov"], None, "2026-10-01",
                  "planned")]
    scores, rates = _score(gold, [_event("CONSULT", ["E1", "E2"], (), None, "2026-10-01",
                                         "planned")])
    assert (scores["events"].tp, rates["events.status"].value) == (1, 1.0)
