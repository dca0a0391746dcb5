"""The Python API, ``newsgraph.KnowledgeBase`` (kb.py), on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil

import pytest

import newsgraph
from newsgraph.kb import KnowledgeBase
from newsgraph.model import RawArticle
from newsgraph.store.check import problems, snapshot
from newsgraph.store.ingest import IngestCounts
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model

ARTICLES = ["a_oslo_talks_preview.txt", "a_oslo_talks_outcome.txt", "b_trawler_briefing.txt"]


@pytest.fixture
def folder(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ARTICLES:
        shutil.copy(EXAMPLES / "articles" / name, inputs / name)
    (inputs / "z_empty.txt").write_text("")
    return inputs


def test_exported_lazily_from_the_package():
    assert newsgraph.KnowledgeBase is KnowledgeBase
    assert "KnowledgeBase" in newsgraph.__all__


def test_ingest_a_folder_then_again(db_url, folder, nlp):
    with KnowledgeBase(db_url) as kb:
        assert kb.ingest(folder, batch_size=2) == IngestCounts(stored=3, skipped=0, rejected=1)
        stored = kb.articles()
        assert sorted(a.source.rsplit("/", 1)[1] for a in stored) == sorted(ARTICLES)
        [reject] = kb.rejects()
        assert reject.source.endswith("z_empty.txt") and reject.reason == "empty file"
        record = kb.record(stored[0].id)
        assert record["article"]["id"] == stored[0].id and record["entities"]
        before = snapshot(kb.engine)

        assert kb.ingest([folder]) == IngestCounts(stored=0, skipped=3, rejected=1)
        assert snapshot(kb.engine) == before
        assert problems(kb.engine) == []


def test_ingest_raw_articles_and_versions(db_url, nlp):
    body = ("Nordland's Foreign Minister Elena Marsh will meet her Estmark counterpart in "
            "Oslo on Thursday, the ministry said.")
    first = RawArticle(source="feed", body=body, title="Ministers to meet",
                       url="https://news.example/oslo")
    second = RawArticle(source="feed", body=body + " The talks were postponed.",
                        title="Ministers to meet", url="https://news.example/oslo")
    with KnowledgeBase(db_url) as kb:
        assert kb.ingest(first).stored == 1
        assert kb.ingest([second, first]) == IngestCounts(stored=1, skipped=1)
        old, new = sorted(kb.articles(), key=lambda a: a.version)
        assert (new.version, new.supersedes) == (2, old.id)
        assert new.url == old.url == "https://news.example/oslo"


def test_defaults_fill_missing_metadata(db_url, folder, nlp):
    from datetime import date

    from newsgraph.read import Metadata

    undated = folder / "b_danube_low_water_nodate.txt"
    shutil.copy(EXAMPLES / "articles" / undated.name, undated)
    with KnowledgeBase(db_url) as kb:
        kb.ingest(undated, defaults=Metadata(published=date(2026, 3, 11)))
        [article] = kb.articles()
        assert article.published == date(2026, 3, 11)


# --- the resolved layer through the API -----------------------------------------------------


@pytest.fixture
def story_kb(db_url):
    from newsgraph.store.ingest import write
    from tests.test_store_resolution import story

    with KnowledgeBase(db_url) as kb:
        write(kb.engine, story())
        yield kb


def test_resolve_then_query(story_kb, tmp_path):
    from newsgraph.store.resolution import ResolutionCounts

    kb = story_kb
    assert kb.events() == []  # stored by the bare writer: nothing resolved yet
    assert kb.resolve(rebuild=False) == ResolutionCounts(articles=3, actors=4, events=2)
    assert kb.resolve(rebuild=False) == ResolutionCounts(articles=3, actors=4, events=2)
    assert kb.resolve() == ResolutionCounts(articles=3, actors=4, events=2)

    [morozov] = kb.actors("andrei", type="PERSON")
    assert {"Andriy Morozov", "Andrei Morozov"} <= set(morozov.forms)
    assert kb.actor(morozov.id).name == "Andriy Morozov"
    meeting = kb.events(actor="Morozov", date_from="2026-03", date_to="2026-03")
    assert [[s.status for s in e.sources] for e in meeting] == [["planned", "occurred"]]
    assert [(t.sources, t.outlets) for t in kb.timeline(place="Karsk")] == [(2, 2), (1, 1)]
    assert len(kb.quotes(speaker="Oston", text="hands")) == 3
    assert len(kb.stances(holder="Oston", issue="quota", date_from="2026-04-01")) == 1
    done = kb.export("jsonl", tmp_path / "kb.jsonl")
    assert done.counts["events"] == 2 and done.paths == (tmp_path / "kb.jsonl",)


@pytest.mark.model
def test_ingest_brings_the_resolved_layer_up_to_date(db_url, folder, nlp):
    from newsgraph.store import resolution

    with KnowledgeBase(db_url) as kb:
        kb.ingest(folder, resolve=False)
        assert resolution.stale(kb.engine) and kb.actors() == []
        kb.ingest(folder)  # nothing new stored, but the layer was stale: it is rebuilt
        assert not resolution.stale(kb.engine)
        people = {a.name for a in kb.actors(type="PERSON")}
        assert {"Elena Marsh", "Andriy Morozov"} <= people
        assert kb.timeline()
        before = snapshot(kb.engine)
        kb.ingest(folder)
        assert snapshot(kb.engine) == before
