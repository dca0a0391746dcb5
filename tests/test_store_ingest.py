"""The writer (store/ingest.py): batches, idempotence, versions, rejects, atomic batches.

Most tests write hand-built records, so they need no model and pin the store's behaviour
independently of the extractors; the last ones run the real pipeline. Each test taking
``db_url`` runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from newsgraph.errors import InputRejected
from newsgraph.model import (
    Article,
    Entity,
    Event,
    Extraction,
    Quantity,
    Quote,
    RawArticle,
    Span,
    Stance,
    Time,
    article_id,
)
from newsgraph.pipeline import prepare
from newsgraph.store import ingest as ingest_module
from newsgraph.store.check import problems, snapshot
from newsgraph.store.db import open_store
from newsgraph.store.ingest import NUL_REASON, IngestCounts, SkipKnown, ingest, lineage, write
from newsgraph.store.schema import articles, metadata

TEXT = (
    "Ministers to meet in Oslo\n\nNordland's Foreign Minister Elena Marsh will meet Andriy "
    'Morozov in Oslo on Thursday. "The talks will be difficult," Marsh said. Some 1,250 km2 '
    "of farmland flooded."
)


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def full_record(text: str = TEXT, *, source: str = "oslo.txt", url: str | None = None,
                published: date | None = date(2026, 3, 11)) -> Extraction:
    """A record with every kind filled, spans pointing into ``text``."""
    marsh = span(text, "Elena Marsh")
    quote = span(text, "The talks will be difficult,")
    area = span(text, "1,250 km2")
    thursday = span(text, "Thursday")
    return Extraction(
        article=Article(id=article_id(text), text=text, source=source, title=text.split("\n")[0],
                        url=url, published=published, outlet="Wire"),
        entities=(
            Entity("E1", "PERSON", "Elena Marsh", aliases=("Marsh",),
                   roles=("Nordland's Foreign Minister",),
                   role_mentions=(span(text, "Nordland's Foreign Minister"),),
                   mentions=(marsh, span(text, "Marsh said"))),
            Entity("E2", "PERSON", "Andriy Morozov", mentions=(span(text, "Morozov"),)),
            Entity("E3", "GPE", "Oslo", mentions=(span(text, "Oslo"),)),
        ),
        quotes=(Quote("Q1", quote.text, quote.start, quote.end, "direct", (quote.start - 1,
                      len(text)), speaker="E1", cue="said",
                      speaker_mention=span(text, "Marsh said")),),
        quantities=(Quantity("N1", area.text, area.start, area.end, value=1250.0,
                             unit="km2", approximate=True, qualifier="some",
                             normalized=(1.25e9, "m2"), about="farmland"),),
        times=(Time("T1", thursday.text, thursday.start, thursday.end, kind="point",
                    value="2026-03-12", granularity="day", resolved=True),),
        events=(Event("V1", "CONSULT", "meet", trigger=span(text, "meet"), sentence=(27, 120),
                      actors=("E1",), targets=("E2",), place="E3", time="T1",
                      date="2026-03-12", status="planned"),),
        stances=(Stance("S1", "E1", "the talks", "oppose", evidence=span(text, "difficult"),
                        sentence=(120, 170), quote="Q1"),),
    )


def small_record(text: str, source: str, url: str | None = None) -> Extraction:
    return Extraction(article=Article(id=article_id(text), text=text, source=source, url=url))


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(metadata.tables[table]))


def test_every_record_kind_is_stored_with_its_spans(engine):
    extraction = full_record()
    assert write(engine, [extraction]) == IngestCounts(stored=1)
    aid = extraction.article.id
    with engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == aid)).one()
        assert row.record == extraction.to_dict()
        assert (row.version, row.supersedes, row.lineage) == (1, None, "oslo.txt")
        assert row.published == date(2026, 3, 11)
        t = metadata.tables
        marsh = conn.execute(select(t["entities"]).where(t["entities"].c.id == "E1")).one()
        assert marsh.mentions[0] == span(TEXT, "Elena Marsh").to_dict()
        assert marsh.roles == ["Nordland's Foreign Minister"]
        quote = conn.execute(select(t["quotes"])).one()
        assert TEXT[quote.span_start:quote.span_end] == quote.text
        assert (quote.speaker, quote.speaker_text) == ("E1", "Marsh said")
        n = conn.execute(select(t["quantities"])).one()
        assert (n.value, n.unit, n.normalized_value, n.normalized_unit, n.approximate) == (
            1250.0, "km2", 1.25e9, "m2", True)
        assert conn.execute(select(t["times"].c.value)).scalar() == "2026-03-12"
        event = conn.execute(select(t["events"])).one()
        assert (event.type, event.date, event.status, event.trigger_text) == (
            "CONSULT", "2026-03-12", "planned", "meet")
        participants = conn.execute(
            select(t["event_participants"].c.role, t["event_participants"].c.entity_id)
            .order_by(t["event_participants"].c.role)).all()
        assert [tuple(p) for p in participants] == [("actor", "E1"), ("target", "E2")]
        stance = conn.execute(select(t["stances"])).one()
        assert (stance.holder, stance.polarity, stance.evidence_text, stance.quote) == (
            "E1", "oppose", "difficult", "Q1")
    assert problems(engine) == []


def test_writing_again_changes_nothing(engine):
    records = [full_record(), small_record("Another story about the dam.", "dam.txt")]
    write(engine, records, batch_size=1)
    before = snapshot(engine)
    assert write(engine, records, batch_size=2) == IngestCounts(skipped=2)
    assert snapshot(engine) == before


def test_changed_text_is_a_new_version_linked_to_the_old(engine):
    first = small_record("Talks open in Oslo.", "feed.jsonl:1", url="https://news.example/oslo")
    second = small_record("Talks open in Oslo; Marsh arrives.", "feed.jsonl:7",
                          url="https://news.example/oslo")
    third = small_record("Talks end in Oslo.", "feed2.jsonl:1", url="https://news.example/oslo")
    write(engine, [first])
    write(engine, [second, third], batch_size=5)  # two versions inside one batch
    with engine.connect() as conn:
        rows = conn.execute(select(articles.c.id, articles.c.version, articles.c.supersedes)
                            .order_by(articles.c.version)).all()
    assert [tuple(r) for r in rows] == [
        (first.article.id, 1, None),
        (second.article.id, 2, first.article.id),
        (third.article.id, 3, second.article.id),
    ]
    assert problems(engine) == []


def test_without_a_url_the_source_names_the_lineage(engine):
    old = small_record("The river rose overnight.", "belmora.txt")
    new = small_record("The river rose overnight and fell by noon.", "belmora.txt")
    other = small_record("A different story.", "other.txt")
    write(engine, [old, other, new])
    with engine.connect() as conn:
        latest = conn.execute(select(articles.c.version, articles.c.supersedes)
                              .where(articles.c.id == new.article.id)).one()
    assert tuple(latest) == (2, old.article.id)
    assert lineage({"url": None, "source": "belmora.txt"}) == "belmora.txt"


def test_rejects_are_stored_with_their_reason_once(engine):
    bad = InputRejected("in/empty.txt", "empty file")
    assert write(engine, [bad, small_record("Good text.", "good.txt")]).rejected == 1
    write(engine, [bad, InputRejected("in/empty.txt", "empty file")])  # seen again, twice
    with engine.connect() as conn:
        rows = conn.execute(select(metadata.tables["rejects"])).all()
    assert len(rows) == 1
    assert (rows[0].source, rows[0].reason) == ("in/empty.txt", "empty file")
    assert rows[0].last_seen >= rows[0].first_seen


def test_a_failed_batch_leaves_nothing_behind(engine):
    good = [small_record(f"Story number {i}.", f"s{i}.txt") for i in range(3)]
    broken = full_record()
    broken = Extraction(article=broken.article, entities=broken.entities * 2)  # E1 twice
    with pytest.raises(IntegrityError):
        write(engine, [*good, broken, small_record("Late story.", "late.txt")], batch_size=2)
    # batch 1 (s0, s1) committed; batch 2 (s2 + the broken record) rolled back whole
    assert count(engine, "articles") == 2
    assert count(engine, "entities") == 0
    assert problems(engine) == []


def test_duplicates_in_one_run_are_skipped_before_parsing(engine):
    raw = RawArticle(source="a.txt", body="The minister said the talks in Oslo would go on "
                     "for another week, and that the government would wait for the report.")
    same = RawArticle(source="b.txt", body=raw.body)
    skip = SkipKnown(engine)
    passed = list(skip([raw, same, InputRejected("c.txt", "empty file")]))
    assert passed[0] == prepare(raw) and isinstance(passed[1], InputRejected)
    assert len(passed) == 2 and skip.skipped == 1


def test_the_skip_check_hands_on_the_cleaned_article(engine):
    raw = RawArticle(source="a.txt", title="Talks  go on", body="The minister said the "
                     "talks in Oslo would go on.\n\nAdvertisement\n\nThe report follows.")
    [article] = SkipKnown(engine)([raw])
    assert isinstance(article, Article) and "Advertisement" not in article.text
    assert article.text.startswith("Talks go on") and article.source == "a.txt"


def test_nul_characters_are_rejected_not_stored(engine):
    raw = RawArticle(source="a.txt", url="https://x.example/\x00", body="The minister said "
                     "the talks in Oslo would go on for another week, and that was all.")
    [item] = SkipKnown(engine)([raw])
    assert isinstance(item, InputRejected) and item.reason == NUL_REASON


def test_batch_size_must_be_positive(engine):
    with pytest.raises(ValueError):
        write(engine, [], batch_size=0)


def test_sqlite_and_postgresql_store_the_same(tmp_path, postgres):
    from tests import pg_server

    records = [full_record(), small_record("v1 of a story.", "s.txt"),
               small_record("v2 of a story.", "s.txt"), InputRejected("x.txt", "empty file")]
    snapshots = []
    for url in (f"sqlite:///{tmp_path / 'kb.db'}", pg_server.create_database(postgres)):
        engine = open_store(url)
        write(engine, records, batch_size=2)
        snapshots.append(snapshot(engine))
        engine.dispose()
    assert snapshots[0] == snapshots[1]


# --- through the real pipeline --------------------------------------------------------------

WIRE = """Ministers to meet in Oslo over Varna dam
Published 11 March 2026

Nordland's Foreign Minister Elena Marsh will meet her Estmark counterpart, Andriy Morozov, in
Oslo on Thursday, the ministry said. Marsh told reporters the talks would be "difficult".
"""


@pytest.mark.model
def test_ingest_parses_only_what_is_not_stored(engine, nlp, monkeypatch):
    from newsgraph.read import parse_text

    raws = [parse_text(WIRE, "wire.txt"), InputRejected("empty.txt", "empty file")]
    first = ingest(engine, raws, batch_size=1)
    assert first == IngestCounts(stored=1, skipped=0, rejected=1)
    stored = snapshot(engine)
    assert stored["articles"][0]["record"]["entities"]

    parsed: list = []
    real = ingest_module.extract_articles

    def spy(items, **options):
        items = list(items)
        parsed.extend(i for i in items if isinstance(i, RawArticle))
        return real(items, **options)

    monkeypatch.setattr(ingest_module, "extract_articles", spy)
    again = ingest(engine, [parse_text(WIRE, "copy-of-wire.txt")], batch_size=1)
    assert again == IngestCounts(skipped=1)
    assert parsed == []
    assert snapshot(engine) == stored


# --- round-trips and workers (issue 8) ------------------------------------------------------


def statements(engine):
    """A list that fills with every SQL statement the engine runs (SELECTs and INSERTs)."""
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: seen.append(statement.split()[0]))
    return seen


def test_known_articles_are_looked_up_a_batch_at_a_time(engine):
    raws = [RawArticle(source=f"s{i}.txt", body=f"The minister said the talks in Oslo would go "
                       f"on for {i + 2} more weeks, and that the report would follow.")
            for i in range(10)]
    seen = statements(engine)
    passed = list(SkipKnown(engine, lookahead=5)(raws))
    assert passed == [prepare(raw) for raw in raws]
    assert seen.count("SELECT") == 2  # two lookups of five, not ten of one


def test_a_batch_is_written_in_a_fixed_number_of_statements(engine):
    def batch(n: int) -> list:
        return [small_record(f"Story {i} of {n}.", f"s{n}-{i}.txt") for i in range(n)]

    write(engine, batch(2), batch_size=100)  # warm up (the dialect's first queries)
    seen = statements(engine)
    write(engine, batch(3), batch_size=100)
    few = len(seen)
    write(engine, batch(30), batch_size=100)
    assert len(seen) - few == few, seen  # 30 articles cost the statements 3 did
    assert count(engine, "articles") == 35


@pytest.mark.model
def test_workers_store_what_one_process_stores(tmp_path):
    stores = []
    texts = [WIRE.replace("Thursday", day) for day in
             ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    from newsgraph.read import parse_text

    for workers in (1, 2):
        engine = open_store(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        raws = [parse_text(t, f"wire-{i}.txt") for i, t in enumerate(texts)]
        raws.insert(2, InputRejected("empty.txt", "empty file"))
        counts = ingest(engine, raws, batch_size=2, workers=workers)
        assert counts == IngestCounts(stored=5, rejected=1)
        stores.append(snapshot(engine))
        engine.dispose()
    assert stores[0] == stores[1]


def test_workers_must_be_positive(engine):
    with pytest.raises(ValueError):
        ingest(engine, [], workers=0)


# --- bad input at scale (issue 8), kept small: thousands of tiny lines, not 200 MB ----------

TINY_LINES = 2000


@pytest.mark.model
def test_a_long_feed_with_an_oversized_article_streams_through(tmp_path):
    import json

    from newsgraph.read import iter_inputs
    from newsgraph.store.queries import rejects as stored_rejects

    limit = 50_000
    folder = tmp_path / "feed"
    folder.mkdir()
    lines = [json.dumps({"text": f"The council met on day {i} in Varna, and the mayor said the "
                                 f"vote on the {i % 7 + 2} new bridges would wait."})
             for i in range(TINY_LINES)]
    lines[10] = lines[11]  # a duplicate: skipped, not lost
    lines[500] = "{not json"  # a bad line
    lines[1500] = json.dumps({"text": "Oversized. " * (limit // 10)})  # an oversized line
    (folder / "b_feed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "a_story.txt").write_text(WIRE)
    (folder / "c_huge.txt").write_text("The minister said the talks would go on. " * 2000)
    engine = open_store(f"sqlite:///{tmp_path / 'kb.db'}")
    try:
        counts = ingest(engine, iter_inputs([str(folder)], max_bytes=limit), batch_size=64)
        rejects = {(r.source.rsplit("/", 1)[-1], r.reason.split(":")[0])
                   for r in stored_rejects(engine)}
        stored = count(engine, "articles")
    finally:
        engine.dispose()
    inputs = TINY_LINES + 2  # every line, and the two files
    assert counts.stored + counts.skipped + counts.rejected == inputs
    assert (counts.skipped, counts.rejected) == (1, 3)
    assert stored == counts.stored == inputs - 4
    assert rejects == {("b_feed.jsonl:501", "invalid JSON"), ("b_feed.jsonl:1501", "line too long"),
                       ("c_huge.txt", "file too large")}
