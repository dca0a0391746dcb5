"""Incremental resolution (store/incremental.py): after each ingest only what the new and
superseded articles reach is re-resolved, and the layer equals a rebuild from scratch.

Records are built by hand from a small world of our own (spelling variants, surname-only
mentions, namesakes, gazetteer variants, reports of one meeting by several outlets, corrected
versions of an article) and stored through the real writer; each test runs on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from newsgraph.model import Article, Entity, Event, Extraction, Quote, Span, article_id
from newsgraph.store import incremental, resolution
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write
from tests.test_store_resolution import resolved

# (name as written, the spellings outlets use); "Lind" is two people, so a bare "Lind"
# belongs to nobody once both have been seen.
PEOPLE = [
    ("Andriy Morozov", ["Andriy Morozov", "Andrei Morozov"]),
    ("Mirela Oston", ["Mirela Oston"]),
    ("Petra Lind", ["Petra Lind"]),
    ("Peter Lind", ["Peter Lind"]),
    ("Tomas Varga", ["Tomas Varga", "Tamas Varga"]),
    ("Ilse Brandt", ["Ilse Brandt"]),
    ("Mira Linden", ["Mira Linden"]),  # shares the Linds' surname block
]
PLACES = [["Kyiv", "Kiev"], ["Karsk"], ["Valdora"], ["Бора"]]  # the last folds to nothing
# A body the gazetteer knows, and one only an article naming both forms joins up.
ORGS = [("International Atomic Energy Agency", "IAEA"), ("Northern Fisheries Board", "NFB"),
        ("Harbour Council", None)]
START = date(2026, 3, 2)


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def article(rng: random.Random, n: int, url: str | None = None) -> Extraction:
    """One outlet's story: two people meet (or one accuses the other) somewhere, a body."""
    (_, spell_a), (_, spell_b) = rng.sample(PEOPLE, 2)
    a, b = rng.choice(spell_a), rng.choice(spell_b)
    place = rng.choice(rng.choice(PLACES))
    org, short = rng.choice(ORGS)
    org_form = short if short and rng.random() < 0.4 else org
    org_aliases = (short,) if short and org_form == org and rng.random() < 0.4 else ()
    day = START + timedelta(days=rng.randrange(0, 12))
    published = day + timedelta(days=rng.randrange(0, 3))
    kind = rng.choice(["CONSULT", "CONSULT", "ACCUSE"])
    verb = "met" if kind == "CONSULT" else "accused"
    surname = b.split()[-1]
    speaker = rng.choice(["the envoy", "the minister", surname])
    text = (f"Report {n}\n\n{a} {verb} {b} in {place} on {day:%d %B}. "
            f"{surname} later spoke to the {org_form}. \"We talked,\" {speaker} said. "
            f"Story {n} ends.")
    first = text.index(a)
    entities = [
        Entity("E1", "PERSON", a, mentions=(_span(text, a),)),
        Entity("E2", "PERSON", b, aliases=(surname,), mentions=(_span(text, b),)),
        Entity("E3", "GPE", place, mentions=(_span(text, place),)),
        Entity("E4", "ORG", org_form, aliases=org_aliases, mentions=(_span(text, org_form),)),
    ]
    if rng.random() < 0.3:  # a bare surname the article itself does not join to a full name
        entities[1] = Entity("E2", "PERSON", surname, mentions=(_span(text, surname),))
    events = (Event("V1", kind, "meet" if kind == "CONSULT" else "accuse",
                    trigger=_span(text, verb), sentence=(first, text.index(" Story")),
                    actors=("E1",), targets=("E2",) if rng.random() < 0.8 else (), place="E3",
                    date=day.isoformat() if rng.random() < 0.8 else None,
                    status=rng.choice(["planned", "occurred"])),)
    said = _span(text, f"{speaker} said", text.index('"We'))
    quote = _span(text, "We talked,")
    quotes = (Quote("Q1", quote.text, quote.start, quote.end, "direct",
                    (quote.start - 1, said.end + 1), speaker="E2", cue="said",
                    speaker_mention=Span(said.start, said.start + len(speaker), speaker)),)
    return Extraction(
        article=Article(id=article_id(text), text=text, source=f"s{n}.txt", title=f"Report {n}",
                        url=url, published=published, outlet=f"Outlet {n % 5}"),
        entities=tuple(entities), quotes=quotes, events=events)


def batches(seed: int, steps: int) -> list[list[Extraction]]:
    """Batches of new articles; now and then a corrected version of an earlier one."""
    rng = random.Random(seed)
    out, n = [], 0
    for _ in range(steps):
        batch = []
        for _ in range(rng.randrange(1, 4)):
            n += 1
            url = f"https://news.example/{rng.randrange(0, 12)}"  # some urls come back
            batch.append(article(rng, n, url))
        out.append(batch)
    return out


@pytest.fixture
def stores(new_db_url):
    made = [open_store(new_db_url()), open_store(new_db_url())]
    yield made
    for engine in made:
        engine.dispose()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_each_update_equals_a_rebuild_from_scratch(stores, seed, monkeypatch):
    stepwise, scratch = stores
    joined: list[int] = []
    real_join = incremental._join
    monkeypatch.setattr(incremental, "_join",
                        lambda conn, joins, new: (joined.append(len(joins)),
                                                  real_join(conn, joins, new))[1])
    rebuilds = []
    real = resolution._rebuild
    monkeypatch.setattr(resolution, "_rebuild",
                        lambda conn: (rebuilds.append(1), real(conn))[1])
    for step, batch in enumerate(batches(seed, steps=10)):
        write(stepwise, batch)
        write(scratch, batch)
        assert resolution.update(stepwise) is not None
        resolution.rebuild(scratch)
        assert resolved(stepwise) == resolved(scratch), f"step {step}"
    # the first update builds the layer; every later one is incremental, some entities
    # joining their actor as they are, the others re-clustered
    assert len(rebuilds) == 1 + 10
    assert sum(joined) > 0
    forms = {f["form"] for f in resolved(stepwise)["actor_forms"]}
    assert {"the envoy", "the minister"} <= forms


def _falk(text: str, source: str, day: date, name: str = "Greta Falk") -> Extraction:
    return Extraction(
        article=Article(id=article_id(text), text=text, source=source, title=text.split("\n")[0],
                        published=day),
        entities=(Entity("E1", "PERSON", name, aliases=("Falk",),
                         mentions=(_span(text, name),)),
                  Entity("E2", "GPE", "Hallvik", mentions=(_span(text, "Hallvik"),))))


@pytest.fixture
def two_stories(db_url):
    """Five articles of the random world, and one about Greta Falk in Hallvik."""
    engine = open_store(db_url)
    rng = random.Random(7)
    other = _falk("Other story\n\nGreta Falk visited Hallvik on Monday. Falk left.", "o.txt",
                  START)
    write(engine, [*[article(rng, n) for n in range(1, 6)], other])
    resolution.update(engine)
    yield engine, other
    engine.dispose()


def spy_on_clustering(monkeypatch) -> list[set[str]]:
    seen: list[set[str]] = []
    real = incremental.resolve_actors

    def spy(records):
        seen.append({r["article"]["id"] for r in records})
        return real(records)

    monkeypatch.setattr(incremental, "resolve_actors", spy)
    return seen


def test_an_update_reads_only_the_story_it_touches(two_stories, monkeypatch):
    engine, other = two_stories
    seen = spy_on_clustering(monkeypatch)
    later = _falk("Falk again\n\nJonas Falk returned to Hallvik. Falk spoke.", "p.txt",
                  START + timedelta(days=1), name="Jonas Falk")  # a new person: re-clustered
    write(engine, [later])
    resolution.update(engine)
    assert seen == [{other.article.id, later.article.id}]  # none of the five others
    names = {a["name"] for a in resolved(engine)["actors"]}
    assert {"Greta Falk", "Jonas Falk"} <= names  # two people, not one


def test_a_known_actor_again_joins_it_without_re_clustering(two_stories, monkeypatch):
    engine, _ = two_stories
    seen = spy_on_clustering(monkeypatch)
    later = _falk("Falk again\n\nGreta Falk returned to Hallvik. Falk spoke.", "p.txt",
                  START + timedelta(days=1))
    write(engine, [later])
    resolution.update(engine)
    assert seen in ([], [set()])  # nothing re-clustered: both entities joined their actor
    layer = resolved(engine)
    falk = next(a for a in layer["actors"] if a["name"] == "Greta Falk")
    assert sum(m["actor_id"] == falk["id"] for m in layer["actor_members"]) == 2
    forms = {f["form"]: f["count"] for f in layer["actor_forms"] if f["actor_id"] == falk["id"]}
    assert forms == {"Greta Falk": 2, "Falk": 2}


def test_a_layer_without_resolution_keys_is_rebuilt_once(db_url, monkeypatch):
    engine = open_store(db_url)
    try:
        first, second = batches(5, steps=2)
        write(engine, first)
        resolution.update(engine)
        with engine.begin() as conn:  # as a store resolved before the keys existed
            conn.execute(resolution.resolution_keys.delete())
        write(engine, second)
        rebuilds = []
        real = resolution._rebuild
        monkeypatch.setattr(resolution, "_rebuild",
                            lambda conn: (rebuilds.append(1), real(conn))[1])
        resolution.update(engine)
        assert rebuilds == [1]
        assert resolved(engine)["resolution_keys"]
    finally:
        engine.dispose()


def _person(name: str, day: date, n: int) -> Extraction:
    text = f"Report {n}\n\n{name} spoke in Karsk."
    return Extraction(
        article=Article(id=article_id(text), text=text, source=f"m{n}.txt", title=f"Report {n}",
                        published=day),
        entities=(Entity("E1", "PERSON", name, mentions=(_span(text, name),)),))


def test_a_spelling_seen_only_later_is_re_clustered_not_joined(stores):
    """"Andre" matches "Andriy" and "Andreas", which do not match each other: who ends up
    with whom depends on the order, so a mention earlier than every other of its spelling
    cannot simply join that spelling's actor."""
    stepwise, scratch = stores
    day = START
    first = [_person("Andriy Morozov", day + timedelta(days=1), 1),
             _person("Andreas Morozov", day + timedelta(days=2), 2),
             _person("Andre Morozov", day + timedelta(days=3), 3),
             _person("Andre Morozov", day + timedelta(days=4), 5)]  # the actor's name
    earlier = [_person("Andre Morozov", day, 4)]
    for batch in (first, earlier):
        write(stepwise, batch)
        write(scratch, batch)
        resolution.update(stepwise)
        resolution.rebuild(scratch)
        assert resolved(stepwise) == resolved(scratch)
    assert len([a for a in resolved(stepwise)["actors"] if a["type"] == "PERSON"]) == 1


def test_a_change_that_cannot_be_applied_piecewise_is_rebuilt_whole(stores, monkeypatch):
    stepwise, scratch = stores
    first, second = batches(11, steps=2)
    for engine in stores:
        write(engine, first)
        resolution.update(engine)
        write(engine, second)

    def give_up(*_args):  # after the actors are rewritten: the savepoint must undo them
        raise incremental.NotIncremental("for the test")

    monkeypatch.setattr(incremental, "_events", give_up)
    assert resolution.update(stepwise) is not None
    resolution.rebuild(scratch)
    assert resolved(stepwise) == resolved(scratch)
