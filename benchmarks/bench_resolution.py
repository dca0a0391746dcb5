"""What an incremental update of the resolved layer costs beside a full rebuild.

Builds a store of N hand-made records (no model needed: the records are written straight
through the store's writer) spread over S stories, each story with its own people, places
and meetings, and one body every story mentions; then adds a few articles and times
``resolution.update`` (incremental) against ``resolution.rebuild`` on the same store.

    .venv/bin/python benchmarks/bench_resolution.py [--articles 5000] [--stories 50]

A benchmark, not a test: it prints a Markdown table and asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.model import Article, Entity, Event, Extraction, Span, article_id
from newsgraph.store import resolution
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write

SYLLABLES = ["ka", "ro", "mi", "ven", "tor", "li", "sa", "dun", "el", "bra", "no", "vik",
             "ha", "sten", "ul", "mar", "go", "rin", "te", "pol"]
GIVEN = ["Ilse", "Torvald", "Mira", "Jonas", "Petra", "Karel", "Sofia", "Emil", "Greta", "Oskar"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def world(rng: random.Random, stories: int) -> list[dict]:
    """Each story's own people and places."""
    return [{"people": [f"{rng.choice(GIVEN)} {_word(rng)}" for _ in range(6)],
             "places": [_word(rng) for _ in range(3)],
             "start": date(2026, 1, 1) + timedelta(days=rng.randrange(0, 300))}
            for _ in range(stories)]


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def record(rng: random.Random, story: dict, n: int) -> Extraction:
    a, b = rng.sample(story["people"], 2)
    place = rng.choice(story["places"])
    day = story["start"] + timedelta(days=rng.randrange(0, 30))
    text = (f"Report {n}\n\n{a} met {b} in {place} on {day:%d %B}. "
            f"{b.split()[-1]} then briefed the United Nations. Story {n} ends.")
    return Extraction(
        article=Article(id=article_id(text), text=text, source=f"s{n}.txt",
                        title=f"Report {n}", published=day + timedelta(days=rng.randrange(3)),
                        outlet=f"Outlet {n % 7}"),
        entities=(Entity("E1", "PERSON", a, mentions=(_span(text, a),)),
                  Entity("E2", "PERSON", b, aliases=(b.split()[-1],),
                         mentions=(_span(text, b),)),
                  Entity("E3", "GPE", place, mentions=(_span(text, place),)),
                  Entity("E4", "ORG", "United Nations", mentions=(_span(text, "United Nations"),))),
        events=(Event("V1", "CONSULT", "meet", trigger=_span(text, "met"),
                      sentence=(text.index(a), text.index(" Story")), actors=("E1",),
                      targets=("E2",), place="E3", date=day.isoformat(), status="occurred"),),
    )


def timed(call) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--added", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(1)
    stories = world(rng, args.stories)
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-bench-resolution-"))
    try:
        engine = open_store(f"sqlite:///{folder / 'store.db'}")
        n = 0
        for _ in range(0, args.articles, 500):
            batch = []
            for _ in range(min(500, args.articles - n)):
                n += 1
                batch.append(record(rng, rng.choice(stories), n))
            write(engine, batch)
        print(f"\n{args.articles} articles over {args.stories} stories, SQLite\n")
        print("| step | seconds |\n|---|---:|")
        print(f"| full rebuild | {timed(lambda: resolution.rebuild(engine)):.2f} |")
        for label, pick in (("one story", lambda: stories[0]),
                            ("spread over stories", lambda: rng.choice(stories))):
            batch = []
            for _ in range(args.added):
                n += 1
                batch.append(record(rng, pick(), n))
            write(engine, batch)
            took = timed(lambda: resolution.update(engine))
            print(f"| update after {args.added} new articles, {label} | {took:.2f} |")
        print(f"| full rebuild, same store | {timed(lambda: resolution.rebuild(engine)):.2f} |")
        engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
