"""The resolved layer on disk (store/resolution.py): rebuild, staleness, one transaction.

Records are built by hand and stored through the real writer, so these tests need no model;
each runs on SQLite and on PostgreSQL. ``report`` and ``story`` are shared with the query,
KB and export tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from newsgraph.model import Article, Entity, Event, Extraction, Quote, Span, Stance, article_id
from newsgraph.store import rebuild, resolution
from newsgraph.store.check import problems, snapshot
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write
from newsgraph.store.schema import RESOLVED_TABLES, metadata

TEMPLATE = (
    "{headline}\n\nLorvia's Foreign Minister Mirela Oston {verb} {guest} in Karsk {when}. "
    '"We come with open hands," Oston said. Oston opposed new quota cuts. {extra}'
)


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def report(*, outlet: str, published: date, guest: str = "Andriy Morozov",
           verb: str = "will meet", when: str = "on Thursday", status: str = "planned",
           event_date: str | None = "2026-03-12", extra: str = "", url: str | None = None,
           source: str | None = None) -> Extraction:
    """One outlet's report of Oston meeting ``guest`` in Karsk, with a quote and a stance."""
    headline = f"{outlet}: ministers meet in Karsk"
    text = TEMPLATE.format(headline=headline, verb=verb, guest=guest, when=when, extra=extra)
    sentence_start = text.index("Lorvia's")
    quote = _span(text, "We come with open hands,")
    evidence = _span(text, "opposed")
    trigger = _span(text, verb.split()[-1])
    return Extraction(
        article=Article(id=article_id(text), text=text, source=source or f"{outlet}.txt",
                        title=headline, url=url, published=published, outlet=outlet),
        entities=(
            Entity("E1", "PERSON", "Mirela Oston", aliases=("Oston",),
                   roles=("Lorvia's Foreign Minister",),
                   role_mentions=(_span(text, "Lorvia's Foreign Minister"),),
                   mentions=(_span(text, "Mirela Oston"),)),
            Entity("E2", "PERSON", guest, aliases=(guest.split()[-1],),
                   mentions=(_span(text, guest),)),
            Entity("E3", "GPE", "Karsk", mentions=(_span(text, "Karsk"),)),
            Entity("E4", "GPE", "Lorvia", mentions=(_span(text, "Lorvia"),)),
        ),
        quotes=(Quote("Q1", quote.text, quote.start, quote.end, "direct",
                      (quote.start - 1, text.index("Oston opposed")), speaker="E1", cue="said",
                      speaker_mention=_span(text, "Oston said")),),
        events=(Event("V1", "CONSULT", "meet", trigger=trigger,
                      sentence=(sentence_start, text.index('"We come')),
                      actors=("E1",), targets=("E2",), place="E3", date=event_date,
                      status=status),),
        stances=(Stance("S1", "E1", "new quota cuts", "oppose", evidence=evidence,
                        sentence=(evidence.start - 6, len(text))),),
    )


def story() -> list[Extraction]:
    """Two outlets on one meeting (planned, then held; "Andriy"/"Andrei"), and a later one."""
    return [
        report(outlet="Harbour Wire", published=date(2026, 3, 10)),
        report(outlet="Coastal Ledger", published=date(2026, 3, 13), guest="Andrei Morozov",
               verb="met", status="occurred"),
        report(outlet="Inland Times", published=date(2026, 4, 20), verb="met",
               when="on Monday", status="occurred", event_date="2026-04-20"),
    ]


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def resolved(engine) -> dict[str, list[dict]]:
    return {name: rows for name, rows in snapshot(engine).items()
            if name in {t.name for t in RESOLVED_TABLES}}


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(metadata.tables[table]))


def test_rebuild_merges_spellings_and_reports_into_actors_and_events(engine):
    write(engine, story())
    counts = resolution.rebuild(engine)
    assert (counts.articles, counts.events) == (3, 2)
    layer = resolved(engine)
    morozov = [a for a in layer["actors"] if a["name"].endswith("Morozov")]
    assert len(morozov) == 1
    forms = {f["form"]: f["count"] for f in layer["actor_forms"]
             if f["actor_id"] == morozov[0]["id"]}
    assert forms == {"Andriy Morozov": 2, "Andrei Morozov": 1, "Morozov": 3}
    oston = next(a for a in layer["actors"] if a["name"] == "Mirela Oston")
    assert {r["role"] for r in layer["actor_roles"] if r["actor_id"] == oston["id"]} == {
        "Lorvia's Foreign Minister"}
    assert sum(1 for m in layer["actor_members"] if m["actor_id"] == oston["id"]) == 3

    karsk = next(e for e in layer["resolved_events"] if e["date_from"] == "2026-03-12")
    sources = [s for s in layer["event_sources"] if s["event_id"] == karsk["id"]]
    assert sorted(s["status"] for s in sources) == ["occurred", "planned"]
    assert all(s["trigger_text"] in ("meet", "met") for s in sources)
    parties = {(p["side"], p["actor_id"]) for p in layer["resolved_event_parties"]
               if p["event_id"] == karsk["id"]}
    assert parties == {("actor", oston["id"]), ("target", morozov[0]["id"])}
    assert karsk["place_actor_id"] == next(a["id"] for a in layer["actors"]
                                           if a["name"] == "Karsk")
    assert problems(engine) == []  # the per-article records are untouched


def test_a_speaker_described_in_a_quote_gives_the_actor_that_form(engine):
    text = ('Talks\n\nMirela Oston met envoys. "We stay," the foreign minister said. '
            '"We go," she said.')
    said = text.index("the foreign minister")
    she = text.index("she said")
    record = Extraction(
        article=Article(id=article_id(text), text=text, source="d.txt", title="Talks",
                        published=date(2026, 3, 10)),
        entities=(Entity("E1", "PERSON", "Mirela Oston", mentions=(_span(text, "Mirela Oston"),)),),
        quotes=(Quote("Q1", "We stay,", text.index("We stay"), text.index("We stay") + 8,
                      "direct", (said - 12, said + 26), speaker="E1", cue="said",
                      speaker_mention=_span(text, "the foreign minister")),
                Quote("Q2", "We go,", text.index("We go"), text.index("We go") + 6, "direct",
                      (she - 9, she + 9), speaker="E1", cue="said",
                      speaker_mention=_span(text, "she"))),
    )
    write(engine, [record])
    resolution.rebuild(engine)
    forms = {f["form"] for f in resolved(engine)["actor_forms"]}
    assert forms == {"Mirela Oston", "the foreign minister"}  # a pronoun is not a form


def test_rebuild_twice_gives_the_same_layer(engine):
    write(engine, story())
    resolution.rebuild(engine)
    first = resolved(engine)
    resolution.rebuild(engine)
    assert resolved(engine) == first


def test_incremental_update_equals_a_rebuild_from_scratch(new_db_url):
    """Ingest in two steps with an update after each, versus everything then one rebuild."""
    stepwise, scratch = open_store(new_db_url()), open_store(new_db_url())
    try:
        records = story()
        write(stepwise, records[:1])
        assert resolution.update(stepwise) is not None
        write(stepwise, records[1:])
        assert resolution.stale(stepwise)
        resolution.update(stepwise)
        assert not resolution.stale(stepwise)
        assert resolution.update(stepwise) is None  # up to date: nothing to do

        write(scratch, list(reversed(records)))
        resolution.rebuild(scratch)
        assert resolved(stepwise) == resolved(scratch)
    finally:
        stepwise.dispose()
        scratch.dispose()


def test_only_the_latest_version_of_an_article_is_resolved(engine):
    url = "https://harbour.example/karsk"
    first = report(outlet="Harbour Wire", published=date(2026, 3, 10), url=url)
    corrected = report(outlet="Harbour Wire", published=date(2026, 3, 10), url=url,
                       extra="The ministry later confirmed the time.")
    write(engine, [first, corrected])
    counts = resolution.rebuild(engine)
    assert counts.articles == 1
    layer = resolved(engine)
    assert {r["article_id"] for r in layer["resolved_articles"]} == {corrected.article.id}
    assert {s["article_id"] for s in layer["event_sources"]} == {corrected.article.id}
    assert {m["article_id"] for m in layer["actor_members"]} == {corrected.article.id}
    assert count(engine, "events") == 2  # both versions keep their per-article rows


def test_a_failure_mid_rebuild_leaves_the_previous_layer_intact(engine, monkeypatch):
    write(engine, story()[:2])
    resolution.rebuild(engine)
    before = resolved(engine)
    write(engine, story()[2:])

    def failing(records):
        # by now the old layer's rows are deleted inside the transaction
        raise RuntimeError("the machine ran out of something")

    monkeypatch.setattr(rebuild, "entity_groups", failing)
    with pytest.raises(RuntimeError, match="ran out"):
        resolution.rebuild(engine)
    assert resolved(engine) == before
    assert resolution.stale(engine)  # and it knows the new article is not in it yet

    monkeypatch.undo()
    assert resolution.rebuild(engine).articles == 3


def test_an_empty_store_resolves_to_an_empty_layer(engine):
    assert not resolution.stale(engine)
    counts = resolution.rebuild(engine)
    assert counts == resolution.ResolutionCounts(0, 0, 0) == resolution.counts(engine)


def test_search_key_folds_case_accents_and_spaces():
    assert resolution.search_key("  Recep  Tayyip ERDOĞAN ") == "recep tayyip erdogan"


def test_a_store_written_before_the_resolved_layer_upgrades_and_resolves(db_url):
    from alembic import command

    from newsgraph.store.db import alembic_config, create, current_revision, head_revision

    old = create(db_url)
    try:
        with old.begin() as conn:
            command.upgrade(alembic_config(conn), "0001")
        write(old, story())
    finally:
        old.dispose()
    engine = open_store(db_url)
    try:
        assert current_revision(engine) == head_revision()
        assert resolution.stale(engine)
        assert resolution.update(engine) == resolution.ResolutionCounts(3, 4, 2)
    finally:
        engine.dispose()
