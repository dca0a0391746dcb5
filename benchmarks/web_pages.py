"""How fast each web page answers over a store of N synthetic articles.

The articles are written from a few templates of our own, with names, places, outlets,
dates and figures varied, so the store has many actors, events reported by several outlets,
quotes, figures and stances. They are ingested through ``KnowledgeBase.ingest`` (the real
pipeline), then each page is requested in-process through FastAPI's TestClient (so the time
is the app and the database, not the network) and the median and 95th percentile reported.

    .venv/bin/python benchmarks/web_pages.py [--articles 2000] [--db PATH] [--repeat 20]

An existing store at --db is reused (delete it to rebuild). A benchmark, not a test: it
prints a Markdown table and asserts nothing.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
import warnings
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


def build(db: Path, n: int, seed: int = 1) -> float:
    from newsgraph.kb import KnowledgeBase

    rng = random.Random(seed)
    meetings = happenings(rng, _people(rng), max(1, n // 4), date(2026, 1, 1))
    folder = db.parent / f"{db.stem}-articles"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        name, text = article(i, rng, meetings)
        (folder / name).write_text(text, encoding="utf-8")
    began = time.perf_counter()
    with KnowledgeBase(f"sqlite:///{db}") as kb:
        kb.ingest(folder, batch_size=64)
    return time.perf_counter() - began


def pages(client) -> dict[str, str]:
    """A representative URL for each page (the busiest actor and event)."""
    timeline = client.get("/timeline.json", params={"per_page": 200}).json()
    busiest = max(timeline["events"], key=lambda e: e["sources"])
    actor = busiest["actors"][0]["id"] if busiest["actors"] else None
    articles = client.get("/articles.json").json()
    last_page = articles["paging"]["pages"]
    out = {
        "timeline /": "/",
        "timeline, filtered (actor, type, from/to)":
            "/?actor=varga&type=CONSULT&from=2026-02&to=2026-04",
        "timeline, last page": f"/?page={-(-timeline['paging']['total'] // 50)}",
        "timeline .json": "/timeline.json",
        f"event ({busiest['sources']} sources)": f"/events/{busiest['id']}",
        "articles": "/articles",
        "articles, last page": f"/articles?page={last_page}",
        "article (highlighted)": f"/articles/{articles['articles'][0]['id']}",
        "search (quotes, actors, figures)": "/search?q=grain",
        "pictures /charts": "/charts",
        "rejects": "/rejects",
    }
    if actor:
        out["actor (busiest)"] = f"/actors/{actor}"
        out["actor .json"] = f"/actors/{actor}.json"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-web-bench.db"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not args.db.exists():
        took = build(args.db, args.articles)
        print(f"built {args.db} from {args.articles} articles in {took:.0f} s")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from newsgraph.store.schema import articles, event_sources, resolved_events
    from newsgraph.web import create_app

    web = create_app(args.db)
    with web.state.engine.connect() as conn:
        sizes = {t.name: conn.scalar(select(func.count()).select_from(t))
                 for t in (articles, resolved_events, event_sources)}
    client = TestClient(web)
    print(f"\n{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"SQLite; store: {sizes}\n")
    print("| page | median ms | p95 ms |\n|---|---:|---:|")
    for label, url in pages(client).items():
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            answer = client.get(url)
            times.append((time.perf_counter() - began) * 1000)
            assert answer.status_code == 200, (url, answer.status_code)
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"| {label} `{url[:60]}` | {statistics.median(times):.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
