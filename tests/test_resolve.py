"""Resolution across articles, on hand-made records (no model)."""

from __future__ import annotations

import random

from newsgraph.resolve import resolve


def _entity(eid, type_, name, aliases=(), roles=()):
    return {"id": eid, "type": type_, "name": name, "aliases": list(aliases),
            "roles": list(roles), "mentions": []}


def _event(vid, type_, actors, targets=(), place=None, date=None, status="occurred"):
    return {"id": vid, "type": type_, "subtype": "meet", "actors": list(actors),
            "targets": list(targets), "place": place, "time": None, "date": date,
            "status": status, "trigger": {"start": 0, "end": 4, "text": "meet"},
            "sentence": {"start": 0, "end": 10}, "mentions": []}


def _record(aid, published, entities, events=()):
    return {"article": {"id": aid, "published": published, "url": f"https://x/{aid}"},
            "entities": entities, "events": list(events)}


def _actor_names(resolution):
    return sorted((a.type, a.name, len(a.members)) for a in resolution.actors)


def test_spelling_variants_of_one_person_are_one_actor_and_namesakes_stay_apart():
    records = [
        _record("a1", "2026-03-10", [_entity("E1", "PERSON", "Sviatlana Tsikhanouskaya"),
                                     _entity("E2", "PERSON", "Petra Lind")]),
        _record("a2", "2026-03-11", [_entity("E1", "PERSON", "Svetlana Tikhanovskaya"),
                                     _entity("E2", "PERSON", "Peter Lind")]),
    ]
    names = _actor_names(resolve(records))
    assert ("PERSON", "Sviatlana Tsikhanouskaya", 2) in names
    assert ("PERSON", "Petra Lind", 1) in names and ("PERSON", "Peter Lind", 1) in names


def test_a_surname_joins_the_one_person_who_has_it_and_nobody_when_two_share_it():
    records = [
        _record("a1", "2026-03-10", [_entity("E1", "PERSON", "Elena Marsh"),
                                     _entity("E2", "PERSON", "Petra Lind"),
                                     _entity("E3", "PERSON", "Peter Lind")]),
        _record("a2", "2026-03-11", [_entity("E1", "PERSON", "Marsh"),
                                     _entity("E2", "PERSON", "Lind")]),
    ]
    resolution = resolve(records)
    assert resolution.actor_of[("a2", "E1")] == resolution.actor_of[("a1", "E1")]
    lind = resolution.actor_of[("a2", "E2")]
    assert lind not in (resolution.actor_of[("a1", "E2")], resolution.actor_of[("a1", "E3")])


def test_places_and_bodies_merge_on_aliases_and_the_gazetteer():
    records = [
        _record("a1", "2026-03-10", [_entity("E1", "GPE", "Kyiv"),
                                     _entity("E2", "ORG", "International Atomic Energy Agency",
                                             aliases=["IAEA"])]),
        _record("a2", "2026-03-11", [_entity("E1", "GPE", "Kiev"), _entity("E2", "ORG", "IAEA"),
                                     _entity("E3", "GPE", "U.S.")]),
        _record("a3", "2026-03-12", [_entity("E1", "GPE", "United States")]),
    ]
    names = _actor_names(resolve(records))
    assert ("GPE", "Kyiv", 2) in names or ("GPE", "Kiev", 2) in names
    assert ("ORG", "International Atomic Energy Agency", 2) in names
    assert sum(1 for t, _, n in names if t == "GPE" and n == 2) == 2  # Kyiv and the U.S.


def test_one_mention_bridging_two_bodies_merges_them_whatever_its_forms_point_at():
    """The bridging mention's forms reach one body once and the other twice ("NFB" and
    "N.F.B."): the two are merged once, and a later mention of either lands in the merger."""
    records = [
        _record("a1", "2026-03-10", [_entity("E1", "ORG", "Aland Fisheries Board")]),
        _record("a2", "2026-03-11", [_entity("E1", "ORG", "NFB", aliases=["N.F.B."])]),
        _record("a3", "2026-03-12", [_entity("E1", "ORG", "Aland Fisheries Board",
                                             aliases=["NFB", "N.F.B."])]),
        _record("a4", "2026-03-13", [_entity("E1", "ORG", "N.F.B.")]),
    ]
    assert _actor_names(resolve(records)) == [("ORG", "Aland Fisheries Board", 4)]


def _meeting_records():
    people = [_entity("E1", "PERSON", "Elena Marsh"), _entity("E2", "PERSON", "Andriy Morozov"),
              _entity("E3", "GPE", "Oslo")]
    return [
        _record("a1", "2026-03-11", people, [_event("V1", "CONSULT", ["E1"], ["E2"], "E3",
                                                    "2026-03-12", "planned")]),
        _record("a2", "2026-03-13", people, [_event("V1", "CONSULT", ["E2", "E1"], [], "E3",
                                                    "2026-03-12", "occurred")]),
        _record("a3", "2026-03-13", people, [_event("V1", "CONSULT", ["E1"], ["E2"])]),
        _record("a4", "2026-04-20", people, [_event("V1", "CONSULT", ["E1"], ["E2"], None,
                                                    "2026-04-20", "occurred")]),
    ]


def test_one_meeting_reported_by_several_outlets_is_one_event_with_every_source():
    events = resolve(_meeting_records()).events
    assert len(events) == 2
    oslo, later = sorted(events, key=lambda e: e.date_from)
    assert [s.article_id for s in oslo.sources] == ["a1", "a2", "a3"]
    assert [s.status for s in oslo.sources] == ["planned", "occurred", "occurred"]
    assert (oslo.date_from, oslo.date_to) == ("2026-03-12", "2026-03-12")
    assert [s.article_id for s in later.sources] == ["a4"]  # same people, another day


def test_resolution_does_not_depend_on_the_order_records_arrive_in():
    records = _meeting_records()
    first = resolve(records)
    shuffled = list(records)
    random.Random(7).shuffle(shuffled)
    again = resolve(shuffled)
    assert first.events == again.events and first.actors == again.actors
