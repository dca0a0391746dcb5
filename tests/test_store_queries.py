"""Reading the store back (store/queries.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsgraph.errors import InputRejected
from newsgraph.store import queries
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write
from tests.test_store_ingest import full_record, small_record


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def test_articles_by_source_and_version(engine):
    old, new = small_record("Old text.", "b.txt"), small_record("New text.", "b.txt")
    write(engine, [old, full_record(), new])
    listed = queries.articles(engine)
    assert [(a.source, a.version) for a in listed] == [("b.txt", 1), ("b.txt", 2),
                                                       ("oslo.txt", 1)]
    assert listed[1].supersedes == old.article.id
    assert listed[2].published.isoformat() == "2026-03-11" and listed[2].outlet == "Wire"
    assert all(a.ingested_at.tzinfo is not None for a in listed)


def test_record_round_trips(engine):
    extraction = full_record()
    write(engine, [extraction])
    assert queries.record(engine, extraction.article.id) == extraction.to_dict()
    assert queries.record(engine, "0" * 16) is None


def test_rejects_most_recent_first_in_utc(engine):
    write(engine, [InputRejected("a.txt", "empty file")])
    write(engine, [InputRejected("b.html", "broken HTML: no article text found")])
    listed = queries.rejects(engine)
    assert [r.source for r in listed] == ["b.html", "a.txt"]
    assert all(r.first_seen.utcoffset() == timedelta(0) for r in listed)


# --- the resolved layer (store/views.py) ----------------------------------------------------


@pytest.fixture
def story_engine(engine):
    from newsgraph.store import resolution
    from tests.test_store_resolution import story

    write(engine, story())
    resolution.rebuild(engine)
    return engine


def test_actors_match_any_form_ignoring_case_and_accents(story_engine):
    from newsgraph.store import views

    [morozov] = views.list_actors(story_engine, name="andrei")
    assert morozov.name == "Andriy Morozov" and morozov.articles == 3
    assert morozov.forms[0] == "Morozov" and set(morozov.forms) == {
        "Morozov", "Andriy Morozov", "Andrei Morozov"}
    assert views.list_actors(story_engine, name="MÓROZOV") == [morozov]
    people = views.list_actors(story_engine, type="person")
    assert {a.name for a in people} == {"Andriy Morozov", "Mirela Oston"}
    assert {a.type for a in views.list_actors(story_engine, type="GPE")} == {"GPE"}
    assert views.list_actors(story_engine, name="100%_") == []  # LIKE characters are literal
    assert len(views.list_actors(story_engine, limit=2)) == 2


def test_one_actor_with_forms_roles_quotes_events_stances_and_company(story_engine):
    from newsgraph.store import views

    [summary] = views.list_actors(story_engine, name="Oston")
    detail = views.actor(story_engine, summary.id)
    assert detail.name == "Mirela Oston"
    assert {(f.form, f.count) for f in detail.forms} == {("Mirela Oston", 3), ("Oston", 3)}
    assert [r.article.outlet for r in detail.roles] == [
        "Harbour Wire", "Coastal Ledger", "Inland Times"]  # by publication date
    assert {q.text for q in detail.quotes} == {"We come with open hands,"}
    assert len(detail.quotes) == 3 and all(q.speaker.id == summary.id for q in detail.quotes)
    assert [e.date_from for e in detail.events] == ["2026-03-12", "2026-04-20"]
    assert [s.issue for s in detail.stances] == ["new quota cuts"] * 3
    company = {c.actor.name: c.articles for c in detail.co_actors}
    assert company["Andriy Morozov"] == 3 and company["Karsk"] == 3
    assert views.actor(story_engine, "A-missing") is None


def test_events_carry_their_sources_and_filter_in_sql(story_engine):
    from newsgraph.store import views

    events = views.list_events(story_engine)
    assert [e.date_from for e in events] == ["2026-03-12", "2026-04-20"]
    karsk = events[0]
    assert [a.name for a in karsk.actors] == ["Mirela Oston"]
    assert [t.name for t in karsk.targets] == ["Andriy Morozov"]
    assert karsk.place.name == "Karsk"
    assert [(s.article.outlet, s.status) for s in karsk.sources] == [
        ("Harbour Wire", "planned"), ("Coastal Ledger", "occurred")]
    source = karsk.sources[1]
    assert source.sentence.text.startswith("Lorvia's Foreign Minister Mirela Oston met")
    assert source.trigger.text == "met" and source.article.published == date(2026, 3, 13)
    text = queries.record(story_engine, source.article.id)["article"]["text"]
    assert text[source.trigger.start:source.trigger.end] == "met"
    assert text[source.sentence.start:source.sentence.end] == source.sentence.text

    assert views.list_events(story_engine, actor="andrei") == events
    assert views.list_events(story_engine, actor="Nobody") == []
    assert views.list_events(story_engine, type="consult") == events
    assert views.list_events(story_engine, type="PROTEST") == []
    assert views.list_events(story_engine, date_from="2026-04") == events[1:]
    assert views.list_events(story_engine, date_to="2026-03-12") == events[:1]
    assert views.list_events(story_engine, date_from="2026-03-13", date_to="2026-04-19") == []
    assert views.list_events(story_engine, place="karsk") == events
    assert views.list_events(story_engine, place="Lorvia") == []
    assert views.list_events(story_engine, limit=1) == events[:1]
    assert events[0].to_dict()["sources"][0]["article"]["published"] == "2026-03-10"


def test_a_month_only_event_lies_within_a_day_range(engine):
    from newsgraph.store import resolution, views
    from tests.test_store_resolution import report

    write(engine, [report(outlet="Wire", published=date(2026, 3, 2), when="in March",
                          event_date="2026-03")])
    resolution.rebuild(engine)
    assert len(views.list_events(engine, date_from="2026-03-10", date_to="2026-03-11")) == 1
    assert views.list_events(engine, date_from="2026-04-01") == []
    assert views.list_events(engine, date_to="2026-02-28") == []


def test_timeline_counts_sources_and_outlets_and_puts_undated_last(engine):
    from newsgraph.store import resolution, views
    from tests.test_store_resolution import report, story

    undated = report(outlet="Night Desk", published=date(2026, 6, 1), verb="met",
                     guest="Petra Holm", when="", status="occurred", event_date=None)
    write(engine, [*story(), undated])
    resolution.rebuild(engine)
    entries = views.timeline(engine)
    assert [(e.date_from, e.sources, e.outlets) for e in entries] == [
        ("2026-03-12", 2, 2), ("2026-04-20", 1, 1), (None, 1, 1)]
    assert entries[0].parties == ("Mirela Oston", "Andriy Morozov")
    assert entries[0].place == "Karsk" and entries[0].statuses == ("occurred", "planned")
    assert [e.event_id for e in views.timeline(engine, actor="Holm")] == [entries[2].event_id]
    assert len(views.timeline(engine, date_from="2026-04-01")) == 1


def test_quotes_and_stances_by_speaker_date_and_text(story_engine):
    from newsgraph.store import views

    everything = views.list_quotes(story_engine)
    assert [q.article.outlet for q in everything] == [
        "Harbour Wire", "Coastal Ledger", "Inland Times"]
    assert everything[0].speaker.name == "Mirela Oston" and everything[0].cue == "said"
    assert views.list_quotes(story_engine, speaker="oston") == everything
    assert views.list_quotes(story_engine, speaker="Morozov") == []
    assert views.list_quotes(story_engine, date_from="2026-03-11", date_to="2026-03") == [
        everything[1]]
    assert views.list_quotes(story_engine, text="OPEN HANDS") == everything
    assert views.list_quotes(story_engine, text="closed") == []

    stances = views.list_stances(story_engine, issue="quota")
    assert len(stances) == 3 and {s.polarity for s in stances} == {"oppose"}
    assert stances[0].holder.name == "Mirela Oston" and stances[0].evidence.text == "opposed"
    assert views.list_stances(story_engine, holder="Morozov") == []
    assert views.list_stances(story_engine, issue="tariffs") == []
    assert views.list_stances(story_engine, date_from="2026-04") == stances[2:]


def test_quotes_read_only_the_latest_version(engine):
    from newsgraph.store import resolution, views
    from tests.test_store_resolution import report

    url = "https://harbour.example/karsk"
    write(engine, [report(outlet="Wire", published=date(2026, 3, 10), url=url),
                   report(outlet="Wire", published=date(2026, 3, 10), url=url,
                          extra="Updated at noon.")])
    resolution.rebuild(engine)
    assert len(views.list_quotes(engine)) == 1 and len(views.list_stances(engine)) == 1
