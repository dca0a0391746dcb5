"""How fast each web page answers over a store of N synthetic articles.

The articles are written from a few templates of our own, with names, places, outlets,
dates and figures varied, so the store has many actors, events reported by several outlets,
quotes, figures and stances. ``--distinct`` of them (all of them by default, at most 4,000)
are ingested through ``KnowledgeBase.ingest`` (the real pipeline). When ``--articles`` asks
for more, the store is multiplied: copy k of every stored record is written through the
store's real writer (``store.ingest.write``, as JSON records), its text made distinct by a
line appended after the story (so every span stays valid and the content-hash id differs),
its publication, event and time dates moved k × 190 days later (a copy is another half-year
of news, its events its own), its outlet rotated and its source renamed; then the resolved
layer is rebuilt once (``store.resolution.rebuild``). Each page is then requested in-process
through FastAPI's TestClient (the app and the database, not the network): once cold (the
"first" column), then ``--repeat`` times for the median and 95th percentile.

    .venv/bin/python benchmarks/web_pages.py [--articles 2000] [--distinct 4000] [--db PATH]
                                             [--repeat 20] [--postgres]

``--postgres`` also copies the store's records, through the writer, into a throwaway
PostgreSQL server (the tests' ``tests/pg_server.py``) and times the same pages there.

An existing store at --db is reused (delete it to rebuild), migrated first when an earlier
newsgraph built it (the migration is timed). A benchmark, not a test: it
prints a Markdown table and asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import platform
import random
import re
import statistics
import time
import warnings
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Ilse", "Torvald", "Mira", "Jonas", "Petra", "Anneli", "Karel", "Sofia", "Emil",
         "Lotte", "Viktor", "Hanne", "Oskar", "Marta", "Felix", "Greta", "Tomas", "Ines",
         "Arvid", "Nora"]
LAST = ["Varga", "Brandt", "Olsen", "Lind", "Kovacs", "Dahl", "Novak", "Berg", "Fenn",
        "Arvik", "Holm", "Strand", "Weiss", "Moreau", "Kessler", "Sandor", "Vik", "Laine",
        "Horvath", "Falk"]
COUNTRIES = ["Kestonia", "Norvania", "Estmark", "Lorvia", "Belmora", "Varenland", "Ostria",
             "Dravnia"]
PLACES = ["Valdora", "Hallvik", "Oslo", "Vienna", "Geneva", "Lisbon", "Tallinn", "Riga"]
OUTLETS = ["Harbour Gazette", "Coastal Wire", "Island Notes", "Northern Ledger",
           "Capital Post", "Evening Courier", "Metro Daily", "Border Times"]
ROLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "Trade Minister"]
ISSUES = ["new tariffs on steel", "the pipeline expansion", "a joint border patrol",
          "the fishing quota", "a ferry levy"]


def _people(rng: random.Random, n: int = 120) -> list[tuple[str, str, str]]:
    seen: set[str] = set()
    out = []
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in seen:
            seen.add(name)
            out.append((name, rng.choice(COUNTRIES), rng.choice(ROLES)))
    return out


def happenings(rng: random.Random, people, n: int, start: date) -> list[tuple]:
    """Meetings that several articles report: two people, a place, a day."""
    return [(*rng.sample(people, 2), rng.choice(PLACES),
             start + timedelta(days=rng.randrange(0, 180))) for _ in range(n)]


def article(i: int, rng: random.Random, meetings: list[tuple]) -> tuple[str, str]:
    """One article's file name and text: a meeting, a quote, a figure and a stance."""
    (a, ca, ra), (b, cb, rb), place, day = rng.choice(meetings)
    published = day + timedelta(days=rng.randrange(0, 3))
    outlet = rng.choice(OUTLETS)
    figure = rng.randrange(100, 9000)
    issue = rng.choice(ISSUES)
    text = (
        f"{a.split()[1]} and {b.split()[1]} meet in {place}\n"
        f"By Staff {i} | {outlet}\n"
        f"Published {published.day} {published:%B %Y}\n\n"
        f"{ca}'s {ra} {a} met {b}, {cb}'s {rb}, in {place} on {day.day} {day:%B}. "
        f"\"We spoke for {rng.randrange(2, 9)} hours and agreed on very little,\" "
        f"{a.split()[1]} said after the meeting. Officials said {figure:,} tonnes of grain "
        f"were waiting at the port of {place}. {b} opposes {issue}, according to aides.\n"
    )
    return f"a{i:06d}.txt", text


PEOPLE = 300  # of the 400 names FIRST × LAST can make
MAX_DISTINCT = 4000  # articles through the real pipeline; more are copies of these
SHIFT_DAYS = 190  # copy k is k × 190 days later: past the 183 days the templates span
ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def build(db: Path, n: int, distinct: int, seed: int = 1) -> dict[str, float]:
    """The store: ``distinct`` articles through the pipeline, then copies up to ``n``, then
    one rebuild of the resolved layer. Returns the seconds each step took."""
    from newsgraph.kb import KnowledgeBase
    from newsgraph.store import resolution

    rng = random.Random(seed)
    meetings = happenings(rng, _people(rng, PEOPLE), max(1, distinct // 4), date(2026, 1, 1))
    folder = db.parent / f"{db.stem}-articles"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(distinct):
        name, text = article(i, rng, meetings)
        (folder / name).write_text(text, encoding="utf-8")
    took: dict[str, float] = {}
    began = time.perf_counter()
    with KnowledgeBase(f"sqlite:///{db}") as kb:
        kb.ingest(folder, batch_size=64, workers=2, resolve=n <= distinct)
        took["pipeline"] = time.perf_counter() - began
        if n > distinct:
            began = time.perf_counter()
            multiply(kb.engine, n)
            took["copies"] = time.perf_counter() - began
            began = time.perf_counter()
            resolution.rebuild(kb.engine)
            took["resolution"] = time.perf_counter() - began
    return took


def multiply(engine, n: int) -> None:
    """Write copies of the stored records through the store's writer until it holds ``n``."""
    from sqlalchemy import func, select

    from newsgraph.store.ingest import write
    from newsgraph.store.schema import articles

    with engine.connect() as conn:
        records = list(conn.scalars(select(articles.c.record).order_by(articles.c.id)))
        have = conn.scalar(select(func.count()).select_from(articles))
    write(engine, _copies(records, n - have), batch_size=500)


def _copies(records: list[dict], wanted: int) -> Iterator:
    from newsgraph.store.ingest import JsonRecord

    k, made = 1, 0
    while made < wanted:
        for record in records:
            if made == wanted:
                return
            yield JsonRecord(copied(record, k))
            made += 1
        k += 1


def copied(record: dict, k: int) -> dict:
    """Copy ``k`` of a record: its own text (a line appended after the story, so every span
    still holds), id, source and outlet, and every date ``k`` × SHIFT_DAYS later."""
    from newsgraph.model import article_id

    out = copy.deepcopy(record)
    a = out["article"]
    a["text"] = f"{a['text']}\n\nArchive copy {k}."
    a["id"] = article_id(a["text"])
    a["source"] = f"copy-{k}/{a['source']}"
    a["url"] = None
    if a.get("outlet") in OUTLETS:
        a["outlet"] = OUTLETS[(OUTLETS.index(a["outlet"]) + k) % len(OUTLETS)]
    shift = timedelta(days=SHIFT_DAYS * k)
    a["published"] = _shifted(a.get("published"), shift)
    for t in out.get("times") or ():
        t["value"] = _shifted(t.get("value"), shift)
    for e in out.get("events") or ():
        e["date"] = _shifted(e.get("date"), shift)
    return out


def _shifted(value: str | None, shift: timedelta) -> str | None:
    """An ISO date, month or year moved by ``shift`` at its own granularity; other values
    (times of day, durations, weeks) as they were."""
    found = ISO.fullmatch(value or "")
    if not found:
        return value
    year, month, day = found.groups()
    moved = date(int(year), int(month or 1), int(day or 1)) + shift
    return moved.isoformat()[:len(value or "")]


def migrate(db: Path) -> None:
    """A store reused from an earlier newsgraph is brought to the current schema first (the
    web server never migrates), and the migration is timed."""
    from newsgraph.store.db import create, current_revision, head_revision, open_store

    engine = create(db)
    try:
        revision = current_revision(engine)
    finally:
        engine.dispose()
    if revision != head_revision():
        began = time.perf_counter()
        open_store(db).dispose()
        print(f"migrated {db} from {revision} to {head_revision()} in "
              f"{time.perf_counter() - began:.0f} s")


def pages(engine, client) -> dict[str, str]:
    """A representative URL for each page: the busiest event and actor, the last pages."""
    from sqlalchemy import func, select

    from newsgraph.store.schema import actor_members, event_sources

    with engine.connect() as conn:
        n = func.count().label("n")
        busiest, sources = conn.execute(
            select(event_sources.c.event_id, n).group_by(event_sources.c.event_id)
            .order_by(n.desc()).limit(1)).one()
        actor, members = conn.execute(
            select(actor_members.c.actor_id, n).group_by(actor_members.c.actor_id)
            .order_by(n.desc()).limit(1)).one()
    timeline = client.get("/timeline.json").json()
    articles = client.get("/articles.json").json()
    return {
        "timeline": "/",
        "timeline, filtered": "/?actor=varga&type=CONSULT&from=2026-02&to=2026-04",
        "timeline, last page": f"/?page={timeline['paging']['pages']}",
        "timeline JSON": "/timeline.json",
        f"event ({sources} sources)": f"/events/{busiest}",
        "articles": "/articles",
        "articles, last page": f"/articles?page={articles['paging']['pages']}",
        "article, highlighted": f"/articles/{articles['articles'][0]['id']}",
        "search: a figure's word": "/search?q=grain",
        "search: a quote's word": "/search?q=hours",
        "search: the last page under the cap": "/search?q=grain&page=20",
        "search: an actor": "/search?q=varga",
        "pictures": "/charts",
        "rejects": "/rejects",
        f"actor ({members} mentions)": f"/actors/{actor}",
        "actor JSON": f"/actors/{actor}.json",
    }


def report(url: str | Path, repeat: int, kind: str) -> None:
    """The store's sizes, then each page's first, median and 95th-percentile time."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from newsgraph.store.schema import (
        actors,
        articles,
        event_sources,
        quantities,
        quotes,
        resolved_events,
    )
    from newsgraph.web import create_app

    web = create_app(url)
    engine = web.state.engine
    with engine.connect() as conn:
        sizes = {t.name: conn.scalar(select(func.count()).select_from(t))
                 for t in (articles, quotes, quantities, actors, resolved_events,
                           event_sources)}
    print(f"\n{platform.processor() or platform.machine()}, Python "
          f"{platform.python_version()}, {kind}; store: {sizes}\n")
    print("| page | first ms | median ms | p95 ms |\n|---|---:|---:|---:|")
    with TestClient(web) as client:
        for label, path in pages(engine, client).items():
            times = []
            for _ in range(repeat + 1):
                began = time.perf_counter()
                answer = client.get(path)
                times.append((time.perf_counter() - began) * 1000)
                assert answer.status_code == 200, (path, answer.status_code)
            first, rest = times[0], sorted(times[1:])
            p95 = rest[min(len(rest) - 1, int(0.95 * len(rest)))]
            print(f"| {label} `{path[:60]}` | {first:.1f} | {statistics.median(rest):.1f} "
                  f"| {p95:.1f} |")


def on_postgres(db: Path, repeat: int) -> None:
    """The same store on a throwaway PostgreSQL server (the tests' ``tests/pg_server.py``):
    its records written through the writer in the order they were stored, then resolved."""
    import json
    import sqlite3
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import psycopg

    from newsgraph.store.db import open_store
    from newsgraph.store.ingest import JsonRecord, write
    from newsgraph.store.resolution import rebuild
    from tests import pg_server

    server = pg_server.start()
    try:
        url = pg_server.create_database(server)
        engine = open_store(url)
        began = time.perf_counter()
        with sqlite3.connect(db) as source:
            rows = source.execute("SELECT record FROM articles ORDER BY rowid")
            write(engine, (JsonRecord(json.loads(r[0])) for r in rows), batch_size=500)
        rebuild(engine)
        engine.dispose()
        with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        print(f"\ncopied to PostgreSQL in {time.perf_counter() - began:.0f} s")
        report(url, repeat, f"PostgreSQL {server.bin_dir.parent.name}")
    finally:
        pg_server.stop(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--distinct", type=int, default=None,
                        help=f"articles through the pipeline (default: all, at most "
                             f"{MAX_DISTINCT}); the rest are copies")
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-web-bench.db"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", action="store_true",
                        help="also time the same store on a throwaway PostgreSQL server")
    args = parser.parse_args()
    distinct = min(args.articles, args.distinct or MAX_DISTINCT)
    if not args.db.exists():
        took = build(args.db, args.articles, distinct)
        steps = ", ".join(f"{step} {seconds:.0f} s" for step, seconds in took.items())
        print(f"built {args.db}: {args.articles} articles ({distinct} through the pipeline); "
              f"{steps}")
    migrate(args.db)
    report(args.db, args.repeat, f"SQLite {args.db.stat().st_size / 2**20:.0f} MiB")
    if args.postgres:
        on_postgres(args.db, args.repeat)


if __name__ == "__main__":
    main()
